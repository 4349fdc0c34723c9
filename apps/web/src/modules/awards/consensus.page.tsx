import { useRef } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  PageContainer,
  ProForm,
  ProFormDatePicker,
  ProFormText,
  ProFormTextArea,
  type ProFormInstance,
} from '@ant-design/pro-components';
import { Alert, App, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { GBT_19580_2012, builtInCriteriaVersion, criteriaItems } from '@qd/core';
import { api } from '../../api/client';
import { PageLoading } from '../../app/PageLoading';
import { showServerFieldErrors } from '../../components/form-errors';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import type { ConsensusView } from './components/awards-types';
import { nameIn, points, stateName } from './components/labels';

const PERCENTAGES = Array.from({ length: 21 }, (_, i) => ({ value: i * 5, label: `${i * 5}%` }));
const dateOf = (v: unknown) =>
  typeof v === 'string' ? v.slice(0, 10) : (v as { format(f: string): string }).format('YYYY-MM-DD');

/**
 * The group leader's consensus: every expert's score per item side by side, items whose spread
 * exceeds the threshold flagged, the agreed percentage and rationale per item; then the site
 * review record and the feedback report.
 */
export default function ConsensusPage() {
  const { id } = useParams<{ id: string }>();
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();
  const siteForm = useRef<ProFormInstance>(undefined);
  const feedbackForm = useRef<ProFormInstance>(undefined);
  const view = useQuery({
    queryKey: ['awards', 'consensus', id],
    queryFn: () => api.get<ConsensusView>(`/awards/applications/${id}/consensus`),
  });
  if (view.isLoading) return <PageLoading />;
  if (!view.data) return <Alert type="error" showIcon message={view.error?.message} />;
  const v = view.data;
  const criteria = builtInCriteriaVersion(v.criteriaVersionId) ?? GBT_19580_2012;
  const items = criteriaItems(criteria);
  const divergence = new Map(v.divergence.map((d) => [d.itemId, d]));
  const agreed = new Map(v.consensus.map((c) => [c.itemId, c]));
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['awards'] });
  const post = async (body: unknown, path: string, method: 'put' | 'post' = 'put', target?: ProFormInstance | typeof form) => {
    try {
      await (method === 'put' ? api.put(path, body) : api.post(path, body));
      void message.success(t('common.saved'));
      void refresh();
    } catch (err) {
      if (!target || !showServerFieldErrors(target, err)) showError(err);
    }
  };
  const saveConsensus = () => {
    const values = form.getFieldsValue() as { c?: Record<string, { percentage?: number; rationale?: string }> };
    const entries = items
      .map((item) => ({ itemId: item.id, ...values.c?.[item.id] }))
      .filter((e) => typeof e.percentage === 'number')
      .map((e, index) => ({ itemId: e.itemId, percentage: e.percentage!, rationale: e.rationale ?? '', index }));
    return post({ entries: entries.map(({ index: _index, ...e }) => e) }, `/awards/applications/${id}/consensus`, 'put', form);
  };
  const rows = items.map((item) => ({ item, d: divergence.get(item.id) }));
  const inReview = v.state === 'document_review' || v.state === 'site_review';

  return (
    <PageContainer
      title={`${t('awards.consensus.title')} · ${v.code}`}
      subTitle={<Tag color="blue">{stateName(v.state, locale)}</Tag>}
      onBack={() => navigate('/awards/reviews')}
      extra={
        <Space>
          {v.state === 'document_review' && (
            <Button
              type="primary"
              data-testid="complete-document"
              onClick={() => post({ transition: 'completeDocumentReview' }, `/awards/applications/${id}/transitions`, 'post')}
            >
              {t('awards.consensus.completeDocument')}
            </Button>
          )}
          {v.state === 'site_review' && (
            <Button
              type="primary"
              onClick={() => post({ transition: 'completeSiteReview' }, `/awards/applications/${id}/transitions`, 'post')}
            >
              {t('awards.consensus.completeSite')}
            </Button>
          )}
        </Space>
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Title level={5} data-testid="consensus-total">
          {t('awards.ranking.total')}: {points(v.consensusTotalHundredths)}
        </Typography.Title>
        <Card>
          <Form
            form={form}
            disabled={!inReview}
            initialValues={{
              c: Object.fromEntries(v.consensus.map((c) => [c.itemId, { percentage: c.percentage, rationale: c.rationale }])),
            }}
          >
            <Table
              size="small"
              rowKey={(r) => r.item.id}
              pagination={false}
              scroll={{ x: true }}
              dataSource={rows}
              onRow={(r) => ({ style: r.d?.divergent ? { background: '#fff1f0' } : {} })}
              columns={[
                { title: t('awards.review.item'), render: (_, r) => `${r.item.id} ${nameIn(r.item.name, locale)}`, width: 220 },
                ...v.sheets.map((s) => ({
                  title: s.expertName,
                  render: (_: unknown, r: (typeof rows)[number]) => {
                    const e = s.entries.find((x) => x.itemId === r.item.id);
                    return e ? `${e.percentage}%` : '—';
                  },
                })),
                { title: t('awards.consensus.spread'), render: (_, r) => (r.d ? `${r.d.spread}` : '—') },
                { title: t('awards.consensus.median'), render: (_, r) => (r.d ? `${r.d.median}%` : '—') },
                {
                  title: '',
                  render: (_, r) => (r.d?.divergent ? <Tag color="red">{t('awards.consensus.divergent')}</Tag> : null),
                },
                {
                  title: t('awards.consensus.agreed'),
                  width: 120,
                  render: (_, r) => (
                    <Form.Item name={['c', r.item.id, 'percentage']} noStyle>
                      <Select
                        aria-label={`${r.item.id} ${t('awards.consensus.agreed')}`}
                        options={PERCENTAGES}
                        style={{ width: 100 }}
                        data-testid={`agree-${r.item.id}`}
                      />
                    </Form.Item>
                  ),
                },
                {
                  title: t('awards.consensus.rationale'),
                  render: (_, r) => (
                    <Form.Item name={['c', r.item.id, 'rationale']} noStyle initialValue={agreed.get(r.item.id)?.rationale}>
                      <Input
                        aria-label={`${r.item.id} ${t('awards.consensus.rationale')}`}
                        data-testid={`rationale-${r.item.id}`}
                      />
                    </Form.Item>
                  ),
                },
              ]}
            />
          </Form>
          {inReview && (
            <Button type="primary" style={{ marginTop: 16 }} data-testid="save-consensus" onClick={saveConsensus}>
              {t('awards.consensus.save')}
            </Button>
          )}
        </Card>
        {v.state === 'site_review' && (
          <Card title={t('awards.consensus.siteReview')}>
            <ProForm
              formRef={siteForm}
              initialValues={v.siteReview ? { ...v.siteReview, members: v.siteReview.members.join('，') } : undefined}
              onFinish={async (f) =>
                post(
                  {
                    visitedOn: dateOf(f.visitedOn),
                    members: String(f.members ?? '')
                      .split(/[,，、]/)
                      .map((m: string) => m.trim())
                      .filter(Boolean),
                    findings: f.findings,
                    adjustments: f.adjustments ?? '',
                  },
                  `/awards/applications/${id}/site-review`,
                  'put',
                  siteForm.current,
                )
              }
            >
              <ProFormDatePicker name="visitedOn" label={t('awards.consensus.visitedOn')} rules={[{ required: true }]} />
              <ProFormText name="members" label={t('awards.consensus.members')} rules={[{ required: true }]} />
              <ProFormTextArea name="findings" label={t('awards.consensus.findings')} rules={[{ required: true }]} />
              <ProFormTextArea name="adjustments" label={t('awards.consensus.adjustments')} />
            </ProForm>
          </Card>
        )}
        {(v.state === 'site_review' || v.state === 'committee') && (
          <Card title={t('awards.consensus.feedback')}>
            <ProForm
              formRef={feedbackForm}
              disabled={!!v.feedback?.submittedAt}
              initialValues={{
                keyThemes: v.feedback?.keyThemes,
                cat: Object.fromEntries((v.feedback?.categories ?? []).map((c) => [c.categoryId, c])),
              }}
              submitter={{ searchConfig: { submitText: t('awards.consensus.submitFeedback') } }}
              onFinish={async (f) =>
                post(
                  {
                    keyThemes: f.keyThemes,
                    categories: criteria.categories.map((c) => ({
                      categoryId: c.id,
                      strengths: f.cat?.[c.id]?.strengths ?? '',
                      opportunities: f.cat?.[c.id]?.opportunities ?? '',
                    })),
                    submit: true,
                  },
                  `/awards/applications/${id}/feedback`,
                  'put',
                  feedbackForm.current,
                )
              }
            >
              <ProFormTextArea name="keyThemes" label={t('awards.status.keyThemes')} rules={[{ required: true }]} />
              {criteria.categories.map((c) => (
                <Space key={c.id} wrap>
                  <ProFormTextArea
                    name={['cat', c.id, 'strengths']}
                    label={`${c.id} ${nameIn(c.name, locale)} · ${t('awards.status.strengths')}`}
                    width="lg"
                  />
                  <ProFormTextArea name={['cat', c.id, 'opportunities']} label={t('awards.status.opportunities')} width="lg" />
                </Space>
              ))}
            </ProForm>
          </Card>
        )}
      </Space>
    </PageContainer>
  );
}
