import type { ServiceDeps } from '../../platform/services.js';
import { checkpointFilePath, restartCheckpointFile, writeCheckpoint } from '../../platform/audit/audit-checkpoint.js';
import { describeDatabase } from '../cli-database.js';
import { EXIT_OK } from '../failure.js';
import type { Io } from '../io.js';

/**
 * `qd audit checkpoint`: seals and signs the chain's head now (before a backup, an upgrade, or a
 * hand-over), as the server does every 1,000 rows and hourly. Nothing new since the last one: no-op.
 * `--after-restore` starts the checkpoint file again after an older backup was restored.
 */
export async function auditCheckpointCommand(deps: ServiceDeps, options: { afterRestore?: boolean }, io: Io): Promise<number> {
  io.err(`Database: ${describeDatabase(deps)}`);
  if (options.afterRestore) {
    const { keptAs, copied } = await restartCheckpointFile(deps);
    if (keptAs) io.out(`The checkpoints of before the restore are kept in ${keptAs}.`);
    io.out(`${checkpointFilePath(deps.config)} started again with the database's ${copied} checkpoints.`);
  }
  const { written } = options.afterRestore ? { written: null } : await writeCheckpoint(deps);
  if (written)
    io.out(
      `Checkpoint at seq ${written.seq}, head ${written.headHash}, signed and appended to ${checkpointFilePath(deps.config)}.`,
    );
  else io.out('No new rows since the last checkpoint: nothing to sign.');
  return EXIT_OK;
}
