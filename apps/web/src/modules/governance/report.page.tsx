import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Col, Descriptions, InputNumber, Row, Space, Statistic, Table, Tag } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import { PageLoading } from '../../app/PageLoading';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import { GRADE_COLORS, points, thisYear, yuan } from './components/labels';
import type { YearlyReport } from './components/types';

/** The yearly work report of the district's quality work, on screen and as a PDF. */
export default function ReportPage() {
  const t = useT();
  const locale = useLocale();
  const showError = useErrorMessage();
  const [year, setYear] = useState(thisYear());
  const report = useQuery({
    queryKey: ['governance', 'report', year],
    queryFn: () => api.get<YearlyReport>(`/governance/reports/${year}`),
  });
  const r = report.data;
  const l = (x: { zh: string; en: string }) => (locale === 'en-US' ? x.en : x.zh);

  return (
    <PageContainer
      title={`${r?.regionName ?? ''} ${t('governance.report.title')}`}
      extra={
        <Space>
          <InputNumber aria-label={t('governance.year')} value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
          <Button
            type="primary"
            icon={<FilePdfOutlined />}
            onClick={() => api.download(`/governance/reports/${year}/pdf`, undefined, `report-${year}.pdf`).catch(showError)}
            data-testid="report-pdf"
          >
            {t('governance.report.pdf')}
          </Button>
        </Space>
      }
    >
      {report.isLoading && <PageLoading />}
      {report.isError && <Alert type="error" showIcon message={report.error.message} />}
      {r && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Card>
                <Statistic title={t('governance.report.meetingsHeld')} value={r.meetings.held} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card>
                <Statistic title={t('governance.report.resolutions')} value={r.meetings.resolutions} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card>
                <Statistic title={t('governance.report.tasks')} value={r.tasks.total} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card>
                <Statistic
                  title={t('governance.report.onTimeRate')}
                  value={r.tasks.onTimeBasisPoints === null ? '—' : `${(r.tasks.onTimeBasisPoints / 100).toFixed(2)}%`}
                />
              </Card>
            </Col>
          </Row>
          <Card title={t('governance.report.tasks')}>
            <Descriptions
              column={4}
              items={[
                { key: 'total', label: t('governance.tasks.total'), children: r.tasks.total },
                { key: 'closed', label: t('governance.report.closed'), children: r.tasks.closed },
                { key: 'onTime', label: t('governance.report.onTime'), children: r.tasks.closedOnTime },
                { key: 'overdue', label: t('governance.report.overdue'), children: r.tasks.overdue },
              ]}
            />
          </Card>
          <Card
            title={t('governance.report.grades')}
            extra={
              r.assessment.state && (
                <Tag>{t(`governance.enum.assessmentState.${r.assessment.state}` as 'governance.enum.assessmentState.draft')}</Tag>
              )
            }
          >
            <Table
              rowKey="departmentId"
              size="small"
              pagination={false}
              dataSource={r.assessment.results}
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
          <Card title={t('governance.report.budget')}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={r.budget.lines}
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
          <Card title={t('governance.report.headlines')}>
            {r.headlines.map((h) => (
              <Descriptions
                key={h.module}
                style={{ marginBottom: 24 }}
                title={l(h.title)}
                column={{ xs: 1, md: 3 }}
                items={h.figures.map((f) => ({
                  key: f.key,
                  label: l(f.label),
                  // "1,200元" in Chinese; "1,200 CNY" in English, where a unit is a separate word.
                  children: `${typeof f.value === 'number' ? f.value.toLocaleString(locale) : f.value}${f.unit ? `${locale === 'en-US' ? ' ' : ''}${l(f.unit)}` : ''}`,
                }))}
              />
            ))}
          </Card>
        </Space>
      )}
    </PageContainer>
  );
}
