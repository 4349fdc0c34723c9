import { desc, sql } from 'drizzle-orm';
import type { Executor } from '../db/database.js';
import type { RequestContext } from '../request-context.js';
import { auditLog } from './audit.tables.js';
import { GENESIS_HASH, auditHash, type AuditRecord } from './audit-chain.js';

const AUDIT_CHAIN_LOCK = 7_270_002;

export interface AuditEvent {
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  outcome?: AuditRecord['outcome'];
  detail?: Record<string, unknown> | null;
  /** Region the event belongs to; the actor's region when not given (undefined), none when null. */
  regionCode?: string | null;
}

/**
 * Appends one row to the audit chain inside the caller's transaction, so the change and its
 * record commit or vanish together. A transaction-scoped advisory lock serializes appenders:
 * each row must see the hash of the one before it.
 */
export async function appendAudit(tx: Executor, ctx: RequestContext | null, event: AuditEvent): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const actor = ctx?.actor;
  const record: AuditRecord = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date(),
    actorId: actor && actor.userId !== '00000000-0000-0000-0000-000000000000' ? actor.userId : null,
    actorName: actor?.username ?? null,
    action: event.action,
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    outcome: event.outcome ?? 'success',
    detail: event.detail ?? null,
    clientIp: ctx?.clientIp ?? null,
    // An explicit null means "no region" (failed log-ins of unknown names, seen by every auditor):
    // it must not fall back to the actor's region, nor store the empty region of an unknown actor.
    regionCode: event.regionCode !== undefined ? event.regionCode : actor?.regionCode || null,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await tx.insert(auditLog).values({ ...record, hash: auditHash(record) });
}
