import { inArray } from 'drizzle-orm';
import type { Executor } from '../db/database.js';
import { calendarYears } from './calendar.tables.js';

export type CalendarYearRow = typeof calendarYears.$inferSelect;

/** The stored years of these regions (a region and its ancestors). */
export function listCalendarYears(db: Executor, regionCodes: readonly string[]): Promise<CalendarYearRow[]> {
  return db
    .select()
    .from(calendarYears)
    .where(inArray(calendarYears.regionCode, [...regionCodes]));
}

export async function upsertCalendarYear(db: Executor, row: CalendarYearRow): Promise<void> {
  await db
    .insert(calendarYears)
    .values(row)
    .onConflictDoUpdate({
      target: [calendarYears.regionCode, calendarYears.year],
      set: {
        holidays: row.holidays,
        workdays: row.workdays,
        complete: row.complete,
        updatedBy: row.updatedBy,
        updatedAt: row.updatedAt,
      },
    });
}
