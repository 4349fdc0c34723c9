import type { WorkingCalendar } from '@qd/core';
import { loadWorkingCalendar } from '../../platform/calendar/index.js';
import type { Executor } from '../../platform/db/database.js';

/** The working calendar a region's deadlines are counted with: the platform's, editable per year. */
export function calendarOf(db: Executor, regionCode: string): Promise<WorkingCalendar> {
  return loadWorkingCalendar(db, regionCode);
}
