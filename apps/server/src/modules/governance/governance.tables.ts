/**
 * Drizzle tables of the governance module (exported to drizzle-kit through platform/db/schema.ts).
 * Departments and users are the registry's and identity's: referenced by id only (no foreign key
 * into another module's tables), checked by the services through those modules' index.ts.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { instant } from '../../platform/db/columns.js';
import type {
  AssessmentState,
  Attendance,
  DepartmentScore,
  GradeThresholds,
  GroupRole,
  IndicatorDefinition,
  MeetingKind,
  MeetingState,
  TaskPriority,
  TaskState,
} from '@qd/core';

const createdAt = () => instant('created_at').notNull();
const fen = (name: string) => bigint(name, { mode: 'number' });

/** One department's seat in the leadership group over a period: who was a member when. */
export const groupMembers = pgTable(
  'governance_group_members',
  {
    id: uuid('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    departmentId: uuid('department_id').notNull(),
    groupRole: text('group_role').$type<GroupRole>().notNull(),
    personName: text('person_name').notNull(),
    personTitle: text('person_title'),
    responsibilities: text('responsibilities').notNull(),
    headUserId: uuid('head_user_id'),
    since: date('since', { mode: 'string' }).notNull(),
    until: date('until', { mode: 'string' }),
    endNote: text('end_note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('governance_group_members_region_idx').on(t.regionCode, t.since),
    index('governance_group_members_dept_idx').on(t.departmentId),
  ],
);

export const meetings = pgTable(
  'governance_meetings',
  {
    id: uuid('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    code: text('code').notNull(),
    year: integer('year').notNull(),
    kind: text('kind').$type<MeetingKind>().notNull(),
    title: text('title').notNull(),
    scheduledOn: date('scheduled_on', { mode: 'string' }).notNull(),
    location: text('location'),
    agenda: jsonb('agenda').$type<string[]>().notNull(),
    minutes: text('minutes'),
    state: text('state').$type<MeetingState>().notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('governance_meetings_code_uq').on(t.regionCode, t.code),
    index('governance_meetings_year_idx').on(t.regionCode, t.year),
  ],
);

export const meetingAttendance = pgTable(
  'governance_meeting_attendance',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    departmentId: uuid('department_id').notNull(),
    attendance: text('attendance').$type<Attendance>().notNull(),
    attendeeName: text('attendee_name'),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.departmentId] }),
    index('governance_meeting_attendance_dept_idx').on(t.departmentId),
  ],
);

export const meetingHistory = pgTable(
  'governance_meeting_history',
  {
    id: uuid('id').primaryKey(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    transition: text('transition').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('governance_meeting_history_meeting_idx').on(t.meetingId)],
);

export const resolutions = pgTable(
  'governance_resolutions',
  {
    id: uuid('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    code: text('code').notNull(),
    text: text('text').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('governance_resolutions_code_uq').on(t.regionCode, t.code),
    index('governance_resolutions_meeting_idx').on(t.meetingId),
  ],
);

export const tasks = pgTable(
  'governance_tasks',
  {
    id: uuid('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    code: text('code').notNull(),
    year: integer('year').notNull(),
    resolutionId: uuid('resolution_id').references(() => resolutions.id),
    title: text('title').notNull(),
    leadDepartmentId: uuid('lead_department_id').notNull(),
    supportingDepartmentIds: uuid('supporting_department_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    assignedOn: date('assigned_on', { mode: 'string' }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    /** Working days the resolution gave, when the deadline was given that way (kept for the record). */
    deadlineWorkingDays: integer('deadline_working_days'),
    expectedOutput: text('expected_output').notNull(),
    priority: text('priority').$type<TaskPriority>().notNull(),
    state: text('state').$type<TaskState>().notNull(),
    progressPercent: integer('progress_percent').notNull().default(0),
    lastReportedOn: date('last_reported_on', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
    /** Highest escalation sent so far (0 none, 1 department head, 2 leader). */
    escalationLevel: integer('escalation_level').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('governance_tasks_code_uq').on(t.regionCode, t.code),
    index('governance_tasks_year_idx').on(t.regionCode, t.year, t.leadDepartmentId),
    index('governance_tasks_open_idx').on(t.regionCode, t.state, t.deadline),
    index('governance_tasks_supporting_idx').using('gin', t.supportingDepartmentIds),
  ],
);

export const taskProgress = pgTable(
  'governance_task_progress',
  {
    id: uuid('id').primaryKey(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    departmentId: uuid('department_id').notNull(),
    reportedBy: uuid('reported_by').notNull(),
    reportedByName: text('reported_by_name').notNull(),
    note: text('note').notNull(),
    percent: integer('percent').notNull(),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('governance_task_progress_task_idx').on(t.taskId, t.reportedOn)],
);

export const taskHistory = pgTable(
  'governance_task_history',
  {
    id: uuid('id').primaryKey(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    transition: text('transition').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    note: text('note'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('governance_task_history_task_idx').on(t.taskId)],
);

/**
 * Reminders and escalations sent. The unique key (task, kind, level, deadline) is what makes the
 * follow-up job idempotent: a restart inserts nothing new and so notifies no one twice.
 */
export const taskSignals = pgTable(
  'governance_task_signals',
  {
    id: uuid('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    kind: text('kind').$type<'reminder' | 'escalation'>().notNull(),
    level: integer('level').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    recipientIds: uuid('recipient_ids').array().notNull(),
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('governance_task_signals_uq').on(t.taskId, t.kind, t.level, t.deadline)],
);

export const assessmentSchemes = pgTable(
  'governance_assessment_schemes',
  {
    id: uuid('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    indicators: jsonb('indicators').$type<IndicatorDefinition[]>().notNull(),
    thresholds: jsonb('thresholds').$type<GradeThresholds>().notNull(),
    state: text('state').$type<AssessmentState>().notNull(),
    /** The date the automatic figures were measured up to. */
    computedAsOf: date('computed_as_of', { mode: 'string' }),
    computedAt: timestamp('computed_at', { withTimezone: true, mode: 'date' }),
    lockedAt: timestamp('locked_at', { withTimezone: true, mode: 'date' }),
    lockedBy: uuid('locked_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('governance_assessment_schemes_year_uq').on(t.regionCode, t.year)],
);

export const assessmentValues = pgTable(
  'governance_assessment_values',
  {
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => assessmentSchemes.id),
    indicatorCode: text('indicator_code').notNull(),
    departmentId: uuid('department_id').notNull(),
    numerator: integer('numerator').notNull(),
    denominator: integer('denominator').notNull(),
    evidence: text('evidence').notNull(),
    enteredBy: uuid('entered_by').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.schemeId, t.indicatorCode, t.departmentId] })],
);

/** The computed result per department; once the scheme is locked these rows are the record. */
export const assessmentResults = pgTable(
  'governance_assessment_results',
  {
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => assessmentSchemes.id),
    departmentId: uuid('department_id').notNull(),
    totalHundredths: integer('total_hundredths').notNull(),
    grade: text('grade').notNull(),
    breakdown: jsonb('breakdown').$type<DepartmentScore['breakdown']>().notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.schemeId, t.departmentId] })],
);

/** One appeal per department and scheme (the unique key is the rule). */
export const assessmentAppeals = pgTable(
  'governance_assessment_appeals',
  {
    id: uuid('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => assessmentSchemes.id),
    departmentId: uuid('department_id').notNull(),
    reason: text('reason').notNull(),
    /** The score appealed against, kept as it was. */
    totalHundredths: integer('total_hundredths').notNull(),
    state: text('state').$type<'open' | 'upheld' | 'rejected'>().notNull(),
    decisionNote: text('decision_note'),
    filedBy: uuid('filed_by').notNull(),
    filedAt: timestamp('filed_at', { withTimezone: true, mode: 'date' }).notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('governance_assessment_appeals_uq').on(t.schemeId, t.departmentId)],
);

export const budgetLines = pgTable(
  'governance_budget_lines',
  {
    id: uuid('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    budgetFen: fen('budget_fen').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('governance_budget_lines_code_uq').on(t.regionCode, t.year, t.code)],
);

export const BUDGET_ENTRY_KINDS = ['commitment', 'payment', 'release', 'reallocation_in', 'reallocation_out'] as const;
export type BudgetEntryKind = (typeof BUDGET_ENTRY_KINDS)[number];

/**
 * The budget's ledger: every commitment, payment, release and reallocation as one row, never
 * changed afterwards. A line's balance is a sum over its rows.
 */
export const budgetEntries = pgTable(
  'governance_budget_entries',
  {
    id: uuid('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    lineId: uuid('line_id')
      .notNull()
      .references(() => budgetLines.id),
    kind: text('kind').$type<BudgetEntryKind>().notNull(),
    amountFen: fen('amount_fen').notNull(),
    /** Payment or release: the commitment it draws on; fromCommitmentFen is how much of it. */
    commitmentId: uuid('commitment_id'),
    fromCommitmentFen: fen('from_commitment_fen').notNull().default(0),
    /** The two rows of one reallocation share this id. */
    reallocationId: uuid('reallocation_id'),
    purpose: text('purpose'),
    payee: text('payee'),
    document: text('document').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('governance_budget_entries_line_idx').on(t.lineId, t.kind),
    index('governance_budget_entries_commitment_idx').on(t.commitmentId),
  ],
);

/** Files attached to a task's progress (evidence of the work), kept in the platform file store. */
export const taskAttachments = pgTable(
  'governance_task_attachments',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    fileId: uuid('file_id').notNull(),
    progressId: uuid('progress_id').references(() => taskProgress.id),
    departmentId: uuid('department_id'),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.fileId] })],
);

/** Documents behind budget entries (award decisions, contracts, payment vouchers). */
export const budgetDocuments = pgTable(
  'governance_budget_documents',
  {
    entryId: uuid('entry_id')
      .notNull()
      .references(() => budgetEntries.id),
    fileId: uuid('file_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.fileId] })],
);
