import { useRef, useState } from 'react';
import {
  DrawerForm,
  PageContainer,
  ProFormCheckbox,
  ProFormDatePicker,
  ProFormDigit,
  ProFormList,
  ProFormSelect,
  ProFormSwitch,
  ProFormText,
  ProFormTextArea,
  ProTable,
  type ActionType,
  type ProColumns,
} from '@ant-design/pro-components';
import { Alert, App, Button, Descriptions, Drawer, Form, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PRODUCT_CHECK_STATES, productCheckInput, translate, type ProductCheck } from '@qd/core';
import { api } from '../../api/client';
import { fetchPage, toListQuery } from '../../api/pro-table';
import { useCan } from '../../app/auth/useAuth';
import { checkWithContract, showServerFieldErrors } from '../../components/form-errors';
import { keywordSearch } from '../../components/keyword-search';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import { ActionButton } from './components/ActionButton';
import { svLabel, svValueEnum } from './components/sv-label';
import { useOptions } from './components/useOptions';

/** Product quality spot checks: sampling, testing, notice, objection and re-test, follow-up. */
export default function ProductChecksPage() {
  const t = useT();
  const can = useCan();
  const actionRef = useRef<ActionType>(undefined);
  const [open, setOpen] = useState<ProductCheck | null>(null);
  const [creating, setCreating] = useState(false);
  const columns: ProColumns<ProductCheck>[] = [
    {
      title: t('supervision.check.code'),
      dataIndex: 'code',
      width: 130,
      hideInSearch: true,
      render: (_, r) => <a onClick={() => setOpen(r)}>{r.code}</a>,
    },
    { title: t('supervision.inspection.enterprise'), dataIndex: 'enterpriseName', hideInSearch: true, ellipsis: true },
    { title: t('supervision.check.product'), dataIndex: 'product', hideInSearch: true },
    { title: t('supervision.check.batch'), dataIndex: 'batch', hideInSearch: true, width: 120 },
    { title: t('common.status'), dataIndex: 'status', width: 110, valueEnum: svValueEnum(t, 'checkState', PRODUCT_CHECK_STATES) },
    {
      title: t('supervision.check.conclusion'),
      dataIndex: 'conclusion',
      hideInSearch: true,
      width: 100,
      render: (_, r) => {
        const c = r.finalConclusion ?? r.conclusion;
        return c ? <Tag color={c === 'pass' ? 'green' : 'red'}>{svLabel(t, 'conclusion', c)}</Tag> : '';
      },
    },
    {
      title: t('supervision.check.objectionDeadline'),
      dataIndex: 'objectionDeadline',
      hideInSearch: true,
      width: 120,
      render: (_, r) => r.objectionDeadline ?? '',
    },
  ];
  return (
    <PageContainer title={t('supervision.check.list')}>
      <ProTable<ProductCheck>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        search={{ labelWidth: 'auto' }}
        request={(params, sort) => fetchPage<ProductCheck>('/supervision/product-checks', toListQuery(params, sort))}
        options={{ search: keywordSearch(t('supervision.check.search')), reload: true, density: false, setting: false }}
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
                  {t('supervision.check.new')}
                </Button>,
              ]
            : []
        }
      />
      {creating && (
        <SampleForm
          onClose={() => {
            setCreating(false);
            actionRef.current?.reload();
          }}
        />
      )}
      {open && (
        <CheckDrawer
          check={open}
          onChange={(c) => {
            setOpen(c);
            actionRef.current?.reload();
          }}
          onClose={() => setOpen(null)}
        />
      )}
    </PageContainer>
  );
}

function ResultsList() {
  const t = useT();
  return (
    <ProFormList
      name="results"
      label={t('supervision.check.results')}
      initialValue={[{ pass: true }]}
      creatorButtonProps={{ creatorButtonText: t('supervision.check.addItem') }}
    >
      <Space align="start" wrap>
        <ProFormText name="item" placeholder={t('supervision.check.testItem')} width="sm" />
        <ProFormText name="requirement" placeholder={t('supervision.check.requirement')} width="sm" />
        <ProFormText name="value" placeholder={t('supervision.check.value')} width="xs" />
        <ProFormCheckbox name="pass">{t('supervision.check.itemPass')}</ProFormCheckbox>
      </Space>
    </ProFormList>
  );
}

/** The steps the server says this user may take now, each as a button. */
export function CheckDrawer({
  check,
  onChange,
  onClose,
}: {
  check: ProductCheck;
  onChange: (c: ProductCheck) => void;
  onClose: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const required = [{ required: true, message: translate('validation.required', locale) }];
  const base = `/supervision/product-checks/${check.id}`;
  const done = (r: unknown) => onChange(r as ProductCheck);
  const has = (n: string) => check.availableTransitions.includes(n);
  const can = useCan();
  return (
    <Drawer open width={760} title={`${check.code} ${check.product}`} onClose={onClose}>
      <Descriptions column={2} size="small" bordered>
        <Descriptions.Item label={t('supervision.inspection.enterprise')}>{check.enterpriseName}</Descriptions.Item>
        <Descriptions.Item label={t('common.status')}>{svLabel(t, 'checkState', check.status)}</Descriptions.Item>
        <Descriptions.Item label={t('supervision.check.batch')}>{check.batch}</Descriptions.Item>
        <Descriptions.Item
          label={t('supervision.check.samples')}
        >{`${check.testSampleQty} + ${check.reserveSampleQty}`}</Descriptions.Item>
        <Descriptions.Item label={t('supervision.check.samplers')}>{check.samplers.join('、')}</Descriptions.Item>
        <Descriptions.Item label={t('supervision.check.lab')}>{check.labName}</Descriptions.Item>
        <Descriptions.Item label={t('supervision.check.receivedOn')}>{check.receivedOn ?? ''}</Descriptions.Item>
        <Descriptions.Item label={t('supervision.check.objectionDeadline')}>{check.objectionDeadline ?? ''}</Descriptions.Item>
        {check.objection && (
          <Descriptions.Item label={t('supervision.check.objection')} span={2}>
            {`${check.objection.filedOn}：${check.objection.reason}（${t('supervision.check.decisionDueOn')} ${check.objection.decisionDueOn}）${check.objection.decision ? ` → ${svLabel(t, 'checkAction', check.objection.decision)}` : ''}`}
          </Descriptions.Item>
        )}
        {check.corrections.length > 0 && (
          <Descriptions.Item label={t('supervision.check.corrections')} span={2}>
            <div data-testid="check-corrections">
              {check.corrections.map((c) => (
                <div key={c.at}>
                  {`${c.at.slice(0, 10)} ${c.actorName}：${c.reason}（${c.before.testedOn ?? ''} ${c.before.conclusion ? svLabel(t, 'conclusion', c.before.conclusion) : ''} → ${c.after.testedOn ?? ''} ${c.after.conclusion ? svLabel(t, 'conclusion', c.after.conclusion) : ''}）`}
                </div>
              ))}
            </div>
          </Descriptions.Item>
        )}
        {check.retest && (
          <Descriptions.Item label={t('supervision.check.retest')} span={2}>
            {`${check.retest.labName} ${check.retest.testedOn} → ${svLabel(t, 'conclusion', check.retest.conclusion)}`}
          </Descriptions.Item>
        )}
      </Descriptions>
      {check.results.length > 0 && (
        <Table
          style={{ marginTop: 16 }}
          size="small"
          rowKey="item"
          pagination={false}
          dataSource={check.results}
          columns={[
            { title: t('supervision.check.testItem'), dataIndex: 'item' },
            { title: t('supervision.check.requirement'), dataIndex: 'requirement' },
            { title: t('supervision.check.value'), dataIndex: 'value' },
            {
              title: t('supervision.check.conclusion'),
              dataIndex: 'pass',
              render: (p: boolean) => <Tag color={p ? 'green' : 'red'}>{svLabel(t, 'conclusion', p ? 'pass' : 'fail')}</Tag>,
            },
          ]}
        />
      )}
      <Space wrap style={{ marginTop: 16 }}>
        {has('recordResults') && (
          <ActionButton
            primary
            label={t('supervision.check.recordResults')}
            path={`${base}/results`}
            onDone={done}
            fields={
              <>
                <ProFormDatePicker name="testedOn" label={t('supervision.check.testedOn')} rules={required} />
                <ResultsList />
              </>
            }
          />
        )}
        {has('correctResults') && (
          <ActionButton
            testId="correct-results-button"
            label={t('supervision.check.correctResults')}
            path={`${base}/correction`}
            onDone={done}
            initialValues={{ testedOn: check.testedOn ?? undefined, results: check.results }}
            fields={
              <>
                <Alert type="info" showIcon message={t('supervision.check.correctionHint')} style={{ marginBottom: 16 }} />
                <ProFormDatePicker name="testedOn" label={t('supervision.check.testedOn')} rules={required} />
                <ResultsList />
                <ProFormTextArea name="reason" label={t('supervision.check.correctionReason')} rules={required} />
              </>
            }
          />
        )}
        {has('notify') && (
          <ActionButton
            primary
            label={t('supervision.check.notify')}
            path={`${base}/notify`}
            onDone={done}
            fields={<ProFormDatePicker name="receivedOn" label={t('supervision.check.receivedOn')} rules={required} />}
          />
        )}
        {has('object') && (
          <ActionButton
            primary
            testId="objection-button"
            label={t('supervision.check.object')}
            path={`${base}/objection`}
            onDone={done}
            fields={<ProFormTextArea name="reason" label={t('supervision.check.reason')} rules={required} />}
          />
        )}
        {has('acceptObjection') && (
          <ActionButton
            primary
            label={t('supervision.check.accept')}
            path={`${base}/decision`}
            toBody={(v: { note: string }) => ({ accept: true, note: v.note })}
            onDone={done}
            fields={<ProFormTextArea name="note" label={t('supervision.check.note')} rules={required} />}
          />
        )}
        {has('refuseObjection') && (
          <ActionButton
            danger
            label={t('supervision.check.refuse')}
            path={`${base}/decision`}
            toBody={(v: { note: string }) => ({ accept: false, note: v.note })}
            onDone={done}
            fields={<ProFormTextArea name="note" label={t('supervision.check.note')} rules={required} />}
          />
        )}
        {has('recordRetest') && (
          <ActionButton
            primary
            label={t('supervision.check.recordRetest')}
            path={`${base}/retest`}
            onDone={done}
            fields={
              <>
                <ProFormText name="labName" label={t('supervision.check.retestLab')} rules={required} />
                <ProFormDatePicker name="testedOn" label={t('supervision.check.testedOn')} rules={required} />
                <ResultsList />
              </>
            }
          />
        )}
        {has('close') && <ActionButton label={t('supervision.check.close')} path={`${base}/close`} onDone={done} />}
        {check.status === 'closed' && !check.publishedAt && can('supervision.manage') && (
          <ActionButton label={t('supervision.publish.action')} path={`${base}/publish`} onDone={done} />
        )}
        {check.finalConclusion === 'fail' && !check.rectificationId && can('supervision.manage') && (
          <ActionButton
            danger
            label={t('supervision.rect.order')}
            path={`${base}/rectification`}
            onDone={() => onClose()}
            fields={
              <>
                <ProFormDatePicker name="orderedOn" label={t('supervision.rect.orderedOn')} rules={required} />
                <ProFormDatePicker name="correctBy" label={t('supervision.rect.correctBy')} rules={required} />
              </>
            }
          />
        )}
      </Space>
    </Drawer>
  );
}

interface SampleValues {
  enterpriseId: string;
  product: string;
  batch: string;
  quantity: string;
  testSampleQty: number;
  reserveSampleQty: number;
  samplers: string[];
  sampledOn: string;
  fromGoodsForSale: boolean;
  freeOfCharge: boolean;
  labName: string;
}

function SampleForm({ onClose }: { onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [form] = Form.useForm<SampleValues>();
  const enterprises = useOptions('/supervision/targets', (e: { enterpriseId: string; name: string }) => ({
    value: e.enterpriseId,
    label: e.name,
  }));
  const required = [{ required: true, message: translate('validation.required', locale) }];
  return (
    <DrawerForm<SampleValues>
      open
      width={640}
      title={t('supervision.check.new')}
      form={form}
      dateFormatter="string"
      initialValues={{ testSampleQty: 1, reserveSampleQty: 1, fromGoodsForSale: true, freeOfCharge: true, samplers: [] }}
      drawerProps={{ destroyOnHidden: true, onClose }}
      onFinish={async (values) => {
        const body = checkWithContract(productCheckInput, values, form, locale);
        if (!body) return false;
        try {
          await api.post('/supervision/product-checks', body);
          void message.success(t('common.created'));
          onClose();
          return true;
        } catch (error) {
          if (!showServerFieldErrors(form, error)) showError(error);
          return false;
        }
      }}
    >
      <ProFormSelect
        name="enterpriseId"
        label={t('supervision.inspection.enterprise')}
        options={enterprises}
        showSearch
        rules={required}
      />
      <ProFormText name="product" label={t('supervision.check.product')} rules={required} />
      <ProFormText name="batch" label={t('supervision.check.batch')} rules={required} width="md" />
      <ProFormText name="quantity" label={t('supervision.check.quantity')} rules={required} width="md" />
      <ProFormDigit name="testSampleQty" label={t('supervision.check.testSample')} min={1} width="sm" />
      <ProFormDigit name="reserveSampleQty" label={t('supervision.check.reserveSample')} min={0} width="sm" />
      <ProFormSelect
        name="samplers"
        label={t('supervision.check.samplers')}
        mode="tags"
        fieldProps={{ open: false }}
        tooltip={t('supervision.check.samplersHint')}
      />
      <ProFormDatePicker name="sampledOn" label={t('supervision.check.sampledOn')} rules={required} />
      <ProFormText name="labName" label={t('supervision.check.lab')} rules={required} />
      <ProFormSwitch name="fromGoodsForSale" label={t('supervision.check.fromGoodsForSale')} />
      <ProFormSwitch name="freeOfCharge" label={t('supervision.check.freeOfCharge')} />
    </DrawerForm>
  );
}
