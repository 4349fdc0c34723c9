import { makeDrawRecord, type DrawRecord } from './draw.js';
import { MIN_INSPECTORS_PER_TARGET } from './vocabulary.js';

/**
 * Inspectors are drawn per target from those with no tie to it: recusal (回避) is applied to
 * the pool before the draw, never by swapping someone out afterwards, so the published pool
 * itself shows that no tied inspector could have been drawn.
 */

export interface InspectorCandidate {
  id: string;
  status: 'active' | 'inactive';
  /** The inspector's unit: a department of the registry. */
  unitId: string | null;
  /** Enterprises the inspector has a tie to (former employer, relative, shareholding …). */
  tiedEnterpriseIds: readonly string[];
}

/** Whether the inspector must step aside for this enterprise. */
export function mustRecuse(inspector: Pick<InspectorCandidate, 'tiedEnterpriseIds'>, enterpriseId: string): boolean {
  return inspector.tiedEnterpriseIds.includes(enterpriseId);
}

/**
 * The ids an inspector draw for one target chooses among: active, from a unit taking part in
 * the plan (every unit when the plan names none), and not tied to the target.
 */
export function recusalPool(
  candidates: readonly InspectorCandidate[],
  enterpriseId: string,
  unitIds: readonly string[],
): string[] {
  return candidates
    .filter((c) => c.status === 'active')
    .filter((c) => unitIds.length === 0 || (c.unitId !== null && unitIds.includes(c.unitId)))
    .filter((c) => !mustRecuse(c, enterpriseId))
    .map((c) => c.id);
}

/**
 * The seed of the inspector draw for the target at `position` (1, 2, … in the order targets
 * were drawn): the plan's seed with the position as one more source, so every target gets its
 * own, recomputable draw from the single public seed.
 */
export function inspectorDrawSeed(seedSources: readonly (readonly number[])[], position: number): number[][] {
  return [...seedSources.map((s) => [...s]), [position]];
}

export type InspectorDrawOutcome = { ok: true; record: DrawRecord } | { ok: false; problem: 'supervision.inspectors.tooFew' };

/** Draws `count` (≥ 2) inspectors for one target from its recusal pool; a published record like any draw. */
export function drawInspectorsFor(input: {
  candidates: readonly InspectorCandidate[];
  enterpriseId: string;
  unitIds: readonly string[];
  count: number;
  seedSources: readonly (readonly number[])[];
  position: number;
  label: string;
  createdAt: string;
}): InspectorDrawOutcome {
  const pool = recusalPool(input.candidates, input.enterpriseId, input.unitIds);
  const count = Math.max(input.count, MIN_INSPECTORS_PER_TARGET);
  if (pool.length < count) return { ok: false, problem: 'supervision.inspectors.tooFew' };
  return {
    ok: true,
    record: makeDrawRecord({
      pool,
      count,
      seed: inspectorDrawSeed(input.seedSources, input.position),
      stratum: `inspectors/${input.position}`,
      label: input.label,
      createdAt: input.createdAt,
    }),
  };
}
