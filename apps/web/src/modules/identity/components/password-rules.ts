import type { FormRule } from 'antd';
import { checkPassword, translate, type Locale } from '@qd/core';

/** The password policy of core, checked as the user types (the server checks it again). */
export function newPasswordRules(locale: Locale, username: () => string | undefined): FormRule[] {
  return [
    { required: true, message: translate('validation.required', locale) },
    {
      validator(_, value: string | undefined) {
        if (!value) return Promise.resolve();
        const problem = checkPassword(value, username());
        return problem ? Promise.reject(new Error(translate(problem, locale))) : Promise.resolve();
      },
    },
  ];
}

export function confirmPasswordRules(mismatch: string, locale: Locale, field = 'password'): FormRule[] {
  return [
    { required: true, message: translate('validation.required', locale) },
    ({ getFieldValue }) => ({
      validator(_, value: string | undefined) {
        return !value || value === getFieldValue(field) ? Promise.resolve() : Promise.reject(new Error(mismatch));
      },
    }),
  ];
}
