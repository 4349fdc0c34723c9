import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyDrawRecord } from './draw.js';
import { drawInspectorsFor, inspectorDrawSeed, mustRecuse, recusalPool, type InspectorCandidate } from './recusal.js';

const ENTERPRISES = ['e1', 'e2', 'e3', 'e4'];
const candidateArb = fc.uniqueArray(
  fc.record({
    id: fc.uuid(),
    status: fc.constantFrom('active' as const, 'active' as const, 'inactive' as const),
    unitId: fc.constantFrom('u1', 'u2', null),
    tiedEnterpriseIds: fc.subarray(ENTERPRISES),
  }),
  { minLength: 0, maxLength: 30, selector: (c) => c.id },
);

describe('recusal before the inspector draw', () => {
  it('a tied inspector is never in the pool, so never drawn', () => {
    fc.assert(
      fc.property(candidateArb, fc.constantFrom(...ENTERPRISES), fc.nat({ max: 500 }), (candidates, enterpriseId, position) => {
        const pool = recusalPool(candidates, enterpriseId, []);
        for (const id of pool)
          expect(
            mustRecuse(
              candidates.find((c) => c.id === id)!,
              enterpriseId,
            ),
          ).toBe(false);
        const outcome = drawInspectorsFor({
          candidates,
          enterpriseId,
          unitIds: [],
          count: 2,
          seedSources: [[7, 14, 21]],
          position: position + 1,
          label: 'x',
          createdAt: '2026-03-02T10:00:00+08:00',
        });
        if (pool.length < 2) {
          expect(outcome).toEqual({ ok: false, problem: 'supervision.inspectors.tooFew' });
        } else {
          expect(outcome.ok).toBe(true);
          if (!outcome.ok) return;
          expect(outcome.record.result).toHaveLength(2);
          for (const id of outcome.record.result) {
            expect(candidates.find((c) => c.id === id)!.tiedEnterpriseIds).not.toContain(enterpriseId);
          }
          expect(verifyDrawRecord(outcome.record).ok).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('draws only active inspectors of the units taking part, and never fewer than two', () => {
    const c = (id: string, unitId: string, status: InspectorCandidate['status'] = 'active'): InspectorCandidate => ({
      id,
      status,
      unitId,
      tiedEnterpriseIds: id === 'a' ? ['e1'] : [],
    });
    const candidates = [c('a', 'u1'), c('b', 'u1'), c('c', 'u2'), c('d', 'u1', 'inactive'), c('e', 'u3')];
    expect(recusalPool(candidates, 'e1', ['u1', 'u2'])).toEqual(['b', 'c']);
    expect(recusalPool(candidates, 'e2', ['u1'])).toEqual(['a', 'b']);
    const one = drawInspectorsFor({
      candidates,
      enterpriseId: 'e2',
      unitIds: ['u1'],
      count: 1,
      seedSources: [[1]],
      position: 1,
      label: 'x',
      createdAt: '2026-03-02T10:00:00+08:00',
    });
    expect(one.ok && one.record.result.length).toBe(2);
  });

  it('gives each target its own seed from the plan seed and its position', () => {
    expect(inspectorDrawSeed([[9319], [2, 5]], 3)).toEqual([[9319], [2, 5], [3]]);
  });
});
