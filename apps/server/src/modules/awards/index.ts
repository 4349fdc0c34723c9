/** What other modules and the platform may use of the awards module (ARCHITECTURE §3). */
import type { ServerModule } from '../../platform/server-module.js';
import { createApplicationsService } from './applications.service.js';
import { createAttachmentsService } from './attachments.service.js';
import { awardsRoutes } from './awards.routes.js';
import { seedDemoAwards } from './awards.seed.js';
import { createCommitteeService } from './committee.service.js';
import { createProgrammesService } from './programmes.service.js';
import { createReviewsService } from './reviews.service.js';

export const awardsModule: ServerModule = {
  name: 'awards',
  apiRoutes(api, deps) {
    const applications = createApplicationsService(deps);
    const reviews = createReviewsService(deps);
    awardsRoutes(api, {
      programmes: createProgrammesService(deps),
      applications,
      reviews,
      committee: createCommitteeService(deps, applications),
      attachments: createAttachmentsService(deps, applications, reviews),
    });
  },
  seedDemo: seedDemoAwards,
};

/** For the governance module's yearly report: applications, awards and prize money of a year. */
export { awardYearFigures } from './awards-figures.repo.js';
