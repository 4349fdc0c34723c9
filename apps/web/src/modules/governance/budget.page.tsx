import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ModalForm, PageContainer, ProFormDatePicker, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import { App, Button, Form, InputNumber, Space, Table, Upload, type FormInstance } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { translate, type Locale } from '@qd/core';
import { api } from '../../api/client';
import { useCan } from '../../app/auth/useAuth';
import { showServerFieldErrors } from '../../components/form-errors';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import { fenOf, gl, thisYear, yuan } from './components/labels';
import type { BudgetEntry, BudgetLine } from './components/types';

/** Amount fields are typed in yuan and sent as integer fen; an amount with more than two decimals is refused here. */
function amountRule(locale: Locale) {
  return {
    validator: (_: unknown, v: string) =>
      Number.isSafeInteger(fenOf(v)) && fenOf(v) > 0
        ? Promise.resolve()
        : Promise.reject(new Error(translate('governance.budget.amountInvalid', locale))),
  };
}

function LineEntries({ lineId, manage }: { lineId: string; manage: boolean }) {
  const t = useT();
  const showError = useErrorMessage();
  const queryClient = useQueryClient();
  const key = ['governance', 'budget-line', lineId];
  const line = useQuery({
    queryKey: key,
    queryFn: () => api.get<{ entries: BudgetEntry[] }>(`/governance/budget/lines/${lineId}`),
  });
  return (
    <Table<BudgetEntry>
      rowKey="id"
      size="small"
      pagination={false}
      loading={line.isLoading}
      dataSource={line.data?.entries ?? []}
      columns={[
        { title: t('governance.meetings.date'), dataIndex: 'occurredOn', width: 110 },
        { title: t('governance.budget.kind'), dataIndex: 'kind', width: 100, render: (k: string) => gl(t, 'entryKind', k) },
        { title: t('governance.budget.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
        {
          title: t('governance.budget.open'),
          dataIndex: 'openFen',
          align: 'right',
          render: (v: number | null) => (v === null ? '' : yuan(v)),
        },
        { title: t('governance.budget.purpose'), dataIndex: 'purpose' },
        { title: t('governance.budget.payee'), dataIndex: 'payee' },
        { title: t('governance.document'), dataIndex: 'document' },
        {
          title: t('governance.tasks.attachments'),
          render: (_, e) => (
            <Space direction="vertical" size={0}>
              {e.files.map((f) => (
                <a
                  key={f.fileId}
                  onClick={() =>
                    void api
                      .download(
                        `/governance/budget/lines/${lineId}/entries/${e.id}/documents/${f.fileId}`,
                        undefined,
                        f.fileName ?? 'file',
                      )
                      .catch(showError)
                  }
                >
                  {f.fileName}
                </a>
              ))}
              {manage && (
                <Upload
                  showUploadList={false}
                  customRequest={async ({ file }) => {
                    try {
                      queryClient.setQueryData(
                        key,
                        await api.upload(`/governance/budget/lines/${lineId}/entries/${e.id}/documents`, file as File),
                      );
                    } catch (error) {
                      showError(error);
                    }
                  }}
                >
                  <Button size="small" icon={<UploadOutlined />} aria-label={t('governance.tasks.upload')} />
                </Upload>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}

/** Yearly budget lines with what is committed, paid and left; commitments, payments and reallocations. */
export default function BudgetPage() {
  const t = useT();
  const locale = useLocale();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(thisYear());
  const lines = useQuery({
    queryKey: ['governance', 'budget', year],
    queryFn: () => api.get<BudgetLine[]>('/governance/budget/lines', { query: { year } }),
  });
  const manage = can('governance.budget.manage');
  const [form] = Form.useForm();
  const reload = () => void queryClient.invalidateQueries({ queryKey: ['governance'] });
  const submit = async (f: FormInstance, path: string, body: unknown) => {
    try {
      await api.post(path, body);
      reload();
      void message.success(t('common.saved'));
      return true;
    } catch (error) {
      if (!showServerFieldErrors(f, error)) showError(error);
      return false;
    }
  };
  const data = lines.data ?? [];
  const sum = (k: keyof BudgetLine) => data.reduce((s, l) => s + (l[k] as number), 0);
  const required = { required: true, message: translate('validation.required', locale) };

  return (
    <PageContainer
      title={t('governance.budget.title')}
      extra={
        <Space wrap>
          <InputNumber aria-label={t('governance.year')} value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
          {manage && (
            <>
              <ModalForm
                title={t('governance.budget.newLine')}
                form={form}
                trigger={<Button>{t('governance.budget.newLine')}</Button>}
                modalProps={{ destroyOnHidden: true }}
                onFinish={(v) =>
                  submit(form, '/governance/budget/lines', { year, code: v.code, name: v.name, budgetFen: fenOf(v.amount) })
                }
              >
                <ProFormText name="code" label={t('governance.budget.code')} rules={[required]} />
                <ProFormText name="name" label={t('governance.budget.name')} rules={[required]} />
                <ProFormText name="amount" label={t('governance.budget.amount')} rules={[required, amountRule(locale)]} />
              </ModalForm>
              <ModalForm
                title={t('governance.budget.reallocate')}
                form={form}
                trigger={<Button>{t('governance.budget.reallocate')}</Button>}
                modalProps={{ destroyOnHidden: true }}
                onFinish={(v) =>
                  submit(form, '/governance/budget/reallocations', {
                    fromLineId: v.fromLineId,
                    toLineId: v.toLineId,
                    amountFen: fenOf(v.amount),
                    reason: v.reason,
                    document: v.document,
                  })
                }
              >
                <ProFormSelect
                  name="fromLineId"
                  label={t('governance.budget.from')}
                  options={data.map((l) => ({
                    value: l.id,
                    label: `${l.name}（${t('governance.budget.remaining')} ${yuan(l.remainingFen)}）`,
                  }))}
                  rules={[required]}
                />
                <ProFormSelect
                  name="toLineId"
                  label={t('governance.budget.to')}
                  options={data.map((l) => ({ value: l.id, label: l.name }))}
                  rules={[required]}
                />
                <ProFormText name="amount" label={t('governance.budget.amount')} rules={[required, amountRule(locale)]} />
                <ProFormText name="reason" label={t('governance.budget.purpose')} rules={[required]} />
                <ProFormText name="document" label={t('governance.document')} rules={[required]} />
              </ModalForm>
            </>
          )}
        </Space>
      }
    >
      <Table<BudgetLine>
        rowKey="id"
        loading={lines.isLoading}
        dataSource={data}
        pagination={false}
        expandable={{ expandedRowRender: (l) => <LineEntries lineId={l.id} manage={manage} /> }}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} />
            <Table.Summary.Cell index={1}>{t('governance.budget.total')}</Table.Summary.Cell>
            {(['allocatedFen', 'committedFen', 'paidFen', 'remainingFen'] as const).map((k, i) => (
              <Table.Summary.Cell key={k} index={i + 2} align="right">
                {yuan(sum(k))}
              </Table.Summary.Cell>
            ))}
            {manage && <Table.Summary.Cell index={6} />}
          </Table.Summary.Row>
        )}
        columns={[
          { title: t('governance.budget.name'), dataIndex: 'name' },
          { title: t('governance.budget.allocated'), dataIndex: 'allocatedFen', align: 'right', render: (v: number) => yuan(v) },
          { title: t('governance.budget.committed'), dataIndex: 'committedFen', align: 'right', render: (v: number) => yuan(v) },
          { title: t('governance.budget.paid'), dataIndex: 'paidFen', align: 'right', render: (v: number) => yuan(v) },
          { title: t('governance.budget.remaining'), dataIndex: 'remainingFen', align: 'right', render: (v: number) => yuan(v) },
          ...(manage
            ? [
                {
                  title: t('common.actions'),
                  render: (_: unknown, l: BudgetLine) => (
                    <Space>
                      <ModalForm
                        title={`${t('governance.budget.commit')}：${l.name}`}
                        form={form}
                        trigger={<Button size="small">{t('governance.budget.commit')}</Button>}
                        modalProps={{ destroyOnHidden: true }}
                        onFinish={(v) =>
                          submit(form, `/governance/budget/lines/${l.id}/commitments`, {
                            amountFen: fenOf(v.amount),
                            purpose: v.purpose,
                            payee: v.payee || null,
                            document: v.document,
                          })
                        }
                      >
                        <ProFormText name="amount" label={t('governance.budget.amount')} rules={[required, amountRule(locale)]} />
                        <ProFormText name="purpose" label={t('governance.budget.purpose')} rules={[required]} />
                        <ProFormText name="payee" label={t('governance.budget.payee')} />
                        <ProFormText name="document" label={t('governance.document')} rules={[required]} />
                      </ModalForm>
                      <ModalForm
                        title={`${t('governance.budget.pay')}：${l.name}`}
                        form={form}
                        trigger={<Button size="small">{t('governance.budget.pay')}</Button>}
                        modalProps={{ destroyOnHidden: true }}
                        onFinish={(v) =>
                          submit(form, `/governance/budget/lines/${l.id}/payments`, {
                            amountFen: fenOf(v.amount),
                            commitmentId: v.commitmentId || null,
                            payee: v.payee,
                            document: v.document,
                            paidOn: v.paidOn,
                          })
                        }
                      >
                        <ProFormText name="amount" label={t('governance.budget.amount')} rules={[required, amountRule(locale)]} />
                        <CommitmentSelect lineId={l.id} />
                        <ProFormText name="payee" label={t('governance.budget.payee')} rules={[required]} />
                        <ProFormText name="document" label={t('governance.document')} rules={[required]} />
                        <ProFormDatePicker name="paidOn" label={t('governance.budget.paidOn')} rules={[required]} />
                      </ModalForm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </PageContainer>
  );
}

function CommitmentSelect({ lineId }: { lineId: string }) {
  const t = useT();
  const line = useQuery({
    queryKey: ['governance', 'budget-line', lineId],
    queryFn: () => api.get<{ entries: BudgetEntry[] }>(`/governance/budget/lines/${lineId}`),
  });
  const open = (line.data?.entries ?? []).filter((e) => e.kind === 'commitment' && (e.openFen ?? 0) > 0);
  return (
    <ProFormSelect
      name="commitmentId"
      label={t('governance.budget.commitment')}
      allowClear
      options={open.map((e) => ({
        value: e.id,
        label: `${e.purpose ?? e.document}（${t('governance.budget.open')} ${yuan(e.openFen ?? 0)}）`,
      }))}
    />
  );
}
