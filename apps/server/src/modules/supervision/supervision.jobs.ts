import type { JobDefinition } from '../../platform/jobs/job-definition.js';
import { createPublicationService } from './publication.service.js';

/**
 * Flags results not published within their limit (and objections not decided in time) for the
 * overdue list. Idempotent: an item is flagged once; a re-run or a second instance adds nothing.
 */
export const supervisionJobs: readonly JobDefinition[] = [
  {
    name: 'supervision.overdue.flag',
    // Early morning in Asia/Shanghai (UTC+8), after midnight has moved the date.
    cron: '23 17 * * *',
    run: async (deps) => createPublicationService(deps).flagOverdue(),
  },
];
