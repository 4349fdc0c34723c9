import { useRef, useState } from 'react';
import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Button, Popconfirm, Space, Tag, Tooltip } from 'antd';
import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import { ROLE_CODES, type User } from '@qd/core';
import { api } from '../../api/client';
import { fetchPage, toListQuery } from '../../api/pro-table';
import { useCan } from '../../app/auth/useAuth';
import { keywordSearch } from '../../components/keyword-search';
import { useErrorMessage } from '../../components/useErrorMessage';
import { formatShanghai } from '../../components/shanghai-time';
import { roleName } from '../../i18n/domain-labels';
import { enumLabel } from '../../i18n/enum-label';
import { valueEnumOf } from '../../i18n/enum-options';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import { CreateUserForm, EditUserForm, ResetPasswordForm, UserRolesForm } from './components/UserForms';
import { useUserAction } from './components/useUserAction';

type Dialog = { kind: 'create' } | { kind: 'edit' | 'roles' | 'reset'; user: User } | null;

function isLocked(user: User): boolean {
  return !!user.lockedUntil && Date.parse(user.lockedUntil) > Date.now();
}

/**
 * Accounts. The three administrator duties are split (MLPS level 3): the system administrator
 * creates and edits accounts, the security administrator assigns roles and unlocks, and the
 * buttons follow those permissions.
 */
export default function UsersPage() {
  const t = useT();
  const showError = useErrorMessage();
  const locale = useLocale();
  const can = useCan();
  const actionRef = useRef<ActionType>(undefined);
  const [dialog, setDialog] = useState<Dialog>(null);
  const reload = () => actionRef.current?.reload();
  const unlock = useUserAction(reload);
  const close = (changed: boolean) => {
    setDialog(null);
    if (changed) reload();
  };

  const canManage = can('identity.user.manage');
  const canAssign = can('identity.role.assign');
  const canUnlock = can('identity.user.unlock');

  const columns: ProColumns<User>[] = [
    { title: t('user.username'), dataIndex: 'username', sorter: true, hideInSearch: true },
    { title: t('user.displayName'), dataIndex: 'displayName', hideInSearch: true },
    {
      title: t('user.roles'),
      dataIndex: 'role',
      valueEnum: valueEnumOf(ROLE_CODES, (r) => roleName(r, locale)),
      render: (_, row) => (
        <Space size={[0, 4]} wrap>
          {row.roles.map((r) => (
            <Tag key={r}>{roleName(r, locale)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('user.organization'),
      dataIndex: 'organizationName',
      hideInSearch: true,
      render: (_, row) => row.organizationName ?? t('common.none'),
    },
    {
      title: t('user.status'),
      dataIndex: 'status',
      width: 140,
      valueEnum: valueEnumOf(
        ['active', 'disabled'] as const,
        (c) => enumLabel(t, 'userStatus', c),
        (c) => (c === 'active' ? 'Success' : 'Default'),
      ),
      render: (dom, row) => (
        <Space>
          {dom}
          {isLocked(row) && (
            <Tooltip title={t('user.lockedUntil', { time: formatShanghai(row.lockedUntil) })}>
              <Tag color="red" icon={<LockOutlined />}>
                {t('user.locked')}
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('user.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      sorter: true,
      hideInSearch: true,
      width: 170,
      render: (_, row) => formatShanghai(row.lastLoginAt) || t('common.none'),
    },
    {
      title: t('common.actions'),
      valueType: 'option',
      width: 240,
      render: (_, row) =>
        [
          canManage && (
            <Button key="edit" type="link" size="small" onClick={() => setDialog({ kind: 'edit', user: row })}>
              {t('common.edit')}
            </Button>
          ),
          canAssign && (
            <Button key="roles" type="link" size="small" onClick={() => setDialog({ kind: 'roles', user: row })}>
              {t('user.changeRoles')}
            </Button>
          ),
          canUnlock && isLocked(row) && (
            <Popconfirm
              key="unlock"
              title={t('user.unlockConfirm')}
              onConfirm={() => unlock(null, () => api.post(`/users/${row.id}/unlock`), t('user.unlocked'))}
            >
              <Button type="link" size="small">
                {t('user.unlock')}
              </Button>
            </Popconfirm>
          ),
          canUnlock && (
            <Button key="reset" type="link" size="small" onClick={() => setDialog({ kind: 'reset', user: row })}>
              {t('user.resetPassword')}
            </Button>
          ),
        ].filter(Boolean),
    },
  ];

  return (
    <PageContainer title={t('user.list')}>
      <ProTable<User>
        rowKey="id"
        onRequestError={showError}
        actionRef={actionRef}
        columns={columns}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showTotal: (total) => t('common.total', { total }) }}
        request={(params, sort) => fetchPage<User>('/users', toListQuery(params, sort))}
        options={{ search: keywordSearch(t('user.searchPlaceholder')), reload: true, density: false, setting: false }}
        toolBarRender={() =>
          canManage
            ? [
                <Button
                  key="create"
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setDialog({ kind: 'create' })}
                  data-testid="create-button"
                >
                  {t('common.create')}
                </Button>,
              ]
            : []
        }
      />
      {dialog?.kind === 'create' && <CreateUserForm onClose={close} />}
      {dialog?.kind === 'edit' && <EditUserForm user={dialog.user} onClose={close} />}
      {dialog?.kind === 'roles' && <UserRolesForm user={dialog.user} onClose={close} />}
      {dialog?.kind === 'reset' && <ResetPasswordForm user={dialog.user} onClose={close} />}
    </PageContainer>
  );
}
