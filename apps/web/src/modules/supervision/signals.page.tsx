import { useRef, useState } from 'react';
import {
  DrawerForm,
  PageContainer,
  ProFormDatePicker,
  ProFormDigit,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
  ProTable,
  type ActionType,
  type ProColumns,
} from '@ant-design/pro-components';
import { App, Button, Form, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { SIGNAL_SOURCES, SIGNAL_STATES, riskSignalInput, translate, type RiskSignal } from '@qd/core';
import { api } from '../../api/client';
import { fetchPage, toListQuery } from '../../api/pro-table';
import { useCan } from '../../app/auth/useAuth';
import { checkWithContract, showServerFieldErrors } from '../../components/form-errors';
import { keywordSearch } from '../../components/keyword-search';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import { ActionButton } from './components/ActionButton';
import { svLabel, svOptions, svValueEnum } from './components/sv-label';
import { PLAN_DEFAULTS, PlanFields, planBodyOf } from './plans.page';

const GRADE_COLORS: Record<string, string> = { low: 'green', medium: 'gold', high: 'orange', severe: 'red' };

/** Risk monitoring: samples and signals, graded, turned into targeted plans (no re-test: not enforcement). */
export default function SignalsPage() {
  const t = useT();
  const can = useCan();
  const locale = useLocale();
  const actionRef = useRef<ActionType>(undefined);
  const [creating, setCreating] = useState(false);
  const reload = () => actionRef.current?.reload();
  const required = [{ required: true, message: translate('validation.required', locale) }];
  const columns: ProColumns<RiskSignal>[] = [
    { title: t('supervision.signal.code'), dataIndex: 'code', width: 130, hideInSearch: true },
    { title: t('supervision.check.product'), dataIndex: 'product', hideInSearch: true },
    { title: t('supervision.signal.hazard'), dataIndex: 'hazard', hideInSearch: true, ellipsis: true },
    {
      title: t('supervision.signal.source'),
      dataIndex: 'source',
      hideInSearch: true,
      width: 110,
      render: (_, r) => svLabel(t, 'signalSource', r.source),
    },
    {
      title: t('supervision.signal.grade'),
      dataIndex: 'grade',
      hideInSearch: true,
      width: 90,
      render: (_, r) => (r.grade ? <Tag color={GRADE_COLORS[r.grade]}>{svLabel(t, 'grade', r.grade)}</Tag> : ''),
    },
    { title: t('common.status'), dataIndex: 'status', width: 100, valueEnum: svValueEnum(t, 'signalState', SIGNAL_STATES) },
    {
      title: t('common.actions'),
      valueType: 'option',
      width: 240,
      render: (_, r) =>
        can('supervision.manage') ? (
          <Space key="a" wrap>
            {(r.status === 'open' || r.status === 'graded') && (
              <ActionButton
                label={t('supervision.signal.gradeAction')}
                path={`/supervision/signals/${r.id}/grade`}
                onDone={reload}
                initialValues={{ severity: r.severity ?? 2, likelihood: r.likelihood ?? 2 }}
                fields={
                  <>
                    <ProFormDigit name="severity" label={t('supervision.signal.severity')} min={1} max={4} rules={required} />
                    <ProFormDigit name="likelihood" label={t('supervision.signal.likelihood')} min={1} max={4} rules={required} />
                  </>
                }
              />
            )}
            {r.status === 'graded' && (
              <ActionButton
                primary
                label={t('supervision.signal.toPlan')}
                path={`/supervision/signals/${r.id}/plan`}
                onDone={reload}
                initialValues={{
                  ...PLAN_DEFAULTS,
                  name: `${r.product}专项监督抽查`,
                  productKeyword: r.product,
                  mode: 'count',
                  high: 5,
                  mediumHigh: 5,
                  medium: 5,
                  low: 5,
                }}
                toBody={planBodyOf as never}
                fields={<PlanFields />}
              />
            )}
          </Space>
        ) : null,
    },
  ];
  return (
    <PageContainer title={t('supervision.signal.list')}>
      <ProTable<RiskSignal>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        search={{ labelWidth: 'auto' }}
        request={(params, sort) => fetchPage<RiskSignal>('/supervision/signals', toListQuery(params, sort))}
        options={{ search: keywordSearch(t('supervision.signal.search')), reload: true, density: false, setting: false }}
        toolBarRender={() =>
          can('supervision.manage')
            ? [
                <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                  {t('supervision.signal.new')}
                </Button>,
              ]
            : []
        }
      />
      {creating && (
        <SignalForm
          onClose={() => {
            setCreating(false);
            reload();
          }}
        />
      )}
    </PageContainer>
  );
}

function SignalForm({ onClose }: { onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [form] = Form.useForm();
  const required = [{ required: true, message: translate('validation.required', locale) }];
  return (
    <DrawerForm
      open
      width={600}
      title={t('supervision.signal.new')}
      form={form}
      dateFormatter="string"
      drawerProps={{ destroyOnHidden: true, onClose }}
      onFinish={async (values) => {
        const body = checkWithContract(riskSignalInput, values, form, locale);
        if (!body) return false;
        try {
          await api.post('/supervision/signals', body);
          void message.success(t('common.created'));
          onClose();
          return true;
        } catch (error) {
          if (!showServerFieldErrors(form, error)) showError(error);
          return false;
        }
      }}
    >
      <ProFormText name="product" label={t('supervision.check.product')} rules={required} />
      <ProFormText name="hazard" label={t('supervision.signal.hazard')} rules={required} />
      <ProFormSelect
        name="source"
        label={t('supervision.signal.source')}
        options={svOptions(t, 'signalSource', SIGNAL_SOURCES)}
        rules={required}
      />
      <ProFormDatePicker name="reportedOn" label={t('supervision.signal.reportedOn')} rules={required} />
      <ProFormText name="sampleRef" label={t('supervision.signal.sampleRef')} />
      <ProFormTextArea name="description" label={t('supervision.signal.description')} rules={required} />
    </DrawerForm>
  );
}
