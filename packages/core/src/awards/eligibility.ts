import { z } from 'zod';
import { isIsoDate } from '../shared/dates.js';
import type { MessageKey } from '../shared/messages.js';

/**
 * Who may apply, as data a programme edits, and a pure evaluator. The server gathers the facts
 * (registry: founding date and "little giant" status; supervision: major accidents; awards: the
 * enterprise's earlier awards and revocations) and stores the evaluation with the application, so
 * the office's eligibility review shows each rule with the facts it was judged on.
 */

export const AWARD_LEVELS = ['district', 'city', 'province'] as const;
export type AwardLevel = (typeof AWARD_LEVELS)[number];

/** The award one level down, required before the next level (district → city → province). */
export function lowerAwardLevel(level: AwardLevel): AwardLevel | null {
  const i = AWARD_LEVELS.indexOf(level);
  return i > 0 ? AWARD_LEVELS[i - 1]! : null;
}

const years = (min: number, max: number) => z.number().int().min(min).max(max);

export const eligibilityRule = z.discriminatedUnion('kind', [
  /** In operation at least `minYears` (`littleGiantMinYears` for specialised "little giant" firms). */
  z.object({
    kind: z.literal('yearsInOperation'),
    minYears: years(0, 50).default(5),
    littleGiantMinYears: years(0, 50).default(3),
  }),
  /** No major quality, safety or environmental accident in the last `years` years. */
  z.object({ kind: z.literal('noMajorAccident'), years: years(1, 20).default(3) }),
  /** A winner of this level may not apply again for `years` years after the award. */
  z.object({ kind: z.literal('winnerLockout'), years: years(0, 20).default(4) }),
  /** The award one level down is held (not revoked); district programmes pass by definition. */
  z.object({ kind: z.literal('lowerLevelAward') }),
  /**
   * A revoked winner is barred: for `years` years after the revocation, or for good when null;
   * revocations of this level only, or of any level when `anyLevel`.
   */
  z.object({
    kind: z.literal('noRevocationBan'),
    years: years(1, 50).nullable().default(null),
    anyLevel: z.boolean().default(false),
  }),
]);
export type EligibilityRule = z.infer<typeof eligibilityRule>;
export type EligibilityRuleKind = EligibilityRule['kind'];

/** A programme's rule list: each kind at most once. */
export const eligibilityRules = z.array(eligibilityRule).superRefine((rules, ctx) => {
  const seen = new Set<string>();
  rules.forEach((r, i) => {
    if (seen.has(r.kind)) ctx.addIssue({ code: 'custom', path: [i, 'kind'], message: 'awards.eligibility.duplicateRule' });
    seen.add(r.kind);
  });
});

/** The typical rules of DOMAIN §3; a programme changes the numbers or drops a rule. */
export const DEFAULT_ELIGIBILITY_RULES: readonly EligibilityRule[] = [
  { kind: 'yearsInOperation', minYears: 5, littleGiantMinYears: 3 },
  { kind: 'noMajorAccident', years: 3 },
  { kind: 'winnerLockout', years: 4 },
  { kind: 'lowerLevelAward' },
  { kind: 'noRevocationBan', years: null, anyLevel: false },
];

export interface EligibilityFacts {
  /** The day the rules are judged on (the submission date, Asia/Shanghai), YYYY-MM-DD. */
  asOf: string;
  foundedOn: string;
  /** A specialised, refined, distinctive and innovative "little giant" (专精特新“小巨人”) firm. */
  littleGiant: boolean;
  majorAccidents: readonly { occurredOn: string; kind: 'quality' | 'safety' | 'environment' }[];
  /** Quality awards the enterprise has won, at any level, with the revocation date if revoked. */
  awards: readonly { level: AwardLevel; awardedOn: string; revokedOn: string | null }[];
}

export type EligibilityFactValue = string | number | boolean | null | readonly string[];

export interface EligibilityRuleResult {
  kind: EligibilityRuleKind;
  passed: boolean;
  /** Names the requirement; shown with ✓ or ✗ and the facts. */
  message: MessageKey;
  facts: Record<string, EligibilityFactValue>;
}

export interface EligibilityResult {
  eligible: boolean;
  results: EligibilityRuleResult[];
}

/**
 * The date `n` years after (or before, for negative n) a date. A period in years ends on the
 * corresponding day; with no corresponding day (29 February) on the last day of that month
 * (Civil Code art. 202).
 */
export function addYears(date: string, n: number): string {
  if (!isIsoDate(date)) throw new RangeError(`not a date: ${date}`);
  const y = Number(date.slice(0, 4)) + n;
  const md = date.slice(5);
  const shifted = `${String(y).padStart(4, '0')}-${md}`;
  return isIsoDate(shifted) ? shifted : `${String(y).padStart(4, '0')}-02-28`;
}

/** Whole years from `from` to `to` (0 when `to` is earlier). */
export function completedYears(from: string, to: string): number {
  if (to < from) return 0;
  let n = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  while (n > 0 && addYears(from, n) > to) n--;
  return n;
}

const RULE_MESSAGES: Record<EligibilityRuleKind, MessageKey> = {
  yearsInOperation: 'awards.eligibility.yearsInOperation',
  noMajorAccident: 'awards.eligibility.noMajorAccident',
  winnerLockout: 'awards.eligibility.winnerLockout',
  lowerLevelAward: 'awards.eligibility.lowerLevelAward',
  noRevocationBan: 'awards.eligibility.noRevocationBan',
};

function latest(dates: readonly string[]): string | null {
  return dates.length === 0 ? null : [...dates].sort().at(-1)!;
}

function evaluateRule(
  rule: EligibilityRule,
  level: AwardLevel,
  f: EligibilityFacts,
): Pick<EligibilityRuleResult, 'passed' | 'facts'> {
  switch (rule.kind) {
    case 'yearsInOperation': {
      const requiredYears = f.littleGiant ? rule.littleGiantMinYears : rule.minYears;
      const years = completedYears(f.foundedOn, f.asOf);
      return {
        passed: years >= requiredYears,
        facts: { foundedOn: f.foundedOn, asOf: f.asOf, littleGiant: f.littleGiant, requiredYears, completedYears: years },
      };
    }
    case 'noMajorAccident': {
      // The window is (asOf − years, asOf]: an accident exactly `years` years ago is outside it.
      const since = addYears(f.asOf, -rule.years);
      const within = f.majorAccidents
        .filter((a) => a.occurredOn > since && a.occurredOn <= f.asOf)
        .map((a) => `${a.occurredOn} ${a.kind}`)
        .sort();
      return { passed: within.length === 0, facts: { since, asOf: f.asOf, accidents: within } };
    }
    case 'winnerLockout': {
      const lastAwardedOn = latest(f.awards.filter((a) => a.level === level).map((a) => a.awardedOn));
      const lockedUntil = lastAwardedOn === null ? null : addYears(lastAwardedOn, rule.years);
      return {
        passed: lockedUntil === null || f.asOf >= lockedUntil,
        facts: { level, lastAwardedOn, lockedUntil, asOf: f.asOf },
      };
    }
    case 'lowerLevelAward': {
      const requiredLevel = lowerAwardLevel(level);
      if (requiredLevel === null) return { passed: true, facts: { level, requiredLevel: null, heldSince: null } };
      const heldSince = latest(
        f.awards
          .filter((a) => a.level === requiredLevel && a.revokedOn === null && a.awardedOn <= f.asOf)
          .map((a) => a.awardedOn),
      );
      return { passed: heldSince !== null, facts: { level, requiredLevel, heldSince } };
    }
    case 'noRevocationBan': {
      const revokedOn = latest(
        f.awards.filter((a) => a.revokedOn !== null && (rule.anyLevel || a.level === level)).map((a) => a.revokedOn!),
      );
      const bannedUntil = revokedOn === null || rule.years === null ? null : addYears(revokedOn, rule.years);
      const passed = revokedOn === null || (bannedUntil !== null && f.asOf >= bannedUntil);
      return { passed, facts: { revokedOn, bannedUntil, permanent: revokedOn !== null && rule.years === null, asOf: f.asOf } };
    }
  }
}

/** Each rule's verdict with the facts it used, in the programme's order; eligible when all pass. */
export function evaluateEligibility(
  rules: readonly EligibilityRule[],
  level: AwardLevel,
  facts: EligibilityFacts,
): EligibilityResult {
  for (const d of [facts.asOf, facts.foundedOn]) if (!isIsoDate(d)) throw new RangeError(`not a date: ${d}`);
  const results = rules.map((rule) => ({
    kind: rule.kind,
    message: RULE_MESSAGES[rule.kind],
    ...evaluateRule(rule, level, facts),
  }));
  return { eligible: results.every((r) => r.passed), results };
}
