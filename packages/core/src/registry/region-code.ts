/**
 * Region codes: GB/T 2260 administrative divisions (province 410000, city 410400, county 410402)
 * and statistical codes of functional zones (e.g. the high-tech zone 410471; 71–79 in the last
 * two digits), which are not GB/T 2260 counties — so every region stores its code type.
 */
export const REGION_CODE_TYPES = ['gbt2260', 'functional_zone'] as const;
export type RegionCodeType = (typeof REGION_CODE_TYPES)[number];

export const REGION_LEVELS = ['province', 'city', 'county'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export function isRegionCode(code: string): boolean {
  return /^[1-9]\d{5}$/.test(code);
}

export function regionLevel(code: string): RegionLevel {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/** Functional zones use 71–79 in the county digits (statistical practice). */
export function inferRegionCodeType(code: string): RegionCodeType {
  const county = Number(code.slice(4));
  return regionLevel(code) === 'county' && county >= 71 && county <= 79 ? 'functional_zone' : 'gbt2260';
}

/**
 * The prefix shared by a region and everything under it: 410000 → "41", 410400 → "4104",
 * 410471 → "410471". Scoping by prefix lets one indexed LIKE cover a whole subtree.
 */
export function regionScopePrefix(code: string): string {
  const level = regionLevel(code);
  return level === 'province' ? code.slice(0, 2) : level === 'city' ? code.slice(0, 4) : code;
}

export function isWithinRegion(scopeCode: string, code: string): boolean {
  return code.startsWith(regionScopePrefix(scopeCode));
}

export function parentRegionCode(code: string): string | null {
  const level = regionLevel(code);
  if (level === 'province') return null;
  if (level === 'city') return `${code.slice(0, 2)}0000`;
  return `${code.slice(0, 4)}00`;
}
