import type { Locale } from '../shared/messages.js';

/** Rule and error texts of the awards module, merged into shared/messages.ts (keys start with `awards.`). */
export const awardsMessages = {} as const satisfies Record<string, Record<Locale, string>>;
