/**
 * GB/T 4754-2017 industrial classification: 20 sections A–T, each owning a range of two-digit
 * divisions; finer codes add a digit per level (group 3 digits, class 4 digits).
 */
export const INDUSTRY_SECTIONS = {
  A: { zh: '农、林、牧、渔业', en: 'Agriculture, forestry, animal husbandry and fishery', divisions: [1, 5] },
  B: { zh: '采矿业', en: 'Mining', divisions: [6, 12] },
  C: { zh: '制造业', en: 'Manufacturing', divisions: [13, 43] },
  D: { zh: '电力、热力、燃气及水生产和供应业', en: 'Electricity, heat, gas and water', divisions: [44, 46] },
  E: { zh: '建筑业', en: 'Construction', divisions: [47, 50] },
  F: { zh: '批发和零售业', en: 'Wholesale and retail', divisions: [51, 52] },
  G: { zh: '交通运输、仓储和邮政业', en: 'Transport, storage and post', divisions: [53, 60] },
  H: { zh: '住宿和餐饮业', en: 'Accommodation and catering', divisions: [61, 62] },
  I: { zh: '信息传输、软件和信息技术服务业', en: 'Information transmission, software and IT services', divisions: [63, 65] },
  J: { zh: '金融业', en: 'Finance', divisions: [66, 69] },
  K: { zh: '房地产业', en: 'Real estate', divisions: [70, 70] },
  L: { zh: '租赁和商务服务业', en: 'Leasing and business services', divisions: [71, 72] },
  M: { zh: '科学研究和技术服务业', en: 'Scientific research and technical services', divisions: [73, 75] },
  N: { zh: '水利、环境和公共设施管理业', en: 'Water, environment and public facilities', divisions: [76, 79] },
  O: { zh: '居民服务、修理和其他服务业', en: 'Resident, repair and other services', divisions: [80, 82] },
  P: { zh: '教育', en: 'Education', divisions: [83, 83] },
  Q: { zh: '卫生和社会工作', en: 'Health and social work', divisions: [84, 85] },
  R: { zh: '文化、体育和娱乐业', en: 'Culture, sports and entertainment', divisions: [86, 90] },
  S: { zh: '公共管理、社会保障和社会组织', en: 'Public administration and social organizations', divisions: [91, 96] },
  T: { zh: '国际组织', en: 'International organizations', divisions: [97, 97] },
} as const satisfies Record<string, { zh: string; en: string; divisions: readonly [number, number] }>;

export type IndustrySection = keyof typeof INDUSTRY_SECTIONS;
export const INDUSTRY_SECTION_CODES = Object.keys(INDUSTRY_SECTIONS) as IndustrySection[];

export function isIndustrySection(value: string): value is IndustrySection {
  return Object.hasOwn(INDUSTRY_SECTIONS, value);
}

/** True when `code` (2–4 digits) is a well-formed code inside `section`. */
export function isIndustryCodeInSection(section: IndustrySection, code: string): boolean {
  if (!/^\d{2,4}$/.test(code)) return false;
  const division = Number(code.slice(0, 2));
  const [low, high] = INDUSTRY_SECTIONS[section].divisions;
  return division >= low && division <= high;
}
