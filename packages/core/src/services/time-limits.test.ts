import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CN_HOLIDAYS_2025, CN_HOLIDAYS_2026 } from '../shared/cn-holidays.js';
import { buildWorkingCalendar } from '../shared/working-days.js';
import {
  DEFAULT_TIME_LIMITS,
  isDueSoon,
  isOverdue,
  reopenAllowed,
  stepDeadline,
  stepLimit,
  stepOf,
  workingDaysLeft,
} from './time-limits.js';

const cal = buildWorkingCalendar([CN_HOLIDAYS_2025, CN_HOLIDAYS_2026]);
const at = (iso: string) => new Date(iso);

describe('step deadlines in working days', () => {
  it('skips the National Day holiday and counts the adjusted Saturday', () => {
    // 2025: 1–8 October off; Sunday 28 September and Saturday 11 October are worked (调休).
    expect(stepDeadline(cal, at('2025-09-26T10:00:00+08:00'), 2)).toBe('2025-09-29'); // Sun 28 counts
    expect(stepDeadline(cal, at('2025-09-30T10:00:00+08:00'), 1)).toBe('2025-10-09');
    expect(stepDeadline(cal, at('2025-10-09T10:00:00+08:00'), 2)).toBe('2025-10-11'); // Sat 11 is worked
  });

  it('takes the day in Asia/Shanghai, not UTC', () => {
    // 23:30 UTC on Thursday is already Friday in Shanghai
    expect(stepDeadline(cal, at('2025-06-12T23:30:00Z'), 1)).toBe('2025-06-16');
  });

  it('is monotonic in the start and in the number of days', () => {
    const instant = fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2026-10-31T00:00:00Z') });
    fc.assert(
      fc.property(instant, instant, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (a, b, n, m) => {
        const [s1, s2] = a <= b ? [a, b] : [b, a];
        const [d1, d2] = n <= m ? [n, m] : [m, n];
        expect(stepDeadline(cal, new Date(s1), d1) <= stepDeadline(cal, new Date(s2), d1)).toBe(true);
        expect(stepDeadline(cal, new Date(s1), d1) <= stepDeadline(cal, new Date(s1), d2)).toBe(true);
        // a positive limit is always met strictly after the start day
        if (d1 > 0) expect(workingDaysLeft(cal, stepDeadline(cal, new Date(s1), d1), new Date(s1))).toBe(d1);
      }),
    );
  });

  it('counts down, marks late and warns a day ahead', () => {
    const deadline = '2025-10-10';
    expect(workingDaysLeft(cal, deadline, at('2025-09-30T09:00:00+08:00'))).toBe(2);
    expect(isDueSoon(cal, deadline, at('2025-09-30T09:00:00+08:00'))).toBe(false);
    expect(isDueSoon(cal, deadline, at('2025-10-09T09:00:00+08:00'))).toBe(true);
    expect(isOverdue(deadline, at('2025-10-10T23:59:00+08:00'))).toBe(false);
    expect(isOverdue(deadline, at('2025-10-11T00:00:01+08:00'))).toBe(true);
    expect(workingDaysLeft(cal, deadline, at('2025-10-13T09:00:00+08:00'))).toBe(-2);
  });

  it('gives each state its step and one more day when several institutions share it', () => {
    expect(stepOf('submitted')).toBe('accept');
    expect(stepOf('in_service')).toBe('service');
    expect(stepOf('closed')).toBeNull();
    expect(stepLimit(DEFAULT_TIME_LIMITS, 'institutionAccept', 1)).toBe(2);
    expect(stepLimit(DEFAULT_TIME_LIMITS, 'institutionAccept', 3)).toBe(3);
  });

  it('closes the re-open window after the set working days', () => {
    const done = at('2025-09-30T10:00:00+08:00');
    expect(reopenAllowed(cal, done, at('2025-10-09T10:00:00+08:00'), 1)).toBe(true);
    expect(reopenAllowed(cal, done, at('2025-10-10T10:00:00+08:00'), 1)).toBe(false);
  });
});
