import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  inferRegionCodeType,
  isRegionCode,
  isWithinRegion,
  parentRegionCode,
  regionLevel,
  regionScopePrefix,
} from './region-code.js';

describe('region codes (GB/T 2260 and functional zones)', () => {
  it('recognizes six-digit codes that do not start with 0', () => {
    expect(isRegionCode('410471')).toBe(true);
    expect(isRegionCode('410000')).toBe(true);
    expect(isRegionCode('010000')).toBe(false);
    expect(isRegionCode('41047')).toBe(false);
    expect(isRegionCode('4104711')).toBe(false);
    expect(isRegionCode('41047a')).toBe(false);
    expect(isRegionCode(' 410471')).toBe(false);
  });

  it('reads the level from the trailing zeros', () => {
    expect(regionLevel('410000')).toBe('province');
    expect(regionLevel('410400')).toBe('city');
    expect(regionLevel('410402')).toBe('county');
    expect(regionLevel('410471')).toBe('county');
  });

  it('types the high-tech zone 410471 as a functional zone, ordinary districts as GB/T 2260', () => {
    expect(inferRegionCodeType('410471')).toBe('functional_zone');
    expect(inferRegionCodeType('410479')).toBe('functional_zone');
    expect(inferRegionCodeType('410402')).toBe('gbt2260');
    expect(inferRegionCodeType('410470')).toBe('gbt2260');
    expect(inferRegionCodeType('410480')).toBe('gbt2260');
    expect(inferRegionCodeType('410400')).toBe('gbt2260');
    expect(inferRegionCodeType('410000')).toBe('gbt2260');
  });

  it('scopes a province by 2 digits, a city by 4, a county by all 6', () => {
    expect(regionScopePrefix('410000')).toBe('41');
    expect(regionScopePrefix('410400')).toBe('4104');
    expect(regionScopePrefix('410471')).toBe('410471');
  });

  it('puts a county within its city and province but not within a sibling county', () => {
    expect(isWithinRegion('410000', '410471')).toBe(true);
    expect(isWithinRegion('410400', '410471')).toBe(true);
    expect(isWithinRegion('410471', '410471')).toBe(true);
    expect(isWithinRegion('410471', '410402')).toBe(false);
    expect(isWithinRegion('410402', '410471')).toBe(false);
    expect(isWithinRegion('410471', '410400')).toBe(false);
    expect(isWithinRegion('410400', '410500')).toBe(false);
    expect(isWithinRegion('410000', '420100')).toBe(false);
  });

  it('names the parent region', () => {
    expect(parentRegionCode('410471')).toBe('410400');
    expect(parentRegionCode('410400')).toBe('410000');
    expect(parentRegionCode('410000')).toBeNull();
  });

  it('places every region within its parent and every ancestor', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100_000, max: 999_999 }).map(String), (code) => {
        expect(isWithinRegion(code, code)).toBe(true);
        let parent = parentRegionCode(code);
        while (parent) {
          expect(isWithinRegion(parent, code)).toBe(true);
          expect(isWithinRegion(code, parent) && parent !== code).toBe(false);
          parent = parentRegionCode(parent);
        }
      }),
    );
  });
});
