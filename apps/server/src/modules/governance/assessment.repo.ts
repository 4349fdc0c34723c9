import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { assessmentAppeals, assessmentResults, assessmentSchemes, assessmentValues } from './governance.tables.js';

export type SchemeRow = typeof assessmentSchemes.$inferSelect;
export type ResultRow = typeof assessmentResults.$inferSelect;
export type AppealRow = typeof assessmentAppeals.$inferSelect;
export type ValueRow = typeof assessmentValues.$inferSelect;

export async function findScheme(db: Executor, regionCode: string, year: number): Promise<SchemeRow | undefined> {
  const [row] = await db
    .select()
    .from(assessmentSchemes)
    .where(and(eq(assessmentSchemes.regionCode, regionCode), eq(assessmentSchemes.year, year)))
    .limit(1);
  return row;
}

export async function lockScheme(db: Executor, id: string): Promise<SchemeRow | undefined> {
  const [row] = await db.select().from(assessmentSchemes).where(eq(assessmentSchemes.id, id)).for('update').limit(1);
  return row;
}

export async function listSchemes(db: Executor, regionCode: string): Promise<SchemeRow[]> {
  return db
    .select()
    .from(assessmentSchemes)
    .where(eq(assessmentSchemes.regionCode, regionCode))
    .orderBy(asc(assessmentSchemes.year));
}

export async function insertScheme(db: Executor, row: typeof assessmentSchemes.$inferInsert): Promise<void> {
  await db.insert(assessmentSchemes).values(row);
}

export async function updateScheme(
  db: Executor,
  id: string,
  patch: Partial<typeof assessmentSchemes.$inferInsert>,
): Promise<void> {
  await db.update(assessmentSchemes).set(patch).where(eq(assessmentSchemes.id, id));
}

export async function listValues(db: Executor, schemeId: string): Promise<ValueRow[]> {
  return db.select().from(assessmentValues).where(eq(assessmentValues.schemeId, schemeId));
}

export async function upsertValue(db: Executor, row: ValueRow): Promise<void> {
  await db
    .insert(assessmentValues)
    .values(row)
    .onConflictDoUpdate({
      target: [assessmentValues.schemeId, assessmentValues.indicatorCode, assessmentValues.departmentId],
      set: {
        numerator: row.numerator,
        denominator: row.denominator,
        evidence: row.evidence,
        enteredBy: row.enteredBy,
        enteredAt: row.enteredAt,
      },
    });
}

export async function listResults(db: Executor, schemeId: string): Promise<ResultRow[]> {
  return db
    .select()
    .from(assessmentResults)
    .where(eq(assessmentResults.schemeId, schemeId))
    .orderBy(asc(assessmentResults.departmentId));
}

/** Replaces the scheme's results with a new computation (never called once locked). */
export async function replaceResults(db: Executor, schemeId: string, rows: ResultRow[]): Promise<void> {
  await db.delete(assessmentResults).where(eq(assessmentResults.schemeId, schemeId));
  for (let i = 0; i < rows.length; i += 500) await db.insert(assessmentResults).values(rows.slice(i, i + 500));
}

export async function listAppeals(db: Executor, schemeId: string): Promise<AppealRow[]> {
  return db
    .select()
    .from(assessmentAppeals)
    .where(eq(assessmentAppeals.schemeId, schemeId))
    .orderBy(asc(assessmentAppeals.filedAt));
}

export async function findAppeal(db: Executor, id: string): Promise<AppealRow | undefined> {
  const [row] = await db.select().from(assessmentAppeals).where(eq(assessmentAppeals.id, id)).for('update').limit(1);
  return row;
}

export async function insertAppeal(db: Executor, row: typeof assessmentAppeals.$inferInsert): Promise<void> {
  await db.insert(assessmentAppeals).values(row);
}

export async function updateAppeal(
  db: Executor,
  id: string,
  patch: Partial<typeof assessmentAppeals.$inferInsert>,
): Promise<void> {
  await db.update(assessmentAppeals).set(patch).where(eq(assessmentAppeals.id, id));
}
