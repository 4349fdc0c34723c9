import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HttpResult } from './http.js';
import type { TimingResult } from './module-bench.js';
import type { ImportTiming, LoadTiming } from './protocol.js';

/**
 * One row of issue 12's table: a figure beside its ceiling and its goal. Every part of the bench
 * adds its rows here (the foundation's API, import and memory rows in run.ts; a module bench
 * returns `figures`), and they print first, in the order added.
 */
export interface FigureRow {
  figure: string;
  database: string;
  measured: string;
  /** What the same work costs without the platform's layers, or '—' where there is none. */
  ceiling: string;
  goal: string;
  /** Whether the goal is met (null: not decidable from this run). */
  met: boolean | null;
  /** The server's peak resident set size during the measurement, when one was taken. */
  rssMb: number | null;
}

export interface BenchReport {
  startedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string };
  /** 1-minute load average before and after: other work on the machine skews every number. */
  loadAverage: { before: number; after: number | null };
  settings: {
    rows: number;
    seconds: number;
    connections: number;
    warmupSeconds: number;
    importRows: number;
    importFormat: string;
  };
  load: (LoadTiming & { database: string })[];
  figures: FigureRow[];
  http: HttpResult[];
  import: (ImportTiming & { database: string })[];
  /** The feature modules' timed operations (bench/src/modules). */
  timings: TimingResult[];
  skipped: string[];
}

export function loadAverage(): number {
  return os.loadavg()[0]!;
}

export function machine(): BenchReport['machine'] {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const width = header.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(width[i]!) : c.padStart(width[i]!))).join('  ');
  return [line(cells[0]!), width.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

const fixed = (n: number, digits = 1) => n.toFixed(digits);

export function formatReport(r: BenchReport): string {
  const m = r.machine;
  const parts = [
    `Quality District benchmark — ${r.startedAt}`,
    `${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, Node ${m.node}, ${m.platform}; ` +
      `load average ${r.loadAverage.before.toFixed(1)} before, ${r.loadAverage.after?.toFixed(1) ?? '?'} after`,
    `${r.settings.rows} enterprises loaded; autocannon ${r.settings.connections} connections × ${r.settings.seconds} s per scenario (after ${r.settings.warmupSeconds} s warm-up)`,
    '',
    table(
      ['figure (issue 12)', 'database', 'measured', 'ceiling', 'goal', 'met', 'server RSS MB'],
      r.figures.map((f) => [
        f.figure,
        f.database,
        f.measured,
        f.ceiling,
        f.goal,
        f.met === null ? '?' : f.met ? 'yes' : 'NO',
        f.rssMb === null ? '—' : Math.round(f.rssMb),
      ]),
    ),
    '',
    table(
      ['scenario', 'database', 'req/s', 'p50 ms', 'p99 ms', 'server RSS MB', 'idle 1-req ms', 'requests', 'timeouts'],
      r.http.map((h) => [
        h.scenario,
        h.database,
        fixed(h.reqPerSec),
        h.p50Ms,
        h.p99Ms,
        Math.round(h.rssMb),
        fixed(h.idleMs),
        h.requests,
        h.timeouts,
      ]),
    ),
    '',
    table(
      ['bulk load (unnest)', 'database', 'rows', 'seconds', 'rows/s'],
      r.load.map((l) => ['enterprises', l.database, l.rows, fixed(l.seconds), l.rowsPerSecond]),
    ),
  ];
  if (r.import.length) {
    parts.push(
      '',
      table(
        ['import (transfer service)', 'database', 'rows', 'file MB', 'read s', 'validate s', 'write s', 'total s', 'peak RSS MB'],
        r.import.map((i) => [
          `${i.format} file`,
          i.database,
          i.rows,
          fixed(i.fileMb),
          fixed(i.readSeconds),
          fixed(i.validateSeconds),
          fixed(i.writeSeconds),
          fixed(i.totalSeconds),
          Math.round(i.peakRssMb),
        ]),
      ),
    );
  }
  if (r.timings.length) {
    parts.push(
      '',
      table(
        ['module', 'operation', 'database', 'runs', 'median ms', 'p99 ms', 'note'],
        r.timings.map((t) => {
          const value = (n: number) => (t.unit ? `${n} ${t.unit}` : n);
          return [t.module, t.scenario, t.database, t.runs, value(t.medianMs), value(t.p99Ms), t.note];
        }),
      ),
    );
  }
  for (const s of r.skipped) parts.push('', `skipped: ${s}`);
  return parts.join('\n');
}

/** bench/results/latest.json (gitignored): the last run, for comparing before and after a change. */
export function writeReport(r: BenchReport): string {
  const dir = path.resolve(import.meta.dirname, '../results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'latest.json');
  fs.writeFileSync(file, JSON.stringify(r, null, 2) + '\n');
  return file;
}
