import { z } from 'zod';
import { isIsoDate, isoDate } from './dates.js';

/**
 * Working-day arithmetic with the Chinese calendar (ARCHITECTURE §5): public holidays are days
 * off even on a weekday, adjusted working days (调休上班, always a Saturday or Sunday) are
 * working days, and otherwise Monday to Friday work. Dates are 'YYYY-MM-DD' calendar dates in
 * Asia/Shanghai; nothing here knows about times or zones.
 *
 * A year the calendar does not list is counted with weekends only, and a year listed as
 * incomplete (its notice not yet published) with what is known: a deadline reaching into such
 * a year is provisional, which `calendarCovers` / `uncoveredYears` let the caller say.
 */

/** One year's schedule as the State Council notice gives it; editable per region and year. */
export interface CalendarYear {
  year: number;
  /** Days off that would otherwise be working days, and the statutory days themselves. */
  holidays: string[];
  /** Weekend days worked in exchange (调休上班). */
  workdays: string[];
  /** false until the year's notice is published and entered; default true. */
  complete?: boolean;
}

export type CalendarProblem =
  'date.invalid' | 'calendar.wrongYear' | 'calendar.holidayAndWorkday' | 'calendar.workdayNotWeekend' | 'calendar.duplicateYear';

/** Thrown by buildWorkingCalendar on a schedule that contradicts itself. */
export class CalendarInputError extends Error {
  constructor(
    readonly messageKey: CalendarProblem,
    readonly date?: string,
  ) {
    super(date ? `${messageKey}: ${date}` : messageKey);
    this.name = 'CalendarInputError';
  }
}

/** Made by buildWorkingCalendar and never changed afterwards (lookups are cached per calendar). */
export interface WorkingCalendar {
  readonly holidays: ReadonlySet<string>;
  readonly workdays: ReadonlySet<string>;
  /** Year → whether its schedule is complete. */
  readonly years: ReadonlyMap<number, boolean>;
}

// ---- plain calendar arithmetic on day numbers (days since 1970-01-01) ----

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`date.invalid: ${date}`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 Sunday … 6 Saturday; 1970-01-01 was a Thursday. */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** 0 Sunday … 6 Saturday. */
export function dayOfWeek(date: string): number {
  return weekdayOf(dayNumber(date));
}

/** The date `n` calendar days after `date` (before it when n < 0). */
export function addDays(date: string, n: number): string {
  return dateOf(dayNumber(date) + n);
}

// ---- building a calendar ----

/** null when the year's schedule is consistent, else the problem and the date it concerns. */
export function checkCalendarYear(entry: CalendarYear): { problem: CalendarProblem; date?: string } | null {
  for (const date of [...entry.holidays, ...entry.workdays]) {
    if (!isIsoDate(date)) return { problem: 'date.invalid', date };
    if (Number(date.slice(0, 4)) !== entry.year) return { problem: 'calendar.wrongYear', date };
  }
  const holidays = new Set(entry.holidays);
  for (const date of entry.workdays) {
    if (holidays.has(date)) return { problem: 'calendar.holidayAndWorkday', date };
    const weekday = dayOfWeek(date);
    if (weekday !== 0 && weekday !== 6) return { problem: 'calendar.workdayNotWeekend', date };
  }
  return null;
}

/** Builds a calendar from per-year schedules; throws CalendarInputError on an inconsistent one. */
export function buildWorkingCalendar(entries: readonly CalendarYear[]): WorkingCalendar {
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  const years = new Map<number, boolean>();
  for (const entry of entries) {
    if (years.has(entry.year)) throw new CalendarInputError('calendar.duplicateYear');
    const found = checkCalendarYear(entry);
    if (found) throw new CalendarInputError(found.problem, found.date);
    years.set(entry.year, entry.complete ?? true);
    for (const d of entry.holidays) holidays.add(d);
    for (const d of entry.workdays) workdays.add(d);
  }
  return { holidays, workdays, years };
}

/** The calendar knows the year's full schedule (listed and complete). */
export function calendarCovers(cal: WorkingCalendar, year: number): boolean {
  return cal.years.get(year) === true;
}

/** Years from `from` to `to` (either order) whose schedule the calendar does not fully know. */
export function uncoveredYears(cal: WorkingCalendar, from: string, to: string): number[] {
  dayNumber(from);
  dayNumber(to);
  const first = Number((from < to ? from : to).slice(0, 4));
  const last = Number((from < to ? to : from).slice(0, 4));
  const out: number[] = [];
  for (let y = first; y <= last; y++) if (!calendarCovers(cal, y)) out.push(y);
  return out;
}

// ---- working days ----

/** The calendar's exceptions as day numbers, made once per calendar: deadlines of long lists stay cheap. */
const exceptionsCache = new WeakMap<WorkingCalendar, { holidays: Set<number>; workdays: Set<number> }>();

function exceptionsOf(cal: WorkingCalendar): { holidays: Set<number>; workdays: Set<number> } {
  let found = exceptionsCache.get(cal);
  if (!found) {
    found = { holidays: new Set([...cal.holidays].map(dayNumber)), workdays: new Set([...cal.workdays].map(dayNumber)) };
    exceptionsCache.set(cal, found);
  }
  return found;
}

function isWorkingDayNumber(cal: WorkingCalendar, day: number): boolean {
  const { holidays, workdays } = exceptionsOf(cal);
  if (workdays.has(day)) return true;
  if (holidays.has(day)) return false;
  const weekday = weekdayOf(day);
  return weekday !== 0 && weekday !== 6;
}

export function isWorkingDay(cal: WorkingCalendar, date: string): boolean {
  return isWorkingDayNumber(cal, dayNumber(date));
}

function checkDays(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
}

/**
 * The deadline `n` working days after `start`. As in Chinese administrative practice (民法典
 * art. 201, 行政许可法 art. 82), the day of the event does not count: counting starts the next
 * day, so the result is the n-th working day after `start` and always a working day. n = 0
 * gives `start` itself (due the same day).
 */
export function addWorkingDays(cal: WorkingCalendar, start: string, n: number): string {
  checkDays(n);
  let day = dayNumber(start);
  for (let left = n; left > 0;) {
    day++;
    if (isWorkingDayNumber(cal, day)) left--;
  }
  return dateOf(day);
}

/**
 * Working days after `from` up to and including `to` — the inverse of addWorkingDays:
 * workingDaysBetween(s, addWorkingDays(s, n)) === n. Negative when `to` is before `from`
 * (-workingDaysBetween(to, from)), so "days overdue" is workingDaysBetween(deadline, today).
 */
export function workingDaysBetween(cal: WorkingCalendar, from: string, to: string): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (b < a) return -workingDaysBetween(cal, to, from);
  let count = 0;
  for (let day = a + 1; day <= b; day++) if (isWorkingDayNumber(cal, day)) count++;
  return count;
}

/**
 * The deadline of a limit in calendar days ("within 15 days"): `n` days after `start`, the start
 * day not counted; when that day is not a working day (法定休假日, weekends included), the next
 * working day (民法典 art. 203).
 */
export function addCalendarDays(cal: WorkingCalendar, start: string, n: number): string {
  checkDays(n);
  let day = dayNumber(start) + n;
  while (!isWorkingDayNumber(cal, day)) day++;
  return dateOf(day);
}

// ---- contract for editing a year's schedule ----

export const calendarYearInput = z
  .object({
    year: z.number().int().min(2000).max(2100),
    holidays: z.array(isoDate).max(60),
    workdays: z.array(isoDate).max(30),
    complete: z.boolean().default(true),
  })
  .superRefine((entry, ctx) => {
    const found = checkCalendarYear(entry);
    if (!found || found.problem === 'date.invalid') return;
    const inHolidays = entry.holidays.indexOf(found.date!);
    const path =
      found.problem === 'calendar.wrongYear' && inHolidays >= 0
        ? ['holidays', inHolidays]
        : ['workdays', entry.workdays.indexOf(found.date!)];
    ctx.addIssue({ code: 'custom', message: found.problem, path });
  });
export type CalendarYearInput = z.infer<typeof calendarYearInput>;
