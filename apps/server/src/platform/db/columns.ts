import { date, timestamp } from 'drizzle-orm/pg-core';

/** An instant (timestamptz), read as a JS Date: every "when it happened" column. */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A calendar date in Asia/Shanghai as 'YYYY-MM-DD' (deadlines, periods), never shifted by zones. */
export const calendarDate = (name: string) => date(name, { mode: 'string' });
