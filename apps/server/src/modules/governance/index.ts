/** What other modules and the platform may use of the governance module (ARCHITECTURE §3). */
import type { ServerModule } from '../../platform/server-module.js';
import { createAssessmentService } from './assessment.service.js';
import { createBudgetService } from './budget.service.js';
import { governanceJobs } from './governance.jobs.js';
import { governanceRoutes } from './governance.routes.js';
import { seedDemoGovernance } from './governance.seed.js';
import { createGroupService } from './group.service.js';
import { createMeetingsService } from './meetings.service.js';
import { createReportService } from './report.service.js';
import { createTasksService } from './tasks.service.js';

export { ASSESSMENT_SOURCES, type AssessmentSource } from './assessment-sources.js';
export { REPORT_CONTRIBUTORS, type ReportContributor } from './report-contributors.js';
export { runTaskFollowUp } from './governance.jobs.js';

export const governanceModule: ServerModule = {
  name: 'governance',
  apiRoutes: (api, deps) =>
    governanceRoutes(api, {
      group: createGroupService(deps),
      meetings: createMeetingsService(deps),
      tasks: createTasksService(deps),
      assessment: createAssessmentService(deps),
      budget: createBudgetService(deps),
      report: createReportService(deps),
    }),
  jobs: governanceJobs,
  seedDemo: seedDemoGovernance,
};
