import { useRef, useState } from 'react';
import { Link } from 'react-router';
import {
  ModalForm,
  PageContainer,
  ProFormDigit,
  ProFormGroup,
  ProFormList,
  ProFormSelect,
  ProFormSwitch,
  ProFormText,
  ProFormTextArea,
  ProTable,
  type ActionType,
  type ProColumns,
} from '@ant-design/pro-components';
import { Button, Form, Space, Tag } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  ATTRIBUTE_DATATYPES,
  catalogueServiceInput,
  DEFAULT_TIME_LIMITS,
  NQI_CATEGORY_CODES,
  STEPS,
  translate,
  type CatalogueService,
  type Organization,
  type Page,
} from '@qd/core';
import { api } from '../../api/client';
import { fetchPage, toListQuery } from '../../api/pro-table';
import { useCan } from '../../app/auth/useAuth';
import { checkWithContract, showServerFieldErrors } from '../../components/form-errors';
import { keywordSearch } from '../../components/keyword-search';
import { useErrorMessage } from '../../components/useErrorMessage';
import { nqiCategoryName } from '../../i18n/domain-labels';
import { optionsOf, valueEnumOf } from '../../i18n/enum-options';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import type { MessageId } from '../../i18n/zh-CN';

/** The station's catalogue: browsed by everyone signed in, maintained by the quality office. */
export default function CataloguePage() {
  const t = useT();
  const locale = useLocale();
  const can = useCan();
  const showError = useErrorMessage();
  const actionRef = useRef<ActionType>(undefined);
  const [editing, setEditing] = useState<CatalogueService | 'new' | null>(null);
  const canManage = can('services.catalogue.manage');

  const columns: ProColumns<CatalogueService>[] = [
    { title: t('services.catalogue.code'), dataIndex: 'code', hideInSearch: true, width: 150 },
    { title: t('services.catalogue.name'), dataIndex: 'name', hideInSearch: true },
    {
      title: t('services.catalogue.category'),
      dataIndex: 'category',
      valueEnum: valueEnumOf(NQI_CATEGORY_CODES, (c) => nqiCategoryName(c, locale)),
    },
    { title: t('services.catalogue.description'), dataIndex: 'description', hideInSearch: true, ellipsis: true },
    {
      title: t('services.catalogue.charge'),
      dataIndex: 'charge',
      hideInSearch: true,
      render: (_, r) => <Tag color={r.charge === 'free' ? 'green' : 'orange'}>{t(`services.catalogue.charge.${r.charge}`)}</Tag>,
    },
    {
      title: t('services.catalogue.institutions'),
      dataIndex: 'institutions',
      hideInSearch: true,
      render: (_, r) => r.institutions.map((i) => i.name).join('、') || '—',
    },
    { title: t('services.step.service'), dataIndex: ['timeLimits', 'service'], hideInSearch: true, width: 90 },
    {
      title: t('common.status'),
      dataIndex: 'status',
      hideInSearch: !canManage,
      valueEnum: {
        active: { text: t('services.catalogue.status.active') },
        retired: { text: t('services.catalogue.status.retired') },
      },
    },
    {
      title: t('common.actions'),
      valueType: 'option',
      render: (_, r) => (
        <Space>
          {can('services.request.own') && r.status === 'active' && (
            <Link to={`/services/requests/new?service=${r.id}`} data-testid={`apply-${r.code}`}>
              {t('services.catalogue.apply')}
            </Link>
          )}
          {canManage && (
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(r)}>
              {t('common.edit')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer title={t('services.catalogue.title')}>
      <ProTable<CatalogueService>
        rowKey="id"
        actionRef={actionRef}
        onRequestError={showError}
        columns={columns}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showTotal: (total) => t('common.total', { total }) }}
        request={(params, sort) => fetchPage<CatalogueService>('/services/catalogue', toListQuery(params, sort))}
        options={{ search: keywordSearch(t('services.catalogue.name')), reload: true, density: false, setting: false }}
        toolBarRender={() =>
          canManage
            ? [
                <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                  {t('common.create')}
                </Button>,
              ]
            : []
        }
      />
      {editing && (
        <ServiceForm
          service={editing === 'new' ? undefined : editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) actionRef.current?.reload();
          }}
        />
      )}
    </PageContainer>
  );
}

interface AttributeRow {
  code: string;
  name: string;
  datatype: string;
  required?: boolean;
  values?: string;
}

/** Options typed as lines of `key=name`. */
function parseValues(text: string | undefined) {
  return (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [key, ...rest] = l.split('=');
      return { key: key!.trim(), name: (rest.join('=') || key!).trim() };
    });
}

function ServiceForm({ service, onClose }: { service?: CatalogueService; onClose: (saved: boolean) => void }) {
  const t = useT();
  const locale = useLocale();
  const showError = useErrorMessage();
  const [form] = Form.useForm();
  const required = [{ required: true, message: translate('validation.required', locale) }];
  return (
    <ModalForm
      open
      width={860}
      form={form}
      title={service ? service.name : t('common.create')}
      modalProps={{ destroyOnHidden: true, onCancel: () => onClose(false) }}
      initialValues={
        service
          ? {
              ...service,
              attributes: service.attributes.map((a) => ({ ...a, values: a.values.map((v) => `${v.key}=${v.name}`).join('\n') })),
            }
          : { charge: 'free', status: 'active', timeLimits: DEFAULT_TIME_LIMITS, attributes: [], institutionIds: [] }
      }
      onFinish={async (values: Record<string, unknown>) => {
        const body = {
          ...values,
          keywords: [],
          attributes: ((values.attributes as AttributeRow[]) ?? []).map((a, i) => ({
            code: a.code,
            name: a.name,
            datatype: a.datatype,
            required: !!a.required,
            order: i + 1,
            values: parseValues(a.values),
          })),
        };
        const input = checkWithContract(catalogueServiceInput, body, form, locale);
        if (!input) return false;
        try {
          if (service) await api.put(`/services/catalogue/${service.id}`, input);
          else await api.post('/services/catalogue', input);
          onClose(true);
          return true;
        } catch (e) {
          if (!showServerFieldErrors(form, e)) showError(e);
          return false;
        }
      }}
    >
      <ProFormGroup>
        <ProFormText name="code" label={t('services.catalogue.code')} rules={required} width="sm" />
        <ProFormText name="name" label={t('services.catalogue.name')} rules={required} width="md" />
        <ProFormSelect
          name="category"
          label={t('services.catalogue.category')}
          rules={required}
          width="sm"
          options={optionsOf(NQI_CATEGORY_CODES, (c) => nqiCategoryName(c, locale))}
        />
      </ProFormGroup>
      <ProFormTextArea name="description" label={t('services.catalogue.description')} />
      <ProFormGroup>
        <ProFormSelect
          name="charge"
          label={t('services.catalogue.charge')}
          width="sm"
          options={[
            { value: 'free', label: t('services.catalogue.charge.free') },
            { value: 'charged', label: t('services.catalogue.charge.charged') },
          ]}
        />
        <ProFormSelect
          name="status"
          label={t('common.status')}
          width="sm"
          options={[
            { value: 'active', label: t('services.catalogue.status.active') },
            { value: 'retired', label: t('services.catalogue.status.retired') },
          ]}
        />
        <ProFormSelect
          name="institutionIds"
          label={t('services.catalogue.institutions')}
          mode="multiple"
          width="lg"
          request={async () =>
            (await api.get<Page<Organization>>('/institutions', { query: { pageSize: 200 } })).data.map((o) => ({
              value: o.id,
              label: o.name,
            }))
          }
        />
      </ProFormGroup>
      <ProFormGroup title={t('services.catalogue.timeLimits')}>
        {[...STEPS, 'reopen' as const].map((s) => (
          <ProFormDigit
            key={s}
            name={['timeLimits', s]}
            label={t(`services.step.${s}` as MessageId)}
            width="xs"
            min={0}
            rules={required}
          />
        ))}
      </ProFormGroup>
      <ProFormList
        name="attributes"
        label={t('services.catalogue.attributes')}
        creatorButtonProps={{ creatorButtonText: t('common.create') }}
      >
        <ProFormGroup>
          <ProFormText name="code" label={t('services.attr.code')} rules={required} width="sm" />
          <ProFormText name="name" label={t('services.attr.name')} rules={required} width="md" />
          <ProFormSelect
            name="datatype"
            label={t('services.attr.datatype')}
            rules={required}
            width="sm"
            options={optionsOf(ATTRIBUTE_DATATYPES, (d) => t(`services.attr.type.${d}`))}
          />
          <ProFormSwitch name="required" label={t('services.attr.required')} />
          <ProFormTextArea name="values" label={t('services.attr.values')} width="md" fieldProps={{ rows: 2 }} />
        </ProFormGroup>
      </ProFormList>
    </ModalForm>
  );
}
