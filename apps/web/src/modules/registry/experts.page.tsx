import { EditableListPage } from '../../components/EditableListPage';
import { DrawerForm, ProFormSelect, ProFormText, type ProColumns } from '@ant-design/pro-components';
import { Form, Space, Tag, Tooltip } from 'antd';
import { EXPERT_TITLES, expertInput, translate, type Expert } from '@qd/core';
import { useCan, useMe } from '../../app/auth/useAuth';
import { testId } from '../../components/test-id';
import { industrySectionName } from '../../i18n/domain-labels';
import { enumLabel } from '../../i18n/enum-label';
import { optionsOf, valueEnumOf } from '../../i18n/enum-options';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import { PastEmploymentsField } from './components/PastEmploymentsField';
import { RegionSelectField } from '../../components/RegionSelectField';
import { useIndustrySectionOptions } from './components/useIndustrySectionOptions';
import { useSaveRecord } from './components/useSaveRecord';

const EXPERT_STATUSES = ['active', 'inactive'] as const;

/** The pool of award experts. Phones are masked as the server sends them. */
export default function ExpertsPage() {
  const t = useT();
  const locale = useLocale();
  const can = useCan();
  const sections = useIndustrySectionOptions();
  const canWrite = can('registry.expert.write');

  const columns: ProColumns<Expert>[] = [
    { title: t('expert.name'), dataIndex: 'name', sorter: true, hideInSearch: true, width: 120 },
    {
      title: t('expert.title'),
      dataIndex: 'title',
      hideInSearch: true,
      width: 100,
      valueEnum: valueEnumOf(EXPERT_TITLES, (c) => enumLabel(t, 'expertTitle', c)),
    },
    {
      title: t('expert.specialties'),
      dataIndex: 'specialties',
      hideInSearch: true,
      render: (_, row) => (
        <Space size={[0, 4]} wrap>
          {row.specialties.map((s) => (
            <Tag key={s}>{s}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('expert.industrySections'),
      dataIndex: 'industrySection',
      valueEnum: sections.valueEnum,
      width: 220,
      render: (_, row) => (
        <Space size={[0, 4]} wrap>
          {row.industrySections.map((s) => (
            <Tooltip key={s} title={`${s} ${industrySectionName(s, locale)}`}>
              <Tag color="cyan">{industrySectionName(s, locale)}</Tag>
            </Tooltip>
          ))}
        </Space>
      ),
    },
    { title: t('expert.affiliation'), dataIndex: 'affiliationName', hideInSearch: true, ellipsis: true },
    {
      title: t('common.phone'),
      dataIndex: 'phone',
      hideInSearch: true,
      width: 130,
      render: (_, row) => row.phone ?? t('common.none'),
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 90,
      valueEnum: valueEnumOf(
        EXPERT_STATUSES,
        (c) => enumLabel(t, 'expertStatus', c),
        (c) => (c === 'active' ? 'Success' : 'Default'),
      ),
    },
  ];

  return (
    <EditableListPage<Expert>
      title={t('expert.list')}
      path={'/experts'}
      searchPlaceholder={t('expert.searchPlaceholder')}
      columns={columns}
      canWrite={canWrite}
      renderForm={(record, onClose) => <ExpertForm expert={record} onClose={onClose} />}
    />
  );
}

interface ExpertValues {
  name: string;
  regionCode: string;
  title: string;
  specialties: string[];
  industrySections: string[];
  affiliationName: string;
  pastEmployments: { organizationName: string; creditCode?: string; from?: string; to?: string; relation: string }[];
  phone?: string;
  email?: string;
  status: string;
}

function ExpertForm({ expert, onClose }: { expert?: Expert; onClose: (saved: boolean) => void }) {
  const t = useT();
  const locale = useLocale();
  const me = useMe();
  const [form] = Form.useForm<ExpertValues>();
  const save = useSaveRecord('/experts', expertInput, locale);
  const sections = useIndustrySectionOptions();
  const required = [{ required: true, message: translate('validation.required', locale) }];

  return (
    <DrawerForm<ExpertValues>
      open
      width={760}
      title={expert ? t('expert.editTitle') : t('expert.new')}
      form={form}
      dateFormatter="string"
      drawerProps={{ destroyOnHidden: true, onClose: () => onClose(false) }}
      submitter={{ submitButtonProps: testId('save-button', {}) }}
      initialValues={
        expert
          ? {
              name: expert.name,
              regionCode: expert.regionCode,
              title: expert.title,
              specialties: expert.specialties,
              industrySections: expert.industrySections,
              affiliationName: expert.affiliationName,
              pastEmployments: expert.pastEmployments.map((p) => ({
                organizationName: p.organizationName,
                creditCode: p.creditCode ?? undefined,
                from: p.from ?? undefined,
                to: p.to ?? undefined,
                relation: p.relation,
              })),
              status: expert.status,
            }
          : {
              regionCode: me.regionCode,
              status: 'active',
              title: 'senior',
              specialties: [],
              industrySections: [],
              pastEmployments: [],
            }
      }
      onFinish={async (values) => {
        const body = {
          ...values,
          pastEmployments: (values.pastEmployments ?? []).map((p) => ({
            ...p,
            creditCode: p.creditCode || null,
            from: p.from || null,
            to: p.to || null,
          })),
          // Phone and e-mail are only known masked: an empty field on edit keeps the stored value.
          ...(values.phone ? { phone: values.phone } : expert ? {} : { phone: null }),
          ...(values.email ? { email: values.email } : expert ? {} : { email: null }),
        };
        const saved = await save(form, expert?.id, body);
        if (saved) onClose(true);
        return saved;
      }}
    >
      <ProFormText name="name" label={t('expert.name')} rules={required} width="md" />
      <RegionSelectField />
      <ProFormSelect
        name="title"
        label={t('expert.title')}
        options={optionsOf(EXPERT_TITLES, (c) => enumLabel(t, 'expertTitle', c))}
        rules={required}
        width="md"
      />
      <ProFormSelect
        name="specialties"
        label={t('expert.specialties')}
        mode="tags"
        tooltip={t('expert.specialtiesHint')}
        placeholder={t('expert.specialtiesHint')}
        fieldProps={{ open: false, tokenSeparators: [',', '，', '、'] }}
        rules={required}
      />
      <ProFormSelect name="industrySections" label={t('expert.industrySections')} mode="multiple" options={sections.options} />
      <ProFormText name="affiliationName" label={t('expert.affiliation')} rules={required} />
      <PastEmploymentsField />
      <ProFormText
        name="phone"
        label={t('common.phone')}
        width="md"
        placeholder={expert?.phone ? t('common.keepMasked', { masked: expert.phone }) : undefined}
        fieldProps={{ inputMode: 'tel', autoComplete: 'off' }}
      />
      <ProFormText
        name="email"
        label={t('common.email')}
        width="md"
        placeholder={expert?.email ? t('common.keepMasked', { masked: expert.email }) : undefined}
        fieldProps={{ inputMode: 'email' }}
      />
      <ProFormSelect
        name="status"
        label={t('common.status')}
        options={optionsOf(EXPERT_STATUSES, (c) => enumLabel(t, 'expertStatus', c))}
        width="md"
      />
    </DrawerForm>
  );
}
