import type { FormRule } from 'antd';
import { CREDIT_CODE_ALPHABET, checkCreditCode, normalizeCreditCode, translate, type Locale } from '@qd/core';

/**
 * Checks a unified social credit code as it is typed, with core's rule and messages (the
 * server applies the same ones). While the code is still short only a wrong character is
 * reported; the length is reported when the field is left; the check character once all 18
 * are there.
 */
export function creditCodeRules(locale: Locale, required: boolean): FormRule[] {
  const reject = (key: string) => Promise.reject(new Error(translate(key, locale)));
  return [
    { required, message: translate('validation.required', locale), validateTrigger: ['onBlur', 'onChange'] },
    {
      validateTrigger: ['onChange', 'onBlur'],
      validator(_, raw: string | undefined) {
        const value = normalizeCreditCode(raw ?? '');
        if (!value) return Promise.resolve();
        if ([...value].some((ch) => !CREDIT_CODE_ALPHABET.includes(ch))) return reject('creditCode.charset');
        if (value.length < 18) return Promise.resolve();
        const problem = checkCreditCode(value);
        return problem ? reject(problem) : Promise.resolve();
      },
    },
    {
      validateTrigger: 'onBlur',
      validator(_, raw: string | undefined) {
        const value = normalizeCreditCode(raw ?? '');
        return value && value.length !== 18 ? reject('creditCode.length') : Promise.resolve();
      },
    },
  ];
}

/** Upper-cases as the user types: the code is only ever written in capitals. */
export function normalizeCreditCodeInput(value: string | undefined): string | undefined {
  return value === undefined ? value : value.toUpperCase().replace(/\s+/g, '');
}
