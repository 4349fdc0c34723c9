import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ModalForm, PageContainer, ProFormDigit, ProFormSelect, ProFormTextArea } from '@ant-design/pro-components';
import { Alert, App, Button, Card, Col, Form, InputNumber, Row, Space, Table, Tag, Tooltip } from 'antd';
import { DEFAULT_ASSESSMENT_INDICATORS, DEFAULT_GRADE_THRESHOLDS, enteredValueInput, translate } from '@qd/core';
import { api, isApiError } from '../../api/client';
import { useCan, useMe } from '../../app/auth/useAuth';
import { checkWithContract, showServerFieldErrors } from '../../components/form-errors';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import { GradeChart } from './components/GradeChart';
import { SchemeEditor } from './components/SchemeEditor';
import { gl, GRADE_COLORS, points, thisYear } from './components/labels';
import type { AssessmentView, IndicatorScore } from './components/types';

/** The year's assessment: the scheme, every department's score and grade with its breakdown and evidence, appeals, approval. */
export default function AssessmentPage() {
  const t = useT();
  const locale = useLocale();
  const can = useCan();
  const me = useMe();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(thisYear());
  const key = ['governance', 'assessment', year];
  const assessment = useQuery({
    queryKey: key,
    queryFn: () => api.get<AssessmentView>(`/governance/assessments/${year}`),
    retry: false,
  });
  const manage = can('governance.assessment.manage');
  const act = useMutation({
    mutationFn: ({ path, body }: { path: string; body?: unknown }) =>
      api.post<AssessmentView>(`/governance/assessments/${year}${path}`, body),
    onSuccess: (data) => {
      queryClient.setQueryData(key, data);
      void message.success(t('common.saved'));
    },
    onError: showError,
  });
  const create = useMutation({
    mutationFn: () =>
      api.post<AssessmentView>('/governance/assessments', {
        year,
        indicators: DEFAULT_ASSESSMENT_INDICATORS,
        thresholds: DEFAULT_GRADE_THRESHOLDS,
      }),
    onSuccess: (data) => queryClient.setQueryData(key, data),
    onError: showError,
  });
  const [valueForm] = Form.useForm();
  const [appealForm] = Form.useForm<{ reason: string }>();

  const yearPicker = (
    <InputNumber aria-label={t('governance.year')} value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
  );
  const missing = assessment.isError && isApiError(assessment.error) && assessment.error.status === 404;
  const a = assessment.data;
  const counts: Record<string, number> = {};
  for (const r of a?.results ?? []) counts[r.grade] = (counts[r.grade] ?? 0) + 1;
  const ownResult = a?.results.find((r) => r.departmentId === me.organizationId);
  const mayAppeal =
    can('governance.assessment.appeal') &&
    a?.state === 'computed' &&
    ownResult &&
    !a.appeals.some((x) => x.departmentId === me.organizationId);

  const ruleText = (rule: AssessmentView['indicators'][number]['rule']) =>
    rule.kind === 'proportional'
      ? t('governance.assessment.ruleProportional', { floor: rule.floorPercent ?? 0, target: rule.targetPercent ?? 100 })
      : rule.kind === 'threshold'
        ? t('governance.assessment.ruleThreshold', { target: rule.targetPercent ?? 100 })
        : t('governance.assessment.ruleDeduction', { per: rule.perUnit ?? 1 });

  return (
    <PageContainer
      title={t('governance.assessment.title')}
      extra={
        <Space wrap>
          {yearPicker}
          {a && <Tag color={a.state === 'locked' ? 'green' : 'blue'}>{gl(t, 'assessmentState', a.state)}</Tag>}
          {manage &&
            a?.transitions.map((o) => (
              <Tooltip key={o.name} title={o.blockedBy ? translate(o.blockedBy, locale) : undefined}>
                <Button
                  type={o.name === 'lock' ? 'primary' : 'default'}
                  disabled={!!o.blockedBy}
                  loading={act.isPending}
                  onClick={() => act.mutate({ path: `/${o.name}` })}
                  data-testid={`assessment-${o.name}`}
                >
                  {o.name === 'compute' ? t('governance.assessment.compute') : t('governance.assessment.lock')}
                </Button>
              </Tooltip>
            ))}
          {mayAppeal && (
            <ModalForm<{ reason: string }>
              title={t('governance.assessment.appeal')}
              form={appealForm}
              trigger={<Button danger>{t('governance.assessment.appeal')}</Button>}
              modalProps={{ destroyOnHidden: true }}
              onFinish={async (values) => {
                await act.mutateAsync({ path: '/appeals', body: values }).catch(() => undefined);
                return true;
              }}
            >
              <ProFormTextArea
                name="reason"
                label={t('governance.assessment.appealReason')}
                rules={[{ required: true, message: translate('validation.required', locale) }]}
              />
            </ModalForm>
          )}
        </Space>
      }
    >
      {missing && (
        <Alert
          type="info"
          showIcon
          message={t('governance.assessment.noScheme')}
          action={manage && <Button onClick={() => create.mutate()}>{t('governance.assessment.newScheme')}</Button>}
        />
      )}
      {a && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Card
            title={t('governance.assessment.scheme')}
            size="small"
            extra={
              <Space>
                {`${t('governance.assessment.thresholds')}：A ≥ ${a.thresholds.A}，B ≥ ${a.thresholds.B}，C ≥ ${a.thresholds.C}`}
                {manage && a.state !== 'locked' && (
                  <SchemeEditor scheme={a} onSaved={(next) => queryClient.setQueryData(key, next)} />
                )}
              </Space>
            }
          >
            <Table
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={a.indicators}
              columns={[
                { title: t('governance.assessment.indicator'), dataIndex: 'name' },
                { title: t('governance.assessment.weight'), dataIndex: 'weight', width: 70 },
                { title: t('governance.assessment.mode'), dataIndex: 'mode', render: (m: string) => gl(t, 'mode', m) },
                {
                  title: t('governance.assessment.source'),
                  dataIndex: 'source',
                  render: (_: unknown, i) =>
                    i.sourceLabel ? (
                      <Tooltip title={i.source}>{locale === 'en-US' ? i.sourceLabel.en : i.sourceLabel.zh}</Tooltip>
                    ) : (
                      t('common.none')
                    ),
                },
                { title: t('governance.assessment.rule'), dataIndex: 'rule', render: (_: unknown, i) => ruleText(i.rule) },
              ]}
            />
          </Card>
          {a.results.length > 1 && (
            <Row gutter={16}>
              <Col xs={24} md={14}>
                <Card title={t('governance.assessment.gradeChart')} size="small">
                  <GradeChart counts={counts} label={t('governance.assessment.gradeChart')} />
                </Card>
              </Col>
              <Col xs={24} md={10}>
                <Card title={t('governance.chartTable')} size="small">
                  <Table
                    size="small"
                    pagination={false}
                    rowKey="grade"
                    dataSource={['A', 'B', 'C', 'D'].map((g) => ({ grade: g, n: counts[g] ?? 0 }))}
                    columns={[
                      { title: t('governance.assessment.grade'), dataIndex: 'grade' },
                      { title: t('governance.department'), dataIndex: 'n' },
                    ]}
                  />
                </Card>
              </Col>
            </Row>
          )}
          <Card
            title={`${t('governance.assessment.results')}${a.computedAsOf ? `（${t('governance.assessment.computedAsOf')} ${a.computedAsOf}）` : ''}`}
            data-testid="assessment-results"
          >
            <Table
              rowKey="departmentId"
              pagination={false}
              dataSource={a.results}
              expandable={{
                defaultExpandedRowKeys: a.results.length === 1 ? [a.results[0]!.departmentId] : [],
                expandedRowRender: (r) => (
                  <Table<IndicatorScore>
                    rowKey="code"
                    size="small"
                    pagination={false}
                    dataSource={r.breakdown}
                    columns={[
                      { title: t('governance.assessment.indicator'), dataIndex: 'name' },
                      {
                        title: t('governance.assessment.source'),
                        dataIndex: 'source',
                        render: (s: string | null, b) => {
                          // The breakdown carries the source's code; its name is on the scheme's indicator.
                          const label = a.indicators.find((i) => i.code === b.code)?.sourceLabel;
                          if (!s) return gl(t, 'mode', b.mode);
                          return (
                            <Tooltip title={s}>{label ? (locale === 'en-US' ? label.en : label.zh) : t('common.none')}</Tooltip>
                          );
                        },
                      },
                      {
                        title: t('governance.assessment.figure'),
                        render: (_, b) =>
                          b.figure
                            ? `${b.figure.numerator} / ${b.figure.denominator}${b.ratioBasisPoints !== null ? `（${(b.ratioBasisPoints / 100).toFixed(2)}%）` : ''}`
                            : t('common.none'),
                      },
                      {
                        title: t('governance.assessment.points'),
                        render: (_, b) => `${points(b.pointsHundredths)} / ${points(b.maxHundredths)}`,
                      },
                      {
                        title: t('governance.assessment.evidence'),
                        render: (_, b) => (b.figure?.evidence.length ? b.figure.evidence.join('；') : t('common.none')),
                      },
                    ]}
                  />
                ),
              }}
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
          {(a.appeals.length > 0 || manage) && (
            <Card
              title={t('governance.assessment.appeals')}
              extra={
                manage &&
                a.state !== 'locked' && (
                  <ModalForm
                    title={t('governance.assessment.enter')}
                    form={valueForm}
                    trigger={<Button>{t('governance.assessment.enter')}</Button>}
                    modalProps={{ destroyOnHidden: true }}
                    onFinish={async (values) => {
                      const body = checkWithContract(enteredValueInput, values, valueForm, locale);
                      if (!body) return false;
                      try {
                        queryClient.setQueryData(
                          key,
                          await api.put<AssessmentView>(`/governance/assessments/${year}/values`, body),
                        );
                        return true;
                      } catch (error) {
                        if (!showServerFieldErrors(valueForm, error)) showError(error);
                        return false;
                      }
                    }}
                  >
                    <ProFormSelect
                      name="indicatorCode"
                      label={t('governance.assessment.indicator')}
                      options={a.indicators.filter((i) => i.mode === 'entered').map((i) => ({ value: i.code, label: i.name }))}
                      rules={[{ required: true }]}
                    />
                    <ProFormSelect
                      name="departmentId"
                      label={t('governance.department')}
                      options={a.results.map((r) => ({ value: r.departmentId, label: r.departmentName }))}
                      rules={[{ required: true }]}
                    />
                    <ProFormDigit
                      name="numerator"
                      label={t('governance.assessment.numerator')}
                      min={0}
                      fieldProps={{ precision: 0 }}
                      rules={[{ required: true }]}
                    />
                    <ProFormDigit
                      name="denominator"
                      label={t('governance.assessment.denominator')}
                      min={0}
                      fieldProps={{ precision: 0 }}
                      rules={[{ required: true }]}
                    />
                    <ProFormTextArea
                      name="evidence"
                      label={t('governance.assessment.evidence')}
                      rules={[{ required: true, message: translate('validation.required', locale) }]}
                    />
                  </ModalForm>
                )
              }
            >
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={a.appeals}
                columns={[
                  { title: t('governance.department'), dataIndex: 'departmentName' },
                  { title: t('governance.assessment.score'), dataIndex: 'totalHundredths', render: (v: number) => points(v) },
                  { title: t('governance.assessment.appealReason'), dataIndex: 'reason' },
                  { title: t('governance.state'), dataIndex: 'state', render: (s: string) => gl(t, 'appealState', s) },
                  { title: t('governance.assessment.decisionNote'), dataIndex: 'decisionNote' },
                  ...(manage
                    ? [
                        {
                          title: t('common.actions'),
                          render: (_: unknown, x: AssessmentView['appeals'][number]) =>
                            x.state === 'open' && (
                              <Space>
                                {(['upheld', 'rejected'] as const).map((decision) => (
                                  <ModalForm<{ note: string }>
                                    key={decision}
                                    title={
                                      decision === 'upheld'
                                        ? t('governance.assessment.uphold')
                                        : t('governance.assessment.reject')
                                    }
                                    trigger={
                                      <Button size="small">
                                        {decision === 'upheld'
                                          ? t('governance.assessment.uphold')
                                          : t('governance.assessment.reject')}
                                      </Button>
                                    }
                                    modalProps={{ destroyOnHidden: true }}
                                    onFinish={async (values) => {
                                      await act
                                        .mutateAsync({ path: `/appeals/${x.id}/decision`, body: { decision, note: values.note } })
                                        .catch(() => undefined);
                                      return true;
                                    }}
                                  >
                                    <ProFormTextArea
                                      name="note"
                                      label={t('governance.assessment.decisionNote')}
                                      rules={[{ required: true, message: translate('validation.required', locale) }]}
                                    />
                                  </ModalForm>
                                ))}
                              </Space>
                            ),
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
          )}
        </Space>
      )}
    </PageContainer>
  );
}
