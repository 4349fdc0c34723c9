/** Labels of the services module's pages, merged into the app's dictionaries (keys start with `services.`). */
export const servicesZh = {} as const;

export const servicesEn: Record<keyof typeof servicesZh, string> = {};
