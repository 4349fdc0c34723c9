import { migrate, migrationVersion } from '../../platform/db/migrate.js';
import type { ServiceDeps } from '../../platform/services.js';
import { describeDatabase } from '../cli-database.js';
import { EXIT_OK } from '../failure.js';
import type { Io } from '../io.js';

/** `qd migrate`: applies the committed migrations and prints the version the database is at. */
export async function migrateCommand(deps: ServiceDeps, io: Io): Promise<number> {
  io.err(`Database: ${describeDatabase(deps)}`);
  // A new database has no migrations table yet.
  const before = await migrationVersion(deps.database).catch(() => null);
  await migrate(deps.database);
  const after = await migrationVersion(deps.database);
  io.out(before === after ? `Up to date at migration ${after}` : `Migrated from ${before ?? '(empty)'} to ${after}`);
  return EXIT_OK;
}
