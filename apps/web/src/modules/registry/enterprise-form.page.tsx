import { useNavigate, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import {
  PageContainer,
  ProForm,
  ProFormDatePicker,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { Alert, App, Card, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ENTERPRISE_SIZES, ORGANIZATION_STATUSES, enterpriseInput, translate, type Organization } from '@qd/core';
import { api } from '../../api/client';
import { useMe } from '../../app/auth/useAuth';
import { PageLoading } from '../../app/PageLoading';
import { checkWithContract, showServerFieldErrors } from '../../components/form-errors';
import { testId } from '../../components/test-id';
import { useErrorMessage } from '../../components/useErrorMessage';
import { enumLabel } from '../../i18n/enum-label';
import { optionsOf } from '../../i18n/enum-options';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import { CreditCodeField } from './components/CreditCodeField';
import { IndustryFields } from './components/IndustryFields';
import { RegionSelectField } from '../../components/RegionSelectField';
import { organizationQueryKey, useOrganization } from './components/useOrganization';

interface EnterpriseValues {
  name: string;
  creditCode: string;
  regionCode: string;
  industrySection: string;
  industryCode: string;
  size: string;
  address: string;
  foundedOn: string;
  status: string;
  legalRepresentative?: string;
  mainProducts?: string;
}

function valuesOf(org: Organization): Partial<EnterpriseValues> {
  return {
    name: org.name,
    creditCode: org.creditCode ?? '',
    regionCode: org.regionCode,
    industrySection: org.industrySection ?? undefined,
    industryCode: org.industryCode ?? undefined,
    size: org.size ?? undefined,
    address: org.address ?? '',
    foundedOn: org.foundedOn ?? undefined,
    status: org.status,
    legalRepresentative: org.legalRepresentative ?? undefined,
    mainProducts: org.mainProducts ?? undefined,
  };
}

/** /registry/enterprises/new and /registry/enterprises/:id/edit */
export default function EnterpriseFormPage() {
  const { id } = useParams<{ id: string }>();
  const t = useT();
  const existing = useOrganization('enterprises', id);
  const title = id ? t('enterprise.editTitle') : t('enterprise.new');
  const navigate = useNavigate();

  let body;
  if (id && existing.isLoading) body = <PageLoading />;
  else if (id && (existing.isError || !existing.data)) body = <Alert type="error" showIcon message={existing.error?.message} />;
  else body = <EnterpriseForm key={id ?? 'new'} existing={existing.data} />;

  return (
    <PageContainer title={title} onBack={() => navigate(id ? `/registry/enterprises/${id}` : '/registry/enterprises')}>
      <Card>{body}</Card>
    </PageContainer>
  );
}

function EnterpriseForm({ existing }: { existing: Organization | undefined }) {
  const t = useT();
  const locale = useLocale();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [form] = Form.useForm<EnterpriseValues>();
  const required = [{ required: true, message: translate('validation.required', locale) }];

  async function submit(values: EnterpriseValues) {
    const input = checkWithContract(
      enterpriseInput,
      { ...values, legalRepresentative: values.legalRepresentative || null, mainProducts: values.mainProducts || null },
      form,
      locale,
    );
    if (!input) return false;
    try {
      if (existing) {
        await api.put<Organization>(`/enterprises/${existing.id}`, input);
        await queryClient.invalidateQueries({ queryKey: organizationQueryKey(existing.id) });
        void message.success(t('common.saved'));
        navigate(`/registry/enterprises/${existing.id}`);
      } else {
        await api.post<Organization>('/enterprises', input);
        void message.success(t('common.created'));
        navigate('/registry/enterprises');
      }
      void queryClient.invalidateQueries({ queryKey: ['registry', 'summary'] });
      return true;
    } catch (error) {
      if (!showServerFieldErrors(form, error)) showError(error);
      return false;
    }
  }

  return (
    <ProForm<EnterpriseValues>
      form={form}
      layout="vertical"
      grid
      rowProps={{ gutter: 24 }}
      colProps={{ xs: 24, md: 12 }}
      dateFormatter="string"
      initialValues={existing ? valuesOf(existing) : { regionCode: me.regionCode, status: 'active' }}
      onFinish={submit}
      submitter={{
        searchConfig: { submitText: t('common.save'), resetText: t('common.cancel') },
        submitButtonProps: testId('save-button', {}),
        resetButtonProps: {
          onClick: () => navigate(existing ? `/registry/enterprises/${existing.id}` : '/registry/enterprises'),
        },
      }}
      scrollToFirstError
    >
      <ProFormText name="name" label={t('enterprise.name')} rules={required} fieldProps={{ maxLength: 128 }} />
      <CreditCodeField />
      <RegionSelectField />
      <ProFormSelect
        name="size"
        label={t('enterprise.size')}
        options={optionsOf(ENTERPRISE_SIZES, (c) => enumLabel(t, 'size', c))}
        rules={required}
      />
      <IndustryFields />
      <ProFormDatePicker
        name="foundedOn"
        label={t('enterprise.foundedOn')}
        width="100%"
        fieldProps={{ format: 'YYYY-MM-DD', disabledDate: (d: Dayjs) => d.isAfter(dayjs(), 'day'), style: { width: '100%' } }}
        rules={required}
      />
      <ProFormSelect
        name="status"
        label={t('common.status')}
        options={optionsOf(ORGANIZATION_STATUSES, (c) => enumLabel(t, 'orgStatus', c))}
        rules={required}
      />
      <ProFormText name="legalRepresentative" label={t('enterprise.legalRepresentative')} fieldProps={{ maxLength: 64 }} />
      <ProFormText name="address" label={t('common.address')} rules={required} fieldProps={{ maxLength: 256 }} />
      <ProFormTextArea
        name="mainProducts"
        label={t('enterprise.mainProducts')}
        colProps={{ span: 24 }}
        fieldProps={{ maxLength: 512, showCount: true, autoSize: { minRows: 2, maxRows: 6 } }}
      />
    </ProForm>
  );
}
