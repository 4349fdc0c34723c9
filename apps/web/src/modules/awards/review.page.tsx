import { useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { PageContainer, ProForm, ProFormSelect, ProFormTextArea, type ProFormInstance } from '@ant-design/pro-components';
import { Alert, App, Button, Card, Popover, Space, Table, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useRef } from 'react';
import { GBT_19580_2012, builtInCriteriaVersion, criteriaItems } from '@qd/core';
import { api } from '../../api/client';
import { PageLoading } from '../../app/PageLoading';
import { showServerFieldErrors } from '../../components/form-errors';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import type { ReviewView, ScoreEntry } from './components/awards-types';
import { BandHelp } from './components/BandHelp';
import { nameIn, points } from './components/labels';

const PERCENTAGES = Array.from({ length: 21 }, (_, i) => ({ value: i * 5, label: `${i * 5}%` }));

/** An expert's independent scoring of one application; other scores stay sealed until this one is submitted. */
export default function ReviewPage() {
  const { id } = useParams<{ id: string }>();
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const queryClient = useQueryClient();
  const form = useRef<ProFormInstance>(undefined);
  const view = useQuery({
    queryKey: ['awards', 'review', id],
    queryFn: () => api.get<ReviewView>(`/awards/applications/${id}/review`),
  });
  if (view.isLoading) return <PageLoading />;
  if (!view.data) return <Alert type="error" showIcon message={view.error?.message} />;
  const v = view.data;
  const items = criteriaItems(builtInCriteriaVersion(v.criteriaVersionId) ?? GBT_19580_2012);
  const submitted = !!v.own?.submittedAt;
  const own = new Map((v.own?.entries ?? []).map((e) => [e.itemId, e]));
  const self = new Map(v.selfAssessment.map((e) => [e.itemId, e]));

  const send = async (submit: boolean) => {
    const values = (form.current?.getFieldsValue() ?? {}) as { s?: Record<string, Partial<ScoreEntry>> };
    const entries = items
      .map((item) => ({ itemId: item.id, ...values.s?.[item.id] }))
      .filter((e) => typeof e.percentage === 'number')
      .map((e) => ({
        itemId: e.itemId,
        percentage: e.percentage!,
        strengths: e.strengths ?? '',
        opportunities: e.opportunities ?? '',
      }));
    try {
      await api.put(`/awards/applications/${id}/my-scores`, { entries, submit });
      void message.success(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: ['awards'] });
    } catch (err) {
      if (!form.current || !showServerFieldErrors(form.current, err)) showError(err);
    }
  };

  return (
    <PageContainer
      title={`${t('awards.review.title')} · ${v.code}`}
      subTitle={v.organizationName}
      onBack={() => navigate('/awards/reviews')}
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {!v.others && <Alert type="info" showIcon message={t('awards.review.sealed')} />}
        {v.own && (
          <Typography.Title level={5}>{`${t('awards.review.yours')}: ${points(v.own.totalHundredths)}`}</Typography.Title>
        )}
        <Card>
          <ProForm
            formRef={form}
            disabled={submitted}
            submitter={false}
            initialValues={{ s: Object.fromEntries([...own.entries()].map(([k, e]) => [k, e])) }}
          >
            {items.map((item) => (
              <Card key={item.id} size="small" style={{ marginBottom: 8 }} data-testid={`score-item-${item.id}`}>
                <Space align="start" wrap style={{ width: '100%' }}>
                  <div style={{ width: 320 }}>
                    <Typography.Text strong>
                      {item.id} {nameIn(item.name, locale)} · {t('awards.form.points', { points: item.points })}
                    </Typography.Text>{' '}
                    <Popover content={<BandHelp kind={item.kind} />}>
                      <QuestionCircleOutlined aria-label={t('awards.form.bandHelp')} />
                    </Popover>
                    <div>
                      <Typography.Text type="secondary">
                        {t('awards.review.selfAssessed')}: {self.get(item.id)?.percentage ?? '—'}% ·{' '}
                        {self.get(item.id)?.description ?? ''}
                      </Typography.Text>
                    </div>
                  </div>
                  <ProFormSelect
                    name={['s', item.id, 'percentage']}
                    label={t('awards.review.yours')}
                    options={PERCENTAGES}
                    width="xs"
                  />
                  <ProFormTextArea
                    name={['s', item.id, 'strengths']}
                    label={t('awards.review.strengths')}
                    fieldProps={{ rows: 1 }}
                    width="md"
                  />
                  <ProFormTextArea
                    name={['s', item.id, 'opportunities']}
                    label={t('awards.review.opportunities')}
                    fieldProps={{ rows: 1 }}
                    width="md"
                  />
                </Space>
              </Card>
            ))}
          </ProForm>
          {!submitted && (
            <Space>
              <Button onClick={() => send(false)}>{t('awards.review.save')}</Button>
              <Button type="primary" data-testid="submit-scores" onClick={() => send(true)}>
                {t('awards.review.submit')}
              </Button>
            </Space>
          )}
        </Card>
        {v.others && (
          <Card title={t('awards.consensus.title')}>
            <Table
              size="small"
              rowKey="expertName"
              pagination={false}
              dataSource={v.others}
              columns={[
                { title: t('awards.review.expert'), dataIndex: 'expertName' },
                { title: t('awards.ranking.total'), dataIndex: 'totalHundredths', render: (h: number) => points(h) },
              ]}
            />
          </Card>
        )}
      </Space>
    </PageContainer>
  );
}
