import { asc, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { supervisionCorrections } from './supervision.tables.js';

export type CorrectionRow = typeof supervisionCorrections.$inferSelect;

export async function insertCorrection(db: Executor, row: typeof supervisionCorrections.$inferInsert): Promise<void> {
  await db.insert(supervisionCorrections).values(row);
}

/** The corrections of these records, oldest first. */
export async function correctionsOf(db: Executor, entityIds: string[]): Promise<CorrectionRow[]> {
  if (entityIds.length === 0) return [];
  return db
    .select()
    .from(supervisionCorrections)
    .where(inArray(supervisionCorrections.entityId, entityIds))
    .orderBy(asc(supervisionCorrections.at), asc(supervisionCorrections.id));
}
