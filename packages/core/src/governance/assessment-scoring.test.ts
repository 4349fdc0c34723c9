import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkScheme,
  gradeOf,
  scoreAssessment,
  scoreIndicator,
  DEFAULT_GRADE_THRESHOLDS,
  type AssessmentScheme,
  type Figure,
  type IndicatorDefinition,
} from './assessment-scoring.js';

const onTime: IndicatorDefinition = {
  code: 'tasks_on_time',
  name: '督办任务按期办结率',
  weight: 40,
  mode: 'automatic',
  source: 'governance.tasks.closedOnTime',
  rule: { kind: 'proportional', targetPercent: 100, floorPercent: 60 },
};
const attendance: IndicatorDefinition = {
  code: 'meetings',
  name: '联席会议出席率',
  weight: 20,
  mode: 'automatic',
  source: 'governance.meetings.attended',
  rule: { kind: 'threshold', targetPercent: 90 },
};
const overdue: IndicatorDefinition = {
  code: 'overdue',
  name: '逾期扣分',
  weight: 10,
  mode: 'automatic',
  source: 'governance.tasks.overdueOpen',
  rule: { kind: 'deduction', perUnit: 2 },
};
const entered: IndicatorDefinition = {
  code: 'innovation',
  name: '质量工作创新',
  weight: 30,
  mode: 'entered',
  rule: { kind: 'proportional', targetPercent: 100, floorPercent: 0 },
};
const scheme: AssessmentScheme = { indicators: [onTime, attendance, overdue, entered], thresholds: DEFAULT_GRADE_THRESHOLDS };
const fig = (numerator: number, denominator: number): Figure => ({ numerator, denominator, evidence: [] });

describe('assessment scoring', () => {
  it('scores each rule as documented', () => {
    // 95 % between floor 60 % and target 100 %: 35/40 of 40 points = 35.00
    expect(scoreIndicator(onTime, fig(19, 20))).toMatchObject({ pointsHundredths: 3500, ratioBasisPoints: 9500 });
    expect(scoreIndicator(onTime, fig(1, 2)).pointsHundredths).toBe(0);
    expect(scoreIndicator(attendance, fig(9, 10)).pointsHundredths).toBe(2000);
    expect(scoreIndicator(attendance, fig(8, 10)).pointsHundredths).toBe(0);
    expect(scoreIndicator(overdue, fig(3, 0)).pointsHundredths).toBe(400);
    expect(scoreIndicator(overdue, fig(9, 0)).pointsHundredths).toBe(0);
    expect(scoreIndicator(onTime, null).pointsHundredths).toBe(4000);
    expect(scoreIndicator({ ...onTime, whenNoData: 'zero' }, fig(0, 0)).pointsHundredths).toBe(0);
  });

  it('adds up, grades and keeps the breakdown per indicator', () => {
    const [a, b] = scoreAssessment(scheme, ['d1', 'd2'], {
      tasks_on_time: { d1: fig(10, 10), d2: fig(16, 20) },
      meetings: { d1: fig(4, 4), d2: fig(2, 4) },
      overdue: { d1: fig(0, 0), d2: fig(2, 0) },
      innovation: { d1: fig(9, 10), d2: fig(5, 10) },
    });
    expect(a).toMatchObject({ departmentId: 'd1', totalHundredths: 9700, grade: 'A' });
    expect(a!.breakdown.map((x) => x.code)).toEqual(['tasks_on_time', 'meetings', 'overdue', 'innovation']);
    // 80 % → 20 of 40; 50 % attendance → 0; 2 overdue → 6; 50 % → 15: 41 points, D
    expect(b).toMatchObject({ totalHundredths: 4100, grade: 'D' });
  });

  it('grades by configurable thresholds', () => {
    expect(gradeOf(9000, DEFAULT_GRADE_THRESHOLDS)).toBe('A');
    expect(gradeOf(8999, DEFAULT_GRADE_THRESHOLDS)).toBe('B');
    expect(gradeOf(6000, DEFAULT_GRADE_THRESHOLDS)).toBe('C');
    expect(gradeOf(5999, DEFAULT_GRADE_THRESHOLDS)).toBe('D');
    expect(gradeOf(8500, { A: 85, B: 75, C: 50 })).toBe('A');
  });

  it('checks the scheme', () => {
    expect(checkScheme(scheme)).toBeNull();
    expect(checkScheme({ ...scheme, indicators: [onTime] })).toBe('governance.assessment.weightsNot100');
    expect(
      checkScheme({
        ...scheme,
        indicators: [
          { ...onTime, weight: 70 },
          { ...entered, code: 'tasks_on_time' },
        ],
      }),
    ).toBe('governance.assessment.duplicateIndicator');
    expect(checkScheme({ ...scheme, thresholds: { A: 80, B: 80, C: 60 } })).toBe('governance.assessment.thresholdsOrder');
    expect(checkScheme({ ...scheme, indicators: [{ ...onTime, source: null, weight: 100 }] })).toBe(
      'governance.assessment.sourceMissing',
    );
  });

  const figureArb = fc.option(
    fc.record({ numerator: fc.nat(500), denominator: fc.nat(500), evidence: fc.constant([] as string[]) }),
    { nil: undefined },
  );
  const figuresArb = fc.record({
    tasks_on_time: fc.dictionary(fc.constantFrom('a', 'b', 'c'), figureArb),
    meetings: fc.dictionary(fc.constantFrom('a', 'b', 'c'), figureArb),
    overdue: fc.dictionary(fc.constantFrom('a', 'b', 'c'), figureArb),
    innovation: fc.dictionary(fc.constantFrom('a', 'b', 'c'), figureArb),
  });

  it('is deterministic, bounded by the weights, and its total is the sum of the breakdown (property)', () => {
    fc.assert(
      fc.property(figuresArb, (figures) => {
        const first = scoreAssessment(scheme, ['a', 'b', 'c'], figures);
        expect(scoreAssessment(scheme, ['a', 'b', 'c'], structuredClone(figures))).toEqual(first);
        for (const d of first) {
          expect(d.totalHundredths).toBe(d.breakdown.reduce((s, b) => s + b.pointsHundredths, 0));
          for (const b of d.breakdown) {
            expect(Number.isInteger(b.pointsHundredths)).toBe(true);
            expect(b.pointsHundredths).toBeGreaterThanOrEqual(0);
            expect(b.pointsHundredths).toBeLessThanOrEqual(b.maxHundredths);
          }
          expect(d.totalHundredths).toBeLessThanOrEqual(10_000);
        }
      }),
    );
  });

  it('never scores a better ratio lower (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.nat(1000), fc.nat(1000), (den, x, y) => {
        const [lo, hi] = [Math.min(x, y) % (den + 1), Math.max(x, y) % (den + 1)].sort((p, q) => p - q) as [number, number];
        for (const ind of [onTime, attendance, entered]) {
          expect(scoreIndicator(ind, fig(hi, den)).pointsHundredths).toBeGreaterThanOrEqual(
            scoreIndicator(ind, fig(lo, den)).pointsHundredths,
          );
        }
      }),
    );
  });
});

describe('the default scheme', () => {
  it('is a valid scheme', async () => {
    const { DEFAULT_ASSESSMENT_INDICATORS } = await import('./assessment-defaults.js');
    expect(checkScheme({ indicators: DEFAULT_ASSESSMENT_INDICATORS, thresholds: DEFAULT_GRADE_THRESHOLDS })).toBeNull();
  });
});
