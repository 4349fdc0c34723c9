import { and, count, eq, gt, gte, ilike, isNull, or, sql, type SQL, asc, desc } from 'drizzle-orm';
import type { Role } from '@qd/core';
import type { Executor } from '../../platform/db/database.js';
import { regionScope } from '../../platform/db/region-scope.js';
import { loginAttempts, sessions, users } from './identity.tables.js';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

export async function findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`)
    .limit(1);
  return row;
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function insertUser(db: Executor, row: typeof users.$inferInsert): Promise<void> {
  await db.insert(users).values(row);
}

export async function updateUser(db: Executor, id: string, patch: Partial<typeof users.$inferInsert>): Promise<void> {
  await db.update(users).set(patch).where(eq(users.id, id));
}

export async function countUsers(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}

export interface UserListFilter {
  scopeRegion: string;
  keyword?: string | undefined;
  role?: Role | undefined;
  status?: 'active' | 'disabled' | undefined;
}

export async function listUsers(
  db: Executor,
  filter: UserListFilter,
  page: { offset: number; limit: number; sortField: 'username' | 'createdAt' | 'lastLoginAt'; desc: boolean },
): Promise<{ rows: UserRow[]; total: number }> {
  const conditions: SQL[] = [regionScope(users.regionCode, filter.scopeRegion)];
  if (filter.keyword) {
    const like = `%${escapeLike(filter.keyword)}%`;
    conditions.push(or(ilike(users.username, like), ilike(users.displayName, like))!);
  }
  if (filter.role) conditions.push(sql`${filter.role} = any(${users.roles})`);
  if (filter.status) conditions.push(eq(users.status, filter.status));
  const where = and(...conditions);
  const column = users[page.sortField];
  const [rows, [totalRow]] = await Promise.all([
    db
      .select()
      .from(users)
      .where(where)
      .orderBy(page.desc ? desc(column) : asc(column), asc(users.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { rows, total: totalRow?.n ?? 0 };
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// ---- sessions ----

export async function insertSession(db: Executor, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

export async function findLiveSession(
  db: Executor,
  tokenHash: string,
  now: Date,
): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.endedAt), gt(sessions.expiresAt, now)))
    .limit(1);
  return row;
}

export async function touchSession(db: Executor, tokenHash: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
}

export async function endSession(db: Executor, tokenHash: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ endedAt: now })
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.endedAt)));
}

export async function endSessionsOfUser(db: Executor, userId: string, now: Date, exceptTokenHash?: string): Promise<number> {
  const conditions = [eq(sessions.userId, userId), isNull(sessions.endedAt)];
  if (exceptTokenHash) conditions.push(sql`${sessions.tokenHash} <> ${exceptTokenHash}`);
  const rows = await db
    .update(sessions)
    .set({ endedAt: now })
    .where(and(...conditions))
    .returning({ t: sessions.tokenHash });
  return rows.length;
}

/** Removes sessions that ended or expired long ago (they carry no audit value; the audit log does). */
export async function purgeOldSessions(db: Executor, before: Date): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(or(sql`${sessions.endedAt} < ${before}`, sql`${sessions.expiresAt} < ${before}`))
    .returning({ t: sessions.tokenHash });
  return rows.length;
}

// ---- log-in attempts ----

export async function recordLoginAttempt(db: Executor, row: typeof loginAttempts.$inferInsert): Promise<void> {
  await db.insert(loginAttempts).values(row);
}

/**
 * Serialises the log-in attempts of one account, then those from one client address, for the rest
 * of the transaction: counting and recording an attempt become one step. Every log-in path takes
 * them in this order (account, then address) before any other write, so two log-ins never wait on
 * each other in opposite orders. Two-key advisory locks: their own space, apart from one-key locks.
 */
export async function lockLoginKeys(tx: Executor, account: string, clientIp: string | null): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${LOGIN_ACCOUNT_LOCK}, hashtext(lower(${account})))`);
  if (clientIp !== null) await tx.execute(sql`select pg_advisory_xact_lock(${LOGIN_ADDRESS_LOCK}, hashtext(${clientIp}))`);
}
const LOGIN_ACCOUNT_LOCK = 7_270_101;
const LOGIN_ADDRESS_LOCK = 7_270_102;

export async function resolveLoginAttempt(
  db: Executor,
  id: string,
  patch: { success: boolean; counted: boolean },
): Promise<void> {
  await db.update(loginAttempts).set(patch).where(eq(loginAttempts.id, id));
}

/** Counted failures of one account; from one address too unless `clientIp` is undefined (null: no address). */
function countedFailuresOf(username: string, clientIp: string | null | undefined) {
  return and(
    eq(loginAttempts.username, username),
    eq(loginAttempts.success, false),
    eq(loginAttempts.counted, true),
    clientIp === undefined
      ? undefined
      : clientIp === null
        ? isNull(loginAttempts.clientIp)
        : eq(loginAttempts.clientIp, clientIp),
  );
}

/** Failures that still count toward a lock (checks in progress included), of one account, optionally from one address. */
export async function countCountedFailures(
  db: Executor,
  username: string,
  since: Date,
  clientIp?: string | null,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(countedFailuresOf(username, clientIp), gte(loginAttempts.at, since)));
  return row?.n ?? 0;
}

/** The times of the latest `limit` counted failures of an account from one address, newest first. */
export async function latestCountedFailures(
  db: Executor,
  username: string,
  clientIp: string | null,
  limit: number,
): Promise<Date[]> {
  const rows = await db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(countedFailuresOf(username, clientIp))
    .orderBy(desc(loginAttempts.at))
    .limit(limit);
  return rows.map((r) => r.at);
}

/** After a success, a lock or an unlock, earlier failures no longer count toward the next lock. */
export async function forgetFailures(db: Executor, username: string): Promise<void> {
  await db
    .update(loginAttempts)
    .set({ counted: false })
    .where(and(eq(loginAttempts.username, username), eq(loginAttempts.counted, true), eq(loginAttempts.success, false)));
}

export async function countAttemptsFromIp(db: Executor, clientIp: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.clientIp, clientIp), gte(loginAttempts.at, since)));
  return row?.n ?? 0;
}

/** Active users of a region holding a role, optionally of one organization (whom a module notifies). */
export async function activeUsersWithRole(
  db: Executor,
  regionCode: string,
  role: Role,
  organizationId?: string,
): Promise<{ id: string; displayName: string; organizationId: string | null }[]> {
  return db
    .select({ id: users.id, displayName: users.displayName, organizationId: users.organizationId })
    .from(users)
    .where(
      and(
        eq(users.regionCode, regionCode),
        eq(users.status, 'active'),
        sql`${role} = any(${users.roles})`,
        organizationId ? eq(users.organizationId, organizationId) : undefined,
      ),
    )
    .orderBy(asc(users.username));
}
