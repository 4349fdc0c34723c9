import { z } from 'zod';
import { isoDate } from '../shared/dates.js';
import { listQuery } from '../shared/list.js';
import { MAX_FEN } from './budget.js';
import { SCORING_RULE_KINDS } from './assessment-scoring.js';
import { ATTENDANCE_VALUES, MEETING_KINDS } from './meeting-lifecycle.js';
import { TASK_PRIORITIES, TASK_STATES } from './task-lifecycle.js';

/** Request contracts of the governance API (routes parse with these; the web forms mirror them). */

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (issue) => (issue.input === undefined || issue.input === null ? 'validation.required' : 'validation.invalidOption'),
  });
}
const requiredText = (max: number) =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(max, { error: 'validation.tooLong' });
const optionalText = (max: number) => z.string().trim().max(max, { error: 'validation.tooLong' }).nullable().optional();
const id = z.uuid({ error: 'validation.invalidFormat' });
const year = z.coerce.number().int().min(2000).max(2100);
/** Money: a whole number of fen, positive. */
export const budgetFen = z
  .number({ error: 'validation.required' })
  .int({ error: 'governance.budget.amountInvalid' })
  .min(1, {
    error: 'governance.budget.amountInvalid',
  })
  .max(MAX_FEN, { error: 'governance.budget.amountInvalid' });

// ---- leadership group ----
export const GROUP_ROLES = ['leader', 'deputy_leader', 'office', 'member'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

export const groupMemberInput = z.object({
  departmentId: id,
  groupRole: oneOf(GROUP_ROLES),
  personName: requiredText(64),
  personTitle: optionalText(64),
  responsibilities: requiredText(2000),
  /** The user who heads the department in the group: level-1 escalations go to them. */
  headUserId: id.nullable().optional(),
  since: isoDate,
});
export type GroupMemberInput = z.infer<typeof groupMemberInput>;

export const groupMemberEnd = z.object({ until: isoDate, note: optionalText(500) });
export const groupQuery = z.object({ on: isoDate.optional(), history: z.coerce.boolean().optional() });

// ---- meetings ----
export const meetingInput = z.object({
  kind: oneOf(MEETING_KINDS),
  title: requiredText(200),
  scheduledOn: isoDate,
  location: optionalText(200),
  agenda: z.array(requiredText(500)).min(1, { error: 'validation.required' }).max(30),
});
export type MeetingInput = z.infer<typeof meetingInput>;

export const attendanceInput = z.object({
  entries: z
    .array(
      z.object({
        departmentId: id,
        attendance: oneOf(ATTENDANCE_VALUES),
        attendeeName: optionalText(64),
      }),
    )
    .min(1)
    .max(100),
});
export type AttendanceInput = z.infer<typeof attendanceInput>;

export const minutesInput = z.object({ minutes: requiredText(20_000) });
export const meetingTransitionInput = z.object({ transition: requiredText(32) });
export const meetingListQuery = listQuery.extend({ year: year.optional() });

/** A deadline: a date, or working days counted from the meeting's date. */
export const deadlineInput = z
  .object({ date: isoDate.nullable().optional(), workingDays: z.number().int().min(0).max(250).nullable().optional() })
  .refine((d) => !!d.date || (d.workingDays !== null && d.workingDays !== undefined), {
    error: 'governance.task.deadlineRequired',
  });

export const taskSpec = z
  .object({
    title: requiredText(200),
    leadDepartmentId: id,
    supportingDepartmentIds: z.array(id).max(20).default([]),
    deadline: deadlineInput,
    expectedOutput: requiredText(1000),
    priority: oneOf(TASK_PRIORITIES).default('normal'),
  })
  .superRefine((t, ctx) => {
    const i = t.supportingDepartmentIds.indexOf(t.leadDepartmentId);
    if (i >= 0)
      ctx.addIssue({ code: 'custom', message: 'governance.task.leadIsSupporting', path: ['supportingDepartmentIds', i] });
  });
export type TaskSpec = z.infer<typeof taskSpec>;

export const resolutionInput = z.object({
  text: requiredText(2000),
  tasks: z.array(taskSpec).min(1, { error: 'validation.required' }).max(20),
});
export type ResolutionInput = z.infer<typeof resolutionInput>;

// ---- tasks ----
export const taskListQuery = listQuery.extend({
  state: oneOf(TASK_STATES).optional(),
  departmentId: id.optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  year: year.optional(),
});
export type TaskListQuery = z.infer<typeof taskListQuery>;

export const progressInput = z.object({
  note: requiredText(2000),
  percent: z.number().int().min(0).max(100),
});
export type ProgressInput = z.infer<typeof progressInput>;

export const taskTransitionInput = z.object({ transition: requiredText(32), note: optionalText(2000) });
export type TaskTransitionInput = z.infer<typeof taskTransitionInput>;

// ---- assessment ----
const scoringRule = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal(SCORING_RULE_KINDS[0]),
    targetPercent: z.number().int().min(1).max(100),
    floorPercent: z.number().int().min(0).max(99),
  }),
  z.object({ kind: z.literal(SCORING_RULE_KINDS[1]), targetPercent: z.number().int().min(1).max(100) }),
  z.object({ kind: z.literal(SCORING_RULE_KINDS[2]), perUnit: z.number().int().min(1).max(100) }),
]);

export const indicatorInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,31}$/, { error: 'validation.invalidFormat' }),
  name: requiredText(100),
  weight: z.number().int().min(1).max(100),
  mode: oneOf(['automatic', 'entered'] as const),
  source: z.string().trim().max(64).nullable().optional(),
  rule: scoringRule,
  whenNoData: oneOf(['full', 'zero'] as const).default('full'),
});

export const schemeInput = z.object({
  year: z.number().int().min(2000).max(2100),
  indicators: z.array(indicatorInput).min(1).max(20),
  thresholds: z.object({
    A: z.number().int().min(1).max(100),
    B: z.number().int().min(1).max(100),
    C: z.number().int().min(0).max(100),
  }),
});
export type SchemeInput = z.infer<typeof schemeInput>;

export const enteredValueInput = z
  .object({
    indicatorCode: requiredText(32),
    departmentId: id,
    numerator: z.number().int().min(0).max(1_000_000),
    denominator: z.number().int().min(0).max(1_000_000),
    evidence: requiredText(2000),
  })
  .refine((v) => v.numerator <= v.denominator || v.denominator === 0, {
    error: 'governance.assessment.numeratorAboveDenominator',
    path: ['numerator'],
  });
export type EnteredValueInput = z.infer<typeof enteredValueInput>;

export const appealInput = z.object({ reason: requiredText(2000) });
export const appealDecisionInput = z.object({ decision: oneOf(['upheld', 'rejected'] as const), note: requiredText(2000) });
export const yearParams = z.object({ year });

// ---- budget ----
export const budgetLineInput = z.object({
  year: z.number().int().min(2000).max(2100),
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,31}$/, { error: 'validation.invalidFormat' }),
  name: requiredText(100),
  budgetFen: budgetFen,
});
export type BudgetLineInput = z.infer<typeof budgetLineInput>;

export const commitmentInput = z.object({
  amountFen: budgetFen,
  purpose: requiredText(500),
  payee: optionalText(200),
  /** The document the commitment rests on (a decision, a contract number). */
  document: requiredText(200),
});
export type CommitmentInput = z.infer<typeof commitmentInput>;

export const paymentInput = z.object({
  amountFen: budgetFen,
  commitmentId: id.nullable().optional(),
  payee: requiredText(200),
  document: requiredText(200),
  paidOn: isoDate,
});
export type PaymentInput = z.infer<typeof paymentInput>;

export const reallocationInput = z.object({
  fromLineId: id,
  toLineId: id,
  amountFen: budgetFen,
  reason: requiredText(500),
  document: requiredText(200),
});
export type ReallocationInput = z.infer<typeof reallocationInput>;
