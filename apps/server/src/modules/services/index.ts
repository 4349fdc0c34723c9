/** What other modules and the platform may use of the services module (ARCHITECTURE §3). */
import type { ServerModule } from '../../platform/server-module.js';

export const servicesModule: ServerModule = { name: 'services' };
