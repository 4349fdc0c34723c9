import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIGNAL_GRADES } from './vocabulary.js';
import { gradeSignal } from './signal-grading.js';

const level = fc.integer({ min: 1, max: 4 });

describe('signal grading', () => {
  it('grades the corners of the matrix', () => {
    expect(gradeSignal(1, 1)).toBe('low');
    expect(gradeSignal(2, 2)).toBe('medium');
    expect(gradeSignal(3, 2)).toBe('high');
    expect(gradeSignal(4, 1)).toBe('high');
    expect(gradeSignal(4, 2)).toBe('severe');
    expect(gradeSignal(3, 4)).toBe('severe');
  });
  it('never grades lower when severity or likelihood rises', () => {
    fc.assert(
      fc.property(level, level, (s, l) => {
        const rank = (g: string) => SIGNAL_GRADES.indexOf(g as never);
        if (s < 4) expect(rank(gradeSignal(s + 1, l))).toBeGreaterThanOrEqual(rank(gradeSignal(s, l)));
        if (l < 4) expect(rank(gradeSignal(s, l + 1))).toBeGreaterThanOrEqual(rank(gradeSignal(s, l)));
      }),
    );
  });
  it('refuses values outside 1–4', () => {
    expect(() => gradeSignal(0, 2)).toThrow(RangeError);
    expect(() => gradeSignal(2, 5)).toThrow(RangeError);
  });
});
