import { useEffect, useState } from 'react';
import { ModalForm, ProFormCheckbox, ProFormDigit, ProFormRate, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { Button, Form, Space, Tag } from 'antd';
import { translate, type RequestDetail } from '@qd/core';
import { api } from '../../../api/client';
import { showServerFieldErrors } from '../../../components/form-errors';
import { useErrorMessage } from '../../../components/useErrorMessage';
import { useLocale } from '../../../i18n/useLocale';
import { useT } from '../../../i18n/useT';
import { serviceLabel } from './labels';

/** What each workflow button asks before it is taken, and where it posts. */
const ACTIONS: Record<
  string,
  {
    path: string;
    form: 'none' | 'reason' | 'text' | 'institutions' | 'transfer' | 'merge' | 'quote' | 'rate';
    danger?: boolean;
    primary?: boolean;
  }
> = {
  accept: { path: 'accept', form: 'none', primary: true },
  decline: { path: 'decline', form: 'reason', danger: true },
  dispatch: { path: 'dispatch', form: 'institutions', primary: true },
  transfer: { path: 'transfer', form: 'transfer' },
  merge: { path: 'merge', form: 'merge' },
  close: { path: 'close', form: 'none' },
  note: { path: 'notes', form: 'text' },
  question: { path: 'questions', form: 'text' },
  answer: { path: 'answers', form: 'text', primary: true },
  rate: { path: 'rate', form: 'rate', primary: true },
  reopen: { path: 'reopen', form: 'reason' },
  institution_accept: { path: 'institution-accept', form: 'none', primary: true },
  hand_back: { path: 'hand-back', form: 'reason', danger: true },
  progress: { path: 'progress', form: 'text' },
  quote: { path: 'quotation', form: 'quote' },
  done: { path: 'done', form: 'text', primary: true },
};

interface Proposal {
  institutionId: string;
  name: string;
  openCount: number;
  onTimeRate: number | null;
  listedForService: boolean;
}

/** The workflow steps the server says the caller may take now, as buttons with their dialogs. */
export function RequestActions({ request, onChanged }: { request: RequestDetail; onChanged: (r: RequestDetail) => void }) {
  const t = useT();
  const showError = useErrorMessage();
  const [busy, setBusy] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const post = async (name: string, body: unknown) => {
    const updated = await api.post<RequestDetail>(`/services/requests/${request.id}/${ACTIONS[name]!.path}`, body);
    onChanged(updated);
  };
  return (
    <Space wrap>
      {request.actions
        .filter((name) => ACTIONS[name])
        .map((name) => {
          const a = ACTIONS[name]!;
          return (
            <Button
              key={name}
              data-testid={`action-${name}`}
              type={a.primary ? 'primary' : 'default'}
              danger={a.danger}
              loading={busy === name}
              onClick={async () => {
                if (a.form !== 'none') return setOpen(name);
                setBusy(name);
                try {
                  await post(name, {});
                } catch (e) {
                  showError(e);
                } finally {
                  setBusy(null);
                }
              }}
            >
              {serviceLabel(t, 'action', name)}
            </Button>
          );
        })}
      {open && <ActionDialog name={open} request={request} onClose={() => setOpen(null)} post={post} />}
    </Space>
  );
}

function ActionDialog({
  name,
  request,
  onClose,
  post,
}: {
  name: string;
  request: RequestDetail;
  onClose: () => void;
  post: (name: string, body: unknown) => Promise<void>;
}) {
  const t = useT();
  const locale = useLocale();
  const showError = useErrorMessage();
  const [form] = Form.useForm();
  const kind = ACTIONS[name]!.form;
  const required = [{ required: true, message: translate('validation.required', locale) }];
  const [proposal, setProposal] = useState<Proposal[]>([]);
  useEffect(() => {
    if (kind === 'institutions' || kind === 'transfer') {
      api.get<Proposal[]>(`/services/requests/${request.id}/proposal`).then(setProposal).catch(showError);
    }
  }, [kind, request.id, showError]);
  return (
    <ModalForm
      open
      form={form}
      title={serviceLabel(t, 'action', name)}
      modalProps={{ destroyOnHidden: true, onCancel: onClose }}
      submitter={{ submitButtonProps: { 'data-testid': 'action-submit' } as never }}
      onFinish={async (values: Record<string, unknown>) => {
        const body =
          kind === 'quote'
            ? { amountFen: Math.round(Number(values.amountYuan) * 100), text: values.text || null }
            : kind === 'rate'
              ? { rating: values.rating, comment: values.comment || null }
              : values;
        try {
          await post(name, body);
          onClose();
          return true;
        } catch (e) {
          if (!showServerFieldErrors(form, e)) showError(e);
          return false;
        }
      }}
    >
      {(kind === 'reason' || kind === 'transfer') && (
        <ProFormTextArea name="reason" label={t('services.action.reason')} rules={required} />
      )}
      {kind === 'text' && (
        <ProFormTextArea name="text" label={t('services.action.text')} rules={required} fieldProps={{ rows: 4 }} />
      )}
      {(kind === 'institutions' || kind === 'transfer') && (
        <ProFormCheckbox.Group
          name="institutionIds"
          label={t('services.action.proposal')}
          rules={required}
          layout="vertical"
          options={proposal.map((p) => ({
            value: p.institutionId,
            label: (
              <span>
                {p.name} <Tag>{t('services.action.openCount', { count: p.openCount })}</Tag>
                {p.onTimeRate !== null && (
                  <Tag>{t('services.action.onTime', { rate: `${Math.round(p.onTimeRate * 100)}%` })}</Tag>
                )}
                {p.listedForService && <Tag color="blue">{t('services.action.listed')}</Tag>}
              </span>
            ),
          }))}
        />
      )}
      {kind === 'merge' && <ProFormText name="targetNumber" label={t('services.action.targetNumber')} rules={required} />}
      {kind === 'quote' && (
        <>
          <ProFormDigit
            name="amountYuan"
            label={t('services.action.amountYuan')}
            rules={required}
            min={0}
            fieldProps={{ precision: 2 }}
          />
          <ProFormTextArea name="text" label={t('services.action.text')} />
        </>
      )}
      {kind === 'rate' && (
        <>
          <ProFormRate name="rating" label={t('services.request.rating')} rules={required} />
          <ProFormTextArea name="comment" label={t('services.action.comment')} />
        </>
      )}
    </ModalForm>
  );
}
