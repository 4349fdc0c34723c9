import { useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  PageContainer,
  ProFormCheckbox,
  ProFormDigit,
  ProFormSelect,
  ProFormSwitch,
  ProFormText,
  ProFormTextArea,
  StepsForm,
  type ProFormInstance,
} from '@ant-design/pro-components';
import { Alert, App, Button, Card, Collapse, List, Popover, Space, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { GBT_19580_2012, builtInCriteriaVersion, criteriaItems, scoreSheet } from '@qd/core';
import { api, isApiError } from '../../api/client';
import { PageLoading } from '../../app/PageLoading';
import { showServerFieldErrors } from '../../components/form-errors';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import type { ApplicationDetail } from './components/awards-types';
import { FileDropZone } from './components/FileDropZone';
import { BandHelp } from './components/BandHelp';
import { nameIn, points } from './components/labels';

const PERCENTAGES = Array.from({ length: 21 }, (_, i) => ({ value: i * 5, label: `${i * 5}%` }));
const FEN_PER_TEN_THOUSAND_YUAN = 1_000_000;

interface Attachment {
  fileId: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
}

/** The enterprise's application in four steps; every step saves the draft. */
export default function ApplicationFormPage() {
  const { id } = useParams<{ id: string }>();
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const queryClient = useQueryClient();
  const factsForm = useRef<ProFormInstance>(undefined);
  const saForm = useRef<ProFormInstance>(undefined);
  const declarationForm = useRef<ProFormInstance>(undefined);
  const [selfValues, setSelfValues] = useState<{ sa?: Record<string, { percentage?: number }> }>();
  const app = useQuery({
    queryKey: ['awards', 'application', id],
    queryFn: () => api.get<ApplicationDetail>(`/awards/applications/${id}`),
  });
  const attachments = useQuery({
    queryKey: ['awards', 'attachments', id],
    queryFn: () => api.get<Attachment[]>(`/awards/applications/${id}/attachments`),
  });

  if (app.isLoading) return <PageLoading />;
  if (!app.data) return <Alert type="error" showIcon message={app.error?.message} />;
  const a = app.data;
  const criteria = builtInCriteriaVersion(a.criteriaVersionId) ?? GBT_19580_2012;
  const items = criteriaItems(criteria);
  const save = async (body: unknown, formRef?: { current: ProFormInstance | undefined }) => {
    const form = formRef?.current;
    try {
      await api.put(`/awards/applications/${id}`, body);
      void queryClient.invalidateQueries({ queryKey: ['awards'] });
      return true;
    } catch (err) {
      if (!form || !showServerFieldErrors(form, err)) showError(err);
      return false;
    }
  };
  const entriesOf = (values: { sa?: Record<string, { percentage?: number; description?: string }> }) =>
    items
      .map((item) => ({ itemId: item.id, ...values.sa?.[item.id] }))
      .filter((e) => typeof e.percentage === 'number' && !!e.description?.trim())
      .map((e) => ({ itemId: e.itemId, percentage: e.percentage!, description: e.description!.trim() }));
  const runningTotal = scoreSheet(
    criteria,
    items.flatMap((item) => {
      const p = selfValues
        ? selfValues.sa?.[item.id]?.percentage
        : a.selfAssessment.find((e) => e.itemId === item.id)?.percentage;
      return typeof p === 'number' ? [{ itemId: item.id, percentage: p }] : [];
    }),
  ).totalHundredths;
  const facts = a.facts as Record<string, unknown>;

  return (
    <PageContainer title={`${t('awards.form.title')} · ${a.code}`} onBack={() => navigate('/awards/my')}>
      <Card>
        <StepsForm
          onFinish={async () => {
            if (!(await save({ declarationAccepted: !!declarationForm.current?.getFieldValue('accepted') }, declarationForm)))
              return false;
            try {
              await api.post(`/awards/applications/${id}/submit`);
              void message.success(t('awards.form.submitted'));
              void queryClient.invalidateQueries({ queryKey: ['awards'] });
              navigate(`/awards/applications/${id}`);
              return true;
            } catch (err) {
              if (isApiError(err) && err.details.length > 0)
                declarationForm.current?.setFields([
                  { name: 'accepted', errors: err.details.map((d) => `${err.message}: ${d.message}`) },
                ]);
              else showError(err);
              return false;
            }
          }}
          submitter={{
            render: (props, dom) => (
              <Space>
                {dom}
                <Button data-testid="save-draft" onClick={() => props.form?.submit?.()}>
                  {t('awards.form.saveDraft')}
                </Button>
              </Space>
            ),
          }}
        >
          <StepsForm.StepForm
            name="facts"
            title={t('awards.form.facts')}
            formRef={factsForm}
            initialValues={{
              ...facts,
              revenue:
                typeof facts.annualRevenueFen === 'number' ? facts.annualRevenueFen / FEN_PER_TEN_THOUSAND_YUAN : undefined,
            }}
            onFinish={async (v) => {
              const ok = await save(
                {
                  facts: {
                    contactName: v.contactName,
                    contactPhone: v.contactPhone,
                    employees: v.employees,
                    annualRevenueFen: Math.round(Number(v.revenue ?? 0) * FEN_PER_TEN_THOUSAND_YUAN),
                    littleGiant: !!v.littleGiant,
                    profile: v.profile,
                  },
                },
                factsForm,
              );
              if (ok) void message.success(t('awards.form.saved'));
              return ok;
            }}
          >
            <ProFormText name="contactName" label={t('awards.form.contactName')} rules={[{ required: true }]} width="md" />
            <ProFormText name="contactPhone" label={t('awards.form.contactPhone')} rules={[{ required: true }]} width="md" />
            <ProFormDigit name="employees" label={t('awards.form.employees')} min={1} rules={[{ required: true }]} width="sm" />
            <ProFormDigit name="revenue" label={t('awards.form.revenueYuan')} min={0} fieldProps={{ precision: 2 }} width="sm" />
            <ProFormSwitch name="littleGiant" label={t('awards.form.littleGiant')} />
            <ProFormTextArea
              name="profile"
              label={t('awards.form.profile')}
              rules={[{ required: true }]}
              fieldProps={{ rows: 4 }}
            />
          </StepsForm.StepForm>

          <StepsForm.StepForm
            name="selfAssessment"
            title={t('awards.form.selfAssessment')}
            formRef={saForm}
            onValuesChange={(_, all) => setSelfValues(all)}
            initialValues={{
              sa: Object.fromEntries(
                a.selfAssessment.map((e) => [e.itemId, { percentage: e.percentage, description: e.description }]),
              ),
            }}
            onFinish={async (v) => {
              const ok = await save({ selfAssessment: entriesOf(v) }, saForm);
              if (ok) void message.success(t('awards.form.saved'));
              return ok;
            }}
          >
            <Typography.Title level={5} data-testid="self-total">
              {t('awards.form.total', { total: points(runningTotal) })}
            </Typography.Title>
            <Collapse
              defaultActiveKey={criteria.categories.map((c) => c.id)}
              items={criteria.categories.map((category) => ({
                key: category.id,
                label: `${category.id} ${nameIn(category.name, locale)} (${t('awards.form.points', { points: category.points })})`,
                children: category.items.map((item) => (
                  <Space key={item.id} align="start" wrap style={{ width: '100%' }} data-testid={`item-${item.id}`}>
                    <ProFormSelect
                      name={['sa', item.id, 'percentage']}
                      label={
                        <Space>
                          {`${item.id} ${nameIn(item.name, locale)} · ${t('awards.form.points', { points: item.points })}`}
                          <Popover content={<BandHelp kind={item.kind} />} title={t('awards.form.bandHelp')}>
                            <QuestionCircleOutlined aria-label={t('awards.form.bandHelp')} />
                          </Popover>
                        </Space>
                      }
                      placeholder={t('awards.form.percentage')}
                      options={PERCENTAGES}
                      width="sm"
                    />
                    <ProFormTextArea
                      name={['sa', item.id, 'description']}
                      label={t('awards.form.description')}
                      fieldProps={{ rows: 2, 'aria-label': `${item.id} ${t('awards.form.description')}` }}
                      width="xl"
                    />
                  </Space>
                )),
              }))}
            />
          </StepsForm.StepForm>

          <StepsForm.StepForm name="evidence" title={t('awards.form.evidence')}>
            <FileDropZone
              hint={t('awards.form.upload')}
              upload={async (file) => {
                await api.upload(`/awards/applications/${id}/attachments`, file);
                void attachments.refetch();
              }}
            />
            <List
              dataSource={attachments.data ?? []}
              renderItem={(f) => (
                <List.Item>
                  <a href={`/api/v1/awards/applications/${id}/attachments/${f.fileId}`}>{f.fileName}</a>
                  <Typography.Text type="secondary" code>
                    SHA-256 {f.sha256.slice(0, 16)}…
                  </Typography.Text>
                </List.Item>
              )}
            />
          </StepsForm.StepForm>

          <StepsForm.StepForm
            name="declaration"
            title={t('awards.form.declaration')}
            formRef={declarationForm}
            initialValues={{ accepted: a.declarationAccepted }}
          >
            <Alert type="warning" showIcon message={t('awards.form.declarationText')} style={{ marginBottom: 16 }} />
            <ProFormCheckbox name="accepted">{t('awards.form.accept')}</ProFormCheckbox>
          </StepsForm.StepForm>
        </StepsForm>
      </Card>
    </PageContainer>
  );
}
