/**
 * Audited writes under concurrency (issue 12): 50 connections each creating service requests
 * through Open311 `POST requests.json`, one audit row per request. Before the sealer every audited
 * write queued on one advisory lock for the rest of its transaction; the figure shows whether
 * concurrent writes now scale with connections. PostgreSQL only: PGlite has one connection.
 */
import autocannon from 'autocannon';
import pg from 'pg';
import type { HttpResult } from '../http.js';
import { login } from '../http.js';
import { appendAudit } from '../../../apps/server/src/platform/audit/audit-writer.js';
import { openDatabase } from '../../../apps/server/src/platform/db/database.js';
import { systemContext } from '../../../apps/server/src/platform/request-context.js';
import { summarise, type ModuleBench, type TimingResult } from '../module-bench.js';
import { createBenchDatabase } from '../postgres.js';
import { startServerProcess } from '../server-control.js';

const PASSWORD = 'Bench-Pass-2026!';
const DATABASE = 'PostgreSQL';
const CONNECTIONS = 50;

/**
 * The audited write alone, without HTTP: CONNECTIONS workers each committing transactions that
 * append one audit row, for `seconds`. What the global lock serialised is exactly this.
 */
async function auditedTransactions(url: string, seconds: number): Promise<{ tps: number; durations: number[] }> {
  const database = await openDatabase({ url, poolSize: CONNECTIONS });
  const ctx = systemContext('410471', 'bench');
  const durations: number[] = [];
  const until = performance.now() + seconds * 1000;
  try {
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < until) {
          const started = performance.now();
          await database.db.transaction((tx) => appendAudit(tx, ctx, { action: 'bench.audited-write', regionCode: '410471' }));
          durations.push(performance.now() - started);
        }
      }),
    );
  } finally {
    await database.close();
  }
  return { tps: durations.length / seconds, durations };
}

export const auditBench: ModuleBench = {
  module: 'audit',
  async run({ settings, postgresServerUrl, log }) {
    if (!postgresServerUrl) return { skipped: ['audit: no PostgreSQL server reachable'] };
    const created = await createBenchDatabase(postgresServerUrl);
    if ('unreachable' in created) return { skipped: [`audit: PostgreSQL unreachable (${created.unreachable})`] };
    const http: HttpResult[] = [];
    const timings: TimingResult[] = [];
    try {
      const server = await startServerProcess({
        mode: 'app',
        database: { kind: 'postgres', url: created.url },
        rows: 0,
        password: PASSWORD,
      });
      try {
        const cookie = await login(server.url, 'office', PASSWORD);
        const csrf = decodeURIComponent(/qd_csrf=([^;]+)/.exec(cookie)?.[1] ?? '');
        const issued = await fetch(`${server.url}/api/v1/services/api-clients`, {
          method: 'POST',
          headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'bench-audit' }),
        });
        if (!issued.ok) throw new Error(`issue api key: ${issued.status} ${await issued.text()}`);
        const { apiKey } = (await issued.json()) as { apiKey: string };
        const body = new URLSearchParams({
          api_key: apiKey,
          service_code: 'LEGAL-QUALITY',
          address_string: '高新区火炬路88号',
          description: '审计吞吐压测诉求',
          'attribute[question]': '产品召回的法律责任',
        }).toString();
        const options = {
          url: `${server.url}/open311/v2/requests.json`,
          connections: CONNECTIONS,
          method: 'POST' as const,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body,
        };
        const started = performance.now();
        const probe = await fetch(options.url, { method: 'POST', headers: options.headers, body });
        if (!probe.ok) throw new Error(`POST requests.json: ${probe.status} ${await probe.text()}`);
        const idleMs = performance.now() - started;
        if (settings.warmupSeconds > 0) await autocannon({ ...options, duration: settings.warmupSeconds });
        log(`audit: ${CONNECTIONS} concurrent audited creates for ${settings.seconds} s …`);
        let rssMb = await server.rssMb();
        // A generous timeout: on a loaded machine a queued create must count as slow, not as lost.
        const result = await autocannon({ ...options, duration: settings.seconds, timeout: 60 });
        rssMb = Math.max(rssMb, await server.rssMb());
        http.push({
          scenario: `audit: ${CONNECTIONS} concurrent audited creates (Open311 POST)`,
          database: DATABASE,
          idleMs,
          reqPerSec: result.requests.average,
          p50Ms: result.latency.p50,
          p99Ms: result.latency.p99,
          rssMb,
          requests: result.requests.total,
          non2xx: result.non2xx,
          timeouts: result.timeouts,
          errors: result.errors,
        });
        log(`audit: ${CONNECTIONS} concurrent audited transactions (no HTTP) for ${settings.seconds} s …`);
        const direct = await auditedTransactions(created.url, settings.seconds);
        timings.push({
          module: 'audit',
          scenario: `${CONNECTIONS} concurrent transactions, one audit row each`,
          database: DATABASE,
          ...summarise(direct.durations),
          note: `${direct.tps.toFixed(0)} tx/s`,
        });
        // Every acknowledged create left its audit row: the figure measured audited writes.
        const client = new pg.Client({ connectionString: created.url });
        await client.connect();
        try {
          const { rows } = await client.query<{ n: number; unsealed: number }>(
            `select count(*)::int as n, count(*) filter (where hash is null)::int as unsealed
             from audit_log where action like 'services.request.%'`,
          );
          log(`audit: ${rows[0]!.n} audit rows of service requests, ${rows[0]!.unsealed} not yet sealed at the end of the run`);
        } finally {
          await client.end();
        }
      } finally {
        await server.stop();
      }
    } finally {
      await created.drop();
    }
    return { http, timings };
  },
};
