import { useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { PageContainer, ProDescriptions } from '@ant-design/pro-components';
import { Alert, Button, Card, Descriptions, List, Space, Tag, Timeline, Typography } from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { GBT_19580_2012, WITHDRAWABLE_STATES, builtInCriteriaVersion, translate } from '@qd/core';
import { api } from '../../api/client';
import { useCan } from '../../app/auth/useAuth';
import { PageLoading } from '../../app/PageLoading';
import { formatShanghai } from '../../components/shanghai-time';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import type { ApplicationDetail } from './components/awards-types';
import { AwardActions } from './components/AwardActions';
import { nameIn, points, stateName } from './components/labels';
import { ReviewGroupCard } from './components/ReviewGroupCard';
import { WithdrawButton } from './components/WithdrawButton';

/** The application's status: state, eligibility rules with their facts, history, feedback, certificate. */
export default function ApplicationPage() {
  const { id } = useParams<{ id: string }>();
  const t = useT();
  const locale = useLocale();
  const can = useCan();
  const navigate = useNavigate();
  const app = useQuery({
    queryKey: ['awards', 'application', id],
    queryFn: () => api.get<ApplicationDetail>(`/awards/applications/${id}`),
  });
  const eligibility = useQuery({
    queryKey: ['awards', 'eligibility', id],
    queryFn: () => api.get<NonNullable<ApplicationDetail['eligibility']>>(`/awards/applications/${id}/eligibility`),
    enabled: app.data?.state === 'draft' || app.data?.state === 'returned',
  });
  if (app.isLoading) return <PageLoading />;
  if (!app.data) return <Alert type="error" showIcon message={app.error?.message} />;
  const a = app.data;
  const criteria = builtInCriteriaVersion(a.criteriaVersionId) ?? GBT_19580_2012;
  const rules = a.eligibility ?? eligibility.data ?? null;

  return (
    <PageContainer
      title={`${t('awards.status.title')} · ${a.code}`}
      onBack={() => navigate(can('awards.application.own.write') ? '/awards/my' : `/awards/cycles/${a.cycleId}`)}
      extra={
        <Space>
          {can('awards.application.own.write') && ['draft', 'returned'].includes(a.state) && (
            <Button type="primary" onClick={() => navigate(`/awards/applications/${a.id}/edit`)}>
              {t('awards.my.continue')}
            </Button>
          )}
          {can('awards.application.own.write') && WITHDRAWABLE_STATES.includes(a.state) && (
            <WithdrawButton applicationId={a.id} />
          )}
          {a.state === 'awarded' && (
            <Button href={`/api/v1/awards/applications/${a.id}/certificate`} data-testid="certificate">
              {t('awards.status.certificate')}
            </Button>
          )}
          {can('awards.decide') && a.state === 'awarded' && (
            <AwardActions applicationId={a.id} winner={a.decision === 'winner'} />
          )}
          <Button onClick={() => navigate(`/awards/ladder/${a.organizationId}`)}>{t('awards.ladder.title')}</Button>
        </Space>
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <ProDescriptions column={{ xs: 1, md: 3 }}>
            <ProDescriptions.Item label={t('awards.application.enterprise')}>{a.organizationName}</ProDescriptions.Item>
            <ProDescriptions.Item label={t('awards.application.state')}>
              <Tag color="blue" data-testid="application-state">
                {stateName(a.state, locale)}
              </Tag>
            </ProDescriptions.Item>
            <ProDescriptions.Item label={t('awards.cycle.window')}>
              {a.calendar.applicationOpensOn} ~ {a.calendar.applicationClosesOn}
            </ProDescriptions.Item>
            <ProDescriptions.Item label={t('awards.form.selfTotal')}>
              {t('awards.form.outOf', { total: points(a.selfAssessmentTotalHundredths) })}
            </ProDescriptions.Item>
            <ProDescriptions.Item label={t('awards.status.consensusTotal')}>
              {points(a.consensusTotalHundredths)}
            </ProDescriptions.Item>
          </ProDescriptions>
        </Card>
        {a.state === 'returned' && a.correctionDueOn && (
          <Alert
            type="warning"
            showIcon
            message={t('awards.status.correctionDue', { date: a.correctionDueOn })}
            description={a.history.at(-1)?.comment ?? undefined}
          />
        )}
        {rules && (
          <Card title={t('awards.status.eligibility')}>
            <List
              dataSource={rules.results}
              renderItem={(r) => (
                <List.Item>
                  <Space>
                    {r.passed ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />}
                    <span>{translate(r.message, locale)}</span>
                    <Tag color={r.passed ? 'green' : 'red'}>
                      {r.passed ? t('awards.status.passed') : t('awards.status.failed')}
                    </Tag>
                    <Typography.Text type="secondary">
                      {Object.entries(r.facts)
                        .filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0))
                        .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join('、') : String(v)}`)
                        .join('；')}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        )}
        {a.feedback && (
          <Card title={t('awards.status.feedback')}>
            <Typography.Paragraph>
              <strong>{t('awards.status.keyThemes')}：</strong>
              {a.feedback.keyThemes}
            </Typography.Paragraph>
            <Descriptions bordered size="small" column={1}>
              {a.feedback.categories.map((c) => {
                const category = criteria.categories.find((x) => x.id === c.categoryId);
                return (
                  <Descriptions.Item
                    key={c.categoryId}
                    label={category ? `${c.categoryId} ${nameIn(category.name, locale)}` : c.categoryId}
                  >
                    <div>
                      {t('awards.status.strengths')}：{c.strengths}
                    </div>
                    <div>
                      {t('awards.status.opportunities')}：{c.opportunities}
                    </div>
                  </Descriptions.Item>
                );
              })}
            </Descriptions>
          </Card>
        )}
        {can('awards.review.manage') && ['recommended', 'document_review', 'site_review'].includes(a.state) && (
          <ReviewGroupCard applicationId={a.id} />
        )}
        <Card title={t('awards.status.history')}>
          <Timeline
            items={a.history.map((h) => ({
              children: (
                <span>
                  {formatShanghai(h.at, false)} · {stateName(h.toState, locale)}
                  {h.actorName ? ` · ${h.actorName}` : ''}
                  {h.comment ? ` · ${h.comment}` : ''}
                </span>
              ),
            }))}
          />
        </Card>
      </Space>
    </PageContainer>
  );
}
