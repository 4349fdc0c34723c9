import type { Locale } from '@qd/core';
import { createPreferenceStore } from '../app/preference-store';

/**
 * The UI language. zh-CN unless the user chose English with the switch: the product is Chinese
 * first, so the browser's language is deliberately not consulted.
 */
export const LOCALES = ['zh-CN', 'en-US'] as const satisfies readonly Locale[];

export const localeStore = createPreferenceStore<Locale>('qd.locale', LOCALES, 'zh-CN');
