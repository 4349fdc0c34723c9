import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lt,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { PlanFilters } from '@qd/core';
import type { Executor } from '../../platform/db/database.js';
import { keywordCondition } from '../../platform/db/keyword-search.js';
import { regionScope } from '../../platform/db/region-scope.js';
import {
  supervisionCounters,
  supervisionDrawRecords,
  supervisionHistory,
  supervisionInspections,
  supervisionInspectorTies,
  supervisionInspectors,
  supervisionItems,
  supervisionObjections,
  supervisionPlans,
  supervisionProductChecks,
  supervisionRectificationFiles,
  supervisionRectifications,
  supervisionSettings,
  supervisionSignals,
  supervisionTargets,
} from './supervision.tables.js';

export type ItemRow = typeof supervisionItems.$inferSelect;
/** A target as read: every column but the search grams (index material, never shown). */
export type TargetRow = Omit<typeof supervisionTargets.$inferSelect, 'searchGrams'>;
const { searchGrams: _grams, ...targetColumns } = getTableColumns(supervisionTargets);
export type InspectorRow = typeof supervisionInspectors.$inferSelect;
export type TieRow = typeof supervisionInspectorTies.$inferSelect;
export type PlanRow = typeof supervisionPlans.$inferSelect;
export type DrawRecordRow = typeof supervisionDrawRecords.$inferSelect;
export type InspectionRow = typeof supervisionInspections.$inferSelect;
export type ProductCheckRow = typeof supervisionProductChecks.$inferSelect;
export type ObjectionRow = typeof supervisionObjections.$inferSelect;
export type RectificationRow = typeof supervisionRectifications.$inferSelect;
export type HistoryRow = typeof supervisionHistory.$inferSelect;
export type SignalRow = typeof supervisionSignals.$inferSelect;

export interface PageRequest {
  offset: number;
  limit: number;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Who may see which rows: a region subtree, narrowed for organization-bound callers to the own
 * enterprise (enterprise users) or to the own assignments and department (dept users).
 */
export interface SupervisionScope {
  regionCode: string;
  enterpriseId?: string | null;
  /** Inspector ids linked to the caller's account: inspections drawn for them. */
  inspectorIds?: string[];
  /** The caller's department: plans it takes part in. */
  departmentId?: string | null;
}

async function paged<T>(rows: Promise<T[]>, total: Promise<{ n: number }[]>): Promise<{ rows: T[]; total: number }> {
  const [r, [t]] = await Promise.all([rows, total]);
  return { rows: r, total: t?.n ?? 0 };
}

// ---- codes and settings ----

/** The next human code `PREFIX-YYYY-NNNN` of a region, kind and year, atomically. */
export async function nextCode(db: Executor, regionCode: string, kind: string, year: number): Promise<string> {
  const [row] = await db
    .insert(supervisionCounters)
    .values({ regionCode, kind, year, last: 1 })
    .onConflictDoUpdate({
      target: [supervisionCounters.regionCode, supervisionCounters.kind, supervisionCounters.year],
      set: { last: sql`${supervisionCounters.last} + 1` },
    })
    .returning({ last: supervisionCounters.last });
  return `${kind}-${year}-${String(row!.last).padStart(4, '0')}`;
}

export async function findPublicationDays(db: Executor, regionCode: string): Promise<number | null> {
  const [row] = await db.select().from(supervisionSettings).where(eq(supervisionSettings.regionCode, regionCode)).limit(1);
  return row?.publicationWorkingDays ?? null;
}

export async function savePublicationDays(db: Executor, regionCode: string, days: number, at: Date): Promise<void> {
  await db
    .insert(supervisionSettings)
    .values({ regionCode, publicationWorkingDays: days, updatedAt: at })
    .onConflictDoUpdate({ target: supervisionSettings.regionCode, set: { publicationWorkingDays: days, updatedAt: at } });
}

// ---- items ----

export async function listItems(db: Executor, scopeRegion: string, keyword: string | undefined, page: PageRequest) {
  const where = and(
    regionScope(supervisionItems.regionCode, scopeRegion),
    keyword
      ? or(ilike(supervisionItems.name, `%${escapeLike(keyword)}%`), ilike(supervisionItems.code, `${escapeLike(keyword)}%`))
      : undefined,
  );
  return paged(
    db.select().from(supervisionItems).where(where).orderBy(asc(supervisionItems.code)).limit(page.limit).offset(page.offset),
    db.select({ n: count() }).from(supervisionItems).where(where),
  );
}

export async function findItem(db: Executor, id: string): Promise<ItemRow | undefined> {
  const [row] = await db.select().from(supervisionItems).where(eq(supervisionItems.id, id)).limit(1);
  return row;
}

export async function itemsByIds(db: Executor, ids: string[]): Promise<ItemRow[]> {
  return ids.length ? db.select().from(supervisionItems).where(inArray(supervisionItems.id, ids)) : [];
}

export async function insertItem(db: Executor, row: typeof supervisionItems.$inferInsert): Promise<void> {
  await db.insert(supervisionItems).values(row);
}

export async function updateItem(db: Executor, id: string, patch: Partial<typeof supervisionItems.$inferInsert>): Promise<void> {
  await db.update(supervisionItems).set(patch).where(eq(supervisionItems.id, id));
}

// ---- target directory ----

export interface TargetFilter {
  scopeRegion: string;
  enterpriseId?: string | null | undefined;
  keyword?: string | undefined;
  riskClass?: string | undefined;
  industrySection?: string | undefined;
  flag?: string | undefined;
}

function targetWhere(f: TargetFilter): SQL | undefined {
  const c: (SQL | undefined)[] = [regionScope(supervisionTargets.regionCode, f.scopeRegion)];
  if (f.enterpriseId !== undefined) c.push(f.enterpriseId ? eq(supervisionTargets.enterpriseId, f.enterpriseId) : sql`false`);
  c.push(
    keywordCondition(
      { grams: supervisionTargets.searchGrams, contains: [supervisionTargets.name], prefixes: [supervisionTargets.creditCode] },
      f.keyword,
    ),
  );
  if (f.riskClass) c.push(eq(supervisionTargets.riskClass, f.riskClass as TargetRow['riskClass']));
  if (f.industrySection) c.push(eq(supervisionTargets.industrySection, f.industrySection));
  if (f.flag) c.push(sql`${f.flag} = any(${supervisionTargets.flags})`);
  return and(...c);
}

export async function listTargets(db: Executor, f: TargetFilter, page: PageRequest) {
  const where = targetWhere(f);
  return paged(
    db
      .select(targetColumns)
      .from(supervisionTargets)
      .where(where)
      .orderBy(sql`${supervisionTargets.creditCode} collate "C"`)
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(supervisionTargets).where(where),
  );
}

export async function findTarget(db: Executor, enterpriseId: string): Promise<TargetRow | undefined> {
  const [row] = await db
    .select(targetColumns)
    .from(supervisionTargets)
    .where(eq(supervisionTargets.enterpriseId, enterpriseId))
    .limit(1);
  return row;
}

export async function existingTargetIds(db: Executor, ids: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await db
      .select({ id: supervisionTargets.enterpriseId })
      .from(supervisionTargets)
      .where(inArray(supervisionTargets.enterpriseId, ids.slice(i, i + 5000)));
    for (const r of rows) out.add(r.id);
  }
  return out;
}

/**
 * Copies enterprises into the directory with `unnest` (bulk, ARCHITECTURE §5). New ones start
 * as medium risk with no flags; existing ones keep their class, products and flags and take the
 * registry's name, code, industry and status.
 */
export async function upsertTargetsFromRegistry(
  db: Executor,
  rows: {
    enterpriseId: string;
    regionCode: string;
    name: string;
    creditCode: string;
    industrySection: string;
    products: string[];
    status: string;
  }[],
  at: Date,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 10_000) {
    const part = rows.slice(i, i + 10_000);
    const col = <K extends keyof (typeof part)[number]>(k: K) => sql.param(part.map((r) => r[k]));
    await db.execute(sql`
      insert into supervision_targets (enterprise_id, region_code, name, credit_code, industry_section, risk_class, products, flags, status, updated_at)
      select t.enterprise_id, t.region_code, t.name, t.credit_code, t.industry_section, 'medium',
        coalesce(string_to_array(nullif(t.products, ''), '|'), '{}'), '{}', t.status, ${at.toISOString()}::timestamptz
      from unnest(${col('enterpriseId')}::uuid[], ${col('regionCode')}::text[], ${col('name')}::text[], ${col('creditCode')}::text[],
        ${col('industrySection')}::text[], ${sql.param(part.map((r) => r.products.join('|')))}::text[], ${col('status')}::text[])
        as t(enterprise_id, region_code, name, credit_code, industry_section, products, status)
      on conflict (enterprise_id) do update set region_code = excluded.region_code, name = excluded.name,
        credit_code = excluded.credit_code, industry_section = excluded.industry_section, status = excluded.status,
        updated_at = excluded.updated_at`);
  }
}

export async function updateTarget(
  db: Executor,
  enterpriseId: string,
  patch: Partial<typeof supervisionTargets.$inferInsert>,
): Promise<void> {
  await db.update(supervisionTargets).set(patch).where(eq(supervisionTargets.enterpriseId, enterpriseId));
}

export interface PoolRow {
  enterpriseId: string;
  creditCode: string;
  riskClass: TargetRow['riskClass'];
  industrySection: string;
  name: string;
}

function eligibleWhere(scopeRegion: string, filters: PlanFilters): SQL | undefined {
  const c: SQL[] = [regionScope(supervisionTargets.regionCode, scopeRegion), eq(supervisionTargets.status, 'active')];
  if (filters.riskClasses.length) c.push(inArray(supervisionTargets.riskClass, filters.riskClasses));
  if (filters.industrySections.length) c.push(inArray(supervisionTargets.industrySection, filters.industrySections));
  if (filters.flags.length) c.push(sql`${supervisionTargets.flags} && ${sql.param(filters.flags)}::text[]`);
  if (filters.productKeyword) {
    c.push(
      sql`exists (select 1 from unnest(${supervisionTargets.products}) p where p ilike ${'%' + escapeLike(filters.productKeyword) + '%'})`,
    );
  }
  return and(...c);
}

/** The eligible pool row by row (small directories: the demo seed). */
export async function eligiblePool(db: Executor, scopeRegion: string, filters: PlanFilters): Promise<PoolRow[]> {
  return db
    .select({
      enterpriseId: supervisionTargets.enterpriseId,
      creditCode: supervisionTargets.creditCode,
      riskClass: supervisionTargets.riskClass,
      industrySection: supervisionTargets.industrySection,
      name: supervisionTargets.name,
    })
    .from(supervisionTargets)
    .where(eligibleWhere(scopeRegion, filters))
    .orderBy(sql`${supervisionTargets.creditCode} collate "C"`);
}

export async function targetsByCreditCodes(db: Executor, scopeRegion: string, codes: string[]): Promise<PoolRow[]> {
  if (codes.length === 0) return [];
  return db
    .select({
      enterpriseId: supervisionTargets.enterpriseId,
      creditCode: supervisionTargets.creditCode,
      riskClass: supervisionTargets.riskClass,
      industrySection: supervisionTargets.industrySection,
      name: supervisionTargets.name,
    })
    .from(supervisionTargets)
    .where(and(regionScope(supervisionTargets.regionCode, scopeRegion), inArray(supervisionTargets.creditCode, codes)));
}

// ---- inspectors ----

export async function listInspectors(
  db: Executor,
  f: { scopeRegion: string; keyword?: string | undefined; onlyUserId?: string | undefined },
  page: PageRequest,
) {
  const where = and(
    regionScope(supervisionInspectors.regionCode, f.scopeRegion),
    f.keyword
      ? or(
          ilike(supervisionInspectors.name, `%${escapeLike(f.keyword)}%`),
          ilike(supervisionInspectors.certificateNo, `${escapeLike(f.keyword)}%`),
        )
      : undefined,
    f.onlyUserId !== undefined ? eq(supervisionInspectors.userId, f.onlyUserId) : undefined,
  );
  return paged(
    db
      .select()
      .from(supervisionInspectors)
      .where(where)
      .orderBy(asc(supervisionInspectors.name), asc(supervisionInspectors.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(supervisionInspectors).where(where),
  );
}

export async function findInspector(db: Executor, id: string): Promise<InspectorRow | undefined> {
  const [row] = await db.select().from(supervisionInspectors).where(eq(supervisionInspectors.id, id)).limit(1);
  return row;
}

export async function inspectorsByIds(db: Executor, ids: string[]): Promise<InspectorRow[]> {
  return ids.length ? db.select().from(supervisionInspectors).where(inArray(supervisionInspectors.id, ids)) : [];
}

export async function inspectorIdsOfUser(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: supervisionInspectors.id })
    .from(supervisionInspectors)
    .where(eq(supervisionInspectors.userId, userId));
  return rows.map((r) => r.id);
}

export async function activeInspectors(db: Executor, scopeRegion: string): Promise<InspectorRow[]> {
  return db
    .select()
    .from(supervisionInspectors)
    .where(and(regionScope(supervisionInspectors.regionCode, scopeRegion), eq(supervisionInspectors.status, 'active')));
}

export async function insertInspector(db: Executor, row: typeof supervisionInspectors.$inferInsert): Promise<void> {
  await db.insert(supervisionInspectors).values(row);
}

export async function updateInspector(
  db: Executor,
  id: string,
  patch: Partial<typeof supervisionInspectors.$inferInsert>,
): Promise<void> {
  await db.update(supervisionInspectors).set(patch).where(eq(supervisionInspectors.id, id));
}

export async function replaceTies(
  db: Executor,
  inspectorId: string,
  ties: { enterpriseId: string; relation: string }[],
): Promise<void> {
  await db.delete(supervisionInspectorTies).where(eq(supervisionInspectorTies.inspectorId, inspectorId));
  if (ties.length) await db.insert(supervisionInspectorTies).values(ties.map((t) => ({ inspectorId, ...t })));
}

export async function tiesOf(db: Executor, inspectorIds: string[]): Promise<TieRow[]> {
  return inspectorIds.length
    ? db.select().from(supervisionInspectorTies).where(inArray(supervisionInspectorTies.inspectorId, inspectorIds))
    : [];
}

// ---- plans and draw records ----

export async function listPlans(
  db: Executor,
  scope: SupervisionScope,
  f: { status?: string | undefined; keyword?: string | undefined },
  page: PageRequest,
) {
  const where = and(
    regionScope(supervisionPlans.regionCode, scope.regionCode),
    scope.departmentId !== undefined
      ? scope.departmentId
        ? sql`${scope.departmentId}::uuid = any(${supervisionPlans.departmentIds})`
        : sql`false`
      : undefined,
    f.status ? eq(supervisionPlans.status, f.status) : undefined,
    f.keyword
      ? or(ilike(supervisionPlans.name, `%${escapeLike(f.keyword)}%`), ilike(supervisionPlans.code, `%${escapeLike(f.keyword)}%`))
      : undefined,
  );
  return paged(
    db
      .select()
      .from(supervisionPlans)
      .where(where)
      .orderBy(desc(supervisionPlans.createdAt), desc(supervisionPlans.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(supervisionPlans).where(where),
  );
}

export async function findPlan(db: Executor, id: string): Promise<PlanRow | undefined> {
  const [row] = await db.select().from(supervisionPlans).where(eq(supervisionPlans.id, id)).limit(1);
  return row;
}

/** Locks the plan row for the rest of the transaction: two draws of one plan cannot interleave. */
export async function lockPlan(db: Executor, id: string): Promise<PlanRow | undefined> {
  const [row] = await db.select().from(supervisionPlans).where(eq(supervisionPlans.id, id)).for('update').limit(1);
  return row;
}

export async function insertPlan(db: Executor, row: typeof supervisionPlans.$inferInsert): Promise<void> {
  await db.insert(supervisionPlans).values(row);
}

export async function updatePlan(db: Executor, id: string, patch: Partial<typeof supervisionPlans.$inferInsert>): Promise<void> {
  await db.update(supervisionPlans).set(patch).where(eq(supervisionPlans.id, id));
}

export async function publishedPlans(db: Executor, limit: number) {
  return db
    .select({
      planId: supervisionPlans.id,
      code: supervisionPlans.code,
      name: supervisionPlans.name,
      drawnAt: supervisionPlans.drawnAt,
      poolHash: supervisionPlans.poolHash,
    })
    .from(supervisionPlans)
    .where(isNotNull(supervisionPlans.committedAt))
    .orderBy(desc(supervisionPlans.committedAt))
    .limit(limit);
}

export async function insertDrawRecords(db: Executor, rows: (typeof supervisionDrawRecords.$inferInsert)[]): Promise<void> {
  // One statement per record: a stratum's pool is one array parameter, however large.
  for (const row of rows) await db.insert(supervisionDrawRecords).values(row);
}

/** The records of a plan without their pools (a pool may hold a million ids). */
export async function drawRecordSummaries(db: Executor, planId: string, kind?: 'targets' | 'inspectors') {
  return db
    .select({
      id: supervisionDrawRecords.id,
      kind: supervisionDrawRecords.kind,
      stratum: supervisionDrawRecords.stratum,
      riskClass: supervisionDrawRecords.riskClass,
      industrySection: supervisionDrawRecords.industrySection,
      poolSize: sql<number>`coalesce(cardinality(${supervisionDrawRecords.pool}), 0)`.mapWith(Number),
      poolHash: supervisionDrawRecords.poolHash,
      count: supervisionDrawRecords.count,
      result: supervisionDrawRecords.result,
    })
    .from(supervisionDrawRecords)
    .where(and(eq(supervisionDrawRecords.planId, planId), kind ? eq(supervisionDrawRecords.kind, kind) : undefined))
    .orderBy(asc(supervisionDrawRecords.createdAt), asc(supervisionDrawRecords.id));
}

export async function drawRecordsWithPools(
  db: Executor,
  planId: string,
  kind: 'targets' | 'inspectors',
): Promise<DrawRecordRow[]> {
  return db
    .select()
    .from(supervisionDrawRecords)
    .where(and(eq(supervisionDrawRecords.planId, planId), eq(supervisionDrawRecords.kind, kind)))
    .orderBy(asc(supervisionDrawRecords.createdAt), asc(supervisionDrawRecords.id));
}

export async function findDrawRecord(db: Executor, id: string): Promise<DrawRecordRow | undefined> {
  const [row] = await db.select().from(supervisionDrawRecords).where(eq(supervisionDrawRecords.id, id)).limit(1);
  return row;
}

/**
 * The entries of a frozen pool at the given positions (from 0), in the order given: the drawn ids
 * without reading the whole pool back (a stratum may hold a million ids).
 */
export async function poolEntriesAt(db: Executor, recordId: string, positions: number[]): Promise<string[]> {
  if (positions.length === 0) return [];
  // The pool is unnested once and joined (indexing a large stored array per position would detoast it each time).
  const [row] = await db
    .select({
      ids: sql<string[]>`(
        select array_agg(u.e order by p.n)
        from unnest(${sql.param(positions)}::int[]) with ordinality as p(pos, n)
        join unnest(${supervisionDrawRecords.pool}) with ordinality as u(e, o) on u.o = p.pos + 1)`,
    })
    .from(supervisionDrawRecords)
    .where(eq(supervisionDrawRecords.id, recordId));
  return row?.ids ?? [];
}

/** Holds directory changes until the transaction ends, so the strata read and the pool frozen are the same. */
export async function lockDirectory(db: Executor): Promise<void> {
  await db.execute(sql`lock table supervision_targets in share mode`);
}

/** The strata (risk class × industry) of a plan's eligible pool, with their sizes. */
export async function eligibleStrata(db: Executor, scopeRegion: string, filters: PlanFilters) {
  return db
    .select({ riskClass: supervisionTargets.riskClass, industrySection: supervisionTargets.industrySection, n: count() })
    .from(supervisionTargets)
    .where(eligibleWhere(scopeRegion, filters))
    .groupBy(supervisionTargets.riskClass, supervisionTargets.industrySection);
}

/**
 * Freezes the eligible pool: one draw record per stratum whose pool is the stratum's credit codes
 * in byte order (COLLATE "C", core's canonical order), written by the database in one statement.
 * The commitment hash is then computed from what was stored (frozenPools), so it is the hash of
 * the stored pool by construction. `strata` gives each stratum's new record id.
 */
export async function freezePool(
  db: Executor,
  input: {
    planId: string;
    regionCode: string;
    filters: PlanFilters;
    at: Date;
    strata: { id: string; riskClass: string; industrySection: string }[];
  },
): Promise<void> {
  if (input.strata.length === 0) return;
  const t = supervisionTargets;
  // One scan of the directory, grouped by stratum; each new record id comes from the app.
  await db.execute(sql`
    insert into supervision_draw_records (id, plan_id, region_code, kind, stratum, risk_class, industry_section, pool, pool_hash, count, created_at)
    select s.id, ${input.planId}, ${input.regionCode}, 'targets', g.risk_class || '/' || g.industry_section, g.risk_class, g.industry_section,
      g.pool, '', 0, ${input.at.toISOString()}::timestamptz
    from (
      select ${t.riskClass} as risk_class, ${t.industrySection} as industry_section,
        array_agg(${t.creditCode} order by ${t.creditCode} collate "C") as pool
      from ${t} where ${eligibleWhere(input.regionCode, input.filters)}
      group by ${t.riskClass}, ${t.industrySection}
    ) g
    join unnest(${sql.param(input.strata.map((x) => x.id))}::uuid[], ${sql.param(input.strata.map((x) => x.riskClass))}::text[],
      ${sql.param(input.strata.map((x) => x.industrySection))}::text[]) as s(id, risk_class, industry_section)
      on s.risk_class = g.risk_class and s.industry_section = g.industry_section`);
}

/** The frozen pools of a plan as newline-joined text (one value each: fast to read), with their sizes. */
export async function frozenPools(db: Executor, planId: string) {
  return db
    .select({
      id: supervisionDrawRecords.id,
      riskClass: supervisionDrawRecords.riskClass,
      industrySection: supervisionDrawRecords.industrySection,
      text: sql<string>`array_to_string(${supervisionDrawRecords.pool}, E'\n')`,
      size: sql<number>`cardinality(${supervisionDrawRecords.pool})`.mapWith(Number),
    })
    .from(supervisionDrawRecords)
    .where(and(eq(supervisionDrawRecords.planId, planId), eq(supervisionDrawRecords.kind, 'targets')));
}

export async function setStratumCommitment(db: Executor, id: string, patch: { poolHash: string; count: number }): Promise<void> {
  await db.update(supervisionDrawRecords).set(patch).where(eq(supervisionDrawRecords.id, id));
}

export async function setDrawResult(
  db: Executor,
  id: string,
  patch: { result: string[]; seedSources: number[][]; drawnAt: Date },
): Promise<void> {
  await db.update(supervisionDrawRecords).set(patch).where(eq(supervisionDrawRecords.id, id));
}

// ---- inspections ----

function inspectionScope(scope: SupervisionScope): SQL | undefined {
  return and(
    regionScope(supervisionInspections.regionCode, scope.regionCode),
    scope.enterpriseId !== undefined
      ? scope.enterpriseId
        ? eq(supervisionInspections.enterpriseId, scope.enterpriseId)
        : sql`false`
      : undefined,
    scope.inspectorIds !== undefined
      ? scope.inspectorIds.length
        ? sql`${supervisionInspections.inspectorIds} && ${sql.param(scope.inspectorIds)}::uuid[]`
        : sql`false`
      : undefined,
  );
}

export async function listInspections(
  db: Executor,
  scope: SupervisionScope,
  f: { planId?: string | undefined; status?: string | undefined; keyword?: string | undefined },
  page: PageRequest,
) {
  const where = and(
    inspectionScope(scope),
    f.planId ? eq(supervisionInspections.planId, f.planId) : undefined,
    f.status ? eq(supervisionInspections.status, f.status) : undefined,
    f.keyword
      ? or(
          ilike(supervisionInspections.enterpriseName, `%${escapeLike(f.keyword)}%`),
          ilike(supervisionInspections.code, `%${escapeLike(f.keyword)}%`),
        )
      : undefined,
  );
  return paged(
    db
      .select({ inspection: supervisionInspections, planName: supervisionPlans.name })
      .from(supervisionInspections)
      .innerJoin(supervisionPlans, eq(supervisionPlans.id, supervisionInspections.planId))
      .where(where)
      .orderBy(desc(supervisionInspections.createdAt), asc(supervisionInspections.position))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(supervisionInspections).where(where),
  );
}

export async function findInspection(db: Executor, id: string) {
  const [row] = await db
    .select({ inspection: supervisionInspections, planName: supervisionPlans.name })
    .from(supervisionInspections)
    .innerJoin(supervisionPlans, eq(supervisionPlans.id, supervisionInspections.planId))
    .where(eq(supervisionInspections.id, id))
    .limit(1);
  return row;
}

export async function insertInspections(db: Executor, rows: (typeof supervisionInspections.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(supervisionInspections).values(rows.slice(i, i + 1000));
}

export async function inspectionsOfPlan(db: Executor, planId: string): Promise<InspectionRow[]> {
  return db
    .select()
    .from(supervisionInspections)
    .where(eq(supervisionInspections.planId, planId))
    .orderBy(asc(supervisionInspections.position));
}

export async function updateInspection(
  db: Executor,
  id: string,
  patch: Partial<typeof supervisionInspections.$inferInsert>,
): Promise<void> {
  await db.update(supervisionInspections).set(patch).where(eq(supervisionInspections.id, id));
}

export async function countOpenInspections(db: Executor, planId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(supervisionInspections)
    .where(and(eq(supervisionInspections.planId, planId), eq(supervisionInspections.status, 'assigned')));
  return row?.n ?? 0;
}

// ---- product checks and objections ----

export async function listProductChecks(
  db: Executor,
  scope: SupervisionScope,
  f: { status?: string | undefined; keyword?: string | undefined },
  page: PageRequest,
) {
  const where = and(
    regionScope(supervisionProductChecks.regionCode, scope.regionCode),
    scope.enterpriseId !== undefined
      ? scope.enterpriseId
        ? eq(supervisionProductChecks.enterpriseId, scope.enterpriseId)
        : sql`false`
      : undefined,
    f.status ? eq(supervisionProductChecks.status, f.status) : undefined,
    f.keyword
      ? or(
          ilike(supervisionProductChecks.enterpriseName, `%${escapeLike(f.keyword)}%`),
          ilike(supervisionProductChecks.product, `%${escapeLike(f.keyword)}%`),
        )
      : undefined,
  );
  return paged(
    db
      .select()
      .from(supervisionProductChecks)
      .where(where)
      .orderBy(desc(supervisionProductChecks.createdAt))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(supervisionProductChecks).where(where),
  );
}

export async function findProductCheck(db: Executor, id: string): Promise<ProductCheckRow | undefined> {
  const [row] = await db.select().from(supervisionProductChecks).where(eq(supervisionProductChecks.id, id)).limit(1);
  return row;
}

export async function insertProductCheck(db: Executor, row: typeof supervisionProductChecks.$inferInsert): Promise<void> {
  await db.insert(supervisionProductChecks).values(row);
}

export async function updateProductCheck(
  db: Executor,
  id: string,
  patch: Partial<typeof supervisionProductChecks.$inferInsert>,
): Promise<void> {
  await db.update(supervisionProductChecks).set(patch).where(eq(supervisionProductChecks.id, id));
}

export async function objectionsOf(db: Executor, checkIds: string[]): Promise<ObjectionRow[]> {
  return checkIds.length ? db.select().from(supervisionObjections).where(inArray(supervisionObjections.checkId, checkIds)) : [];
}

export async function insertObjection(db: Executor, row: typeof supervisionObjections.$inferInsert): Promise<void> {
  await db.insert(supervisionObjections).values(row);
}

export async function updateObjection(
  db: Executor,
  checkId: string,
  patch: Partial<typeof supervisionObjections.$inferInsert>,
): Promise<void> {
  await db.update(supervisionObjections).set(patch).where(eq(supervisionObjections.checkId, checkId));
}

// ---- rectifications and history ----

export async function listRectifications(
  db: Executor,
  scope: SupervisionScope,
  f: { status?: string | undefined; keyword?: string | undefined },
  page: PageRequest,
) {
  const where = and(
    regionScope(supervisionRectifications.regionCode, scope.regionCode),
    scope.enterpriseId !== undefined
      ? scope.enterpriseId
        ? eq(supervisionRectifications.enterpriseId, scope.enterpriseId)
        : sql`false`
      : undefined,
    f.status ? eq(supervisionRectifications.status, f.status) : undefined,
    f.keyword ? ilike(supervisionRectifications.enterpriseName, `%${escapeLike(f.keyword)}%`) : undefined,
  );
  return paged(
    db
      .select()
      .from(supervisionRectifications)
      .where(where)
      .orderBy(desc(supervisionRectifications.createdAt))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(supervisionRectifications).where(where),
  );
}

export async function findRectification(db: Executor, id: string): Promise<RectificationRow | undefined> {
  const [row] = await db.select().from(supervisionRectifications).where(eq(supervisionRectifications.id, id)).limit(1);
  return row;
}

export async function rectificationIdsOf(db: Executor, sourceIds: string[]): Promise<Map<string, string>> {
  if (sourceIds.length === 0) return new Map();
  const rows = await db
    .select({ id: supervisionRectifications.id, sourceId: supervisionRectifications.sourceId })
    .from(supervisionRectifications)
    .where(inArray(supervisionRectifications.sourceId, sourceIds));
  return new Map(rows.map((r) => [r.sourceId, r.id]));
}

export async function insertRectification(db: Executor, row: typeof supervisionRectifications.$inferInsert): Promise<void> {
  await db.insert(supervisionRectifications).values(row);
}

export async function updateRectification(
  db: Executor,
  id: string,
  patch: Partial<typeof supervisionRectifications.$inferInsert>,
): Promise<void> {
  await db.update(supervisionRectifications).set(patch).where(eq(supervisionRectifications.id, id));
}

export async function insertHistory(db: Executor, row: typeof supervisionHistory.$inferInsert): Promise<void> {
  await db.insert(supervisionHistory).values(row);
}

export async function historyOf(db: Executor, entityId: string): Promise<HistoryRow[]> {
  return db
    .select()
    .from(supervisionHistory)
    .where(eq(supervisionHistory.entityId, entityId))
    .orderBy(asc(supervisionHistory.at), asc(supervisionHistory.id));
}

// ---- signals ----

export async function listSignals(
  db: Executor,
  scopeRegion: string,
  f: { status?: string | undefined; keyword?: string | undefined },
  page: PageRequest,
) {
  const where = and(
    regionScope(supervisionSignals.regionCode, scopeRegion),
    f.status ? eq(supervisionSignals.status, f.status) : undefined,
    f.keyword
      ? or(
          ilike(supervisionSignals.product, `%${escapeLike(f.keyword)}%`),
          ilike(supervisionSignals.hazard, `%${escapeLike(f.keyword)}%`),
        )
      : undefined,
  );
  return paged(
    db
      .select()
      .from(supervisionSignals)
      .where(where)
      .orderBy(desc(supervisionSignals.createdAt))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(supervisionSignals).where(where),
  );
}

export async function findSignal(db: Executor, id: string): Promise<SignalRow | undefined> {
  const [row] = await db.select().from(supervisionSignals).where(eq(supervisionSignals.id, id)).limit(1);
  return row;
}

export async function insertSignal(db: Executor, row: typeof supervisionSignals.$inferInsert): Promise<void> {
  await db.insert(supervisionSignals).values(row);
}

export async function updateSignal(
  db: Executor,
  id: string,
  patch: Partial<typeof supervisionSignals.$inferInsert>,
): Promise<void> {
  await db.update(supervisionSignals).set(patch).where(eq(supervisionSignals.id, id));
}

// ---- publication ----

/**
 * One page of published inspection results, newest first, by keyset on (published_at, id): the
 * cost of a page does not grow with how deep it is (the partial index serves it).
 */
export async function publishedInspections(db: Executor, after: { at: Date; id: string } | null, limit: number) {
  const t = supervisionInspections;
  return db
    .select({
      id: t.id,
      code: t.code,
      planName: supervisionPlans.name,
      enterpriseName: t.enterpriseName,
      creditCode: t.creditCode,
      inspectedOn: t.inspectedOn,
      result: t.result,
      publishedAt: t.publishedAt,
    })
    .from(t)
    .innerJoin(supervisionPlans, eq(supervisionPlans.id, t.planId))
    .where(
      and(
        isNotNull(t.publishedAt),
        after ? sql`(${t.publishedAt}, ${t.id}) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(t.publishedAt), desc(t.id))
    .limit(limit);
}

export async function publishedProductChecks(db: Executor, after: { at: Date; id: string } | null, limit: number) {
  const t = supervisionProductChecks;
  return db
    .select()
    .from(t)
    .where(
      and(
        isNotNull(t.publishedAt),
        after ? sql`(${t.publishedAt}, ${t.id}) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(t.publishedAt), desc(t.id))
    .limit(limit);
}

/** Unpublished results whose due date is before `today`, and undecided objections past theirs. */
export async function overdueItems(db: Executor, scopeRegion: string, today: string) {
  const i = supervisionInspections;
  const p = supervisionProductChecks;
  const o = supervisionObjections;
  const [inspections, checks, objections] = await Promise.all([
    db
      .select({
        id: i.id,
        code: i.code,
        enterpriseName: i.enterpriseName,
        dueOn: i.publicationDueOn,
        flaggedAt: i.overdueFlaggedAt,
      })
      .from(i)
      .where(and(regionScope(i.regionCode, scopeRegion), isNull(i.publishedAt), lt(i.publicationDueOn, today)))
      .orderBy(asc(i.publicationDueOn)),
    db
      .select({
        id: p.id,
        code: p.code,
        enterpriseName: p.enterpriseName,
        dueOn: p.publicationDueOn,
        flaggedAt: p.overdueFlaggedAt,
      })
      .from(p)
      .where(and(regionScope(p.regionCode, scopeRegion), isNull(p.publishedAt), lt(p.publicationDueOn, today)))
      .orderBy(asc(p.publicationDueOn)),
    db
      .select({ id: p.id, code: p.code, enterpriseName: p.enterpriseName, dueOn: o.decisionDueOn, flaggedAt: o.overdueFlaggedAt })
      .from(o)
      .innerJoin(p, eq(p.id, o.checkId))
      .where(and(regionScope(o.regionCode, scopeRegion), isNull(o.decision), lt(o.decisionDueOn, today)))
      .orderBy(asc(o.decisionDueOn)),
  ]);
  return { inspections, checks, objections };
}

/**
 * Marks newly overdue items once (only rows not flagged yet), so a re-run or a second instance
 * changes nothing: returns what it marked now, for notices.
 */
export async function flagOverdue(db: Executor, today: string, at: Date) {
  const inspections = await db
    .update(supervisionInspections)
    .set({ overdueFlaggedAt: at })
    .where(
      and(
        isNull(supervisionInspections.publishedAt),
        lt(supervisionInspections.publicationDueOn, today),
        isNull(supervisionInspections.overdueFlaggedAt),
      ),
    )
    .returning({
      id: supervisionInspections.id,
      code: supervisionInspections.code,
      regionCode: supervisionInspections.regionCode,
      enterpriseName: supervisionInspections.enterpriseName,
      // Who ran the plan is told (set below from the plan).
      responsible: sql<string | null>`(select created_by from supervision_plans p where p.id = ${supervisionInspections.planId})`,
    });
  const checks = await db
    .update(supervisionProductChecks)
    .set({ overdueFlaggedAt: at })
    .where(
      and(
        isNull(supervisionProductChecks.publishedAt),
        lt(supervisionProductChecks.publicationDueOn, today),
        isNull(supervisionProductChecks.overdueFlaggedAt),
      ),
    )
    .returning({
      id: supervisionProductChecks.id,
      code: supervisionProductChecks.code,
      regionCode: supervisionProductChecks.regionCode,
      enterpriseName: supervisionProductChecks.enterpriseName,
      responsible: supervisionProductChecks.createdBy,
    });
  const objections = await db
    .update(supervisionObjections)
    .set({ overdueFlaggedAt: at })
    .where(
      and(
        isNull(supervisionObjections.decision),
        lt(supervisionObjections.decisionDueOn, today),
        isNull(supervisionObjections.overdueFlaggedAt),
      ),
    )
    .returning({
      id: supervisionObjections.checkId,
      regionCode: supervisionObjections.regionCode,
      responsible: sql<
        string | null
      >`(select created_by from supervision_product_checks c where c.id = ${supervisionObjections.checkId})`,
    });
  return { inspections, checks, objections };
}

// ---- rectification evidence files ----

export async function linkRectificationFile(db: Executor, rectificationId: string, fileId: string, at: Date): Promise<void> {
  await db.insert(supervisionRectificationFiles).values({ rectificationId, fileId, createdAt: at });
}

export async function rectificationFileIds(db: Executor, rectificationIds: string[]) {
  if (rectificationIds.length === 0) return [];
  return db
    .select()
    .from(supervisionRectificationFiles)
    .where(inArray(supervisionRectificationFiles.rectificationId, rectificationIds))
    .orderBy(asc(supervisionRectificationFiles.createdAt));
}
