import autocannon from 'autocannon';
import type { ServerControl } from './server-control.js';

export interface LoadSettings {
  seconds: number;
  connections: number;
  warmupSeconds: number;
}

export interface HttpResult {
  scenario: string;
  database: string;
  /** One request at a time on the idle server. */
  idleMs: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** The highest resident set size of the server process seen during the run. */
  rssMb: number;
  requests: number;
  /** Responses other than 2xx: a run with any measured the wrong thing (a setup error). */
  non2xx: number;
  /** Requests unanswered within autocannon's 10 s timeout: the server is overloaded. */
  timeouts: number;
  /** Connection errors, timeouts included. */
  errors: number;
}

/** One scenario: what to request. `paths` rotates over several paths (one per request). */
export interface Scenario {
  name: string;
  path?: string;
  paths?: string[];
  cookie?: string;
}

/** Logs in once; every request of a scenario reuses the session cookie, as a browser tab would. */
export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** Ids of enterprises spread over the whole table, for the point lookups. */
export async function sampleEnterpriseIds(baseUrl: string, cookie: string, total: number, count: number): Promise<string[]> {
  const pageSize = 100;
  const pages = Math.max(1, Math.floor(total / pageSize));
  const ids: string[] = [];
  for (let i = 0; ids.length < count && i < Math.ceil(count / pageSize); i++) {
    const current = 1 + Math.floor((i * pages) / Math.ceil(count / pageSize));
    const res = await fetch(`${baseUrl}/api/v1/enterprises?pageSize=${pageSize}&current=${current}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`list enterprises: ${res.status} ${await res.text()}`);
    ids.push(...((await res.json()) as { data: { id: string }[] }).data.map((e) => e.id));
  }
  return ids.slice(0, count);
}

function cannon(baseUrl: string, scenario: Scenario, connections: number, seconds: number): Promise<autocannon.Result> {
  const headers = scenario.cookie ? { cookie: scenario.cookie } : undefined;
  let next = 0;
  const paths = scenario.paths;
  return autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    headers,
    requests: [
      paths
        ? { method: 'GET', setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length]! }) }
        : { method: 'GET', path: scenario.path! },
    ],
  });
}

async function timedRequest(baseUrl: string, scenario: Scenario): Promise<number> {
  const headers = scenario.cookie ? { cookie: scenario.cookie } : undefined;
  const started = performance.now();
  const res = await fetch(baseUrl + (scenario.path ?? scenario.paths![0]!), { headers });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${scenario.name}: HTTP ${res.status}`);
  return performance.now() - started;
}

/** The latency of one request on an idle server: the median of five, after one to warm up. */
async function idleLatency(baseUrl: string, scenario: Scenario): Promise<number> {
  await timedRequest(baseUrl, scenario);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) times.push(await timedRequest(baseUrl, scenario));
  return times.sort((a, b) => a - b)[2]!;
}

/**
 * When autocannon stops, the requests it abandoned are still served: the server reads them from
 * the closed connections and answers into the void, and PGlite serves one request at a time. The
 * server is idle again when every request begun is answered and no new one began for a second.
 */
async function drain(server: ServerControl): Promise<void> {
  const deadline = Date.now() + 10 * 60_000;
  let before = await server.activity();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = await server.activity();
    if (now.started === before.started && now.answered === now.started) return;
    if (Date.now() > deadline) throw new Error('the server did not become idle again');
    before = now;
  }
}

/**
 * The idle latency first, then a short unmeasured run (JIT, caches, pools), then the measured
 * one with the server's RSS sampled each second; each run followed by a drain.
 */
export async function runScenario(
  server: ServerControl,
  database: string,
  scenario: Scenario,
  settings: LoadSettings,
): Promise<HttpResult> {
  const idleMs = await idleLatency(server.url, scenario);
  if (settings.warmupSeconds > 0) {
    await cannon(server.url, scenario, settings.connections, settings.warmupSeconds);
    await drain(server);
  }
  let rssMb = await server.rssMb();
  const sampler = setInterval(() => void server.rssMb().then((mb) => (rssMb = Math.max(rssMb, mb))), 1000);
  let result: autocannon.Result;
  try {
    result = await cannon(server.url, scenario, settings.connections, settings.seconds);
  } finally {
    clearInterval(sampler);
  }
  rssMb = Math.max(rssMb, await server.rssMb());
  await drain(server);
  return {
    scenario: scenario.name,
    database,
    idleMs,
    reqPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    rssMb,
    requests: result.requests.total,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
    errors: result.errors,
  };
}
