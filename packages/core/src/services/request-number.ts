/**
 * The number an enterprise quotes on the phone: `FW` (服务), the region, the year and a serial
 * counted per region and year — FW410471-2026-000042.
 */
const PATTERN = /^FW(\d{6})-(\d{4})-(\d{6,})$/;

export function formatRequestNumber(regionCode: string, year: number, serial: number): string {
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError(`region code must have 6 digits: ${regionCode}`);
  if (!Number.isSafeInteger(serial) || serial < 1) throw new RangeError(`serial must be ≥ 1: ${serial}`);
  return `FW${regionCode}-${year}-${String(serial).padStart(6, '0')}`;
}

export function parseRequestNumber(number: string): { regionCode: string; year: number; serial: number } | null {
  const m = PATTERN.exec(number);
  if (!m) return null;
  return { regionCode: m[1]!, year: Number(m[2]), serial: Number(m[3]) };
}
