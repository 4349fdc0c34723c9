/** What other modules and the platform may use of the services module (ARCHITECTURE §3). */
import type { ServerModule } from '../../platform/server-module.js';
import { DEMO_REGION } from '../registry/index.js';
import { createApiClientsService } from './api-clients.service.js';
import { createBoardService } from './board.service.js';
import { createCatalogueService } from './catalogue.service.js';
import { open311Routes } from './open311.routes.js';
import { createRequestsService } from './requests.service.js';
import { servicesJobs } from './services.jobs.js';
import { servicesRoutes } from './services.routes.js';
import { seedDemoServices } from './services.seed.js';

export { markOverdueRequests } from './services.jobs.js';

export const servicesModule: ServerModule = {
  name: 'services',
  apiRoutes(api, deps) {
    const requests = createRequestsService(deps);
    servicesRoutes(api, {
      catalogue: createCatalogueService(deps),
      requests,
      board: createBoardService(deps),
      apiClients: createApiClientsService(deps),
      defaultRegion: DEMO_REGION,
    });
  },
  rootRoutes(app, deps) {
    open311Routes(app, deps, DEMO_REGION);
  },
  jobs: servicesJobs,
  seedDemo: seedDemoServices,
};
