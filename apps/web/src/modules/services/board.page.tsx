import { useEffect, useMemo, useState } from 'react';
import { PageContainer, StatisticCard } from '@ant-design/pro-components';
import { Button, Card, Col, DatePicker, Row, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { DownloadOutlined } from '@ant-design/icons';
import type { Board } from '@qd/core';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useCan } from '../../app/auth/useAuth';
import { useErrorMessage } from '../../components/useErrorMessage';
import { nqiCategoryName } from '../../i18n/domain-labels';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import { Countdown } from './components/Countdown';
import { serviceLabel } from './components/labels';
import { MonthlyChart } from './components/MonthlyChart';

const percent = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);
const orDash = (v: number | null) => (v === null ? '—' : v);

/** The quality office's live board: open work by stage, deadlines, punctuality, satisfaction, by month, category and institution. */
export default function BoardPage() {
  const t = useT();
  const locale = useLocale();
  const can = useCan();
  const showError = useErrorMessage();
  const [board, setBoard] = useState<Board | null>(null);
  const [period, setPeriod] = useState<{ from?: string; to?: string }>({});
  useEffect(() => {
    api.get<Board>('/services/board', { query: period }).then(setBoard).catch(showError);
  }, [showError, period]);
  const names = useMemo(
    () => ({
      submitted: t('services.board.submitted'),
      completed: t('services.board.completed'),
      onTimeRate: t('services.board.onTimeRate'),
    }),
    [t],
  );
  if (!board) return <PageContainer loading />;
  const open = board.openByStage.reduce((n, r) => n + r.count, 0);
  const figureColumns = [
    { title: t('services.board.submitted'), dataIndex: 'submitted' },
    { title: t('services.board.completed'), dataIndex: 'completed' },
    { title: t('services.board.onTimeRate'), dataIndex: 'onTimeRate', render: percent },
    { title: t('services.board.hours'), dataIndex: 'averageHandlingHours', render: orDash },
    { title: t('services.board.satisfaction'), dataIndex: 'satisfaction', render: orDash },
  ];
  return (
    <PageContainer
      title={t('services.board.title')}
      extra={
        <Space>
          <DatePicker.RangePicker
            picker="month"
            aria-label={t('services.board.period')}
            placeholder={[t('services.board.from'), t('services.board.to')]}
            onChange={(range: [Dayjs | null, Dayjs | null] | null) =>
              setPeriod(range?.[0] && range[1] ? { from: range[0].format('YYYY-MM'), to: range[1].format('YYYY-MM') } : {})
            }
          />
          {can('services.board.export') && (
            <Button
              icon={<DownloadOutlined />}
              onClick={() => api.download('/services/board/export', period, 'services-board.xlsx').catch(showError)}
            >
              {t('common.export')}
            </Button>
          )}
        </Space>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <StatisticCard.Group data-testid="board-figures">
          <StatisticCard statistic={{ title: t('services.board.open'), value: open }} />
          <StatisticCard
            statistic={{ title: t('services.board.overdue'), value: board.overdue, valueStyle: { color: '#cf1322' } }}
          />
          <StatisticCard
            statistic={{ title: t('services.board.dueSoon'), value: board.dueSoon, valueStyle: { color: '#d48806' } }}
          />
          <StatisticCard statistic={{ title: t('services.board.onTimeRate'), value: percent(board.overall.onTimeRate) }} />
          <StatisticCard
            statistic={{ title: t('services.board.hours'), value: orDash(board.overall.averageHandlingHours) ?? '—' }}
          />
          <StatisticCard
            statistic={{ title: t('services.board.satisfaction'), value: orDash(board.overall.satisfaction) ?? '—' }}
          />
        </StatisticCard.Group>
        <Row gutter={16}>
          <Col xs={24} lg={14}>
            <Card title={t('services.board.byMonth')}>
              <MonthlyChart data={board.byMonth} label={t('services.board.chartLabel')} names={names} />
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card title={`${t('services.board.byMonth')} · ${t('services.board.table')}`}>
              <Table
                rowKey="month"
                size="small"
                pagination={false}
                dataSource={board.byMonth}
                columns={[{ title: t('services.board.month'), dataIndex: 'month' }, ...figureColumns]}
              />
            </Card>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Card title={t('services.board.byCategory')}>
              <Table
                rowKey="category"
                size="small"
                pagination={false}
                dataSource={board.byCategory}
                columns={[
                  {
                    title: t('services.catalogue.category'),
                    dataIndex: 'category',
                    render: (c: string) => nqiCategoryName(c, locale),
                  },
                  ...figureColumns,
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('services.board.byInstitution')}>
              <Table
                rowKey="institutionId"
                size="small"
                pagination={false}
                dataSource={board.byInstitution}
                columns={[
                  { title: t('services.request.institutions'), dataIndex: 'name' },
                  { title: t('services.board.dispatched'), dataIndex: 'dispatched' },
                  ...figureColumns.slice(1),
                ]}
              />
            </Card>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} lg={10}>
            <Card title={t('services.board.openByStage')}>
              <Table
                rowKey={(r) => `${r.state}-${r.category}`}
                size="small"
                pagination={false}
                dataSource={board.openByStage}
                columns={[
                  { title: t('services.request.state'), dataIndex: 'state', render: (s: string) => serviceLabel(t, 'state', s) },
                  {
                    title: t('services.catalogue.category'),
                    dataIndex: 'category',
                    render: (c: string) => nqiCategoryName(c, locale),
                  },
                  { title: t('services.board.count'), dataIndex: 'count' },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <Card title={t('services.board.overdueList')}>
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={board.overdueList}
                columns={[
                  {
                    title: t('services.request.number'),
                    dataIndex: 'number',
                    render: (n: string, r) => <Link to={`/services/requests/${r.id}`}>{n}</Link>,
                  },
                  { title: t('services.request.service'), dataIndex: 'serviceName' },
                  {
                    title: t('services.request.step'),
                    dataIndex: 'step',
                    render: (s: string) => <Tag>{serviceLabel(t, 'step', s)}</Tag>,
                  },
                  {
                    title: t('services.request.countdown'),
                    dataIndex: 'workingDaysLeft',
                    render: (d: number | null, r) => <Countdown daysLeft={d} overdue={r.overdue} />,
                  },
                  { title: t('services.request.handler'), dataIndex: 'handlerName', render: (h: string | null) => h ?? '—' },
                ]}
              />
            </Card>
          </Col>
        </Row>
      </Space>
    </PageContainer>
  );
}
