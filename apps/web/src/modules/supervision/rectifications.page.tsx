import { useRef, useState } from 'react';
import {
  PageContainer,
  ProFormDatePicker,
  ProFormTextArea,
  ProTable,
  type ActionType,
  type ProColumns,
} from '@ant-design/pro-components';
import { Drawer, Space, Timeline } from 'antd';
import { RECTIFICATION_STATES, translate, type Rectification } from '@qd/core';
import { fetchPage, toListQuery } from '../../api/pro-table';
import { keywordSearch } from '../../components/keyword-search';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import { ActionButton } from './components/ActionButton';
import { svLabel, svValueEnum } from './components/sv-label';

/** The follow-up chain of failures, tracked to closure; the firm submits its evidence here. */
export default function RectificationsPage() {
  const t = useT();
  const actionRef = useRef<ActionType>(undefined);
  const [open, setOpen] = useState<Rectification | null>(null);
  const columns: ProColumns<Rectification>[] = [
    {
      title: t('supervision.rect.code'),
      dataIndex: 'code',
      width: 130,
      hideInSearch: true,
      render: (_, r) => <a onClick={() => setOpen(r)}>{r.code}</a>,
    },
    { title: t('supervision.inspection.enterprise'), dataIndex: 'enterpriseName', hideInSearch: true, ellipsis: true },
    {
      title: t('supervision.rect.source'),
      dataIndex: 'sourceType',
      hideInSearch: true,
      width: 120,
      render: (_, r) => t(r.sourceType === 'inspection' ? 'supervision.rect.fromInspection' : 'supervision.rect.fromCheck'),
    },
    { title: t('supervision.rect.orderedOn'), dataIndex: 'orderedOn', hideInSearch: true, width: 110 },
    { title: t('supervision.rect.correctBy'), dataIndex: 'correctBy', hideInSearch: true, width: 110 },
    { title: t('common.status'), dataIndex: 'status', width: 120, valueEnum: svValueEnum(t, 'rectState', RECTIFICATION_STATES) },
  ];
  return (
    <PageContainer title={t('supervision.rect.list')}>
      <ProTable<Rectification>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        search={{ labelWidth: 'auto' }}
        request={(params, sort) => fetchPage<Rectification>('/supervision/rectifications', toListQuery(params, sort))}
        options={{ search: keywordSearch(t('supervision.rect.search')), reload: true, density: false, setting: false }}
      />
      {open && (
        <RectificationDrawer
          rectification={open}
          onChange={(r) => {
            setOpen(r);
            actionRef.current?.reload();
          }}
          onClose={() => setOpen(null)}
        />
      )}
    </PageContainer>
  );
}

export function RectificationDrawer(props: {
  rectification: Rectification;
  onChange: (r: Rectification) => void;
  onClose: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const r = props.rectification;
  const required = [{ required: true, message: translate('validation.required', locale) }];
  return (
    <Drawer open width={640} title={`${r.code} ${r.enterpriseName}`} onClose={props.onClose}>
      <Timeline
        items={[
          { children: `${r.orderedOn} ${t('supervision.rect.ordered', { date: r.correctBy })}` },
          ...r.steps.map((s) => ({ children: `${s.on} ${svLabel(t, 'rectStep', s.transition)}${s.note ? `：${s.note}` : ''}` })),
        ]}
      />
      <Space wrap>
        {r.availableTransitions.map((name) => (
          <ActionButton
            key={name}
            testId={`step-${name}`}
            label={svLabel(t, 'rectStep', name)}
            path={`/supervision/rectifications/${r.id}/steps/${name}`}
            onDone={(x) => props.onChange(x as Rectification)}
            fields={
              <>
                <ProFormDatePicker name="on" label={t('supervision.rect.on')} rules={required} />
                <ProFormTextArea name="note" label={t('supervision.rect.note')} rules={required} />
              </>
            }
          />
        ))}
      </Space>
    </Drawer>
  );
}
