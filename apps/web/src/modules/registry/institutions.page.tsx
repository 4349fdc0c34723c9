import { EditableListPage } from '../../components/EditableListPage';
import { ModalForm, ProFormSelect, ProFormText, ProFormTextArea, type ProColumns } from '@ant-design/pro-components';
import { Form, Space, Tag } from 'antd';
import { NQI_CATEGORY_CODES, ORGANIZATION_STATUSES, institutionInput, translate, type Organization } from '@qd/core';
import { useCan, useMe } from '../../app/auth/useAuth';
import { testId } from '../../components/test-id';
import { nqiCategoryName } from '../../i18n/domain-labels';
import { enumLabel } from '../../i18n/enum-label';
import { optionsOf, valueEnumOf } from '../../i18n/enum-options';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import { CreditCodeField } from './components/CreditCodeField';
import { orgStatusBadge } from './components/org-status';
import { RegionSelectField } from '../../components/RegionSelectField';
import { useSaveRecord } from './components/useSaveRecord';

/** Service institutions of the NQI one-stop station, with the categories they serve. */
export default function InstitutionsPage() {
  const t = useT();
  const locale = useLocale();
  const can = useCan();
  const canWrite = can('registry.institution.write');

  const columns: ProColumns<Organization>[] = [
    { title: t('institution.name'), dataIndex: 'name', sorter: true, hideInSearch: true },
    { title: t('common.creditCode'), dataIndex: 'creditCode', hideInSearch: true, width: 200 },
    {
      title: t('institution.nqiCategories'),
      dataIndex: 'nqiCategories',
      hideInSearch: true,
      render: (_, row) => (
        <Space size={[0, 4]} wrap>
          {row.nqiCategories.map((c) => (
            <Tag key={c} color="geekblue">
              {nqiCategoryName(c, locale)}
            </Tag>
          ))}
        </Space>
      ),
    },
    // The filter is one category (the list's `nqiCategory`), the column shows them all.
    {
      title: t('institution.nqiCategories'),
      dataIndex: 'nqiCategory',
      hideInTable: true,
      valueEnum: valueEnumOf(NQI_CATEGORY_CODES, (c) => nqiCategoryName(c, locale)),
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 100,
      valueEnum: valueEnumOf(ORGANIZATION_STATUSES, (c) => enumLabel(t, 'orgStatus', c), orgStatusBadge),
    },
  ];

  return (
    <EditableListPage<Organization>
      title={t('institution.list')}
      path={'/institutions'}
      searchPlaceholder={t('common.searchNameOrCode')}
      columns={columns}
      canWrite={canWrite}
      renderForm={(record, onClose) => <InstitutionForm institution={record} onClose={onClose} />}
    />
  );
}

interface InstitutionValues {
  name: string;
  creditCode: string;
  regionCode: string;
  address?: string;
  status: string;
  nqiCategories: string[];
  qualifications?: string;
}

function InstitutionForm({ institution, onClose }: { institution?: Organization; onClose: (saved: boolean) => void }) {
  const t = useT();
  const locale = useLocale();
  const me = useMe();
  const [form] = Form.useForm<InstitutionValues>();
  const save = useSaveRecord('/institutions', institutionInput, locale);
  const required = [{ required: true, message: translate('validation.required', locale) }];

  return (
    <ModalForm<InstitutionValues>
      open
      title={institution ? t('institution.editTitle') : t('institution.new')}
      form={form}
      modalProps={{ destroyOnHidden: true, onCancel: () => onClose(false) }}
      submitter={{ submitButtonProps: testId('save-button', {}) }}
      initialValues={
        institution
          ? {
              name: institution.name,
              creditCode: institution.creditCode ?? '',
              regionCode: institution.regionCode,
              address: institution.address ?? undefined,
              status: institution.status,
              nqiCategories: institution.nqiCategories,
              qualifications: institution.qualifications ?? undefined,
            }
          : { regionCode: me.regionCode, status: 'active', nqiCategories: [] }
      }
      onFinish={async (values) => {
        const saved = await save(form, institution?.id, {
          ...values,
          address: values.address || null,
          qualifications: values.qualifications || null,
        });
        if (saved) onClose(true);
        return saved;
      }}
    >
      <ProFormText name="name" label={t('institution.name')} rules={required} />
      <CreditCodeField />
      <RegionSelectField />
      <ProFormSelect
        name="nqiCategories"
        label={t('institution.nqiCategories')}
        mode="multiple"
        options={optionsOf(NQI_CATEGORY_CODES, (c) => nqiCategoryName(c, locale))}
        rules={required}
      />
      <ProFormText name="address" label={t('common.address')} />
      <ProFormTextArea
        name="qualifications"
        label={t('institution.qualifications')}
        fieldProps={{ maxLength: 1000, showCount: true }}
      />
      <ProFormSelect
        name="status"
        label={t('common.status')}
        options={optionsOf(ORGANIZATION_STATUSES, (c) => enumLabel(t, 'orgStatus', c))}
      />
    </ModalForm>
  );
}
