import { EditableListPage } from '../../components/EditableListPage';
import {
  ModalForm,
  ProFormDependency,
  ProFormSelect,
  ProFormSwitch,
  ProFormText,
  ProFormTextArea,
  type ProColumns,
} from '@ant-design/pro-components';
import { Form, Tag, Typography } from 'antd';
import { LEADERSHIP_ROLES, ORGANIZATION_STATUSES, departmentInput, translate, type Organization } from '@qd/core';
import { useCan, useMe } from '../../app/auth/useAuth';
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
  const can = useCan();
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
  ];

  return (
    <EditableListPage<Organization>
      title={t('department.list')}
      path={'/departments'}
      searchPlaceholder={t('common.searchNameOrCode')}
      columns={columns}
      canWrite={canWrite}
      renderForm={(record, onClose) => <DepartmentForm department={record} onClose={onClose} />}
    />
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
