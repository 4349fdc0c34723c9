import { useRef, useState } from 'react';
import {
  ModalForm,
  PageContainer,
  ProFormDependency,
  ProFormSelect,
  ProFormSwitch,
  ProFormText,
  ProFormTextArea,
  ProTable,
  type ActionType,
  type ProColumns,
} from '@ant-design/pro-components';
import { Button, Form, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { LEADERSHIP_ROLES, ORGANIZATION_STATUSES, departmentInput, translate, type Organization } from '@qd/core';
import { fetchPage, toListQuery } from '../../api/pro-table';
import { useCan, useMe } from '../../app/auth/useAuth';
import { keywordSearch } from '../../components/keyword-search';
import { useErrorMessage } from '../../components/useErrorMessage';
import { testId } from '../../components/test-id';
import { enumLabel } from '../../i18n/enum-label';
import { optionsOf, valueEnumOf } from '../../i18n/enum-options';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import { CreditCodeField } from './components/CreditCodeField';
import { orgStatusBadge } from './components/org-status';
import { RegionSelectField } from '../../components/RegionSelectField';
import { useSaveRecord } from './components/useSaveRecord';

const LEADERSHIP_COLORS: Record<string, string> = { leader: 'red', office: 'gold', member: 'blue' };

/** The member departments of the quality leadership group, and other departments of the zone. */
export default function DepartmentsPage() {
  const t = useT();
  const showError = useErrorMessage();
  const can = useCan();
  const actionRef = useRef<ActionType>(undefined);
  const [editing, setEditing] = useState<Organization | 'new' | null>(null);
  const canWrite = can('registry.department.write');

  const columns: ProColumns<Organization>[] = [
    { title: t('department.name'), dataIndex: 'name', sorter: true, hideInSearch: true },
    { title: t('department.shortName'), dataIndex: 'shortName', hideInSearch: true, width: 120 },
    {
      title: t('department.inLeadershipGroup'),
      dataIndex: 'inLeadershipGroup',
      width: 160,
      valueEnum: { true: { text: t('common.yes') }, false: { text: t('common.no') } },
      render: (_, row) =>
        row.inLeadershipGroup ? (
          <Tag color={LEADERSHIP_COLORS[row.leadershipRole ?? 'member']}>
            {enumLabel(t, 'leadershipRole', row.leadershipRole ?? 'member')}
          </Tag>
        ) : (
          <Typography.Text type="secondary">{t('department.notInGroup')}</Typography.Text>
        ),
    },
    { title: t('department.responsibilities'), dataIndex: 'responsibilities', hideInSearch: true, ellipsis: true },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 100,
      valueEnum: valueEnumOf(ORGANIZATION_STATUSES, (c) => enumLabel(t, 'orgStatus', c), orgStatusBadge),
    },
    ...(canWrite
      ? [
          {
            title: t('common.actions'),
            valueType: 'option' as const,
            width: 100,
            render: (_: unknown, row: Organization) => (
              <Button
                type="link"
                size="small"
                icon={<EditOutlined />}
                onClick={() => setEditing(row)}
                aria-label={`${t('common.edit')} ${row.name}`}
              >
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <PageContainer title={t('department.list')}>
      <ProTable<Organization>
        rowKey="id"
        onRequestError={showError}
        actionRef={actionRef}
        columns={columns}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showTotal: (total) => t('common.total', { total }) }}
        request={(params, sort) => fetchPage<Organization>('/departments', toListQuery(params, sort))}
        options={{ search: keywordSearch(t('common.searchNameOrCode')), reload: true, density: false, setting: false }}
        toolBarRender={() =>
          canWrite
            ? [
                <Button
                  key="create"
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setEditing('new')}
                  data-testid="create-button"
                >
                  {t('common.create')}
                </Button>,
              ]
            : []
        }
      />
      {editing && (
        <DepartmentForm
          department={editing === 'new' ? undefined : editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) actionRef.current?.reload();
          }}
        />
      )}
    </PageContainer>
  );
}

interface DepartmentValues {
  name: string;
  shortName?: string;
  creditCode?: string;
  regionCode: string;
  address?: string;
  status: string;
  inLeadershipGroup: boolean;
  leadershipRole?: string;
  responsibilities?: string;
}

function DepartmentForm({ department, onClose }: { department?: Organization; onClose: (saved: boolean) => void }) {
  const t = useT();
  const locale = useLocale();
  const me = useMe();
  const [form] = Form.useForm<DepartmentValues>();
  const save = useSaveRecord('/departments', departmentInput, locale);

  return (
    <ModalForm<DepartmentValues>
      open
      title={department ? t('department.editTitle') : t('department.new')}
      form={form}
      modalProps={{ destroyOnHidden: true, onCancel: () => onClose(false) }}
      submitter={{ submitButtonProps: testId('save-button', {}) }}
      initialValues={
        department
          ? {
              name: department.name,
              shortName: department.shortName ?? undefined,
              creditCode: department.creditCode ?? undefined,
              regionCode: department.regionCode,
              address: department.address ?? undefined,
              status: department.status,
              inLeadershipGroup: department.inLeadershipGroup,
              leadershipRole: department.leadershipRole ?? undefined,
              responsibilities: department.responsibilities ?? undefined,
            }
          : { regionCode: me.regionCode, status: 'active', inLeadershipGroup: false }
      }
      onFinish={async (values) => {
        const saved = await save(form, department?.id, {
          ...values,
          shortName: values.shortName || null,
          creditCode: values.creditCode || null,
          address: values.address || null,
          responsibilities: values.responsibilities || null,
          leadershipRole: values.inLeadershipGroup ? (values.leadershipRole ?? null) : null,
        });
        if (saved) onClose(true);
        return saved;
      }}
    >
      <ProFormText
        name="name"
        label={t('department.name')}
        rules={[{ required: true, message: translate('validation.required', locale) }]}
      />
      <ProFormText name="shortName" label={t('department.shortName')} fieldProps={{ maxLength: 32 }} />
      <CreditCodeField required={false} />
      <RegionSelectField />
      <ProFormText name="address" label={t('common.address')} />
      <ProFormSwitch name="inLeadershipGroup" label={t('department.inLeadershipGroup')} />
      <ProFormDependency name={['inLeadershipGroup']}>
        {({ inLeadershipGroup }: { inLeadershipGroup?: boolean }) =>
          inLeadershipGroup && (
            <ProFormSelect
              name="leadershipRole"
              label={t('department.leadershipRole')}
              options={optionsOf(LEADERSHIP_ROLES, (c) => enumLabel(t, 'leadershipRole', c))}
              rules={[{ required: true, message: translate('validation.required', locale) }]}
            />
          )
        }
      </ProFormDependency>
      <ProFormTextArea
        name="responsibilities"
        label={t('department.responsibilities')}
        fieldProps={{ maxLength: 2000, showCount: true, autoSize: { minRows: 3, maxRows: 8 } }}
      />
      <ProFormSelect
        name="status"
        label={t('common.status')}
        options={optionsOf(ORGANIZATION_STATUSES, (c) => enumLabel(t, 'orgStatus', c))}
      />
    </ModalForm>
  );
}
