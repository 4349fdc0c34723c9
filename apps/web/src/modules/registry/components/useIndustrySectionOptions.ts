import { useMemo } from 'react';
import { INDUSTRY_SECTION_CODES } from '@qd/core';
import { industrySectionName } from '../../../i18n/domain-labels';
import { useLocale } from '../../../i18n/useLocale';

/** A–T with their names, for selects and ProTable filters. */
export function useIndustrySectionOptions() {
  const locale = useLocale();
  return useMemo(() => {
    const options = INDUSTRY_SECTION_CODES.map((code) => ({
      value: code,
      label: `${code} ${industrySectionName(code, locale)}`,
    }));
    const valueEnum = Object.fromEntries(options.map((o) => [o.value, { text: o.label }]));
    return { options, valueEnum };
  }, [locale]);
}
