import type { SignalGrade } from './vocabulary.js';

/**
 * Grading a risk-monitoring signal on a 4 × 4 matrix of severity (harm if it happens) and
 * likelihood (how widely the product is affected), each 1–4. Risk monitoring is not
 * enforcement: a grade leads to verification, self-inspection or a targeted plan, never to a
 * re-test route.
 */
export function gradeSignal(severity: number, likelihood: number): SignalGrade {
  if (![severity, likelihood].every((n) => Number.isInteger(n) && n >= 1 && n <= 4)) {
    throw new RangeError('severity and likelihood are whole numbers 1–4');
  }
  const score = severity * likelihood;
  // A fatal hazard (severity 4) is never graded below high, however rare.
  if (severity === 4 && score >= 8) return 'severe';
  if (score >= 12) return 'severe';
  if (score >= 6 || severity === 4) return 'high';
  if (score >= 3) return 'medium';
  return 'low';
}

/** Grades at which a signal may be turned into a targeted spot-check plan. */
export function signalWarrantsPlan(grade: SignalGrade): boolean {
  return grade === 'high' || grade === 'severe' || grade === 'medium';
}
