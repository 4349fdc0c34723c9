import { useRef } from 'react';
import { PageContainer, ProFormSelect, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { App, Button, Space, Tag } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import { RISK_CLASSES, TARGET_FLAGS, type SupervisionTarget } from '@qd/core';
import { api } from '../../api/client';
import { fetchPage, toListQuery } from '../../api/pro-table';
import { useCan } from '../../app/auth/useAuth';
import { keywordSearch } from '../../components/keyword-search';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useT } from '../../i18n/useT';
import { useIndustrySectionOptions } from '../registry/components/useIndustrySectionOptions';
import { ActionButtonPut } from './components/ActionButtonPut';
import { svLabel, svOptions, svValueEnum } from './components/sv-label';

const RISK_COLORS: Record<string, string> = { high: 'red', mediumHigh: 'orange', medium: 'gold', low: 'green' };

/** The target directory: enterprises from the registry with risk class, products and flags. */
export default function TargetsPage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const sections = useIndustrySectionOptions();
  const actionRef = useRef<ActionType>(undefined);

  const columns: ProColumns<SupervisionTarget>[] = [
    { title: t('supervision.target.name'), dataIndex: 'name', hideInSearch: true, ellipsis: true },
    { title: t('supervision.target.creditCode'), dataIndex: 'creditCode', hideInSearch: true, width: 200 },
    { title: t('supervision.target.industry'), dataIndex: 'industrySection', width: 110, valueEnum: sections.valueEnum },
    {
      title: t('supervision.target.riskClass'),
      dataIndex: 'riskClass',
      width: 110,
      valueEnum: svValueEnum(t, 'riskClass', RISK_CLASSES),
      render: (_, r) => <Tag color={RISK_COLORS[r.riskClass]}>{svLabel(t, 'riskClass', r.riskClass)}</Tag>,
    },
    {
      title: t('supervision.target.products'),
      dataIndex: 'products',
      hideInSearch: true,
      render: (_, r) => r.products.join('、') || t('common.none'),
    },
    {
      title: t('supervision.target.flags'),
      dataIndex: 'flag',
      valueEnum: svValueEnum(t, 'flag', TARGET_FLAGS),
      render: (_, r) => (
        <Space size={[0, 4]} wrap>
          {r.flags.map((f) => (
            <Tag key={f}>{svLabel(t, 'flag', f)}</Tag>
          ))}
        </Space>
      ),
    },
    ...(can('supervision.manage')
      ? [
          {
            title: t('common.actions'),
            valueType: 'option' as const,
            width: 100,
            render: (_: unknown, r: SupervisionTarget) => (
              <ActionButtonPut
                label={t('common.edit')}
                path={`/supervision/targets/${r.enterpriseId}`}
                initialValues={{ riskClass: r.riskClass, flags: r.flags, products: r.products }}
                onDone={() => actionRef.current?.reload()}
                fields={
                  <>
                    <ProFormSelect
                      name="riskClass"
                      label={t('supervision.target.riskClass')}
                      options={svOptions(t, 'riskClass', RISK_CLASSES)}
                    />
                    <ProFormSelect
                      name="products"
                      label={t('supervision.target.products')}
                      mode="tags"
                      fieldProps={{ open: false }}
                    />
                    <ProFormSelect
                      name="flags"
                      label={t('supervision.target.flags')}
                      mode="multiple"
                      options={svOptions(t, 'flag', TARGET_FLAGS)}
                    />
                  </>
                }
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <PageContainer title={t('supervision.target.list')}>
      <ProTable<SupervisionTarget>
        rowKey="enterpriseId"
        actionRef={actionRef}
        columns={columns}
        search={{ labelWidth: 'auto' }}
        request={(params, sort) => fetchPage<SupervisionTarget>('/supervision/targets', toListQuery(params, sort))}
        options={{ search: keywordSearch(t('supervision.target.search')), reload: true, density: false, setting: false }}
        toolBarRender={() =>
          can('supervision.manage')
            ? [
                <Button
                  key="sync"
                  icon={<SyncOutlined />}
                  onClick={async () => {
                    try {
                      const r = await api.post<{ added: number; total: number }>('/supervision/targets/sync');
                      void message.success(t('supervision.target.synced', { added: r.added, total: r.total }));
                      actionRef.current?.reload();
                    } catch (error) {
                      showError(error);
                    }
                  }}
                >
                  {t('supervision.target.sync')}
                </Button>,
              ]
            : []
        }
      />
    </PageContainer>
  );
}
