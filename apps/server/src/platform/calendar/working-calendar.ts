import { buildWorkingCalendar, CN_HOLIDAY_SCHEDULES, parentRegionCode, type CalendarYear, type WorkingCalendar } from '@qd/core';
import type { Executor } from '../db/database.js';
import { listCalendarYears } from './calendar.repo.js';

/** Where a year's schedule comes from: this region's edit, an ancestor's, or the national default. */
export interface EffectiveCalendarYear extends CalendarYear {
  complete: boolean;
  source: 'region' | 'ancestor' | 'national';
  sourceRegionCode: string | null;
  updatedAt: Date | null;
}

function lineage(regionCode: string): string[] {
  const codes: string[] = [];
  for (let c: string | null = regionCode; c; c = parentRegionCode(c)) codes.push(c);
  return codes;
}

/** Every year known for the region, each taken from the nearest region that edited it. */
export async function effectiveCalendarYears(db: Executor, regionCode: string): Promise<EffectiveCalendarYear[]> {
  const codes = lineage(regionCode);
  const rows = await listCalendarYears(db, codes);
  const byYear = new Map<number, EffectiveCalendarYear>();
  for (const s of CN_HOLIDAY_SCHEDULES) {
    byYear.set(s.year, {
      year: s.year,
      holidays: [...s.holidays],
      workdays: [...s.workdays],
      complete: s.complete,
      source: 'national',
      sourceRegionCode: null,
      updatedAt: null,
    });
  }
  // Nearest first: a region's own edit beats its city's, which beats the province's.
  const rank = (code: string) => codes.indexOf(code);
  for (const row of [...rows].sort((a, b) => rank(b.regionCode) - rank(a.regionCode))) {
    byYear.set(row.year, {
      year: row.year,
      holidays: [...row.holidays].sort(),
      workdays: [...row.workdays].sort(),
      complete: row.complete,
      source: row.regionCode === regionCode ? 'region' : 'ancestor',
      sourceRegionCode: row.regionCode,
      updatedAt: row.updatedAt,
    });
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/**
 * The working-day calendar that deadlines in `regionCode` are counted with. Build it once per
 * use-case (it is a few hundred dates) and pass it to core's addWorkingDays & co.
 */
export async function loadWorkingCalendar(db: Executor, regionCode: string): Promise<WorkingCalendar> {
  return buildWorkingCalendar(await effectiveCalendarYears(db, regionCode));
}
