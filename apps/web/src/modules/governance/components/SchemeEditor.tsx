import { ModalForm, ProFormDependency, ProFormDigit, ProFormList, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import { Button, Card, Form, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { schemeInput, translate } from '@qd/core';
import { api } from '../../../api/client';
import { checkWithContract, showServerFieldErrors } from '../../../components/form-errors';
import { useErrorMessage } from '../../../components/useErrorMessage';
import { useLocale } from '../../../i18n/useLocale';
import { useT } from '../../../i18n/useT';
import { glOptions } from './labels';
import type { AssessmentView } from './types';

interface IndicatorValues {
  code: string;
  name: string;
  weight: number;
  mode: 'automatic' | 'entered';
  source?: string | null;
  ruleKind: 'proportional' | 'threshold' | 'deduction';
  targetPercent?: number;
  floorPercent?: number;
  perUnit?: number;
  whenNoData: 'full' | 'zero';
}

interface SchemeValues {
  indicators: IndicatorValues[];
  A: number;
  B: number;
  C: number;
}

/** The year's scheme as a form: indicators with weights, sources and scoring rules, and the grade thresholds. */
export function SchemeEditor({ scheme, onSaved }: { scheme: AssessmentView; onSaved: (next: AssessmentView) => void }) {
  const t = useT();
  const locale = useLocale();
  const showError = useErrorMessage();
  const [form] = Form.useForm<SchemeValues>();
  const sources = useQuery({
    queryKey: ['governance', 'sources'],
    queryFn: () => api.get<{ name: string; label: { zh: string; en: string } }[]>('/governance/assessment-sources'),
  });
  const required = { required: true, message: translate('validation.required', locale) };

  return (
    <ModalForm<SchemeValues>
      title={`${t('governance.assessment.scheme')} ${scheme.year}`}
      width={820}
      form={form}
      trigger={<Button data-testid="edit-scheme">{t('common.edit')}</Button>}
      modalProps={{ destroyOnHidden: true }}
      initialValues={{
        ...scheme.thresholds,
        indicators: scheme.indicators.map((i) => ({
          code: i.code,
          name: i.name,
          weight: i.weight,
          mode: i.mode as IndicatorValues['mode'],
          source: i.source,
          ruleKind: i.rule.kind as IndicatorValues['ruleKind'],
          targetPercent: i.rule.targetPercent,
          floorPercent: i.rule.floorPercent,
          perUnit: i.rule.perUnit,
          whenNoData: (i as { whenNoData?: 'full' | 'zero' }).whenNoData ?? 'full',
        })),
      }}
      onFinish={async (values) => {
        const body = checkWithContract(
          schemeInput,
          {
            year: scheme.year,
            thresholds: { A: values.A, B: values.B, C: values.C },
            indicators: (values.indicators ?? []).map((i) => ({
              code: i.code,
              name: i.name,
              weight: i.weight,
              mode: i.mode,
              source: i.mode === 'automatic' ? (i.source ?? null) : null,
              whenNoData: i.whenNoData,
              rule:
                i.ruleKind === 'proportional'
                  ? { kind: 'proportional', targetPercent: i.targetPercent, floorPercent: i.floorPercent ?? 0 }
                  : i.ruleKind === 'threshold'
                    ? { kind: 'threshold', targetPercent: i.targetPercent }
                    : { kind: 'deduction', perUnit: i.perUnit },
            })),
          },
          form,
          locale,
        );
        if (!body) return false;
        try {
          onSaved(await api.put<AssessmentView>(`/governance/assessments/${scheme.year}`, body));
          return true;
        } catch (error) {
          if (!showServerFieldErrors(form, error)) showError(error);
          return false;
        }
      }}
    >
      <Space>
        <ProFormDigit name="A" label="A ≥" min={1} max={100} fieldProps={{ precision: 0 }} rules={[required]} />
        <ProFormDigit name="B" label="B ≥" min={1} max={100} fieldProps={{ precision: 0 }} rules={[required]} />
        <ProFormDigit name="C" label="C ≥" min={0} max={100} fieldProps={{ precision: 0 }} rules={[required]} />
      </Space>
      <ProFormList
        name="indicators"
        label={t('governance.assessment.indicator')}
        itemRender={({ listDom, action }) => (
          <Card size="small" style={{ marginBottom: 8 }} extra={action}>
            {listDom}
          </Card>
        )}
      >
        <Space wrap align="start">
          <ProFormText name="code" label={t('governance.budget.code')} rules={[required]} width="sm" />
          <ProFormText name="name" label={t('governance.assessment.indicator')} rules={[required]} width="md" />
          <ProFormDigit
            name="weight"
            label={t('governance.assessment.weight')}
            min={1}
            max={100}
            fieldProps={{ precision: 0 }}
            rules={[required]}
            width="xs"
          />
          <ProFormSelect
            name="mode"
            label={t('governance.assessment.mode')}
            options={glOptions(t, 'mode', ['automatic', 'entered'])}
            rules={[required]}
            width="sm"
          />
          <ProFormDependency name={['mode']}>
            {({ mode }: { mode?: string }) =>
              mode === 'automatic' && (
                <ProFormSelect
                  name="source"
                  label={t('governance.assessment.source')}
                  width="md"
                  rules={[required]}
                  options={(sources.data ?? []).map((s) => ({
                    value: s.name,
                    label: locale === 'en-US' ? s.label.en : s.label.zh,
                  }))}
                />
              )
            }
          </ProFormDependency>
          <ProFormSelect
            name="ruleKind"
            label={t('governance.assessment.rule')}
            width="sm"
            rules={[required]}
            options={[
              { value: 'proportional', label: t('governance.assessment.ruleProportional', { floor: 'x', target: 'y' }) },
              { value: 'threshold', label: t('governance.assessment.ruleThreshold', { target: 'y' }) },
              { value: 'deduction', label: t('governance.assessment.ruleDeduction', { per: 'n' }) },
            ]}
          />
          <ProFormDependency name={['ruleKind']}>
            {({ ruleKind }: { ruleKind?: string }) => (
              <Space>
                {ruleKind !== 'deduction' && (
                  <ProFormDigit name="targetPercent" label="y %" min={1} max={100} fieldProps={{ precision: 0 }} width="xs" />
                )}
                {ruleKind === 'proportional' && (
                  <ProFormDigit name="floorPercent" label="x %" min={0} max={99} fieldProps={{ precision: 0 }} width="xs" />
                )}
                {ruleKind === 'deduction' && (
                  <ProFormDigit name="perUnit" label="n" min={1} max={100} fieldProps={{ precision: 0 }} width="xs" />
                )}
              </Space>
            )}
          </ProFormDependency>
          <ProFormSelect
            name="whenNoData"
            label={t('governance.assessment.noData')}
            width="sm"
            options={[
              { value: 'full', label: t('governance.assessment.noDataFull') },
              { value: 'zero', label: t('governance.assessment.noDataZero') },
            ]}
          />
        </Space>
      </ProFormList>
    </ModalForm>
  );
}
