import type { ReactNode } from 'react';
import { ModalForm } from '@ant-design/pro-components';
import { App, Button, Form, Popconfirm } from 'antd';
import { api } from '../../../api/client';
import { showServerFieldErrors } from '../../../components/form-errors';
import { useErrorMessage } from '../../../components/useErrorMessage';
import { useT } from '../../../i18n/useT';

interface ActionButtonProps<V extends Record<string, unknown>> {
  label: string;
  /** The endpoint under /api/v1 the action POSTs to. */
  path: string;
  /** Form fields; without them the action asks for confirmation and posts no body. */
  fields?: ReactNode;
  initialValues?: Partial<V>;
  /** Turns the form's values into the request body (defaults to the values). */
  toBody?: (values: V) => unknown;
  onDone: (result: unknown) => void;
  primary?: boolean;
  danger?: boolean;
  testId?: string;
}

/**
 * One workflow step as a button: a confirmation or a small form, POSTed to the server, which
 * decides (403 / 409 / 422 come back as messages or as errors on the fields they name).
 */
export function ActionButton<V extends Record<string, unknown>>(props: ActionButtonProps<V>) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [form] = Form.useForm<V>();

  const send = async (body: unknown): Promise<boolean> => {
    try {
      const result = await api.post(props.path, body);
      void message.success(t('common.saved'));
      props.onDone(result);
      return true;
    } catch (error) {
      if (!props.fields || !showServerFieldErrors(form, error)) showError(error);
      return false;
    }
  };

  const button = (
    <Button type={props.primary ? 'primary' : 'default'} danger={props.danger} data-testid={props.testId}>
      {props.label}
    </Button>
  );
  if (!props.fields) {
    return (
      <Popconfirm
        title={props.label}
        description={t('supervision.confirmStep')}
        onConfirm={() => send(undefined)}
        okButtonProps={{ 'data-testid': 'confirm-ok' } as never}
      >
        {button}
      </Popconfirm>
    );
  }
  return (
    <ModalForm<V>
      title={props.label}
      trigger={button}
      form={form}
      initialValues={props.initialValues}
      dateFormatter="string"
      modalProps={{ destroyOnHidden: true }}
      submitter={{ submitButtonProps: { 'data-testid': 'modal-submit' } as never }}
      onFinish={async (values) => send(props.toBody ? props.toBody(values) : values)}
    >
      {props.fields}
    </ModalForm>
  );
}
