import { boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A region's corrections to the national holiday schedule of one year (the State Council notice
 * comes out each November; a district may also have local days). A region without a row for a
 * year uses its nearest ancestor's row, then the schedule shipped in core (cn-holidays.ts).
 */
export const calendarYears = pgTable(
  'calendar_years',
  {
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    holidays: text('holidays').array().notNull(),
    workdays: text('workdays').array().notNull(),
    complete: boolean('complete').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.year] })],
);
