import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../platform/config.js';
import { requestBackup } from '../../platform/db/backup-socket.js';
import { writeChecksum } from '../../platform/db/backup-files.js';
import { openDatabase } from '../../platform/db/database.js';
import { pgDump } from '../../platform/db/pg-tools.js';
import { CliError, EXIT_OK } from '../failure.js';
import type { Io } from '../io.js';

/**
 * `qd backup FILE`: PostgreSQL with pg_dump (custom format); PGlite as a gzipped tar of its data
 * folder, asked of the running server over its backup socket, or taken directly when no server
 * runs. Written to FILE.partial and renamed when complete; its SHA-256 goes to FILE.sha256.
 */
export async function backupCommand(config: Config, options: { file: string }, io: Io): Promise<number> {
  const file = path.resolve(options.file);
  if (fs.existsSync(file)) throw new CliError(`${file} exists: choose a new file name. 文件已存在。`);
  const partial = `${file}.partial`;
  let source: string;
  try {
    if (config.databaseUrl) {
      const url = new URL(config.databaseUrl);
      source = `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname} (pg_dump, custom format)`;
      await pgDump(config.databaseUrl, partial);
    } else {
      let dump = await requestBackup(config.dataDir);
      source = `PGlite at ${config.dataDir} (from the running server)`;
      if (!dump) {
        source = `PGlite at ${config.dataDir} (no server running)`;
        const database = await openDatabase({ dataDir: config.dataDir });
        try {
          dump = Buffer.from(await (await database.dumpDataDir!()).arrayBuffer());
        } finally {
          await database.close();
        }
      }
      fs.writeFileSync(partial, dump);
    }
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  const sha256 = await writeChecksum(file);
  io.err(`Database: ${source}`);
  io.out(`Backup written: ${file} (${fs.statSync(file).size} bytes), SHA-256 ${sha256} in ${path.basename(file)}.sha256`);
  return EXIT_OK;
}
