import { ProFormDependency, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import { isIndustryCodeInSection, isIndustrySection, translate } from '@qd/core';
import { useLocale } from '../../../i18n/useLocale';
import { useT } from '../../../i18n/useT';
import { useIndustrySectionOptions } from './useIndustrySectionOptions';

/** Industry section (A–T) and the GB/T 4754 code, which must fall inside the section. */
export function IndustryFields() {
  const t = useT();
  const locale = useLocale();
  const sections = useIndustrySectionOptions();
  return (
    <>
      <ProFormSelect
        name="industrySection"
        label={t('enterprise.industrySection')}
        options={sections.options}
        showSearch
        fieldProps={{ optionFilterProp: 'label' }}
        rules={[{ required: true, message: translate('validation.required', locale) }]}
      />
      <ProFormDependency name={['industrySection']}>
        {({ industrySection }: { industrySection?: string }) => (
          <ProFormText
            name="industryCode"
            label={t('enterprise.industryCode')}
            tooltip={t('enterprise.industryCodeHint')}
            placeholder={t('enterprise.industryCodeHint')}
            fieldProps={{ maxLength: 4, inputMode: 'numeric' }}
            dependencies={['industrySection']}
            rules={[
              { required: true, message: translate('validation.required', locale) },
              {
                validator(_, value: string | undefined) {
                  if (!value) return Promise.resolve();
                  const ok =
                    industrySection && isIndustrySection(industrySection)
                      ? isIndustryCodeInSection(industrySection, value)
                      : /^\d{2,4}$/.test(value);
                  return ok ? Promise.resolve() : Promise.reject(new Error(translate('industry.code', locale)));
                },
              },
            ]}
          />
        )}
      </ProFormDependency>
    </>
  );
}
