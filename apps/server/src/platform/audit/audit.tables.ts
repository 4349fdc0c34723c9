import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The audit log: append-only, one row per state change or log-in attempt, each row's hash
 * chained to the previous one so that an edited or removed row is detected by `qd audit verify`.
 * The database role of a production deployment should be granted INSERT and SELECT only.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
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
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_action_idx').on(t.action)],
);
