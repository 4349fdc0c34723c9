/** What other modules and the platform may use of the supervision module (ARCHITECTURE §3). */
import type { ServerModule } from '../../platform/server-module.js';

export const supervisionModule: ServerModule = { name: 'supervision' };
