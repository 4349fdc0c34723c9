import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Database } from './db/database.js';

/** What every service is built with. */
export interface ServiceDeps {
  database: Database;
  config: Config;
  /** "Now" for rules that depend on the date (deadlines, windows, overdue marking). */
  clock: Clock;
}
