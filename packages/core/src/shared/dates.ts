import { z } from 'zod';

/** A calendar date as YYYY-MM-DD that really exists (no 2023-02-30). */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Today's date in Asia/Shanghai, where every deadline of the platform is counted. */
export function todayInShanghai(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export const isoDate = z.string().refine(isIsoDate, { error: 'date.invalid' });
// Zod runs both refinements on a malformed value: only a real date can be "in the future".
export const pastIsoDate = isoDate.refine((d) => !isIsoDate(d) || d <= todayInShanghai(), { error: 'date.future' });

/**
 * The fields among `dates` that lie after `today` (Asia/Shanghai): a fact — sampled, tested,
 * received, inspected, visited, paid — cannot have happened yet. Each comes back as a field-level
 * problem; unset fields and malformed dates (refused by their schema) are skipped.
 */
export function futureDateProblems(
  dates: Record<string, string | null | undefined>,
  today: string,
): { path: string; message: 'date.future' }[] {
  return Object.entries(dates)
    .filter(([, d]) => typeof d === 'string' && isIsoDate(d) && d > today)
    .map(([path]) => ({ path, message: 'date.future' as const }));
}
