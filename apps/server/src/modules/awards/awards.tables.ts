/** Drizzle tables of the awards module (exported to drizzle-kit through platform/db/schema.ts). */
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant as stamp } from '../../platform/db/columns.js';
import type {
  ApplicationFacts,
  AwardCalendar,
  ConsensusEntry,
  EligibilityResult,
  EligibilityRule,
  ExpertScoreEntry,
  SelfAssessmentEntry,
} from '@qd/core';

export interface ReviewSettingsRow {
  minGroupSize: number;
  divergenceThreshold: number;
  normalisationMinScores: number;
  conflictYears: number;
  loadCap: number;
  /** Absent in rows written before the setting existed: the default then applies. */
  correctionWorkingDays?: number;
}

/** An award programme of one level, owned by the region that runs it. */
export const awardProgrammes = pgTable(
  'award_programmes',
  {
    id: uuid('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    name: text('name').notNull(),
    level: text('level', { enum: ['district', 'city', 'province'] }).notNull(),
    cycleYears: integer('cycle_years').notNull(),
    winnerQuota: integer('winner_quota').notNull(),
    nominationQuota: integer('nomination_quota').notNull(),
    prizeMoneyFen: integer('prize_money_fen').notNull(),
    nominationPrizeMoneyFen: integer('nomination_prize_money_fen').notNull(),
    criteriaVersionId: text('criteria_version_id').notNull(),
    eligibilityRules: jsonb('eligibility_rules').$type<EligibilityRule[]>().notNull(),
    review: jsonb('review').$type<ReviewSettingsRow>().notNull(),
    /** The calendar new cycles start from. */
    calendar: jsonb('calendar').$type<AwardCalendar>().notNull(),
    createdAt: stamp('created_at').notNull(),
    updatedAt: stamp('updated_at').notNull(),
  },
  (t) => [index('award_programmes_region_idx').on(sql`${t.regionCode} text_pattern_ops`)],
);

/**
 * One cycle of a programme. Opening it pins the programme's rules (quota, criteria version,
 * eligibility, review settings) so a later edit of the programme never changes a running cycle.
 */
export const awardCycles = pgTable(
  'award_cycles',
  {
    id: uuid('id').primaryKey(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => awardProgrammes.id),
    regionCode: text('region_code').notNull(),
    level: text('level', { enum: ['district', 'city', 'province'] }).notNull(),
    year: integer('year').notNull(),
    code: text('code').notNull(),
    status: text('status', { enum: ['planned', 'open', 'notice', 'announced'] }).notNull(),
    calendar: jsonb('calendar').$type<AwardCalendar>().notNull(),
    criteriaVersionId: text('criteria_version_id').notNull(),
    winnerQuota: integer('winner_quota').notNull(),
    nominationQuota: integer('nomination_quota').notNull(),
    eligibilityRules: jsonb('eligibility_rules').$type<EligibilityRule[]>().notNull(),
    review: jsonb('review').$type<ReviewSettingsRow>().notNull(),
    /** Secret seed of the blinded codes (scoring.ts blindedCodes); never sent to a client. */
    blindingSeed: text('blinding_seed').notNull(),
    noticeStartsOn: date('notice_starts_on', { mode: 'string' }),
    noticeEndsOn: date('notice_ends_on', { mode: 'string' }),
    openedAt: stamp('opened_at'),
    announcedAt: stamp('announced_at'),
    createdAt: stamp('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('award_cycles_programme_year_uq').on(t.programmeId, t.year),
    uniqueIndex('award_cycles_code_uq').on(t.code),
    index('award_cycles_region_idx').on(sql`${t.regionCode} text_pattern_ops`),
  ],
);

/** An enterprise's application to one cycle. region_code is the enterprise's region. */
export const awardApplications = pgTable(
  'award_applications',
  {
    id: uuid('id').primaryKey(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => awardCycles.id),
    regionCode: text('region_code').notNull(),
    organizationId: uuid('organization_id').notNull(),
    code: text('code').notNull(),
    state: text('state').notNull(),
    facts: jsonb('facts').$type<Partial<ApplicationFacts>>().notNull(),
    selfAssessment: jsonb('self_assessment').$type<SelfAssessmentEntry[]>().notNull(),
    declarationAccepted: boolean('declaration_accepted').notNull().default(false),
    /** The evaluation of the last submission, with the facts each rule was judged on. */
    eligibility: jsonb('eligibility').$type<EligibilityResult>(),
    submittedAt: stamp('submitted_at'),
    /** Last day of the correction period after a return (working days, Chinese calendar). */
    correctionDueOn: date('correction_due_on', { mode: 'string' }),
    decision: text('decision', { enum: ['winner', 'nomination'] }),
    awardedOn: date('awarded_on', { mode: 'string' }),
    revokedOn: date('revoked_on', { mode: 'string' }),
    revocationReason: text('revocation_reason'),
    /** The lower-level application this one was recommended from (its materials were carried over). */
    recommendedFromId: uuid('recommended_from_id'),
    createdAt: stamp('created_at').notNull(),
    updatedAt: stamp('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('award_applications_cycle_org_uq').on(t.cycleId, t.organizationId),
    uniqueIndex('award_applications_code_uq').on(t.code),
    index('award_applications_org_idx').on(t.organizationId),
    index('award_applications_region_idx').on(sql`${t.regionCode} text_pattern_ops`),
  ],
);

/** Every transition of an application (append-only). */
export const awardApplicationHistory = pgTable(
  'award_application_history',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => awardApplications.id),
    regionCode: text('region_code').notNull(),
    transition: text('transition').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    comment: text('comment'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    at: stamp('at').notNull(),
  },
  (t) => [index('award_application_history_app_idx').on(t.applicationId, t.at)],
);

/** Members of an application's review group. Removed members stay, with the reason. */
export const awardReviewMembers = pgTable(
  'award_review_members',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => awardApplications.id),
    cycleId: uuid('cycle_id').notNull(),
    regionCode: text('region_code').notNull(),
    expertId: uuid('expert_id').notNull(),
    isLeader: boolean('is_leader').notNull().default(false),
    /** How the member came in: the system's proposal, or an office override (with its reason). */
    source: text('source', { enum: ['proposal', 'override'] }).notNull(),
    overrideReason: text('override_reason'),
    status: text('status', { enum: ['active', 'removed', 'recused'] }).notNull(),
    removedReason: text('removed_reason'),
    declaredNoConflictAt: stamp('declared_no_conflict_at'),
    declarationNote: text('declaration_note'),
    createdAt: stamp('created_at').notNull(),
  },
  (t) => [
    index('award_review_members_app_idx').on(t.applicationId),
    index('award_review_members_expert_idx').on(t.expertId, t.status),
  ],
);

/** Interests and family ties experts declare in organizations (conflict checks read them). */
export const awardExpertInterests = pgTable(
  'award_expert_interests',
  {
    id: uuid('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    expertId: uuid('expert_id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    kind: text('kind', { enum: ['interest', 'family'] }).notNull(),
    note: text('note').notNull(),
    createdAt: stamp('created_at').notNull(),
  },
  (t) => [uniqueIndex('award_expert_interests_uq').on(t.expertId, t.organizationId, t.kind)],
);

/** One expert's independent scores of one application; sealed to others until submitted. */
export const awardExpertScores = pgTable(
  'award_expert_scores',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => awardApplications.id),
    cycleId: uuid('cycle_id').notNull(),
    regionCode: text('region_code').notNull(),
    expertId: uuid('expert_id').notNull(),
    entries: jsonb('entries').$type<ExpertScoreEntry[]>().notNull(),
    submittedAt: stamp('submitted_at'),
    updatedAt: stamp('updated_at').notNull(),
  },
  (t) => [uniqueIndex('award_expert_scores_uq').on(t.applicationId, t.expertId)],
);

/** Every saved version of a score sheet or of the consensus (append-only history). */
export const awardScoreHistory = pgTable(
  'award_score_history',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id').notNull(),
    regionCode: text('region_code').notNull(),
    /** The expert whose sheet changed; null for the consensus. */
    expertId: uuid('expert_id'),
    kind: text('kind', { enum: ['draft', 'submitted', 'consensus'] }).notNull(),
    entries: jsonb('entries').$type<unknown[]>().notNull(),
    actorId: uuid('actor_id'),
    at: stamp('at').notNull(),
  },
  (t) => [index('award_score_history_app_idx').on(t.applicationId, t.at)],
);

export interface SiteReviewRow {
  visitedOn: string;
  members: string[];
  findings: string;
  adjustments: string;
}
export interface FeedbackReportRow {
  keyThemes: string;
  categories: { categoryId: string; strengths: string; opportunities: string }[];
  submittedAt: string | null;
}

/** The review group's shared record: consensus per item, the site review, the feedback report. */
export const awardReviewRecords = pgTable('award_review_records', {
  applicationId: uuid('application_id')
    .primaryKey()
    .references(() => awardApplications.id),
  regionCode: text('region_code').notNull(),
  consensus: jsonb('consensus').$type<ConsensusEntry[]>().notNull(),
  siteReview: jsonb('site_review').$type<SiteReviewRow>(),
  feedback: jsonb('feedback').$type<FeedbackReportRow>(),
  updatedAt: stamp('updated_at').notNull(),
});

/** Objections lodged during a cycle's public notice, and how the office handled them. */
export const awardObjections = pgTable(
  'award_objections',
  {
    id: uuid('id').primaryKey(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => awardCycles.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => awardApplications.id),
    regionCode: text('region_code').notNull(),
    realName: text('real_name').notNull(),
    contact: text('contact').notNull(),
    content: text('content').notNull(),
    evidenceFileIds: uuid('evidence_file_ids').array().notNull(),
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['open', 'upheld', 'dismissed'] }).notNull(),
    handling: text('handling'),
    handledBy: uuid('handled_by'),
    handledAt: stamp('handled_at'),
    createdAt: stamp('created_at').notNull(),
  },
  (t) => [index('award_objections_cycle_idx').on(t.cycleId)],
);

/** Evidence files attached to an application (the file store keeps the bytes and checksum). */
export const awardAttachments = pgTable(
  'award_attachments',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => awardApplications.id),
    regionCode: text('region_code').notNull(),
    fileId: uuid('file_id').notNull(),
    /** The criteria item the evidence supports, if any. */
    itemId: text('item_id'),
    createdAt: stamp('created_at').notNull(),
  },
  (t) => [index('award_attachments_app_idx').on(t.applicationId), uniqueIndex('award_attachments_file_uq').on(t.fileId)],
);

/** Evidence uploaded by the public for an objection; linked to the objection once it is lodged. */
export const awardObjectionEvidence = pgTable('award_objection_evidence', {
  fileId: uuid('file_id').primaryKey(),
  cycleId: uuid('cycle_id')
    .notNull()
    .references(() => awardCycles.id),
  objectionId: uuid('objection_id'),
  createdAt: stamp('created_at').notNull(),
});
