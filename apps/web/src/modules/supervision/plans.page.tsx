import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  DrawerForm,
  PageContainer,
  ProFormDateRangePicker,
  ProFormDigit,
  ProFormRadio,
  ProFormSelect,
  ProFormText,
  ProTable,
  type ActionType,
  type ProColumns,
} from '@ant-design/pro-components';
import { App, Button, Form } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PLAN_STATES, RISK_CLASSES, TARGET_FLAGS, spotCheckPlanInput, translate, type SpotCheckPlan } from '@qd/core';
import { api } from '../../api/client';
import { fetchPage, toListQuery } from '../../api/pro-table';
import { useCan } from '../../app/auth/useAuth';
import { checkWithContract, showServerFieldErrors } from '../../components/form-errors';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import { useIndustrySectionOptions } from '../registry/components/useIndustrySectionOptions';
import { svLabel, svOptions, svValueEnum } from './components/sv-label';
import { useOptions } from './components/useOptions';

/** Spot-check plans: the office creates them; departments see those they take part in. */
export default function PlansPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const actionRef = useRef<ActionType>(undefined);
  const [creating, setCreating] = useState(false);

  const columns: ProColumns<SpotCheckPlan>[] = [
    {
      title: t('supervision.plan.code'),
      dataIndex: 'code',
      width: 140,
      hideInSearch: true,
      render: (_, r) => <Link to={`/supervision/plans/${r.id}`}>{r.code}</Link>,
    },
    { title: t('supervision.plan.name'), dataIndex: 'name', hideInSearch: true, ellipsis: true },
    {
      title: t('supervision.plan.period'),
      dataIndex: 'periodStart',
      hideInSearch: true,
      width: 200,
      render: (_, r) => `${r.periodStart} ~ ${r.periodEnd}`,
    },
    {
      title: t('supervision.plan.poolSize'),
      dataIndex: 'poolSize',
      hideInSearch: true,
      width: 100,
      render: (_, r) => r.poolSize ?? t('common.none'),
    },
    { title: t('common.status'), dataIndex: 'status', width: 110, valueEnum: svValueEnum(t, 'planState', PLAN_STATES) },
  ];

  return (
    <PageContainer title={t('supervision.plan.list')}>
      <ProTable<SpotCheckPlan>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        search={{ labelWidth: 'auto' }}
        request={(params, sort) => fetchPage<SpotCheckPlan>('/supervision/plans', toListQuery(params, sort))}
        options={{ reload: true, density: false, setting: false }}
        toolBarRender={() =>
          can('supervision.manage')
            ? [
                <Button
                  key="new"
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setCreating(true)}
                  data-testid="create-button"
                >
                  {t('supervision.plan.new')}
                </Button>,
              ]
            : []
        }
      />
      {creating && (
        <PlanForm
          onClose={(id) => {
            setCreating(false);
            if (id) navigate(`/supervision/plans/${id}`);
          }}
        />
      )}
    </PageContainer>
  );
}

interface PlanValues {
  name: string;
  itemIds: string[];
  riskClasses: string[];
  industrySections: string[];
  flags: string[];
  productKeyword?: string;
  mode: 'ratio' | 'count';
  high: number;
  mediumHigh: number;
  medium: number;
  low: number;
  period: [string, string];
  departmentIds: string[];
  inspectorsPerTarget: number;
}

/** Values of the plan form → the plan contract (ratios entered in percent, sent in basis points). */
export function planBodyOf(v: PlanValues) {
  const perClass = (f: (n: number) => number) => ({
    high: f(v.high),
    mediumHigh: f(v.mediumHigh),
    medium: f(v.medium),
    low: f(v.low),
  });
  return {
    name: v.name,
    itemIds: v.itemIds ?? [],
    filters: {
      riskClasses: v.riskClasses ?? [],
      industrySections: v.industrySections ?? [],
      flags: v.flags ?? [],
      ...(v.productKeyword ? { productKeyword: v.productKeyword } : {}),
    },
    allocation:
      v.mode === 'ratio'
        ? { mode: 'ratio' as const, ratioBp: perClass((n) => Math.round(n * 100)) }
        : { mode: 'count' as const, count: perClass((n) => n) },
    periodStart: v.period?.[0],
    periodEnd: v.period?.[1],
    departmentIds: v.departmentIds ?? [],
    inspectorsPerTarget: v.inspectorsPerTarget,
  };
}

/** The fields of a plan, also used when a risk signal becomes a targeted plan. */
export function PlanFields() {
  const t = useT();
  const locale = useLocale();
  const sections = useIndustrySectionOptions();
  const items = useOptions('/supervision/items', (i: { id: string; code: string; name: string }) => ({
    value: i.id,
    label: `${i.code} ${i.name}`,
  }));
  const departments = useOptions('/departments', (d: { id: string; name: string }) => ({ value: d.id, label: d.name }));
  const required = [{ required: true, message: translate('validation.required', locale) }];
  const mode = Form.useWatch('mode');
  return (
    <>
      <ProFormText name="name" label={t('supervision.plan.name')} rules={required} />
      <ProFormSelect name="itemIds" label={t('supervision.plan.items')} mode="multiple" options={items} rules={required} />
      <ProFormSelect
        name="riskClasses"
        label={t('supervision.target.riskClass')}
        mode="multiple"
        options={svOptions(t, 'riskClass', RISK_CLASSES)}
      />
      <ProFormSelect
        name="industrySections"
        label={t('supervision.target.industry')}
        mode="multiple"
        options={sections.options}
      />
      <ProFormSelect
        name="flags"
        label={t('supervision.target.flags')}
        mode="multiple"
        options={svOptions(t, 'flag', TARGET_FLAGS)}
      />
      <ProFormText name="productKeyword" label={t('supervision.plan.productKeyword')} />
      <ProFormRadio.Group
        name="mode"
        label={t('supervision.plan.allocation')}
        options={[
          { value: 'ratio', label: t('supervision.plan.byRatio') },
          { value: 'count', label: t('supervision.plan.byCount') },
        ]}
      />
      {RISK_CLASSES.map((c) => (
        <ProFormDigit
          key={c}
          name={c}
          width="sm"
          label={`${svLabel(t, 'riskClass', c)} ${mode === 'ratio' ? '%' : t('supervision.plan.perStratum')}`}
          min={0}
          max={mode === 'ratio' ? 100 : 10000}
          fieldProps={{ precision: mode === 'ratio' ? 2 : 0 }}
          rules={required}
        />
      ))}
      <ProFormDateRangePicker name="period" label={t('supervision.plan.period')} rules={required} />
      <ProFormSelect name="departmentIds" label={t('supervision.plan.departments')} mode="multiple" options={departments} />
      <ProFormDigit
        name="inspectorsPerTarget"
        label={t('supervision.plan.inspectorsPerTarget')}
        min={2}
        max={10}
        width="sm"
        rules={required}
      />
    </>
  );
}

export const PLAN_DEFAULTS: Partial<PlanValues> = {
  mode: 'ratio',
  high: 30,
  mediumHigh: 10,
  medium: 2,
  low: 1,
  inspectorsPerTarget: 2,
  riskClasses: [],
  industrySections: [],
  flags: [],
  departmentIds: [],
};

function PlanForm({ onClose }: { onClose: (id?: string) => void }) {
  const t = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [form] = Form.useForm<PlanValues>();
  return (
    <DrawerForm<PlanValues>
      open
      width={720}
      title={t('supervision.plan.new')}
      form={form}
      dateFormatter="string"
      initialValues={PLAN_DEFAULTS}
      drawerProps={{ destroyOnHidden: true, onClose: () => onClose() }}
      submitter={{ submitButtonProps: { 'data-testid': 'save-button' } as never }}
      onFinish={async (values) => {
        const body = checkWithContract(spotCheckPlanInput, planBodyOf(values), form, locale);
        if (!body) return false;
        try {
          const plan = await api.post<SpotCheckPlan>('/supervision/plans', body);
          void message.success(t('common.created'));
          onClose(plan.id);
          return true;
        } catch (error) {
          if (!showServerFieldErrors(form, error)) showError(error);
          return false;
        }
      }}
    >
      <PlanFields />
    </DrawerForm>
  );
}
