import { ProFormText } from '@ant-design/pro-components';
import { testId } from '../../../components/test-id';
import { useLocale } from '../../../i18n/useLocale';
import { useT } from '../../../i18n/useT';
import { creditCodeRules, normalizeCreditCodeInput } from './credit-code-rules';

export function CreditCodeField({ required = true }: { required?: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ProFormText
      name="creditCode"
      label={required ? t('common.creditCode') : `${t('common.creditCode')} ${t('common.optional')}`}
      tooltip={t('enterprise.creditCodeHint')}
      validateTrigger={['onChange', 'onBlur']}
      normalize={normalizeCreditCodeInput}
      rules={creditCodeRules(locale, required)}
      fieldProps={testId('credit-code-input', { maxLength: 18, showCount: true, autoComplete: 'off', spellCheck: false })}
    />
  );
}
