import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { regionScopePrefix } from '../../packages/core/src/index.js';
import type { Database } from '../../apps/server/src/platform/db/database.js';

/**
 * The bare ceiling: what Fastify serves on this machine with nothing behind it (no database, no
 * session, no schema), measured with the same load as the API. No scenario can beat it.
 */
export function buildCeilingApp(): FastifyInstance {
  const app = Fastify({ logger: false });
  app.get('/ceiling', async () => ({ ok: true, name: '质量强区', n: 42 }));
  return app;
}

/** Runs one SQL statement: node-postgres on PostgreSQL, the same PGlite instance on PGlite. */
export type RawQuery = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * The same-SQL ceiling: a bare Fastify route (no session, no schema, no framework layers) that
 * runs the data SQL of an API route with the driver directly and answers with the same JSON.
 * An API figure divided by its same-SQL ceiling is the share the platform's own layers cost.
 */
export function buildSameSqlCeilingApp(query: RawQuery, scopeRegion: string): FastifyInstance {
  const app = Fastify({ logger: false });
  const scope = regionScopePrefix(scopeRegion) + '%';
  const COLUMNS = `o.id, o.kind, o.name, o.short_name, o.credit_code, o.region_code, r.name as region_name, o.address,
    o.status, o.industry_section, o.industry_code, o.size, o.founded_on::text as founded_on, o.legal_representative,
    o.main_products, o.in_leadership_group, o.leadership_role, o.responsibilities, o.nqi_categories,
    o.qualifications, o.created_at, o.updated_at`;
  const toJson = (r: Record<string, unknown>) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    shortName: r.short_name,
    creditCode: r.credit_code,
    regionCode: r.region_code,
    regionName: r.region_name,
    address: r.address,
    status: r.status,
    industrySection: r.industry_section,
    industryCode: r.industry_code,
    size: r.size,
    foundedOn: r.founded_on,
    legalRepresentative: r.legal_representative,
    mainProducts: r.main_products,
    inLeadershipGroup: r.in_leadership_group,
    leadershipRole: r.leadership_role,
    responsibilities: r.responsibilities,
    nqiCategories: r.nqi_categories,
    qualifications: r.qualifications,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });

  // GET /enterprises/:id: the point lookup with the region name.
  app.get<{ Params: { id: string } }>('/ceiling/enterprises/:id', async (request, reply) => {
    const [row] = await query(
      `select ${COLUMNS} from organizations o left join regions r on r.code = o.region_code
       where o.id = $1 and o.kind = 'enterprise' and o.region_code like $2 limit 1`,
      [request.params.id, scope],
    );
    if (!row) return reply.status(404).send({ error: 'not found' });
    return toJson(row);
  });

  // GET /enterprises?keyword=: the page and the total, the way the keyword search runs them
  // (platform/db/keyword-search.ts): the gram index narrows, ILIKE keeps exact substring semantics.
  app.get<{ Querystring: { keyword: string; pageSize?: string } }>('/ceiling/enterprises', async (request) => {
    const keyword = request.query.keyword;
    const limit = Number(request.query.pageSize ?? 20);
    const like = `%${keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const prefix = `${keyword.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const where = `o.kind = 'enterprise' and o.region_code like $1
      and ((o.search_grams @> (case when char_length(lower($2::text)) = 1 then array[lower($2::text)] else qd_bigrams($2::text) end)
        and o.name ilike $3) or o.credit_code like $4)`;
    const params = [scope, keyword, like, prefix];
    const [rows, [counted]] = await Promise.all([
      query(
        `select ${COLUMNS} from organizations o left join regions r on r.code = o.region_code
         where ${where} order by o.created_at desc, o.id asc limit ${limit}`,
        params,
      ),
      query(`select count(*)::int as n from (select 1 from organizations o where ${where} limit 10001) s`, params),
    ]);
    return { data: rows.map(toJson), total: counted!.n, current: 1, pageSize: limit };
  });
  return app;
}

/** The raw query function of the bench's database: its own node-postgres pool, or PGlite's client. */
export function rawQueryOf(database: Database, url: string | undefined): { query: RawQuery; close(): Promise<void> } {
  if (!url) return { query: (text, params) => database.query(text, params), close: async () => {} };
  // The same pool size as the API's (platform/db/database.ts).
  const pool = new pg.Pool({ connectionString: url, max: 20, options: '-c TimeZone=UTC' });
  return { query: async (text, params) => (await pool.query(text, params)).rows, close: () => pool.end() };
}
