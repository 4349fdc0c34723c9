import path from 'node:path';

/** Everything the server reads from its environment, read once. */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server; unset means the embedded PGlite store in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Behind TLS: Secure cookies with the __Host- prefix. */
  secureCookies: boolean;
  trustProxy: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /**
   * How long a process trusts a session it looked up (QD_SESSION_CACHE_MS, 2000; 0 turns it
   * off): reads then cost one query, not two. Any state-changing request clears this process's
   * cache at once; a change made by another process takes effect within this time.
   */
  sessionCacheMs: number;
  demoPassword: string | undefined;
  webDist: string;
  logLevel: string;
  /** Background jobs (pg-boss) in this process; QD_JOBS=0 turns them off. */
  jobs: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const root = path.resolve(import.meta.dirname, '../../../..');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.QD_DATA_DIR ?? path.join(root, 'data')),
    secureCookies: env.QD_SECURE_COOKIES === '1',
    trustProxy: env.QD_TRUST_PROXY === '1',
    sessionIdleMinutes: Number(env.QD_SESSION_IDLE_MINUTES ?? 30),
    sessionAbsoluteHours: Number(env.QD_SESSION_ABSOLUTE_HOURS ?? 12),
    sessionCacheMs: Number(env.QD_SESSION_CACHE_MS ?? 2000),
    demoPassword: env.QD_DEMO_PASSWORD || undefined,
    webDist: path.resolve(env.QD_WEB_DIST ?? path.join(root, 'apps/web/dist')),
    logLevel: env.LOG_LEVEL ?? 'info',
    jobs: env.QD_JOBS !== '0',
  };
}
