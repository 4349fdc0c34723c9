import type { Actor } from '../identity/permissions.js';
import { defineMachine } from '../shared/state-machine.js';
import { isPastDeadline, objectionProblem } from './deadlines.js';
import { signalWarrantsPlan } from './signal-grading.js';
import type { SignalGrade } from './vocabulary.js';

/**
 * The workflows of supervision as state machines (shared/state-machine.ts). The server applies a
 * transition and writes the new state, a history row and an audit row in one transaction; the
 * web app asks the same machines which buttons to show.
 */

// ---- spot-check plan and its draw ----

export const PLAN_STATES = ['draft', 'committed', 'seeded', 'drawn', 'assigned', 'closed'] as const;
export type PlanState = (typeof PLAN_STATES)[number];

export interface PlanContext {
  today: string;
  poolSize: number;
  /** The announced date the seed becomes known (e.g. the lottery draw's date). */
  seedAnnouncedOn: string | null;
  openInspections: number;
}

export const planMachine = defineMachine<
  PlanState,
  'commit' | 'enterSeed' | 'drawTargets' | 'drawInspectors' | 'close',
  PlanContext,
  Actor
>({
  states: PLAN_STATES,
  transitions: [
    {
      name: 'commit',
      from: 'draft',
      to: 'committed',
      permission: 'supervision.manage',
      guard: (c) => (c.poolSize > 0 ? null : 'supervision.plan.emptyPool'),
    },
    {
      name: 'enterSeed',
      from: 'committed',
      to: 'seeded',
      permission: 'supervision.manage',
      // The seed is a number nobody could know at commit time: it cannot be entered before its day.
      guard: (c) => (c.seedAnnouncedOn !== null && c.today >= c.seedAnnouncedOn ? null : 'supervision.seed.tooEarly'),
    },
    { name: 'drawTargets', from: 'seeded', to: 'drawn', permission: 'supervision.manage' },
    { name: 'drawInspectors', from: 'drawn', to: 'assigned', permission: 'supervision.manage' },
    {
      name: 'close',
      from: 'assigned',
      to: 'closed',
      permission: 'supervision.manage',
      guard: (c) => (c.openInspections === 0 ? null : 'supervision.plan.openInspections'),
    },
  ],
});

// ---- inspection of one drawn target ----

export const INSPECTION_STATES = ['assigned', 'recorded'] as const;
export type InspectionState = (typeof INSPECTION_STATES)[number];

export interface InspectionContext {
  /** The actor is one of the inspectors drawn for this target (a department officer records only those). */
  actorIsAssigned: boolean;
}

export const inspectionMachine = defineMachine<InspectionState, 'record', InspectionContext, Actor>({
  states: INSPECTION_STATES,
  transitions: [
    {
      name: 'record',
      from: 'assigned',
      to: 'recorded',
      permission: 'supervision.inspect',
      actorMay: (a, c) => a.permissions.includes('supervision.manage') || c.actorIsAssigned,
    },
  ],
});

// ---- product quality spot check (产品质量法 art. 15–17, SAMR Order No. 18 of 2019) ----

export const PRODUCT_CHECK_STATES = ['sampled', 'tested', 'notified', 'objected', 'retesting', 'closed'] as const;
export type ProductCheckState = (typeof PRODUCT_CHECK_STATES)[number];

export interface ProductCheckContext {
  today: string;
  /** The actor belongs to the checked firm. */
  actorOwnsFirm: boolean;
  receivedOn: string | null;
  conclusion: 'pass' | 'fail' | null;
  objectedBefore: boolean;
  /** The last day of the firm's objection window, null before the notice reached it. */
  objectionDeadline: string | null;
}

export const productCheckMachine = defineMachine<
  ProductCheckState,
  'recordResults' | 'correctResults' | 'notify' | 'object' | 'acceptObjection' | 'refuseObjection' | 'recordRetest' | 'close',
  ProductCheckContext,
  Actor
>({
  states: PRODUCT_CHECK_STATES,
  transitions: [
    { name: 'recordResults', from: 'sampled', to: 'tested', permission: 'supervision.manage' },
    /*
     * A wrong entry (a date, a value, a verdict) is corrected by the office, the old values kept in
     * the check's corrections. After the notice the corrected result must reach the firm again,
     * with a new objection window: the check goes back to "tested". Once the firm has objected,
     * the re-test settles the result instead.
     */
    { name: 'correctResults', from: ['tested', 'notified'], to: 'tested', permission: 'supervision.manage' },
    { name: 'notify', from: 'tested', to: 'notified', permission: 'supervision.manage' },
    {
      name: 'object',
      from: 'notified',
      to: 'objected',
      permission: 'supervision.own.respond',
      actorMay: (_, c) => c.actorOwnsFirm,
      guard: (c) =>
        objectionProblem({
          receivedOn: c.receivedOn,
          filedOn: c.today,
          conclusion: c.conclusion,
          objectedBefore: c.objectedBefore,
        }),
    },
    { name: 'acceptObjection', from: 'objected', to: 'retesting', permission: 'supervision.manage' },
    { name: 'refuseObjection', from: 'objected', to: 'closed', permission: 'supervision.manage' },
    { name: 'recordRetest', from: 'retesting', to: 'closed', permission: 'supervision.manage' },
    {
      name: 'close',
      from: 'notified',
      to: 'closed',
      permission: 'supervision.manage',
      // A failed result stands only once the firm's window to object has passed.
      guard: (c) =>
        c.conclusion === 'fail' && c.objectionDeadline !== null && !isPastDeadline(c.objectionDeadline, c.today)
          ? 'supervision.objection.windowOpen'
          : null,
    },
  ],
});

// ---- follow-up of a failure: order to correct → re-inspection → notice → suspension → revocation ----

export const RECTIFICATION_STATES = [
  'ordered',
  'evidenceSubmitted',
  'corrected',
  'notCorrected',
  'noticed',
  'suspended',
  'revoked',
] as const;
export type RectificationState = (typeof RECTIFICATION_STATES)[number];

export interface RectificationContext {
  today: string;
  correctBy: string;
  actorOwnsFirm: boolean;
}

export const rectificationMachine = defineMachine<
  RectificationState,
  'submitEvidence' | 'reinspectPass' | 'reinspectFail' | 'publishNotice' | 'suspend' | 'confirmCorrected' | 'revoke',
  RectificationContext,
  Actor
>({
  states: RECTIFICATION_STATES,
  transitions: [
    {
      name: 'submitEvidence',
      from: ['ordered', 'evidenceSubmitted'],
      to: 'evidenceSubmitted',
      permission: 'supervision.own.respond',
      actorMay: (_, c) => c.actorOwnsFirm,
    },
    { name: 'reinspectPass', from: ['ordered', 'evidenceSubmitted'], to: 'corrected', permission: 'supervision.manage' },
    {
      name: 'reinspectFail',
      from: ['ordered', 'evidenceSubmitted'],
      to: 'notCorrected',
      permission: 'supervision.manage',
      // "Not corrected" can only be found once the firm's time to correct has run out.
      guard: (c) => (isPastDeadline(c.correctBy, c.today) ? null : 'supervision.rectification.notDue'),
    },
    { name: 'publishNotice', from: 'notCorrected', to: 'noticed', permission: 'supervision.manage' },
    { name: 'suspend', from: 'noticed', to: 'suspended', permission: 'supervision.manage' },
    { name: 'confirmCorrected', from: ['noticed', 'suspended'], to: 'corrected', permission: 'supervision.manage' },
    { name: 'revoke', from: 'suspended', to: 'revoked', permission: 'supervision.manage' },
  ],
});

// ---- risk-monitoring signal (not enforcement: no re-test route) ----

export const SIGNAL_STATES = ['open', 'graded', 'planned', 'closed'] as const;
export type SignalState = (typeof SIGNAL_STATES)[number];

export interface SignalContext {
  grade: SignalGrade | null;
}

export const signalMachine = defineMachine<SignalState, 'grade' | 'plan' | 'close', SignalContext, Actor>({
  states: SIGNAL_STATES,
  transitions: [
    { name: 'grade', from: ['open', 'graded'], to: 'graded', permission: 'supervision.manage' },
    {
      name: 'plan',
      from: 'graded',
      to: 'planned',
      permission: 'supervision.manage',
      guard: (c) => (c.grade !== null && signalWarrantsPlan(c.grade) ? null : 'supervision.signal.gradeTooLow'),
    },
    { name: 'close', from: ['open', 'graded'], to: 'closed', permission: 'supervision.manage' },
  ],
});
