import type { ServiceDeps } from '../../platform/services.js';
import { verifyAuditAnchored, type AnchoredVerifyResult } from '../../platform/audit/audit-verify.js';
import { describeDatabase } from '../cli-database.js';
import { EXIT_FAILURE, EXIT_OK } from '../failure.js';
import type { Io } from '../io.js';

/**
 * `qd audit verify`: seals what is committed, walks the hash chain from the first row, then checks
 * every signed checkpoint (file and database) against the key and the chain. Read-only apart from
 * sealing, and deliberately outside the application's permissions: whoever runs it can read the
 * database anyway. The verdict goes to stdout; the details of the anchoring to stderr.
 */
export async function auditVerifyCommand(deps: ServiceDeps, io: Io): Promise<number> {
  io.err(`Database: ${describeDatabase(deps)}`);
  const progress = io.progress('audit chain');
  let result: AnchoredVerifyResult;
  try {
    result = await verifyAuditAnchored(deps, (checked) => progress.update(checked));
  } finally {
    progress.stop();
  }
  const { chain, checkpoints } = result;
  io.err(
    checkpoints.inFile + checkpoints.inDatabase === 0
      ? `Checkpoints: none yet (${checkpoints.file}); the chain's tail is not anchored until the first one is signed.`
      : `Checkpoints: ${checkpoints.inFile} in ${checkpoints.file}${checkpoints.fileExists ? '' : ' (missing)'}, ` +
          `${checkpoints.inDatabase} in the database, key ${checkpoints.keyFile ?? 'missing'}.`,
  );
  if (result.unsealed > 0) {
    const why =
      result.seal.stoppedAt?.reason === 'in-flight'
        ? ` (a transaction holding seq ${result.seal.stoppedAt.seq} is still running)`
        : '';
    io.err(`Not yet sealed: ${result.unsealed} rows${why}; they are checked once sealed.`);
  }
  if (chain.ok && result.problems.length === 0) {
    io.out(`OK: the audit chain is intact, ${chain.checked} rows checked.`);
    return EXIT_OK;
  }
  if (!chain.ok) {
    io.out(`BROKEN at seq ${chain.firstBrokenSeq}: ${chain.reason} (${chain.checked} rows before it are intact).`);
  }
  for (const problem of result.problems) io.out(`BROKEN: ${problem}.`);
  return EXIT_FAILURE;
}
