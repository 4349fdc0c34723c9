import { APPLICATION_STATE_NAMES, formatPoints, type ApplicationState, type Locale } from '@qd/core';

/** A state's name in the UI language (the names live with the state machine in core). */
export function stateName(state: string, locale: Locale): string {
  const names = APPLICATION_STATE_NAMES[state as ApplicationState];
  return names ? (locale === 'en-US' ? names.en : names.zh) : state;
}

/** Hundredths of a point as shown to people, or a dash. */
export function points(hundredths: number | null | undefined): string {
  return hundredths === null || hundredths === undefined ? '—' : formatPoints(hundredths);
}

/** A bilingual name object ({ zh, en? }) in the UI language. */
export function nameIn(name: { zh: string; en?: string | undefined }, locale: Locale): string {
  return locale === 'en-US' && name.en ? name.en : name.zh;
}
