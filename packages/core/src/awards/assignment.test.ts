import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { conflictsOf, proposeReviewGroups, type ApplicantProfile, type ExpertProfile } from './assignment.js';

const applicant = (over: Partial<ApplicantProfile> = {}): ApplicantProfile => ({
  applicationId: 'a1',
  organizationId: 'org-1',
  organizationName: '平顶山神马尼龙新材料有限公司',
  creditCode: '91410400MA0000001X',
  industrySection: 'C',
  ...over,
});
const expert = (over: Partial<ExpertProfile> = {}): ExpertProfile => ({
  expertId: 'e1',
  affiliationOrganizationId: null,
  affiliationCreditCode: null,
  affiliationName: '平顶山学院',
  pastEmployments: [],
  declaredInterestOrganizationIds: [],
  familyTieOrganizationIds: [],
  industrySections: ['C'],
  currentLoad: 0,
  ...over,
});
const asOf = '2026-06-01';

describe('conflictsOf', () => {
  it('finds no conflict for an unrelated expert', () => {
    expect(conflictsOf(expert(), applicant(), { asOf })).toEqual([]);
  });

  it('current employer by registry id or by name (spaces and brackets ignored)', () => {
    expect(conflictsOf(expert({ affiliationOrganizationId: 'org-1' }), applicant(), { asOf }).map((c) => c.kind)).toEqual([
      'currentEmployer',
    ]);
    expect(
      conflictsOf(expert({ affiliationName: '平顶山神马尼龙新材料 有限公司' }), applicant(), { asOf }).map((c) => c.kind),
    ).toEqual(['currentEmployer']);
  });

  it('same legal entity by credit code under another record', () => {
    expect(
      conflictsOf(expert({ affiliationOrganizationId: 'org-9', affiliationCreditCode: '91410400MA0000001X' }), applicant(), {
        asOf,
      }).map((c) => c.kind),
    ).toEqual(['sameOrganization']);
  });

  it('past employer only within the conflict years; an open-ended employment still runs', () => {
    const past = (to: string | null) => expert({ pastEmployments: [{ organizationName: '平顶山神马尼龙新材料有限公司', to }] });
    expect(conflictsOf(past('2023-06-02'), applicant(), { asOf, conflictYears: 3 }).map((c) => c.kind)).toEqual(['pastEmployer']);
    // ended exactly three years ago: outside the window
    expect(conflictsOf(past('2023-06-01'), applicant(), { asOf, conflictYears: 3 })).toEqual([]);
    expect(conflictsOf(past(null), applicant(), { asOf })).toHaveLength(1);
    // by credit code even under another name
    const renamed = expert({
      pastEmployments: [{ organizationName: '神马集团', creditCode: '91410400MA0000001X', to: '2025-01-01' }],
    });
    expect(conflictsOf(renamed, applicant(), { asOf })).toHaveLength(1);
  });

  it('declared interests and family ties', () => {
    const kinds = conflictsOf(
      expert({ declaredInterestOrganizationIds: ['org-1'], familyTieOrganizationIds: ['org-1'] }),
      applicant(),
      { asOf },
    ).map((c) => c.kind);
    expect(kinds).toEqual(['declaredInterest', 'familyTie']);
  });
});

describe('proposeReviewGroups', () => {
  const pool = (n: number, over: (i: number) => Partial<ExpertProfile> = () => ({})) =>
    Array.from({ length: n }, (_, i) => expert({ expertId: `e${String(i).padStart(2, '0')}`, ...over(i) }));

  it('forms groups of the size with a leader, industry matches first', () => {
    const experts = pool(8, (i) => ({ industrySections: i < 3 ? ['E'] : ['C'] }));
    const { groups } = proposeReviewGroups([applicant()], experts, { asOf, groupSize: 5 });
    expect(groups[0]!.expertIds).toHaveLength(5);
    expect(groups[0]!.industryMatches).toBe(5);
    expect(groups[0]!.leaderExpertId).toBe(groups[0]!.expertIds[0]);
    expect(groups[0]!.short).toBe(false);
  });

  it('marks a group short when the pool cannot fill it', () => {
    const experts = pool(6, (i) => (i < 3 ? { affiliationOrganizationId: 'org-1' } : {}));
    const r = proposeReviewGroups([applicant()], experts, { asOf, groupSize: 5 });
    expect(r.groups[0]!.expertIds).toHaveLength(3);
    expect(r.groups[0]!.short).toBe(true);
    expect(r.conflictsExcluded).toBe(3);
  });

  it('serves scarce applications first', () => {
    // only e00 and e01 may review a2; a1 could take anybody
    const experts = pool(4, (i) => (i >= 2 ? { familyTieOrganizationIds: ['org-2'] } : {}));
    const apps = [applicant(), applicant({ applicationId: 'a2', organizationId: 'org-2' })];
    const { groups } = proposeReviewGroups(apps, experts, { asOf, groupSize: 2, loadCap: 1 });
    expect(groups[1]!.expertIds.sort()).toEqual(['e00', 'e01']);
    expect(groups[0]!.expertIds.sort()).toEqual(['e02', 'e03']);
  });

  it('property: never a conflicted expert, never above the load cap, no expert twice in a group', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 40 }),
        (nApps, nExperts, groupSize, loadCap, ties) => {
          const apps = Array.from({ length: nApps }, (_, i) => applicant({ applicationId: `a${i}`, organizationId: `org-${i}` }));
          const experts = pool(nExperts, (i) => ({
            familyTieOrganizationIds: ties.filter(([e]) => e % nExperts === i).map(([, a]) => `org-${a % nApps}`),
            currentLoad: i % 2,
          }));
          const r = proposeReviewGroups(apps, experts, { asOf, groupSize, loadCap });
          const byId = new Map(experts.map((e) => [e.expertId, e]));
          for (const [i, g] of r.groups.entries()) {
            expect(new Set(g.expertIds).size).toBe(g.expertIds.length);
            expect(g.expertIds.length).toBeLessThanOrEqual(groupSize);
            for (const id of g.expertIds) expect(conflictsOf(byId.get(id)!, apps[i]!, { asOf })).toEqual([]);
          }
          for (const e of experts) expect(r.loads.get(e.expertId)!).toBeLessThanOrEqual(Math.max(loadCap, e.currentLoad));
          // loads grew by exactly the seats handed out
          const seats = r.groups.reduce((n, g) => n + g.expertIds.length, 0);
          const grown = experts.reduce((n, e) => n + r.loads.get(e.expertId)! - e.currentLoad, 0);
          expect(grown).toBe(seats);
        },
      ),
      { numRuns: 200 },
    );
  });
});
