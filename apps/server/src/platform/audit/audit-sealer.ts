import { and, asc, desc, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/database.js';
import type { HashAlgorithm } from '../crypto/hash-provider.js';
import { auditCheckpoints, auditLog } from './audit.tables.js';
import { GENESIS_HASH, auditHash } from './audit-chain.js';

/**
 * Sealing: chaining committed audit rows, in sequence order, after their writers have gone.
 *
 * Why not chain in the writer: each row's hash covers the previous row's hash, so the writer had
 * to take a global lock and hold it until its transaction committed; every audited write in the
 * platform queued behind the slowest one (issue 12). Now the writer only draws a number from a
 * sequence and inserts the row with no hash (audit-writer.ts), and this sealer, one at a time
 * (an advisory lock; other instances skip their turn), fills in prev_hash and hash.
 *
 * The hard part is that sequence numbers commit out of order and some never commit:
 * - A row commits after rows with higher numbers (a longer transaction). The sealer only ever
 *   seals the contiguous prefix: it stops at the first number it has not seen committed, so a row
 *   committing late is never skipped, it holds the chain until it arrives.
 * - A number is lost for good when its transaction rolls back (or its INSERT fails). Waiting a
 *   few seconds and calling the gap final would be a guess that a long transaction (an import)
 *   can prove wrong. Instead the sealer asks the database: it inserts a void row (action
 *   `audit.seq.void`) under that number with a short lock_timeout. A writer still holding the
 *   number has its row in the primary-key index, uncommitted, so the insert waits on it: if the
 *   writer commits, the void row is dropped (ON CONFLICT DO NOTHING) and the real row is sealed;
 *   if it rolls back, the void row takes the place; if it is still running when lock_timeout
 *   strikes, the sealer stops there and tries again on its next turn. The one remaining window
 *   (a writer that drew the number but has not yet reached the index) is closed on the writer's
 *   side: its INSERT does ON CONFLICT DO NOTHING and draws another number.
 * - A gap is never filled at or below the latest signed checkpoint: rows there existed when the
 *   chain was anchored, so their absence is a deletion, which sealing must not paper over.
 *   Sealing stops, and `qd audit verify` reports the cut.
 *
 * Ordering by sequence number rather than commit time does not weaken the chain: what the chain
 * proves is that no sealed row was edited, removed or inserted afterwards, and the order it fixes
 * is the one every verifier reads back.
 */

export const AUDIT_SEAL_LOCK = 7_270_003;
const BATCH = 1000;
/** How long the sealer waits for a transaction that holds the next number before trying later. */
const IN_FLIGHT_WAIT = '250ms';
/** Batches per call, so that one call returns even under an endless stream of writes. */
const MAX_BATCHES = 50;

export const VOID_ACTION = 'audit.seq.void';

export interface SealResult {
  sealed: number;
  voided: number;
  /** The sealed head after this call. */
  head: { seq: number; hash: string } | null;
  /** Another instance was sealing (only when not waiting for it). */
  busy: boolean;
  /** Why sealing stopped before the last written row, if it did. */
  stoppedAt: { seq: number; reason: 'in-flight' | 'below-checkpoint' } | null;
}

export async function sealedHead(db: Executor): Promise<{ seq: number; hash: string } | null> {
  const [head] = await db
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .where(isNotNull(auditLog.hash))
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return head ? { seq: head.seq, hash: head.hash! } : null;
}

export async function lastCheckpointSeq(db: Executor): Promise<number> {
  const [row] = await db
    .select({ seq: auditCheckpoints.seq })
    .from(auditCheckpoints)
    .orderBy(desc(auditCheckpoints.seq))
    .limit(1);
  return row?.seq ?? 0;
}

/** Takes the seal lock for the rest of the transaction: waiting for it, or false when it is taken. */
export async function takeSealLock(tx: Executor, wait: boolean): Promise<boolean> {
  if (wait) {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_SEAL_LOCK})`);
    return true;
  }
  // Both drivers (node-postgres, PGlite) answer with a result that has `rows`.
  const result = (await tx.execute(sql`select pg_try_advisory_xact_lock(${AUDIT_SEAL_LOCK}) as got`)) as unknown as {
    rows: { got: boolean }[];
  };
  return result.rows[0]?.got === true;
}

/** One batch: seals the contiguous run after the head; returns the first number it could not see. */
async function sealBatch(
  tx: Executor,
  algorithm: HashAlgorithm,
): Promise<{ sealed: number; head: { seq: number; hash: string } | null; gapAt: number | null; more: boolean }> {
  const head = await sealedHead(tx);
  const rows = await tx
    .select()
    .from(auditLog)
    .where(and(isNull(auditLog.hash), gt(auditLog.seq, head?.seq ?? 0)))
    .orderBy(asc(auditLog.seq))
    .limit(BATCH);
  let expected = (head?.seq ?? 0) + 1;
  let prevHash = head?.hash ?? GENESIS_HASH;
  const seals: { seq: number; prev: string; hash: string; alg: HashAlgorithm }[] = [];
  let gapAt: number | null = null;
  for (const row of rows) {
    if (row.seq !== expected) {
      gapAt = expected;
      break;
    }
    const hash = auditHash({ ...row, prevHash }, algorithm);
    seals.push({ seq: row.seq, prev: prevHash, hash, alg: algorithm });
    prevHash = hash;
    expected++;
  }
  if (seals.length > 0) {
    // One statement for the batch; `hash is null` keeps a sealed row from ever being rewritten.
    await tx.execute(sql`
      update audit_log set prev_hash = v.prev, hash = v.hash, hash_alg = v.alg
      from jsonb_to_recordset(${JSON.stringify(seals)}::jsonb) as v(seq bigint, prev text, hash text, alg text)
      where audit_log.seq = v.seq and audit_log.hash is null`);
  }
  const last = seals.at(-1);
  return {
    sealed: seals.length,
    head: last ? { seq: last.seq, hash: last.hash } : head,
    gapAt,
    more: gapAt === null && rows.length === BATCH,
  };
}

function errorCode(err: unknown): string | undefined {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code ?? e?.cause?.code;
}

/**
 * Puts a void row under a number nobody committed, unless its writer is still at work:
 * `voided`, `present` (the writer committed meanwhile) or `in-flight`.
 */
async function voidNumber(db: Db, seq: number): Promise<'voided' | 'present' | 'in-flight'> {
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local lock_timeout = '${IN_FLIGHT_WAIT}'`));
      const inserted = await tx
        .insert(auditLog)
        .values({
          seq,
          at: new Date(),
          actorName: 'audit-sealer',
          action: VOID_ACTION,
          outcome: 'failure',
          detail: { reason: 'the transaction that drew this number rolled back or never wrote its row' },
          regionCode: null,
        })
        .onConflictDoNothing({ target: auditLog.seq })
        .returning({ seq: auditLog.seq });
      return inserted.length > 0 ? 'voided' : 'present';
    });
  } catch (err) {
    if (errorCode(err) === '55P03') return 'in-flight'; // lock_not_available: the writer is still running
    throw err;
  }
}

/**
 * Seals every committed row it can, batch by batch. With `wait`, waits for another instance's
 * sealing to finish first (verification); without, returns at once when one is sealing.
 */
export async function sealAudit(db: Db, algorithm: HashAlgorithm, options: { wait?: boolean } = {}): Promise<SealResult> {
  const result: SealResult = { sealed: 0, voided: 0, head: null, busy: false, stoppedAt: null };
  for (let i = 0; i < MAX_BATCHES; i++) {
    const batch = await db.transaction(async (tx) => {
      if (!(await takeSealLock(tx, options.wait ?? false))) return null;
      return { ...(await sealBatch(tx, algorithm)), anchoredTo: await lastCheckpointSeq(tx) };
    });
    if (!batch) {
      result.busy = true;
      return result;
    }
    result.sealed += batch.sealed;
    result.head = batch.head;
    if (batch.gapAt !== null) {
      if (batch.gapAt <= batch.anchoredTo) {
        result.stoppedAt = { seq: batch.gapAt, reason: 'below-checkpoint' };
        return result;
      }
      const outcome = await voidNumber(db, batch.gapAt);
      if (outcome === 'in-flight') {
        result.stoppedAt = { seq: batch.gapAt, reason: 'in-flight' };
        return result;
      }
      if (outcome === 'voided') result.voided++;
      continue;
    }
    if (!batch.more) return result;
  }
  return result;
}
