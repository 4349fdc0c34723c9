import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Tag, Tooltip, Typography } from 'antd';
import type { AuditEntry } from '@qd/core';
import { fetchPage, toListQuery } from '../../api/pro-table';
import { useCan } from '../../app/auth/useAuth';
import { keywordSearch } from '../../components/keyword-search';
import { useErrorMessage } from '../../components/useErrorMessage';
import { formatShanghai, shanghaiInputToIso } from '../../components/shanghai-time';
import { enumLabel } from '../../i18n/enum-label';
import { valueEnumOf } from '../../i18n/enum-options';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import { auditActionLabel, targetTypeLabel } from './components/audit-action-label';
import { VerifyChainButton } from './components/VerifyChainButton';

const OUTCOMES = ['success', 'failure', 'denied'] as const;
const OUTCOME_COLORS: Record<string, string> = { success: 'green', failure: 'orange', denied: 'red' };

function rangeValueToIso(value: unknown): string | undefined {
  if (typeof value === 'string' && value) return shanghaiInputToIso(value);
  if (value && typeof (value as { format?: unknown }).format === 'function') {
    return shanghaiInputToIso((value as { format(f: string): string }).format('YYYY-MM-DD HH:mm:ss'));
  }
  return undefined;
}

/** The append-only, hash-chained audit log (audit administrator). */
export default function AuditPage() {
  const t = useT();
  const showError = useErrorMessage();
  const can = useCan();
  const locale = useLocale();

  const columns: ProColumns<AuditEntry>[] = [
    { title: t('audit.at'), dataIndex: 'at', hideInSearch: true, width: 170, render: (_, row) => formatShanghai(row.at) },
    {
      title: t('audit.timeRange'),
      dataIndex: 'timeRange',
      valueType: 'dateTimeRange',
      hideInTable: true,
      search: {
        transform: (value: unknown) => {
          const [from, to] = Array.isArray(value) ? value : [];
          return { from: rangeValueToIso(from), to: rangeValueToIso(to) };
        },
      },
    },
    { title: t('audit.actor'), dataIndex: 'actorName', width: 120, render: (_, row) => row.actorName ?? t('common.none') },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 250,
      render: (_, row) => (
        <Tooltip title={row.action}>
          <span style={{ whiteSpace: 'nowrap' }}>{auditActionLabel(row.action, locale)}</span>
        </Tooltip>
      ),
    },
    {
      title: t('audit.target'),
      dataIndex: 'targetType',
      hideInSearch: true,
      render: (_, row) =>
        row.targetType ? (
          <Tooltip title={row.targetId}>
            <span style={{ whiteSpace: 'nowrap' }}>
              {targetTypeLabel(row.targetType, locale)}
              {/* UUIDv7 ids start with their timestamp, so the tail is what tells them apart. */}
              {row.targetId ? ` · …${row.targetId.slice(-8)}` : ''}
            </span>
          </Tooltip>
        ) : (
          t('common.none')
        ),
    },
    {
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      width: 100,
      valueEnum: valueEnumOf(OUTCOMES, (c) => enumLabel(t, 'outcome', c)),
      render: (_, row) => <Tag color={OUTCOME_COLORS[row.outcome]}>{enumLabel(t, 'outcome', row.outcome)}</Tag>,
    },
    {
      title: t('audit.clientIp'),
      dataIndex: 'clientIp',
      hideInSearch: true,
      width: 140,
      render: (_, row) => row.clientIp ?? t('common.none'),
    },
    {
      title: t('audit.hash'),
      dataIndex: 'hash',
      hideInSearch: true,
      width: 150,
      render: (_, row) => (
        <Tooltip title={row.hash}>
          <Typography.Text code copyable={{ text: row.hash }} style={{ whiteSpace: 'nowrap' }}>
            {row.hash.slice(0, 10)}
          </Typography.Text>
        </Tooltip>
      ),
    },
  ];

  return (
    <PageContainer title={t('audit.list')}>
      <ProTable<AuditEntry>
        rowKey="seq"
        onRequestError={showError}
        columns={columns}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
        request={(params, sort) => fetchPage<AuditEntry>('/audit', toListQuery(params, sort))}
        options={{ search: keywordSearch(t('audit.searchPlaceholder')), reload: true, density: false, setting: false }}
        expandable={{
          rowExpandable: (row) => !!row.detail && Object.keys(row.detail).length > 0,
          expandedRowRender: (row) => (
            <pre className="qd-json" aria-label={t('audit.detail')}>
              {JSON.stringify(row.detail, null, 2)}
            </pre>
          ),
        }}
        toolBarRender={() => (can('audit.verify') ? [<VerifyChainButton key="verify" />] : [])}
      />
    </PageContainer>
  );
}
