import { useSyncExternalStore } from 'react';
import type { Locale } from '@qd/core';
import { localeStore } from './locale-store';

export function useLocale(): Locale {
  return useSyncExternalStore(localeStore.subscribe, localeStore.get);
}

export function setLocale(locale: Locale): void {
  localeStore.set(locale);
}
