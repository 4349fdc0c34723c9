import path from 'node:path';
import { hashAlgorithm, type HashAlgorithm } from './crypto/hash-provider.js';

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
  /** Digest of the audit chain (QD_HASH); checked at start-up. */
  hash: HashAlgorithm;
  /** Secret that signs audit checkpoints (QD_AUDIT_KEY_FILE); unset: `audit-key` in `dataDir`, made on first use. */
  auditKeyFile: string | undefined;
  /** Append-only export of the signed checkpoints (QD_AUDIT_CHECKPOINT_FILE); unset: `audit-checkpoints.jsonl` in `dataDir`. */
  auditCheckpointFile: string | undefined;
  /**
   * Where clients reach this server (scheme, host, optional path; no trailing slash), for the
   * absolute links it publishes (Open311 discovery). Never taken from a request's Host header.
   */
  publicBaseUrl: string;
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
    hash: hashAlgorithm(env),
    auditKeyFile: env.QD_AUDIT_KEY_FILE ? path.resolve(env.QD_AUDIT_KEY_FILE) : undefined,
    auditCheckpointFile: env.QD_AUDIT_CHECKPOINT_FILE ? path.resolve(env.QD_AUDIT_CHECKPOINT_FILE) : undefined,
    publicBaseUrl: publicBaseUrlOf(env),
  };
}

/** QD_PUBLIC_BASE_URL, checked; by default this machine on the listening port (local use). */
function publicBaseUrlOf(env: NodeJS.ProcessEnv): string {
  const given = env.QD_PUBLIC_BASE_URL;
  if (!given) return `${env.QD_SECURE_COOKIES === '1' ? 'https' : 'http'}://localhost:${Number(env.PORT ?? 3000)}`;
  const url = new URL(given);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`QD_PUBLIC_BASE_URL must be http(s): ${given}`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
