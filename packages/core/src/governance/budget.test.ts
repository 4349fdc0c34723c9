import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commit, formatYuan, pay, reallocate, release, remainingFen, type LineBalance } from './budget.js';

const line = (allocatedFen: number): LineBalance => ({ allocatedFen, committedFen: 0, paidFen: 0 });

describe('budget arithmetic in fen', () => {
  it('commits, pays against the commitment and refuses beyond the line', () => {
    const award = line(30_000_000); // ¥300,000
    const c = commit(award, 10_000_000);
    expect(c.ok).toBe(true);
    const afterCommit = (c as { ok: true; value: LineBalance }).value;
    expect(remainingFen(afterCommit)).toBe(20_000_000);
    const p = pay(afterCommit, 10_000_000, 10_000_000);
    expect(p).toEqual({
      ok: true,
      value: { balance: { allocatedFen: 30_000_000, committedFen: 0, paidFen: 10_000_000 }, fromCommitmentFen: 10_000_000 },
    });
    expect(pay(afterCommit, 20_000_001)).toEqual({ ok: false, reason: 'governance.budget.overBudget' });
    expect(pay(afterCommit, 20_000_000).ok).toBe(true);
    expect(commit(afterCommit, 0)).toEqual({ ok: false, reason: 'governance.budget.amountInvalid' });
    expect(commit(afterCommit, 1.5)).toEqual({ ok: false, reason: 'governance.budget.amountInvalid' });
  });

  it('makes room only by a recorded reallocation', () => {
    const funds = line(10_000_000);
    const spot = { allocatedFen: 5_000_000, committedFen: 0, paidFen: 5_000_000 };
    expect(pay(spot, 100).ok).toBe(false);
    const r = reallocate(funds, spot, 1_000_000);
    expect(r.ok).toBe(true);
    const moved = (r as { ok: true; value: { from: LineBalance; to: LineBalance } }).value;
    expect(pay(moved.to, 1_000_000).ok).toBe(true);
    expect(reallocate(funds, funds, 1, true)).toEqual({ ok: false, reason: 'governance.budget.sameLine' });
  });

  it('formats yuan without floating point', () => {
    expect(formatYuan(30_000_000)).toBe('¥300,000.00');
    expect(formatYuan(12_345)).toBe('¥123.45');
  });

  type Op =
    | { kind: 'commit'; line: number; amount: number }
    | { kind: 'pay'; line: number; amount: number; commitment: number | null }
    | { kind: 'release'; commitment: number }
    | { kind: 'reallocate'; from: number; to: number; amount: number };
  const amount = fc.integer({ min: 1, max: 5_000_000 });
  const lineIdx = fc.integer({ min: 0, max: 3 });
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('commit' as const), line: lineIdx, amount }),
    fc.record({ kind: fc.constant('pay' as const), line: lineIdx, amount, commitment: fc.option(fc.nat(30), { nil: null }) }),
    fc.record({ kind: fc.constant('release' as const), commitment: fc.nat(30) }),
    fc.record({ kind: fc.constant('reallocate' as const), from: lineIdx, to: lineIdx, amount }),
  );

  it('keeps budget = committed + paid + remaining over random sequences, and never lets a line go over (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30_000_000 }), { minLength: 4, maxLength: 4 }),
        fc.array(op, { maxLength: 80 }),
        (budgets, ops) => {
          const lines: LineBalance[] = budgets.map(line);
          const commitments: { line: number; open: number }[] = [];
          let paidTotal = 0;
          const total = budgets.reduce((s, b) => s + b, 0);
          for (const o of ops) {
            if (o.kind === 'commit') {
              const r = commit(lines[o.line]!, o.amount);
              expect(r.ok).toBe(o.amount <= remainingFen(lines[o.line]!));
              if (r.ok) {
                lines[o.line] = r.value;
                commitments.push({ line: o.line, open: o.amount });
              }
            } else if (o.kind === 'pay') {
              const c = o.commitment !== null ? commitments[o.commitment] : undefined;
              const sameLine = c && c.line === o.line ? c : undefined;
              const before = lines[o.line]!;
              const r = pay(before, o.amount, sameLine?.open ?? null);
              const room = remainingFen(before) + (sameLine?.open ?? 0);
              expect(r.ok).toBe(o.amount <= room);
              if (r.ok) {
                lines[o.line] = r.value.balance;
                if (sameLine) sameLine.open -= r.value.fromCommitmentFen;
                paidTotal += o.amount;
              }
            } else if (o.kind === 'release') {
              const c = commitments[o.commitment];
              if (c && c.open > 0) {
                lines[c.line] = release(lines[c.line]!, c.open);
                c.open = 0;
              }
            } else {
              const r = reallocate(lines[o.from]!, lines[o.to]!, o.amount, o.from === o.to);
              if (r.ok) {
                lines[o.from] = r.value.from;
                lines[o.to] = r.value.to;
              }
            }
            for (const [i, l] of lines.entries()) {
              expect(remainingFen(l)).toBeGreaterThanOrEqual(0);
              expect(l.allocatedFen).toBe(l.committedFen + l.paidFen + remainingFen(l));
              expect(l.committedFen).toBe(commitments.filter((c) => c.line === i).reduce((s, c) => s + c.open, 0));
            }
          }
          // reallocations move money between lines but never create it
          expect(lines.reduce((s, l) => s + l.allocatedFen, 0)).toBe(total);
          expect(lines.reduce((s, l) => s + l.paidFen, 0)).toBe(paidTotal);
        },
      ),
    );
  });
});
