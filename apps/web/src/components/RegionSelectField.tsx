import { ProFormSelect } from '@ant-design/pro-components';
import { translate } from '@qd/core';
import { withCode } from '../i18n/domain-labels';
import { useLocale } from '../i18n/useLocale';
import { useT } from '../i18n/useT';
import { useRegions } from './useRegions';

/** The `regionCode` field: a choice among the regions the user may create data in. */
export function RegionSelectField({ name = 'regionCode' }: { name?: string }) {
  const t = useT();
  const locale = useLocale();
  const regions = useRegions();
  return (
    <ProFormSelect
      name={name}
      label={t('common.region')}
      showSearch
      fieldProps={{ loading: regions.isLoading, optionFilterProp: 'label' }}
      options={(regions.data ?? []).map((r) => ({ value: r.code, label: withCode(r.name, r.code, locale) }))}
      rules={[{ required: true, message: translate('validation.required', locale) }]}
    />
  );
}
