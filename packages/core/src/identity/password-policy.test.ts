import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PASSWORD_MIN_LENGTH, checkPassword, passwordClasses } from './password-policy.js';

describe('password policy (MLPS level 3: ≥12 characters, 3 of 4 classes, not the user name)', () => {
  it('accepts a long password with three classes', () => {
    expect(checkPassword('Quality-District')).toBeNull(); // upper, lower, symbol
    expect(checkPassword('quality2026district!')).toBeNull(); // lower, digit, symbol
    expect(checkPassword('QUALITY2026district')).toBeNull(); // upper, digit, lower
    expect(checkPassword('QUALITY-2026-DISTRICT')).toBeNull(); // upper, digit, symbol
  });

  it('needs at least 12 characters', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(checkPassword('Abcdefgh-12')).toBe('password.length'); // 11
    expect(checkPassword('Abcdefgh-123')).toBeNull(); // 12
    expect(checkPassword('')).toBe('password.length');
  });

  it('counts characters, not UTF-16 code units', () => {
    // 11 characters, but 😀 takes two code units: still too short.
    expect(checkPassword('Abcdefgh-1😀')).toBe('password.length');
  });

  it('needs 3 of the 4 character classes', () => {
    expect(checkPassword('abcdefghijklmnop')).toBe('password.classes');
    expect(checkPassword('abcdefgh12345678')).toBe('password.classes');
    expect(checkPassword('ABCDEFGH!@#$%^&*')).toBe('password.classes');
    expect(checkPassword('123456789012')).toBe('password.classes');
    expect(passwordClasses('aA1!')).toBe(4);
    expect(passwordClasses('质量强区质量强区质量强区')).toBe(1); // non-ASCII letters count as symbols only
  });

  it('refuses a password containing the user name, in any case', () => {
    expect(checkPassword('Office-Pass-2026', 'office')).toBe('password.containsUsername');
    expect(checkPassword('my-OFFICE-2026x', 'Office')).toBe('password.containsUsername');
    expect(checkPassword('Quality-District-1', 'office')).toBeNull();
    // Names shorter than 3 characters are not checked (they would match too much).
    expect(checkPassword('Quality-ab-2026', 'ab')).toBeNull();
  });

  it('reports length before classes before the user name', () => {
    expect(checkPassword('office', 'office')).toBe('password.length');
    expect(checkPassword('officeofficeoffice', 'office')).toBe('password.classes');
  });

  it('never accepts a password shorter than 12 characters or with fewer than 3 classes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (password) => {
        const problem = checkPassword(password);
        if ([...password].length < 12 || passwordClasses(password) < 3) expect(problem).not.toBeNull();
        else expect(problem).toBeNull();
      }),
    );
  });
});
