import { calendarModule } from '../platform/calendar/index.js';
import { notificationsModule } from '../platform/notifications/index.js';
import type { ServerModule } from '../platform/server-module.js';
import { awardsModule } from './awards/index.js';
import { governanceModule } from './governance/index.js';
import { servicesModule } from './services/index.js';
import { supervisionModule } from './supervision/index.js';

/**
 * The platform's own routed parts (calendar, notifications) and the feature modules built on
 * the foundation (identity and registry are wired by hand in app.ts: every other module depends on them). Order matters only for the demo seed: a module
 * may seed data that a later one summarises (governance reports on the others).
 */
export const FEATURE_MODULES: readonly ServerModule[] = [
  calendarModule,
  notificationsModule,
  awardsModule,
  servicesModule,
  supervisionModule,
  governanceModule,
];
