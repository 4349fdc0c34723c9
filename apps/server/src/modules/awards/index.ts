/** What other modules and the platform may use of the awards module (ARCHITECTURE §3). */
import type { ServerModule } from '../../platform/server-module.js';

export const awardsModule: ServerModule = { name: 'awards' };
