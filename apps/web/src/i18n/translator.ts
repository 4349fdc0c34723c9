import type { Locale } from '@qd/core';
import { translate } from '@qd/core';
import { enUS } from './en-US';
import { zhCN, type MessageId } from './zh-CN';

const dictionaries: Record<Locale, Record<MessageId, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

export type Translate = (id: MessageId, values?: Record<string, string | number>) => string;

/** A label in `locale`, with `{name}` placeholders filled from `values`. */
export function makeTranslator(locale: Locale): Translate {
  const dictionary = dictionaries[locale];
  return (id, values) => {
    const text = dictionary[id] ?? id;
    if (!values) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
  };
}

/** A core rule's message key (e.g. 'creditCode.checkDigit') in `locale`. */
export function translateRule(key: string, locale: Locale): string {
  return translate(key, locale);
}
