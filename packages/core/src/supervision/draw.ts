import { z } from 'zod';
import { bytesToHex, md5Bytes, sha256Hex, utf8Bytes } from '../shared/digest.js';

/**
 * The re-checkable random draw of 双随机、一公开 (DOMAIN §5), RFC 3797 §4: the office commits
 * the eligible pool (its hash) and names a future public source of numbers (a lottery draw)
 * before the draw; afterwards anyone holding the published record can recompute the result
 * with this file, the RFC's reference program, or a few lines of any language.
 *
 * Versioned: a published record names its algorithm, and `rfc3797-v1` must keep giving the
 * same result for the same record forever. Any change is a new algorithm name.
 */
export const DRAW_ALGORITHM = 'rfc3797-v1';
export const DRAW_ALGORITHMS = [DRAW_ALGORITHM] as const;
export type DrawAlgorithm = (typeof DRAW_ALGORITHMS)[number];

/** The pick number enters MD5 as 2 bytes, so one draw picks at most 65,536 entries. */
export const MAX_DRAW_COUNT = 0x10000;
/** Bounds the work and memory of one draw; far above any district's directory. */
export const MAX_POOL_SIZE = 10_000_000;
export const MAX_POOL_ID_LENGTH = 200;

export type DrawProblem =
  | 'draw.seedInvalid'
  | 'draw.seedEmpty'
  | 'draw.countOutOfRange'
  | 'draw.poolTooLarge'
  | 'draw.poolDuplicate'
  | 'draw.poolIdInvalid';

/** Thrown by the draw functions on input no draw can be made from; `messageKey` explains it. */
export class DrawInputError extends Error {
  constructor(readonly messageKey: DrawProblem) {
    super(messageKey);
    this.name = 'DrawInputError';
  }
}

// ---- seed ----

/** One public source's numbers (e.g. one lottery's drawn balls), in the order announced. */
export type SeedSource = number[];

/** null when the sources can make a key, else the problem. */
export function checkSeed(sources: readonly (readonly number[])[]): DrawProblem | null {
  if (sources.length === 0 || sources.some((s) => s.length === 0)) return 'draw.seedEmpty';
  for (const source of sources) {
    for (const n of source) if (!Number.isSafeInteger(n) || n < 0) return 'draw.seedInvalid';
  }
  return null;
}

/**
 * Reads a seed as people write it: sources separated by `/`, numbers within a source by spaces
 * or commas, e.g. `9319 / 2 5 12 8 10 / 9 18 26 34 41 45`. Only whole numbers ≥ 0 (a decimal
 * like a stock index must be announced as a whole number, e.g. ×100, before the draw).
 */
export function parseSeed(text: string): { ok: true; sources: SeedSource[] } | { ok: false; problem: DrawProblem } {
  const sources: SeedSource[] = [];
  for (const part of text.split(/[/／]/)) {
    const tokens = part.split(/[\s,，、;；]+/).filter((t) => t !== '');
    if (tokens.length === 0) return { ok: false, problem: 'draw.seedEmpty' };
    const numbers: number[] = [];
    for (const token of tokens) {
      if (!/^[0-9]+$/.test(token)) return { ok: false, problem: 'draw.seedInvalid' };
      const n = Number(token);
      if (!Number.isSafeInteger(n)) return { ok: false, problem: 'draw.seedInvalid' };
      numbers.push(n);
    }
    sources.push(numbers);
  }
  const problem = checkSeed(sources);
  return problem ? { ok: false, problem } : { ok: true, sources };
}

/** The seed as people write it (numbers in announced order), the inverse of parseSeed. */
export function formatSeed(sources: readonly (readonly number[])[]): string {
  return sources.map((s) => s.join(' ')).join(' / ');
}

/**
 * The RFC 3797 key: each source's numbers sorted ascending, each number in decimal without
 * leading zeros and followed by `.`, each source followed by `/`.
 * Throws DrawInputError on an empty source or a number that is not a whole number ≥ 0.
 */
export function drawKey(seed: readonly (readonly number[])[] | string): string {
  let sources: readonly (readonly number[])[];
  if (typeof seed === 'string') {
    const parsed = parseSeed(seed);
    if (!parsed.ok) throw new DrawInputError(parsed.problem);
    sources = parsed.sources;
  } else {
    const problem = checkSeed(seed);
    if (problem) throw new DrawInputError(problem);
    sources = seed;
  }
  return sources
    .map(
      (source) =>
        [...source]
          .sort((a, b) => a - b)
          .map((n) => `${n}.`)
          .join('') + '/',
    )
    .join('');
}

// ---- the selection ----

export interface DrawStep {
  /** The pick number i, from 0. */
  pick: number;
  /** MD5(i ‖ key ‖ i), upper-case hex as the RFC prints it. */
  md5: string;
  /** Entries left before this pick: the divisor. */
  remaining: number;
  /** The hash mod `remaining`: the position among the entries left, from 0. */
  rank: number;
  /** The selected entry's position in the whole pool, from 0. */
  index: number;
}

function checkCount(poolSize: number, count: number): void {
  if (!Number.isSafeInteger(poolSize) || poolSize < 0 || poolSize > MAX_POOL_SIZE) throw new DrawInputError('draw.poolTooLarge');
  if (!Number.isSafeInteger(count) || count < 0 || count > poolSize || count > MAX_DRAW_COUNT) {
    throw new DrawInputError('draw.countOutOfRange');
  }
}

/**
 * Every pick of the draw with the numbers behind it (the RFC §6 table), for showing at a draw
 * ceremony or in a verification report.
 *
 * The RFC numbers the pool from 1 and takes "remainder + 1" as the position among the entries
 * not yet selected; here positions count from 0, so the remainder itself is the rank. The
 * entries left keep the pool's order (the committed, sorted order), and the rank-th of them is
 * found in a Fenwick tree of "still in the pool" flags.
 */
export function rfc3797Steps(poolSize: number, count: number, key: string): DrawStep[] {
  checkCount(poolSize, count);
  const keyBytes = utf8Bytes(key);
  const message = new Uint8Array(keyBytes.length + 4);
  message.set(keyBytes, 2);
  // tree[i] counts the entries still in the pool among positions (i − lowbit(i), i], 1-based.
  const tree = new Int32Array(poolSize + 1);
  for (let i = 1; i <= poolSize; i++) tree[i] = i & -i;
  let topBit = 1;
  while (topBit * 2 <= poolSize) topBit *= 2;

  const steps: DrawStep[] = [];
  for (let pick = 0; pick < count; pick++) {
    message[0] = message[message.length - 2] = pick >>> 8;
    message[1] = message[message.length - 1] = pick & 0xff;
    const hex = bytesToHex(md5Bytes(message));
    const remaining = poolSize - pick;
    const rank = Number(BigInt(`0x${hex}`) % BigInt(remaining));
    // Walk down the tree to the (rank + 1)-th entry still in the pool.
    let position = 0;
    let wanted = rank + 1;
    for (let bit = topBit; bit > 0; bit >>= 1) {
      const next = position + bit;
      if (next <= poolSize && tree[next]! < wanted) {
        position = next;
        wanted -= tree[next]!;
      }
    }
    for (let i = position + 1; i <= poolSize; i += i & -i) tree[i]! -= 1;
    steps.push({ pick, md5: hex.toUpperCase(), remaining, rank, index: position });
  }
  return steps;
}

/**
 * Selects `count` of `poolSize` entries: the positions (from 0, in the pool's order) in the
 * order drawn. Throws DrawInputError when count is not a whole number from 0 to poolSize.
 */
export function rfc3797Draw(poolSize: number, count: number, key: string): number[] {
  return rfc3797Steps(poolSize, count, key).map((s) => s.index);
}

// ---- the pool ----

/**
 * Unicode code point order (the byte order of UTF-8): what Python's sorted(), `LC_ALL=C sort`
 * and SQL's `COLLATE "C"` give, so the committed order can be rebuilt anywhere. JavaScript's
 * default sort compares UTF-16 code units, which differs only for characters beyond U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointWeight(x) - codePointWeight(y);
  }
  return a.length - b.length;
}

/** Moves surrogates (which start characters beyond U+FFFF) above U+E000–U+FFFF. */
function codePointWeight(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}

const CONTROL_OR_LONE_SURROGATE = /[\p{Cc}\p{Cs}]/u;

/** Printable ASCII with no space at all: the usual id (a credit code), checked without a regex. */
function isPlainAsciiId(id: string): boolean {
  if (id.length === 0 || id.length > MAX_POOL_ID_LENGTH) return false;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

function isUsableId(id: string): boolean {
  if (isPlainAsciiId(id)) return true;
  // A newline would make the joined commitment ambiguous; spaces around an id hide look-alikes.
  return !(id.length === 0 || id.length > MAX_POOL_ID_LENGTH || id.trim() !== id || CONTROL_OR_LONE_SURROGATE.test(id));
}

function isCanonicallySorted(pool: readonly string[]): boolean {
  for (let i = 1; i < pool.length; i++) if (compareCodePoints(pool[i - 1]!, pool[i]!) > 0) return false;
  return true;
}

/** The first problem of ids already in canonical order (repeats are then neighbours), else null. */
function checkSortedPool(sorted: readonly string[]): DrawProblem | null {
  if (sorted.length > MAX_POOL_SIZE) return 'draw.poolTooLarge';
  for (const id of sorted) if (!isUsableId(id)) return 'draw.poolIdInvalid';
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) return 'draw.poolDuplicate';
  return null;
}

/** null when every id is usable and the pool has no repeats, else the first problem. */
export function checkPool(pool: readonly string[]): DrawProblem | null {
  if (pool.length > MAX_POOL_SIZE) return 'draw.poolTooLarge';
  for (const id of pool) if (!isUsableId(id)) return 'draw.poolIdInvalid';
  return checkSortedPool(canonicalPool(pool));
}

/** The pool in the committed canonical order (a pool read in that order is only checked, not re-sorted). */
export function canonicalPool(pool: readonly string[]): string[] {
  return isCanonicallySorted(pool) ? [...pool] : [...pool].sort(compareCodePoints);
}

/** How the commitment's SHA-256 is computed: core's own by default; a server may pass a native one (same result). */
export type Sha256Hex = (text: string) => string;

/**
 * The commitment published before the draw: the ids in canonical order and the SHA-256 (hex)
 * of them joined by '\n' (no newline at the end) — the same as
 * `LC_ALL=C sort ids.txt | head -c -1 | sha256sum` on a file with one id a line.
 */
export function poolCommitment(pool: readonly string[], sha256: Sha256Hex = sha256Hex): { sortedIds: string[]; hash: string } {
  if (pool.length > MAX_POOL_SIZE) throw new DrawInputError('draw.poolTooLarge');
  for (const id of pool) if (!isUsableId(id)) throw new DrawInputError('draw.poolIdInvalid');
  const sortedIds = canonicalPool(pool);
  const problem = checkSortedPool(sortedIds);
  if (problem) throw new DrawInputError(problem);
  return { sortedIds, hash: sha256(sortedIds.join('\n')) };
}

/** Draws `count` ids from the pool taken in canonical order; the ids in the order drawn. */
export function drawFromPool(pool: readonly string[], count: number, seed: readonly (readonly number[])[] | string): string[] {
  const { sortedIds } = poolCommitment(pool);
  return rfc3797Draw(sortedIds.length, count, drawKey(seed)).map((i) => sortedIds[i]!);
}

// ---- the published record ----

const drawId = z
  .string()
  .min(1, { error: 'draw.poolIdInvalid' })
  .max(MAX_POOL_ID_LENGTH, { error: 'draw.poolIdInvalid' })
  .refine((id) => id.trim() === id && !CONTROL_OR_LONE_SURROGATE.test(id), { error: 'draw.poolIdInvalid' });
const seedNumber = z
  .number({ error: 'draw.seedInvalid' })
  .int({ error: 'draw.seedInvalid' })
  .min(0, { error: 'draw.seedInvalid' });

/**
 * What the office publishes after a draw (一公开), enough to recompute it: the eligible pool in
 * canonical order with its hash (committed before the draw), the seed's numbers, the count
 * and the ids drawn, in the order drawn. A stratified draw (e.g. by risk level) publishes one
 * record per stratum.
 */
export const drawRecord = z.object({
  algorithm: z.enum(DRAW_ALGORITHMS),
  pool: z.array(drawId).min(1).max(MAX_POOL_SIZE, { error: 'draw.poolTooLarge' }),
  poolHash: z.string().regex(/^[0-9a-f]{64}$/, { error: 'validation.invalidFormat' }),
  seedSources: z
    .array(z.array(seedNumber).min(1, { error: 'draw.seedEmpty' }).max(64))
    .min(1, { error: 'draw.seedEmpty' })
    .max(16),
  count: z.number().int().min(1).max(MAX_DRAW_COUNT),
  result: z.array(drawId).max(MAX_DRAW_COUNT),
  /** e.g. the risk level of a stratified draw: `high`, `medium` … */
  stratum: z.string().trim().min(1).max(64).optional(),
  /** What was drawn, for people: "2026年第一批食品生产企业监督抽查". */
  label: z.string().trim().min(1).max(200).optional(),
  createdAt: z.string().datetime({ offset: true }),
});
export type DrawRecord = z.infer<typeof drawRecord>;

/** Makes the record of a draw: commits the pool, draws, and states what to publish. */
export function makeDrawRecord(input: {
  pool: readonly string[];
  count: number;
  seed: readonly (readonly number[])[] | string;
  stratum?: string;
  label?: string;
  createdAt: string;
}): DrawRecord {
  const seedSources = typeof input.seed === 'string' ? parseSeedOrThrow(input.seed) : input.seed.map((s) => [...s]);
  const { sortedIds, hash } = poolCommitment(input.pool);
  return {
    algorithm: DRAW_ALGORITHM,
    pool: sortedIds,
    poolHash: hash,
    seedSources,
    count: input.count,
    result: drawFromPool(sortedIds, input.count, seedSources),
    ...(input.stratum === undefined ? {} : { stratum: input.stratum }),
    ...(input.label === undefined ? {} : { label: input.label }),
    createdAt: input.createdAt,
  };
}

function parseSeedOrThrow(text: string): SeedSource[] {
  const parsed = parseSeed(text);
  if (!parsed.ok) throw new DrawInputError(parsed.problem);
  return parsed.sources;
}

export type DrawVerificationProblem =
  DrawProblem | 'draw.verify.algorithm' | 'draw.verify.poolOrder' | 'draw.verify.poolHash' | 'draw.verify.result';

export interface DrawVerification {
  ok: boolean;
  /** The published hash is the hash of the published pool. */
  poolHashOk: boolean;
  /** The published result is what the pool, seed and count give. */
  resultOk: boolean;
  /** The result recomputed from the record (empty when it cannot be). */
  expected: string[];
  /** Message keys of everything that does not hold, most basic first. */
  problems: DrawVerificationProblem[];
  /** The RFC 3797 key from the record's seed ('' when the seed is unusable). */
  key: string;
  /** The SHA-256 of the record's pool in canonical order. */
  poolHash: string;
}

/**
 * Recomputes a published record from scratch: the pool hash from the pool, the key from the
 * seed, the result from pool, key and count. Never throws on a record that passed the contract.
 */
export function verifyDrawRecord(record: DrawRecord): DrawVerification {
  const problems: DrawVerificationProblem[] = [];
  const sortedIds = canonicalPool(record.pool);
  const poolHash = sha256Hex(sortedIds.join('\n'));
  const poolHashOk = poolHash === record.poolHash;

  if (record.algorithm !== DRAW_ALGORITHM) problems.push('draw.verify.algorithm');
  const poolProblem = checkPool(record.pool);
  if (poolProblem) problems.push(poolProblem);
  if (sortedIds.some((id, i) => id !== record.pool[i])) problems.push('draw.verify.poolOrder');
  if (!poolHashOk) problems.push('draw.verify.poolHash');
  const seedProblem = checkSeed(record.seedSources);
  if (seedProblem) problems.push(seedProblem);
  const countOk =
    Number.isSafeInteger(record.count) && record.count >= 0 && record.count <= sortedIds.length && record.count <= MAX_DRAW_COUNT;
  if (!countOk) problems.push('draw.countOutOfRange');

  const computable = record.algorithm === DRAW_ALGORITHM && !poolProblem && !seedProblem && countOk;
  const key = seedProblem ? '' : drawKey(record.seedSources);
  const expected = computable ? rfc3797Draw(sortedIds.length, record.count, key).map((i) => sortedIds[i]!) : [];
  const resultOk = computable && expected.length === record.result.length && expected.every((id, i) => id === record.result[i]);
  if (!resultOk) problems.push('draw.verify.result');

  return { ok: problems.length === 0, poolHashOk, resultOk, expected, problems, key, poolHash };
}
