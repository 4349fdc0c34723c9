import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultWorkingCalendar } from './cn-holidays.js';
import { isMessageKey } from './messages.js';
import {
  CalendarInputError,
  type CalendarProblem,
  addCalendarDays,
  addDays,
  addWorkingDays,
  buildWorkingCalendar,
  calendarCovers,
  calendarYearInput,
  checkCalendarYear,
  dayOfWeek,
  isWorkingDay,
  uncoveredYears,
  workingDaysBetween,
} from './working-days.js';

const cal = defaultWorkingCalendar();
/** Weekends only: no year listed. */
const plain = buildWorkingCalendar([]);

/** Any date from 2025-01-01 to 2027-12-31 (the years the shipped calendar lists). */
const dateArb = fc.integer({ min: 0, max: 365 + 365 + 364 }).map((n) => addDays('2025-01-01', n));

describe('calendar arithmetic', () => {
  it('knows the day of the week and adds days across months and leap years', () => {
    expect(dayOfWeek('2026-01-01')).toBe(4); // Thursday
    expect(dayOfWeek('2026-03-01')).toBe(0); // Sunday
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('refuses dates that do not exist or are not YYYY-MM-DD', () => {
    for (const bad of ['2026-02-30', '2026-2-3', '20260203', '', '2026-13-01']) {
      expect(() => isWorkingDay(cal, bad), bad).toThrow(RangeError);
    }
  });
});

describe('working days (Chinese calendar)', () => {
  it('skips weekends', () => {
    expect(isWorkingDay(plain, '2026-03-07')).toBe(false); // Saturday
    expect(isWorkingDay(plain, '2026-03-08')).toBe(false); // Sunday
    expect(addWorkingDays(plain, '2026-03-06', 1)).toBe('2026-03-09'); // Friday → Monday
    expect(addWorkingDays(plain, '2026-03-07', 1)).toBe('2026-03-09'); // from a Saturday
    expect(addWorkingDays(plain, '2026-03-02', 5)).toBe('2026-03-09');
  });

  it('does not count the start day: counting starts the next day', () => {
    expect(addWorkingDays(cal, '2026-03-02', 1)).toBe('2026-03-03');
    expect(addWorkingDays(cal, '2026-03-02', 0)).toBe('2026-03-02');
    expect(workingDaysBetween(cal, '2026-03-02', '2026-03-02')).toBe(0);
  });

  it('skips a public holiday', () => {
    expect(isWorkingDay(cal, '2026-04-06')).toBe(false); // 清明节, a Monday
    expect(isWorkingDay(plain, '2026-04-06')).toBe(true);
    expect(addWorkingDays(cal, '2026-04-03', 1)).toBe('2026-04-07');
    expect(addWorkingDays(cal, '2026-09-24', 1)).toBe('2026-09-28'); // over 中秋节
    expect(addWorkingDays(cal, '2026-09-30', 1)).toBe('2026-10-08'); // over 国庆节
  });

  it('counts an adjusted working day on a weekend (调休上班)', () => {
    expect(isWorkingDay(cal, '2026-02-28')).toBe(true); // Saturday worked
    expect(isWorkingDay(cal, '2026-09-20')).toBe(true); // Sunday worked
    expect(addWorkingDays(cal, '2026-02-27', 1)).toBe('2026-02-28');
    expect(addWorkingDays(cal, '2026-09-18', 1)).toBe('2026-09-20');
    expect(addWorkingDays(cal, '2025-12-31', 1)).toBe('2026-01-04'); // 元旦 off, Sunday 1/4 worked
  });

  it('adds across the Spring Festival', () => {
    expect(addWorkingDays(cal, '2026-02-13', 1)).toBe('2026-02-14'); // Saturday worked
    expect(addWorkingDays(cal, '2026-02-13', 2)).toBe('2026-02-24'); // 2/15–2/23 off
    // 20 working days from 2026-02-10: 2/11–2/14 (4), 2/24–2/28 (5), March 2–6, 9–13 (10), 16th.
    expect(addWorkingDays(cal, '2026-02-10', 20)).toBe('2026-03-16');
    expect(workingDaysBetween(cal, '2026-02-10', '2026-03-16')).toBe(20);
    expect(addWorkingDays(plain, '2026-02-10', 20)).toBe('2026-03-10');
  });

  it('counts backwards as a negative number (days overdue)', () => {
    expect(workingDaysBetween(cal, '2026-02-24', '2026-02-13')).toBe(-2);
    expect(workingDaysBetween(cal, '2026-02-13', '2026-02-24')).toBe(2);
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => addWorkingDays(cal, '2026-03-02', -1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2026-03-02', 1.5)).toThrow(RangeError);
  });

  it('counts a year it does not fully know with what it knows, and says so', () => {
    expect(calendarCovers(cal, 2025)).toBe(true);
    expect(calendarCovers(cal, 2026)).toBe(true);
    expect(calendarCovers(cal, 2027)).toBe(false); // statutory days only
    expect(calendarCovers(cal, 2028)).toBe(false);
    expect(isWorkingDay(cal, '2027-10-01')).toBe(false); // a known statutory day
    expect(isWorkingDay(cal, '2028-01-03')).toBe(true); // weekends-only fallback
    expect(uncoveredYears(cal, '2026-12-20', '2027-01-10')).toEqual([2027]);
    expect(uncoveredYears(cal, '2027-01-10', '2025-12-20')).toEqual([2027]);
    expect(uncoveredYears(cal, '2026-03-01', '2026-04-01')).toEqual([]);
  });

  it('lands on a working day exactly n working days later (property)', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 300 }), (start, n) => {
        const due = addWorkingDays(cal, start, n);
        expect(isWorkingDay(cal, due)).toBe(true);
        expect(workingDaysBetween(cal, start, due)).toBe(n);
        expect(workingDaysBetween(cal, due, start)).toBe(-n);
        // No earlier date is already n working days away.
        expect(workingDaysBetween(cal, start, addDays(due, -1))).toBe(n - 1);
      }),
      { numRuns: 500 },
    );
  });

  it('moves a deadline counted in calendar days off a day off (民法典 art. 203)', () => {
    expect(addCalendarDays(cal, '2026-03-01', 15)).toBe('2026-03-16'); // a Monday: stays
    expect(addCalendarDays(cal, '2026-03-06', 15)).toBe('2026-03-23'); // Saturday 3/21 → Monday
    expect(addCalendarDays(cal, '2026-09-16', 15)).toBe('2026-10-08'); // 10/1 → after 国庆节
    expect(addCalendarDays(cal, '2026-02-13', 15)).toBe('2026-02-28'); // a Saturday worked
  });
});

describe('building a calendar', () => {
  it('refuses a schedule that contradicts itself', () => {
    const build = (entry: Parameters<typeof checkCalendarYear>[0]) => () => buildWorkingCalendar([entry]);
    expect(build({ year: 2026, holidays: ['2025-12-31'], workdays: [] })).toThrow(CalendarInputError);
    expect(checkCalendarYear({ year: 2026, holidays: ['2025-12-31'], workdays: [] })).toEqual({
      problem: 'calendar.wrongYear',
      date: '2025-12-31',
    });
    expect(checkCalendarYear({ year: 2026, holidays: [], workdays: ['2026-03-04'] })?.problem).toBe('calendar.workdayNotWeekend');
    expect(checkCalendarYear({ year: 2026, holidays: ['2026-03-07'], workdays: ['2026-03-07'] })?.problem).toBe(
      'calendar.holidayAndWorkday',
    );
    expect(checkCalendarYear({ year: 2026, holidays: ['2026-02-30'], workdays: [] })?.problem).toBe('date.invalid');
    expect(() =>
      buildWorkingCalendar([
        { year: 2026, holidays: [], workdays: [] },
        { year: 2026, holidays: [], workdays: [] },
      ]),
    ).toThrow(CalendarInputError);
  });

  it('explains every problem in Chinese and English', () => {
    const all: Record<CalendarProblem, true> = {
      'date.invalid': true,
      'calendar.wrongYear': true,
      'calendar.holidayAndWorkday': true,
      'calendar.workdayNotWeekend': true,
      'calendar.duplicateYear': true,
    };
    for (const key of Object.keys(all)) expect(isMessageKey(key), key).toBe(true);
  });

  it('lets a region edit a year: its own schedule replaces the national one', () => {
    const local = buildWorkingCalendar([{ year: 2026, holidays: ['2026-03-10'], workdays: ['2026-03-14'] }]);
    expect(isWorkingDay(local, '2026-03-10')).toBe(false);
    expect(isWorkingDay(local, '2026-03-14')).toBe(true);
    expect(isWorkingDay(local, '2026-10-01')).toBe(true); // not listed in this calendar
  });

  it('validates an edited year with message keys', () => {
    expect(calendarYearInput.parse({ year: 2026, holidays: ['2026-03-10'], workdays: [] }).complete).toBe(true);
    const wrong = calendarYearInput.safeParse({ year: 2026, holidays: [], workdays: ['2026-03-11', '2026-03-04'] });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]).toMatchObject({ message: 'calendar.workdayNotWeekend', path: ['workdays', 0] });
    const outside = calendarYearInput.safeParse({ year: 2026, holidays: ['2026-03-10', '2027-01-01'], workdays: [] });
    expect(outside.error?.issues[0]).toMatchObject({ message: 'calendar.wrongYear', path: ['holidays', 1] });
    const notADate = calendarYearInput.safeParse({ year: 2026, holidays: ['2026-02-30'], workdays: [] });
    expect(notADate.error?.issues[0]).toMatchObject({ message: 'date.invalid', path: ['holidays', 0] });
  });
});
