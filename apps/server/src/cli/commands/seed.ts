import { checkPassword, translate } from '@qd/core';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import { generatePassword } from '../../platform/crypto/password-hash.js';
import type { ServiceDeps } from '../../platform/services.js';
import { createOrganizationsService, createRegionsService, seedScaleEnterprises } from '../../modules/registry/index.js';
import { DEMO_USERS, isDatabaseEmpty, seedDemo } from '../../seed/demo-seed.js';
import { describeDatabase } from '../cli-database.js';
import { EXIT_FAILURE, EXIT_OK } from '../failure.js';
import type { Io } from '../io.js';
import { operatorContext } from '../operator.js';

/** `qd seed --demo`: the demo district, into an empty database only. */
export async function seedDemoCommand(
  deps: ServiceDeps,
  options: { password?: string | undefined; env?: NodeJS.ProcessEnv },
  io: Io,
): Promise<number> {
  io.err(`Database: ${describeDatabase(deps)}`);
  if (!(await isDatabaseEmpty(deps.database))) {
    io.err('The database already has users: the demo district is seeded into an empty database only. Nothing was changed.');
    return EXIT_FAILURE;
  }
  const given = options.password ?? (options.env ?? process.env).QD_DEMO_PASSWORD;
  const password = given || generatePassword();
  const problem = checkPassword(password);
  if (problem) {
    io.err(`Error: the demo password is too weak: ${translate(problem, io.locale)}`);
    return EXIT_FAILURE;
  }
  await seedDemo(deps.database, password);
  io.out('Demo district seeded: 平顶山高新技术产业开发区 (410471). Users:');
  for (const u of DEMO_USERS) io.out(`  ${u.username.padEnd(12)} ${u.role.padEnd(11)} ${u.zh}`);
  io.out(given ? 'Password for all of them: as given.' : `Password for all of them: ${password}`);
  return EXIT_OK;
}

/** Rows per statement and per progress step; the repo's bulk insert writes one `unnest` per slice. */
const SCALE_SLICE = 10_000;
/** Generated credit codes start above every serial the demo seed uses (departments at 900 000). */
const SCALE_SERIAL_FLOOR = 1_000_000;

/**
 * `qd seed --scale N`: N generated enterprises in one transaction, for load tests and for a
 * district that wants to see the platform full.
 */
export async function seedScaleCommand(deps: ServiceDeps, options: { count: number; region: string }, io: Io): Promise<number> {
  io.err(`Database: ${describeDatabase(deps)}`);
  const ctx = operatorContext(options.region, ['registry.read', 'registry.enterprise.write']);
  const regions = await createRegionsService(deps).list(ctx);
  if (!regions.some((r) => r.code === options.region)) {
    io.err(`Error: region ${options.region} is not in the database (seed the demo district or add the region first).`);
    return EXIT_FAILURE;
  }
  // Credit codes embed the region, so they only need to be new within it: continue after the
  // enterprises the region already has (organizations are never deleted, so the count only grows).
  const existing = await createOrganizationsService(deps).list(ctx, 'enterprise', {
    current: 1,
    pageSize: 1,
    regionCode: options.region,
  });
  const serialBase = SCALE_SERIAL_FLOOR + existing.total;

  const started = performance.now();
  const progress = io.progress('enterprises', options.count);
  try {
    await deps.database.db.transaction(async (tx) => {
      for (let done = 0; done < options.count; done += SCALE_SLICE) {
        const n = Math.min(SCALE_SLICE, options.count - done);
        await seedScaleEnterprises(tx, n, options.region, serialBase + done);
        progress.update(done + n);
      }
      await appendAudit(tx, ctx, {
        action: 'registry.enterprise.seed',
        targetType: 'organization',
        regionCode: options.region,
        detail: { rows: options.count, generated: true },
      });
    });
  } finally {
    progress.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  io.out(
    `Added ${options.count} generated enterprises to region ${options.region} in ${seconds.toFixed(1)} s ` +
      `(${Math.round(options.count / seconds)} rows/s).`,
  );
  return EXIT_OK;
}
