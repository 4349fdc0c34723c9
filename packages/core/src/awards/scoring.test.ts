import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BALDRIGE_CATEGORIES, GBT_19580_2012, criteriaItems } from './criteria.js';
import {
  blindedCodes,
  checkQuota,
  formatPoints,
  isScorePercentage,
  itemDivergence,
  itemScoreHundredths,
  rankApplications,
  scoreEntryIssues,
  scoreSheet,
  seededShuffle,
  severityAdvice,
  summarizePercentages,
  totalsWithAdvice,
  type ItemPercentage,
  type ReviewScore,
} from './scoring.js';

const ITEMS = criteriaItems(GBT_19580_2012);
const percentageArb = fc.integer({ min: 0, max: 20 }).map((n) => n * 5);
/** A full sheet: one percentage per GB/T 19580 item. */
const fullSheetArb = fc.array(percentageArb, { minLength: ITEMS.length, maxLength: ITEMS.length });
const entriesOf = (percentages: number[]): ItemPercentage[] =>
  ITEMS.map((item, i) => ({ itemId: item.id, percentage: percentages[i]! }));

describe('score percentages', () => {
  it('accept integers 0–100 in steps of 5 only', () => {
    for (const ok of [0, 5, 50, 95, 100]) expect(isScorePercentage(ok), String(ok)).toBe(true);
    for (const bad of [-5, 1, 2.5, 101, 105, 50.0001, NaN, Infinity, '50', null])
      expect(isScorePercentage(bad), String(bad)).toBe(false);
  });

  it('score an item exactly, in hundredths of a point', () => {
    expect(itemScoreHundredths(55, 15)).toBe(825); // 8.25 points: tenths would not be exact
    expect(itemScoreHundredths(100, 80)).toBe(8000);
    expect(itemScoreHundredths(0, 50)).toBe(0);
    expect(() => itemScoreHundredths(52, 15)).toThrow(RangeError);
    expect(() => itemScoreHundredths(50, 1.5)).toThrow(RangeError);
  });

  it('format hundredths for people', () => {
    expect(formatPoints(82500)).toBe('825');
    expect(formatPoints(825)).toBe('8.25');
    expect(formatPoints(850)).toBe('8.5');
    expect(formatPoints(5)).toBe('0.05');
    expect(formatPoints(0)).toBe('0');
    expect(formatPoints(-150)).toBe('-1.5');
  });
});

describe('score sheets', () => {
  it('scores 100 % as the full 1000 and 0 % as nothing', () => {
    expect(scoreSheet(GBT_19580_2012, entriesOf(ITEMS.map(() => 100))).totalHundredths).toBe(100_000);
    expect(scoreSheet(GBT_19580_2012, entriesOf(ITEMS.map(() => 0))).totalHundredths).toBe(0);
  });

  it('totals per category and overall', () => {
    const sheet = scoreSheet(GBT_19580_2012, [
      { itemId: '4.1.1', percentage: 50 },
      { itemId: '4.1.2', percentage: 40 },
      { itemId: '4.4.2', percentage: 55 },
      { itemId: '4.7.1', percentage: 35 },
    ]);
    const cat = Object.fromEntries(sheet.categories.map((c) => [c.categoryId, c.hundredths]));
    expect(cat['4.1']).toBe(50 * 50 + 40 * 30); // 25 + 12 = 37 points
    expect(cat['4.4']).toBe(825);
    expect(cat['4.7']).toBe(35 * 80);
    expect(cat['4.2']).toBe(0);
    expect(sheet.totalHundredths).toBe(2500 + 1200 + 825 + 2800);
    expect(formatPoints(sheet.totalHundredths)).toBe('73.25');
    expect(sheet.maxPoints).toBe(1000);
  });

  it('reports the items not scored yet, counting them as 0', () => {
    const sheet = scoreSheet(GBT_19580_2012, [{ itemId: '4.2.1', percentage: 60 }]);
    expect(sheet.complete).toBe(false);
    expect(sheet.missingItemIds).toHaveLength(22);
    expect(sheet.missingItemIds).not.toContain('4.2.1');
    expect(sheet.categories[1]!.items[1]).toMatchObject({ itemId: '4.2.2', percentage: null, hundredths: 0 });
    expect(scoreSheet(GBT_19580_2012, entriesOf(ITEMS.map(() => 30))).complete).toBe(true);
  });

  it('reports unknown, repeated and off-scale entries, and refuses to compute with them', () => {
    const entries = [
      { itemId: '4.1.1', percentage: 50 },
      { itemId: '4.8.1', percentage: 50 },
      { itemId: '4.1.1', percentage: 60 },
      { itemId: '4.2.1', percentage: 42 },
    ];
    expect(scoreEntryIssues(GBT_19580_2012, entries)).toEqual([
      { index: 1, path: 'itemId', message: 'awards.score.unknownItem' },
      { index: 2, path: 'itemId', message: 'awards.score.duplicateItem' },
      { index: 3, path: 'percentage', message: 'awards.score.percentage' },
    ]);
    expect(() => scoreSheet(GBT_19580_2012, entries)).toThrow(RangeError);
    // An item of another version is unknown here.
    expect(scoreEntryIssues(BALDRIGE_CATEGORIES, [{ itemId: '4.1.1', percentage: 50 }])).toHaveLength(1);
  });

  it('property: the total is the sum of the items and of the categories', () => {
    fc.assert(
      fc.property(fullSheetArb, (ps) => {
        const sheet = scoreSheet(GBT_19580_2012, entriesOf(ps));
        const items = sheet.categories.flatMap((c) => c.items);
        expect(sheet.totalHundredths).toBe(items.reduce((s, i) => s + i.hundredths, 0));
        expect(sheet.totalHundredths).toBe(sheet.categories.reduce((s, c) => s + c.hundredths, 0));
        expect(sheet.totalHundredths).toBe(ITEMS.reduce((s, item, i) => s + ps[i]! * item.points, 0));
        expect(Number.isInteger(sheet.totalHundredths)).toBe(true);
        expect(sheet.totalHundredths).toBeGreaterThanOrEqual(0);
        expect(sheet.totalHundredths).toBeLessThanOrEqual(100_000);
      }),
    );
  });

  it('property: raising any one percentage never lowers the total, and raises it by exactly the item share', () => {
    fc.assert(
      fc.property(fullSheetArb, fc.nat({ max: ITEMS.length - 1 }), fc.integer({ min: 1, max: 20 }), (ps, index, steps) => {
        const raised = [...ps];
        raised[index] = Math.min(100, ps[index]! + steps * 5);
        const before = scoreSheet(GBT_19580_2012, entriesOf(ps)).totalHundredths;
        const after = scoreSheet(GBT_19580_2012, entriesOf(raised)).totalHundredths;
        expect(after).toBeGreaterThanOrEqual(before);
        expect(after - before).toBe((raised[index]! - ps[index]!) * ITEMS[index]!.points);
      }),
    );
  });
});

describe('consensus helpers', () => {
  it('summarize spread, mean and median', () => {
    expect(summarizePercentages([])).toBeNull();
    expect(summarizePercentages([40])).toEqual({ count: 1, min: 40, max: 40, spread: 0, mean: 40, median: 40 });
    expect(summarizePercentages([70, 30, 50, 40, 45])).toEqual({ count: 5, min: 30, max: 70, spread: 40, mean: 47, median: 45 });
    expect(summarizePercentages([30, 60, 40, 50])?.median).toBe(45);
  });

  it('flag items whose spread exceeds the threshold (30 by default), in criteria order', () => {
    const scores = [
      { expertId: 'e1', itemId: '4.2.1', percentage: 30 },
      { expertId: 'e2', itemId: '4.2.1', percentage: 60 }, // spread 30: not flagged
      { expertId: 'e1', itemId: '4.1.1', percentage: 20 },
      { expertId: 'e2', itemId: '4.1.1', percentage: 55 }, // spread 35: flagged
      { expertId: 'e3', itemId: '4.1.1', percentage: 40 },
    ];
    const d = itemDivergence(GBT_19580_2012, scores);
    expect(d.map((x) => [x.itemId, x.spread, x.divergent])).toEqual([
      ['4.1.1', 35, true],
      ['4.2.1', 30, false],
    ]);
    expect(d[0]).toMatchObject({ count: 3, median: 40 });
    expect(itemDivergence(GBT_19580_2012, scores, 25).map((x) => x.divergent)).toEqual([true, true]);
    expect(itemDivergence(GBT_19580_2012, scores, 35).map((x) => x.divergent)).toEqual([false, false]);
  });
});

describe('reviewer-severity advice', () => {
  /** Three experts scoring the same 2 applications × 23 items; e3 is uniformly 20 points harsher. */
  function panel(): ReviewScore[] {
    const scores: ReviewScore[] = [];
    for (const applicationId of ['app1', 'app2']) {
      ITEMS.forEach((item, i) => {
        const base = 30 + ((i * 7 + (applicationId === 'app1' ? 0 : 3)) % 9) * 5; // 30–70
        scores.push({ expertId: 'e1', applicationId, itemId: item.id, percentage: base });
        scores.push({ expertId: 'e2', applicationId, itemId: item.id, percentage: Math.min(100, base + 5) });
        scores.push({ expertId: 'e3', applicationId, itemId: item.id, percentage: base - 20 });
      });
    }
    return scores;
  }

  it('maps a uniformly harsh expert’s scores up, and a lenient one’s down', () => {
    const result = severityAdvice(panel());
    const harsh = result.scores.filter((s) => s.expertId === 'e3');
    expect(harsh.every((s) => s.advice !== null && s.advice > s.raw)).toBe(true);
    const lenient = result.scores.filter((s) => s.expertId === 'e2');
    expect(lenient.every((s) => s.advice !== null && s.advice < s.raw)).toBe(true);
    // After advice the harsh expert's mean is the pooled mean.
    const meanAdvice = harsh.reduce((s, x) => s + x.advice!, 0) / harsh.length;
    expect(meanAdvice).toBeCloseTo(result.pooled.mean, 0);
  });

  it('never changes the raw scores or the input', () => {
    const input = panel();
    const frozen = structuredClone(input);
    Object.freeze(input);
    input.forEach((s) => Object.freeze(s));
    const result = severityAdvice(input);
    expect(input).toEqual(frozen);
    expect(result.scores.map((s) => [s.expertId, s.applicationId, s.itemId, s.raw])).toEqual(
      frozen.map((s) => [s.expertId, s.applicationId, s.itemId, s.percentage]),
    );
  });

  it('advises only for experts with enough scores and some spread', () => {
    const scores: ReviewScore[] = [
      ...panel().filter((s) => s.expertId === 'e1'),
      // e4: 9 scores, below the default 10
      ...ITEMS.slice(0, 9).map((item, i) => ({ expertId: 'e4', applicationId: 'app1', itemId: item.id, percentage: 20 + i * 5 })),
      // e5: 12 scores, all the same
      ...ITEMS.slice(0, 12).map((item) => ({ expertId: 'e5', applicationId: 'app1', itemId: item.id, percentage: 50 })),
    ];
    const result = severityAdvice(scores);
    const byExpert = Object.fromEntries(result.experts.map((e) => [e.expertId, [e.adjusted, e.skippedBecause]]));
    expect(byExpert).toEqual({
      e1: [true, null],
      e4: [false, 'awards.normalisation.tooFewScores'],
      e5: [false, 'awards.normalisation.noSpread'],
    });
    expect(result.scores.filter((s) => s.expertId !== 'e1').every((s) => s.advice === null)).toBe(true);
    expect(result.scores.filter((s) => s.expertId === 'e1').every((s) => s.advice !== null)).toBe(true);
    // The threshold is a parameter.
    expect(severityAdvice(scores, { minScores: 9 }).experts.find((e) => e.expertId === 'e4')?.adjusted).toBe(true);
  });

  it('keeps advice on the 0–100 scale and handles no scores', () => {
    const result = severityAdvice(panel());
    expect(result.scores.every((s) => s.advice! >= 0 && s.advice! <= 100)).toBe(true);
    expect(severityAdvice([])).toEqual({ pooled: { count: 0, mean: 0, sd: 0 }, experts: [], scores: [] });
  });

  it('totals raw scores and advice per expert and application', () => {
    const advice = severityAdvice(panel());
    const totals = totalsWithAdvice(GBT_19580_2012, advice);
    expect(totals).toHaveLength(6);
    const e3app1 = totals.find((t) => t.expertId === 'e3' && t.applicationId === 'app1')!;
    const raw = panel().filter((s) => s.expertId === 'e3' && s.applicationId === 'app1');
    expect(e3app1.rawHundredths).toBe(raw.reduce((s, x) => s + x.percentage * ITEMS.find((i) => i.id === x.itemId)!.points, 0));
    expect(e3app1.advicePoints! * 100).toBeGreaterThan(e3app1.rawHundredths);
  });
});

describe('blinded ranking', () => {
  const entries = [
    { applicationId: 'a-aaa', totalHundredths: 61_250 },
    { applicationId: 'b-bbb', totalHundredths: 70_000 },
    { applicationId: 'c-ccc', totalHundredths: 55_000 },
    { applicationId: 'd-ddd', totalHundredths: 61_250 },
  ];

  it('orders by consensus total, equal totals sharing a rank', () => {
    const rows = rankApplications(entries, { seed: 'secret-1', unblinded: true });
    expect(rows.map((r) => [r.rank, r.applicationId])).toEqual([
      [1, 'b-bbb'],
      [2, expect.any(String)],
      [2, expect.any(String)],
      [4, 'c-ccc'],
    ]);
    expect(new Set([rows[1]!.applicationId, rows[2]!.applicationId])).toEqual(new Set(['a-aaa', 'd-ddd']));
    expect(rows[1]!.code < rows[2]!.code).toBe(true);
  });

  it('carries no application id until unblinded', () => {
    const rows = rankApplications(entries, { seed: 'secret-1' });
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['code', 'rank', 'totalHundredths']);
    const unblinded = rankApplications(entries, { seed: 'secret-1', unblinded: true });
    expect(unblinded.map((r) => r.code)).toEqual(rows.map((r) => r.code));
  });

  it('deals codes A01… by the seed, the same for the same seed whatever the input order', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `app-${String(i).padStart(2, '0')}`);
    const codes = blindedCodes(ids, 'seed-x');
    expect([...codes.values()].sort()).toEqual(ids.map((_, i) => `A${String(i + 1).padStart(2, '0')}`));
    expect(blindedCodes([...ids].reverse(), 'seed-x')).toEqual(codes);
    const other = blindedCodes(ids, 'seed-y');
    expect([...ids].map((id) => other.get(id))).not.toEqual([...ids].map((id) => codes.get(id)));
    expect(
      blindedCodes(
        Array.from({ length: 120 }, (_, i) => `x${i}`),
        's',
      ).get('x0'),
    ).toMatch(/^A\d{3}$/);
  });

  it('does not follow the sorted ids (the shuffle is a real permutation across seeds)', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `id${i}`);
    let identity = 0;
    for (let s = 0; s < 200; s++) {
      const codes = blindedCodes(ids, `seed-${s}`);
      if (ids.every((id, i) => codes.get(id) === `A${String(i + 1).padStart(2, '0')}`)) identity++;
    }
    expect(identity).toBeLessThan(2);
    // Across seeds, the first id gets every code.
    const firstCodes = new Set(Array.from({ length: 200 }, (_, s) => blindedCodes(ids, `seed-${s}`).get('id0')));
    expect(firstCodes.size).toBe(10);
  });

  it('shuffles to a permutation', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string()), fc.string(), (items, seed) => {
        const out = seededShuffle(items, seed);
        expect([...out].sort()).toEqual([...items].sort());
        expect(seededShuffle(items, seed)).toEqual(out);
      }),
    );
  });

  it('refuses an application listed twice', () => {
    expect(() => rankApplications([...entries, entries[0]!], { seed: 's' })).toThrow(RangeError);
  });
});

describe('quota', () => {
  it('refuses more winners or nominations than the programme allows', () => {
    const quota = { winners: 8, nominations: 8 };
    expect(checkQuota({ winners: 8, nominations: 0 }, quota)).toBeNull();
    expect(checkQuota({ winners: 9, nominations: 0 }, quota)).toBe('awards.quota.winners');
    expect(checkQuota({ winners: 3, nominations: 9 }, quota)).toBe('awards.quota.nominations');
    expect(checkQuota({ winners: 0, nominations: 1 }, { winners: 8, nominations: 0 })).toBe('awards.quota.nominations');
  });
});
