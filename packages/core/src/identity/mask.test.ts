import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskEmail, maskIdNumber, maskPhone } from './mask.js';

describe('masking of personal data', () => {
  it('masks a mobile number as 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
  });

  it('masks shorter numbers too, never showing the middle', () => {
    expect(maskPhone('2345678')).toBe('23****78');
    expect(maskPhone('12345')).toBe('****');
  });

  it('keeps an absent value absent', () => {
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone(undefined)).toBeNull();
    expect(maskPhone('')).toBe('');
    expect(maskIdNumber(null)).toBeNull();
    expect(maskEmail(undefined)).toBeNull();
  });

  it('masks an 11-digit mobile number to its first 3 and last 4 digits, whatever the digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (phone) => {
        const masked = maskPhone(phone)!;
        expect(masked).toMatch(/^\d{3}\*{4}\d{4}$/);
        expect(masked.slice(0, 3)).toBe(phone.slice(0, 3));
        expect(masked.slice(-4)).toBe(phone.slice(-4));
        expect(masked).not.toContain(phone.slice(3, 7));
      }),
    );
  });

  it('masks an identity card number but its first and last 4 characters', () => {
    expect(maskIdNumber('41040219800101123X')).toBe('4104**********123X');
    expect(maskIdNumber('1234567')).toBe('****');
  });

  it('masks an e-mail address but its first letter and domain', () => {
    expect(maskEmail('wang.ke@pds.gov.cn')).toBe('w***@pds.gov.cn');
    expect(maskEmail('not-an-email')).toBe('****');
  });
});
