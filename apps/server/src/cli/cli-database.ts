import { systemClock } from '../platform/clock.js';
import { loadConfig, type Config } from '../platform/config.js';
import { openDatabase } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrate.js';
import type { ServiceDeps } from '../platform/services.js';

/**
 * Opens the database the way the server does: PostgreSQL when DATABASE_URL is set, else PGlite
 * in QD_DATA_DIR (./data). PGlite's folder admits one process, so while a server runs on it the
 * open fails with DataDirLockedError, which `qd` reports with exit code 2.
 */
export async function withDatabase<T>(
  fn: (deps: ServiceDeps) => Promise<T>,
  options: { config?: Config; migrate?: boolean } = {},
): Promise<T> {
  const config = options.config ?? loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: 4 });
  try {
    // Commands that write bring the schema up to date first, as a server start would.
    if (options.migrate) await migrate(database);
    return await fn({ database, config, clock: systemClock });
  } finally {
    await database.close();
  }
}

/** Which database a command works on, for its first line of output. */
export function describeDatabase({ database, config }: ServiceDeps): string {
  if (database.kind === 'pglite') return `PGlite at ${config.dataDir}`;
  const url = new URL(config.databaseUrl!);
  return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
