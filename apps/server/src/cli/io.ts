import cliProgress from 'cli-progress';
import type { Locale } from '@qd/core';

/** A progress display for one phase of a command. */
export interface Progress {
  update(done: number, total?: number): void;
  stop(): void;
}

/**
 * Where a command writes: results to stdout, diagnostics and progress to stderr (so the output
 * of `qd … > file` stays clean). Tests pass a recording one.
 */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** A bar when the total is known, a running count when it is not. */
  progress(label: string, total?: number): Progress;
  /** Language of the messages that come from the services (row errors, rule violations). */
  locale: Locale;
}

const silentProgress: Progress = { update: () => {}, stop: () => {} };

export function consoleIo(): Io {
  const interactive = Boolean(process.stderr.isTTY);
  return {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    locale: process.env.QD_LOCALE === 'en-US' ? 'en-US' : 'zh-CN',
    progress(label, total) {
      // Piped or in CI: no bar, whose carriage returns would litter a log.
      if (!interactive) return silentProgress;
      const bar = new cliProgress.SingleBar(
        {
          format:
            total === undefined
              ? `${label.padEnd(12)} {value} rows | {duration_formatted}`
              : `${label.padEnd(12)} |{bar}| {percentage}% | {value}/{total} | {duration_formatted}`,
          hideCursor: true,
          clearOnComplete: false,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total ?? 0, 0);
      return {
        update: (done, newTotal) => {
          if (newTotal !== undefined && newTotal !== bar.getTotal()) bar.setTotal(newTotal);
          bar.update(done);
        },
        stop: () => bar.stop(),
      };
    },
  };
}

/** Collects what a command writes, for tests. */
export function recordingIo(locale: Locale = 'zh-CN'): Io & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return {
    lines,
    errors,
    locale,
    out: (line) => lines.push(line),
    err: (line) => errors.push(line),
    progress: () => silentProgress,
  };
}
