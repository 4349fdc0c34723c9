import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Card, Col, Row, Space, Table, Tag, Typography } from 'antd';
import { NQI_CATEGORY_CODES, type CatalogueService, type Page } from '@qd/core';
import { api } from '../../api/client';
import { useErrorMessage } from '../../components/useErrorMessage';
import { nqiCategoryName } from '../../i18n/domain-labels';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import { MonthlyChart, type MonthFigures } from './components/MonthlyChart';

/** The station's public page (no log-in): its catalogue and its monthly figures, nothing about anyone. */
export default function PublicStationPage() {
  const t = useT();
  const locale = useLocale();
  const showError = useErrorMessage();
  const [services, setServices] = useState<CatalogueService[]>([]);
  const [months, setMonths] = useState<(MonthFigures & { satisfaction: number | null })[]>([]);
  useEffect(() => {
    api
      .get<Page<CatalogueService>>('/public/services/catalogue', { query: { pageSize: 200 } })
      .then((p) => setServices(p.data))
      .catch(showError);
    api
      .get<{ byMonth: (MonthFigures & { satisfaction: number | null })[] }>('/public/services/figures')
      .then((f) => setMonths(f.byMonth))
      .catch(showError);
  }, [showError]);
  const names = useMemo(
    () => ({
      submitted: t('services.board.submitted'),
      completed: t('services.board.completed'),
      onTimeRate: t('services.board.onTimeRate'),
    }),
    [t],
  );
  return (
    <Space direction="vertical" size="large" style={{ width: '100%', padding: 24 }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('services.public.title')}
      </Typography.Title>
      <Typography.Paragraph>
        {t('services.public.intro')}{' '}
        <Link to="/login" style={{ textDecoration: 'underline' }}>
          {t('services.public.login')}
        </Link>
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {NQI_CATEGORY_CODES.map((c) => (
          <Col key={c} xs={24} md={12} xl={8}>
            <Card title={nqiCategoryName(c, locale)} size="small">
              {services
                .filter((s) => s.category === c)
                .map((s) => (
                  <div key={s.id} style={{ marginBottom: 8 }}>
                    <strong>{s.name}</strong>{' '}
                    <Tag color={s.charge === 'free' ? 'green' : 'orange'}>{t(`services.catalogue.charge.${s.charge}`)}</Tag>
                    <div>{s.description}</div>
                  </div>
                ))}
            </Card>
          </Col>
        ))}
      </Row>
      <Card title={t('services.public.figures')}>
        <MonthlyChart data={months} label={t('services.board.chartLabel')} names={names} />
        <Table
          rowKey="month"
          size="small"
          pagination={false}
          dataSource={months}
          columns={[
            { title: t('services.board.month'), dataIndex: 'month' },
            { title: t('services.board.submitted'), dataIndex: 'submitted' },
            { title: t('services.board.completed'), dataIndex: 'completed' },
            {
              title: t('services.board.onTimeRate'),
              dataIndex: 'onTimeRate',
              render: (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`),
            },
            { title: t('services.board.satisfaction'), dataIndex: 'satisfaction', render: (v: number | null) => v ?? '—' },
          ]}
        />
      </Card>
    </Space>
  );
}
