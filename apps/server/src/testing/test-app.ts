import crypto from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { systemClock, type Clock } from '../platform/clock.js';
import { loadConfig, type Config } from '../platform/config.js';
import { openDatabase, type Database } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrate.js';
import { seedDemo } from '../seed/demo-seed.js';

/**
 * API tests run once per database kind (vitest projects set QD_TEST_DB): PGlite in memory, or a
 * fresh PostgreSQL database made for this file on TEST_DATABASE_URL's server and dropped after.
 */
export const TEST_DB = (process.env.QD_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';
export const POSTGRES_URL = process.env.TEST_DATABASE_URL;
export const POSTGRES_MISSING = TEST_DB === 'postgres' && !POSTGRES_URL;

if (POSTGRES_MISSING) {
  if (process.env.REQUIRE_POSTGRES === '1') {
    throw new Error('REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set: the PostgreSQL API tests cannot run.');
  }
  console.warn('[api-postgres] skipped: set TEST_DATABASE_URL=postgres://… to run the API tests on PostgreSQL too.');
}

export const DEMO_PASSWORD = 'Test-Demo-Pass-2026';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  clock: Clock;
  close(): Promise<void>;
}

export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `qd_test_${Date.now()}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: POSTGRES_URL });
      await c.connect();
      // pool.end() resolves before its connections have said goodbye: a forced drop would kill
      // them mid-close and their FATAL 57P01 would surface as an unhandled error in the run.
      for (let i = 0; i < 100; i++) {
        const { rows } = await c.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A migrated database with the demo district, and the app on it (no port: use app.inject). */
export async function createTestApp(
  options: { seed?: boolean; enterprises?: number; config?: Partial<Config>; clock?: Clock } = {},
): Promise<TestApp> {
  const pgDb = TEST_DB === 'postgres' ? await createPostgresDatabase() : null;
  const config: Config = { ...loadConfig({}), databaseUrl: pgDb?.url, webDist: '/nonexistent', ...options.config };
  const database = await openDatabase({ url: pgDb?.url, poolSize: 5 });
  await migrate(database);
  if (options.seed !== false) await seedDemo(database, DEMO_PASSWORD, options.enterprises ?? 40);
  const clock = options.clock ?? systemClock;
  const app = await buildApp({ database, config, clock });
  await app.ready();
  return {
    app,
    database,
    config,
    clock,
    close: async () => {
      await app.close();
      await database.close();
      await pgDb?.drop();
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
}

export async function login(app: FastifyInstance, username: string, password = DEMO_PASSWORD, ip = '10.0.0.1'): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const body = res.json() as { csrfToken: string; user: { id: string } };
  return { cookie, csrf: body.csrfToken, userId: body.user.id };
}

/** A request as a signed-in user, with the CSRF header a browser page would send. */
export function call(
  app: FastifyInstance,
  session: Session | null,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    payload: payload as never,
    headers: {
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
      ...headers,
    },
  });
}
