import { useMemo } from 'react';
import { makeTranslator, type Translate } from './translator';
import { useLocale } from './useLocale';

/** The label function for the current UI language; re-renders the caller when it changes. */
export function useT(): Translate {
  const locale = useLocale();
  return useMemo(() => makeTranslator(locale), [locale]);
}
