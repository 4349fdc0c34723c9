import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { regionScope } from '../../platform/db/region-scope.js';
import { budgetDocuments, budgetEntries, budgetLines } from './governance.tables.js';

export type BudgetLineRow = typeof budgetLines.$inferSelect;
export type BudgetEntryRow = typeof budgetEntries.$inferSelect;

export interface LineTotals {
  lineId: string;
  reallocatedInFen: number;
  reallocatedOutFen: number;
  committedFen: number;
  paidFen: number;
}

export async function listLines(db: Executor, scopeRegion: string, year: number): Promise<BudgetLineRow[]> {
  return db
    .select()
    .from(budgetLines)
    .where(and(regionScope(budgetLines.regionCode, scopeRegion), eq(budgetLines.year, year)))
    .orderBy(asc(budgetLines.createdAt), asc(budgetLines.code));
}

export async function findLine(db: Executor, id: string): Promise<BudgetLineRow | undefined> {
  const [row] = await db.select().from(budgetLines).where(eq(budgetLines.id, id)).limit(1);
  return row;
}

/** Locks the line: money checks and the entry that follows them happen one at a time per line. */
export async function lockLine(db: Executor, id: string): Promise<BudgetLineRow | undefined> {
  const [row] = await db.select().from(budgetLines).where(eq(budgetLines.id, id)).for('update').limit(1);
  return row;
}

export async function insertLine(db: Executor, row: typeof budgetLines.$inferInsert): Promise<void> {
  await db.insert(budgetLines).values(row);
}

/** Sums of each line's ledger: committed counts commitments less what payments and releases took from them. */
export async function lineTotals(db: Executor, lineIds: string[]): Promise<Map<string, LineTotals>> {
  if (lineIds.length === 0) return new Map();
  const sumOf = (kind: string) =>
    sql<number>`coalesce(sum(${budgetEntries.amountFen}) filter (where ${budgetEntries.kind} = ${kind}), 0)::bigint`;
  const rows = await db
    .select({
      lineId: budgetEntries.lineId,
      reallocatedInFen: sumOf('reallocation_in'),
      reallocatedOutFen: sumOf('reallocation_out'),
      commitments: sumOf('commitment'),
      releases: sumOf('release'),
      paidFen: sumOf('payment'),
      fromCommitments: sql<number>`coalesce(sum(${budgetEntries.fromCommitmentFen}) filter (where ${budgetEntries.kind} = 'payment'), 0)::bigint`,
    })
    .from(budgetEntries)
    .where(inArray(budgetEntries.lineId, lineIds))
    .groupBy(budgetEntries.lineId);
  const out = new Map<string, LineTotals>();
  for (const id of lineIds) out.set(id, { lineId: id, reallocatedInFen: 0, reallocatedOutFen: 0, committedFen: 0, paidFen: 0 });
  for (const r of rows) {
    out.set(r.lineId, {
      lineId: r.lineId,
      reallocatedInFen: Number(r.reallocatedInFen),
      reallocatedOutFen: Number(r.reallocatedOutFen),
      committedFen: Number(r.commitments) - Number(r.fromCommitments) - Number(r.releases),
      paidFen: Number(r.paidFen),
    });
  }
  return out;
}

/** What of a commitment is still unpaid and not released. */
export async function commitmentOpenFen(db: Executor, commitmentId: string): Promise<number> {
  const [row] = await db
    .select({
      open: sql<number>`(select amount_fen from ${budgetEntries} where id = ${commitmentId}) - coalesce(sum(case when ${budgetEntries.kind} = 'payment' then ${budgetEntries.fromCommitmentFen} else ${budgetEntries.amountFen} end), 0)`,
    })
    .from(budgetEntries)
    .where(and(eq(budgetEntries.commitmentId, commitmentId), inArray(budgetEntries.kind, ['payment', 'release'])));
  return Number(row?.open ?? 0);
}

export async function findEntry(db: Executor, id: string): Promise<BudgetEntryRow | undefined> {
  const [row] = await db.select().from(budgetEntries).where(eq(budgetEntries.id, id)).limit(1);
  return row;
}

export async function insertEntries(db: Executor, rows: (typeof budgetEntries.$inferInsert)[]): Promise<void> {
  await db.insert(budgetEntries).values(rows);
}

export async function listEntries(db: Executor, lineId: string): Promise<BudgetEntryRow[]> {
  return db.select().from(budgetEntries).where(eq(budgetEntries.lineId, lineId)).orderBy(desc(budgetEntries.createdAt));
}

export async function insertDocument(db: Executor, entryId: string, fileId: string): Promise<void> {
  await db.insert(budgetDocuments).values({ entryId, fileId });
}

export async function listDocuments(db: Executor, entryIds: string[]): Promise<{ entryId: string; fileId: string }[]> {
  if (entryIds.length === 0) return [];
  return db.select().from(budgetDocuments).where(inArray(budgetDocuments.entryId, entryIds));
}
