import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ModalForm,
  PageContainer,
  ProDescriptions,
  ProFormDatePicker,
  ProFormDigit,
  ProFormList,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { Alert, App, Button, Card, Form, Input, Select, Space, Table, Tag, Tooltip } from 'antd';
import { ATTENDANCE_VALUES, TASK_PRIORITIES, resolutionInput, translate } from '@qd/core';
import { api } from '../../api/client';
import { useCan } from '../../app/auth/useAuth';
import { PageLoading } from '../../app/PageLoading';
import { checkWithContract, showServerFieldErrors } from '../../components/form-errors';
import { testId } from '../../components/test-id';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import { gl, glOptions, TASK_STATE_COLORS } from './components/labels';
import type { MeetingDetail } from './components/types';

interface TaskValues {
  title: string;
  leadDepartmentId: string;
  supportingDepartmentIds?: string[];
  deadlineDate?: string;
  deadlineWorkingDays?: number;
  expectedOutput: string;
  priority: string;
}

/** One joint meeting: agenda, attendance per department, minutes, resolutions and the tasks they created. */
export default function MeetingDetailPage() {
  const { id } = useParams<{ id: string }>();
  const t = useT();
  const locale = useLocale();
  const can = useCan();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const queryClient = useQueryClient();
  const key = ['governance', 'meeting', id];
  const meeting = useQuery({ queryKey: key, queryFn: () => api.get<MeetingDetail>(`/governance/meetings/${id}`), enabled: !!id });
  const manage = can('governance.meeting.manage');
  const [attendance, setAttendance] = useState<Record<string, string>>({});
  const [minutes, setMinutes] = useState('');
  const [resolutionForm] = Form.useForm<{ text: string; tasks: TaskValues[] }>();

  useEffect(() => {
    if (!meeting.data) return;
    setAttendance(
      Object.fromEntries(meeting.data.attendance.filter((a) => a.attendance).map((a) => [a.departmentId, a.attendance!])),
    );
    setMinutes(meeting.data.minutes ?? '');
  }, [meeting.data]);

  const saved = (data: MeetingDetail) => {
    queryClient.setQueryData(key, data);
    void message.success(t('common.saved'));
  };
  const mutate = useMutation({
    mutationFn: ({ method, path, body }: { method: 'put' | 'post'; path: string; body: unknown }) =>
      api[method]<MeetingDetail>(`/governance/meetings/${id}${path}`, body),
    onSuccess: saved,
    onError: showError,
  });

  if (meeting.isLoading) return <PageLoading />;
  if (meeting.isError || !meeting.data) {
    return (
      <PageContainer title={t('governance.meetings.title')} onBack={() => navigate('/governance/meetings')}>
        <Alert type="error" showIcon message={meeting.error?.message} />
      </PageContainer>
    );
  }
  const m = meeting.data;
  const editable = manage && (m.state === 'planned' || m.state === 'held');
  const departments = m.attendance.map((a) => ({ value: a.departmentId, label: a.departmentName }));

  return (
    <PageContainer
      title={`${m.code} ${m.title}`}
      onBack={() => navigate('/governance/meetings')}
      extra={
        manage && (
          <Space>
            {m.transitions.map((o) => (
              <Tooltip key={o.name} title={o.blockedBy ? translate(o.blockedBy, locale) : undefined}>
                <Button
                  disabled={!!o.blockedBy}
                  onClick={() => mutate.mutate({ method: 'post', path: '/transitions', body: { transition: o.name } })}
                  data-testid={`meeting-${o.name}`}
                >
                  {gl(t, 'transition', o.name)}
                </Button>
              </Tooltip>
            ))}
          </Space>
        )
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <ProDescriptions<MeetingDetail>
            column={{ xs: 1, md: 2 }}
            dataSource={m}
            columns={[
              { title: t('governance.meetings.kind'), dataIndex: 'kind', render: () => gl(t, 'meetingKind', m.kind) },
              { title: t('governance.state'), dataIndex: 'state', render: () => <Tag>{gl(t, 'meetingState', m.state)}</Tag> },
              { title: t('governance.meetings.date'), dataIndex: 'scheduledOn' },
              { title: t('governance.meetings.location'), dataIndex: 'location' },
              {
                title: t('governance.meetings.agenda'),
                dataIndex: 'agenda',
                span: 2,
                render: () => (
                  <ol style={{ margin: 0 }}>
                    {m.agenda.map((a) => (
                      <li key={a}>{a}</li>
                    ))}
                  </ol>
                ),
              },
            ]}
          />
        </Card>
        <Card
          title={t('governance.meetings.attendance')}
          extra={
            editable && (
              <Button
                onClick={() =>
                  mutate.mutate({
                    method: 'put',
                    path: '/attendance',
                    body: {
                      entries: Object.entries(attendance).map(([departmentId, value]) => ({ departmentId, attendance: value })),
                    },
                  })
                }
                data-testid="save-attendance"
              >
                {t('governance.meetings.saveAttendance')}
              </Button>
            )
          }
        >
          <Space style={{ marginBottom: 8 }}>
            {editable && (
              <Button
                size="small"
                onClick={() =>
                  setAttendance(
                    Object.fromEntries(m.attendance.map((a) => [a.departmentId, attendance[a.departmentId] ?? 'present'])),
                  )
                }
                data-testid="all-present"
              >
                {t('governance.meetings.allPresent')}
              </Button>
            )}
          </Space>
          <Table
            rowKey="departmentId"
            size="small"
            pagination={false}
            dataSource={m.attendance}
            columns={[
              { title: t('governance.department'), dataIndex: 'departmentName' },
              {
                title: t('governance.meetings.attendance'),
                render: (_, a) =>
                  editable ? (
                    <Select
                      aria-label={`${a.departmentName} ${t('governance.meetings.attendance')}`}
                      style={{ width: 140 }}
                      value={attendance[a.departmentId]}
                      options={glOptions(t, 'attendance', ATTENDANCE_VALUES)}
                      onChange={(v: string) => setAttendance((prev) => ({ ...prev, [a.departmentId]: v }))}
                    />
                  ) : (
                    gl(t, 'attendance', a.attendance)
                  ),
              },
            ]}
          />
        </Card>
        <Card
          title={t('governance.meetings.minutes')}
          extra={
            editable && (
              <Button
                onClick={() => mutate.mutate({ method: 'put', path: '/minutes', body: { minutes } })}
                data-testid="save-minutes"
              >
                {t('governance.meetings.saveMinutes')}
              </Button>
            )
          }
        >
          {editable ? (
            <Input.TextArea
              aria-label={t('governance.meetings.minutes')}
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
              autoSize={{ minRows: 4 }}
              data-testid="minutes"
            />
          ) : (
            <div style={{ whiteSpace: 'pre-wrap' }}>{m.minutes ?? t('common.none')}</div>
          )}
        </Card>
        <Card
          title={t('governance.meetings.resolutions')}
          extra={
            manage &&
            m.state === 'held' &&
            can('governance.task.manage') && (
              <ModalForm<{ text: string; tasks: TaskValues[] }>
                title={t('governance.meetings.addResolution')}
                form={resolutionForm}
                width={760}
                trigger={
                  <Button type="primary" data-testid="add-resolution">
                    {t('governance.meetings.addResolution')}
                  </Button>
                }
                initialValues={{ tasks: [{ priority: 'normal' }] }}
                modalProps={{ destroyOnHidden: true }}
                submitter={{ submitButtonProps: testId('resolution-save', {}) }}
                onFinish={async (values) => {
                  const body = checkWithContract(
                    resolutionInput,
                    {
                      text: values.text,
                      tasks: (values.tasks ?? []).map((x) => ({
                        title: x.title,
                        leadDepartmentId: x.leadDepartmentId,
                        supportingDepartmentIds: x.supportingDepartmentIds ?? [],
                        deadline: x.deadlineDate ? { date: x.deadlineDate } : { workingDays: x.deadlineWorkingDays ?? null },
                        expectedOutput: x.expectedOutput,
                        priority: x.priority,
                      })),
                    },
                    resolutionForm,
                    locale,
                  );
                  if (!body) return false;
                  try {
                    saved(await api.post<MeetingDetail>(`/governance/meetings/${id}/resolutions`, body));
                    return true;
                  } catch (error) {
                    if (!showServerFieldErrors(resolutionForm, error)) showError(error);
                    return false;
                  }
                }}
              >
                <ProFormTextArea
                  name="text"
                  label={t('governance.meetings.resolutionText')}
                  fieldProps={testId('resolution-text', {})}
                  rules={[{ required: true, message: translate('validation.required', locale) }]}
                />
                <ProFormList
                  name="tasks"
                  label={t('governance.meetings.tasks')}
                  creatorButtonProps={{ creatorButtonText: t('governance.meetings.addTask') }}
                  itemRender={({ listDom, action }) => (
                    <Card size="small" style={{ marginBottom: 8 }} extra={action}>
                      {listDom}
                    </Card>
                  )}
                >
                  <ProFormText
                    name="title"
                    label={t('governance.tasks.subject')}
                    fieldProps={testId('task-title', {})}
                    rules={[{ required: true, message: translate('validation.required', locale) }]}
                  />
                  <ProFormSelect
                    name="leadDepartmentId"
                    label={t('governance.tasks.lead')}
                    options={departments}
                    fieldProps={testId('task-lead', { showSearch: true, optionFilterProp: 'label' })}
                    rules={[{ required: true, message: translate('validation.required', locale) }]}
                  />
                  <ProFormSelect
                    name="supportingDepartmentIds"
                    label={t('governance.tasks.supporting')}
                    options={departments}
                    mode="multiple"
                  />
                  <Space align="start">
                    <ProFormDatePicker name="deadlineDate" label={t('governance.tasks.deadlineDate')} />
                    <ProFormDigit
                      name="deadlineWorkingDays"
                      label={t('governance.tasks.deadlineDays')}
                      min={0}
                      max={250}
                      fieldProps={testId('task-days', { precision: 0 })}
                    />
                  </Space>
                  <div style={{ color: '#595959', marginTop: -16, marginBottom: 16 }}>{t('governance.tasks.deadlineHint')}</div>
                  <ProFormTextArea
                    name="expectedOutput"
                    label={t('governance.tasks.expectedOutput')}
                    fieldProps={testId('task-output', {})}
                    rules={[{ required: true, message: translate('validation.required', locale) }]}
                  />
                  <ProFormSelect
                    name="priority"
                    label={t('governance.tasks.priority')}
                    options={glOptions(t, 'priority', TASK_PRIORITIES)}
                  />
                </ProFormList>
              </ModalForm>
            )
          }
        >
          {m.resolutions.length === 0 && t('governance.none')}
          {m.resolutions.map((r) => (
            <Card key={r.id} size="small" type="inner" title={r.code} style={{ marginBottom: 12 }}>
              <p>{r.text}</p>
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={r.tasks}
                columns={[
                  {
                    title: t('governance.tasks.code'),
                    dataIndex: 'code',
                    render: (_, x) => <Link to={`/governance/tasks/${x.id}`}>{x.code}</Link>,
                  },
                  { title: t('governance.tasks.subject'), dataIndex: 'title' },
                  { title: t('governance.tasks.lead'), dataIndex: 'leadDepartmentName' },
                  { title: t('governance.tasks.deadline'), dataIndex: 'deadline' },
                  {
                    title: t('governance.state'),
                    dataIndex: 'state',
                    render: (_, x) => <Tag color={TASK_STATE_COLORS[x.state]}>{gl(t, 'taskState', x.state)}</Tag>,
                  },
                ]}
              />
            </Card>
          ))}
        </Card>
      </Space>
    </PageContainer>
  );
}
