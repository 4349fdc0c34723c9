import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Segmented, Space, Table } from 'antd';
import { useState } from 'react';
import type { PublicResult } from '@qd/core';
import { api } from '../../api/client';
import { useT } from '../../i18n/useT';
import { PublicFrame } from './components/PublicFrame';
import { svLabel } from './components/sv-label';

/** Published results (一公开), newest first, paged by keyset ("more"): firms and results, never inspectors. */
export default function PublicResultsPage() {
  const t = useT();
  const [kind, setKind] = useState<'inspection' | 'productCheck'>('inspection');
  const query = useInfiniteQuery({
    queryKey: ['public', 'results', kind],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      api.get<{ data: PublicResult[]; next: string | null }>('/public/supervision/results', {
        query: { kind, pageSize: 20, after: pageParam || undefined },
      }),
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const rows = query.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <PublicFrame title={t('supervision.public.results')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Segmented
          value={kind}
          onChange={(v) => setKind(v as typeof kind)}
          options={[
            { value: 'inspection', label: t('supervision.public.inspections') },
            { value: 'productCheck', label: t('supervision.public.productChecks') },
          ]}
        />
        <Table<PublicResult>
          rowKey="id"
          pagination={false}
          dataSource={rows}
          loading={query.isLoading}
          columns={[
            { title: t('supervision.inspection.code'), dataIndex: 'code', width: 130 },
            { title: t('supervision.inspection.enterprise'), dataIndex: 'enterpriseName' },
            { title: t('supervision.target.creditCode'), dataIndex: 'creditCode', width: 200 },
            { title: t('supervision.public.subject'), dataIndex: 'subject' },
            { title: t('supervision.public.checkedOn'), dataIndex: 'checkedOn', width: 120 },
            {
              title: t('supervision.inspection.result'),
              dataIndex: 'result',
              render: (r: string) => svLabel(t, kind === 'inspection' ? 'result' : 'conclusion', r),
            },
            {
              title: t('supervision.public.publishedOn'),
              dataIndex: 'publishedAt',
              width: 120,
              render: (d: string) => d.slice(0, 10),
            },
          ]}
        />
        {query.hasNextPage && (
          <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t('supervision.public.more')}
          </Button>
        )}
      </Space>
    </PublicFrame>
  );
}
