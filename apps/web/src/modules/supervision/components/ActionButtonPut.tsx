import type { ReactNode } from 'react';
import { ModalForm } from '@ant-design/pro-components';
import { App, Button, Form } from 'antd';
import { api } from '../../../api/client';
import { showServerFieldErrors } from '../../../components/form-errors';
import { useErrorMessage } from '../../../components/useErrorMessage';
import { useT } from '../../../i18n/useT';

/** An edit of one record in a small modal form, PUT to the server. */
export function ActionButtonPut<V extends Record<string, unknown>>(props: {
  label: string;
  path: string;
  fields: ReactNode;
  initialValues: Partial<V>;
  onDone: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [form] = Form.useForm<V>();
  return (
    <ModalForm<V>
      title={props.label}
      trigger={
        <Button type="link" size="small">
          {props.label}
        </Button>
      }
      form={form}
      initialValues={props.initialValues}
      modalProps={{ destroyOnHidden: true }}
      onFinish={async (values) => {
        try {
          await api.put(props.path, values);
          void message.success(t('common.saved'));
          props.onDone();
          return true;
        } catch (error) {
          if (!showServerFieldErrors(form, error)) showError(error);
          return false;
        }
      }}
    >
      {props.fields}
    </ModalForm>
  );
}
