/**
 * `npm run bench`: loads BENCH_ROWS enterprises into PGlite and into PostgreSQL, measures two
 * API reads under load as a logged-in office user, each beside its same-SQL ceiling (a bare
 * Fastify route running the same SQL with the driver), the bare-Fastify ceiling, and a full-size
 * spreadsheet import; prints issue 12's table (figure, ceiling, goal, server RSS) first, then the
 * detail, and writes bench/results/latest.json. BENCH_CPU_PROF=<folder> writes a CPU profile of
 * each server process.
 *
 * Environment: BENCH_ROWS (100000), BENCH_SECONDS (10), BENCH_CONNECTIONS (50),
 * BENCH_WARMUP_SECONDS (2), BENCH_IMPORT_ROWS (= BENCH_ROWS, 0 skips), BENCH_IMPORT_FORMAT
 * (xlsx | csv), BENCH_DATABASE_URL / TEST_DATABASE_URL (the PostgreSQL server; a fresh database
 * is made on it and dropped after), BENCH_SKIP_POSTGRES=1, BENCH_SKIP_PGLITE=1, BENCH_ONLY (comma list of `foundation` and
 * module names, e.g. `awards,services`; all when unset).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { login, runScenario, sampleEnterpriseIds, type HttpResult, type LoadSettings } from './http.js';
import { createBenchDatabase, DEFAULT_POSTGRES_URL } from './postgres.js';
import type { DatabaseTarget } from './protocol.js';
import { formatReport, loadAverage, machine, writeReport, type BenchReport, type FigureRow } from './report.js';
import { startServerProcess } from './server-control.js';
import { MODULE_BENCHES } from './modules/index.js';

const env = process.env;
const int = (value: string | undefined, fallback: number) =>
  value === undefined || value === '' ? fallback : Number.parseInt(value, 10);

const ROWS = int(env.BENCH_ROWS, 100_000);
const IMPORT_ROWS = int(env.BENCH_IMPORT_ROWS, ROWS);
const IMPORT_FORMAT = env.BENCH_IMPORT_FORMAT === 'csv' ? 'csv' : 'xlsx';
const settings: LoadSettings = {
  seconds: int(env.BENCH_SECONDS, 10),
  connections: int(env.BENCH_CONNECTIONS, 50),
  warmupSeconds: int(env.BENCH_WARMUP_SECONDS, 2),
};
const PASSWORD = 'Bench-Pass-2026!';
/** A name fragment of about one enterprise in 20 (the zone's nylon industry). */
const KEYWORD = '尼龙';
const POINT_IDS = 500;

const log = (line: string) => console.error(`[bench] ${line}`);
const ONLY = env.BENCH_ONLY ? new Set(env.BENCH_ONLY.split(',').map((s) => s.trim())) : null;
const selected = (name: string) => !ONLY || ONLY.has(name);

async function benchDatabase(report: BenchReport, label: string, target: DatabaseTarget): Promise<void> {
  log(`${label}: seeding the demo district and loading ${ROWS} enterprises …`);
  const server = await startServerProcess({ mode: 'app', database: target, rows: ROWS, password: PASSWORD });
  try {
    report.load.push({ database: label, ...server.load! });
    log(`${label}: loaded in ${server.load!.seconds.toFixed(1)} s (${server.load!.rowsPerSecond} rows/s)`);
    const cookie = await login(server.url, 'office', PASSWORD);
    const ids = await sampleEnterpriseIds(server.url, cookie, ROWS, POINT_IDS);

    // Each API figure beside its same-SQL ceiling: a bare Fastify route on the same data and driver.
    const keywordQuery = `keyword=${encodeURIComponent(KEYWORD)}&pageSize=20`;
    const scenarios = [
      {
        figure: `GET /enterprises?keyword=${KEYWORD}`,
        goal: 'p99 < 100 ms',
        met: (r: HttpResult) => r.p99Ms < 100,
        app: { name: `list keyword=${KEYWORD}`, path: `/api/v1/enterprises?${keywordQuery}`, cookie },
        ceiling: { name: `ceiling: same SQL, keyword=${KEYWORD}`, path: `/ceiling/enterprises?${keywordQuery}` },
      },
      {
        figure: 'GET /enterprises/:id',
        goal: '≥ 80 % of the same-SQL ceiling',
        met: (r: HttpResult, c: HttpResult) => r.reqPerSec >= 0.8 * c.reqPerSec,
        app: { name: 'get enterprise by id', paths: ids.map((id) => `/api/v1/enterprises/${id}`), cookie },
        ceiling: { name: 'ceiling: same SQL, enterprise by id', paths: ids.map((id) => `/ceiling/enterprises/${id}`) },
      },
    ];
    for (const s of scenarios) {
      log(`${label}: ${s.app.name} …`);
      const measured = await runScenario(server, label, s.app, settings);
      log(`${label}: ${s.ceiling.name} …`);
      const ceiling = await runScenario({ ...server, url: server.ceilingUrl! }, label, s.ceiling, settings);
      report.http.push(measured, ceiling);
      report.figures.push({
        figure: s.figure,
        database: label,
        measured: `${Math.round(measured.reqPerSec)} req/s, p99 ${measured.p99Ms} ms (${percent(measured.reqPerSec, ceiling.reqPerSec)} of ceiling)`,
        ceiling: `${Math.round(ceiling.reqPerSec)} req/s, p99 ${ceiling.p99Ms} ms`,
        goal: s.goal,
        met: s.met(measured, ceiling),
        rssMb: measured.rssMb,
      });
    }
    if (IMPORT_ROWS > 0) {
      log(`${label}: importing ${IMPORT_ROWS} rows from an ${IMPORT_FORMAT} file …`);
      const timing = await server.importFile(IMPORT_ROWS, IMPORT_FORMAT);
      report.import.push({ database: label, ...timing });
      report.figures.push({
        figure: `import ${IMPORT_ROWS.toLocaleString('en')} rows from ${IMPORT_FORMAT}`,
        database: label,
        measured: `${timing.totalSeconds.toFixed(1)} s (read ${timing.readSeconds.toFixed(1)}, validate ${timing.validateSeconds.toFixed(1)}, write ${timing.writeSeconds.toFixed(1)})`,
        ceiling: '—',
        goal: label === 'PostgreSQL' ? '< 10 s (100k rows)' : '—',
        met: label === 'PostgreSQL' && IMPORT_ROWS >= 100_000 ? timing.totalSeconds < 10 : null,
        rssMb: timing.peakRssMb,
      });
    }
  } finally {
    await server.stop();
  }
}

const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)} %`;

/** The memory row: the server's peak RSS under the bench's load, per database. */
function memoryFigures(report: BenchReport): FigureRow[] {
  return ['PGlite', 'PostgreSQL'].flatMap((database) => {
    const rows = report.figures.filter((f) => f.database === database && f.rssMb !== null);
    if (!rows.length) return [];
    const peak = Math.max(...rows.map((f) => f.rssMb!));
    return [
      {
        figure: 'server RSS under load (peak of the rows above)',
        database,
        measured: `${Math.round(peak)} MB`,
        ceiling: '—',
        goal: database === 'PostgreSQL' ? '≤ 400 MB' : '—',
        met: database === 'PostgreSQL' ? peak <= 400 : null,
        rssMb: peak,
      },
    ];
  });
}

async function main() {
  const report: BenchReport = {
    startedAt: new Date().toISOString(),
    machine: machine(),
    loadAverage: { before: loadAverage(), after: null },
    settings: { rows: ROWS, ...settings, importRows: IMPORT_ROWS, importFormat: IMPORT_FORMAT },
    load: [],
    figures: [],
    http: [],
    import: [],
    timings: [],
    skipped: [],
  };

  const serverUrl = env.BENCH_DATABASE_URL || env.TEST_DATABASE_URL || DEFAULT_POSTGRES_URL;
  const pgServer = new URL(serverUrl);
  let postgresReachable = env.BENCH_SKIP_POSTGRES !== '1';
  if (selected('foundation')) {
    if (env.BENCH_SKIP_PGLITE === '1') {
      report.skipped.push('PGlite (BENCH_SKIP_PGLITE=1)');
    } else {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qd-bench-'));
      try {
        await benchDatabase(report, 'PGlite', { kind: 'pglite', dataDir });
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    }
    if (env.BENCH_SKIP_POSTGRES === '1') {
      report.skipped.push('PostgreSQL (BENCH_SKIP_POSTGRES=1)');
    } else {
      const created = await createBenchDatabase(serverUrl);
      if ('unreachable' in created) {
        const reason = `PostgreSQL at ${pgServer.host} is not reachable (${created.unreachable}); set BENCH_DATABASE_URL to measure it`;
        log(reason);
        report.skipped.push(reason);
        postgresReachable = false;
      } else {
        try {
          await benchDatabase(report, 'PostgreSQL', { kind: 'postgres', url: created.url });
        } finally {
          await created.drop();
        }
      }
    }
  }

  for (const bench of MODULE_BENCHES.filter((b) => selected(b.module))) {
    log(`${bench.module} …`);
    const out = await bench.run({ settings, postgresServerUrl: postgresReachable ? serverUrl : null, log });
    report.http.push(...(out.http ?? []));
    report.timings.push(...(out.timings ?? []));
    report.figures.push(...(out.figures ?? []));
    report.skipped.push(...(out.skipped ?? []));
  }

  log('ceiling: bare Fastify …');
  const ceiling = await startServerProcess({ mode: 'ceiling', rows: 0, password: PASSWORD });
  try {
    report.http.push(await runScenario(ceiling, '—', { name: 'ceiling: bare Fastify JSON', path: '/ceiling' }, settings));
  } finally {
    await ceiling.stop();
  }

  report.figures.push(...memoryFigures(report));
  report.loadAverage.after = loadAverage();
  console.log(formatReport(report));
  console.log(`\nwritten to ${path.relative(process.cwd(), writeReport(report))}`);
  // Timeouts are a finding (overload); a non-2xx answer means the bench measured the wrong thing.
  const invalid = report.http.filter((h) => h.non2xx > 0 || h.errors > h.timeouts);
  if (invalid.length) {
    console.error(
      `\n${invalid.map((h) => `${h.scenario} on ${h.database}`).join(', ')}: non-2xx answers or connection errors; not a valid measurement.`,
    );
    process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
