import type { ServiceDeps } from '../../platform/services.js';
import { verifyAuditLog } from '../../modules/identity/index.js';
import { describeDatabase } from '../cli-database.js';
import { EXIT_FAILURE, EXIT_OK } from '../failure.js';
import type { Io } from '../io.js';

/**
 * `qd audit verify`: walks the hash chain from the first row. Read-only, and deliberately outside
 * the application's permissions: whoever runs it can read the database anyway.
 */
export async function auditVerifyCommand(deps: ServiceDeps, io: Io): Promise<number> {
  io.err(`Database: ${describeDatabase(deps)}`);
  const progress = io.progress('audit chain');
  let result;
  try {
    result = await verifyAuditLog(deps.database.db, (checked) => progress.update(checked));
  } finally {
    progress.stop();
  }
  if (result.ok) {
    io.out(`OK: the audit chain is intact, ${result.checked} rows checked.`);
    return EXIT_OK;
  }
  io.out(`BROKEN at seq ${result.firstBrokenSeq}: ${result.reason} (${result.checked} rows before it are intact).`);
  return EXIT_FAILURE;
}
