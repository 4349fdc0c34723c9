import { sha256Hex } from '../shared/digest.js';
import {
  DrawInputError,
  MAX_DRAW_COUNT,
  compareCodePoints,
  drawKey,
  makeDrawRecord,
  poolCommitment,
  rfc3797Draw,
  type DrawRecord,
  type Sha256Hex,
} from './draw.js';
import { RISK_CLASSES, type RiskClass } from './vocabulary.js';

/**
 * A stratified draw (双随机 by credit-risk class × industry): the eligible pool is split into
 * strata, each stratum is committed and drawn on its own with the same seed, and each stratum
 * publishes its own record, so `qd draw verify` checks every stratum with nothing but core.
 */

export interface PoolEntry {
  /** The id published in the pool: the enterprise's unified social credit code. */
  id: string;
  riskClass: RiskClass;
  industrySection: string;
}

/** How many to draw per stratum: a ratio of each risk class, or a count per stratum. */
export type Allocation =
  { mode: 'ratio'; ratioBp: Record<RiskClass, number> } | { mode: 'count'; count: Record<RiskClass, number> };

export interface StratumCommitment {
  /** `high/C`: risk class and industry section. */
  key: string;
  riskClass: RiskClass;
  industrySection: string;
  /** The stratum's ids in canonical order. */
  pool: string[];
  poolHash: string;
  /** How many the draw will take from this stratum (0 is allowed: committed, nothing drawn). */
  count: number;
}

export interface PoolCommitment {
  strata: StratumCommitment[];
  /** SHA-256 of the lines `key poolHash count`, one per stratum in key order: the plan's single commitment. */
  poolHash: string;
  poolSize: number;
}

export function stratumKey(riskClass: RiskClass, industrySection: string): string {
  return `${riskClass}/${industrySection}`;
}

/**
 * How many to draw from a stratum of `size`: a ratio rounds up (a class with a ratio above 0 is
 * never skipped entirely), a count is capped at the stratum's size; never above what one RFC
 * 3797 draw may pick.
 */
export function stratumDrawCount(allocation: Allocation, riskClass: RiskClass, size: number): number {
  const wanted =
    allocation.mode === 'ratio' ? Math.ceil((size * allocation.ratioBp[riskClass]) / 10_000) : allocation.count[riskClass];
  return Math.min(size, wanted, MAX_DRAW_COUNT);
}

const riskOrder = (r: RiskClass) => RISK_CLASSES.indexOf(r);

/** One stratum's ids as read from the directory (any order), before commitment. */
export interface StratumGroup {
  riskClass: RiskClass;
  industrySection: string;
  ids: readonly string[];
}

/**
 * Splits the pool into strata and commits each (ids in canonical order and their SHA-256), then
 * the plan as a whole. Throws DrawInputError on repeated or unusable ids, as poolCommitment does.
 */
export function commitStratifiedPool(entries: readonly PoolEntry[], allocation: Allocation, sha256?: Sha256Hex): PoolCommitment {
  const groups = new Map<string, { riskClass: RiskClass; industrySection: string; ids: string[] }>();
  for (const e of entries) {
    const key = stratumKey(e.riskClass, e.industrySection);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { riskClass: e.riskClass, industrySection: e.industrySection, ids: [] }));
    group.ids.push(e.id);
  }
  return commitStrata([...groups.values()], allocation, sha256);
}

/** The same commitment from strata already grouped (e.g. by the database), in any order. */
export function commitStrata(groups: readonly StratumGroup[], allocation: Allocation, sha256?: Sha256Hex): PoolCommitment {
  const all = new Set<string>();
  const strata = [...groups]
    .sort((a, b) => riskOrder(a.riskClass) - riskOrder(b.riskClass) || compareCodePoints(a.industrySection, b.industrySection))
    .map((g): StratumCommitment => {
      const key = stratumKey(g.riskClass, g.industrySection);
      const { sortedIds, hash } = poolCommitment(g.ids, sha256);
      for (const id of sortedIds) {
        // An id in two strata would be drawn twice: the directory gives each firm one class and industry.
        if (all.has(id)) throw new DrawInputError('draw.poolDuplicate');
        all.add(id);
      }
      return {
        key,
        riskClass: g.riskClass,
        industrySection: g.industrySection,
        pool: sortedIds,
        poolHash: hash,
        count: stratumDrawCount(allocation, g.riskClass, sortedIds.length),
      };
    });
  if (new Set(strata.map((s) => s.key)).size !== strata.length) throw new DrawInputError('draw.poolDuplicate');
  return { strata, poolHash: planCommitmentHash(strata), poolSize: all.size };
}

/**
 * Draws one committed stratum: its pool is already in canonical order, so the positions the RFC
 * 3797 selection gives index it directly (what `drawFromPool` gives for the same pool and seed).
 */
export function drawCommittedStratum(
  pool: readonly string[],
  count: number,
  seedSources: readonly (readonly number[])[],
): string[] {
  return rfc3797Draw(pool.length, count, drawKey(seedSources)).map((i) => pool[i]!);
}

/** The plan's commitment over its strata, recomputable from the published stratum records. */
export function planCommitmentHash(strata: readonly Pick<StratumCommitment, 'key' | 'poolHash' | 'count'>[]): string {
  return sha256Hex(strata.map((s) => `${s.key} ${s.poolHash} ${s.count}`).join('\n'));
}

/** Draws every stratum that has something to draw with the one seed; one published record each. */
export function drawStrata(
  strata: readonly StratumCommitment[],
  seedSources: readonly (readonly number[])[],
  meta: { label: string; createdAt: string },
): DrawRecord[] {
  return strata
    .filter((s) => s.count > 0)
    .map((s) =>
      makeDrawRecord({
        pool: s.pool,
        count: s.count,
        seed: seedSources,
        stratum: s.key,
        label: meta.label,
        createdAt: meta.createdAt,
      }),
    );
}
