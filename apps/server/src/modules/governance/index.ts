/** What other modules and the platform may use of the governance module (ARCHITECTURE §3). */
import type { ServerModule } from '../../platform/server-module.js';

export const governanceModule: ServerModule = { name: 'governance' };
