import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Col, Empty, List, Row, Tag, Typography } from 'antd';
import { APPLICATION_STATE_NAMES, type Permission } from '@qd/core';
import { api } from '../../../api/client';
import { useCan } from '../../../app/auth/useAuth';
import { bilingualName } from '../../../i18n/domain-labels';
import { useLocale } from '../../../i18n/useLocale';
import { useT } from '../../../i18n/useT';

/**
 * The home page of the users who act on their own cases (an enterprise, an institution, an
 * expert): what waits for them, nearest deadline first, each line opening where it is done. Each
 * list comes from the endpoint the menu page uses, so it is scoped by the server exactly as there.
 */
interface RequestLine {
  id: string;
  number: string;
  serviceName: string;
  state: string;
  stepDeadline: string | null;
  overdue: boolean;
}
interface ReviewLine {
  applicationId: string;
  code: string;
  declared: boolean;
  scoresSubmitted: boolean;
}
interface ApplicationLine {
  id: string;
  code: string;
  cycleCode: string | null;
  state: string;
  correctionDueOn: string | null;
}
interface OpenCycle {
  id: string;
  programmeName: string;
  year: number;
  calendar: { applicationClosesOn: string };
}

const CLOSED_REQUEST_STATES = new Set(['rated', 'closed', 'declined']);
const SETTLED_APPLICATION_STATES = new Set(['rejected', 'awarded', 'not_awarded', 'withdrawn', 'revoked']);

function byDeadline(a: { stepDeadline: string | null }, b: { stepDeadline: string | null }) {
  return (a.stepDeadline ?? '9999').localeCompare(b.stepDeadline ?? '9999');
}

function WorkCard({ title, count, link, children }: { title: string; count?: number; link: string; children: ReactNode }) {
  const t = useT();
  return (
    <Card
      title={
        <span>
          {title} {count !== undefined && <Badge count={count} showZero color={count ? '#1677ff' : '#bfbfbf'} />}
        </span>
      }
      extra={<Link to={link}>{t('home.openList')}</Link>}
    >
      {children}
    </Card>
  );
}

function useList<T>(permission: Permission, path: string, can: (p: Permission) => boolean) {
  return useQuery({
    queryKey: ['home', path],
    queryFn: () => api.get<T>(path),
    enabled: can(permission),
  });
}

export function MyWork() {
  const t = useT();
  const locale = useLocale();
  const stateName = (state: string) =>
    Object.hasOwn(APPLICATION_STATE_NAMES, state)
      ? bilingualName(APPLICATION_STATE_NAMES[state as keyof typeof APPLICATION_STATE_NAMES], locale)
      : t('common.none');
  const can = useCan();
  const toRate = useList<{ data: RequestLine[] }>('services.request.own', '/services/requests?state=completed&pageSize=20', can);
  const assigned = useList<{ data: RequestLine[] }>('services.request.assigned', '/services/requests?pageSize=100', can);
  const reviews = useList<ReviewLine[]>('awards.review.score', '/awards/my-reviews', can);
  const applications = useList<ApplicationLine[]>('awards.application.own.write', '/awards/applications', can);
  const cycles = useList<OpenCycle[]>('awards.application.own.write', '/awards/cycles/open', can);

  const cards: ReactNode[] = [];
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.nothingWaiting')} />;
  const requestList = (rows: RequestLine[]) =>
    rows.length ? (
      <List
        size="small"
        dataSource={rows}
        renderItem={(r) => (
          <List.Item>
            <Link to={`/services/requests/${r.id}`}>{`${r.number} ${r.serviceName}`}</Link>
            <span style={{ whiteSpace: 'nowrap' }}>
              {r.stepDeadline ? t('home.dueOn', { date: r.stepDeadline }) : ''}
              {r.overdue && (
                <Tag color="red" style={{ marginLeft: 8 }}>
                  {t('home.overdue')}
                </Tag>
              )}
            </span>
          </List.Item>
        )}
      />
    ) : (
      empty
    );

  if (can('services.request.own') && toRate.data) {
    cards.push(
      <WorkCard key="rate" title={t('home.toRate')} count={toRate.data.data.length} link="/services/requests">
        {requestList([...toRate.data.data].sort(byDeadline))}
      </WorkCard>,
    );
  }
  if (can('services.request.assigned') && assigned.data) {
    const open = assigned.data.data.filter((r) => !CLOSED_REQUEST_STATES.has(r.state)).sort(byDeadline);
    cards.push(
      <WorkCard key="assigned" title={t('home.dispatchedToUs')} count={open.length} link="/services/requests">
        {requestList(open)}
      </WorkCard>,
    );
  }
  if (can('awards.review.score') && reviews.data) {
    const waiting = reviews.data.filter((r) => !r.scoresSubmitted);
    cards.push(
      <WorkCard key="reviews" title={t('home.reviewsWaiting')} count={waiting.length} link="/awards/reviews">
        {waiting.length ? (
          <List
            size="small"
            dataSource={waiting}
            renderItem={(r) => (
              <List.Item>
                <Link to={r.declared ? `/awards/reviews/${r.applicationId}` : '/awards/reviews'}>{r.code}</Link>
                <span>{r.declared ? t('home.reviewScore') : t('home.reviewDeclare')}</span>
              </List.Item>
            )}
          />
        ) : (
          empty
        )}
      </WorkCard>,
    );
  }
  if (can('awards.application.own.write') && applications.data && cycles.data) {
    const inProgress = applications.data.filter((a) => !SETTLED_APPLICATION_STATES.has(a.state));
    cards.push(
      <WorkCard key="applications" title={t('home.applicationsInProgress')} count={inProgress.length} link="/awards/my">
        {inProgress.length ? (
          <List
            size="small"
            dataSource={inProgress}
            renderItem={(a) => (
              <List.Item>
                <Link to={`/awards/applications/${a.id}`}>{`${a.code}${a.cycleCode ? ` · ${a.cycleCode}` : ''}`}</Link>
                <span>
                  <Tag>{stateName(a.state)}</Tag>
                  {a.correctionDueOn && <Tag color="orange">{t('home.correctBy', { date: a.correctionDueOn })}</Tag>}
                </span>
              </List.Item>
            )}
          />
        ) : (
          empty
        )}
        <Typography.Title level={3} style={{ fontSize: 14, marginTop: 16 }}>
          {t('home.openCycles')}
        </Typography.Title>
        {cycles.data.length ? (
          <List
            size="small"
            dataSource={cycles.data}
            renderItem={(c) => (
              <List.Item>
                <Link to="/awards/my">{`${c.year} ${c.programmeName}`}</Link>
                <span>{t('home.applyBy', { date: c.calendar.applicationClosesOn })}</span>
              </List.Item>
            )}
          />
        ) : (
          <Typography.Text type="secondary">{t('home.noOpenCycles')}</Typography.Text>
        )}
      </WorkCard>,
    );
  }
  if (can('supervision.own.read')) {
    cards.push(
      <WorkCard key="checks" title={t('home.ourChecks')} link="/supervision/mine">
        <Typography.Text type="secondary">{t('home.ourChecksHint')}</Typography.Text>
      </WorkCard>,
    );
  }
  if (cards.length === 0) {
    return (
      <Card>
        <Typography.Paragraph style={{ margin: 0 }}>{t('home.noRegistryAccess')}</Typography.Paragraph>
      </Card>
    );
  }
  return (
    <Row gutter={[16, 16]} data-testid="my-work">
      {cards.map((card, i) => (
        <Col key={i} xs={24} lg={12}>
          {card}
        </Col>
      ))}
    </Row>
  );
}
