import { Segmented } from 'antd';
import type { Locale } from '@qd/core';
import { setLocale, useLocale } from '../i18n/useLocale';
import { useT } from '../i18n/useT';

/** 中文 / English; each option is written in its own language so anyone can find theirs. */
export function LanguageSwitch() {
  const locale = useLocale();
  const t = useT();
  return (
    <Segmented<Locale>
      data-testid="language-switch"
      aria-label={t('locale.switch')}
      size="small"
      value={locale}
      onChange={setLocale}
      options={[
        { value: 'zh-CN', label: <span lang="zh-CN">{t('locale.zh')}</span> },
        { value: 'en-US', label: <span lang="en-US">{t('locale.en')}</span> },
      ]}
    />
  );
}
