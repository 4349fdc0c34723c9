import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawFromPool, poolCommitment, verifyDrawRecord } from './draw.js';
import { sha256Hex } from '../shared/digest.js';
import {
  commitStrata,
  commitStratifiedPool,
  drawCommittedStratum,
  drawStrata,
  planCommitmentHash,
  stratumDrawCount,
  type Allocation,
  type PoolEntry,
} from './stratified-draw.js';
import { DEFAULT_RISK_RATIOS_BP, RISK_CLASSES, type RiskClass } from './vocabulary.js';

const RATIO: Allocation = { mode: 'ratio', ratioBp: { ...DEFAULT_RISK_RATIOS_BP } };
const entry = (i: number, riskClass: RiskClass, industrySection = 'C'): PoolEntry => ({
  id: `91410400MA${String(i).padStart(8, '0')}`,
  riskClass,
  industrySection,
});
const entryArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 99_999 }), { minLength: 1, maxLength: 200 })
  .chain((ids) =>
    fc.tuple(
      fc.constant(ids),
      fc.array(fc.tuple(fc.constantFrom(...RISK_CLASSES), fc.constantFrom('C', 'F', 'I')), {
        minLength: ids.length,
        maxLength: ids.length,
      }),
    ),
  )
  .map(([ids, strata]) => ids.map((id, i) => entry(id, strata[i]![0], strata[i]![1])));

function chiSquare(observed: number[]): number {
  const expected = observed.reduce((a, b) => a + b, 0) / observed.length;
  return observed.reduce((sum, o) => sum + (o - expected) ** 2 / expected, 0);
}

describe('stratified draw', () => {
  it('rounds a ratio up per stratum and caps a count at the stratum size', () => {
    expect(stratumDrawCount(RATIO, 'high', 10)).toBe(3);
    expect(stratumDrawCount(RATIO, 'low', 10)).toBe(1); // 1 % of 10 rounds up to one firm
    expect(stratumDrawCount(RATIO, 'low', 0)).toBe(0);
    expect(stratumDrawCount({ mode: 'ratio', ratioBp: { ...DEFAULT_RISK_RATIOS_BP, medium: 0 } }, 'medium', 50)).toBe(0);
    const count: Allocation = { mode: 'count', count: { high: 5, mediumHigh: 2, medium: 1, low: 0 } };
    expect(stratumDrawCount(count, 'high', 3)).toBe(3);
    expect(stratumDrawCount(count, 'mediumHigh', 30)).toBe(2);
  });

  it('splits by risk class × industry, each stratum committed in canonical order', () => {
    const entries = [entry(3, 'high', 'C'), entry(1, 'high', 'C'), entry(2, 'low', 'F'), entry(4, 'high', 'A')];
    const c = commitStratifiedPool(entries, RATIO);
    expect(c.strata.map((s) => s.key)).toEqual(['high/A', 'high/C', 'low/F']);
    expect(c.strata[1]!.pool).toEqual([entry(1, 'high').id, entry(3, 'high').id]);
    expect(c.strata[1]!.poolHash).toBe(poolCommitment([entry(3, 'high').id, entry(1, 'high').id]).hash);
    expect(c.poolSize).toBe(4);
    expect(c.poolHash).toBe(planCommitmentHash(c.strata));
  });

  it('is independent of the order the directory is read in', () => {
    fc.assert(
      fc.property(entryArb, fc.infiniteStream(fc.nat()), (entries, r) => {
        const shuffled = [...entries].sort(() => (r.next().value % 3) - 1);
        expect(commitStratifiedPool(shuffled, RATIO).poolHash).toBe(commitStratifiedPool(entries, RATIO).poolHash);
      }),
      { numRuns: 100 },
    );
  });

  it('a different pool gives a different commitment: a firm added, removed or moved to another class', () => {
    fc.assert(
      fc.property(entryArb, fc.nat(), (entries, at) => {
        const { poolHash } = commitStratifiedPool(entries, RATIO);
        const i = at % entries.length;
        expect(commitStratifiedPool([...entries, entry(100_000 + at, 'high')], RATIO).poolHash).not.toBe(poolHash);
        if (entries.length > 1)
          expect(
            commitStratifiedPool(
              entries.filter((_, j) => j !== i),
              RATIO,
            ).poolHash,
          ).not.toBe(poolHash);
        const moved = entries.map((e, j) =>
          j === i ? { ...e, riskClass: e.riskClass === 'high' ? ('low' as const) : ('high' as const) } : e,
        );
        expect(commitStratifiedPool(moved, RATIO).poolHash).not.toBe(poolHash);
      }),
      { numRuns: 200 },
    );
  });

  it('commits the same from strata grouped elsewhere, with any SHA-256 implementation giving the same digest', () => {
    fc.assert(
      fc.property(entryArb, (entries) => {
        const direct = commitStratifiedPool(entries, RATIO);
        const groups = direct.strata.map((s) => ({
          riskClass: s.riskClass,
          industrySection: s.industrySection,
          ids: [...s.pool].reverse(),
        }));
        expect(commitStrata(groups, RATIO, (text) => sha256Hex(text)).poolHash).toBe(direct.poolHash);
        for (const s of direct.strata)
          expect(drawCommittedStratum(s.pool, s.count, [[4, 2]])).toEqual(drawFromPool(s.pool, s.count, [[4, 2]]));
      }),
      { numRuns: 100 },
    );
  });

  it('refuses a firm listed twice, even in two strata', () => {
    expect(() => commitStratifiedPool([entry(1, 'high'), entry(1, 'low')], RATIO)).toThrow(
      expect.objectContaining({ messageKey: 'draw.poolDuplicate' }),
    );
  });

  it('publishes one record per stratum that verifies on its own, drawing within the stratum', () => {
    fc.assert(
      fc.property(entryArb, fc.array(fc.nat({ max: 99 }), { minLength: 1, maxLength: 6 }), (entries, seed) => {
        const c = commitStratifiedPool(entries, RATIO);
        const records = drawStrata(c.strata, [seed], { label: 'test', createdAt: '2026-03-02T10:00:00+08:00' });
        expect(records.length).toBe(c.strata.filter((s) => s.count > 0).length);
        for (const r of records) {
          const stratum = c.strata.find((s) => s.key === r.stratum)!;
          expect(r.poolHash).toBe(stratum.poolHash);
          expect(r.result.length).toBe(stratum.count);
          expect(r.result.every((id) => stratum.pool.includes(id))).toBe(true);
          expect(verifyDrawRecord(r).ok).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('is uniform within a stratum: χ² of the first pick over 8,000 seeds stays under the 99.9 % value', () => {
    const entries = Array.from({ length: 10 }, (_, i) => entry(i, 'high'));
    const c = commitStratifiedPool(entries, { mode: 'count', count: { high: 1, mediumHigh: 0, medium: 0, low: 0 } });
    const counts = new Array<number>(10).fill(0);
    for (let s = 0; s < 8_000; s++) {
      const [record] = drawStrata(c.strata, [[s], [2026, 3]], { label: 'x', createdAt: '2026-03-02T10:00:00+08:00' });
      counts[c.strata[0]!.pool.indexOf(record!.result[0]!)]! += 1;
    }
    expect(chiSquare(counts)).toBeLessThan(27.88); // 9 degrees of freedom
  });
});
