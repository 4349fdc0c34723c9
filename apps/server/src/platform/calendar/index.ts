import type { ServerModule } from '../server-module.js';
import { calendarRoutes } from './calendar.routes.js';
import { createCalendarService } from './calendar.service.js';

export { loadWorkingCalendar, effectiveCalendarYears } from './working-calendar.js';

/** The working-day calendar: read by every deadline rule, edited per region and year by the office. */
export const calendarModule: ServerModule = {
  name: 'calendar',
  apiRoutes: (api, deps) => calendarRoutes(api, createCalendarService(deps)),
};
