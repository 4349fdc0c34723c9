/** What other modules and the platform may use of the supervision module (ARCHITECTURE §3). */
import type { ServerModule } from '../../platform/server-module.js';
import { createDirectoriesService } from './directories.service.js';
import { createInspectionsService } from './inspections.service.js';
import { createPlansService } from './plans.service.js';
import { createProductChecksService } from './product-checks.service.js';
import { createPublicationService } from './publication.service.js';
import { createRectificationsService } from './rectifications.service.js';
import { createSignalsService } from './signals.service.js';
import { supervisionJobs } from './supervision.jobs.js';
import { supervisionRoutes } from './supervision.routes.js';
import { seedDemoSupervision } from './supervision.seed.js';

export const supervisionModule: ServerModule = {
  name: 'supervision',
  apiRoutes(api, deps) {
    const plans = createPlansService(deps);
    supervisionRoutes(api, {
      directories: createDirectoriesService(deps),
      plans,
      inspections: createInspectionsService(deps),
      productChecks: createProductChecksService(deps),
      rectifications: createRectificationsService(deps),
      signals: createSignalsService(deps, plans),
      publication: createPublicationService(deps),
    });
  },
  jobs: supervisionJobs,
  seedDemo: seedDemoSupervision,
};

/** For the governance module's assessment and yearly report: spot checks per department and the year's figures. */
export { inspectionsByDepartment, supervisionYearFigures } from './supervision-figures.repo.js';
