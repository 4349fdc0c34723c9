import fs from 'node:fs/promises';
import path from 'node:path';
import type { ImportRowError } from '@qd/core';
import { AppError } from '../../platform/http/errors.js';
import type { ServiceDeps } from '../../platform/services.js';
import { createEnterpriseTransferService } from '../../modules/registry/index.js';
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, printAppError } from '../failure.js';
import type { Io, Progress } from '../io.js';
import { operatorContext } from '../operator.js';

/**
 * `qd enterprise import FILE`: the same all-or-nothing import as the web's upload. Every bad row
 * is listed (row, column, reason) and nothing is written; otherwise all rows are, in one transaction.
 */
export async function enterpriseImportCommand(
  deps: ServiceDeps,
  options: { file: string; region: string },
  io: Io,
): Promise<number> {
  if (!/\.(xlsx|csv)$/i.test(options.file)) throw new CliError('Error: the file must be an .xlsx or a .csv file.', EXIT_USAGE);
  let buffer: Buffer;
  try {
    buffer = await fs.readFile(options.file);
  } catch (err) {
    throw new CliError(`Error: cannot read ${options.file}: ${(err as Error).message}`);
  }
  const ctx = {
    ...operatorContext(options.region, ['registry.read', 'registry.import', 'registry.enterprise.write']),
    locale: io.locale,
  };

  const bars = new Map<string, Progress>();
  const onProgress = (phase: 'validate' | 'write', done: number, total: number) => {
    if (phase === 'write') bars.get('validate')?.stop();
    let bar = bars.get(phase);
    if (!bar) bars.set(phase, (bar = io.progress(phase === 'validate' ? 'validating' : 'writing', total)));
    bar.update(done, total);
  };
  try {
    const result = await createEnterpriseTransferService(deps).importEnterprises(
      ctx,
      { buffer, filename: path.basename(options.file) },
      onProgress,
    );
    for (const bar of bars.values()) bar.stop();
    io.out(`Imported ${result.imported} enterprises into region ${options.region}.`);
    return EXIT_OK;
  } catch (err) {
    for (const bar of bars.values()) bar.stop();
    if (!(err instanceof AppError)) throw err;
    const rows = (err.extra?.rows ?? []) as ImportRowError[];
    if (rows.length === 0) {
      printAppError(io, err);
      return EXIT_FAILURE;
    }
    for (const r of rows) io.err(`row ${r.row}, ${r.column}: ${r.message}`);
    io.err(
      `${rows.length} problem${rows.length === 1 ? '' : 's'} found${rows.length >= 1000 ? ' (the first 1000)' : ''}; nothing was imported.`,
    );
    return EXIT_FAILURE;
  }
}
