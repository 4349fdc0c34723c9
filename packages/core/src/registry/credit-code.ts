/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-symbol
 * alphabet; the last one is a check character over the first 17.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'creditCode.length' | 'creditCode.charset' | 'creditCode.checkDigit';

/** The check character for the first 17 characters, or null when one is outside the alphabet. */
export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i] ?? '');
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Upper-cases and trims what people type; the stored form is always this one. */
export function normalizeCreditCode(input: string): string {
  return input.trim().toUpperCase();
}

/** null when valid, else the message key of the first problem found. */
export function checkCreditCode(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'creditCode.length';
  for (const ch of code) if (!CREDIT_CODE_ALPHABET.includes(ch)) return 'creditCode.charset';
  return creditCodeCheckChar(code.slice(0, 17)) === code[17] ? null : 'creditCode.checkDigit';
}

export function isValidCreditCode(code: string): boolean {
  return checkCreditCode(code) === null;
}

/**
 * Builds a valid code: registration authority and type (91: market regulation, company; 11:
 * government body), the
 * region's division code, a 9-character organization code made from `serial`, and the check
 * character. Used by the demo seed and the benchmark generator.
 */
export function makeCreditCode(regionCode: string, serial: number, authorityAndType = '91'): string {
  let org = '';
  // Spread consecutive serials over the code space (a bijection mod 31^8) so that generated
  // codes look like real ones rather than a counter; distinct serials stay distinct codes.
  let n = Number((BigInt(serial) * 2654435761n) % 852891037441n);
  for (let i = 0; i < 8; i++) {
    org = CREDIT_CODE_ALPHABET[n % 31]! + org;
    n = Math.floor(n / 31);
  }
  const orgCode = org + digitFor(org);
  const first17 = `${authorityAndType}${regionCode}${orgCode}`;
  return first17 + creditCodeCheckChar(first17)!;
}

/** A deterministic ninth character of the organization code (its own check, simplified). */
function digitFor(org: string): string {
  let s = 0;
  for (const ch of org) s += CREDIT_CODE_ALPHABET.indexOf(ch);
  return String(s % 10);
}
