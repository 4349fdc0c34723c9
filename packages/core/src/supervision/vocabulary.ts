/**
 * The fixed vocabularies of supervision (DOMAIN §5): credit-risk classes with their default
 * draw ratios, inspection result codes, signal sources and grades.
 */

/** Credit-risk classes of the target directory, most to least risky. */
export const RISK_CLASSES = ['high', 'mediumHigh', 'medium', 'low'] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];

/**
 * Default risk-based draw ratios in basis points (1/100 of a percent), after Henan 2021:
 * high 30 %, medium-high 10 %, medium 2 %, low 1 % (verify for the district's own notice).
 */
export const DEFAULT_RISK_RATIOS_BP: Readonly<Record<RiskClass, number>> = {
  high: 3000,
  mediumHigh: 1000,
  medium: 200,
  low: 100,
};

/** Flags a target may carry; they narrow a plan's pool (e.g. firms with complaints). */
export const TARGET_FLAGS = ['complaints', 'abnormalOperation', 'priorFailure', 'keyIndustry'] as const;
export type TargetFlag = (typeof TARGET_FLAGS)[number];

/** General items have limited ratios; key items (safety, quality) may be checked without a cap. */
export const SUPERVISION_ITEM_KINDS = ['general', 'key'] as const;
export type SupervisionItemKind = (typeof SUPERVISION_ITEM_KINDS)[number];

export const TARGET_TYPES = ['enterprise', 'product', 'site'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

export const INSPECTION_RESULTS = [
  'noProblem', // 未发现问题
  'correctedOnSpot', // 发现问题已责令当场整改
  'orderedToCorrect', // 责令限期整改
  'caseOpened', // 已立案查处
  'notFoundAtAddress', // 通过登记的住所（经营场所）无法联系
] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];

/** Results that start the follow-up chain (order to correct by a date → re-inspection …). */
export function resultNeedsRectification(result: InspectionResult): boolean {
  return result === 'orderedToCorrect';
}

export const SIGNAL_SOURCES = ['complaint', 'monitoringTest', 'recall', 'report', 'other'] as const;
export type SignalSource = (typeof SIGNAL_SOURCES)[number];

export const SIGNAL_GRADES = ['low', 'medium', 'high', 'severe'] as const;
export type SignalGrade = (typeof SIGNAL_GRADES)[number];

/** At least two inspectors per check (DOMAIN §5). */
export const MIN_INSPECTORS_PER_TARGET = 2;
/** At least two samplers per product sample (SAMR Order No. 18 of 2019). */
export const MIN_SAMPLERS = 2;
