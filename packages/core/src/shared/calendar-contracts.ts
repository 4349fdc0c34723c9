import { z } from 'zod';
import { isoDate } from './dates.js';

/** One year of the working-day calendar as a region counts it, and where that schedule comes from. */
export const calendarYearView = z.object({
  year: z.number().int(),
  holidays: z.array(z.string()),
  workdays: z.array(z.string()),
  complete: z.boolean(),
  source: z.enum(['region', 'ancestor', 'national']),
  sourceRegionCode: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type CalendarYearView = z.infer<typeof calendarYearView>;

export const calendarYearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

/** PUT /calendar/:year — the year comes from the path; the whole schedule is checked with calendarYearInput. */
export const calendarYearBody = z.object({
  holidays: z.array(isoDate).max(60),
  workdays: z.array(isoDate).max(30),
  complete: z.boolean().default(true),
});
