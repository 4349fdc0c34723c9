import type { Locale } from '../shared/messages.js';

/** Rule and error texts of the services module, merged into shared/messages.ts (keys start with `services.`). */
export const servicesMessages = {} as const satisfies Record<string, Record<Locale, string>>;
