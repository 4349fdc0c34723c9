import type { Locale } from '../shared/messages.js';

/** Rule and error texts of the governance module, merged into shared/messages.ts (keys start with `governance.`). */
export const governanceMessages = {} as const satisfies Record<string, Record<Locale, string>>;
