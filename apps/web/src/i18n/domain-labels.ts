import { INDUSTRY_SECTIONS, NQI_CATEGORIES, ROLES, isIndustrySection, type Locale, type Role } from '@qd/core';

/**
 * Names of core's coded values (industry sections, NQI categories, roles) in the UI language.
 * Core keeps both names beside each code, so the web never re-types them.
 */
export function bilingualName(entry: { zh: string; en: string }, locale: Locale): string {
  return locale === 'zh-CN' ? entry.zh : entry.en;
}

export function industrySectionName(section: string | null | undefined, locale: Locale): string {
  if (!section || !isIndustrySection(section)) return section ?? '';
  return bilingualName(INDUSTRY_SECTIONS[section], locale);
}

export function nqiCategoryName(code: string, locale: Locale): string {
  return Object.hasOwn(NQI_CATEGORIES, code) ? bilingualName(NQI_CATEGORIES[code as keyof typeof NQI_CATEGORIES], locale) : code;
}

export function roleName(role: string, locale: Locale): string {
  return Object.hasOwn(ROLES, role) ? bilingualName(ROLES[role as Role], locale) : role;
}

/** "名称（代码）" in Chinese typography, "name (code)" in English. */
export function withCode(name: string, code: string | null | undefined, locale: Locale): string {
  if (!code) return name;
  return locale === 'zh-CN' ? `${name}（${code}）` : `${name} (${code})`;
}
