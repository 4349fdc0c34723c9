/**
 * The services module's benchmark on PostgreSQL: BENCH_SERVICE_REQUESTS requests (default
 * 1,000,000) spread over two years, generated in SQL; then the oversight board and the handler's
 * inbox under the configured concurrent connections, and Open311 `POST requests.json` throughput.
 */
import autocannon from 'autocannon';
import pg from 'pg';
import type { HttpResult } from '../http.js';
import { login, runScenario } from '../http.js';
import { summarise, type ModuleBench, type TimingResult } from '../module-bench.js';
import { createBenchDatabase } from '../postgres.js';
import { startServerProcess, type ServerControl } from '../server-control.js';

const PASSWORD = 'Bench-Pass-2026!';
const REGION = '410471';
const DATABASE = 'PostgreSQL';

const int = (value: string | undefined, fallback: number) =>
  value === undefined || value === '' ? fallback : Number.parseInt(value, 10);

/**
 * Requests over the last 730 days: those older than 20 days have ended (closed, a few declined),
 * recent ones are spread over the open stages. Assignments for every dispatched one.
 */
export async function generate(url: string, count: number): Promise<{ requestSeconds: number; assignmentSeconds: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let started = performance.now();
    await client.query(
      `insert into service_requests (id, region_code, number, service_id, category, state, source, enterprise_id, enterprise_name,
         description, attributes, contact_name, contact_phone, preferred_contact, step, step_started_at, step_deadline, step_overdue,
         late_steps, on_time, rating, submitted_at, completed_at, closed_at, updated_at, handler_name)
       select gen_random_uuid(), $1,
         'FW' || $1 || '-' || to_char(x.at at time zone 'Asia/Shanghai', 'YYYY') || '-' || lpad((x.g + 100000)::text, 7, '0'),
         svc.ids[1 + x.g % array_length(svc.ids, 1)], svc.cats[1 + x.g % array_length(svc.ids, 1)],
         x.state, 'web', ent.id, ent.name, '批量生成的服务诉求', '{}'::jsonb, '张经理', '13800000000', 'phone',
         case x.state when 'submitted' then 'accept' when 'accepted' then 'dispatch' when 'dispatched' then 'institutionAccept'
           when 'in_service' then 'service' when 'completed' then 'confirm' when 'rated' then 'close' end,
         case when x.state in ('closed', 'declined') then null else x.at end,
         case when x.state in ('closed', 'declined') then null else ((x.at at time zone 'Asia/Shanghai') + interval '4 days')::date end,
         false,
         case when x.r2 < 0.12 then 1 else 0 end,
         case when x.state in ('completed', 'rated', 'closed') then x.r2 >= 0.12 end,
         case when x.state in ('rated', 'closed') then 3 + floor(x.r3 * 3)::int end,
         x.at,
         case when x.state in ('completed', 'rated', 'closed') then x.at + (1 + x.r2 * 14) * interval '1 day' end,
         case when x.state in ('closed', 'declined') then x.at + (2 + x.r2 * 14) * interval '1 day' end,
         x.at, '质量办 王科长'
       from (
         select g, at, r2, r3,
           case when at < now() - interval '20 days' then (case when r < 0.04 then 'declined' else 'closed' end)
             else (array['submitted', 'accepted', 'dispatched', 'in_service', 'completed', 'rated'])[1 + floor(r * 6)::int] end as state
         from (select g, now() - random() * interval '730 days' as at, random() as r, random() as r2, random() as r3
               from generate_series(1, $2::int) g) raw
       ) x
       cross join (select array_agg(id order by code) as ids, array_agg(category order by code) as cats from service_catalogue where region_code = $1) svc
       cross join (select id, name from organizations where kind = 'enterprise' and region_code = $1 order by created_at limit 1) ent`,
      [REGION, count],
    );
    const requestSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    await client.query(
      `insert into service_assignments (id, request_id, region_code, institution_id, institution_name, status, on_time, created_at, updated_at)
       select gen_random_uuid(), r.id, r.region_code, s.institution_ids[1], o.name,
         case when r.state = 'dispatched' then 'pending' when r.state = 'in_service' then 'accepted' else 'done' end,
         r.on_time, r.submitted_at, r.submitted_at
       from service_requests r
       join service_catalogue s on s.id = r.service_id
       join organizations o on o.id = s.institution_ids[1]
       where r.state in ('dispatched', 'in_service', 'completed', 'rated', 'closed') and r.description = '批量生成的服务诉求'`,
    );
    const assignmentSeconds = (performance.now() - started) / 1000;
    await client.query('vacuum analyze service_requests');
    await client.query('vacuum analyze service_assignments');
    return { requestSeconds, assignmentSeconds };
  } finally {
    await client.end();
  }
}

async function csrfSession(baseUrl: string, username: string): Promise<{ cookie: string; csrf: string }> {
  const cookie = await login(baseUrl, username, PASSWORD);
  const csrf = decodeURIComponent(/qd_csrf=([^;]+)/.exec(cookie)?.[1] ?? '');
  return { cookie, csrf };
}

/** POST requests.json under load, measured like runScenario's GETs (after a short warm-up). */
async function postThroughput(
  server: ServerControl,
  apiKey: string,
  connections: number,
  seconds: number,
  warmup: number,
): Promise<HttpResult> {
  const body = new URLSearchParams({
    api_key: apiKey,
    service_code: 'LEGAL-QUALITY',
    address_string: '高新区火炬路88号',
    description: '压测诉求',
    'attribute[question]': '产品召回的法律责任',
  }).toString();
  const options = {
    url: `${server.url}/open311/v2/requests.json`,
    connections,
    method: 'POST' as const,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  };
  const started = performance.now();
  const probe = await fetch(options.url, { method: 'POST', headers: options.headers, body });
  if (!probe.ok) throw new Error(`POST requests.json: ${probe.status} ${await probe.text()}`);
  const idleMs = performance.now() - started;
  if (warmup > 0) await autocannon({ ...options, duration: warmup });
  let rssMb = await server.rssMb();
  const sampler = setInterval(() => void server.rssMb().then((mb) => (rssMb = Math.max(rssMb, mb))), 1000);
  let result: autocannon.Result;
  try {
    result = await autocannon({ ...options, duration: seconds });
  } finally {
    clearInterval(sampler);
  }
  return {
    scenario: 'services: Open311 POST requests.json',
    database: DATABASE,
    idleMs,
    reqPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    rssMb: Math.max(rssMb, await server.rssMb()),
    requests: result.requests.total,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
    errors: result.errors,
  };
}

async function timeGet(url: string, cookie: string, runs: number, before?: () => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before?.();
    const started = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

export const servicesBench: ModuleBench = {
  module: 'services',
  async run({ settings, postgresServerUrl, log }) {
    if (!postgresServerUrl) return { skipped: ['services: no PostgreSQL server reachable'] };
    const count = int(process.env.BENCH_SERVICE_REQUESTS, 1_000_000);
    const created = await createBenchDatabase(postgresServerUrl);
    if ('unreachable' in created) return { skipped: [`services: PostgreSQL unreachable (${created.unreachable})`] };
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
        log(`services: generating ${count} requests over two years in SQL …`);
        const generated = await generate(created.url, count);
        log(
          `services: requests ${generated.requestSeconds.toFixed(1)} s, assignments ${generated.assignmentSeconds.toFixed(1)} s`,
        );
        timings.push({
          module: 'services',
          scenario: `generate ${count} requests (SQL generate_series)`,
          database: DATABASE,
          runs: 1,
          medianMs: Math.round(generated.requestSeconds * 1000),
          p99Ms: Math.round(generated.requestSeconds * 1000),
          note: `${Math.round(count / generated.requestSeconds)} rows/s; assignments ${generated.assignmentSeconds.toFixed(1)} s more`,
        });
        const office = await csrfSession(server.url, 'office');
        const admin = new pg.Client({ connectionString: created.url });
        await admin.connect();
        try {
          // The board's historical figures computed from scratch (what the refresh job does every 5 min).
          const cold = await timeGet(`${server.url}/api/v1/services/board`, office.cookie, 5, async () => {
            await admin.query('delete from service_board_snapshots');
          });
          timings.push({
            module: 'services',
            scenario: 'board, historical figures recomputed (snapshot refresh)',
            database: DATABASE,
            ...summarise(cold),
            note: `${count} requests, last 12 months; the refresh job pays this, not a look`,
          });
        } finally {
          await admin.end();
        }
        const scenarios = [
          { name: 'services: oversight board', path: '/api/v1/services/board', cookie: office.cookie },
          {
            name: 'services: inbox (state=submitted)',
            path: '/api/v1/services/requests?state=submitted&pageSize=20',
            cookie: office.cookie,
          },
          {
            name: 'services: overdue list',
            path: '/api/v1/services/requests?overdue=true&pageSize=20&sort=stepDeadline',
            cookie: office.cookie,
          },
        ];
        for (const scenario of scenarios) {
          log(`services: ${scenario.name} …`);
          http.push(await runScenario(server, DATABASE, scenario, settings));
        }
        const issued = await fetch(`${server.url}/api/v1/services/api-clients`, {
          method: 'POST',
          headers: { cookie: office.cookie, 'x-csrf-token': office.csrf, 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'bench' }),
        });
        if (!issued.ok) throw new Error(`issue api key: ${issued.status} ${await issued.text()}`);
        const { apiKey } = (await issued.json()) as { apiKey: string };
        log('services: Open311 POST requests.json …');
        http.push(await postThroughput(server, apiKey, settings.connections, settings.seconds, settings.warmupSeconds));
      } finally {
        await server.stop();
      }
    } finally {
      await created.drop();
    }
    return { http, timings };
  },
};
