import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { DEMO_REGION, seedScaleEnterprises } from '../../modules/registry/index.js';
import { organizations } from '../../modules/registry/registry.tables.js';
import { loginAll } from '../../testing/fixtures.js';
import { POSTGRES_MISSING, TEST_DB, call, createTestApp, type Session, type TestApp } from '../../testing/test-app.js';
import { EXACT_TOTAL_LIMIT, escapeLike, keywordCondition } from './keyword-search.js';

/** Latin, mixed-case and LIKE-special names beside the generated Chinese ones. */
const ODD_NAMES = [
  'ABC尼龙Tech有限公司',
  'abc Nylon Works',
  'Straße 50% 公司',
  'under_score 尼龙\\材料',
  '尼 龙 分开写',
  'Ωmega 龙尼',
  '单',
];

describe.skipIf(POSTGRES_MISSING)(`keyword search on ${TEST_DB}`, () => {
  let t: TestApp;
  let s: Record<'office', Session>;
  let names: string[];

  beforeAll(async () => {
    t = await createTestApp();
    // Enough rows that a broad keyword passes the exact-total limit.
    await t.database.db.transaction((tx) => seedScaleEnterprises(tx, EXACT_TOTAL_LIMIT + 500, DEMO_REGION, 2_000_000));
    const some = await t.database.query<{ id: string }>(
      `select id from organizations where kind = 'enterprise' limit ${ODD_NAMES.length}`,
    );
    for (const [i, row] of some.entries()) {
      await t.database.query('update organizations set name = $1 where id = $2', [ODD_NAMES[i], row.id]);
    }
    await t.database.query('analyze organizations');
    names = (await t.database.query<{ name: string }>('select name from organizations')).map((r) => r.name);
    s = await loginAll(t.app, ['office'] as const);
    // 10,500 generated enterprises take a while on a busy machine (a setup limit, not a measurement).
  }, 600_000);
  afterAll(() => t?.close());

  const idsOf = async (where: ReturnType<typeof sql>) =>
    (await t.database.db.select({ id: organizations.id }).from(organizations).where(where)).map((r) => r.id).sort();

  /** Today's semantics: the name contains the keyword (ILIKE) or the credit code starts with it. */
  const substringIds = (keyword: string) =>
    idsOf(
      sql`(${organizations.name} ilike ${`%${escapeLike(keyword)}%`} or ${organizations.creditCode} like ${`${escapeLike(keyword.toUpperCase())}%`})`,
    );
  const searchIds = (keyword: string) =>
    idsOf(
      keywordCondition(
        { grams: organizations.searchGrams, contains: [organizations.name], prefixes: [organizations.creditCode] },
        keyword,
      )!,
    );

  /** A piece of a real name, a random mix of real characters and LIKE specials, or a credit-code prefix. */
  const keywords = fc.oneof(
    fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 5 })).map(([n, start, length]) => {
      const chars = [...names[n % names.length]!];
      const from = start % chars.length;
      return chars.slice(from, from + length).join('');
    }),
    fc
      .array(fc.constantFrom('尼', '龙', '有', '限', '公', '司', 'a', 'B', 'c', 'ß', 'Ω', '%', '_', '\\', ' ', '9', '1'), {
        minLength: 1,
        maxLength: 4,
      })
      .map((cs) => cs.join('').trim() || '尼'),
    fc.integer({ min: 1, max: 8 }).map((n) => '914104'.slice(0, Math.min(n, 6)) + '7'.repeat(Math.max(0, n - 6))),
  );

  it('finds exactly what ILIKE substring search finds, for random keywords over real names', async () => {
    await fc.assert(
      fc.asyncProperty(keywords, async (keyword) => {
        expect(await searchIds(keyword)).toEqual(await substringIds(keyword));
      }),
      { numRuns: 150, seed: 20_261_206 },
    );
  });

  it('serves 1-, 2- and 3+-character Chinese keywords, Latin keywords and credit-code prefixes from indexes', async () => {
    for (const keyword of ['龙', '尼龙', '尼龙新材料', 'nylon', '9141']) {
      const plan = await t.database.db.transaction(async (tx) => {
        // Only an index path can avoid a sequential scan: the plan shows whether one exists.
        await tx.execute(sql`set local enable_seqscan = off`);
        const where = keywordCondition(
          { grams: organizations.searchGrams, contains: [organizations.name], prefixes: [organizations.creditCode] },
          keyword,
        );
        const query = t.database.db.select({ id: organizations.id }).from(organizations).where(where).toSQL();
        const result = (await tx.execute(sql.raw(`explain ${inline(query.sql, query.params)}`))) as unknown as
          { rows: Record<string, string>[] } | Record<string, string>[];
        return (Array.isArray(result) ? result : result.rows).map((r) => Object.values(r)[0]).join('\n');
      });
      expect(plan, keyword).toContain('organizations_search_grams_idx');
      expect(plan, keyword).toContain('organizations_credit_code_prefix_idx');
      expect(plan, keyword).not.toContain('Seq Scan');
    }
  });

  it('estimates a total above the limit (totalIsEstimate) unless the exact count is asked for', async () => {
    const [{ n: exact }] = (await t.database.query<{ n: number }>(
      `select count(*)::int as n from organizations where kind = 'enterprise' and name ilike '%公司%'`,
    )) as [{ n: number }];
    expect(exact).toBeGreaterThan(EXACT_TOTAL_LIMIT);
    const keyword = encodeURIComponent('公司');
    const estimated = (await call(t.app, s.office, 'GET', `/api/v1/enterprises?keyword=${keyword}&pageSize=5`)).json();
    expect(estimated.totalIsEstimate).toBe(true);
    expect(estimated.total).toBeGreaterThan(EXACT_TOTAL_LIMIT);
    expect(estimated.data).toHaveLength(5);
    const counted = (await call(t.app, s.office, 'GET', `/api/v1/enterprises?keyword=${keyword}&pageSize=5&exactTotal=1`)).json();
    expect(counted.total).toBe(exact);
    expect(counted.totalIsEstimate).toBeUndefined();
    // Under the limit the total is exact and carries no estimate flag.
    const narrow = (await call(t.app, s.office, 'GET', `/api/v1/enterprises?keyword=${encodeURIComponent('尼龙新材料')}`)).json();
    expect(narrow.totalIsEstimate).toBeUndefined();
    const [{ n: narrowExact }] = (await t.database.query<{ n: number }>(
      `select count(*)::int as n from organizations where kind = 'enterprise' and name ilike '%尼龙新材料%'`,
    )) as [{ n: number }];
    expect(narrow.total).toBe(narrowExact);
  });
});

/** The statement with its parameters written in, for EXPLAIN (which takes no parameters). */
function inline(text: string, params: unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, i: string) => `'${String(params[Number(i) - 1]).replace(/'/g, "''")}'`);
}
