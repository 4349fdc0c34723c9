import { and, asc, eq, gte, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { regionScope } from '../../platform/db/region-scope.js';
import { groupMembers } from './governance.tables.js';

export type GroupMemberRow = typeof groupMembers.$inferSelect;

/** Memberships in force on `on` (since ≤ on, no end or end ≥ on); all of them when `on` is undefined. */
export async function listMembers(db: Executor, scopeRegion: string, on?: string): Promise<GroupMemberRow[]> {
  const conditions: (SQL | undefined)[] = [regionScope(groupMembers.regionCode, scopeRegion)];
  if (on) conditions.push(lte(groupMembers.since, on), or(isNull(groupMembers.until), gte(groupMembers.until, on)));
  return db
    .select()
    .from(groupMembers)
    .where(and(...conditions))
    .orderBy(asc(groupMembers.since), asc(groupMembers.createdAt), asc(groupMembers.id));
}

export async function findMember(db: Executor, id: string): Promise<GroupMemberRow | undefined> {
  const [row] = await db.select().from(groupMembers).where(eq(groupMembers.id, id)).limit(1);
  return row;
}

/** The department's memberships that overlap the period from `since` (open-ended). */
export async function overlappingMemberships(db: Executor, departmentId: string, since: string): Promise<GroupMemberRow[]> {
  return db
    .select()
    .from(groupMembers)
    .where(and(eq(groupMembers.departmentId, departmentId), or(isNull(groupMembers.until), gte(groupMembers.until, since))));
}

export async function insertMember(db: Executor, row: typeof groupMembers.$inferInsert): Promise<void> {
  await db.insert(groupMembers).values(row);
}

export async function endMember(db: Executor, id: string, until: string, note: string | null): Promise<void> {
  await db.update(groupMembers).set({ until, endNote: note }).where(eq(groupMembers.id, id));
}
