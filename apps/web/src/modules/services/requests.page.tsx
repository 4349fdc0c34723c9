import { Link } from 'react-router';
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Button, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { NQI_CATEGORY_CODES, REQUEST_STATES, type RequestSummary } from '@qd/core';
import { fetchPage, toListQuery } from '../../api/pro-table';
import { useCan } from '../../app/auth/useAuth';
import { keywordSearch } from '../../components/keyword-search';
import { useErrorMessage } from '../../components/useErrorMessage';
import { formatShanghai } from '../../components/shanghai-time';
import { nqiCategoryName } from '../../i18n/domain-labels';
import { valueEnumOf } from '../../i18n/enum-options';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import { Countdown } from './components/Countdown';
import { serviceLabel, STATE_COLOURS } from './components/labels';

/** The handler's inbox, an enterprise's own requests, an institution's dispatched work: one list, scoped by the server. */
export default function RequestsPage() {
  const t = useT();
  const locale = useLocale();
  const can = useCan();
  const showError = useErrorMessage();
  const columns: ProColumns<RequestSummary>[] = [
    {
      title: t('services.request.number'),
      dataIndex: 'number',
      hideInSearch: true,
      sorter: true,
      render: (_, r) => <Link to={`/services/requests/${r.id}`}>{r.number}</Link>,
    },
    { title: t('services.request.service'), dataIndex: 'serviceName', hideInSearch: true },
    {
      title: t('services.catalogue.category'),
      dataIndex: 'category',
      valueEnum: valueEnumOf(NQI_CATEGORY_CODES, (c) => nqiCategoryName(c, locale)),
    },
    { title: t('services.request.enterprise'), dataIndex: 'enterpriseName', hideInSearch: true },
    {
      title: t('services.request.state'),
      dataIndex: 'state',
      valueEnum: valueEnumOf(REQUEST_STATES, (s) => serviceLabel(t, 'state', s)),
      render: (_, r) => <Tag color={STATE_COLOURS[r.state]}>{serviceLabel(t, 'state', r.state)}</Tag>,
    },
    {
      title: t('services.request.step'),
      dataIndex: 'step',
      hideInSearch: true,
      render: (_, r) => serviceLabel(t, 'step', r.step) || '—',
    },
    {
      title: t('services.request.deadline'),
      dataIndex: 'stepDeadline',
      hideInSearch: true,
      sorter: true,
      render: (_, r) =>
        r.stepDeadline ? (
          <span>
            {r.stepDeadline} <Countdown daysLeft={r.workingDaysLeft} overdue={r.overdue} />
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: t('services.request.overdue'),
      dataIndex: 'overdue',
      hideInTable: true,
      valueEnum: { true: { text: t('common.yes') }, false: { text: t('common.no') } },
    },
    {
      title: t('services.request.institutions'),
      dataIndex: 'institutionNames',
      hideInSearch: true,
      render: (_, r) => r.institutionNames.join('、') || '—',
    },
    {
      title: t('services.request.submittedAt'),
      dataIndex: 'submittedAt',
      hideInSearch: true,
      sorter: true,
      render: (_, r) => formatShanghai(r.submittedAt),
    },
  ];
  return (
    <PageContainer title={t('services.request.title')}>
      <ProTable<RequestSummary>
        rowKey="id"
        data-testid="requests-table"
        onRequestError={showError}
        columns={columns}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showTotal: (total) => t('common.total', { total }) }}
        request={(params, sort) => fetchPage<RequestSummary>('/services/requests', toListQuery(params, sort))}
        options={{ search: keywordSearch(t('services.request.number')), reload: true, density: false, setting: false }}
        toolBarRender={() =>
          can('services.request.own')
            ? [
                <Link key="new" to="/services/requests/new">
                  <Button type="primary" icon={<PlusOutlined />}>
                    {t('services.menu.newRequest')}
                  </Button>
                </Link>,
              ]
            : []
        }
      />
    </PageContainer>
  );
}
