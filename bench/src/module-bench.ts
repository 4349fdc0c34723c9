import type { HttpResult, LoadSettings } from './http.js';
import type { FigureRow } from './report.js';

/** One measured operation of a module benchmark: repeated runs summarised by median and p99. */
export interface TimingResult {
  module: string;
  scenario: string;
  database: string;
  runs: number;
  medianMs: number;
  p99Ms: number;
  /** When the figure is not a duration (e.g. `kB`): medianMs and p99Ms then hold it in this unit. */
  unit?: string;
  /** What the figure is measured against (a goal from the issue, the scale of the data). */
  note: string;
}

export interface ModuleBenchContext {
  settings: LoadSettings;
  /** A PostgreSQL server URL on which the bench may create (and must drop) its own databases; null when unreachable or skipped. */
  postgresServerUrl: string | null;
  log(line: string): void;
}

/** A feature module's part of `npm run bench` (bench/src/modules/<module>.ts). */
export interface ModuleBench {
  module: string;
  run(
    context: ModuleBenchContext,
  ): Promise<{ http?: HttpResult[]; timings?: TimingResult[]; figures?: FigureRow[]; skipped?: string[] }>;
}

/** Median and 99th percentile of durations in ms. */
export function summarise(durationsMs: readonly number[]): { runs: number; medianMs: number; p99Ms: number } {
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  return { runs: sorted.length, medianMs: Math.round(at(0.5) * 10) / 10, p99Ms: Math.round(at(0.99) * 10) / 10 };
}
