import type { MessageKey } from '../shared/messages.js';

/**
 * The yearly assessment of the leadership group's departments (绩效考评), as a pure function:
 * the scheme (indicators with weights, scoring rules and grade thresholds) and each department's
 * figures in, scores with a breakdown per indicator out. Same inputs, same scores: no clock, no
 * randomness, integer arithmetic on hundredths of a point, departments and indicators in the
 * order given.
 */

export const SCORING_RULE_KINDS = ['proportional', 'threshold', 'deduction'] as const;
export type ScoringRuleKind = (typeof SCORING_RULE_KINDS)[number];

/**
 * - proportional: the weight times (ratio − floor) / (target − floor), clamped to [0, 1]
 *   (ratio 95 % with target 100 % and floor 60 % → 7/8 of the weight);
 * - threshold: the whole weight when the ratio reaches the target, else nothing;
 * - deduction: the weight less `perUnit` points for each counted unit (numerator), not below 0
 *   (e.g. 2 points per overdue task).
 * Ratios and targets are in percent (0–100); points in whole points.
 */
export type ScoringRule =
  | { kind: 'proportional'; targetPercent: number; floorPercent: number }
  | { kind: 'threshold'; targetPercent: number }
  | { kind: 'deduction'; perUnit: number };

export interface IndicatorDefinition {
  code: string;
  name: string;
  /** Whole points; the weights of a scheme add up to 100. */
  weight: number;
  /** automatic: from a named data source; entered: by the office, with evidence. */
  mode: 'automatic' | 'entered';
  /** The data source's stable name (automatic indicators). */
  source?: string | null;
  rule: ScoringRule;
  /** What a department scores when it has nothing to measure (denominator 0): full marks by default. */
  whenNoData?: 'full' | 'zero';
}

/** Grade thresholds in whole points: score ≥ A → A, ≥ B → B, ≥ C → C, else D. */
export interface GradeThresholds {
  A: number;
  B: number;
  C: number;
}
export const DEFAULT_GRADE_THRESHOLDS: GradeThresholds = { A: 90, B: 80, C: 60 };
export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];

export interface AssessmentScheme {
  indicators: readonly IndicatorDefinition[];
  thresholds: GradeThresholds;
}

/** One department's measured value of one indicator, with what it rests on. */
export interface Figure {
  numerator: number;
  denominator: number;
  /** References to the records behind the figure (task codes, meeting codes, documents). */
  evidence: readonly string[];
}

export interface IndicatorScore {
  code: string;
  name: string;
  source: string | null;
  mode: 'automatic' | 'entered';
  weight: number;
  figure: Figure | null;
  /** The ratio in hundredths of a percent (9550 = 95.50 %), null without data or for deductions. */
  ratioBasisPoints: number | null;
  /** Points in hundredths (2350 = 23.50 points). */
  pointsHundredths: number;
  maxHundredths: number;
}

export interface DepartmentScore {
  departmentId: string;
  totalHundredths: number;
  grade: Grade;
  breakdown: IndicatorScore[];
}

/** null when the scheme is usable, else why not. */
export function checkScheme(scheme: AssessmentScheme): MessageKey | null {
  if (scheme.indicators.length === 0) return 'governance.assessment.noIndicators';
  const codes = new Set(scheme.indicators.map((i) => i.code));
  if (codes.size !== scheme.indicators.length) return 'governance.assessment.duplicateIndicator';
  if (scheme.indicators.reduce((sum, i) => sum + i.weight, 0) !== 100) return 'governance.assessment.weightsNot100';
  for (const i of scheme.indicators) {
    if (i.mode === 'automatic' && !i.source) return 'governance.assessment.sourceMissing';
    if (i.rule.kind === 'proportional' && i.rule.floorPercent >= i.rule.targetPercent)
      return 'governance.assessment.floorAboveTarget';
  }
  const t = scheme.thresholds;
  if (!(t.A > t.B && t.B > t.C && t.C >= 0 && t.A <= 100)) return 'governance.assessment.thresholdsOrder';
  return null;
}

export function gradeOf(totalHundredths: number, t: GradeThresholds): Grade {
  if (totalHundredths >= t.A * 100) return 'A';
  if (totalHundredths >= t.B * 100) return 'B';
  if (totalHundredths >= t.C * 100) return 'C';
  return 'D';
}

/** Integer division rounding half up, for non-negative operands. */
function divRound(n: number, d: number): number {
  return Math.floor((2 * n + d) / (2 * d));
}

export function scoreIndicator(indicator: IndicatorDefinition, figure: Figure | null): IndicatorScore {
  const max = indicator.weight * 100;
  const base = {
    code: indicator.code,
    name: indicator.name,
    source: indicator.source ?? null,
    mode: indicator.mode,
    weight: indicator.weight,
    figure,
    maxHundredths: max,
  };
  const rule = indicator.rule;
  if (rule.kind === 'deduction') {
    const units = figure?.numerator ?? 0;
    return { ...base, ratioBasisPoints: null, pointsHundredths: Math.max(0, max - units * rule.perUnit * 100) };
  }
  if (!figure || figure.denominator <= 0) {
    return { ...base, ratioBasisPoints: null, pointsHundredths: (indicator.whenNoData ?? 'full') === 'full' ? max : 0 };
  }
  const num = Math.min(Math.max(figure.numerator, 0), figure.denominator);
  const ratioBasisPoints = divRound(num * 10_000, figure.denominator);
  if (rule.kind === 'threshold') {
    // num / den ≥ target / 100, compared without rounding
    return { ...base, ratioBasisPoints, pointsHundredths: num * 100 >= rule.targetPercent * figure.denominator ? max : 0 };
  }
  // proportional: max × (num/den − floor/100) / ((target − floor)/100), clamped, on integers
  const above = num * 100 - rule.floorPercent * figure.denominator;
  const span = (rule.targetPercent - rule.floorPercent) * figure.denominator;
  const points = above <= 0 ? 0 : above >= span ? max : divRound(max * above, span);
  return { ...base, ratioBasisPoints, pointsHundredths: points };
}

/**
 * Scores every department: `figures[indicatorCode][departmentId]` holds the measured figure
 * (missing → no data). Departments come back in the order given.
 */
export function scoreAssessment(
  scheme: AssessmentScheme,
  departmentIds: readonly string[],
  figures: Readonly<Record<string, Readonly<Record<string, Figure | undefined>>>>,
): DepartmentScore[] {
  return departmentIds.map((departmentId) => {
    const breakdown = scheme.indicators.map((i) => scoreIndicator(i, figures[i.code]?.[departmentId] ?? null));
    const totalHundredths = breakdown.reduce((sum, b) => sum + b.pointsHundredths, 0);
    return { departmentId, totalHundredths, grade: gradeOf(totalHundredths, scheme.thresholds), breakdown };
  });
}
