import { and, getTableName, ilike, or, sql, type SQL } from 'drizzle-orm';
import { text, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './database.js';

/**
 * The one keyword search of every list (organizations, experts, service requests, spot-check
 * targets, award applications), index-backed at any keyword length and exactly as wide as
 * `ILIKE '%keyword%'` on its text columns.
 *
 * Each searchable table has a generated `search_grams` column: every one- and two-character
 * piece of its lower-cased search text (searchGramsColumn), under a GIN index. A keyword's grams
 * (the character itself for one character, its bigrams for more) are all among the grams of
 * every text that holds it (ILIKE compares lower-cased text, as the grams are), so
 * `search_grams @> grams(keyword)` narrows through the index to a superset of the matches
 * and the ILIKE beside it keeps exactly today's substring semantics (the pieces could be apart).
 * Chinese words of two characters (尼龙) cannot use a trigram index; this serves them, single
 * characters and Latin text alike, on PGlite and PostgreSQL (no extension needed).
 */
export interface KeywordSearch {
  /** The table's generated `search_grams` column. */
  grams: PgColumn;
  /** Columns searched for "contains the keyword" (ILIKE), each covered by the grams. */
  contains: PgColumn[];
  /** Columns searched for "starts with the upper-cased keyword" (credit codes, numbers), served by a text_pattern_ops index. */
  prefixes?: PgColumn[];
}

/**
 * The generated `search_grams` column over an expression of the row's text columns: bigrams by
 * qd_bigrams (migration 0003), single characters by regexp_split_to_array (built in, immutable).
 */
export function searchGramsColumn(textExpression: SQL) {
  return text('search_grams')
    .array()
    .generatedAlwaysAs(sql`(qd_bigrams(${textExpression}) || regexp_split_to_array(lower(${textExpression}), ''))`);
}

/** The grams every text holding the keyword holds: the character itself, or the keyword's bigrams. */
function keywordGrams(keyword: string): SQL {
  return sql`(case when char_length(lower(${keyword}::text)) = 1 then array[lower(${keyword}::text)] else qd_bigrams(${keyword}::text) end)`;
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The condition "matches the keyword", or undefined for no keyword. */
export function keywordCondition(search: KeywordSearch, keyword: string | undefined): SQL | undefined {
  if (!keyword) return undefined;
  const like = `%${escapeLike(keyword)}%`;
  const contains = and(sql`${search.grams} @> ${keywordGrams(keyword)}`, or(...search.contains.map((c) => ilike(c, like))));
  const prefix = `${escapeLike(keyword.toUpperCase())}%`;
  return or(contains, ...(search.prefixes ?? []).map((c) => sql`${c} like ${prefix}`));
}

/** Above this many matches a list's total is estimated (shown as 约 …) unless the exact count is asked for. */
export const EXACT_TOTAL_LIMIT = 10_000;

export interface ListTotal {
  total: number;
  /** Present (true) only when the total is an estimate. */
  totalIsEstimate?: true;
}

/**
 * The total of a filtered list: exact up to EXACT_TOTAL_LIMIT (a count that stops there, so a
 * broad keyword never counts a province), beyond it estimated from a block sample of the table
 * unless `exact` is asked for. Estimates are rounded to two significant figures.
 */
export async function listTotal(db: Executor, table: PgTable, where: SQL | undefined, exact = false): Promise<ListTotal> {
  const whereSql = where ? sql`where ${where}` : sql``;
  if (exact) {
    const [row] = await rows<{ n: number }>(db, sql`select count(*)::int as n from ${table} ${whereSql}`);
    return { total: row?.n ?? 0 };
  }
  const [capped] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from (select 1 from ${table} ${whereSql} limit ${EXACT_TOTAL_LIMIT + 1}) as capped`,
  );
  const n = capped?.n ?? 0;
  if (n <= EXACT_TOTAL_LIMIT) return { total: n };
  return {
    total: Math.max(EXACT_TOTAL_LIMIT + 1, roundTwoFigures(await sampledCount(db, table, whereSql))),
    totalIsEstimate: true,
  };
}

/** Rows sampled for an estimate: enough for a few per cent of error on a match rate above 1/20. */
const SAMPLE_ROWS = 20_000;

async function sampledCount(db: Executor, table: PgTable, whereSql: SQL): Promise<number> {
  const [stats] = await rows<{ tuples: number }>(
    db,
    sql`select greatest(reltuples, 0)::float8 as tuples from pg_class where oid = ${getTableName(table)}::regclass`,
  );
  const tuples = stats?.tuples ?? 0;
  // Never analysed (reltuples unknown): the whole table is the sample.
  const percent = tuples > SAMPLE_ROWS ? (100 * SAMPLE_ROWS) / tuples : 100;
  const [hit] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${table} tablesample system (${sql.raw(String(percent))}) repeatable (1) ${whereSql}`,
  );
  return ((hit?.n ?? 0) * 100) / percent;
}

function roundTwoFigures(n: number): number {
  if (n < 100) return Math.round(n);
  const unit = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / unit) * unit;
}

async function rows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] } | T[];
  return Array.isArray(result) ? result : result.rows;
}
