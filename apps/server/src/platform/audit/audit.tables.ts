import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgSequence, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Sequence numbers of audit rows, taken by the writer's INSERT without any lock: writers no
 * longer wait for each other (issue 12). The sealer (audit-sealer.ts) chains the rows later.
 */
export const auditLogSeq = pgSequence('audit_log_seq');

/**
 * The audit log: append-only, one row per state change or log-in attempt, each row's hash
 * chained to the previous one so that an edited or removed row is detected by `qd audit verify`.
 * A row is written with `prev_hash` and `hash` empty and sealed moments later, in sequence order;
 * the trigger of migration 0008 allows exactly that one update (empty hash → hash, content unchanged).
 * The database role of a production deployment should be granted INSERT, SELECT and that UPDATE only.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' })
      .primaryKey()
      .default(sql`nextval('audit_log_seq')`),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    outcome: text('outcome', { enum: ['success', 'failure', 'denied'] }).notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    clientIp: text('client_ip'),
    regionCode: text('region_code'),
    prevHash: text('prev_hash'),
    hash: text('hash'),
    /** Digest the row was sealed with (QD_HASH at the time): verify recomputes with the same. */
    hashAlg: text('hash_alg').notNull().default('sha256'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_action_idx').on(t.action),
    index('audit_log_unsealed_idx')
      .on(t.seq)
      .where(sql`hash is null`),
  ],
);

/**
 * Signed checkpoints of the chain's head (audit-checkpoint.ts): sequence number, head hash and
 * time, signed with a key the database does not hold. The same lines are appended to a file
 * outside the database; this copy lets any instance see the latest one. Append-only like the log.
 */
export const auditCheckpoints = pgTable('audit_checkpoints', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  headHash: text('head_hash').notNull(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  hashAlg: text('hash_alg').notNull(),
  keyId: text('key_id').notNull(),
  signature: text('signature').notNull(),
});
