import PgBoss from 'pg-boss';
import type { ServiceDeps } from '../services.js';
import type { JobDefinition } from './job-definition.js';
import { pgBossDb } from './pg-boss-db.js';
import { isConnectionLoss } from '../db/connection-loss.js';

export interface JobLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Without the server's logger, failures still reach the console; routine runs stay quiet. */
const consoleLog: JobLog = {
  info: () => {},
  error: (obj, msg) => console.error(`[jobs] ${msg}`, obj),
};

export interface JobRunnerOptions {
  deps: ServiceDeps;
  definitions: readonly JobDefinition[];
  log?: JobLog;
  /** How often an idle worker asks for work. Scheduled housekeeping does not need it often. */
  pollingIntervalSeconds?: number;
}

export interface JobRunner {
  /** Queues one run of a job now; returns its id. */
  send(name: string, data?: Record<string, unknown>): Promise<string>;
  /** The state of a job: created, active, completed, failed …, and its output. */
  status(name: string, id: string): Promise<{ state: string; output: unknown } | null>;
  stop(): Promise<void>;
}

/**
 * Starts pg-boss on the app's database (ARCHITECTURE §5: jobs live in PostgreSQL, so any
 * instance may run them and a schedule fires once however many instances run). On PostgreSQL
 * pg-boss keeps a small pool of its own on the same connection string; on PGlite it shares the
 * app's single connection. pg-boss creates and migrates its own `pgboss` schema.
 */
export async function startJobs({
  deps,
  definitions,
  log = consoleLog,
  pollingIntervalSeconds = 10,
}: JobRunnerOptions): Promise<JobRunner> {
  const { database, config } = deps;
  let options: PgBoss.ConstructorOptions;
  if (database.kind === 'pglite') {
    options = { db: pgBossDb(database) };
  } else {
    if (!config.databaseUrl) throw new Error('Jobs on PostgreSQL need config.databaseUrl');
    options = { connectionString: config.databaseUrl, max: 4, application_name: 'qd-jobs' };
  }
  const boss = new PgBoss(options);
  boss.on('error', (err) => {
    // A cut connection is routine for pg-boss (its pool reconnects, its loops retry): one line.
    if (isConnectionLoss(err)) log.error({ reason: err.message }, 'pg-boss lost a database connection');
    else log.error({ err }, 'pg-boss error');
  });
  await boss.start();
  try {
    for (const job of definitions) {
      await boss.createQueue(job.name);
      await boss.work<Record<string, unknown>>(job.name, { pollingIntervalSeconds }, async ([item]) => {
        const started = Date.now();
        try {
          const output = await job.run(deps, item?.data ?? {});
          log.info({ job: job.name, id: item?.id, ms: Date.now() - started, output }, 'job done');
          return output ?? undefined;
        } catch (err) {
          log.error({ job: job.name, id: item?.id, err }, 'job failed');
          throw err;
        }
      });
      if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: 'UTC' });
      else await boss.unschedule(job.name);
    }
  } catch (err) {
    await boss.stop({ graceful: false, wait: true });
    throw err;
  }

  return {
    async send(name, data = {}) {
      const id = await boss.send(name, data);
      if (!id) throw new Error(`Job ${name} was not queued`);
      return id;
    },
    async status(name, id) {
      const job = await boss.getJobById(name, id, { includeArchive: true });
      return job ? { state: job.state, output: job.output } : null;
    },
    // Running jobs get a few seconds to finish; a cut-off one fails and is retried elsewhere.
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}
