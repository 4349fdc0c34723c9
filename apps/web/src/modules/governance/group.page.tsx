import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ModalForm,
  PageContainer,
  ProFormDatePicker,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { Button, Checkbox, DatePicker, Form, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { GROUP_ROLES, groupMemberInput, translate, type Organization, type Page } from '@qd/core';
import { api } from '../../api/client';
import { useCan } from '../../app/auth/useAuth';
import { checkWithContract, showServerFieldErrors } from '../../components/form-errors';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import { gl, glOptions } from './components/labels';
import type { GroupMember } from './components/types';

/** The leadership group as it stood on a date, or every membership ever; the office keeps it. */
export default function GroupPage() {
  const t = useT();
  const locale = useLocale();
  const can = useCan();
  const showError = useErrorMessage();
  const queryClient = useQueryClient();
  const [on, setOn] = useState<string | undefined>(undefined);
  const [history, setHistory] = useState(false);
  const group = useQuery({
    queryKey: ['governance', 'group', on, history],
    queryFn: () => api.get<{ members: GroupMember[] }>('/governance/group', { query: { on, history } }),
  });
  const departments = useQuery({
    queryKey: ['departments', 'all'],
    queryFn: () => api.get<Page<Organization>>('/departments', { query: { pageSize: 200 } }),
    enabled: can('governance.group.manage'),
  });
  const [addForm] = Form.useForm();
  const [endForm] = Form.useForm<{ until: string; note?: string }>();
  const reload = () => void queryClient.invalidateQueries({ queryKey: ['governance', 'group'] });

  return (
    <PageContainer
      title={t('governance.group.title')}
      extra={
        can('governance.group.manage') && (
          <ModalForm
            title={t('governance.group.add')}
            form={addForm}
            trigger={<Button type="primary">{t('governance.group.add')}</Button>}
            modalProps={{ destroyOnHidden: true }}
            initialValues={{ groupRole: 'member', since: dayjs().format('YYYY-MM-DD') }}
            onFinish={async (values) => {
              const body = checkWithContract(
                groupMemberInput,
                { ...values, personTitle: values.personTitle || null },
                addForm,
                locale,
              );
              if (!body) return false;
              try {
                await api.post('/governance/group/members', body);
                reload();
                return true;
              } catch (error) {
                if (!showServerFieldErrors(addForm, error)) showError(error);
                return false;
              }
            }}
          >
            <ProFormSelect
              name="departmentId"
              label={t('governance.department')}
              options={(departments.data?.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
              showSearch
              rules={[{ required: true, message: translate('validation.required', locale) }]}
            />
            <ProFormSelect name="groupRole" label={t('governance.group.role')} options={glOptions(t, 'groupRole', GROUP_ROLES)} />
            <ProFormText
              name="personName"
              label={t('governance.group.person')}
              rules={[{ required: true, message: translate('validation.required', locale) }]}
            />
            <ProFormText name="personTitle" label={t('governance.group.personTitle')} />
            <ProFormTextArea
              name="responsibilities"
              label={t('governance.group.responsibilities')}
              rules={[{ required: true, message: translate('validation.required', locale) }]}
            />
            <ProFormDatePicker
              name="since"
              label={t('governance.group.since')}
              rules={[{ required: true, message: translate('validation.required', locale) }]}
            />
          </ModalForm>
        )
      }
    >
      <Space style={{ marginBottom: 16 }}>
        <span>{t('governance.group.on')}</span>
        <DatePicker
          aria-label={t('governance.group.on')}
          disabled={history}
          onChange={(d) => setOn(d ? d.format('YYYY-MM-DD') : undefined)}
        />
        <Checkbox checked={history} onChange={(e) => setHistory(e.target.checked)}>
          {t('governance.group.history')}
        </Checkbox>
      </Space>
      <Table<GroupMember>
        rowKey="id"
        loading={group.isLoading}
        dataSource={group.data?.members ?? []}
        pagination={false}
        columns={[
          {
            title: t('governance.group.role'),
            dataIndex: 'groupRole',
            width: 110,
            render: (r: string) => (
              <Tag color={r === 'leader' ? 'red' : r === 'member' ? 'blue' : 'gold'}>{gl(t, 'groupRole', r)}</Tag>
            ),
          },
          { title: t('governance.department'), dataIndex: 'departmentName', width: 160 },
          { title: t('governance.group.person'), dataIndex: 'personName', width: 100 },
          { title: t('governance.group.personTitle'), dataIndex: 'personTitle', width: 200 },
          { title: t('governance.group.responsibilities'), dataIndex: 'responsibilities' },
          { title: t('governance.group.since'), dataIndex: 'since', width: 110 },
          {
            title: t('governance.group.until'),
            dataIndex: 'until',
            width: 110,
            render: (u: string | null, r) =>
              u ?? (r.current ? <Tag color="green">{t('governance.group.current')}</Tag> : t('common.none')),
          },
          ...(can('governance.group.manage')
            ? [
                {
                  title: t('common.actions'),
                  width: 120,
                  render: (_: unknown, r: GroupMember) =>
                    r.until === null && (
                      <ModalForm<{ until: string; note?: string }>
                        title={`${t('governance.group.end')}：${r.departmentName}`}
                        form={endForm}
                        trigger={<Button size="small">{t('governance.group.end')}</Button>}
                        modalProps={{ destroyOnHidden: true }}
                        onFinish={async (values) => {
                          try {
                            await api.post(`/governance/group/members/${r.id}/end`, values);
                            reload();
                            return true;
                          } catch (error) {
                            if (!showServerFieldErrors(endForm, error)) showError(error);
                            return false;
                          }
                        }}
                      >
                        <ProFormDatePicker
                          name="until"
                          label={t('governance.group.until')}
                          rules={[{ required: true, message: translate('validation.required', locale) }]}
                        />
                        <ProFormText name="note" label={t('governance.note')} />
                      </ModalForm>
                    ),
                },
              ]
            : []),
        ]}
      />
    </PageContainer>
  );
}
