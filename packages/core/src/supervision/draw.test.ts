import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMessageKey } from '../shared/messages.js';
import {
  DRAW_ALGORITHM,
  DrawInputError,
  canonicalPool,
  compareCodePoints,
  drawFromPool,
  drawKey,
  drawRecord,
  formatSeed,
  makeDrawRecord,
  parseSeed,
  poolCommitment,
  rfc3797Draw,
  rfc3797Steps,
  verifyDrawRecord,
  type DrawRecord,
  type DrawVerificationProblem,
} from './draw.js';

/** RFC 3797 §6, the fully worked example. */
const RFC_SEED = [[9319], [2, 5, 12, 8, 10], [9, 18, 26, 34, 41, 45]];
const RFC_KEY = '9319./2.5.8.10.12./9.18.26.34.41.45./';
const RFC_MD5 = [
  '990DD0A5692A029A98B5E01AA28F3459',
  '3691E55CB63FCC37914430B2F70B5EC6',
  'FE814EDF564C190AC1D25753979990FA',
  '1863CCACEB568C31D7DDBDF1D4E91387',
  'F4AB33DF4889F0AF29C513905BE1D758',
  '13EAEB529F61ACFB9A29D0BA3A60DE4A',
  '992DB77C382CA2BDB9727001F3CDCCD9',
  '63AB4258ECA922976811C7F55C383CE7',
  'DFBC5AC97CED01B3A6E348E3CC63F40D',
  '31CB111C4A4EBE9287CEAE16FE51B909',
];
/** The RFC's ten selections from its pool of 25, numbered from 1 (Lee, Doc, Mary, Charity …). */
const RFC_SELECTED = [17, 7, 2, 16, 25, 23, 8, 24, 19, 13];

/** Ids that sort in their numeric order: P01 … P25. */
const numbered = (n: number) => Array.from({ length: n }, (_, i) => `P${String(i + 1).padStart(2, '0')}`);

/** The RFC's selection done the plain way: an array of entries left, spliced. */
function naiveDraw(poolSize: number, count: number, key: string): number[] {
  const left = Array.from({ length: poolSize }, (_, i) => i);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const prefix = Buffer.from([i >> 8, i & 0xff]);
    const hex = createHash('md5')
      .update(Buffer.concat([prefix, Buffer.from(key, 'utf8'), prefix]))
      .digest('hex');
    out.push(left.splice(Number(BigInt(`0x${hex}`) % BigInt(left.length)), 1)[0]!);
  }
  return out;
}

function chiSquare(observed: number[]): number {
  const expected = observed.reduce((a, b) => a + b, 0) / observed.length;
  return observed.reduce((sum, o) => sum + (o - expected) ** 2 / expected, 0);
}
/** χ² critical value for 9 degrees of freedom at 99.9 %. */
const CHI2_9_DOF_999 = 27.88;

/** Ids a pool may hold: printable, no surrounding spaces. */
const idArb = fc.stringMatching(/^[0-9A-Za-z\u4e00-\u9fa5][0-9A-Za-z\u4e00-\u9fa5\-_.]{0,20}$/);
const poolArb = fc.uniqueArray(idArb, { minLength: 1, maxLength: 40 });

describe('RFC 3797 key', () => {
  it('builds the RFC example key: numbers sorted, "." after each, "/" after each source', () => {
    expect(drawKey(RFC_SEED)).toBe(RFC_KEY);
  });

  it('reads a seed as people write it', () => {
    expect(drawKey('9319 / 2 5 12 8 10 / 9 18 26 34 41 45')).toBe(RFC_KEY);
    expect(drawKey('9319／2，5，12，8，10／9、18、26、34、41、45')).toBe(RFC_KEY);
    expect(drawKey(' 9319/2,5,12, 8 ,10/ 9\t18\n26 34 41 45 ')).toBe(RFC_KEY);
    expect(drawKey('007 / 0')).toBe('7./0./'); // no leading zeros, as the RFC writes numbers
    expect(parseSeed('3 3 7 / 1')).toEqual({ ok: true, sources: [[3, 3, 7], [1]] }); // repeats kept
  });

  it('rejects what is not a whole number ≥ 0, and empty sources, with a message key', () => {
    for (const bad of ['3245.67', '-3', 'abc', '1e3', '99999999999999999999', '１２', '12a']) {
      expect(parseSeed(bad), bad).toEqual({ ok: false, problem: 'draw.seedInvalid' });
    }
    for (const bad of ['', '  ', '9319 / / 3', '9319 /', '/']) {
      expect(parseSeed(bad), JSON.stringify(bad)).toEqual({ ok: false, problem: 'draw.seedEmpty' });
    }
    expect(() => drawKey('1.5')).toThrow(DrawInputError);
    expect(() => drawKey([[1.5]])).toThrow(expect.objectContaining({ messageKey: 'draw.seedInvalid' }));
    expect(() => drawKey([[-1]])).toThrow(expect.objectContaining({ messageKey: 'draw.seedInvalid' }));
    expect(() => drawKey([[Number.NaN]])).toThrow(expect.objectContaining({ messageKey: 'draw.seedInvalid' }));
    expect(() => drawKey([])).toThrow(expect.objectContaining({ messageKey: 'draw.seedEmpty' }));
    expect(() => drawKey([[1], []])).toThrow(expect.objectContaining({ messageKey: 'draw.seedEmpty' }));
  });

  it('writes a seed back as it reads it', () => {
    expect(formatSeed(RFC_SEED)).toBe('9319 / 2 5 12 8 10 / 9 18 26 34 41 45');
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 5 }), (sources) => {
        expect(parseSeed(formatSeed(sources))).toEqual({ ok: true, sources });
      }),
    );
  });
});

describe('RFC 3797 selection', () => {
  it('reproduces the RFC worked example: every MD5 and all ten selections', () => {
    const steps = rfc3797Steps(25, 10, RFC_KEY);
    expect(steps.map((s) => s.md5)).toEqual(RFC_MD5);
    expect(steps.map((s) => s.remaining)).toEqual([25, 24, 23, 22, 21, 20, 19, 18, 17, 16]);
    // The RFC numbers entries from 1; positions here count from 0.
    expect(steps.map((s) => s.index + 1)).toEqual(RFC_SELECTED);
    expect(rfc3797Draw(25, 5, RFC_KEY).map((i) => i + 1)).toEqual([17, 7, 2, 16, 25]);
  });

  it('draws the same ids from a pool with the RFC seed, in the order drawn', () => {
    const ids = numbered(25);
    expect(drawFromPool(ids, 10, RFC_SEED)).toEqual(RFC_SELECTED.map((n) => ids[n - 1]));
    expect(drawFromPool(ids, 10, '9319 / 2 5 12 8 10 / 9 18 26 34 41 45')).toEqual(RFC_SELECTED.map((n) => ids[n - 1]));
  });

  it('agrees with the plain spliced-array reading of the RFC', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.nat(),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        (poolSize, countSeed, source) => {
          const count = countSeed % (poolSize + 1);
          const key = drawKey([source]);
          expect(rfc3797Draw(poolSize, count, key)).toEqual(naiveDraw(poolSize, count, key));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is deterministic and ignores the order the pool is given in', () => {
    const ids = numbered(25);
    fc.assert(
      fc.property(fc.shuffledSubarray(ids, { minLength: 25, maxLength: 25 }), (shuffled) => {
        expect(drawFromPool(shuffled, 10, RFC_SEED)).toEqual(drawFromPool(ids, 10, RFC_SEED));
      }),
    );
  });

  it('selects distinct entries; drawing all of them is a permutation', () => {
    const all = rfc3797Draw(25, 25, RFC_KEY);
    expect([...all].sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(rfc3797Draw(25, 0, RFC_KEY)).toEqual([]);
  });

  it('refuses to draw more than the pool holds, or a count that is not a whole number', () => {
    expect(() => rfc3797Draw(5, 6, RFC_KEY)).toThrow(expect.objectContaining({ messageKey: 'draw.countOutOfRange' }));
    expect(() => rfc3797Draw(5, -1, RFC_KEY)).toThrow(DrawInputError);
    expect(() => rfc3797Draw(5, 1.5, RFC_KEY)).toThrow(DrawInputError);
    expect(() => rfc3797Draw(0x20000, 0x10001, RFC_KEY)).toThrow(DrawInputError); // the pick number is 2 bytes
    expect(() => drawFromPool(['a', 'b'], 3, RFC_SEED)).toThrow(expect.objectContaining({ messageKey: 'draw.countOutOfRange' }));
  });

  it('handles a large pool', () => {
    const picks = rfc3797Draw(1_000_000, 200, RFC_KEY);
    expect(new Set(picks).size).toBe(200);
    expect(picks.every((i) => i >= 0 && i < 1_000_000)).toBe(true);
    expect(picks.slice(0, 20)).toEqual(naiveDraw(1_000_000, 20, RFC_KEY));
  });

  it('is uniform: χ² of 20,000 one-entry draws from 10 stays under the 99.9 % critical value', () => {
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 20_000; i++) counts[rfc3797Draw(10, 1, drawKey([[20260301], [i]]))[0]!]! += 1;
    expect(chiSquare(counts)).toBeLessThan(CHI2_9_DOF_999);
  });

  it('is uniform at every pick: χ² per pick over 6,000 draws of 3 from 10', () => {
    const counts = [0, 1, 2].map(() => new Array<number>(10).fill(0));
    for (let i = 0; i < 6_000; i++) {
      rfc3797Draw(10, 3, drawKey([[i, 7], [2026]])).forEach((index, pick) => (counts[pick]![index]! += 1));
    }
    for (const perPick of counts) expect(chiSquare(perPick)).toBeLessThan(CHI2_9_DOF_999);
  });
});

describe('pool commitment', () => {
  it('hashes the ids in code point order joined by newlines', () => {
    const { sortedIds, hash } = poolCommitment(['b', 'a', 'B', '10', '9']);
    expect(sortedIds).toEqual(['10', '9', 'B', 'a', 'b']);
    expect(hash).toBe(createHash('sha256').update('10\n9\nB\na\nb').digest('hex'));
  });

  it('orders by code point (UTF-8 byte order), not UTF-16 code units', () => {
    expect(canonicalPool(['\u{1F600}', '\uFF21'])).toEqual(['\uFF21', '\u{1F600}']);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on the order the pool is given in', () => {
    fc.assert(
      fc.property(poolArb, fc.infiniteStream(fc.nat()), (pool, randoms) => {
        const shuffled = [...pool].sort(() => (randoms.next().value % 3) - 1);
        expect(poolCommitment(shuffled).hash).toBe(poolCommitment(pool).hash);
      }),
    );
  });

  it('changes with any change to the pool: an id added, removed or altered', () => {
    fc.assert(
      fc.property(poolArb, idArb, fc.nat(), (pool, other, at) => {
        fc.pre(!pool.includes(other));
        const { hash } = poolCommitment(pool);
        const i = at % pool.length;
        expect(poolCommitment([...pool, other]).hash).not.toBe(hash);
        if (pool.length > 1) expect(poolCommitment(pool.filter((_, j) => j !== i)).hash).not.toBe(hash);
        expect(poolCommitment(pool.map((id, j) => (j === i ? other : id))).hash).not.toBe(hash);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses repeated ids and ids that would make the commitment ambiguous', () => {
    expect(() => poolCommitment(['a', 'b', 'a'])).toThrow(expect.objectContaining({ messageKey: 'draw.poolDuplicate' }));
    for (const bad of ['', 'a\nb', ' a', 'a ', 'a\u0000', 'x'.repeat(201), '\uD800']) {
      expect(() => poolCommitment(['ok', bad]), JSON.stringify(bad)).toThrow(
        expect.objectContaining({ messageKey: 'draw.poolIdInvalid' }),
      );
    }
  });
});

describe('published draw record', () => {
  const pool = numbered(25).map((id) => `ENT-${id}`);
  const record = makeDrawRecord({
    pool: [...pool].reverse(),
    count: 5,
    seed: '9319 / 2 5 12 8 10 / 9 18 26 34 41 45',
    label: '2026年第一批食品生产企业监督抽查',
    stratum: 'high',
    createdAt: '2026-03-02T10:00:00+08:00',
  });

  it('states everything needed to recompute the draw, and passes its contract', () => {
    expect(record).toMatchObject({
      algorithm: DRAW_ALGORITHM,
      pool,
      poolHash: poolCommitment(pool).hash,
      seedSources: RFC_SEED,
      count: 5,
      result: ['ENT-P17', 'ENT-P07', 'ENT-P02', 'ENT-P16', 'ENT-P25'],
    });
    expect(drawRecord.parse(JSON.parse(JSON.stringify(record)))).toEqual(record);
  });

  it('verifies a faithful record', () => {
    expect(verifyDrawRecord(record)).toEqual({
      ok: true,
      poolHashOk: true,
      resultOk: true,
      expected: record.result,
      problems: [],
      key: RFC_KEY,
      poolHash: record.poolHash,
    });
  });

  it('catches a tampered result: an id swapped, or the order changed', () => {
    const swapped: DrawRecord = { ...record, result: ['ENT-P18', ...record.result.slice(1)] };
    expect(verifyDrawRecord(swapped)).toMatchObject({
      ok: false,
      poolHashOk: true,
      resultOk: false,
      expected: record.result,
      problems: ['draw.verify.result'],
    });
    const reordered: DrawRecord = { ...record, result: [...record.result].reverse() };
    expect(verifyDrawRecord(reordered).resultOk).toBe(false);
    const shorter: DrawRecord = { ...record, result: record.result.slice(0, 4) };
    expect(verifyDrawRecord(shorter).resultOk).toBe(false);
  });

  it('catches a tampered pool: an id added, removed, or the pool and its hash both replaced', () => {
    const added: DrawRecord = { ...record, pool: canonicalPool([...record.pool, 'ENT-P99']) };
    expect(verifyDrawRecord(added)).toMatchObject({ ok: false, poolHashOk: false });
    expect(verifyDrawRecord(added).problems).toContain('draw.verify.poolHash');
    const removed: DrawRecord = { ...record, pool: record.pool.filter((id) => id !== 'ENT-P03') };
    expect(verifyDrawRecord(removed)).toMatchObject({ ok: false, poolHashOk: false });
    // Rewriting the hash too does not help: the result no longer follows from the seed.
    const rehashed: DrawRecord = { ...removed, poolHash: poolCommitment(removed.pool).hash };
    expect(verifyDrawRecord(rehashed)).toMatchObject({ ok: false, poolHashOk: true, resultOk: false });
    const unsorted: DrawRecord = { ...record, pool: [...record.pool].reverse() };
    expect(verifyDrawRecord(unsorted)).toMatchObject({
      ok: false,
      poolHashOk: true,
      resultOk: true,
      problems: ['draw.verify.poolOrder'],
    });
    const repeated: DrawRecord = { ...record, pool: canonicalPool([...record.pool, 'ENT-P01']) };
    expect(verifyDrawRecord(repeated).problems).toContain('draw.poolDuplicate');
  });

  it('catches a wrong seed or count', () => {
    const wrongSeed: DrawRecord = { ...record, seedSources: [[9318], ...RFC_SEED.slice(1)] };
    expect(verifyDrawRecord(wrongSeed)).toMatchObject({
      ok: false,
      poolHashOk: true,
      resultOk: false,
      problems: ['draw.verify.result'],
    });
    expect(verifyDrawRecord(wrongSeed).expected).not.toEqual(record.result);
    const wrongCount: DrawRecord = { ...record, count: 6 };
    expect(verifyDrawRecord(wrongCount).resultOk).toBe(false);
    const tooMany: DrawRecord = { ...record, count: 26 };
    expect(verifyDrawRecord(tooMany)).toMatchObject({ ok: false, expected: [] });
    expect(verifyDrawRecord(tooMany).problems).toEqual(['draw.countOutOfRange', 'draw.verify.result']);
  });

  it('explains every problem in Chinese and English', () => {
    const all: Record<DrawVerificationProblem, true> = {
      'draw.seedInvalid': true,
      'draw.seedEmpty': true,
      'draw.countOutOfRange': true,
      'draw.poolTooLarge': true,
      'draw.poolDuplicate': true,
      'draw.poolIdInvalid': true,
      'draw.verify.algorithm': true,
      'draw.verify.poolOrder': true,
      'draw.verify.poolHash': true,
      'draw.verify.result': true,
    };
    for (const key of Object.keys(all)) expect(isMessageKey(key), key).toBe(true);
  });

  it('refuses a malformed record at the contract', () => {
    const parse = (patch: object) => drawRecord.safeParse({ ...record, ...patch });
    expect(parse({}).success).toBe(true);
    expect(parse({ algorithm: 'rfc3797-v9' }).success).toBe(false);
    expect(parse({ poolHash: record.poolHash.toUpperCase() }).success).toBe(false);
    expect(parse({ seedSources: [[1.5]] }).error?.issues[0]?.message).toBe('draw.seedInvalid');
    expect(parse({ seedSources: [[]] }).error?.issues[0]?.message).toBe('draw.seedEmpty');
    expect(parse({ pool: ['a\nb'] }).error?.issues[0]?.message).toBe('draw.poolIdInvalid');
    expect(parse({ createdAt: 'yesterday' }).success).toBe(false);
    expect(parse({ count: 0 }).success).toBe(false);
  });
});
