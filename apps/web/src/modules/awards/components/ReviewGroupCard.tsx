import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Select, Space, Switch, Table, Tag } from 'antd';
import { translate } from '@qd/core';
import { api } from '../../../api/client';
import { useErrorMessage } from '../../../components/useErrorMessage';
import { useLocale } from '../../../i18n/useLocale';
import { useT } from '../../../i18n/useT';

interface Member {
  expertId: string;
  name: string;
  affiliationName: string;
  isLeader: boolean;
  source: 'proposal' | 'override';
  overrideReason: string | null;
  status: 'active' | 'removed' | 'recused';
  removedReason: string | null;
  declaredNoConflictAt: string | null;
  conflicts: { kind: string; detail: string }[];
}

/**
 * The office's view of a review group, conflicts re-checked on every look; members are added or
 * removed by hand only with a recorded reason (a conflicted expert is refused by the server).
 */
export function ReviewGroupCard({ applicationId }: { applicationId: string }) {
  const t = useT();
  const locale = useLocale();
  const { modal } = App.useApp();
  const showError = useErrorMessage();
  const queryClient = useQueryClient();
  const [expertId, setExpertId] = useState<string>();
  const [leader, setLeader] = useState(false);
  const [reason, setReason] = useState('');
  const group = useQuery({
    queryKey: ['awards', 'group', applicationId],
    queryFn: () => api.get<{ members: Member[] }>(`/awards/applications/${applicationId}/review-group`),
  });
  const pool = useQuery({
    queryKey: ['awards', 'expert-pool'],
    queryFn: () =>
      api.get<{ data: { id: string; name: string; affiliationName: string }[] }>('/experts', {
        query: { pageSize: 100, status: 'active' },
      }),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['awards', 'group', applicationId] });
  const add = async () => {
    try {
      await api.post(`/awards/applications/${applicationId}/review-group/members`, { expertId, leader, reason });
      setReason('');
      void refresh();
    } catch (err) {
      showError(err);
    }
  };
  const remove = (m: Member) => {
    let why = '';
    modal.confirm({
      title: `${t('common.delete')} · ${m.name}`,
      content: <Input.TextArea aria-label={t('awards.action.reason')} onChange={(e) => (why = e.target.value)} />,
      onOk: async () => {
        try {
          await api.post(`/awards/applications/${applicationId}/review-group/members/${m.expertId}/remove`, { reason: why });
          void refresh();
        } catch (err) {
          showError(err);
        }
      },
    });
  };

  return (
    <Card title={t('awards.group.title')}>
      <Table<Member>
        size="small"
        rowKey={(m) => `${m.expertId}-${m.status}`}
        pagination={false}
        loading={group.isLoading}
        dataSource={group.data?.members ?? []}
        columns={[
          { title: t('expert.name'), dataIndex: 'name' },
          { title: t('expert.affiliation'), dataIndex: 'affiliationName' },
          { title: '', render: (_, m) => (m.isLeader ? <Tag color="gold">{t('awards.reviews.leader')}</Tag> : null) },
          {
            title: t('awards.group.source'),
            render: (_, m) =>
              m.source === 'override' ? `${t('awards.group.override')}：${m.overrideReason ?? ''}` : t('awards.group.proposal'),
          },
          {
            title: t('common.status'),
            render: (_, m) =>
              m.status !== 'active'
                ? `${t(`awards.group.${m.status}`)} ${m.removedReason ?? ''}`
                : m.declaredNoConflictAt
                  ? t('awards.group.declared')
                  : t('awards.group.undeclared'),
          },
          {
            title: t('awards.group.conflicts'),
            render: (_, m) =>
              m.conflicts.map((c) => (
                <Tag key={c.kind} color="red">
                  {translate(`awards.conflict.${c.kind}`, locale)}
                </Tag>
              )),
          },
          {
            title: t('common.actions'),
            render: (_, m) =>
              m.status === 'active' ? (
                <Button size="small" danger onClick={() => remove(m)}>
                  {t('common.delete')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Space wrap style={{ marginTop: 12 }}>
        <Select
          showSearch
          optionFilterProp="label"
          style={{ width: 260 }}
          placeholder={t('awards.group.add')}
          aria-label={t('awards.group.add')}
          value={expertId}
          onChange={setExpertId}
          options={(pool.data?.data ?? []).map((e) => ({ value: e.id, label: `${e.name} · ${e.affiliationName}` }))}
        />
        <Space>
          {t('awards.reviews.leader')}
          <Switch checked={leader} onChange={setLeader} aria-label={t('awards.reviews.leader')} />
        </Space>
        <Input
          style={{ width: 280 }}
          placeholder={t('awards.group.reason')}
          aria-label={t('awards.group.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <Button type="primary" disabled={!expertId || !reason.trim()} onClick={add}>
          {t('awards.group.add')}
        </Button>
      </Space>
    </Card>
  );
}
