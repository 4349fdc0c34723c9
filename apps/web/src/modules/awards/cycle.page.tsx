import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Alert, App, Button, Card, Col, Input, Row, Space, Table, Tabs, Tag, Tooltip } from 'antd';
import { APPLICATION_STATES } from '@qd/core';
import { api } from '../../api/client';
import { useCan } from '../../app/auth/useAuth';
import { PageLoading } from '../../app/PageLoading';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import type { ApplicationSummary, Cycle } from './components/awards-types';
import { points, stateName } from './components/labels';
import { PipelineChart } from './components/PipelineChart';

interface RankingRow {
  rank: number;
  code: string;
  totalHundredths: number;
  state: string;
  decision: string | null;
  adviceMeanPoints: number | null;
  organizationName?: string;
}
interface Objection {
  id: string;
  applicationCode: string;
  realName: string;
  contact: string;
  content: string;
  status: 'open' | 'upheld' | 'dismissed';
  handling: string | null;
}

/** One cycle for the office and the committee: pipeline board, processing, ranking, notice. */
export default function CyclePage() {
  const { id } = useParams<{ id: string }>();
  const t = useT();
  const locale = useLocale();
  const can = useCan();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const showError = useErrorMessage();
  const queryClient = useQueryClient();
  const cycle = useQuery({ queryKey: ['awards', 'cycle', id], queryFn: () => api.get<Cycle>(`/awards/cycles/${id}`) });
  const applications = useQuery({
    queryKey: ['awards', 'applications', id],
    queryFn: () => api.get<ApplicationSummary[]>('/awards/applications', { query: { cycleId: id } }),
    enabled: can('awards.application.read'),
  });
  const blinded = useQuery({
    queryKey: ['awards', 'ranking', id],
    queryFn: () => api.get<{ rows: RankingRow[] }>(`/awards/cycles/${id}/ranking`),
    enabled: can('awards.ranking.read'),
  });
  // Names come only after every vote is recorded (the server refuses before).
  const votesDone = (blinded.data?.rows ?? []).length > 0 && !blinded.data!.rows.some((r) => r.state === 'committee');
  const unblind = can('awards.ranking.unblind') && votesDone;
  const named = useQuery({
    queryKey: ['awards', 'ranking', id, 'unblinded'],
    queryFn: () => api.get<{ rows: RankingRow[] }>(`/awards/cycles/${id}/ranking`, { query: { unblinded: true } }),
    enabled: unblind,
  });
  const ranking = unblind && named.data ? named : blinded;
  const objections = useQuery({
    queryKey: ['awards', 'objections', id],
    queryFn: () => api.get<Objection[]>(`/awards/cycles/${id}/objections`),
    enabled: can('awards.objection.handle'),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['awards'] });
  const act = useMutation({
    mutationFn: ({ path, body }: { path: string; body?: unknown }) => api.post(path, body),
    onSuccess: () => {
      void message.success(t('common.saved'));
      void refresh();
    },
    onError: showError,
  });

  if (cycle.isLoading) return <PageLoading />;
  if (!cycle.data) return <Alert type="error" showIcon message={cycle.error?.message} />;
  const c = cycle.data;

  /** Asks for the reason, then posts. */
  const withReason = (title: string, send: (reason: string) => void) => {
    let reason = '';
    modal.confirm({
      title,
      content: <Input.TextArea aria-label={t('awards.action.reason')} rows={3} onChange={(e) => (reason = e.target.value)} />,
      onOk: () => send(reason),
    });
  };

  const pipeline = APPLICATION_STATES.map((s) => ({ state: s, name: stateName(s, locale), count: c.pipeline?.[s] ?? 0 })).filter(
    (p) => p.count > 0 || ['draft', 'submitted', 'recommended', 'document_review', 'committee', 'awarded'].includes(p.state),
  );

  const appColumns: ProColumns<ApplicationSummary>[] = [
    { title: t('awards.application.code'), dataIndex: 'code', width: 220 },
    { title: t('awards.application.enterprise'), dataIndex: 'organizationName' },
    { title: t('awards.application.state'), dataIndex: 'state', render: (_, a) => <Tag>{stateName(a.state, locale)}</Tag> },
    {
      title: t('common.actions'),
      valueType: 'option',
      render: (_, a) => {
        const path = `/awards/applications/${a.id}`;
        const buttons = [
          <Button key="view" size="small" onClick={() => navigate(path)}>
            {t('awards.application.detail')}
          </Button>,
        ];
        if (can('awards.application.process') && ['submitted', 'eligibility_review'].includes(a.state))
          buttons.push(
            <Button
              key="pass"
              size="small"
              type="primary"
              onClick={() => act.mutate({ path: `${path}/eligibility-decision`, body: { decision: 'pass' } })}
            >
              {t('awards.action.pass')}
            </Button>,
            <Button
              key="return"
              size="small"
              onClick={() =>
                withReason(t('awards.action.return'), (comment) =>
                  act.mutate({ path: `${path}/eligibility-decision`, body: { decision: 'return', comment } }),
                )
              }
            >
              {t('awards.action.return')}
            </Button>,
            <Button
              key="reject"
              size="small"
              danger
              onClick={() =>
                withReason(t('awards.action.reject'), (comment) =>
                  act.mutate({ path: `${path}/eligibility-decision`, body: { decision: 'reject', comment } }),
                )
              }
            >
              {t('awards.action.reject')}
            </Button>,
          );
        if (can('awards.application.process') && a.state === 'eligible')
          buttons.push(
            <Button
              key="recommend"
              size="small"
              type="primary"
              onClick={() => act.mutate({ path: `${path}/transitions`, body: { transition: 'recommend' } })}
            >
              {t('awards.action.recommend')}
            </Button>,
          );
        if (can('awards.application.process') && a.state === 'recommended')
          buttons.push(
            <Button
              key="doc"
              size="small"
              type="primary"
              onClick={() => act.mutate({ path: `${path}/transitions`, body: { transition: 'startDocumentReview' } })}
            >
              {t('awards.action.startDocumentReview')}
            </Button>,
          );
        return <Space wrap>{buttons}</Space>;
      },
    },
  ];

  const rankingColumns: ProColumns<RankingRow>[] = [
    { title: t('awards.ranking.rank'), dataIndex: 'rank', width: 70 },
    { title: t('awards.ranking.code'), dataIndex: 'code', width: 90 },
    ...(unblind ? [{ title: t('awards.application.enterprise'), dataIndex: 'organizationName' } as ProColumns<RankingRow>] : []),
    { title: t('awards.ranking.total'), dataIndex: 'totalHundredths', render: (_, r) => points(r.totalHundredths) },
    {
      title: <Tooltip title={t('awards.ranking.adviceHelp')}>{t('awards.ranking.advice')}</Tooltip>,
      dataIndex: 'adviceMeanPoints',
      render: (_, r) => (r.adviceMeanPoints === null ? '—' : r.adviceMeanPoints.toFixed(1)),
    },
    { title: t('awards.application.state'), dataIndex: 'state', render: (_, r) => <Tag>{stateName(r.state, locale)}</Tag> },
    {
      title: t('common.actions'),
      valueType: 'option',
      render: (_, r) =>
        can('awards.decide') && r.state === 'committee' ? (
          <Space>
            {(['winner', 'nomination', 'decline'] as const).map((decision) => (
              <Button
                key={decision}
                size="small"
                danger={decision === 'decline'}
                onClick={() => act.mutate({ path: `/awards/cycles/${id}/selection`, body: { code: r.code, decision } })}
              >
                {t(`awards.ranking.${decision}`)}
              </Button>
            ))}
          </Space>
        ) : null,
    },
  ];

  const tabs = [
    {
      key: 'applications',
      label: t('awards.applications'),
      children: (
        <ProTable<ApplicationSummary>
          rowKey="id"
          search={false}
          options={false}
          loading={applications.isLoading}
          dataSource={applications.data ?? []}
          columns={appColumns}
          toolBarRender={() => [
            can('awards.review.manage') && (
              <Button
                key="groups"
                onClick={async () => {
                  try {
                    const r = await api.post<{ groups: unknown[] }>(`/awards/cycles/${id}/review-groups`, { dryRun: false });
                    void message.success(t('awards.groups.formed', { n: r.groups.length }));
                    void refresh();
                  } catch (err) {
                    showError(err);
                  }
                }}
              >
                {t('awards.groups.form')}
              </Button>
            ),
          ]}
        />
      ),
    },
  ];
  if (can('awards.ranking.read'))
    tabs.push({
      key: 'ranking',
      label: t('awards.ranking'),
      children: (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert
            type="info"
            showIcon
            message={t('awards.ranking.quota', { w: c.winnerQuota, n: c.nominationQuota })}
            description={t('awards.ranking.adviceHelp')}
          />
          <ProTable<RankingRow>
            rowKey="code"
            search={false}
            options={false}
            pagination={false}
            dataSource={ranking.data?.rows ?? []}
            columns={rankingColumns}
          />
        </Space>
      ),
    });
  if (can('awards.objection.handle'))
    tabs.push({
      key: 'objections',
      label: t('awards.objections'),
      children: (
        <Table<Objection>
          rowKey="id"
          dataSource={objections.data ?? []}
          pagination={false}
          columns={[
            { title: t('awards.application.code'), dataIndex: 'applicationCode' },
            { title: t('awards.objection.name'), dataIndex: 'realName' },
            { title: t('awards.objection.contact'), dataIndex: 'contact' },
            { title: t('awards.objection.content'), dataIndex: 'content' },
            {
              title: t('awards.objection.status'),
              dataIndex: 'status',
              render: (v: Objection['status']) => t(`awards.objection.${v}`),
            },
            {
              title: t('common.actions'),
              render: (_, o) =>
                o.status === 'open' ? (
                  <Space>
                    {(['upheld', 'dismissed'] as const).map((outcome) => (
                      <Button
                        key={outcome}
                        size="small"
                        onClick={() =>
                          withReason(t(`awards.objection.${outcome}`), (handling) =>
                            act.mutate({ path: `/awards/objections/${o.id}/handling`, body: { outcome, handling } }),
                          )
                        }
                      >
                        {t(`awards.objection.${outcome}`)}
                      </Button>
                    ))}
                  </Space>
                ) : (
                  o.handling
                ),
            },
          ]}
        />
      ),
    });

  return (
    <PageContainer
      title={`${c.programmeName} · ${c.year}`}
      subTitle={<Tag color="blue">{t(`awards.cycleStatus.${c.status}`)}</Tag>}
      onBack={() => navigate('/awards/programmes')}
      extra={
        can('awards.decide') && (
          <Space>
            {c.status === 'open' && (
              <Button onClick={() => act.mutate({ path: `/awards/cycles/${id}/notice` })}>{t('awards.notice.start')}</Button>
            )}
            {c.status === 'notice' && (
              <Button type="primary" onClick={() => act.mutate({ path: `/awards/cycles/${id}/announce` })}>
                {t('awards.announce')}
              </Button>
            )}
          </Space>
        )
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card title={t('awards.pipeline')}>
          <Row gutter={16}>
            <Col xs={24} md={14}>
              <PipelineChart data={pipeline} label={t('awards.pipeline.chart')} />
            </Col>
            <Col xs={24} md={10}>
              <Table
                size="small"
                rowKey="state"
                pagination={false}
                dataSource={pipeline}
                columns={[
                  { title: t('awards.pipeline.state'), dataIndex: 'name' },
                  { title: t('awards.pipeline.count'), dataIndex: 'count', align: 'right' },
                ]}
              />
            </Col>
          </Row>
        </Card>
        <Card>
          <Tabs items={tabs} />
        </Card>
      </Space>
    </PageContainer>
  );
}
