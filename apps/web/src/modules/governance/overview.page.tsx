import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Card, Col, Progress, Row, Statistic, Table, Tag } from 'antd';
import { api } from '../../api/client';
import { PageLoading } from '../../app/PageLoading';
import { useT } from '../../i18n/useT';
import { GradeChart } from './components/GradeChart';
import { GRADE_COLORS, points, thisYear, yuan } from './components/labels';
import type { TaskView, YearlyReport } from './components/types';

interface Overview {
  year: number;
  today: string;
  overdueTasks: TaskView[];
  tasks: YearlyReport['tasks'];
  assessment: YearlyReport['assessment'];
  budget: YearlyReport['budget'];
}

/** The leader's one page: overdue tasks, department grades, budget use. */
export default function OverviewPage() {
  const t = useT();
  const year = thisYear();
  const overview = useQuery({
    queryKey: ['governance', 'overview', year],
    queryFn: () => api.get<Overview>('/governance/overview', { query: { year } }),
  });
  if (overview.isLoading) return <PageLoading />;
  if (overview.isError || !overview.data) return <Alert type="error" showIcon message={overview.error?.message} />;
  const o = overview.data;
  const counts: Record<string, number> = {};
  for (const r of o.assessment.results) counts[r.grade] = (counts[r.grade] ?? 0) + 1;
  const used =
    o.budget.totals.allocatedFen > 0
      ? Math.round(((o.budget.totals.paidFen + o.budget.totals.committedFen) * 100) / o.budget.totals.allocatedFen)
      : 0;

  return (
    <PageContainer title={`${t('governance.overview.title')}（${o.year}）`}>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('governance.report.tasks')} value={o.tasks.total} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title={t('governance.report.overdue')}
              value={o.tasks.overdue}
              valueStyle={{ color: o.tasks.overdue ? '#cf1322' : undefined }}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('governance.budget.paid')} value={yuan(o.budget.totals.paidFen)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('governance.budget.remaining')} value={yuan(o.budget.totals.remainingFen)} />
            <Progress
              percent={used}
              size="small"
              aria-label={t('governance.budget.used')}
              format={(p) => t('governance.overview.usedShare', { percent: p ?? 0 })}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('governance.overview.overdueTasks')}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={o.overdueTasks}
              columns={[
                {
                  title: t('governance.tasks.code'),
                  dataIndex: 'code',
                  render: (_, x) => <Link to={`/governance/tasks/${x.id}`}>{x.code}</Link>,
                },
                { title: t('governance.tasks.subject'), dataIndex: 'title' },
                { title: t('governance.tasks.lead'), dataIndex: 'leadDepartmentName' },
                { title: t('governance.tasks.deadline'), dataIndex: 'deadline' },
                {
                  title: t('governance.tasks.overdue'),
                  dataIndex: 'daysOverdue',
                  render: (d: number) => <Tag color="red">{t('governance.tasks.overdueDays', { days: d })}</Tag>,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t('governance.assessment.gradeChart')}>
            <GradeChart counts={counts} label={t('governance.assessment.gradeChart')} />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t('governance.report.grades')}>
            <Table
              rowKey="departmentId"
              size="small"
              pagination={false}
              dataSource={o.assessment.results}
              columns={[
                { title: t('governance.department'), dataIndex: 'departmentName' },
                { title: t('governance.assessment.score'), dataIndex: 'totalHundredths', render: (v: number) => points(v) },
                {
                  title: t('governance.assessment.grade'),
                  dataIndex: 'grade',
                  render: (g: string) => <Tag color={GRADE_COLORS[g]}>{g}</Tag>,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('governance.report.budget')}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={o.budget.lines}
              columns={[
                { title: t('governance.budget.name'), dataIndex: 'name' },
                {
                  title: t('governance.budget.allocated'),
                  dataIndex: 'allocatedFen',
                  align: 'right',
                  render: (v: number) => yuan(v),
                },
                {
                  title: t('governance.budget.committed'),
                  dataIndex: 'committedFen',
                  align: 'right',
                  render: (v: number) => yuan(v),
                },
                { title: t('governance.budget.paid'), dataIndex: 'paidFen', align: 'right', render: (v: number) => yuan(v) },
                {
                  title: t('governance.budget.remaining'),
                  dataIndex: 'remainingFen',
                  align: 'right',
                  render: (v: number) => yuan(v),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
