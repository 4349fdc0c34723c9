import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { App, Button } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { ENTERPRISE_SIZES, ORGANIZATION_STATUSES, type Organization } from '@qd/core';
import { api, type Query } from '../../api/client';
import { fetchPage, toListQuery } from '../../api/pro-table';
import { useCan } from '../../app/auth/useAuth';
import { keywordSearch } from '../../components/keyword-search';
import { useErrorMessage } from '../../components/useErrorMessage';
import { industrySectionName, withCode } from '../../i18n/domain-labels';
import { enumLabel } from '../../i18n/enum-label';
import { valueEnumOf } from '../../i18n/enum-options';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import { ImportEnterprisesButton } from './components/ImportEnterprisesButton';
import { orgStatusBadge } from './components/org-status';
import { useIndustrySectionOptions } from './components/useIndustrySectionOptions';

export default function EnterprisesPage() {
  const t = useT();
  const locale = useLocale();
  const can = useCan();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const actionRef = useRef<ActionType>(undefined);
  // The export uses the filters of the list on screen, so what is exported is what was seen.
  const lastFilters = useRef<Query>({});
  /** Whether the last page's total was an estimate (above 10,000 matches). */
  const estimated = useRef(false);
  const [exporting, setExporting] = useState(false);
  const sections = useIndustrySectionOptions();

  const columns: ProColumns<Organization>[] = [
    {
      title: t('enterprise.name'),
      dataIndex: 'name',
      sorter: true,
      hideInSearch: true,
      render: (_, row) => (
        <Link to={`/registry/enterprises/${row.id}`} onClick={(e) => e.stopPropagation()}>
          {row.name}
        </Link>
      ),
    },
    { title: t('common.creditCode'), dataIndex: 'creditCode', hideInSearch: true, width: 200 },
    {
      title: t('enterprise.industry'),
      dataIndex: 'industrySection',
      valueEnum: sections.valueEnum,
      fieldProps: { showSearch: true },
      render: (_, row) => withCode(industrySectionName(row.industrySection, locale), row.industryCode, locale),
    },
    {
      title: t('enterprise.size'),
      dataIndex: 'size',
      width: 100,
      valueEnum: valueEnumOf(ENTERPRISE_SIZES, (c) => enumLabel(t, 'size', c)),
    },
    { title: t('enterprise.foundedOn'), dataIndex: 'foundedOn', sorter: true, hideInSearch: true, width: 120 },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 100,
      valueEnum: valueEnumOf(ORGANIZATION_STATUSES, (c) => enumLabel(t, 'orgStatus', c), orgStatusBadge),
    },
  ];

  async function exportList() {
    setExporting(true);
    try {
      await api.download('/enterprises/export', lastFilters.current, 'enterprises.xlsx');
      void message.success(t('enterprise.exported'));
    } catch (error) {
      showError(error);
    } finally {
      setExporting(false);
    }
  }

  return (
    <PageContainer title={t('enterprise.list')}>
      <ProTable<Organization>
        rowKey="id"
        onRequestError={showError}
        actionRef={actionRef}
        columns={columns}
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        pagination={{
          defaultPageSize: 20,
          showSizeChanger: true,
          showTotal: (total) =>
            estimated.current
              ? t('common.totalEstimate', { total: total.toLocaleString('zh-CN') })
              : t('common.total', { total }),
        }}
        request={async (params, sort) => {
          const query = toListQuery(params, sort);
          const { current: _c, pageSize: _p, ...filters } = query;
          lastFilters.current = filters;
          const page = await fetchPage<Organization>('/enterprises', query);
          estimated.current = page.totalIsEstimate;
          return page;
        }}
        onRow={(row) => ({ onClick: () => navigate(`/registry/enterprises/${row.id}`), style: { cursor: 'pointer' } })}
        options={{
          search: keywordSearch(t('enterprise.searchPlaceholder')),
          reload: true,
          density: false,
          setting: false,
        }}
        toolBarRender={() =>
          [
            can('registry.enterprise.write') && (
              <Button
                key="create"
                type="primary"
                icon={<PlusOutlined />}
                data-testid="create-button"
                onClick={() => navigate('/registry/enterprises/new')}
              >
                {t('common.create')}
              </Button>
            ),
            can('registry.export') && (
              <Button
                key="export"
                icon={<DownloadOutlined />}
                loading={exporting}
                onClick={exportList}
                data-testid="export-button"
              >
                {t('common.export')}
              </Button>
            ),
            can('registry.import') && <ImportEnterprisesButton key="import" onImported={() => actionRef.current?.reload()} />,
          ].filter(Boolean)
        }
      />
    </PageContainer>
  );
}
