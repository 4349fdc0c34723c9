import fs from 'node:fs';
import path from 'node:path';
import { systemClock } from '../../platform/clock.js';
import type { Config } from '../../platform/config.js';
import { ChecksumError, verifyChecksum } from '../../platform/db/backup-files.js';
import { openDatabase } from '../../platform/db/database.js';
import { pgRestore } from '../../platform/db/pg-tools.js';
import { tableFingerprints } from '../../platform/db/table-fingerprints.js';
import { CliError, EXIT_FAILURE, EXIT_OK } from '../failure.js';
import type { Io } from '../io.js';
import { auditVerifyCommand } from './audit-verify.js';

/**
 * `qd restore FILE`: checks FILE against FILE.sha256, restores it, then prints every table's
 * row count and verifies the audit chain (exit 1 when it does not hold). PostgreSQL: pg_restore
 * in one transaction, replacing the objects of the backup; stop the servers first. PGlite: the
 * server must be stopped (the data folder's lock says so, exit 2); the database it replaces
 * is kept as pglite.before-restore-<time> in the data folder.
 */
export async function restoreCommand(config: Config, options: { file: string }, io: Io): Promise<number> {
  const file = path.resolve(options.file);
  if (!fs.existsSync(file)) throw new CliError(`${file} does not exist. 文件不存在。`);
  try {
    await verifyChecksum(file);
  } catch (err) {
    if (err instanceof ChecksumError) throw new CliError(err.message);
    throw err;
  }
  io.err(`Checksum: ${path.basename(file)} matches ${path.basename(file)}.sha256`);

  if (config.databaseUrl) await pgRestore(config.databaseUrl, file);
  const database = await openDatabase(
    config.databaseUrl
      ? { url: config.databaseUrl, poolSize: 2 }
      : { dataDir: config.dataDir, restoreFrom: new Blob([fs.readFileSync(file)]) },
  );
  try {
    const tables = await tableFingerprints(database);
    io.out(`Restored ${file}: ${tables.length} tables, ${tables.reduce((n, t) => n + t.rows, 0)} rows.`);
    for (const t of tables) io.out(`  ${t.table.padEnd(48)} ${String(t.rows).padStart(9)}  ${t.md5}`);
    const audit = await auditVerifyCommand({ database, config, clock: systemClock }, io);
    return audit === EXIT_OK ? EXIT_OK : EXIT_FAILURE;
  } finally {
    await database.close();
  }
}
