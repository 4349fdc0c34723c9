import { useRef } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Card, Progress, Space, Table, Tag, Typography } from 'antd';
import { TASK_STATES } from '@qd/core';
import { api } from '../../api/client';
import { fetchPage, toListQuery } from '../../api/pro-table';
import { useT } from '../../i18n/useT';
import { gl, glValueEnum, TASK_STATE_COLORS } from './components/labels';
import type { TaskView } from './components/types';

interface BoardRow {
  departmentId: string;
  departmentName: string;
  overdue: number;
  total: number;
  states: Record<string, number>;
}

/** The task board: counts by department and state (most overdue first), then every task, overdue on top. */
export default function TasksPage() {
  const t = useT();
  const actionRef = useRef<ActionType>(undefined);
  const board = useQuery({ queryKey: ['governance', 'board'], queryFn: () => api.get<BoardRow[]>('/governance/tasks/board') });

  const columns: ProColumns<TaskView>[] = [
    {
      title: t('governance.tasks.code'),
      dataIndex: 'code',
      width: 130,
      hideInSearch: true,
      render: (_, row) => <Link to={`/governance/tasks/${row.id}`}>{row.code}</Link>,
    },
    { title: t('governance.tasks.subject'), dataIndex: 'title', hideInSearch: true, ellipsis: true },
    { title: t('governance.tasks.lead'), dataIndex: 'leadDepartmentName', hideInSearch: true, width: 150 },
    {
      title: t('governance.tasks.deadline'),
      dataIndex: 'deadline',
      hideInSearch: true,
      width: 230,
      render: (_, row) => (
        <Space size={4} wrap={false}>
          <span style={{ whiteSpace: 'nowrap' }}>{row.deadline}</span>
          {row.overdue && <Tag color="red">{t('governance.tasks.overdueDays', { days: row.daysOverdue })}</Tag>}
        </Space>
      ),
    },
    {
      title: t('governance.state'),
      dataIndex: 'state',
      width: 120,
      valueEnum: glValueEnum(t, 'taskState', TASK_STATES),
      render: (_, row) => <Tag color={TASK_STATE_COLORS[row.state]}>{gl(t, 'taskState', row.state)}</Tag>,
    },
    {
      title: t('governance.tasks.progress'),
      dataIndex: 'progressPercent',
      hideInSearch: true,
      width: 140,
      render: (_, row) => (
        <Progress percent={row.progressPercent} size="small" aria-label={`${row.code} ${row.progressPercent}%`} />
      ),
    },
    {
      title: t('governance.tasks.onlyOverdue'),
      dataIndex: 'overdue',
      hideInTable: true,
      valueEnum: { true: { text: t('common.yes') }, false: { text: t('common.no') } },
    },
  ];

  return (
    <PageContainer title={t('governance.tasks.title')}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card title={t('governance.tasks.board')} size="small">
          <Table<BoardRow>
            data-testid="task-board"
            rowKey="departmentId"
            size="small"
            pagination={false}
            loading={board.isLoading}
            dataSource={board.data ?? []}
            columns={[
              { title: t('governance.department'), dataIndex: 'departmentName' },
              {
                title: t('governance.tasks.overdue'),
                dataIndex: 'overdue',
                render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : 0),
              },
              ...TASK_STATES.map((s) => ({
                title: gl(t, 'taskState', s),
                key: s,
                render: (_: unknown, row: BoardRow) => row.states[s] ?? 0,
              })),
              { title: t('governance.tasks.total'), dataIndex: 'total' },
            ]}
          />
        </Card>
        <ProTable<TaskView>
          rowKey="id"
          actionRef={actionRef}
          columns={columns}
          request={(params, sort) => fetchPage<TaskView>('/governance/tasks', toListQuery(params, sort))}
          search={{ labelWidth: 'auto' }}
          pagination={{ defaultPageSize: 20 }}
          data-testid="task-list"
        />
      </Space>
    </PageContainer>
  );
}
