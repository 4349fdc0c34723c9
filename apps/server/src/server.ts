import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { systemClock, type Clock } from './platform/clock.js';
import { loadConfig, type Config } from './platform/config.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { migrate } from './platform/db/migrate.js';
import { serveBackups, type BackupSocket } from './platform/db/backup-socket.js';
import { generatePassword } from './platform/crypto/password-hash.js';
import { isDatabaseEmpty, seedDemo } from './seed/demo-seed.js';
import { startJobs, type JobRunner } from './platform/jobs/job-runner.js';
import { identityJobs } from './modules/identity/index.js';
import { auditJobs, startAuditSealer, type AuditSealer } from './platform/audit/audit.jobs.js';
import { loadAuditKey } from './platform/audit/audit-checkpoint.js';
import { FEATURE_MODULES } from './modules/feature-modules.js';

/** Every module's background jobs. */
const JOBS = [...auditJobs, ...identityJobs, ...FEATURE_MODULES.flatMap((m) => m.jobs ?? [])];

export interface StartOptions {
  /** Overrides of the environment's configuration (port 0 picks a free port). */
  config?: Partial<Config>;
  /** For tests and the e2e journeys: an in-memory PGlite instead of `config.dataDir`. */
  inMemory?: boolean;
  /** Seed the demo district when the database has no users. */
  seedDemoWhenEmpty?: boolean;
  logger?: boolean;
  /** "Now" for the services and jobs (tests and e2e journeys pass a ManualClock). */
  clock?: Clock;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  database: Database;
  config: Config;
  /** Set when this start seeded the demo district: the password of its users. */
  demoPassword: string | null;
  /** The background jobs, unless `config.jobs` is off. */
  jobs: JobRunner | null;
  close(): Promise<void>;
}

/** Opens the database, migrates, seeds an empty one, and listens. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const config = { ...loadConfig(), ...options.config };
  const clock = options.clock ?? systemClock;
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: options.inMemory ? undefined : config.dataDir,
  });
  let jobs: JobRunner | null = null;
  let backups: BackupSocket | null = null;
  let sealer: AuditSealer | null = null;
  // An in-memory database has nothing to anchor outside itself: no key, no checkpoints.
  const anchored = !options.inMemory;
  try {
    // The checkpoint key exists from the first start (or a configured one that is missing stops it).
    if (anchored) loadAuditKey(config, { create: true });
    await migrate(database);
    let demoPassword: string | null = null;
    if (options.seedDemoWhenEmpty && (await isDatabaseEmpty(database))) {
      demoPassword = config.demoPassword ?? generatePassword();
      await seedDemo(database, demoPassword);
    }
    const app = await buildApp({ database, config, clock, logger: options.logger ?? false });
    sealer = startAuditSealer(
      { database, config, clock },
      { checkpoints: anchored, onError: (err) => app.log.error({ err }, 'audit sealer') },
    );
    if (config.jobs) {
      const definitions = anchored ? JOBS : JOBS.filter((j) => !auditJobs.includes(j));
      jobs = await startJobs({ deps: { database, config, clock }, definitions, log: options.logger ? app.log : undefined });
    }
    // `qd backup` asks a running server for a dump of its embedded database (see backup-socket.ts).
    backups = database.kind === 'pglite' && !options.inMemory ? await serveBackups(database, config.dataDir) : null;
    const address = await app.listen({ port: config.port, host: config.host });
    const url = address.replace(/\/\/(0\.0\.0\.0|127\.0\.0\.1|\[::1?\])/, '//localhost');
    return {
      url,
      app,
      database,
      config,
      demoPassword,
      jobs,
      close: async () => {
        await app.close();
        await backups?.close();
        await sealer?.stop();
        await jobs?.stop();
        await database.close();
      },
    };
  } catch (err) {
    await backups?.close();
    await sealer?.stop();
    await jobs?.stop();
    await database.close();
    throw err;
  }
}
