/** Labels of the governance module's pages, merged into the app's dictionaries (keys start with `governance.`). */
export const governanceZh = {} as const;

export const governanceEn: Record<keyof typeof governanceZh, string> = {};
