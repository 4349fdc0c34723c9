import { describe, expect, it } from 'vitest';
import { CN_HOLIDAY_SCHEDULES, CN_HOLIDAYS_2026, CN_HOLIDAYS_2027, defaultWorkingCalendar } from './cn-holidays.js';
import { addDays, checkCalendarYear, dayOfWeek, isWorkingDay } from './working-days.js';

const cal = defaultWorkingCalendar();

function workingDaysIn(year: number): number {
  let count = 0;
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) if (isWorkingDay(cal, d)) count++;
  return count;
}

describe('national holiday schedules', () => {
  it('are consistent, flagged for verification, and only 2027 is incomplete', () => {
    for (const schedule of CN_HOLIDAY_SCHEDULES) {
      expect(checkCalendarYear(schedule), String(schedule.year)).toBeNull();
      expect(schedule.verify).toBe(true);
      expect(new Set(schedule.holidays).size).toBe(schedule.holidays.length);
      for (const d of schedule.workdays) expect([0, 6], d).toContain(dayOfWeek(d));
    }
    expect(CN_HOLIDAY_SCHEDULES.filter((s) => !s.complete).map((s) => s.year)).toEqual([2027]);
  });

  it('has the 2026 notice: 33 days off, 6 weekend days worked', () => {
    expect(CN_HOLIDAYS_2026.holidays).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(CN_HOLIDAYS_2026.workdays).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    // Statutory days (除夕 to 初三, 清明, 五月初五, 八月十五, 10/1–10/3) are all off.
    for (const d of [
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-04-05',
      '2026-06-19',
      '2026-09-25',
      '2026-10-03',
    ]) {
      expect(isWorkingDay(cal, d), d).toBe(false);
    }
    // Each holiday block is bounded by working days, as the notice lays them out.
    expect(isWorkingDay(cal, '2026-02-13')).toBe(true);
    expect(isWorkingDay(cal, '2026-02-24')).toBe(true);
    expect(isWorkingDay(cal, '2026-05-06')).toBe(true);
    expect(isWorkingDay(cal, '2026-10-08')).toBe(true);
  });

  it('gives 248 working days in 2025 and in 2026 (weekdays − weekday holidays + weekend days worked)', () => {
    expect(workingDaysIn(2025)).toBe(261 - 18 + 5);
    expect(workingDaysIn(2026)).toBe(261 - 19 + 6);
  });

  it('lists for 2027 exactly the 13 statutory days and no adjusted working day', () => {
    expect(CN_HOLIDAYS_2027.holidays).toHaveLength(13);
    expect(CN_HOLIDAYS_2027.workdays).toEqual([]);
    expect(CN_HOLIDAYS_2027.complete).toBe(false);
  });
});
