import { useRef } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  PageContainer,
  ProDescriptions,
  ProFormDatePicker,
  ProFormText,
  ProTable,
  type ActionType,
  type ProColumns,
} from '@ant-design/pro-components';
import { Alert, Card, Space, Steps, Tag, Typography } from 'antd';
import { PLAN_STATES, formatSeed, translate, type InspectionRecord, type SpotCheckPlan } from '@qd/core';
import { api } from '../../api/client';
import { fetchPage } from '../../api/pro-table';
import { useCan } from '../../app/auth/useAuth';
import { industrySectionName, withCode } from '../../i18n/domain-labels';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import { ActionButton } from './components/ActionButton';
import { RecordInspectionButton } from './components/RecordInspectionButton';
import { svLabel } from './components/sv-label';

/** One plan and its draw, step by step: commit → seed → draw targets → draw inspectors → inspections. */
export default function PlanDetailPage() {
  const { id } = useParams();
  const t = useT();
  const locale = useLocale();
  const can = useCan();
  const queryClient = useQueryClient();
  const { data: plan } = useQuery({
    queryKey: ['supervision', 'plan', id],
    queryFn: () => api.get<SpotCheckPlan>(`/supervision/plans/${id}`),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['supervision'] });
  if (!plan) return <PageContainer loading />;

  const required = [{ required: true, message: translate('validation.required', locale) }];
  const has = (name: string) => plan.availableTransitions.includes(name);
  const base = `/supervision/plans/${plan.id}`;
  const current = Math.max(0, PLAN_STATES.indexOf(plan.status));

  const strataColumns: ProColumns<SpotCheckPlan['strata'][number]>[] = [
    {
      title: t('supervision.draw.stratum'),
      dataIndex: 'key',
      width: 140,
      render: (_, s) => `${svLabel(t, 'riskClass', s.riskClass)} · ${industrySectionName(s.industrySection, locale)}`,
    },
    { title: t('supervision.draw.poolSize'), dataIndex: 'poolSize', width: 100 },
    { title: t('supervision.draw.count'), dataIndex: 'count', width: 90 },
    {
      title: t('supervision.draw.poolHash'),
      dataIndex: 'poolHash',
      render: (_, s) => (
        <Typography.Text code copyable>
          {s.poolHash}
        </Typography.Text>
      ),
    },
    {
      title: t('supervision.draw.result'),
      dataIndex: 'result',
      render: (_, s) =>
        s.result
          ? s.result.map((code, i) => withCode(s.resultNames?.[i] ?? code, code, locale)).join('；') || t('common.none')
          : t('supervision.draw.notYet'),
    },
  ];

  return (
    <PageContainer
      title={`${plan.code} ${plan.name}`}
      extra={
        plan.committedAt ? (
          <Link to={`/public/draws/${plan.id}`} data-testid="public-verify-link">
            {t('supervision.draw.publicPage')}
          </Link>
        ) : null
      }
    >
      <Card>
        <Steps current={current} size="small" items={PLAN_STATES.map((s) => ({ title: svLabel(t, 'planState', s) }))} />
      </Card>
      <Card style={{ marginTop: 16 }}>
        <ProDescriptions
          column={2}
          dataSource={plan}
          columns={[
            {
              title: t('common.status'),
              dataIndex: 'status',
              render: () => <Tag color="blue">{svLabel(t, 'planState', plan.status)}</Tag>,
            },
            { title: t('supervision.plan.period'), render: () => `${plan.periodStart} ~ ${plan.periodEnd}` },
            { title: t('supervision.plan.poolSize'), render: () => plan.poolSize ?? t('common.none') },
            { title: t('supervision.draw.algorithm'), render: () => plan.algorithm ?? t('common.none') },
            {
              title: t('supervision.draw.planHash'),
              span: 2,
              render: () =>
                plan.poolHash ? (
                  <Typography.Text code copyable data-testid="plan-pool-hash">
                    {plan.poolHash}
                  </Typography.Text>
                ) : (
                  t('common.none')
                ),
            },
            { title: t('supervision.draw.seedSource'), render: () => plan.seedSource ?? t('common.none') },
            { title: t('supervision.draw.seedAnnouncedOn'), render: () => plan.seedAnnouncedOn ?? t('common.none') },
            {
              title: t('supervision.draw.seed'),
              span: 2,
              render: () => (plan.seedSources ? formatSeed(plan.seedSources) : t('common.none')),
            },
          ]}
        />
        {can('supervision.manage') && (
          <Space wrap style={{ marginTop: 8 }}>
            {has('commit') && (
              <ActionButton
                primary
                testId="commit-button"
                label={t('supervision.draw.commit')}
                path={`${base}/commit`}
                onDone={refresh}
                fields={
                  <>
                    <Alert type="info" showIcon message={t('supervision.draw.commitHint')} style={{ marginBottom: 16 }} />
                    <ProFormText
                      name="seedSource"
                      label={t('supervision.draw.seedSource')}
                      rules={required}
                      placeholder={t('supervision.draw.seedSourceHint')}
                    />
                    <ProFormDatePicker name="seedAnnouncedOn" label={t('supervision.draw.seedAnnouncedOn')} rules={required} />
                  </>
                }
              />
            )}
            {has('enterSeed') && (
              <ActionButton
                primary
                testId="seed-button"
                label={t('supervision.draw.enterSeed')}
                path={`${base}/seed`}
                onDone={refresh}
                fields={
                  <ProFormText
                    name="seed"
                    label={t('supervision.draw.seed')}
                    rules={required}
                    placeholder="9319 / 2 5 12 8 10 / 9 18 26 34 41 45"
                  />
                }
              />
            )}
            {has('drawTargets') && (
              <ActionButton
                primary
                testId="draw-targets-button"
                label={t('supervision.draw.drawTargets')}
                path={`${base}/draw-targets`}
                onDone={refresh}
              />
            )}
            {has('drawInspectors') && (
              <ActionButton
                primary
                testId="draw-inspectors-button"
                label={t('supervision.draw.drawInspectors')}
                path={`${base}/draw-inspectors`}
                onDone={refresh}
              />
            )}
            {has('close') && <ActionButton label={t('supervision.plan.close')} path={`${base}/close`} onDone={refresh} />}
          </Space>
        )}
      </Card>
      {plan.strata.length > 0 && (
        <Card title={t('supervision.draw.strata')} style={{ marginTop: 16 }}>
          <ProTable
            rowKey="id"
            search={false}
            options={false}
            pagination={false}
            columns={strataColumns}
            dataSource={plan.strata}
          />
        </Card>
      )}
      {(plan.status === 'assigned' || plan.status === 'closed') && <PlanInspections planId={plan.id} onChange={refresh} />}
    </PageContainer>
  );
}

function PlanInspections({ planId, onChange }: { planId: string; onChange: () => void }) {
  const t = useT();
  const can = useCan();
  const actionRef = useRef<ActionType>(undefined);
  const changed = () => {
    actionRef.current?.reload();
    onChange();
  };
  const columns: ProColumns<InspectionRecord>[] = [
    { title: t('supervision.inspection.code'), dataIndex: 'code', width: 130 },
    { title: t('supervision.inspection.enterprise'), dataIndex: 'enterpriseName', ellipsis: true },
    {
      title: t('supervision.inspection.inspectors'),
      dataIndex: 'inspectors',
      render: (_, r) => r.inspectors.map((i) => i.name).join('、'),
    },
    {
      title: t('supervision.inspection.result'),
      dataIndex: 'result',
      width: 150,
      render: (_, r) => svLabel(t, 'result', r.result),
    },
    {
      title: t('supervision.inspection.publicationDueOn'),
      dataIndex: 'publicationDueOn',
      width: 120,
      render: (_, r) => r.publicationDueOn ?? t('common.none'),
    },
    {
      title: t('common.actions'),
      valueType: 'option',
      width: 200,
      render: (_, r) => [
        r.status === 'assigned' && can('supervision.inspect') ? (
          <RecordInspectionButton key="record" inspection={r} onDone={changed} />
        ) : null,
        r.status === 'recorded' && !r.publishedAt && can('supervision.manage') ? (
          <ActionButton
            key="publish"
            testId={`publish-${r.code}`}
            label={t('supervision.publish.action')}
            path={`/supervision/inspections/${r.id}/publish`}
            onDone={changed}
          />
        ) : null,
        r.publishedAt ? (
          <Tag key="pub" color="green">
            {t('supervision.publish.done')}
          </Tag>
        ) : null,
      ],
    },
  ];
  return (
    <Card title={t('supervision.inspection.list')} style={{ marginTop: 16 }}>
      <ProTable<InspectionRecord>
        rowKey="id"
        actionRef={actionRef}
        search={false}
        options={false}
        columns={columns}
        params={{ planId }}
        request={(params) =>
          fetchPage<InspectionRecord>('/supervision/inspections', { planId, current: params.current, pageSize: params.pageSize })
        }
      />
    </Card>
  );
}
