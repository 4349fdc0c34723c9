import type { ServiceDeps } from '../../platform/services.js';
import { checkpointFilePath, writeCheckpoint } from '../../platform/audit/audit-checkpoint.js';
import { describeDatabase } from '../cli-database.js';
import { EXIT_OK } from '../failure.js';
import type { Io } from '../io.js';

/**
 * `qd audit checkpoint`: seals and signs the chain's head now (before a backup, an upgrade, or a
 * hand-over), as the server does every 1,000 rows and hourly. Nothing new since the last one: no-op.
 */
export async function auditCheckpointCommand(deps: ServiceDeps, io: Io): Promise<number> {
  io.err(`Database: ${describeDatabase(deps)}`);
  const { written } = await writeCheckpoint(deps);
  if (written)
    io.out(
      `Checkpoint at seq ${written.seq}, head ${written.headHash}, signed and appended to ${checkpointFilePath(deps.config)}.`,
    );
  else io.out('No new rows since the last checkpoint: nothing to sign.');
  return EXIT_OK;
}
