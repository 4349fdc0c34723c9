/** Labels of the supervision module's pages, merged into the app's dictionaries (keys start with `supervision.`). */
export const supervisionZh = {} as const;

export const supervisionEn: Record<keyof typeof supervisionZh, string> = {};
