import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_ALPHABET,
  checkCreditCode,
  creditCodeCheckChar,
  isValidCreditCode,
  makeCreditCode,
  normalizeCreditCode,
} from './credit-code.js';

/** Six-digit region codes as GB/T 2260 writes them (first digit 1–9). */
const regionCodeArb = fc.integer({ min: 100_000, max: 999_999 }).map(String);
/** Every serial makeCreditCode can encode in its 8 organization characters. */
const serialArb = fc.integer({ min: 0, max: 31 ** 8 - 1 });

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts real public codes', () => {
    expect(checkCreditCode('914403001922038216')).toBeNull();
    expect(checkCreditCode('9144030071526726XG')).toBeNull();
    expect(isValidCreditCode('914403001922038216')).toBe(true);
  });

  it('computes the check character of the public codes', () => {
    expect(creditCodeCheckChar('91440300192203821')).toBe('6');
    expect(creditCodeCheckChar('9144030071526726X')).toBe('G');
  });

  it('rejects a wrong check character', () => {
    expect(checkCreditCode('914403001922038217')).toBe('creditCode.checkDigit');
    expect(isValidCreditCode('914403001922038217')).toBe(false);
  });

  it('reports the length before anything else', () => {
    expect(checkCreditCode('')).toBe('creditCode.length');
    expect(checkCreditCode('91440300192203821')).toBe('creditCode.length');
    expect(checkCreditCode('9144030019220382161')).toBe('creditCode.length');
    expect(checkCreditCode('9144030019220382I')).toBe('creditCode.length');
  });

  it('rejects characters outside the 31-symbol alphabet (no I, O, Z, S, V, no lower case)', () => {
    for (const bad of ['I', 'O', 'Z', 'S', 'V', 'x', '-', ' ', '中']) {
      expect(checkCreditCode(`91440300192203821${bad}`), bad).toBe('creditCode.charset');
      expect(checkCreditCode(`${bad}14403001922038216`), bad).toBe('creditCode.charset');
    }
    expect(creditCodeCheckChar('9144030019220382O')).toBeNull();
  });

  it('normalizes what people type: trims and upper-cases', () => {
    expect(normalizeCreditCode('  9144030071526726xg\t')).toBe('9144030071526726XG');
    expect(checkCreditCode(normalizeCreditCode(' 9144030071526726xg '))).toBeNull();
    expect(normalizeCreditCode('914403001922038216')).toBe('914403001922038216');
  });

  it('makes valid codes carrying the authority, type and region', () => {
    fc.assert(
      fc.property(regionCodeArb, serialArb, fc.constantFrom('91', '11', '12', '52'), (region, serial, authority) => {
        const code = makeCreditCode(region, serial, authority);
        expect(code).toHaveLength(18);
        expect(code.slice(0, 2)).toBe(authority);
        expect(code.slice(2, 8)).toBe(region);
        expect(checkCreditCode(code)).toBeNull();
      }),
    );
  });

  it('makes different codes for different serials in one region', () => {
    fc.assert(
      fc.property(regionCodeArb, serialArb, serialArb, (region, a, b) => {
        fc.pre(a !== b);
        expect(makeCreditCode(region, a)).not.toBe(makeCreditCode(region, b));
      }),
    );
  });

  it('detects any single-character change to another alphabet character', () => {
    fc.assert(
      fc.property(
        regionCodeArb,
        serialArb,
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 1, max: CREDIT_CODE_ALPHABET.length - 1 }),
        (region, serial, position, shift) => {
          const code = makeCreditCode(region, serial);
          const original = CREDIT_CODE_ALPHABET.indexOf(code[position]!);
          const replacement = CREDIT_CODE_ALPHABET[(original + shift) % CREDIT_CODE_ALPHABET.length]!;
          const changed = code.slice(0, position) + replacement + code.slice(position + 1);
          expect(changed).not.toBe(code);
          expect(checkCreditCode(changed)).toBe('creditCode.checkDigit');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('detects every single-character change of a real code, exhaustively', () => {
    const code = '9144030071526726XG';
    let changes = 0;
    for (let position = 0; position < 18; position++) {
      for (const ch of CREDIT_CODE_ALPHABET) {
        if (ch === code[position]) continue;
        const changed = code.slice(0, position) + ch + code.slice(position + 1);
        expect(isValidCreditCode(changed), changed).toBe(false);
        changes++;
      }
    }
    expect(changes).toBe(18 * 30);
  });
});
