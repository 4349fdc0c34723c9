import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import {
  PageContainer,
  ProForm,
  ProFormDependency,
  ProFormRadio,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { App, Card, Form } from 'antd';
import { translate, type CatalogueService, type Page, type RequestDetail } from '@qd/core';
import { api } from '../../api/client';
import { showServerFieldErrors } from '../../components/form-errors';
import { testId } from '../../components/test-id';
import { useErrorMessage } from '../../components/useErrorMessage';
import { nqiCategoryName } from '../../i18n/domain-labels';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import { AttributeFields } from './components/AttributeFields';
import { shanghaiInputToIso } from '../../components/shanghai-time';

interface Values {
  serviceId: string;
  description: string;
  attributes?: Record<string, unknown>;
  contactName: string;
  contactPhone: string;
  contactEmail?: string;
  preferredContact: string;
  address?: string;
}

/** An enterprise asks for a service: the service's own questions, then how to reach it. */
export default function RequestNewPage() {
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const showError = useErrorMessage();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [services, setServices] = useState<CatalogueService[]>([]);
  const required = [{ required: true, message: translate('validation.required', locale) }];

  useEffect(() => {
    api
      .get<Page<CatalogueService>>('/services/catalogue', { query: { pageSize: 200 } })
      .then((p) => setServices(p.data))
      .catch(showError);
  }, [showError]);

  return (
    <PageContainer title={t('services.request.new')}>
      <Card>
        <ProForm<Values>
          form={form}
          layout="vertical"
          initialValues={{ serviceId: params.get('service') ?? undefined, preferredContact: 'phone' }}
          submitter={{ submitButtonProps: testId('submit-request', {}), resetButtonProps: false }}
          onFinish={async (values) => {
            const service = services.find((s) => s.id === values.serviceId);
            const attributes: Record<string, unknown> = {};
            for (const a of service?.attributes ?? []) {
              const v = values.attributes?.[a.code];
              if (v === undefined || v === null || v === '') continue;
              attributes[a.code] =
                a.datatype === 'datetime' && typeof v === 'object' && 'format' in (v as object)
                  ? shanghaiInputToIso((v as { format(f: string): string }).format('YYYY-MM-DD HH:mm:ss'))
                  : a.datatype === 'datetime' && typeof v === 'string'
                    ? shanghaiInputToIso(v)
                    : v;
            }
            try {
              const created = await api.post<RequestDetail>('/services/requests', {
                ...values,
                attributes,
                contactEmail: values.contactEmail || null,
                address: values.address || null,
              });
              void message.success(t('services.request.submitted', { number: created.number }));
              navigate(`/services/requests/${created.id}`);
              return true;
            } catch (error) {
              if (!showServerFieldErrors(form, error)) showError(error);
              return false;
            }
          }}
        >
          <ProFormSelect
            name="serviceId"
            label={t('services.request.service')}
            rules={required}
            showSearch
            options={services.map((s) => ({ value: s.id, label: `${nqiCategoryName(s.category, locale)} · ${s.name}` }))}
          />
          <ProFormDependency name={['serviceId']}>
            {({ serviceId }) => {
              const service = services.find((s) => s.id === serviceId);
              return service ? <AttributeFields attributes={service.attributes} /> : null;
            }}
          </ProFormDependency>
          <ProFormTextArea
            name="description"
            label={t('services.request.description')}
            rules={required}
            fieldProps={{ maxLength: 4000, rows: 4 }}
          />
          <ProFormText name="contactName" label={t('services.request.contactName')} rules={required} />
          <ProFormText name="contactPhone" label={t('services.request.contactPhone')} rules={required} />
          <ProFormText name="contactEmail" label={t('services.request.contactEmail')} />
          <ProFormRadio.Group
            name="preferredContact"
            label={t('services.request.preferredContact')}
            options={(['phone', 'email', 'visit', 'online'] as const).map((c) => ({
              value: c,
              label: t(`services.request.contact.${c}`),
            }))}
          />
          <ProFormText name="address" label={t('services.request.address')} />
        </ProForm>
      </Card>
    </PageContainer>
  );
}
