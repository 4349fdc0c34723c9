import type { ENTERPRISE_SIZES, ORGANIZATION_STATUSES } from './contracts.js';

/**
 * The columns of the enterprise spreadsheet, shared by export and import so an exported file
 * can be edited and imported back. Headers are Chinese; the English header is accepted too.
 */
export const ENTERPRISE_COLUMNS = [
  { key: 'name', zh: '企业名称', en: 'Name', required: true },
  { key: 'creditCode', zh: '统一社会信用代码', en: 'Credit code', required: true },
  { key: 'regionCode', zh: '行政区划代码', en: 'Region code', required: true },
  { key: 'industrySection', zh: '行业门类', en: 'Industry section', required: true },
  { key: 'industryCode', zh: '行业代码', en: 'Industry code', required: true },
  { key: 'size', zh: '企业规模', en: 'Size', required: true },
  { key: 'address', zh: '地址', en: 'Address', required: true },
  { key: 'foundedOn', zh: '成立日期', en: 'Founded on', required: true },
  { key: 'status', zh: '状态', en: 'Status', required: false },
  { key: 'legalRepresentative', zh: '法定代表人', en: 'Legal representative', required: false },
  { key: 'mainProducts', zh: '主要产品', en: 'Main products', required: false },
] as const;

export type EnterpriseColumnKey = (typeof ENTERPRISE_COLUMNS)[number]['key'];

export const SIZE_LABELS: Record<(typeof ENTERPRISE_SIZES)[number], { zh: string; en: string }> = {
  large: { zh: '大型', en: 'Large' },
  medium: { zh: '中型', en: 'Medium' },
  small: { zh: '小型', en: 'Small' },
  micro: { zh: '微型', en: 'Micro' },
};

export const STATUS_LABELS: Record<(typeof ORGANIZATION_STATUSES)[number], { zh: string; en: string }> = {
  active: { zh: '在业', en: 'Active' },
  suspended: { zh: '停业', en: 'Suspended' },
  closed: { zh: '注销', en: 'Closed' },
};

/** Finds the column a header names, in either language, ignoring case and spaces. */
export function enterpriseColumnOf(header: string): EnterpriseColumnKey | null {
  const h = header.replace(/\s+/g, '').toLowerCase();
  const found = ENTERPRISE_COLUMNS.find(
    (c) => c.zh === h || c.en.replace(/\s+/g, '').toLowerCase() === h || c.key.toLowerCase() === h,
  );
  return found?.key ?? null;
}

/** Accepts the code (`small`) or its label in either language (小型, Small). */
export function codeFromLabel<C extends string>(labels: Record<C, { zh: string; en: string }>, value: string): C | string {
  const v = value.trim();
  for (const [code, label] of Object.entries(labels) as [C, { zh: string; en: string }][]) {
    if (v === code || v === label.zh || v.toLowerCase() === label.en.toLowerCase()) return code;
  }
  return v;
}
