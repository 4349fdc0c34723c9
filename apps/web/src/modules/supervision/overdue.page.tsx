import { useQuery, useQueryClient } from '@tanstack/react-query';
import { PageContainer, ProFormDigit } from '@ant-design/pro-components';
import { Card, Table, Tag } from 'antd';
import type { OverdueItem } from '@qd/core';
import { api } from '../../api/client';
import { useCan } from '../../app/auth/useAuth';
import { useT } from '../../i18n/useT';
import { ActionButtonPut } from './components/ActionButtonPut';
import { svLabel } from './components/sv-label';

/** What missed its publication (or objection-decision) deadline, and the configurable limit. */
export default function OverduePage() {
  const t = useT();
  const can = useCan();
  const queryClient = useQueryClient();
  const { data: rows, isLoading } = useQuery({
    queryKey: ['supervision', 'overdue'],
    queryFn: () => api.get<OverdueItem[]>('/supervision/overdue'),
  });
  const { data: settings } = useQuery({
    queryKey: ['supervision', 'settings'],
    queryFn: () => api.get<{ publicationWorkingDays: number }>('/supervision/settings'),
  });
  return (
    <PageContainer title={t('supervision.overdue.title')}>
      <Card
        title={t('supervision.overdue.limit', { days: settings?.publicationWorkingDays ?? 20 })}
        extra={
          can('supervision.manage') && settings ? (
            <ActionButtonPut
              label={t('common.edit')}
              path="/supervision/settings"
              initialValues={settings}
              onDone={() => void queryClient.invalidateQueries({ queryKey: ['supervision'] })}
              fields={<ProFormDigit name="publicationWorkingDays" label={t('supervision.overdue.days')} min={1} max={60} />}
            />
          ) : null
        }
      >
        <Table<OverdueItem>
          rowKey={(r) => `${r.kind}-${r.id}`}
          loading={isLoading}
          dataSource={rows ?? []}
          columns={[
            { title: t('supervision.overdue.kind'), dataIndex: 'kind', render: (k: string) => svLabel(t, 'overdueKind', k) },
            { title: t('supervision.inspection.code'), dataIndex: 'code' },
            { title: t('supervision.inspection.enterprise'), dataIndex: 'enterpriseName' },
            { title: t('supervision.overdue.dueOn'), dataIndex: 'dueOn' },
            {
              title: t('supervision.overdue.flagged'),
              dataIndex: 'flaggedAt',
              render: (f: string | null) => (f ? <Tag color="red">{f.slice(0, 10)}</Tag> : ''),
            },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
