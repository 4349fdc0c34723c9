import { useRef } from 'react';
import { Link } from 'react-router';
import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Tag } from 'antd';
import { INSPECTION_STATES, type InspectionRecord } from '@qd/core';
import { fetchPage, toListQuery } from '../../api/pro-table';
import { useCan } from '../../app/auth/useAuth';
import { keywordSearch } from '../../components/keyword-search';
import { useT } from '../../i18n/useT';
import { ActionButton } from './components/ActionButton';
import { RecordInspectionButton } from './components/RecordInspectionButton';
import { svLabel, svValueEnum } from './components/sv-label';

/** Inspections: the office sees all of the region, a department officer the own assignments. */
export default function InspectionsPage() {
  const t = useT();
  const can = useCan();
  const actionRef = useRef<ActionType>(undefined);
  const reload = () => actionRef.current?.reload();
  const columns: ProColumns<InspectionRecord>[] = [
    { title: t('supervision.inspection.code'), dataIndex: 'code', width: 130, hideInSearch: true },
    {
      title: t('supervision.plan.name'),
      dataIndex: 'planName',
      hideInSearch: true,
      ellipsis: true,
      render: (_, r) => (can('supervision.read') ? <Link to={`/supervision/plans/${r.planId}`}>{r.planName}</Link> : r.planName),
    },
    { title: t('supervision.inspection.enterprise'), dataIndex: 'enterpriseName', hideInSearch: true, ellipsis: true },
    {
      title: t('supervision.inspection.inspectors'),
      dataIndex: 'inspectors',
      hideInSearch: true,
      render: (_, r) => r.inspectors.map((i) => i.name).join('、'),
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 100,
      valueEnum: svValueEnum(t, 'inspectionState', INSPECTION_STATES),
    },
    {
      title: t('supervision.inspection.result'),
      dataIndex: 'result',
      hideInSearch: true,
      width: 150,
      render: (_, r) => svLabel(t, 'result', r.result),
    },
    {
      title: t('supervision.inspection.correctBy'),
      dataIndex: 'correctBy',
      hideInSearch: true,
      width: 110,
      render: (_, r) => r.correctBy ?? '',
    },
    {
      title: t('supervision.inspection.publicationDueOn'),
      dataIndex: 'publicationDueOn',
      hideInSearch: true,
      width: 130,
      render: (_, r) => (r.publishedAt ? <Tag color="green">{t('supervision.publish.done')}</Tag> : (r.publicationDueOn ?? '')),
    },
    {
      title: t('common.actions'),
      valueType: 'option',
      width: 160,
      render: (_, r) => [
        r.status === 'assigned' && can('supervision.inspect') ? (
          <RecordInspectionButton key="record" inspection={r} onDone={reload} />
        ) : null,
        r.status === 'recorded' && !r.publishedAt && can('supervision.manage') ? (
          <ActionButton
            key="publish"
            label={t('supervision.publish.action')}
            path={`/supervision/inspections/${r.id}/publish`}
            onDone={reload}
          />
        ) : null,
        r.rectificationId ? (
          <Link key="rect" to={`/supervision/rectifications?focus=${r.rectificationId}`}>
            {t('supervision.rect.link')}
          </Link>
        ) : null,
      ],
    },
  ];
  return (
    <PageContainer title={can('supervision.read') ? t('supervision.inspection.list') : t('supervision.inspection.mine')}>
      <InspectionTable columns={columns} actionRef={actionRef} />
    </PageContainer>
  );
}

export function InspectionTable({
  columns,
  actionRef,
}: {
  columns: ProColumns<InspectionRecord>[];
  actionRef?: React.RefObject<ActionType | undefined>;
}) {
  const t = useT();
  return (
    <ProTable<InspectionRecord>
      rowKey="id"
      actionRef={actionRef}
      columns={columns}
      search={{ labelWidth: 'auto' }}
      request={(params, sort) => fetchPage<InspectionRecord>('/supervision/inspections', toListQuery(params, sort))}
      options={{ search: keywordSearch(t('supervision.inspection.search')), reload: true, density: false, setting: false }}
    />
  );
}
