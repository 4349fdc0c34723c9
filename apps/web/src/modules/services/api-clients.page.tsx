import { useRef, useState } from 'react';
import { ModalForm, PageContainer, ProFormText, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Alert, Button, Popconfirm, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { translate } from '@qd/core';
import { api } from '../../api/client';
import { formatShanghai } from '../../components/shanghai-time';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';

interface ApiClient {
  id: string;
  name: string;
  keyPrefix: string;
  status: 'active' | 'revoked';
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** Api keys of the third-party Open311 clients (hotlines, apps): issued here, shown once, revocable. */
export default function ApiClientsPage() {
  const t = useT();
  const locale = useLocale();
  const showError = useErrorMessage();
  const actionRef = useRef<ActionType>(undefined);
  const [issued, setIssued] = useState<string | null>(null);
  const columns: ProColumns<ApiClient>[] = [
    { title: t('services.apiClients.name'), dataIndex: 'name' },
    { title: t('services.apiClients.prefix'), dataIndex: 'keyPrefix', render: (_, r) => <code>{r.keyPrefix}…</code> },
    {
      title: t('common.status'),
      dataIndex: 'status',
      render: (_, r) => <Tag color={r.status === 'active' ? 'green' : 'default'}>{t(`services.apiClients.${r.status}`)}</Tag>,
    },
    { title: t('services.apiClients.createdAt'), dataIndex: 'createdAt', render: (_, r) => formatShanghai(r.createdAt) },
    {
      title: t('services.apiClients.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      render: (_, r) => formatShanghai(r.lastUsedAt) || '—',
    },
    {
      title: t('common.actions'),
      valueType: 'option',
      render: (_, r) =>
        r.status === 'active' && (
          <Popconfirm
            title={t('services.apiClients.revokeConfirm')}
            onConfirm={async () => {
              try {
                await api.post(`/services/api-clients/${r.id}/revoke`, {});
                actionRef.current?.reload();
              } catch (e) {
                showError(e);
              }
            }}
          >
            <Button type="link" danger size="small">
              {t('services.apiClients.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];
  return (
    <PageContainer title={t('services.apiClients.title')}>
      {issued && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setIssued(null)}
          style={{ marginBottom: 16 }}
          message={t('services.apiClients.issued')}
          description={
            <Typography.Text copyable code data-testid="issued-key">
              {issued}
            </Typography.Text>
          }
        />
      )}
      <ProTable<ApiClient>
        rowKey="id"
        actionRef={actionRef}
        search={false}
        columns={columns}
        onRequestError={showError}
        request={async () => ({ data: await api.get<ApiClient[]>('/services/api-clients'), success: true })}
        options={{ reload: true, density: false, setting: false }}
        toolBarRender={() => [
          <ModalForm<{ name: string }>
            key="issue"
            title={t('services.apiClients.issue')}
            trigger={
              <Button type="primary" icon={<PlusOutlined />}>
                {t('services.apiClients.issue')}
              </Button>
            }
            modalProps={{ destroyOnHidden: true }}
            onFinish={async ({ name }) => {
              try {
                const res = await api.post<{ apiKey: string }>('/services/api-clients', { name });
                setIssued(res.apiKey);
                actionRef.current?.reload();
                return true;
              } catch (e) {
                showError(e);
                return false;
              }
            }}
          >
            <ProFormText
              name="name"
              label={t('services.apiClients.name')}
              rules={[{ required: true, message: translate('validation.required', locale) }]}
            />
          </ModalForm>,
        ]}
      />
    </PageContainer>
  );
}
