import { seedScaleEnterprises } from '../../apps/server/src/modules/registry/index.js';
import type { Database } from '../../apps/server/src/platform/db/database.js';
import type { LoadTiming } from './protocol.js';

const SLICE = 10_000;
/** Above the serials the demo seed uses, like `qd seed --scale`. */
export const LOAD_SERIAL_BASE = 1_000_000;

/**
 * The 100k load: generated enterprises through the registry's bulk `unnest` insert (one
 * statement per 10k rows), in one transaction, timed from generation to commit.
 */
export async function loadEnterprises(database: Database, rows: number, regionCode: string): Promise<LoadTiming> {
  const started = performance.now();
  await database.db.transaction(async (tx) => {
    for (let done = 0; done < rows; done += SLICE) {
      await seedScaleEnterprises(tx, Math.min(SLICE, rows - done), regionCode, LOAD_SERIAL_BASE + done);
    }
  });
  // PostgreSQL plans the searches with fresh statistics, as autovacuum would give it soon after.
  await database.query('analyze organizations');
  const seconds = (performance.now() - started) / 1000;
  return { rows, seconds, rowsPerSecond: Math.round(rows / seconds) };
}
