import { z } from 'zod';
import { regionCode } from '../registry/contracts.js';
import { isIsoDate, isoDate } from '../shared/dates.js';
import { DEFAULT_CONFLICT_YEARS, DEFAULT_EXPERT_LOAD_CAP } from './assignment.js';
import { DEFAULT_CRITERIA_VERSION_ID } from './criteria.js';
import { AWARD_LEVELS, DEFAULT_ELIGIBILITY_RULES, eligibilityRules } from './eligibility.js';
import {
  APPLICATION_STATES,
  APPLICATION_TRANSITIONS,
  DEFAULT_CORRECTION_WORKING_DAYS,
  DEFAULT_MIN_REVIEW_GROUP_SIZE,
  type ApplicationTransition,
} from './lifecycle.js';
import { DEFAULT_DIVERGENCE_THRESHOLD, DEFAULT_NORMALISATION_MIN_SCORES, isScorePercentage } from './scoring.js';

/**
 * Request and response schemas of the awards module. Entries are checked here for shape only;
 * whether an item belongs to the cycle's criteria version (and is given once) needs the version:
 * scoreEntryIssues in scoring.ts.
 */

function oneOf<const T extends readonly [string, ...string[]]>(values: T, key = 'validation.invalidOption') {
  return z.enum(values, { error: (issue) => (issue.input === undefined || issue.input === null ? 'validation.required' : key) });
}
const requiredText = (max: number) =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(max, { error: 'validation.tooLong' });
const optionalText = (max: number) => z.string().trim().max(max, { error: 'validation.tooLong' }).default('');
const wholeNumber = (min: number, max: number) => z.number().int({ error: 'validation.invalidType' }).min(min).max(max);

export const awardLevel = oneOf(AWARD_LEVELS);

/** An integer 0–100 in steps of 5. */
export const scorePercentage = z.number().refine(isScorePercentage, { error: 'awards.score.percentage' });

/** Money in integer fen (¥1 = 100 fen), never negative. */
export const fen = z.number().refine((v) => Number.isSafeInteger(v) && v >= 0, {
  error: 'awards.money.fen',
});

const itemId = requiredText(16);

// ---- programme ----

/**
 * The cycle's calendar. Dates are Asia/Shanghai calendar days; the window includes both ends.
 * Review deadlines may be set later; those given must not come before the one before them.
 */
export const awardCalendar = z
  .object({
    applicationOpensOn: isoDate,
    applicationClosesOn: isoDate,
    eligibilityReviewBy: isoDate.nullable().optional(),
    documentReviewBy: isoDate.nullable().optional(),
    siteReviewBy: isoDate.nullable().optional(),
    committeeBy: isoDate.nullable().optional(),
    /** Length of the public notice (公示) in calendar days. */
    noticeDays: wholeNumber(7, 11).default(7),
  })
  .superRefine((c, ctx) => {
    const order = [
      'applicationOpensOn',
      'applicationClosesOn',
      'eligibilityReviewBy',
      'documentReviewBy',
      'siteReviewBy',
      'committeeBy',
    ] as const;
    let previous: string | null = null;
    for (const field of order) {
      const value = c[field];
      // A malformed date is reported by its field alone.
      if (typeof value !== 'string' || !isIsoDate(value)) continue;
      if (previous !== null && value < previous)
        ctx.addIssue({ code: 'custom', path: [field], message: 'awards.calendar.order' });
      previous = value;
    }
  });
export type AwardCalendar = z.infer<typeof awardCalendar>;

/** Review practice settings (DOMAIN §3), each the default of a setting. */
export const reviewSettings = z.object({
  minGroupSize: wholeNumber(3, 21).default(DEFAULT_MIN_REVIEW_GROUP_SIZE),
  /** Items whose experts' spread exceeds this many percentage points are flagged. */
  divergenceThreshold: scorePercentage.default(DEFAULT_DIVERGENCE_THRESHOLD),
  /** Severity advice only for experts with at least this many item scores. */
  normalisationMinScores: wholeNumber(2, 1000).default(DEFAULT_NORMALISATION_MIN_SCORES),
  /** A past employer stays a conflict this many years after the employment ended. */
  conflictYears: wholeNumber(0, 20).default(DEFAULT_CONFLICT_YEARS),
  /** At most this many applications per expert and cycle. */
  loadCap: wholeNumber(1, 100).default(DEFAULT_EXPERT_LOAD_CAP),
  /** A returned application must be corrected within this many working days (Chinese calendar). */
  correctionWorkingDays: wholeNumber(1, 60).default(DEFAULT_CORRECTION_WORKING_DAYS),
});

export const awardProgrammeInput = z.object({
  name: requiredText(128),
  level: awardLevel,
  regionCode,
  cycleYears: wholeNumber(1, 10),
  winnerQuota: wholeNumber(1, 100),
  nominationQuota: wholeNumber(0, 100).default(0),
  /** Prize money per winner. */
  prizeMoneyFen: fen,
  nominationPrizeMoneyFen: fen.default(0),
  /** The criteria version applications are scored against (pinned by the cycle). */
  criteriaVersionId: requiredText(64).default(DEFAULT_CRITERIA_VERSION_ID),
  eligibilityRules: eligibilityRules.default(() => DEFAULT_ELIGIBILITY_RULES.map((r) => ({ ...r }))),
  review: reviewSettings.prefault({}),
  calendar: awardCalendar,
});
export type AwardProgrammeInput = z.infer<typeof awardProgrammeInput>;

export const awardProgramme = awardProgrammeInput.extend({ id: z.string(), createdAt: z.string() });
export type AwardProgramme = z.infer<typeof awardProgramme>;

// ---- scores ----

/** One item of the enterprise's self-assessment: its own percentage and how it meets the item. */
export const selfAssessmentEntry = z.object({
  itemId,
  percentage: scorePercentage,
  description: requiredText(10_000),
});
export type SelfAssessmentEntry = z.infer<typeof selfAssessmentEntry>;

/** One expert's independent score of one item, with the feedback report's strengths and opportunities. */
export const expertScoreEntry = z.object({
  itemId,
  percentage: scorePercentage,
  strengths: optionalText(5000),
  opportunities: optionalText(5000),
});
export type ExpertScoreEntry = z.infer<typeof expertScoreEntry>;

/** The group's agreed percentage for an item; the leader records why. */
export const consensusEntry = z.object({
  itemId,
  percentage: scorePercentage,
  rationale: requiredText(5000),
});
export type ConsensusEntry = z.infer<typeof consensusEntry>;

/** A sheet of entries (self-assessment, one expert's scores, the consensus): at most one per item. */
function sheetOf<T extends z.ZodType<{ itemId: string }>>(entry: T) {
  return z.object({
    entries: z
      .array(entry)
      .max(100)
      .superRefine((entries, ctx) => {
        const seen = new Set<string>();
        entries.forEach((e, i) => {
          if (seen.has(e.itemId)) ctx.addIssue({ code: 'custom', path: [i, 'itemId'], message: 'awards.score.duplicateItem' });
          seen.add(e.itemId);
        });
      }),
  });
}
export const selfAssessmentInput = sheetOf(selfAssessmentEntry);
export const expertScoresInput = sheetOf(expertScoreEntry);
export const consensusInput = sheetOf(consensusEntry);

// ---- workflow ----

export const applicationState = z.enum(APPLICATION_STATES);

export const applicationTransitionInput = z.object({
  transition: oneOf(
    APPLICATION_TRANSITIONS as readonly ApplicationTransition[] as [ApplicationTransition, ...ApplicationTransition[]],
    'transition.unknown',
  ),
  comment: z.string().trim().max(2000, { error: 'validation.tooLong' }).nullable().optional(),
  /** For `propose`: a winner or a nomination award. */
  decision: z.enum(['winner', 'nomination']).optional(),
});
export type ApplicationTransitionInput = z.infer<typeof applicationTransitionInput>;

// ---- objections ----

const ANONYMOUS_NAMES = /^(匿名|无名|无名氏|佚名|某某|群众|知情人|anonymous|anon|unknown|none|n\/?a|x+)$/i;
const PHONE = /^[0-9+\- ]{7,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * An objection during the public notice: real-name, written, with evidence (DOMAIN §3). A
 * request that says it is anonymous, or signs with a placeholder for a name, is refused. Whether
 * it came inside the notice window: objectionTimingIssue in lifecycle.ts.
 */
export const objectionInput = z.object({
  realName: requiredText(64).refine((v) => !ANONYMOUS_NAMES.test(v), { error: 'awards.objection.anonymous' }),
  /** A phone number or an e-mail address the office can reach the objector at. */
  contact: requiredText(128).refine((v) => PHONE.test(v) || EMAIL.test(v), { error: 'awards.objection.contact' }),
  content: requiredText(10_000),
  evidenceFileIds: z
    .array(z.uuid({ error: 'validation.invalidFormat' }), { error: 'awards.objection.evidenceRequired' })
    .min(1, { error: 'awards.objection.evidenceRequired' })
    .max(20, { error: 'validation.tooLong' }),
  anonymous: z.literal(false, { error: 'awards.objection.anonymous' }).optional(),
});
export type ObjectionInput = z.infer<typeof objectionInput>;

// ---- ranking ----

export const blindedRankingRow = z.object({ rank: z.number().int(), code: z.string(), totalHundredths: z.number().int() });
export const unblindedRankingRow = blindedRankingRow.extend({ applicationId: z.string() });

// ---- cycles ----

/** A cycle of a programme: its year and its own calendar (the programme's is the template). */
export const awardCycleInput = z.object({
  year: wholeNumber(2000, 2100),
  calendar: awardCalendar,
});
export type AwardCycleInput = z.infer<typeof awardCycleInput>;

// ---- applications ----

const phoneOrEmail = requiredText(128).refine((v) => /^[0-9+\- ]{7,20}$/.test(v) || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), {
  error: 'awards.objection.contact',
});

/** The application's first step: facts about the enterprise the review needs. */
export const applicationFacts = z.object({
  contactName: requiredText(64),
  contactPhone: phoneOrEmail,
  employees: wholeNumber(1, 10_000_000),
  /** Last year's revenue in fen. */
  annualRevenueFen: fen,
  /** A specialised, refined, distinctive and innovative "little giant" firm (shorter operating years). */
  littleGiant: z.boolean().default(false),
  profile: requiredText(5000),
});
export type ApplicationFacts = z.infer<typeof applicationFacts>;

/** A draft may be saved half-filled: every part is optional until submission checks it. */
export const applicationDraftInput = z.object({
  facts: applicationFacts.partial().optional(),
  selfAssessment: selfAssessmentInput.shape.entries.optional(),
  declarationAccepted: z.boolean().optional(),
});
export type ApplicationDraftInput = z.infer<typeof applicationDraftInput>;

/** The office's eligibility decision; return and reject need the reason. */
export const eligibilityDecisionInput = z
  .object({
    decision: oneOf(['pass', 'return', 'reject'] as const),
    comment: z.string().trim().max(2000, { error: 'validation.tooLong' }).nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== 'pass' && !v.comment)
      ctx.addIssue({ code: 'custom', path: ['comment'], message: 'awards.transition.commentRequired' });
  });

// ---- review groups ----

/** A manual change of a proposed group: always with the reason, which is kept. */
export const reviewMemberInput = z.object({
  expertId: z.uuid({ error: 'validation.invalidFormat' }),
  leader: z.boolean().default(false),
  reason: requiredText(1000),
});
export const reviewMemberRemoval = z.object({ reason: requiredText(1000) });

/** An expert's declaration before seeing an application: no conflict, or a conflict (then they step aside). */
export const conflictDeclarationInput = z
  .object({
    noConflict: z.boolean({ error: 'validation.required' }),
    note: z.string().trim().max(2000, { error: 'validation.tooLong' }).default(''),
  })
  .superRefine((v, ctx) => {
    if (!v.noConflict && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'awards.transition.commentRequired' });
  });

/** An interest or a family tie an expert declares in an organization (kept for conflict checks). */
export const expertInterestInput = z.object({
  organizationId: z.uuid({ error: 'validation.invalidFormat' }),
  kind: oneOf(['interest', 'family'] as const),
  note: optionalText(500),
});

// ---- review records ----

export const siteReviewInput = z.object({
  visitedOn: isoDate,
  members: z.array(requiredText(64)).min(1, { error: 'validation.required' }).max(30),
  findings: requiredText(10_000),
  /** How the visit changed the consensus (the changed items go into the consensus itself). */
  adjustments: optionalText(5000),
});
export type SiteReviewInput = z.infer<typeof siteReviewInput>;

export const feedbackReportInput = z.object({
  keyThemes: requiredText(10_000),
  categories: z
    .array(z.object({ categoryId: requiredText(16), strengths: optionalText(5000), opportunities: optionalText(5000) }))
    .max(30),
  submit: z.boolean().default(false),
});
export type FeedbackReportInput = z.infer<typeof feedbackReportInput>;

// ---- committee and notice ----

/** The committee selects by blinded code: the ranking it sees names nobody. */
export const selectionInput = z.object({
  code: requiredText(8),
  decision: z.enum(['winner', 'nomination', 'decline']),
  comment: z.string().trim().max(2000, { error: 'validation.tooLong' }).nullable().optional(),
});

export const objectionHandlingInput = z.object({
  outcome: oneOf(['upheld', 'dismissed'] as const),
  handling: requiredText(5000),
});

/** Carries a winner on to a programme of the next level. */
export const recommendNextInput = z.object({ cycleId: z.uuid({ error: 'validation.invalidFormat' }) });
