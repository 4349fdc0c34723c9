import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ModalForm, PageContainer, ProDescriptions, ProFormDigit, ProFormTextArea } from '@ant-design/pro-components';
import { Alert, App, Button, Card, Form, List, Progress, Space, Table, Tag, Timeline, Tooltip, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { progressInput, translate } from '@qd/core';
import { api } from '../../api/client';
import { PageLoading } from '../../app/PageLoading';
import { checkWithContract, showServerFieldErrors } from '../../components/form-errors';
import { testId } from '../../components/test-id';
import { formatShanghai } from '../../components/shanghai-time';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import { gl, TASK_STATE_COLORS } from './components/labels';
import type { TaskDetail } from './components/types';

/** One supervised task: what is asked, by when, its progress reports and evidence, and the next steps. */
export default function TaskDetailPage() {
  const { id } = useParams<{ id: string }>();
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const queryClient = useQueryClient();
  const key = ['governance', 'task', id];
  const task = useQuery({ queryKey: key, queryFn: () => api.get<TaskDetail>(`/governance/tasks/${id}`), enabled: !!id });
  const refresh = (data: TaskDetail) => {
    queryClient.setQueryData(key, data);
    void queryClient.invalidateQueries({ queryKey: ['governance', 'board'] });
  };
  const step = useMutation({
    mutationFn: (body: { transition: string; note?: string }) =>
      api.post<TaskDetail>(`/governance/tasks/${id}/transitions`, body),
    onSuccess: (data) => {
      refresh(data);
      void message.success(t('common.saved'));
    },
    onError: showError,
  });
  const [reportForm] = Form.useForm<{ note: string; percent: number }>();
  const [returnForm] = Form.useForm<{ note: string }>();

  if (task.isLoading) return <PageLoading />;
  if (task.isError || !task.data) {
    return (
      <PageContainer title={t('governance.tasks.title')} onBack={() => navigate('/governance/tasks')}>
        <Alert type="error" showIcon message={task.error?.message} />
      </PageContainer>
    );
  }
  const d = task.data;

  const actions = d.transitions.map((o) =>
    o.name === 'return' ? (
      <ModalForm<{ note: string }>
        key="return"
        title={gl(t, 'transition', 'return')}
        form={returnForm}
        trigger={<Button danger>{gl(t, 'transition', 'return')}</Button>}
        modalProps={{ destroyOnHidden: true }}
        onFinish={async (values) => {
          await step.mutateAsync({ transition: 'return', note: values.note }).catch(() => undefined);
          return true;
        }}
      >
        <ProFormTextArea
          name="note"
          label={t('governance.tasks.returnReason')}
          rules={[{ required: true, message: translate('validation.required', locale) }]}
        />
      </ModalForm>
    ) : (
      <Tooltip key={o.name} title={o.blockedBy ? translate(o.blockedBy, locale) : undefined}>
        <Button
          type={o.name === 'accept' || o.name === 'submit' ? 'primary' : 'default'}
          disabled={!!o.blockedBy}
          loading={step.isPending}
          onClick={() => step.mutate({ transition: o.name })}
          data-testid={`task-${o.name}`}
        >
          {gl(t, 'transition', o.name)}
        </Button>
      </Tooltip>
    ),
  );
  if (d.mayReport) {
    actions.unshift(
      <ModalForm<{ note: string; percent: number }>
        key="report"
        title={t('governance.tasks.report')}
        form={reportForm}
        trigger={
          <Button type="primary" data-testid="report-progress">
            {t('governance.tasks.report')}
          </Button>
        }
        initialValues={{ percent: d.progressPercent }}
        modalProps={{ destroyOnHidden: true }}
        submitter={{ submitButtonProps: testId('report-submit', {}) }}
        onFinish={async (values) => {
          const body = checkWithContract(progressInput, values, reportForm, locale);
          if (!body) return false;
          try {
            refresh(await api.post<TaskDetail>(`/governance/tasks/${id}/progress`, body));
            void message.success(t('common.saved'));
            return true;
          } catch (error) {
            if (!showServerFieldErrors(reportForm, error)) showError(error);
            return false;
          }
        }}
      >
        <ProFormTextArea
          name="note"
          label={t('governance.tasks.reportNote')}
          fieldProps={{ maxLength: 2000, showCount: true }}
          rules={[{ required: true, message: translate('validation.required', locale) }]}
        />
        <ProFormDigit name="percent" label={t('governance.tasks.percent')} min={0} max={100} fieldProps={{ precision: 0 }} />
      </ModalForm>,
    );
  }

  return (
    <PageContainer
      title={`${d.code} ${d.title}`}
      onBack={() => navigate('/governance/tasks')}
      extra={<Space wrap>{actions}</Space>}
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {d.overdue && <Alert type="error" showIcon message={t('governance.tasks.overdueDays', { days: d.daysOverdue })} />}
        <Card>
          <ProDescriptions<TaskDetail>
            column={{ xs: 1, md: 2 }}
            dataSource={d}
            columns={[
              {
                title: t('governance.state'),
                dataIndex: 'state',
                render: () => <Tag color={TASK_STATE_COLORS[d.state]}>{gl(t, 'taskState', d.state)}</Tag>,
              },
              { title: t('governance.tasks.priority'), dataIndex: 'priority', render: () => gl(t, 'priority', d.priority) },
              { title: t('governance.tasks.lead'), dataIndex: 'leadDepartmentName' },
              {
                title: t('governance.tasks.supporting'),
                dataIndex: 'supportingDepartments',
                render: () => d.supportingDepartments.map((s) => s.name).join('、') || t('common.none'),
              },
              {
                title: t('governance.tasks.deadline'),
                dataIndex: 'deadline',
                render: () =>
                  d.deadlineWorkingDays !== null
                    ? t('governance.tasks.deadlineGiven', { date: d.deadline, days: d.deadlineWorkingDays })
                    : d.deadline,
              },
              {
                title: t('governance.tasks.resolution'),
                dataIndex: 'resolution',
                render: () => d.resolution?.code ?? t('common.none'),
              },
              { title: t('governance.tasks.expectedOutput'), dataIndex: 'expectedOutput', span: 2 },
              {
                title: t('governance.tasks.progress'),
                dataIndex: 'progressPercent',
                render: () => (
                  <Progress percent={d.progressPercent} style={{ maxWidth: 240 }} aria-label={t('governance.tasks.progress')} />
                ),
              },
              {
                title: t('governance.tasks.escalation'),
                dataIndex: 'escalationLevel',
                render: () =>
                  d.escalationLevel
                    ? t(`governance.enum.signal.escalation${d.escalationLevel}` as 'governance.enum.signal.escalation1')
                    : t('common.none'),
              },
            ]}
          />
        </Card>
        <Card title={t('governance.tasks.reports')} data-testid="progress-reports">
          {d.progress.length === 0 ? (
            t('governance.none')
          ) : (
            <Timeline
              items={d.progress.map((p) => ({
                children: (
                  <>
                    <strong>{p.reportedOn}</strong> {p.departmentName} · {p.reportedByName} · {p.percent}%<div>{p.note}</div>
                  </>
                ),
              }))}
            />
          )}
        </Card>
        <Card
          title={t('governance.tasks.attachments')}
          extra={
            d.mayReport && (
              <Upload
                showUploadList={false}
                customRequest={async ({ file }) => {
                  try {
                    refresh(await api.upload<TaskDetail>(`/governance/tasks/${id}/attachments`, file as File));
                  } catch (error) {
                    showError(error);
                  }
                }}
              >
                <Button icon={<UploadOutlined />}>{t('governance.tasks.upload')}</Button>
              </Upload>
            )
          }
        >
          <List
            dataSource={d.attachments}
            locale={{ emptyText: t('governance.none') }}
            renderItem={(a) => (
              <List.Item>
                <a
                  onClick={() =>
                    void api.download(`/governance/tasks/${id}/attachments/${a.fileId}`, undefined, a.fileName ?? 'file')
                  }
                >
                  {a.fileName}
                </a>
                <span style={{ color: '#595959' }}>SHA-256 {a.sha256?.slice(0, 12)}…</span>
              </List.Item>
            )}
          />
        </Card>
        <Card title={t('governance.tasks.signals')}>
          <Table
            rowKey={(r) => `${r.kind}${r.level}${r.deadline}`}
            size="small"
            pagination={false}
            dataSource={d.signals}
            columns={[
              {
                title: t('governance.budget.kind'),
                render: (_, r) =>
                  r.kind === 'reminder'
                    ? t('governance.enum.signal.reminder')
                    : t(`governance.enum.signal.escalation${r.level}` as 'governance.enum.signal.escalation1'),
              },
              { title: t('governance.tasks.deadline'), dataIndex: 'deadline' },
              { title: t('governance.tasks.sentOn'), dataIndex: 'sentOn' },
              { title: t('governance.tasks.recipients'), dataIndex: 'recipients' },
            ]}
          />
        </Card>
        <Card title={t('governance.tasks.history')}>
          <Timeline
            items={d.history.map((h) => ({
              children: `${formatShanghai(h.at)} ${h.actorName ?? ''} ${gl(t, 'transition', h.transition)} → ${gl(t, 'taskState', h.toState)}${h.note ? `：${h.note}` : ''}`,
            }))}
          />
        </Card>
      </Space>
    </PageContainer>
  );
}
