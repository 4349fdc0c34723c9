import type { Executor } from '../db/database.js';
import type { RequestContext } from '../request-context.js';
import { auditLog } from './audit.tables.js';
import type { AuditRecord } from './audit-chain.js';

export interface AuditEvent {
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  outcome?: AuditRecord['outcome'];
  detail?: Record<string, unknown> | null;
  /** Region the event belongs to; the actor's region when not given (undefined), none when null. */
  regionCode?: string | null;
}

/** A writer whose sequence number a void filler took keeps drawing; more than this is a bug. */
const MAX_DRAWS = 5;

/**
 * Appends one row to the audit log inside the caller's transaction, so the change and its record
 * commit or vanish together. The row takes its sequence number from `audit_log_seq` and is
 * written unsealed (no hash): no lock, no read of the previous row, so concurrent writers do not
 * queue behind each other. The sealer (audit-sealer.ts) chains committed rows moments later.
 *
 * ON CONFLICT: the sealer may declare a sequence number void (a filler row) in the instant
 * between this INSERT drawing it and writing its index entry; the INSERT then draws a new one
 * instead of failing the use-case.
 */
export async function appendAudit(tx: Executor, ctx: RequestContext | null, event: AuditEvent): Promise<void> {
  const actor = ctx?.actor;
  const row = {
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
  };
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    const inserted = await tx
      .insert(auditLog)
      .values(row)
      .onConflictDoNothing({ target: auditLog.seq })
      .returning({ seq: auditLog.seq });
    if (inserted.length > 0) return;
  }
  throw new Error(`audit_log: ${MAX_DRAWS} sequence numbers in a row were taken; is audit_log_seq behind max(seq)?`);
}
