import type { JobDefinition } from '../../platform/jobs/job-definition.js';
import { purgeOldSessions } from './identity.repo.js';

/** Ended and expired sessions are kept a week (to answer "was I logged in?"), then removed. */
export const SESSION_RETENTION_DAYS = 7;

export const identityJobs: readonly JobDefinition[] = [
  {
    name: 'identity.sessions.purge',
    // Hourly, away from the top of the hour where other schedules gather.
    cron: '17 * * * *',
    run: async ({ database }) => {
      const before = new Date(Date.now() - SESSION_RETENTION_DAYS * 24 * 60 * 60 * 1000);
      return { removed: await purgeOldSessions(database.db, before) };
    },
  },
];
