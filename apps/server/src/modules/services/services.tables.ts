/** Drizzle tables of the services module (exported to drizzle-kit through platform/db/schema.ts). */
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { instant as ts } from '../../platform/db/columns.js';
import type { AttributeDefinition, AttributeValues, TimeLimits } from '@qd/core';

/** The station's catalogue: one row per service, in one of the nine NQI categories. */
export const serviceCatalogue = pgTable(
  'service_catalogue',
  {
    id: uuid('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    code: text('code').notNull(),
    category: text('category').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    keywords: text('keywords').array().notNull(),
    attributes: jsonb('attributes').$type<AttributeDefinition[]>().notNull(),
    institutionIds: uuid('institution_ids').array().notNull(),
    charge: text('charge', { enum: ['free', 'charged'] }).notNull(),
    timeLimits: jsonb('time_limits').$type<TimeLimits>().notNull(),
    status: text('status', { enum: ['active', 'retired'] }).notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('service_catalogue_region_code_uq').on(t.regionCode, t.code),
    index('service_catalogue_region_idx').on(sql`${t.regionCode} text_pattern_ops`),
  ],
);

/** Serial of the request numbers per region and year. */
export const serviceRequestCounters = pgTable(
  'service_request_counters',
  { regionCode: text('region_code').notNull(), year: integer('year').notNull(), last: integer('last').notNull() },
  (t) => [primaryKey({ columns: [t.regionCode, t.year] })],
);

export const serviceRequests = pgTable(
  'service_requests',
  {
    id: uuid('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    number: text('number').notNull(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => serviceCatalogue.id),
    category: text('category').notNull(),
    state: text('state').notNull(),
    source: text('source', { enum: ['web', 'open311'] }).notNull(),
    enterpriseId: uuid('enterprise_id'),
    /** Copied at submission: the registry's tables are its own (ARCHITECTURE §3). */
    enterpriseName: text('enterprise_name'),
    submittedBy: uuid('submitted_by'),
    apiClientId: uuid('api_client_id'),
    /** The named case handler (质量管家): the office user who accepted it. */
    handlerId: uuid('handler_id'),
    handlerName: text('handler_name'),
    description: text('description').notNull(),
    attributes: jsonb('attributes').$type<AttributeValues>().notNull(),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    preferredContact: text('preferred_contact'),
    address: text('address'),
    lat: doublePrecision('lat'),
    long: doublePrecision('long'),
    /** The current step and its deadline (a date in Asia/Shanghai); null once the request has ended. */
    step: text('step'),
    stepStartedAt: ts('step_started_at'),
    stepDeadline: date('step_deadline', { mode: 'string' }),
    /** Set by the overdue job when the current step passed its deadline; cleared on the next step. */
    stepOverdue: boolean('step_overdue').notNull().default(false),
    /** Steps finished after their deadline, so far: 0 at completion means on time. */
    lateSteps: integer('late_steps').notNull().default(0),
    onTime: boolean('on_time'),
    rating: integer('rating'),
    ratingComment: text('rating_comment'),
    declineReason: text('decline_reason'),
    mergedIntoId: uuid('merged_into_id'),
    reopenCount: integer('reopen_count').notNull().default(0),
    submittedAt: ts('submitted_at').notNull(),
    completedAt: ts('completed_at'),
    closedAt: ts('closed_at'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('service_requests_number_uq').on(t.number),
    index('service_requests_region_submitted_idx').on(sql`${t.regionCode} text_pattern_ops`, t.submittedAt),
    // the inbox: one stage, newest first, read in index order; the region is checked in the index too
    index('service_requests_state_idx').on(t.state, t.submittedAt, t.regionCode),
    index('service_requests_enterprise_idx').on(t.enterpriseId, t.submittedAt),
    // the overdue job and the board look only at running steps
    index('service_requests_open_stage_idx')
      .on(t.state, t.category, t.stepDeadline, t.regionCode)
      .where(sql`${t.step} is not null`),
    index('service_requests_open_deadline_idx')
      .on(t.stepDeadline)
      .where(sql`${t.step} is not null`),
  ],
);

/** One institution's part of a request. */
export const serviceAssignments = pgTable(
  'service_assignments',
  {
    id: uuid('id').primaryKey(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => serviceRequests.id),
    regionCode: text('region_code').notNull(),
    institutionId: uuid('institution_id').notNull(),
    institutionName: text('institution_name').notNull(),
    status: text('status').notNull(),
    reason: text('reason'),
    quotationFen: integer('quotation_fen'),
    result: text('result'),
    onTime: boolean('on_time'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('service_assignments_request_idx').on(t.requestId),
    index('service_assignments_institution_idx').on(t.institutionId, t.status),
  ],
);

/** The timeline: every step, note, question, answer, progress report, quotation and result. */
export const serviceRequestEvents = pgTable(
  'service_request_events',
  {
    id: uuid('id').primaryKey(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => serviceRequests.id),
    regionCode: text('region_code').notNull(),
    at: ts('at').notNull(),
    kind: text('kind').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    fromState: text('from_state'),
    toState: text('to_state'),
    institutionId: uuid('institution_id'),
    institutionName: text('institution_name'),
    text: text('text'),
    amountFen: integer('amount_fen'),
    /** Handler's notes: seen by the station only. */
    internal: boolean('internal').notNull().default(false),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
  },
  (t) => [index('service_request_events_request_idx').on(t.requestId, t.at)],
);

/** Third-party Open311 clients and their api keys (only the SHA-256 of a key is kept). */
export const serviceApiClients = pgTable(
  'service_api_clients',
  {
    id: uuid('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    name: text('name').notNull(),
    keyPrefix: text('key_prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    status: text('status', { enum: ['active', 'revoked'] }).notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    revokedAt: ts('revoked_at'),
    lastUsedAt: ts('last_used_at'),
  },
  (t) => [uniqueIndex('service_api_clients_key_hash_uq').on(t.keyHash)],
);

/**
 * The board's historical figures (by month, category, institution over a period), computed at most
 * every few minutes per region and period instead of on every look: at a million requests they
 * are whole-table aggregates. Open work, deadlines and the overdue list stay live.
 */
export const serviceBoardSnapshots = pgTable(
  'service_board_snapshots',
  {
    regionCode: text('region_code').notNull(),
    period: text('period').notNull(),
    computedAt: ts('computed_at').notNull(),
    figures: jsonb('figures').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.period] })],
);

/**
 * Files of a request: what the enterprise provides with it, and the institutions' result
 * documents. The bytes are in the platform's file store; who may see them follows the request.
 */
export const serviceRequestAttachments = pgTable(
  'service_request_attachments',
  {
    id: uuid('id').primaryKey(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => serviceRequests.id),
    regionCode: text('region_code').notNull(),
    fileId: uuid('file_id').notNull(),
    /** `request`: provided by the enterprise or the station; `result`: an institution's document. */
    kind: text('kind', { enum: ['request', 'result'] }).notNull(),
    institutionId: uuid('institution_id'),
    uploadedBy: uuid('uploaded_by'),
    uploadedByName: text('uploaded_by_name'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('service_request_attachments_request_idx').on(t.requestId)],
);
