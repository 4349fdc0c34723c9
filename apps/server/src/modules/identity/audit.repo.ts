import { and, asc, count, desc, eq, gte, ilike, isNotNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { escapeLike } from './identity.repo.js';
import { regionScopePrefix } from '@qd/core';

export type AuditRow = typeof auditLog.$inferSelect;

export interface AuditFilter {
  scopeRegion: string;
  keyword?: string | undefined;
  action?: string | undefined;
  outcome?: 'success' | 'failure' | 'denied' | undefined;
  actorName?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

export async function listAudit(
  db: Executor,
  filter: AuditFilter,
  page: { offset: number; limit: number; desc: boolean },
): Promise<{ rows: AuditRow[]; total: number }> {
  // Events without a region (failed log-ins of unknown names) belong to every auditor's view.
  // Only sealed rows: a row still without its hash is not part of the log yet (see audit-sealer.ts).
  const conditions: SQL[] = [
    isNotNull(auditLog.hash),
    or(sql`${auditLog.regionCode} like ${regionScopePrefix(filter.scopeRegion) + '%'}`, sql`${auditLog.regionCode} is null`)!,
  ];
  if (filter.keyword) {
    const like = `%${escapeLike(filter.keyword)}%`;
    conditions.push(or(ilike(auditLog.action, like), ilike(auditLog.actorName, like), ilike(auditLog.targetId, like))!);
  }
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.outcome) conditions.push(eq(auditLog.outcome, filter.outcome));
  if (filter.actorName) conditions.push(eq(auditLog.actorName, filter.actorName));
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to) conditions.push(lte(auditLog.at, filter.to));
  const where = and(...conditions);
  const [rows, [totalRow]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(page.desc ? desc(auditLog.seq) : asc(auditLog.seq))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { rows, total: totalRow?.n ?? 0 };
}
