import type { Executor } from '../../platform/db/database.js';
import type { DemoSeedContext } from '../../platform/server-module.js';

/** Demo data of the awards module (filled in below). */
export async function seedDemoAwards(_tx: Executor, _ctx: DemoSeedContext): Promise<void> {}
