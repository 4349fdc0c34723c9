import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema.js';
import { lockDataDir } from './data-dir-lock.js';

export type Schema = typeof schema;
/** The one database type the code is written against, whichever driver runs underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Repos accept either: a plain handle for reads, the use-case's transaction for writes. */
export type Executor = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Runs raw SQL with parameters: for pg-boss and the few statements Drizzle cannot express. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /**
   * Runs a script of several statements without parameters (simple query protocol) and returns
   * the rows of its last statement: for pg-boss's schema and maintenance scripts, which carry
   * their own BEGIN … COMMIT. A failing script never leaves the session inside an aborted
   * transaction.
   */
  script<T = Record<string, unknown>>(text: string): Promise<T[]>;
  /** Runs fn while holding a cluster-wide advisory lock (one process at a time). */
  withAdvisoryLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  /**
   * PGlite only: a consistent copy of the data folder (gzipped tar) taken while the database
   * serves, between two transactions. PostgreSQL is backed up with pg_dump instead.
   */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… ; unset means PGlite. */
  url?: string | undefined;
  /** PGlite folder; unset means an in-memory PGlite (tests). */
  dataDir?: string | undefined;
  poolSize?: number;
  /**
   * PGlite with a dataDir: replace the folder's database with this dump (`qd restore`); the
   * one it replaces is kept beside it as `pglite.before-restore-<time>`.
   */
  restoreFrom?: Blob;
  /** Told when a connection is lost (PostgreSQL); the default writes one line to stderr. */
  onConnectionError?: (err: Error) => void;
}

const logConnectionError = (err: Error) => console.error(`[db] connection lost: ${err.message}`);

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    // Sessions run in UTC (the app shows times in Asia/Shanghai), set at connection start-up.
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 20,
      options: '-c TimeZone=UTC',
      // A database that does not answer fails the request (503) instead of queueing it forever.
      connectionTimeoutMillis: 10_000,
    });
    // A cut connection (failover, restart, pg_terminate_backend) must cost the requests using it,
    // never the process: an 'error' event without a listener would end it. The pool drops the
    // broken client (idle: at once; checked out: on release) and opens a new one when next needed.
    const onConnectionError = options.onConnectionError ?? logConnectionError;
    pool.on('connect', (client) => {
      client.on('error', onConnectionError);
      releaseWhenBeginFails(client);
    });
    // The pool re-emits an idle client's error, which the listener above has already reported.
    pool.on('error', () => {});
    await pool.query('select 1');
    return {
      db: drizzlePg(pool, { schema }) as unknown as Db,
      kind: 'postgres',
      query: async (text, params) => (await pool.query(text, params as unknown[])).rows,
      script: async (text) => {
        const client = await pool.connect();
        try {
          const result = (await client.query(text)) as unknown as pg.QueryResult | pg.QueryResult[];
          return ((Array.isArray(result) ? result.at(-1) : result)?.rows ?? []) as never;
        } catch (err) {
          await client.query('rollback').catch(() => {});
          throw err;
        } finally {
          client.release();
        }
      },
      withAdvisoryLock: async (key, fn) => {
        // Session-level locks belong to one connection: hold a dedicated one for the duration.
        const client = await pool.connect();
        try {
          await client.query('select pg_advisory_lock($1)', [key]);
          return await fn();
        } finally {
          await client.query('select pg_advisory_unlock($1)', [key]).catch(() => {});
          client.release();
        }
      },
      close: () => pool.end(),
    };
  }
  const unlock = options.dataDir ? await lockDataDir(options.dataDir) : async () => {};
  try {
    const pgliteDir = options.dataDir ? path.join(options.dataDir, 'pglite') : undefined;
    if (options.restoreFrom && pgliteDir && fs.existsSync(pgliteDir)) {
      fs.renameSync(pgliteDir, `${pgliteDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    }
    const client = await PGlite.create({ dataDir: pgliteDir, extensions: { pg_trgm }, loadDataDir: options.restoreFrom });
    await client.exec(`SET TIME ZONE 'UTC'`);
    return {
      db: drizzlePglite(client, { schema }) as unknown as Db,
      kind: 'pglite',
      query: async (text, params) => (await client.query(text, params as unknown[])).rows as never,
      // Inside PGlite's own transaction: it holds the one connection for the whole script and
      // rolls back on error. A script's own BEGIN / COMMIT then only draw a warning.
      script: (text) => client.transaction(async (tx) => ((await tx.exec(text)).at(-1)?.rows ?? []) as never),
      // One process owns the folder (see lockDataDir), so there is nobody to exclude.
      withAdvisoryLock: (_key, fn) => fn(),
      dumpDataDir: async () => {
        await client.exec('CHECKPOINT');
        // Inside a transaction of its own: no other transaction is half done while the files are read.
        return client.transaction(() => client.dumpDataDir('gzip'));
      },
      close: async () => {
        await client.close();
        await unlock();
      },
    };
  } catch (err) {
    await unlock();
    throw err;
  }
}

/**
 * drizzle's node-postgres transaction sends BEGIN before its try/finally, so a BEGIN that fails
 * (the connection was cut a moment before) never releases the client: every such cut would leak
 * one connection of the pool, and `pool.end()` would wait for it forever. Releasing the client
 * with the error here destroys it, as the pool does for any broken client.
 */
function releaseWhenBeginFails(client: pg.PoolClient): void {
  client.query = function (this: pg.PoolClient, ...args: unknown[]) {
    // The class's method, looked up on each call, so whatever wraps it (a test's probe) still runs.
    const query = (Object.getPrototypeOf(this) as { query: (...a: unknown[]) => unknown }).query;
    const result = query.apply(this, args);
    // drizzle passes a query config object; the platform's own `script` and `withAdvisoryLock`
    // pass strings and release in their own finally.
    const first = args[0] as { text?: unknown } | string | undefined;
    const text = typeof first === 'object' ? first?.text : undefined;
    if (!(result instanceof Promise) || typeof text !== 'string' || !/^\s*begin\b/i.test(text)) return result;
    return result.catch((err: unknown) => {
      this.release(err instanceof Error ? err : new Error(String(err)));
      throw err;
    });
  } as typeof client.query;
}
