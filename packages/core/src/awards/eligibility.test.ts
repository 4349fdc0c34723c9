import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ELIGIBILITY_RULES,
  addYears,
  completedYears,
  eligibilityRules,
  evaluateEligibility,
  lowerAwardLevel,
  type EligibilityFacts,
  type EligibilityRule,
} from './eligibility.js';

const clean: EligibilityFacts = {
  asOf: '2026-05-10',
  foundedOn: '2010-03-01',
  littleGiant: false,
  majorAccidents: [],
  awards: [],
};

function verdicts(level: 'district' | 'city' | 'province', facts: Partial<EligibilityFacts>, rules = DEFAULT_ELIGIBILITY_RULES) {
  const result = evaluateEligibility(rules, level, { ...clean, ...facts });
  return Object.fromEntries(result.results.map((r) => [r.kind, r.passed]));
}
function rule(kind: EligibilityRule['kind'], level: 'district' | 'city' | 'province', facts: Partial<EligibilityFacts>) {
  return evaluateEligibility(DEFAULT_ELIGIBILITY_RULES, level, { ...clean, ...facts }).results.find((r) => r.kind === kind)!;
}

describe('dates in years', () => {
  it('adds years, ending on the last day of February when there is no 29th', () => {
    expect(addYears('2021-05-10', 5)).toBe('2026-05-10');
    expect(addYears('2020-02-29', 1)).toBe('2021-02-28');
    expect(addYears('2020-02-29', 4)).toBe('2024-02-29');
    expect(addYears('2026-05-10', -3)).toBe('2023-05-10');
    expect(() => addYears('2021-02-30', 1)).toThrow(RangeError);
  });

  it('counts whole years', () => {
    expect(completedYears('2021-05-10', '2026-05-09')).toBe(4);
    expect(completedYears('2021-05-10', '2026-05-10')).toBe(5);
    expect(completedYears('2020-02-29', '2021-02-28')).toBe(1);
    expect(completedYears('2026-05-10', '2021-05-10')).toBe(0);
  });

  it('property: n whole years after a date are exactly n completed years', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2050-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 60 }),
        (d, n) => {
          const from = d.toISOString().slice(0, 10);
          expect(completedYears(from, addYears(from, n))).toBe(n);
        },
      ),
    );
  });
});

describe('eligibility', () => {
  it('passes a long-established enterprise with a clean record for a district award', () => {
    const result = evaluateEligibility(DEFAULT_ELIGIBILITY_RULES, 'district', clean);
    expect(result.eligible).toBe(true);
    expect(result.results.map((r) => r.kind)).toEqual([
      'yearsInOperation',
      'noMajorAccident',
      'winnerLockout',
      'lowerLevelAward',
      'noRevocationBan',
    ]);
    expect(result.results.every((r) => r.message.startsWith('awards.eligibility.'))).toBe(true);
  });

  describe('years in operation', () => {
    it('needs 5 whole years, counted to the day', () => {
      expect(rule('yearsInOperation', 'district', { foundedOn: '2021-05-11' }).passed).toBe(false);
      expect(rule('yearsInOperation', 'district', { foundedOn: '2021-05-10' }).passed).toBe(true);
      expect(rule('yearsInOperation', 'district', { foundedOn: '2021-05-11' }).facts).toEqual({
        foundedOn: '2021-05-11',
        asOf: '2026-05-10',
        littleGiant: false,
        requiredYears: 5,
        completedYears: 4,
      });
    });

    it('needs only 3 for a "little giant" firm', () => {
      expect(rule('yearsInOperation', 'district', { foundedOn: '2023-05-10', littleGiant: true }).passed).toBe(true);
      expect(rule('yearsInOperation', 'district', { foundedOn: '2023-05-11', littleGiant: true }).passed).toBe(false);
      expect(rule('yearsInOperation', 'district', { foundedOn: '2023-05-10', littleGiant: false }).passed).toBe(false);
    });
  });

  it('refuses a major accident in the last 3 years and shows it', () => {
    const r = rule('noMajorAccident', 'district', {
      majorAccidents: [
        { occurredOn: '2024-01-15', kind: 'safety' },
        { occurredOn: '2019-07-01', kind: 'quality' },
      ],
    });
    expect(r.passed).toBe(false);
    expect(r.facts).toEqual({ since: '2023-05-10', asOf: '2026-05-10', accidents: ['2024-01-15 safety'] });
    // Exactly three years ago is outside the window; older ones do not count.
    expect(
      rule('noMajorAccident', 'district', { majorAccidents: [{ occurredOn: '2023-05-10', kind: 'environment' }] }).passed,
    ).toBe(true);
    expect(
      rule('noMajorAccident', 'district', { majorAccidents: [{ occurredOn: '2023-05-11', kind: 'environment' }] }).passed,
    ).toBe(false);
  });

  it('locks a winner out of the same level for 4 years, not out of the next level', () => {
    const wonDistrict = { awards: [{ level: 'district' as const, awardedOn: '2022-12-20', revokedOn: null }] };
    expect(rule('winnerLockout', 'district', wonDistrict).passed).toBe(false);
    expect(rule('winnerLockout', 'district', wonDistrict).facts).toMatchObject({
      lastAwardedOn: '2022-12-20',
      lockedUntil: '2026-12-20',
    });
    expect(rule('winnerLockout', 'district', { ...wonDistrict, asOf: '2026-12-20' }).passed).toBe(true);
    expect(rule('winnerLockout', 'city', wonDistrict).passed).toBe(true);
  });

  it('needs the award one level down for city and province awards', () => {
    expect(lowerAwardLevel('district')).toBeNull();
    expect(lowerAwardLevel('city')).toBe('district');
    expect(lowerAwardLevel('province')).toBe('city');
    expect(rule('lowerLevelAward', 'district', {}).passed).toBe(true);
    expect(rule('lowerLevelAward', 'city', {}).passed).toBe(false);
    expect(rule('lowerLevelAward', 'city', {}).facts).toEqual({ level: 'city', requiredLevel: 'district', heldSince: null });
    const district = { level: 'district' as const, awardedOn: '2019-12-01', revokedOn: null };
    expect(rule('lowerLevelAward', 'city', { awards: [district] }).passed).toBe(true);
    // A district award does not qualify for the province: the city award is required.
    expect(rule('lowerLevelAward', 'province', { awards: [district] }).passed).toBe(false);
    // A revoked lower award does not count.
    expect(rule('lowerLevelAward', 'city', { awards: [{ ...district, revokedOn: '2021-01-01' }] }).passed).toBe(false);
  });

  it('bars a revoked winner, for good by default; with a ban of years, until it ends', () => {
    const revoked = { awards: [{ level: 'district' as const, awardedOn: '2014-12-01', revokedOn: '2016-03-01' }] };
    expect(rule('noRevocationBan', 'district', revoked)).toMatchObject({
      passed: false,
      facts: { revokedOn: '2016-03-01', bannedUntil: null, permanent: true },
    });
    // Of this level only, unless anyLevel.
    expect(rule('noRevocationBan', 'city', revoked).passed).toBe(true);
    const anyLevel: EligibilityRule[] = [{ kind: 'noRevocationBan', years: null, anyLevel: true }];
    expect(verdicts('city', revoked, anyLevel)).toEqual({ noRevocationBan: false });
    const fiveYears: EligibilityRule[] = [{ kind: 'noRevocationBan', years: 5, anyLevel: false }];
    expect(verdicts('district', revoked, fiveYears)).toEqual({ noRevocationBan: true });
    expect(verdicts('district', { ...revoked, asOf: '2021-02-28' }, fiveYears)).toEqual({ noRevocationBan: false });
  });

  it('is eligible only when every rule passes, and evaluates only the programme’s rules', () => {
    const young = { foundedOn: '2024-01-01' };
    expect(evaluateEligibility(DEFAULT_ELIGIBILITY_RULES, 'district', { ...clean, ...young }).eligible).toBe(false);
    expect(evaluateEligibility([{ kind: 'noMajorAccident', years: 3 }], 'district', { ...clean, ...young })).toMatchObject({
      eligible: true,
      results: [{ kind: 'noMajorAccident', passed: true }],
    });
  });

  it('reads rules from data with defaults, each kind once', () => {
    expect(eligibilityRules.parse([{ kind: 'yearsInOperation' }, { kind: 'noRevocationBan' }])).toEqual([
      { kind: 'yearsInOperation', minYears: 5, littleGiantMinYears: 3 },
      { kind: 'noRevocationBan', years: null, anyLevel: false },
    ]);
    const twice = eligibilityRules.safeParse([{ kind: 'winnerLockout' }, { kind: 'winnerLockout', years: 2 }]);
    expect(twice.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['1.kind', 'awards.eligibility.duplicateRule'],
    ]);
    expect(eligibilityRules.safeParse([{ kind: 'noSeriousViolation' }]).success).toBe(false);
    expect(eligibilityRules.safeParse([{ kind: 'winnerLockout', years: 2.5 }]).success).toBe(false);
  });
});
