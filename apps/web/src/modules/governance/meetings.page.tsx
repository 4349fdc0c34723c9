import { useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  ModalForm,
  PageContainer,
  ProFormDatePicker,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
  ProTable,
  type ActionType,
  type ProColumns,
} from '@ant-design/pro-components';
import { Button, Form, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { MEETING_KINDS, meetingInput, translate } from '@qd/core';
import { api } from '../../api/client';
import { fetchPage, toListQuery } from '../../api/pro-table';
import { useCan } from '../../app/auth/useAuth';
import { checkWithContract, showServerFieldErrors } from '../../components/form-errors';
import { testId } from '../../components/test-id';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import { gl, glOptions } from './components/labels';
import type { MeetingDetail, MeetingRow } from './components/types';

interface MeetingValues {
  kind: string;
  title: string;
  scheduledOn: string;
  location?: string;
  agenda: string;
}

/** The joint meetings, newest first; the office schedules new ones. */
export default function MeetingsPage() {
  const t = useT();
  const locale = useLocale();
  const can = useCan();
  const navigate = useNavigate();
  const showError = useErrorMessage();
  const actionRef = useRef<ActionType>(undefined);
  const [form] = Form.useForm<MeetingValues>();

  const columns: ProColumns<MeetingRow>[] = [
    {
      title: t('governance.meetings.code'),
      dataIndex: 'code',
      width: 130,
      render: (_, r) => <Link to={`/governance/meetings/${r.id}`}>{r.code}</Link>,
    },
    { title: t('governance.meetings.subject'), dataIndex: 'title' },
    { title: t('governance.meetings.kind'), dataIndex: 'kind', width: 110, render: (_, r) => gl(t, 'meetingKind', r.kind) },
    { title: t('governance.meetings.date'), dataIndex: 'scheduledOn', width: 120 },
    {
      title: t('governance.state'),
      dataIndex: 'state',
      width: 130,
      render: (_, r) => <Tag>{gl(t, 'meetingState', r.state)}</Tag>,
    },
  ];

  return (
    <PageContainer
      title={t('governance.meetings.title')}
      extra={
        can('governance.meeting.manage') && (
          <ModalForm<MeetingValues>
            title={t('governance.meetings.new')}
            form={form}
            trigger={
              <Button type="primary" icon={<PlusOutlined />} data-testid="new-meeting">
                {t('governance.meetings.new')}
              </Button>
            }
            initialValues={{ kind: 'regular' }}
            modalProps={{ destroyOnHidden: true }}
            submitter={{ submitButtonProps: testId('meeting-save', {}) }}
            onFinish={async (values) => {
              const body = checkWithContract(
                meetingInput,
                {
                  ...values,
                  location: values.location || null,
                  agenda: (values.agenda ?? '')
                    .split('\n')
                    .map((s) => s.trim())
                    .filter(Boolean),
                },
                form,
                locale,
              );
              if (!body) return false;
              try {
                const created = await api.post<MeetingDetail>('/governance/meetings', body);
                navigate(`/governance/meetings/${created.id}`);
                return true;
              } catch (error) {
                if (!showServerFieldErrors(form, error)) showError(error);
                return false;
              }
            }}
          >
            <ProFormSelect
              name="kind"
              label={t('governance.meetings.kind')}
              options={glOptions(t, 'meetingKind', MEETING_KINDS)}
              rules={[{ required: true }]}
            />
            <ProFormText
              name="title"
              label={t('governance.meetings.subject')}
              rules={[{ required: true, message: translate('validation.required', locale) }]}
              fieldProps={testId('meeting-title', {})}
            />
            <ProFormDatePicker
              name="scheduledOn"
              label={t('governance.meetings.date')}
              fieldProps={{ format: 'YYYY-MM-DD', ...testId('meeting-date', {}) }}
              transform={(v: unknown) => ({
                scheduledOn: typeof v === 'string' ? v : (v as { format(f: string): string })?.format('YYYY-MM-DD'),
              })}
              rules={[{ required: true, message: translate('validation.required', locale) }]}
            />
            <ProFormText name="location" label={t('governance.meetings.location')} />
            <ProFormTextArea
              name="agenda"
              label={t('governance.meetings.agenda')}
              extra={t('governance.meetings.agendaHint')}
              fieldProps={testId('meeting-agenda', { autoSize: { minRows: 3 } })}
              rules={[{ required: true, message: translate('validation.required', locale) }]}
            />
          </ModalForm>
        )
      }
    >
      <ProTable<MeetingRow>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        search={false}
        request={(params, sort) => fetchPage<MeetingRow>('/governance/meetings', toListQuery(params, sort))}
        pagination={{ defaultPageSize: 20 }}
      />
    </PageContainer>
  );
}
