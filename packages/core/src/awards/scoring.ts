import type { MessageKey } from '../shared/messages.js';
import { criteriaItems, type CriteriaVersion, type ItemKind } from './criteria.js';

/**
 * Scores, consensus, severity advice and the committee's ranking.
 *
 * Exact arithmetic: an examiner gives each item a percentage in steps of 5 (0–100) and the item
 * scores percentage × points / 100. Points are integers, so percentage × points is an integer and
 * the score is that many *hundredths* of a point (55 % of 15 points = 825 hundredths = 8.25
 * points; tenths would not do). Every score and total here is an integer count of hundredths;
 * divide by 100 only to show it (`formatPoints`). Store hundredths, compare hundredths.
 */

export const SCORE_STEP = 5;

/** A percentage an examiner may give: an integer 0–100 in steps of 5. */
export function isScorePercentage(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100 && value % SCORE_STEP === 0;
}

/** percentage × points, in hundredths of a point. */
export function itemScoreHundredths(percentage: number, points: number): number {
  if (!isScorePercentage(percentage)) throw new RangeError(`not a score percentage: ${percentage}`);
  if (!Number.isInteger(points) || points < 0) throw new RangeError(`not an item's points: ${points}`);
  return percentage * points;
}

/** Hundredths of a point as people read them: 82500 → "825", 825 → "8.25", 850 → "8.5". */
export function formatPoints(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(Math.round(hundredths));
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  if (frac === 0) return `${sign}${whole}`;
  return `${sign}${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
}

export interface ItemPercentage {
  itemId: string;
  percentage: number;
}

export interface EntryIssue {
  index: number;
  path: 'itemId' | 'percentage';
  message: MessageKey;
}

/**
 * What is wrong with a list of score entries under a criteria version: unknown items, an item
 * given twice, a percentage off the 5-step scale. The server answers 422 with these before any
 * sheet is computed.
 */
export function scoreEntryIssues(criteria: CriteriaVersion, entries: readonly ItemPercentage[]): EntryIssue[] {
  const known = new Set(criteriaItems(criteria).map((i) => i.id));
  const seen = new Set<string>();
  const issues: EntryIssue[] = [];
  entries.forEach((e, index) => {
    if (!known.has(e.itemId)) issues.push({ index, path: 'itemId', message: 'awards.score.unknownItem' });
    else if (seen.has(e.itemId)) issues.push({ index, path: 'itemId', message: 'awards.score.duplicateItem' });
    seen.add(e.itemId);
    if (!isScorePercentage(e.percentage)) issues.push({ index, path: 'percentage', message: 'awards.score.percentage' });
  });
  return issues;
}

export interface ItemScore {
  itemId: string;
  categoryId: string;
  kind: ItemKind;
  /** The item's maximum, in points. */
  points: number;
  /** null when the item has not been scored yet (it then counts 0). */
  percentage: number | null;
  hundredths: number;
}

export interface CategoryScore {
  categoryId: string;
  points: number;
  hundredths: number;
  items: ItemScore[];
}

export interface ScoreSheet {
  criteriaVersionId: string;
  categories: CategoryScore[];
  totalHundredths: number;
  /** The version's total, in points (1000 for GB/T 19580). */
  maxPoints: number;
  /** Items not scored yet, in criteria order; a sheet is complete when none are missing. */
  missingItemIds: string[];
  complete: boolean;
}

/**
 * Item, category and overall scores of one sheet (a self-assessment, one expert's review or the
 * group's consensus). Entries must have passed `scoreEntryIssues`: anything else is a programming
 * error and throws.
 */
export function scoreSheet(criteria: CriteriaVersion, entries: readonly ItemPercentage[]): ScoreSheet {
  const issues = scoreEntryIssues(criteria, entries);
  if (issues.length > 0)
    throw new RangeError(`invalid score entries: ${issues.map((i) => `#${i.index} ${i.message}`).join(', ')}`);
  const given = new Map(entries.map((e) => [e.itemId, e.percentage]));
  const missingItemIds: string[] = [];
  const categories = criteria.categories.map((category) => {
    const items = category.items.map((item): ItemScore => {
      const percentage = given.get(item.id) ?? null;
      if (percentage === null) missingItemIds.push(item.id);
      return {
        itemId: item.id,
        categoryId: category.id,
        kind: item.kind,
        points: item.points,
        percentage,
        hundredths: percentage === null ? 0 : itemScoreHundredths(percentage, item.points),
      };
    });
    return { categoryId: category.id, points: category.points, hundredths: sum(items.map((i) => i.hundredths)), items };
  });
  return {
    criteriaVersionId: criteria.id,
    categories,
    totalHundredths: sum(categories.map((c) => c.hundredths)),
    maxPoints: criteria.total,
    missingItemIds,
    complete: missingItemIds.length === 0,
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
}

// ---- consensus ----

export const DEFAULT_DIVERGENCE_THRESHOLD = 30;

export interface PercentageSummary {
  count: number;
  min: number;
  max: number;
  /** max − min, in percentage points. */
  spread: number;
  mean: number;
  median: number;
}

/** Spread, mean and median of the experts' percentages for one item; null for none. */
export function summarizePercentages(percentages: readonly number[]): PercentageSummary | null {
  if (percentages.length === 0) return null;
  const sorted = [...percentages].sort((a, b) => a - b);
  const n = sorted.length;
  const min = sorted[0]!;
  const max = sorted[n - 1]!;
  const median = n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  return { count: n, min, max, spread: max - min, mean: sum(sorted) / n, median };
}

export interface ExpertItemScore extends ItemPercentage {
  expertId: string;
}

export interface ItemDivergence extends PercentageSummary {
  itemId: string;
  /** The spread exceeds the threshold (strictly): the group leader discusses this item first. */
  divergent: boolean;
}

/**
 * Per item of one application, how far the experts' independent scores lie apart, in criteria
 * order; items nobody scored yet are left out. `threshold` is the programme's setting (default 30
 * percentage points; a spread equal to it is not flagged).
 */
export function itemDivergence(
  criteria: CriteriaVersion,
  scores: readonly ExpertItemScore[],
  threshold: number = DEFAULT_DIVERGENCE_THRESHOLD,
): ItemDivergence[] {
  const byItem = new Map<string, number[]>();
  for (const s of scores) byItem.set(s.itemId, [...(byItem.get(s.itemId) ?? []), s.percentage]);
  const result: ItemDivergence[] = [];
  for (const item of criteriaItems(criteria)) {
    const summary = summarizePercentages(byItem.get(item.id) ?? []);
    if (summary) result.push({ itemId: item.id, ...summary, divergent: summary.spread > threshold });
  }
  return result;
}

// ---- reviewer-severity normalisation ----

export const DEFAULT_NORMALISATION_MIN_SCORES = 10;

export interface ReviewScore extends ExpertItemScore {
  applicationId: string;
}

export type NormalisationSkip = 'awards.normalisation.tooFewScores' | 'awards.normalisation.noSpread';

export interface ExpertSeverity {
  expertId: string;
  count: number;
  mean: number;
  /** Population standard deviation of the expert's percentages. */
  sd: number;
  /** Whether advice was computed for this expert; if not, why not. */
  adjusted: boolean;
  skippedBecause: NormalisationSkip | null;
}

export interface AdvisedScore {
  expertId: string;
  applicationId: string;
  itemId: string;
  /** The percentage the expert gave: the score of record, never changed. */
  raw: number;
  /** The percentage this expert's score maps to on the common scale (one decimal, 0–100); null when not adjusted. */
  advice: number | null;
}

export interface SeverityAdvice {
  pooled: { count: number; mean: number; sd: number };
  experts: ExpertSeverity[];
  scores: AdvisedScore[];
}

function meanAndSd(values: readonly number[]): { mean: number; sd: number } {
  const mean = sum(values) / values.length;
  const variance = sum(values.map((v) => (v - mean) ** 2)) / values.length;
  return { mean, sd: Math.sqrt(variance) };
}

/**
 * Reviewer-severity advice (DOMAIN §3): per expert, the z-score of each of their percentages
 * against their own mean and sd, mapped back to the common scale with the pooled mean and sd of
 * everyone's scores. A uniformly harsh expert's scores map up, a lenient one's down. Only for
 * experts with at least `minScores` scores and a non-zero sd; the raw scores are returned
 * untouched beside the advice and stay the scores of record.
 */
export function severityAdvice(scores: readonly ReviewScore[], options: { minScores?: number } = {}): SeverityAdvice {
  const minScores = options.minScores ?? DEFAULT_NORMALISATION_MIN_SCORES;
  const pooledValues = scores.map((s) => s.percentage);
  const pooled =
    pooledValues.length > 0 ? { count: pooledValues.length, ...meanAndSd(pooledValues) } : { count: 0, mean: 0, sd: 0 };

  const byExpert = new Map<string, number[]>();
  for (const s of scores) byExpert.set(s.expertId, [...(byExpert.get(s.expertId) ?? []), s.percentage]);
  const experts: ExpertSeverity[] = [...byExpert.entries()].map(([expertId, values]) => {
    const { mean, sd } = meanAndSd(values);
    const skippedBecause: NormalisationSkip | null =
      values.length < minScores ? 'awards.normalisation.tooFewScores' : sd === 0 ? 'awards.normalisation.noSpread' : null;
    return { expertId, count: values.length, mean, sd, adjusted: skippedBecause === null, skippedBecause };
  });
  const stats = new Map(experts.map((e) => [e.expertId, e]));

  return {
    pooled,
    experts,
    scores: scores.map((s) => {
      const e = stats.get(s.expertId)!;
      let advice: number | null = null;
      if (e.adjusted) {
        const z = (s.percentage - e.mean) / e.sd;
        advice = Math.round(Math.min(100, Math.max(0, pooled.mean + z * pooled.sd)) * 10) / 10;
      }
      return { expertId: s.expertId, applicationId: s.applicationId, itemId: s.itemId, raw: s.percentage, advice };
    }),
  };
}

export interface ExpertTotalAdvice {
  expertId: string;
  applicationId: string;
  rawHundredths: number;
  /** The total with advised percentages, in points to one decimal; null when the expert was not adjusted. */
  advicePoints: number | null;
}

/** Per expert and application, the raw total beside the total the advice would give. */
export function totalsWithAdvice(criteria: CriteriaVersion, advice: SeverityAdvice): ExpertTotalAdvice[] {
  const points = new Map(criteriaItems(criteria).map((i) => [i.id, i.points]));
  const adjusted = new Set(advice.experts.filter((e) => e.adjusted).map((e) => e.expertId));
  const totals = new Map<string, ExpertTotalAdvice & { adviceExact: number }>();
  for (const s of advice.scores) {
    const p = points.get(s.itemId);
    if (p === undefined) continue;
    const key = JSON.stringify([s.expertId, s.applicationId]);
    const t = totals.get(key) ?? {
      expertId: s.expertId,
      applicationId: s.applicationId,
      rawHundredths: 0,
      advicePoints: null,
      adviceExact: 0,
    };
    t.rawHundredths += itemScoreHundredths(s.raw, p);
    t.adviceExact += ((s.advice ?? 0) * p) / 100;
    totals.set(key, t);
  }
  return [...totals.values()].map(({ adviceExact, ...t }) => ({
    ...t,
    advicePoints: adjusted.has(t.expertId) ? Math.round(adviceExact * 10) / 10 : null,
  }));
}

// ---- blinded ranking ----

export interface RankingEntry {
  applicationId: string;
  /** The consensus total, in hundredths of a point. */
  totalHundredths: number;
}

export interface BlindedRankingRow {
  /** 1-based; equal totals share a rank (1, 2, 2, 4). */
  rank: number;
  code: string;
  totalHundredths: number;
}

export interface UnblindedRankingRow extends BlindedRankingRow {
  applicationId: string;
}

/** A 128-bit hash of the seed (cyrb128): the PRNG's starting state. */
function seedState(seed: string): [number, number, number, number] {
  let h1 = 1779033703,
    h2 = 3144134277,
    h3 = 1013904242,
    h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32: a small, fast PRNG with a 128-bit state; uniform 32-bit integers. */
function sfc32(state: [number, number, number, number]): () => number {
  let [a, b, c, d] = state;
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
}

/** Fisher–Yates shuffle driven by the seed: the same seed and items give the same order. */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const next = sfc32(seedState(seed));
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor((next() / 2 ** 32) * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Blinded codes A01, A02 … for a cycle's applications, dealt by a seeded shuffle of the sorted ids
 * so that neither the code nor the list order tells who is who (not submission order, not name).
 * The seed must be a secret random string kept with the cycle (e.g. 128 random bits as hex) until
 * unblinding; publishing it afterwards lets anyone re-check the codes. Three digits from 100
 * applications on.
 */
export function blindedCodes(applicationIds: readonly string[], seed: string): Map<string, string> {
  const ids = [...new Set(applicationIds)].sort();
  const width = Math.max(2, String(ids.length).length);
  const shuffled = seededShuffle(ids, seed);
  return new Map(shuffled.map((id, i) => [id, `A${String(i + 1).padStart(width, '0')}`]));
}

/**
 * The committee's ranking by consensus total, highest first; equal totals share a rank and are
 * listed by code. Blinded rows carry no application id at all, so nothing in the response names
 * an applicant until `unblinded`.
 */
export function rankApplications(
  entries: readonly RankingEntry[],
  options: { seed: string; unblinded: true },
): UnblindedRankingRow[];
export function rankApplications(
  entries: readonly RankingEntry[],
  options: { seed: string; unblinded?: false },
): BlindedRankingRow[];
export function rankApplications(
  entries: readonly RankingEntry[],
  options: { seed: string; unblinded?: boolean },
): BlindedRankingRow[] | UnblindedRankingRow[] {
  const ids = entries.map((e) => e.applicationId);
  if (new Set(ids).size !== ids.length) throw new RangeError('ranking: an application is listed twice');
  const codes = blindedCodes(ids, options.seed);
  const sorted = entries
    .map((e) => ({ ...e, code: codes.get(e.applicationId)! }))
    .sort((a, b) => b.totalHundredths - a.totalHundredths || a.code.localeCompare(b.code));
  let rank = 0;
  return sorted.map((e, i) => {
    if (i === 0 || e.totalHundredths !== sorted[i - 1]!.totalHundredths) rank = i + 1;
    const row: BlindedRankingRow = { rank, code: e.code, totalHundredths: e.totalHundredths };
    return options.unblinded ? { ...row, applicationId: e.applicationId } : row;
  });
}

// ---- quota ----

export interface AwardSelection {
  winners: number;
  nominations: number;
}

/**
 * Selecting more winners or nominations than the programme allows is refused. `selection` counts
 * everything proposed or awarded in the cycle, including the one being added.
 */
export function checkQuota(
  selection: AwardSelection,
  quota: AwardSelection,
): 'awards.quota.winners' | 'awards.quota.nominations' | null {
  if (selection.winners > quota.winners) return 'awards.quota.winners';
  if (selection.nominations > quota.nominations) return 'awards.quota.nominations';
  return null;
}
