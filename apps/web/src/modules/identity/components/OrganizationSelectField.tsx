import { ProFormSelect } from '@ant-design/pro-components';
import { translate, type Organization, type Page } from '@qd/core';
import { api } from '../../../api/client';
import { useLocale } from '../../../i18n/useLocale';
import { useT } from '../../../i18n/useT';

const KINDS = ['enterprises', 'departments', 'institutions'] as const;

/** Finds an organization by name among enterprises, departments and institutions in scope. */
async function searchOrganizations(keyword: string | undefined) {
  const pages = await Promise.all(
    KINDS.map((kind) => api.get<Page<Organization>>(`/${kind}`, { query: { keyword, pageSize: 10 } }).catch(() => null)),
  );
  return pages.flatMap((page) => page?.data ?? []).map((o) => ({ value: o.id, label: o.name }));
}

export function OrganizationSelectField({
  required,
  initialOption,
}: {
  required: boolean;
  initialOption?: { value: string; label: string };
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <ProFormSelect
      name="organizationId"
      label={t('user.organization')}
      showSearch
      placeholder={t('user.organizationSearch')}
      debounceTime={300}
      request={async ({ keyWords }: { keyWords?: string }) => {
        const found = await searchOrganizations(keyWords);
        return initialOption && !found.some((o) => o.value === initialOption.value) ? [initialOption, ...found] : found;
      }}
      fieldProps={{ filterOption: false, allowClear: true }}
      rules={required ? [{ required: true, message: translate('roles.organizationRequired', locale) }] : []}
    />
  );
}
