/** Drizzle tables of the supervision module (exported to drizzle-kit through platform/db/schema.ts). */
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { calendarDate as day, instant as ts } from '../../platform/db/columns.js';
import { searchGramsColumn } from '../../platform/db/keyword-search.js';
import type { PlanFilters, RiskClass } from '@qd/core';

export interface TestItemResultRow {
  item: string;
  requirement: string;
  value: string;
  pass: boolean;
}
export type AllocationRow =
  { mode: 'ratio'; ratioBp: Record<RiskClass, number> } | { mode: 'count'; count: Record<RiskClass, number> };

/** Human codes per region, kind and year (CC-2026-0001): one counter row each, bumped atomically. */
export const supervisionCounters = pgTable(
  'supervision_counters',
  {
    regionCode: text('region_code').notNull(),
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.kind, t.year] })],
);

/** Per-region settings: the publication limit in working days (DOMAIN §5: 20 unless configured). */
export const supervisionSettings = pgTable('supervision_settings', {
  regionCode: text('region_code').primaryKey(),
  publicationWorkingDays: integer('publication_working_days').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/** The inspection-item list (随机抽查事项清单). */
export const supervisionItems = pgTable(
  'supervision_items',
  {
    id: uuid('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    legalBasis: text('legal_basis').notNull(),
    targetType: text('target_type').notNull(),
    kind: text('kind').notNull(),
    frequency: text('frequency').notNull(),
    ratioBp: jsonb('ratio_bp').$type<Record<RiskClass, number>>().notNull(),
    status: text('status', { enum: ['active', 'inactive'] }).notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('supervision_items_code_uq').on(t.regionCode, t.code)],
);

/**
 * The target directory (检查对象名录库): enterprises taken from the registry with what the draw
 * needs — credit-risk class, industry, products and flags. The pool of a draw is read from here
 * in credit-code order (COLLATE "C" = core's canonical order).
 */
export const supervisionTargets = pgTable(
  'supervision_targets',
  {
    enterpriseId: uuid('enterprise_id').primaryKey(),
    regionCode: text('region_code').notNull(),
    name: text('name').notNull(),
    creditCode: text('credit_code').notNull(),
    industrySection: text('industry_section').notNull(),
    riskClass: text('risk_class').$type<RiskClass>().notNull(),
    products: text('products').array().notNull(),
    flags: text('flags').array().notNull(),
    status: text('status').notNull(),
    updatedAt: ts('updated_at').notNull(),
    /** The name's one- and two-character pieces for the keyword search (platform/db/keyword-search.ts). */
    searchGrams: searchGramsColumn(sql`name`),
  },
  (t) => [
    index('supervision_targets_region_prefix_idx').on(sql`${t.regionCode} text_pattern_ops`),
    index('supervision_targets_search_grams_idx').using('gin', t.searchGrams),
    index('supervision_targets_credit_code_prefix_idx').on(sql`${t.creditCode} text_pattern_ops`),
    index('supervision_targets_stratum_idx').on(t.riskClass, t.industrySection, sql`${t.creditCode} collate "C"`),
  ],
);

/** The inspector directory (执法检查人员名录库). */
export const supervisionInspectors = pgTable(
  'supervision_inspectors',
  {
    id: uuid('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    name: text('name').notNull(),
    certificateNo: text('certificate_no').notNull(),
    specialty: text('specialty').notNull(),
    /** A department of the registry. */
    unitId: uuid('unit_id').notNull(),
    /** The inspector's own `dept` account, for "my assignments". */
    userId: uuid('user_id'),
    status: text('status', { enum: ['active', 'inactive'] }).notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('supervision_inspectors_certificate_uq').on(t.regionCode, t.certificateNo),
    index('supervision_inspectors_user_idx').on(t.userId),
  ],
);

/** Ties between an inspector and an enterprise: recusal removes the inspector from that enterprise's pool. */
export const supervisionInspectorTies = pgTable(
  'supervision_inspector_ties',
  {
    inspectorId: uuid('inspector_id')
      .notNull()
      .references(() => supervisionInspectors.id),
    enterpriseId: uuid('enterprise_id').notNull(),
    relation: text('relation').notNull(),
  },
  (t) => [primaryKey({ columns: [t.inspectorId, t.enterpriseId] })],
);

/** A spot-check plan and its draw (commit, seed, result): written once, never re-drawn. */
export const supervisionPlans = pgTable(
  'supervision_plans',
  {
    id: uuid('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    code: text('code').notNull(),
    kind: text('kind', { enum: ['general', 'targeted'] }).notNull(),
    name: text('name').notNull(),
    itemIds: uuid('item_ids').array().notNull(),
    filters: jsonb('filters').$type<PlanFilters>().notNull(),
    allocation: jsonb('allocation').$type<AllocationRow>().notNull(),
    periodStart: day('period_start').notNull(),
    periodEnd: day('period_end').notNull(),
    departmentIds: uuid('department_ids').array().notNull(),
    inspectorsPerTarget: integer('inspectors_per_target').notNull(),
    status: text('status').notNull(),
    signalId: uuid('signal_id'),
    seedSource: text('seed_source'),
    seedAnnouncedOn: day('seed_announced_on'),
    seedSources: jsonb('seed_sources').$type<number[][]>(),
    algorithm: text('algorithm'),
    poolHash: text('pool_hash'),
    poolSize: integer('pool_size'),
    committedAt: ts('committed_at'),
    drawnAt: ts('drawn_at'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('supervision_plans_code_uq').on(t.regionCode, t.code),
    index('supervision_plans_region_prefix_idx').on(sql`${t.regionCode} text_pattern_ops`, t.createdAt),
  ],
);

/**
 * The frozen pool of one stratum (kind `targets`) or one target's inspector pool (kind
 * `inspectors`), its hash, and — once drawn — the result: each row is one publishable
 * `drawRecord`. Unique per plan, kind and stratum, so a draw cannot be stored twice.
 */
export const supervisionDrawRecords = pgTable(
  'supervision_draw_records',
  {
    id: uuid('id').primaryKey(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => supervisionPlans.id),
    regionCode: text('region_code').notNull(),
    kind: text('kind', { enum: ['targets', 'inspectors'] }).notNull(),
    stratum: text('stratum').notNull(),
    riskClass: text('risk_class'),
    industrySection: text('industry_section'),
    pool: text('pool').array().notNull(),
    poolHash: text('pool_hash').notNull(),
    count: integer('count').notNull(),
    seedSources: jsonb('seed_sources').$type<number[][]>(),
    result: text('result').array(),
    createdAt: ts('created_at').notNull(),
    drawnAt: ts('drawn_at'),
  },
  (t) => [uniqueIndex('supervision_draw_records_uq').on(t.planId, t.kind, t.stratum)],
);

/** One drawn target's inspection. */
export const supervisionInspections = pgTable(
  'supervision_inspections',
  {
    id: uuid('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    code: text('code').notNull(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => supervisionPlans.id),
    enterpriseId: uuid('enterprise_id').notNull(),
    creditCode: text('credit_code').notNull(),
    enterpriseName: text('enterprise_name').notNull(),
    stratum: text('stratum').notNull(),
    position: integer('position').notNull(),
    inspectorIds: uuid('inspector_ids').array().notNull(),
    status: text('status').notNull(),
    inspectedOn: day('inspected_on'),
    findings: text('findings'),
    result: text('result'),
    correctBy: day('correct_by'),
    publicationDueOn: day('publication_due_on'),
    publishedAt: ts('published_at'),
    overdueFlaggedAt: ts('overdue_flagged_at'),
    recordedBy: uuid('recorded_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('supervision_inspections_target_uq').on(t.planId, t.enterpriseId),
    uniqueIndex('supervision_inspections_code_uq').on(t.regionCode, t.code),
    index('supervision_inspections_enterprise_idx').on(t.enterpriseId),
    index('supervision_inspections_inspectors_idx').using('gin', t.inspectorIds),
    // The public list pages by (published_at, id) descending; the overdue job reads unpublished due dates.
    index('supervision_inspections_published_idx')
      .on(t.publishedAt.desc(), t.id.desc())
      .where(sql`${t.publishedAt} is not null`),
    index('supervision_inspections_due_idx')
      .on(t.publicationDueOn)
      .where(sql`${t.publishedAt} is null and ${t.publicationDueOn} is not null`),
  ],
);

/** Product quality spot checks: sampling, testing, notice, objection and re-test on the reserve sample. */
export const supervisionProductChecks = pgTable(
  'supervision_product_checks',
  {
    id: uuid('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    code: text('code').notNull(),
    planId: uuid('plan_id'),
    enterpriseId: uuid('enterprise_id').notNull(),
    enterpriseName: text('enterprise_name').notNull(),
    creditCode: text('credit_code').notNull(),
    product: text('product').notNull(),
    batch: text('batch').notNull(),
    quantity: text('quantity').notNull(),
    testSampleQty: integer('test_sample_qty').notNull(),
    reserveSampleQty: integer('reserve_sample_qty').notNull(),
    samplers: text('samplers').array().notNull(),
    sampledOn: day('sampled_on').notNull(),
    labName: text('lab_name').notNull(),
    testedOn: day('tested_on'),
    results: jsonb('results').$type<TestItemResultRow[]>().notNull(),
    conclusion: text('conclusion', { enum: ['pass', 'fail'] }),
    receivedOn: day('received_on'),
    objectionDeadline: day('objection_deadline'),
    retestLabName: text('retest_lab_name'),
    retestTestedOn: day('retest_tested_on'),
    retestResults: jsonb('retest_results').$type<TestItemResultRow[]>(),
    retestConclusion: text('retest_conclusion', { enum: ['pass', 'fail'] }),
    status: text('status').notNull(),
    publicationDueOn: day('publication_due_on'),
    publishedAt: ts('published_at'),
    overdueFlaggedAt: ts('overdue_flagged_at'),
    /** The officer who recorded the sampling: told when its publication is overdue. */
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('supervision_product_checks_code_uq').on(t.regionCode, t.code),
    index('supervision_product_checks_enterprise_idx').on(t.enterpriseId),
    index('supervision_product_checks_published_idx')
      .on(t.publishedAt.desc(), t.id.desc())
      .where(sql`${t.publishedAt} is not null`),
  ],
);

/** The firm's one objection / re-test request per check (unique: once only) and the office's decision. */
export const supervisionObjections = pgTable(
  'supervision_objections',
  {
    id: uuid('id').primaryKey(),
    checkId: uuid('check_id')
      .notNull()
      .references(() => supervisionProductChecks.id),
    regionCode: text('region_code').notNull(),
    filedOn: day('filed_on').notNull(),
    reason: text('reason').notNull(),
    decisionDueOn: day('decision_due_on').notNull(),
    decision: text('decision', { enum: ['accepted', 'refused'] }),
    decidedOn: day('decided_on'),
    note: text('note'),
    filedBy: uuid('filed_by'),
    overdueFlaggedAt: ts('overdue_flagged_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('supervision_objections_check_uq').on(t.checkId)],
);

/** The follow-up of a failure, tracked to closure. */
export const supervisionRectifications = pgTable(
  'supervision_rectifications',
  {
    id: uuid('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    code: text('code').notNull(),
    sourceType: text('source_type', { enum: ['inspection', 'productCheck'] }).notNull(),
    sourceId: uuid('source_id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    enterpriseName: text('enterprise_name').notNull(),
    orderedOn: day('ordered_on').notNull(),
    correctBy: day('correct_by').notNull(),
    status: text('status').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('supervision_rectifications_source_uq').on(t.sourceType, t.sourceId),
    uniqueIndex('supervision_rectifications_code_uq').on(t.regionCode, t.code),
    index('supervision_rectifications_enterprise_idx').on(t.enterpriseId),
  ],
);

/** Every transition of every supervision workflow, with the date it concerns (each step dated). */
export const supervisionHistory = pgTable(
  'supervision_history',
  {
    id: uuid('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    transition: text('transition').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    onDate: day('on_date').notNull(),
    note: text('note'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [index('supervision_history_entity_idx').on(t.entityId, t.at)],
);

/** Risk-monitoring samples and signals (风险监测): not enforcement. */
export const supervisionSignals = pgTable(
  'supervision_signals',
  {
    id: uuid('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    code: text('code').notNull(),
    product: text('product').notNull(),
    hazard: text('hazard').notNull(),
    source: text('source').notNull(),
    description: text('description').notNull(),
    reportedOn: day('reported_on').notNull(),
    sampleRef: text('sample_ref'),
    severity: integer('severity'),
    likelihood: integer('likelihood'),
    grade: text('grade'),
    status: text('status').notNull(),
    planId: uuid('plan_id'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('supervision_signals_code_uq').on(t.regionCode, t.code)],
);

/** Evidence files of a rectification (kept in the platform's file store), with the step they came with. */
export const supervisionRectificationFiles = pgTable(
  'supervision_rectification_files',
  {
    rectificationId: uuid('rectification_id')
      .notNull()
      .references(() => supervisionRectifications.id),
    fileId: uuid('file_id').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.rectificationId, t.fileId] })],
);

/** The facts of a product check as they stood before or after a correction. */
export interface TestedFactsRow {
  testedOn: string | null;
  results: TestItemResultRow[];
  conclusion: 'pass' | 'fail' | null;
  receivedOn: string | null;
}

/**
 * Corrections of recorded facts (a product check's results): the values replaced and the new
 * ones, who and why. The record itself holds the current values; this keeps the old ones.
 */
export const supervisionCorrections = pgTable(
  'supervision_corrections',
  {
    id: uuid('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    reason: text('reason').notNull(),
    before: jsonb('before').$type<TestedFactsRow>().notNull(),
    after: jsonb('after').$type<TestedFactsRow>().notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [index('supervision_corrections_entity_idx').on(t.entityId, t.at)],
);
