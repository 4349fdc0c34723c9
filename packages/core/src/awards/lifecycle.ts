import type { Role } from '../identity/permissions.js';
import { AWARD_ROLE_PERMISSIONS } from './permissions.js';
import type { MessageKey } from '../shared/messages.js';
import { defineMachine, type MachineActor } from '../shared/state-machine.js';
import { checkQuota, type AwardSelection } from './scoring.js';

/**
 * The award application's workflow (DOMAIN §3) as a state machine for the runner in
 * shared/state-machine.ts.
 *
 *   draft → submitted → eligibility_review → returned → submitted (again)
 *                                          → rejected
 *                                          → eligible → recommended → document_review → site_review
 *                                            → committee → proposed (public notice) → awarded → revoked
 *                                                                                   → not_awarded
 *   withdrawn: by the enterprise, any time before the committee's proposal
 *   not_awarded also: screened out after document or site review, declined by the committee
 */

// ---- states ----

export const APPLICATION_STATES = [
  'draft',
  'submitted',
  'eligibility_review',
  'returned',
  'rejected',
  'eligible',
  'recommended',
  'document_review',
  'site_review',
  'committee',
  'proposed',
  'awarded',
  'not_awarded',
  'withdrawn',
  'revoked',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const APPLICATION_STATE_NAMES: Record<ApplicationState, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  eligibility_review: { zh: '资格审查中', en: 'Eligibility review' },
  returned: { zh: '退回补正', en: 'Returned for correction' },
  rejected: { zh: '资格审查未通过', en: 'Rejected' },
  eligible: { zh: '资格审查通过', en: 'Eligible' },
  recommended: { zh: '已推荐', en: 'Recommended' },
  document_review: { zh: '资料评审中', en: 'Document review' },
  site_review: { zh: '现场评审中', en: 'Site review' },
  committee: { zh: '评审委员会审议', en: 'Committee evaluation' },
  proposed: { zh: '拟授奖公示中', en: 'Proposed (public notice)' },
  awarded: { zh: '已获奖', en: 'Awarded' },
  not_awarded: { zh: '未获奖', en: 'Not awarded' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  revoked: { zh: '已撤销奖励', en: 'Award revoked' },
};

// ---- context ----

export const DEFAULT_MIN_REVIEW_GROUP_SIZE = 5;
export const DEFAULT_CORRECTION_WORKING_DAYS = 5;

/** Who acts on an application: identity's Actor fits (award permissions once wired in). */
export interface ApplicationActor extends MachineActor {
  readonly userId: string;
  readonly organizationId: string | null;
}

/**
 * What the server knows about the application when a transition is asked for. Fields only a
 * guard reads are optional: absent counts as "not met", so a forgotten field refuses rather than
 * lets through.
 */
export interface ApplicationContext {
  /** The applying enterprise: enterprise transitions need the actor to belong to it. */
  applicantOrganizationId: string;
  /** The leader of the application's review group, once formed: only they close a review stage. */
  reviewGroupLeaderUserId?: string | null;
  /** The comment sent with the transition (returning, rejecting, screening out, cancelling, revoking need one). */
  comment?: string | null;
  /** Every criteria item has a self-assessment entry. */
  selfAssessmentComplete?: boolean;
  /** Today is inside the cycle's application window. */
  applicationWindowOpen?: boolean;
  /** Every eligibility rule passed (evaluateEligibility(...).eligible). */
  eligible?: boolean;
  reviewGroup?: { members: number; hasLeader: boolean; minSize?: number };
  /** The current review stage's consensus covers every item. */
  consensusComplete?: boolean;
  /** For `propose`: what is proposed, what the cycle already proposed or awarded, and the quota. */
  proposal?: { decision: 'winner' | 'nomination'; alreadySelected: AwardSelection; quota: AwardSelection };
  /** For `resubmit`: the last day of the correction period (set when the office returned it). */
  correctionDueOn?: string | null;
  /** For `award`: the public notice has ended and no objection is still open. */
  noticeEndsOn?: string;
  today?: string;
  openObjections?: number;
}

const ownsApplication = (actor: ApplicationActor, ctx: ApplicationContext) =>
  actor.organizationId !== null && actor.organizationId === ctx.applicantOrganizationId;
const leadsReviewGroup = (actor: ApplicationActor, ctx: ApplicationContext) =>
  !!ctx.reviewGroupLeaderUserId && actor.userId === ctx.reviewGroupLeaderUserId;

const needsComment = (ctx: ApplicationContext): MessageKey | null =>
  ctx.comment && ctx.comment.trim().length > 0 ? null : 'awards.transition.commentRequired';
const needsSelfAssessment = (ctx: ApplicationContext): MessageKey | null =>
  ctx.selfAssessmentComplete === true ? null : 'awards.selfAssessment.incomplete';
const needsConsensus = (ctx: ApplicationContext): MessageKey | null =>
  ctx.consensusComplete === true ? null : 'awards.consensus.incomplete';

/** The last day of a public notice of `days` calendar days starting on `startsOn`. */
export function noticeEndsOn(startsOn: string, days: number): string {
  const d = new Date(`${startsOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days - 1);
  return d.toISOString().slice(0, 10);
}

/** An objection counts only when it arrives inside the notice, both ends included. */
export function objectionTimingIssue(submittedOn: string, noticeStartsOn: string, noticeLastDay: string): MessageKey | null {
  return submittedOn >= noticeStartsOn && submittedOn <= noticeLastDay ? null : 'awards.objection.outsideNotice';
}

// ---- machine ----

export type ApplicationTransition =
  | 'submit'
  | 'resubmit'
  | 'withdraw'
  | 'startEligibilityReview'
  | 'returnForCorrection'
  | 'reject'
  | 'confirmEligible'
  | 'recommend'
  | 'startDocumentReview'
  | 'completeDocumentReview'
  | 'completeSiteReview'
  | 'screenOut'
  | 'propose'
  | 'decline'
  | 'award'
  | 'cancelProposal'
  | 'revoke';

/** The states an enterprise may still withdraw its application from (before the committee's proposal). */
export const WITHDRAWABLE_STATES: readonly ApplicationState[] = [
  'draft',
  'submitted',
  'eligibility_review',
  'returned',
  'eligible',
  'recommended',
  'document_review',
  'site_review',
  'committee',
];

export const applicationLifecycle = defineMachine<ApplicationState, ApplicationTransition, ApplicationContext, ApplicationActor>({
  states: APPLICATION_STATES,
  transitions: [
    // enterprise
    {
      name: 'submit',
      from: 'draft',
      to: 'submitted',
      permission: 'awards.application.own.write',
      actorMay: ownsApplication,
      guard: (ctx) => needsSelfAssessment(ctx) ?? (ctx.applicationWindowOpen === true ? null : 'awards.applicationWindow.closed'),
    },
    {
      // A correction is due within the working days the programme sets, not the application window.
      name: 'resubmit',
      from: 'returned',
      to: 'submitted',
      permission: 'awards.application.own.write',
      actorMay: ownsApplication,
      guard: (ctx) =>
        needsSelfAssessment(ctx) ??
        (ctx.correctionDueOn && (!ctx.today || ctx.today > ctx.correctionDueOn) ? 'awards.correction.overdue' : null),
    },
    {
      name: 'withdraw',
      from: [...WITHDRAWABLE_STATES],
      to: 'withdrawn',
      permission: 'awards.application.own.write',
      actorMay: ownsApplication,
    },
    // office
    { name: 'startEligibilityReview', from: 'submitted', to: 'eligibility_review', permission: 'awards.application.process' },
    {
      name: 'returnForCorrection',
      from: 'eligibility_review',
      to: 'returned',
      permission: 'awards.application.process',
      guard: needsComment,
    },
    { name: 'reject', from: 'eligibility_review', to: 'rejected', permission: 'awards.application.process', guard: needsComment },
    {
      name: 'confirmEligible',
      from: 'eligibility_review',
      to: 'eligible',
      permission: 'awards.application.process',
      guard: (ctx) => (ctx.eligible === true ? null : 'awards.eligibility.notMet'),
    },
    { name: 'recommend', from: 'eligible', to: 'recommended', permission: 'awards.application.process' },
    {
      name: 'startDocumentReview',
      from: 'recommended',
      to: 'document_review',
      permission: 'awards.application.process',
      guard: (ctx) => {
        const g = ctx.reviewGroup;
        return g && g.hasLeader && g.members >= (g.minSize ?? DEFAULT_MIN_REVIEW_GROUP_SIZE)
          ? null
          : 'awards.reviewGroup.incomplete';
      },
    },
    // expert group leader
    {
      name: 'completeDocumentReview',
      from: 'document_review',
      to: 'site_review',
      permission: 'awards.review.lead',
      actorMay: leadsReviewGroup,
      guard: needsConsensus,
    },
    {
      name: 'completeSiteReview',
      from: 'site_review',
      to: 'committee',
      permission: 'awards.review.lead',
      actorMay: leadsReviewGroup,
      guard: needsConsensus,
    },
    // committee (office and leaders)
    {
      name: 'screenOut',
      from: ['document_review', 'site_review'],
      to: 'not_awarded',
      permission: 'awards.decide',
      guard: needsComment,
    },
    {
      name: 'propose',
      from: 'committee',
      to: 'proposed',
      permission: 'awards.decide',
      guard: (ctx) => {
        const p = ctx.proposal;
        if (!p) return 'awards.proposal.missing';
        return checkQuota(
          {
            winners: p.alreadySelected.winners + (p.decision === 'winner' ? 1 : 0),
            nominations: p.alreadySelected.nominations + (p.decision === 'nomination' ? 1 : 0),
          },
          p.quota,
        );
      },
    },
    { name: 'decline', from: 'committee', to: 'not_awarded', permission: 'awards.decide' },
    {
      name: 'award',
      from: 'proposed',
      to: 'awarded',
      permission: 'awards.decide',
      guard: (ctx) => {
        if (!ctx.noticeEndsOn || !ctx.today || ctx.today <= ctx.noticeEndsOn) return 'awards.notice.notEnded';
        return (ctx.openObjections ?? 1) === 0 ? null : 'awards.objections.open';
      },
    },
    // An objection upheld during the notice.
    { name: 'cancelProposal', from: 'proposed', to: 'not_awarded', permission: 'awards.decide', guard: needsComment },
    { name: 'revoke', from: 'awarded', to: 'revoked', permission: 'awards.decide', guard: needsComment },
  ],
});

export const APPLICATION_TRANSITIONS = applicationLifecycle.transitionNames;

/** The roles whose award permissions let them take a transition (for documentation and the UI). */
export function rolesForTransition(name: ApplicationTransition): Role[] {
  const t = applicationLifecycle.transition(name);
  if (!t?.permission) return [];
  return (Object.entries(AWARD_ROLE_PERMISSIONS) as [Role, readonly string[]][])
    .filter(([, perms]) => perms.includes(t.permission!))
    .map(([role]) => role);
}
