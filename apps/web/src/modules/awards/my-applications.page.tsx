import { useNavigate } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Button, Card, Space, Tag } from 'antd';
import { api } from '../../api/client';
import { useMe } from '../../app/auth/useAuth';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import type { ApplicationSummary, Cycle } from './components/awards-types';
import { stateName } from './components/labels';

/** The enterprise's cycles open for application and its own applications. */
export default function MyApplicationsPage() {
  const t = useT();
  const locale = useLocale();
  const me = useMe();
  const navigate = useNavigate();
  const showError = useErrorMessage();
  const open = useQuery({ queryKey: ['awards', 'open'], queryFn: () => api.get<Cycle[]>('/awards/cycles/open') });
  const mine = useQuery({ queryKey: ['awards', 'mine'], queryFn: () => api.get<ApplicationSummary[]>('/awards/applications') });
  const apply = useMutation({
    mutationFn: (cycleId: string) => api.post<ApplicationSummary>(`/awards/cycles/${cycleId}/applications`),
    onSuccess: (app) => navigate(`/awards/applications/${app.id}/edit`),
    onError: showError,
  });
  const appliedTo = new Set((mine.data ?? []).map((a) => a.cycleId));

  const cycleColumns: ProColumns<Cycle>[] = [
    { title: t('awards.programme.name'), dataIndex: 'programmeName' },
    { title: t('awards.programme.level'), dataIndex: 'level', render: (_, c) => t(`awards.level.${c.level}`) },
    { title: t('awards.cycle.year'), dataIndex: 'year', width: 80 },
    { title: t('awards.cycle.window'), render: (_, c) => `${c.calendar.applicationOpensOn} ~ ${c.calendar.applicationClosesOn}` },
    {
      title: t('common.actions'),
      valueType: 'option',
      render: (_, c) =>
        c.windowOpen && !appliedTo.has(c.id) ? (
          <Button type="primary" size="small" onClick={() => apply.mutate(c.id)} data-testid={`apply-${c.id}`}>
            {t('awards.my.apply')}
          </Button>
        ) : null,
    },
  ];
  const appColumns: ProColumns<ApplicationSummary>[] = [
    { title: t('awards.application.code'), dataIndex: 'code' },
    { title: t('awards.programme.level'), dataIndex: 'level', render: (_, a) => (a.level ? t(`awards.level.${a.level}`) : '') },
    { title: t('awards.cycle.year'), dataIndex: 'year', width: 80 },
    {
      title: t('awards.application.state'),
      dataIndex: 'state',
      render: (_, a) => <Tag color="blue">{stateName(a.state, locale)}</Tag>,
    },
    {
      title: t('common.actions'),
      valueType: 'option',
      render: (_, a) => (
        <Space>
          {['draft', 'returned'].includes(a.state) && (
            <Button
              size="small"
              type="primary"
              onClick={() => navigate(`/awards/applications/${a.id}/edit`)}
              data-testid={`edit-${a.code}`}
            >
              {t('awards.my.continue')}
            </Button>
          )}
          <Button size="small" onClick={() => navigate(`/awards/applications/${a.id}`)}>
            {t('awards.my.status')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('awards.my.title')}
      extra={
        me.organizationId && (
          <Button onClick={() => navigate(`/awards/ladder/${me.organizationId}`)}>{t('awards.my.ladder')}</Button>
        )
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card title={t('awards.my.openCycles')}>
          <ProTable<Cycle>
            rowKey="id"
            search={false}
            options={false}
            pagination={false}
            loading={open.isLoading}
            dataSource={open.data ?? []}
            columns={cycleColumns}
          />
        </Card>
        <Card title={t('awards.applications')}>
          <ProTable<ApplicationSummary>
            rowKey="id"
            search={false}
            options={false}
            pagination={false}
            loading={mine.isLoading}
            dataSource={mine.data ?? []}
            columns={appColumns}
          />
        </Card>
      </Space>
    </PageContainer>
  );
}
