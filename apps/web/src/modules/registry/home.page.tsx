import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Card, Col, Row, Segmented, Statistic, Table, Typography } from 'antd';
import { BarChartOutlined, TableOutlined } from '@ant-design/icons';
import type { RegistrySummary } from '@qd/core';
import { api } from '../../api/client';
import { useCan, useMe } from '../../app/auth/useAuth';
import { PageLoading } from '../../app/PageLoading';
import { industrySectionName } from '../../i18n/domain-labels';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import type { MessageId } from '../../i18n/zh-CN';
import { MyWork } from './components/MyWork';
import { EnterprisesBySectionChart, type SectionCount } from './components/EnterprisesBySectionChart';

const COUNTS: { key: keyof RegistrySummary; label: MessageId }[] = [
  { key: 'enterprises', label: 'home.enterprises' },
  { key: 'departments', label: 'home.departments' },
  { key: 'institutions', label: 'home.institutions' },
  { key: 'experts', label: 'home.experts' },
];

export default function HomePage() {
  const t = useT();
  const me = useMe();
  const can = useCan();
  const canReadRegistry = can('registry.read');

  return (
    <PageContainer title={t('home.welcome', { name: me.displayName })}>
      {canReadRegistry ? <RegistryOverview /> : <MyWork />}
    </PageContainer>
  );
}

function RegistryOverview() {
  const t = useT();
  const locale = useLocale();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const summary = useQuery({ queryKey: ['registry', 'summary'], queryFn: () => api.get<RegistrySummary>('/registry/summary') });

  const sections: SectionCount[] = useMemo(
    () =>
      (summary.data?.enterprisesBySection ?? [])
        .map((s) => ({ section: s.section, name: industrySectionName(s.section, locale), count: s.count }))
        .sort((a, b) => a.section.localeCompare(b.section)),
    [summary.data, locale],
  );

  if (summary.isLoading) return <PageLoading />;
  if (summary.isError || !summary.data) return <Alert type="error" showIcon message={summary.error?.message} />;
  const data = summary.data;

  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20, marginTop: 0 }} data-testid="district-summary-title">
        {t('home.registryIntro', { region: data.region.name })}
      </Typography.Title>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {COUNTS.map(({ key, label }) => (
          <Col key={key} xs={12} sm={12} lg={6} flex="1 1 0">
            <Card>
              <Statistic title={t(label)} value={data[key] as number} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('home.bySection')}</h3>}
        extra={
          <Segmented<'chart' | 'table'>
            aria-label={t('home.viewSwitch')}
            data-testid="chart-view-switch"
            value={view}
            onChange={setView}
            options={[
              { value: 'chart', label: t('home.chartView'), icon: <BarChartOutlined /> },
              { value: 'table', label: t('home.tableView'), icon: <TableOutlined /> },
            ]}
          />
        }
      >
        {view === 'chart' ? (
          <EnterprisesBySectionChart data={sections} label={t('home.chartLabel')} countLabel={t('home.count')} />
        ) : (
          <Table<SectionCount>
            data-testid="section-table"
            rowKey="section"
            size="small"
            pagination={false}
            dataSource={sections}
            columns={[
              { title: t('home.section'), dataIndex: 'section', render: (_, row) => `${row.section} ${row.name}` },
              { title: t('home.count'), dataIndex: 'count', align: 'right' },
            ]}
          />
        )}
      </Card>
    </>
  );
}
