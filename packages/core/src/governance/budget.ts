import type { MessageKey } from '../shared/messages.js';

/**
 * Quality budget arithmetic, in integer fen (分) only. A line's allocation is its budgeted amount
 * plus reallocations in, less reallocations out. Money on a line is in exactly one of three
 * places: committed (promised, e.g. an award's prize money decided but not yet paid), paid, or
 * remaining — so allocation = committed + paid + remaining holds after every accepted event, and
 * an event that would make remaining negative is refused.
 */

export const MAX_FEN = 1_000_000_000_000; // ¥10 billion: far above any district line, safe for integer sums

export interface LineBalance {
  /** Budgeted plus reallocations in, less reallocations out. */
  allocatedFen: number;
  /** Commitments not yet paid. */
  committedFen: number;
  paidFen: number;
}

export function remainingFen(b: LineBalance): number {
  return b.allocatedFen - b.committedFen - b.paidFen;
}

export type BudgetResult<T> = { ok: true; value: T } | { ok: false; reason: MessageKey };

function checkAmount(amountFen: number): MessageKey | null {
  return Number.isSafeInteger(amountFen) && amountFen > 0 && amountFen <= MAX_FEN ? null : 'governance.budget.amountInvalid';
}

/** A new commitment takes money from what remains. */
export function commit(b: LineBalance, amountFen: number): BudgetResult<LineBalance> {
  const bad = checkAmount(amountFen);
  if (bad) return { ok: false, reason: bad };
  if (amountFen > remainingFen(b)) return { ok: false, reason: 'governance.budget.overBudget' };
  return { ok: true, value: { ...b, committedFen: b.committedFen + amountFen } };
}

/**
 * A payment. Against a commitment (its unpaid amount given), it first uses what that commitment
 * holds, and the rest — if the payment is larger — from what remains; without one, it all comes
 * from what remains. Beyond that it is refused: only a recorded reallocation makes room.
 */
export function pay(
  b: LineBalance,
  amountFen: number,
  commitmentOpenFen: number | null = null,
): BudgetResult<{ balance: LineBalance; fromCommitmentFen: number }> {
  const bad = checkAmount(amountFen);
  if (bad) return { ok: false, reason: bad };
  const fromCommitment = Math.min(amountFen, commitmentOpenFen ?? 0);
  const fromRemaining = amountFen - fromCommitment;
  if (fromRemaining > remainingFen(b)) return { ok: false, reason: 'governance.budget.overBudget' };
  return {
    ok: true,
    value: {
      balance: { ...b, committedFen: b.committedFen - fromCommitment, paidFen: b.paidFen + amountFen },
      fromCommitmentFen: fromCommitment,
    },
  };
}

/** A commitment given up (the rest of it returns to what remains). */
export function release(b: LineBalance, commitmentOpenFen: number): LineBalance {
  return { ...b, committedFen: b.committedFen - commitmentOpenFen };
}

/** Moves room from one line to another: only what remains on the source can move. */
export function reallocate(
  from: LineBalance,
  to: LineBalance,
  amountFen: number,
  sameLine = false,
): BudgetResult<{ from: LineBalance; to: LineBalance }> {
  const bad = checkAmount(amountFen);
  if (bad) return { ok: false, reason: bad };
  if (sameLine) return { ok: false, reason: 'governance.budget.sameLine' };
  if (amountFen > remainingFen(from)) return { ok: false, reason: 'governance.budget.overBudget' };
  return {
    ok: true,
    value: {
      from: { ...from, allocatedFen: from.allocatedFen - amountFen },
      to: { ...to, allocatedFen: to.allocatedFen + amountFen },
    },
  };
}

/** ¥ with two decimals from fen, for reports (no floating point on the way). */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}
