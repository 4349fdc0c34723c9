import { describe, expect, it } from 'vitest';
import { INDUSTRY_SECTIONS, INDUSTRY_SECTION_CODES, isIndustryCodeInSection, isIndustrySection } from './industry.js';

describe('industries (GB/T 4754-2017)', () => {
  it('has the 20 sections A–T', () => {
    expect(INDUSTRY_SECTION_CODES).toEqual('ABCDEFGHIJKLMNOPQRST'.split(''));
    expect(isIndustrySection('C')).toBe(true);
    expect(isIndustrySection('U')).toBe(false);
    expect(isIndustrySection('c')).toBe(false);
    expect(isIndustrySection('toString')).toBe(false);
  });

  it('covers divisions 01–97 exactly once, in order', () => {
    let next = 1;
    for (const code of INDUSTRY_SECTION_CODES) {
      const [low, high] = INDUSTRY_SECTIONS[code].divisions;
      expect(low, code).toBe(next);
      expect(high).toBeGreaterThanOrEqual(low);
      next = high + 1;
    }
    expect(next).toBe(98);
  });

  it('accepts 2-, 3- and 4-digit codes inside the section', () => {
    expect(isIndustryCodeInSection('C', '26')).toBe(true);
    expect(isIndustryCodeInSection('C', '265')).toBe(true);
    expect(isIndustryCodeInSection('C', '2651')).toBe(true); // nylon: the zone's flagship
    expect(isIndustryCodeInSection('C', '1331')).toBe(true); // first division of C
    expect(isIndustryCodeInSection('C', '4399')).toBe(true); // last division of C
    expect(isIndustryCodeInSection('I', '6513')).toBe(true);
    expect(isIndustryCodeInSection('A', '01')).toBe(true);
    expect(isIndustryCodeInSection('K', '7010')).toBe(true);
  });

  it('refuses codes of another section or of the wrong shape', () => {
    expect(isIndustryCodeInSection('C', '6513')).toBe(false);
    expect(isIndustryCodeInSection('C', '1211')).toBe(false);
    expect(isIndustryCodeInSection('C', '4411')).toBe(false);
    expect(isIndustryCodeInSection('E', '2651')).toBe(false);
    expect(isIndustryCodeInSection('C', '2')).toBe(false);
    expect(isIndustryCodeInSection('C', '26511')).toBe(false);
    expect(isIndustryCodeInSection('C', '26a1')).toBe(false);
    expect(isIndustryCodeInSection('C', '')).toBe(false);
  });
});
