import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { PageContainer } from '@ant-design/pro-components';
import { Card, Table, Tag } from 'antd';
import type { InspectionRecord, Page, ProductCheck, Rectification } from '@qd/core';
import { api } from '../../api/client';
import { useT } from '../../i18n/useT';
import { svLabel } from './components/sv-label';
import { CheckDrawer } from './product-checks.page';
import { RectificationDrawer } from './rectifications.page';

/** The firm's own view: its inspections, spot checks with deadlines, objections and rectification evidence. */
export default function MyChecksPage() {
  const t = useT();
  const queryClient = useQueryClient();
  const [check, setCheck] = useState<ProductCheck | null>(null);
  const [rect, setRect] = useState<Rectification | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['supervision', 'mine'] });
  const inspections = useQuery({
    queryKey: ['supervision', 'mine', 'inspections'],
    queryFn: () => api.get<Page<InspectionRecord>>('/supervision/inspections', { query: { pageSize: 100 } }),
  });
  const checks = useQuery({
    queryKey: ['supervision', 'mine', 'checks'],
    queryFn: () => api.get<Page<ProductCheck>>('/supervision/product-checks', { query: { pageSize: 100 } }),
  });
  const rects = useQuery({
    queryKey: ['supervision', 'mine', 'rects'],
    queryFn: () => api.get<Page<Rectification>>('/supervision/rectifications', { query: { pageSize: 100 } }),
  });
  return (
    <PageContainer title={t('supervision.mine.title')}>
      <Card title={t('supervision.inspection.list')}>
        <Table<InspectionRecord>
          rowKey="id"
          pagination={false}
          dataSource={inspections.data?.data ?? []}
          columns={[
            { title: t('supervision.inspection.code'), dataIndex: 'code' },
            { title: t('supervision.plan.name'), dataIndex: 'planName' },
            { title: t('supervision.inspection.inspectedOn'), dataIndex: 'inspectedOn' },
            {
              title: t('supervision.inspection.result'),
              dataIndex: 'result',
              render: (r: string | null) => svLabel(t, 'result', r),
            },
            { title: t('supervision.inspection.correctBy'), dataIndex: 'correctBy' },
          ]}
        />
      </Card>
      <Card title={t('supervision.check.list')} style={{ marginTop: 16 }}>
        <Table<ProductCheck>
          rowKey="id"
          pagination={false}
          dataSource={checks.data?.data ?? []}
          columns={[
            {
              title: t('supervision.check.code'),
              dataIndex: 'code',
              render: (_: string, r) => <a onClick={() => setCheck(r)}>{r.code}</a>,
            },
            { title: t('supervision.check.product'), dataIndex: 'product' },
            { title: t('common.status'), dataIndex: 'status', render: (s: string) => svLabel(t, 'checkState', s) },
            {
              title: t('supervision.check.conclusion'),
              render: (_: unknown, r) =>
                r.conclusion ? (
                  <Tag color={(r.finalConclusion ?? r.conclusion) === 'pass' ? 'green' : 'red'}>
                    {svLabel(t, 'conclusion', r.finalConclusion ?? r.conclusion)}
                  </Tag>
                ) : (
                  ''
                ),
            },
            { title: t('supervision.check.objectionDeadline'), dataIndex: 'objectionDeadline' },
          ]}
        />
      </Card>
      <Card title={t('supervision.rect.list')} style={{ marginTop: 16 }}>
        <Table<Rectification>
          rowKey="id"
          pagination={false}
          dataSource={rects.data?.data ?? []}
          columns={[
            {
              title: t('supervision.rect.code'),
              dataIndex: 'code',
              render: (_: string, r) => <a onClick={() => setRect(r)}>{r.code}</a>,
            },
            { title: t('supervision.rect.correctBy'), dataIndex: 'correctBy' },
            { title: t('common.status'), dataIndex: 'status', render: (s: string) => svLabel(t, 'rectState', s) },
          ]}
        />
      </Card>
      {check && (
        <CheckDrawer
          check={check}
          onChange={(c) => {
            setCheck(c);
            refresh();
          }}
          onClose={() => setCheck(null)}
        />
      )}
      {rect && (
        <RectificationDrawer
          rectification={rect}
          onChange={(r) => {
            setRect(r);
            refresh();
          }}
          onClose={() => setRect(null)}
        />
      )}
    </PageContainer>
  );
}
