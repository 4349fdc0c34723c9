import { useNavigate } from 'react-router';
import { PageContainer, ProForm, ProFormText } from '@ant-design/pro-components';
import { Alert, App, Card, Form } from 'antd';
import { checkPassword, translate } from '@qd/core';
import { api } from '../../api/client';
import { useAuth, useMe } from '../../app/auth/useAuth';
import { showServerFieldErrors } from '../../components/form-errors';
import { testId } from '../../components/test-id';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export default function ChangePasswordPage() {
  const t = useT();
  const locale = useLocale();
  const me = useMe();
  const { refresh } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [form] = Form.useForm<PasswordValues>();

  async function submit(values: PasswordValues) {
    try {
      await api.post('/auth/change-password', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      void message.success(t('password.changed'));
      form.resetFields();
      await refresh();
      navigate('/', { replace: true });
      return true;
    } catch (error) {
      if (!showServerFieldErrors(form, error)) showError(error);
      return false;
    }
  }

  return (
    <PageContainer title={t('password.title')}>
      <Card style={{ maxWidth: 560 }}>
        {me.mustChangePassword && (
          <Alert type="warning" showIcon message={t('password.mustChange')} style={{ marginBottom: 16 }} role="alert" />
        )}
        <Alert type="info" message={t('password.policy')} style={{ marginBottom: 24 }} data-testid="password-policy" />
        <ProForm<PasswordValues>
          form={form}
          onFinish={submit}
          submitter={{
            searchConfig: { submitText: t('common.save') },
            resetButtonProps: false,
            submitButtonProps: testId('save-button', {}),
          }}
        >
          <ProFormText.Password
            name="currentPassword"
            label={t('password.current')}
            fieldProps={{ autoComplete: 'current-password' }}
            rules={[{ required: true, message: translate('validation.required', locale) }]}
          />
          <ProFormText.Password
            name="newPassword"
            label={t('password.new')}
            fieldProps={{ autoComplete: 'new-password' }}
            dependencies={['currentPassword']}
            rules={[
              { required: true, message: translate('validation.required', locale) },
              ({ getFieldValue }) => ({
                validator(_, value: string | undefined) {
                  if (!value) return Promise.resolve();
                  const problem = checkPassword(value, me.username);
                  if (problem) return Promise.reject(new Error(translate(problem, locale)));
                  if (value === getFieldValue('currentPassword')) {
                    return Promise.reject(new Error(translate('password.same', locale)));
                  }
                  return Promise.resolve();
                },
              }),
            ]}
          />
          <ProFormText.Password
            name="confirmPassword"
            label={t('password.confirm')}
            fieldProps={{ autoComplete: 'new-password' }}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: translate('validation.required', locale) },
              ({ getFieldValue }) => ({
                validator(_, value: string | undefined) {
                  return !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('common.passwordMismatch')));
                },
              }),
            ]}
          />
        </ProForm>
      </Card>
    </PageContainer>
  );
}
