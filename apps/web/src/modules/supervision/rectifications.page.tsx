import { useRef, useState } from 'react';
import {
  PageContainer,
  ProFormDatePicker,
  ProFormTextArea,
  ProTable,
  type ActionType,
  type ProColumns,
} from '@ant-design/pro-components';
import { App, Button, Drawer, List, Space, Timeline, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { api, buildUrl } from '../../api/client';
import { useErrorMessage } from '../../components/useErrorMessage';
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
  const { message } = App.useApp();
  const showError = useErrorMessage();
  return (
    <Drawer open width={640} title={`${r.code} ${r.enterpriseName}`} onClose={props.onClose}>
      {r.files.length > 0 && (
        <List
          header={t('supervision.rect.files')}
          size="small"
          dataSource={r.files}
          renderItem={(f) => (
            <List.Item>
              <a href={buildUrl(`/supervision/rectifications/${r.id}/files/${f.id}`)} download>
                {f.fileName}
              </a>
              <span>{`${Math.ceil(f.sizeBytes / 1024)} KB · SHA-256 ${f.sha256.slice(0, 12)}…`}</span>
            </List.Item>
          )}
          style={{ marginBottom: 16 }}
        />
      )}
      <Timeline
        items={[
          { children: `${r.orderedOn} ${t('supervision.rect.ordered', { date: r.correctBy })}` },
          ...r.steps.map((s) => ({ children: `${s.on} ${svLabel(t, 'rectStep', s.transition)}${s.note ? `：${s.note}` : ''}` })),
        ]}
      />
      <Space wrap>
        {r.availableTransitions.includes('submitEvidence') && (
          <Upload
            showUploadList={false}
            accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.doc,.xls,.txt"
            customRequest={async ({ file }) => {
              const form = new FormData();
              form.append('file', file as Blob);
              try {
                const updated = await api.post<Rectification>(`/supervision/rectifications/${r.id}/evidence`, form);
                void message.success(t('common.saved'));
                props.onChange(updated);
              } catch (error) {
                showError(error);
              }
            }}
          >
            <Button icon={<UploadOutlined />}>{t('supervision.rect.uploadEvidence')}</Button>
          </Upload>
        )}
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
