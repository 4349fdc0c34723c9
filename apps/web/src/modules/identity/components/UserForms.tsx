import { ModalForm, ProFormDependency, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import { Form } from 'antd';
import { ROLE_CODES, translate, type Role, type User } from '@qd/core';
import { api } from '../../../api/client';
import { useMe } from '../../../app/auth/useAuth';
import { RegionSelectField } from '../../../components/RegionSelectField';
import { testId } from '../../../components/test-id';
import { roleName } from '../../../i18n/domain-labels';
import { enumLabel } from '../../../i18n/enum-label';
import { optionsOf } from '../../../i18n/enum-options';
import { useLocale } from '../../../i18n/useLocale';
import { useT } from '../../../i18n/useT';
import { OrganizationSelectField } from './OrganizationSelectField';
import { confirmPasswordRules, newPasswordRules } from './password-rules';
import { needsOrganization, roleRules } from './role-rules';
import { useUserAction } from './useUserAction';

interface FormProps {
  onClose: (changed: boolean) => void;
}

function useRoleOptions() {
  const locale = useLocale();
  return ROLE_CODES.map((r) => ({ value: r, label: roleName(r, locale) }));
}

interface CreateValues {
  username: string;
  displayName: string;
  password: string;
  confirmPassword: string;
  regionCode: string;
  organizationId?: string;
  roles: Role[];
  phone?: string;
}

/** New account (system administrator). Its first password must be changed at first login. */
export function CreateUserForm({ onClose }: FormProps) {
  const t = useT();
  const locale = useLocale();
  const me = useMe();
  const [form] = Form.useForm<CreateValues>();
  const run = useUserAction(() => onClose(true));
  const required = [{ required: true, message: translate('validation.required', locale) }];

  return (
    <ModalForm<CreateValues>
      open
      title={t('user.new')}
      form={form}
      modalProps={{ destroyOnHidden: true, onCancel: () => onClose(false) }}
      submitter={{ submitButtonProps: testId('save-button', {}) }}
      initialValues={{ regionCode: me.regionCode, roles: [] }}
      onFinish={(v) =>
        run(
          form,
          () =>
            api.post('/users', {
              username: v.username.trim(),
              displayName: v.displayName,
              password: v.password,
              regionCode: v.regionCode,
              organizationId: v.organizationId ?? null,
              roles: v.roles,
              ...(v.phone ? { phone: v.phone } : {}),
            }),
          t('common.created'),
        )
      }
    >
      <ProFormText
        name="username"
        label={t('user.username')}
        rules={[...required, { pattern: /^[A-Za-z0-9._-]{3,32}$/, message: translate('username.format', locale) }]}
        fieldProps={{ autoComplete: 'off' }}
      />
      <ProFormText name="displayName" label={t('user.displayName')} rules={required} />
      <ProFormText.Password
        name="password"
        label={t('user.password')}
        tooltip={t('password.policy')}
        dependencies={['username']}
        rules={newPasswordRules(locale, () => form.getFieldValue('username') as string | undefined)}
        fieldProps={{ autoComplete: 'new-password' }}
      />
      <ProFormText.Password
        name="confirmPassword"
        label={t('password.confirm')}
        dependencies={['password']}
        rules={confirmPasswordRules(t('common.passwordMismatch'), locale)}
        fieldProps={{ autoComplete: 'new-password' }}
      />
      <RegionSelectField />
      <ProFormSelect
        name="roles"
        label={t('user.roles')}
        mode="multiple"
        options={useRoleOptions()}
        rules={[...required, ...roleRules(locale)]}
      />
      <ProFormDependency name={['roles']}>
        {({ roles }: { roles?: Role[] }) => <OrganizationSelectField required={needsOrganization(roles)} />}
      </ProFormDependency>
      <ProFormText name="phone" label={`${t('common.phone')} ${t('common.optional')}`} fieldProps={{ inputMode: 'tel' }} />
    </ModalForm>
  );
}

interface EditValues {
  displayName: string;
  status: User['status'];
}

export function EditUserForm({ user, onClose }: FormProps & { user: User }) {
  const t = useT();
  const locale = useLocale();
  const [form] = Form.useForm<EditValues>();
  const run = useUserAction(() => onClose(true));
  return (
    <ModalForm<EditValues>
      open
      title={`${t('user.editTitle')} · ${user.username}`}
      form={form}
      modalProps={{ destroyOnHidden: true, onCancel: () => onClose(false) }}
      initialValues={{ displayName: user.displayName, status: user.status }}
      onFinish={(v) => run(form, () => api.patch(`/users/${user.id}`, v), t('common.saved'))}
    >
      <ProFormText
        name="displayName"
        label={t('user.displayName')}
        rules={[{ required: true, message: translate('validation.required', locale) }]}
      />
      <ProFormSelect
        name="status"
        label={t('user.status')}
        options={optionsOf(['active', 'disabled'] as const, (c) => enumLabel(t, 'userStatus', c))}
      />
    </ModalForm>
  );
}

export function UserRolesForm({ user, onClose }: FormProps & { user: User }) {
  const t = useT();
  const locale = useLocale();
  const [form] = Form.useForm<{ roles: Role[] }>();
  const run = useUserAction(() => onClose(true));
  return (
    <ModalForm<{ roles: Role[] }>
      open
      title={`${t('user.rolesTitle')} · ${user.displayName}`}
      form={form}
      modalProps={{ destroyOnHidden: true, onCancel: () => onClose(false) }}
      initialValues={{ roles: user.roles }}
      onFinish={(v) => run(form, () => api.put(`/users/${user.id}/roles`, { roles: v.roles }), t('common.saved'))}
    >
      <ProFormSelect name="roles" label={t('user.roles')} mode="multiple" options={useRoleOptions()} rules={roleRules(locale)} />
    </ModalForm>
  );
}

export function ResetPasswordForm({ user, onClose }: FormProps & { user: User }) {
  const t = useT();
  const locale = useLocale();
  const [form] = Form.useForm<{ newPassword: string; confirmPassword: string }>();
  const run = useUserAction(() => onClose(true));
  return (
    <ModalForm<{ newPassword: string; confirmPassword: string }>
      open
      title={t('user.resetPasswordTitle', { name: user.displayName })}
      form={form}
      modalProps={{ destroyOnHidden: true, onCancel: () => onClose(false) }}
      onFinish={(v) =>
        run(form, () => api.post(`/users/${user.id}/reset-password`, { newPassword: v.newPassword }), t('user.resetDone'))
      }
    >
      <ProFormText.Password
        name="newPassword"
        label={t('password.new')}
        extra={t('password.policy')}
        rules={newPasswordRules(locale, () => user.username)}
        fieldProps={{ autoComplete: 'new-password' }}
      />
      <ProFormText.Password
        name="confirmPassword"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={confirmPasswordRules(t('common.passwordMismatch'), locale, 'newPassword')}
        fieldProps={{ autoComplete: 'new-password' }}
      />
    </ModalForm>
  );
}
