import type { Locale } from '../shared/messages.js';

/** Rule and error texts of the supervision module, merged into shared/messages.ts (keys start with `supervision.`). */
export const supervisionMessages = {} as const satisfies Record<string, Record<Locale, string>>;
