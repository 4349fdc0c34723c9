/** Labels of the awards module's pages, merged into the app's dictionaries (keys start with `awards.`). */
export const awardsZh = {} as const;

export const awardsEn: Record<keyof typeof awardsZh, string> = {};
