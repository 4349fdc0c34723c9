import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ModalForm,
  PageContainer,
  ProFormDatePicker,
  ProFormDigit,
  ProFormSelect,
  ProFormText,
  ProTable,
  type ProColumns,
} from '@ant-design/pro-components';
import { App, Button, Card, Form, Space, Tag } from 'antd';
import { AWARD_LEVELS, BUILT_IN_CRITERIA_VERSIONS } from '@qd/core';
import { api } from '../../api/client';
import { useCan, useMe } from '../../app/auth/useAuth';
import { showServerFieldErrors } from '../../components/form-errors';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useT } from '../../i18n/useT';
import type { Cycle, Programme } from './components/awards-types';

const dateOf = (v: unknown) =>
  typeof v === 'string' ? v.slice(0, 10) : (v as { format(f: string): string }).format('YYYY-MM-DD');

function calendarOf(c: { applicationOpensOn: unknown; applicationClosesOn: unknown; noticeDays: number }) {
  return {
    applicationOpensOn: dateOf(c.applicationOpensOn),
    applicationClosesOn: dateOf(c.applicationClosesOn),
    noticeDays: c.noticeDays,
  };
}

/** The office's programmes per level with their rules, and their cycles. */
export default function ProgrammesPage() {
  const t = useT();
  const me = useMe();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const showError = useErrorMessage();
  const { message } = App.useApp();
  const [programmeForm] = Form.useForm();
  const [cycleForm] = Form.useForm();
  const [cycleFor, setCycleFor] = useState<Programme | null>(null);
  const programmes = useQuery({ queryKey: ['awards', 'programmes'], queryFn: () => api.get<Programme[]>('/awards/programmes') });
  const cycles = useQuery({ queryKey: ['awards', 'cycles'], queryFn: () => api.get<Cycle[]>('/awards/cycles') });
  const manage = can('awards.programme.manage');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['awards'] });
  const openCycle = useMutation({
    mutationFn: (id: string) => api.post(`/awards/cycles/${id}/open`),
    onSuccess: refresh,
    onError: showError,
  });

  const columns: ProColumns<Programme>[] = [
    { title: t('awards.programme.name'), dataIndex: 'name' },
    { title: t('awards.programme.level'), dataIndex: 'level', render: (_, p) => <Tag>{t(`awards.level.${p.level}`)}</Tag> },
    { title: t('awards.programme.cycleYears'), dataIndex: 'cycleYears', width: 110 },
    { title: t('awards.programme.winnerQuota'), dataIndex: 'winnerQuota', width: 100 },
    { title: t('awards.programme.nominationQuota'), dataIndex: 'nominationQuota', width: 110 },
    {
      title: t('awards.programme.prizeYuan'),
      dataIndex: 'prizeMoneyFen',
      render: (_, p) => (p.prizeMoneyFen / 100).toLocaleString(),
    },
    { title: t('awards.programme.criteria'), dataIndex: 'criteriaVersionId' },
    {
      title: t('common.actions'),
      valueType: 'option',
      render: (_, p) =>
        manage ? (
          <Button size="small" onClick={() => setCycleFor(p)} data-testid={`new-cycle-${p.id}`}>
            {t('awards.cycle.new')}
          </Button>
        ) : null,
    },
  ];
  const cycleColumns: ProColumns<Cycle>[] = [
    { title: t('awards.cycle.code'), dataIndex: 'code' },
    { title: t('awards.programme.name'), dataIndex: 'programmeName' },
    { title: t('awards.cycle.year'), dataIndex: 'year', width: 80 },
    {
      title: t('awards.cycle.window'),
      render: (_, c) => `${c.calendar.applicationOpensOn} ~ ${c.calendar.applicationClosesOn}`,
    },
    {
      title: t('awards.cycle.status'),
      dataIndex: 'status',
      render: (_, c) => <Tag color="blue">{t(`awards.cycleStatus.${c.status}`)}</Tag>,
    },
    {
      title: t('common.actions'),
      valueType: 'option',
      render: (_, c) => (
        <Space>
          {manage && c.status === 'planned' && (
            <Button size="small" type="primary" onClick={() => openCycle.mutate(c.id)}>
              {t('awards.cycle.open')}
            </Button>
          )}
          <Button size="small" onClick={() => navigate(`/awards/cycles/${c.id}`)} data-testid={`cycle-${c.code}`}>
            {t('awards.cycle.view')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <PageContainer title={t('awards.programmes.title')}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <ProTable<Programme>
          rowKey="id"
          search={false}
          options={false}
          pagination={false}
          loading={programmes.isLoading}
          dataSource={programmes.data ?? []}
          columns={columns}
          toolBarRender={() => [
            manage && (
              <ModalForm
                key="new"
                form={programmeForm}
                title={t('awards.programme.new')}
                trigger={<Button type="primary">{t('awards.programme.new')}</Button>}
                initialValues={{
                  level: 'district',
                  cycleYears: 1,
                  winnerQuota: 8,
                  nominationQuota: 0,
                  review: { minGroupSize: 5, loadCap: 6, conflictYears: 3, correctionWorkingDays: 5 },
                  calendar: { noticeDays: 7 },
                }}
                onFinish={async (v) => {
                  try {
                    await api.post('/awards/programmes', {
                      name: v.name,
                      level: v.level,
                      regionCode: me.regionCode,
                      cycleYears: v.cycleYears,
                      winnerQuota: v.winnerQuota,
                      nominationQuota: v.nominationQuota,
                      prizeMoneyFen: Math.round(Number(v.prizeYuan ?? 0) * 100),
                      criteriaVersionId: v.criteriaVersionId,
                      review: v.review,
                      calendar: calendarOf(v.calendar),
                    });
                    void message.success(t('common.created'));
                    void refresh();
                    return true;
                  } catch (err) {
                    if (!showServerFieldErrors(programmeForm, err)) showError(err);
                    return false;
                  }
                }}
              >
                <ProFormText name="name" label={t('awards.programme.name')} rules={[{ required: true }]} />
                <ProFormSelect
                  name="level"
                  label={t('awards.programme.level')}
                  options={AWARD_LEVELS.map((l) => ({ value: l, label: t(`awards.level.${l}`) }))}
                />
                <ProFormSelect
                  name="criteriaVersionId"
                  label={t('awards.programme.criteria')}
                  initialValue={BUILT_IN_CRITERIA_VERSIONS[0]!.id}
                  options={BUILT_IN_CRITERIA_VERSIONS.map((c) => ({ value: c.id, label: c.name.zh }))}
                />
                <Space wrap>
                  <ProFormDigit name="cycleYears" label={t('awards.programme.cycleYears')} min={1} max={10} />
                  <ProFormDigit name="winnerQuota" label={t('awards.programme.winnerQuota')} min={1} max={100} />
                  <ProFormDigit name="nominationQuota" label={t('awards.programme.nominationQuota')} min={0} max={100} />
                  <ProFormDigit name="prizeYuan" label={t('awards.programme.prizeYuan')} min={0} fieldProps={{ precision: 2 }} />
                </Space>
                <Space wrap>
                  <ProFormDigit name={['review', 'minGroupSize']} label={t('awards.programme.minGroupSize')} min={3} max={21} />
                  <ProFormDigit name={['review', 'loadCap']} label={t('awards.programme.loadCap')} min={1} max={100} />
                  <ProFormDigit name={['review', 'conflictYears']} label={t('awards.programme.conflictYears')} min={0} max={20} />
                  <ProFormDigit
                    name={['review', 'correctionWorkingDays']}
                    label={t('awards.programme.correctionWorkingDays')}
                    min={1}
                    max={60}
                  />
                </Space>
                <Space wrap>
                  <ProFormDatePicker
                    name={['calendar', 'applicationOpensOn']}
                    label={t('awards.cycle.opensOn')}
                    rules={[{ required: true }]}
                  />
                  <ProFormDatePicker
                    name={['calendar', 'applicationClosesOn']}
                    label={t('awards.cycle.closesOn')}
                    rules={[{ required: true }]}
                  />
                  <ProFormDigit name={['calendar', 'noticeDays']} label={t('awards.cycle.noticeDays')} min={7} max={11} />
                </Space>
              </ModalForm>
            ),
          ]}
        />
        <Card title={t('awards.cycles')}>
          <ProTable<Cycle>
            rowKey="id"
            search={false}
            options={false}
            pagination={false}
            loading={cycles.isLoading}
            dataSource={cycles.data ?? []}
            columns={cycleColumns}
          />
        </Card>
      </Space>
      <ModalForm
        form={cycleForm}
        title={`${t('awards.cycle.new')} · ${cycleFor?.name ?? ''}`}
        open={!!cycleFor}
        modalProps={{ onCancel: () => setCycleFor(null), destroyOnClose: true }}
        initialValues={{ year: new Date().getFullYear(), calendar: { noticeDays: 7 } }}
        onFinish={async (v) => {
          try {
            await api.post(`/awards/programmes/${cycleFor!.id}/cycles`, {
              year: v.year,
              calendar: calendarOf(v.calendar),
            });
            setCycleFor(null);
            void refresh();
            return true;
          } catch (err) {
            if (!showServerFieldErrors(cycleForm, err)) showError(err);
            return false;
          }
        }}
      >
        <ProFormDigit name="year" label={t('awards.cycle.year')} min={2000} max={2100} />
        <ProFormDatePicker
          name={['calendar', 'applicationOpensOn']}
          label={t('awards.cycle.opensOn')}
          rules={[{ required: true }]}
        />
        <ProFormDatePicker
          name={['calendar', 'applicationClosesOn']}
          label={t('awards.cycle.closesOn')}
          rules={[{ required: true }]}
        />
        <ProFormDigit name={['calendar', 'noticeDays']} label={t('awards.cycle.noticeDays')} min={7} max={11} />
      </ModalForm>
    </PageContainer>
  );
}
