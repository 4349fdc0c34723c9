import { and, asc, count, desc, eq, getTableColumns, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { OrganizationKind } from '@qd/core';
import type { Executor } from '../../platform/db/database.js';
import { escapeLike, keywordCondition, listTotal, type ListTotal } from '../../platform/db/keyword-search.js';
import { regionScope } from '../../platform/db/region-scope.js';
import { contacts, experts, organizations, regions } from './registry.tables.js';

export type RegionRow = typeof regions.$inferSelect;
/** An organization as read: every column but the search grams (index material, never shown). */
export type OrganizationRow = Omit<typeof organizations.$inferSelect, 'searchGrams'>;
const { searchGrams: _grams, ...organizationColumns } = getTableColumns(organizations);
export type OrganizationInsert = typeof organizations.$inferInsert;
export type ContactRow = typeof contacts.$inferSelect;
export type ExpertRow = typeof experts.$inferSelect;

/** Where a caller may look: a region subtree, optionally narrowed to one organization. */
export interface RegistryScope {
  regionCode: string;
  organizationId?: string | null;
}

function scopeConditions(
  scope: RegistryScope,
  regionColumn: typeof organizations.regionCode,
  idColumn?: typeof organizations.id,
): SQL[] {
  const conditions = [regionScope(regionColumn, scope.regionCode)];
  if (scope.organizationId !== undefined && idColumn) {
    // An organization-bound caller without an organization sees nothing, not everything.
    conditions.push(scope.organizationId ? eq(idColumn, scope.organizationId) : sql`false`);
  }
  return conditions;
}

// ---- regions ----

export async function listRegions(db: Executor, scopeRegion: string): Promise<RegionRow[]> {
  return db.select().from(regions).where(regionScope(regions.code, scopeRegion)).orderBy(asc(regions.code));
}

export async function findRegion(db: Executor, code: string): Promise<RegionRow | undefined> {
  const [row] = await db.select().from(regions).where(eq(regions.code, code)).limit(1);
  return row;
}

export async function insertRegions(db: Executor, rows: RegionRow[]): Promise<void> {
  if (rows.length) await db.insert(regions).values(rows).onConflictDoNothing();
}

// ---- organizations ----

export interface OrganizationFilter {
  kind: OrganizationKind;
  scope: RegistryScope;
  keyword?: string | undefined;
  status?: string | undefined;
  regionCode?: string | undefined;
  industrySection?: string | undefined;
  size?: string | undefined;
  nqiCategory?: string | undefined;
  inLeadershipGroup?: boolean | undefined;
}

/** Name contains the keyword, or the credit code starts with it. */
const ORGANIZATION_SEARCH = {
  grams: organizations.searchGrams,
  contains: [organizations.name],
  prefixes: [organizations.creditCode],
};

export const ORGANIZATION_SORT_FIELDS = ['name', 'creditCode', 'createdAt', 'foundedOn', 'regionCode'] as const;
export type OrganizationSortField = (typeof ORGANIZATION_SORT_FIELDS)[number];

function organizationWhere(f: OrganizationFilter): SQL | undefined {
  const conditions: SQL[] = [
    eq(organizations.kind, f.kind),
    ...scopeConditions(f.scope, organizations.regionCode, organizations.id),
  ];
  const keyword = keywordCondition(ORGANIZATION_SEARCH, f.keyword);
  if (keyword) conditions.push(keyword);
  if (f.status) conditions.push(eq(organizations.status, f.status as OrganizationRow['status']));
  if (f.regionCode) conditions.push(regionScope(organizations.regionCode, f.regionCode));
  if (f.industrySection) conditions.push(eq(organizations.industrySection, f.industrySection));
  if (f.size) conditions.push(eq(organizations.size, f.size));
  if (f.nqiCategory) conditions.push(sql`${f.nqiCategory} = any(${organizations.nqiCategories})`);
  if (f.inLeadershipGroup !== undefined) conditions.push(eq(organizations.inLeadershipGroup, f.inLeadershipGroup));
  return and(...conditions);
}

export type OrganizationWithRegion = OrganizationRow & { regionName: string | null };

export async function listOrganizations(
  db: Executor,
  filter: OrganizationFilter,
  page: { offset: number; limit: number; sortField: OrganizationSortField; desc: boolean; exactTotal?: boolean },
): Promise<{ rows: OrganizationWithRegion[] } & ListTotal> {
  const where = organizationWhere(filter);
  const column = organizations[page.sortField];
  const [rows, total] = await Promise.all([
    db
      .select({ organization: organizationColumns, regionName: regions.name })
      .from(organizations)
      .leftJoin(regions, eq(regions.code, organizations.regionCode))
      .where(where)
      .orderBy(page.desc ? desc(column) : asc(column), asc(organizations.id))
      .limit(page.limit)
      .offset(page.offset),
    listTotal(db, organizations, where, page.exactTotal),
  ]);
  return { rows: rows.map((r) => ({ ...r.organization, regionName: r.regionName })), ...total };
}

/** Every row matching the filter, in name order, up to `limit` (for exports). */
export async function allOrganizations(
  db: Executor,
  filter: OrganizationFilter,
  limit: number,
): Promise<OrganizationWithRegion[]> {
  const rows = await db
    .select({ organization: organizationColumns, regionName: regions.name })
    .from(organizations)
    .leftJoin(regions, eq(regions.code, organizations.regionCode))
    .where(organizationWhere(filter))
    .orderBy(asc(organizations.name), asc(organizations.id))
    .limit(limit);
  return rows.map((r) => ({ ...r.organization, regionName: r.regionName }));
}

export async function countOrganizations(db: Executor, filter: OrganizationFilter): Promise<number> {
  const [row] = await db.select({ n: count() }).from(organizations).where(organizationWhere(filter));
  return row?.n ?? 0;
}

export async function findOrganization(db: Executor, id: string): Promise<OrganizationWithRegion | undefined> {
  const [row] = await db
    .select({ organization: organizationColumns, regionName: regions.name })
    .from(organizations)
    .leftJoin(regions, eq(regions.code, organizations.regionCode))
    .where(eq(organizations.id, id))
    .limit(1);
  return row ? { ...row.organization, regionName: row.regionName } : undefined;
}

export async function insertOrganization(db: Executor, row: OrganizationInsert): Promise<void> {
  await db.insert(organizations).values(row);
}

export async function updateOrganization(db: Executor, id: string, patch: Partial<OrganizationInsert>): Promise<void> {
  await db.update(organizations).set(patch).where(eq(organizations.id, id));
}

export async function existingCreditCodes(db: Executor, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const found = new Set<string>();
  // In slices: a 100k-row import must not build one enormous parameter list.
  for (let i = 0; i < codes.length; i += 5000) {
    const rows = await db
      .select({ code: organizations.creditCode })
      .from(organizations)
      .where(inArray(organizations.creditCode, codes.slice(i, i + 5000)));
    for (const r of rows) if (r.code) found.add(r.code);
  }
  return found;
}

/**
 * Bulk insert of enterprises with one `unnest` statement per slice (ARCHITECTURE §5: bulk
 * loads never go row by row). Columns travel as parallel arrays.
 */
export async function bulkInsertEnterprises(db: Executor, rows: OrganizationInsert[]): Promise<void> {
  const SLICE = 10_000;
  for (let i = 0; i < rows.length; i += SLICE) {
    const part = rows.slice(i, i + SLICE);
    // sql.param keeps each JS array one parameter (a PostgreSQL array), not a list of parameters.
    const col = <K extends keyof OrganizationInsert>(k: K) => sql.param(part.map((r) => (r[k] ?? null) as unknown));
    const now = new Date().toISOString();
    await db.execute(sql`
      insert into organizations (id, kind, region_code, name, credit_code, address, status, industry_section,
        industry_code, size, founded_on, legal_representative, main_products, created_at, updated_at)
      select id, 'enterprise', region_code, name, credit_code, address, status, industry_section, industry_code,
        size, founded_on::date, legal_representative, main_products, ${now}::timestamptz, ${now}::timestamptz
      from unnest(
        ${col('id')}::uuid[], ${col('regionCode')}::text[], ${col('name')}::text[], ${col('creditCode')}::text[],
        ${col('address')}::text[], ${col('status')}::text[], ${col('industrySection')}::text[],
        ${col('industryCode')}::text[], ${col('size')}::text[], ${col('foundedOn')}::text[],
        ${col('legalRepresentative')}::text[], ${col('mainProducts')}::text[]
      ) as t(id, region_code, name, credit_code, address, status, industry_section, industry_code, size,
        founded_on, legal_representative, main_products)`);
  }
}

export async function countByKind(db: Executor, scope: RegistryScope): Promise<Record<string, number>> {
  const rows = await db
    .select({ kind: organizations.kind, n: count() })
    .from(organizations)
    .where(and(...scopeConditions(scope, organizations.regionCode, organizations.id), eq(organizations.status, 'active')))
    .groupBy(organizations.kind);
  return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
}

export async function countLeadershipMembers(db: Executor, scope: RegistryScope): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(organizations)
    .where(
      and(
        ...scopeConditions(scope, organizations.regionCode, organizations.id),
        eq(organizations.kind, 'department'),
        eq(organizations.inLeadershipGroup, true),
      ),
    );
  return row?.n ?? 0;
}

export async function enterprisesBySection(db: Executor, scope: RegistryScope): Promise<{ section: string; count: number }[]> {
  const rows = await db
    .select({ section: organizations.industrySection, count: count() })
    .from(organizations)
    .where(
      and(
        ...scopeConditions(scope, organizations.regionCode, organizations.id),
        eq(organizations.kind, 'enterprise'),
        eq(organizations.status, 'active'),
      ),
    )
    .groupBy(organizations.industrySection)
    .orderBy(desc(count()));
  return rows.map((r) => ({ section: r.section ?? '-', count: r.count }));
}

// ---- contacts ----

export async function listContacts(db: Executor, organizationId: string): Promise<ContactRow[]> {
  return db
    .select()
    .from(contacts)
    .where(and(eq(contacts.organizationId, organizationId), eq(contacts.status, 'active')))
    .orderBy(desc(contacts.isPrimary), asc(contacts.createdAt));
}

export async function findContact(db: Executor, id: string): Promise<ContactRow | undefined> {
  const [row] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.id, id), eq(contacts.status, 'active')))
    .limit(1);
  return row;
}

export async function insertContact(db: Executor, row: typeof contacts.$inferInsert): Promise<void> {
  await db.insert(contacts).values(row);
}

export async function updateContact(db: Executor, id: string, patch: Partial<typeof contacts.$inferInsert>): Promise<void> {
  await db.update(contacts).set(patch).where(eq(contacts.id, id));
}

export async function clearPrimaryContact(db: Executor, organizationId: string): Promise<void> {
  await db.update(contacts).set({ isPrimary: false }).where(eq(contacts.organizationId, organizationId));
}

// ---- experts ----

export interface ExpertFilter {
  scopeRegion: string;
  keyword?: string | undefined;
  status?: string | undefined;
  industrySection?: string | undefined;
  onlyId?: string | null | undefined;
}

export const EXPERT_SORT_FIELDS = ['name', 'createdAt'] as const;

function expertWhere(f: ExpertFilter): SQL | undefined {
  const conditions: SQL[] = [regionScope(experts.regionCode, f.scopeRegion)];
  if (f.onlyId !== undefined) conditions.push(f.onlyId ? eq(experts.userId, f.onlyId) : sql`false`);
  if (f.keyword) {
    const like = `%${escapeLike(f.keyword)}%`;
    conditions.push(
      or(
        ilike(experts.name, like),
        ilike(experts.affiliationName, like),
        sql`array_to_string(${experts.specialties}, ' ') ilike ${like}`,
      )!,
    );
  }
  if (f.status) conditions.push(eq(experts.status, f.status as ExpertRow['status']));
  if (f.industrySection) conditions.push(sql`${f.industrySection} = any(${experts.industrySections})`);
  return and(...conditions);
}

export async function listExperts(
  db: Executor,
  filter: ExpertFilter,
  page: { offset: number; limit: number; sortField: (typeof EXPERT_SORT_FIELDS)[number]; desc: boolean },
): Promise<{ rows: ExpertRow[]; total: number }> {
  const where = expertWhere(filter);
  const column = experts[page.sortField];
  const [rows, [totalRow]] = await Promise.all([
    db
      .select()
      .from(experts)
      .where(where)
      .orderBy(page.desc ? desc(column) : asc(column), asc(experts.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(experts).where(where),
  ]);
  return { rows, total: totalRow?.n ?? 0 };
}

export async function countExperts(db: Executor, scopeRegion: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(experts)
    .where(and(regionScope(experts.regionCode, scopeRegion), eq(experts.status, 'active')));
  return row?.n ?? 0;
}

export async function findExpert(db: Executor, id: string): Promise<ExpertRow | undefined> {
  const [row] = await db.select().from(experts).where(eq(experts.id, id)).limit(1);
  return row;
}

export async function insertExpert(db: Executor, row: typeof experts.$inferInsert): Promise<void> {
  await db.insert(experts).values(row);
}

export async function updateExpert(db: Executor, id: string, patch: Partial<typeof experts.$inferInsert>): Promise<void> {
  await db.update(experts).set(patch).where(eq(experts.id, id));
}

// ---- for the services module: the NQI station's institutions ----

/** Active institutions within a region's subtree, optionally only those serving a category. */
export async function listActiveInstitutions(
  db: Executor,
  scopeRegion: string,
  category?: string,
): Promise<{ id: string; name: string; regionCode: string; nqiCategories: string[] }[]> {
  return db
    .select({
      id: organizations.id,
      name: organizations.name,
      regionCode: organizations.regionCode,
      nqiCategories: organizations.nqiCategories,
    })
    .from(organizations)
    .where(
      and(
        eq(organizations.kind, 'institution'),
        eq(organizations.status, 'active'),
        regionScope(organizations.regionCode, scopeRegion),
        category ? sql`${category} = any(${organizations.nqiCategories})` : undefined,
      ),
    )
    .orderBy(asc(organizations.name));
}

// ---- for the supervision module's target directory ----

export interface DirectoryEnterpriseRow {
  id: string;
  regionCode: string;
  name: string;
  creditCode: string | null;
  industrySection: string | null;
  mainProducts: string | null;
  status: string;
}

/** Every enterprise in a region subtree with what a supervision target directory copies. */
export async function enterprisesForDirectory(db: Executor, scopeRegion: string): Promise<DirectoryEnterpriseRow[]> {
  return db
    .select({
      id: organizations.id,
      regionCode: organizations.regionCode,
      name: organizations.name,
      creditCode: organizations.creditCode,
      industrySection: organizations.industrySection,
      mainProducts: organizations.mainProducts,
      status: organizations.status,
    })
    .from(organizations)
    .where(and(eq(organizations.kind, 'enterprise'), regionScope(organizations.regionCode, scopeRegion)))
    .orderBy(asc(organizations.id));
}

/** Names of organizations by id (for labels such as an inspector's unit). */
export async function organizationNamesByIds(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(inArray(organizations.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The departments of a region's subtree, leadership-group members first (for the governance module). */
export async function listDepartmentsInRegion(db: Executor, scopeRegion: string): Promise<OrganizationRow[]> {
  return db
    .select(organizationColumns)
    .from(organizations)
    .where(and(eq(organizations.kind, 'department'), regionScope(organizations.regionCode, scopeRegion)))
    .orderBy(desc(organizations.inLeadershipGroup), asc(organizations.createdAt), asc(organizations.id));
}

// ---- for the awards module (appended) ----

/** Active experts of a region subtree, with the ties the award conflict checks read. */
export async function activeExpertsIn(db: Executor, scopeRegion: string): Promise<ExpertRow[]> {
  return db
    .select()
    .from(experts)
    .where(and(regionScope(experts.regionCode, scopeRegion), eq(experts.status, 'active')))
    .orderBy(asc(experts.id));
}

export async function findExpertByUser(db: Executor, userId: string): Promise<ExpertRow | undefined> {
  const [row] = await db.select().from(experts).where(eq(experts.userId, userId)).limit(1);
  return row;
}

export async function findExpertsByIds(db: Executor, ids: string[]): Promise<ExpertRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(experts).where(inArray(experts.id, ids));
}

export async function findOrganizationsByIds(db: Executor, ids: string[]): Promise<OrganizationRow[]> {
  if (ids.length === 0) return [];
  return db.select(organizationColumns).from(organizations).where(inArray(organizations.id, ids));
}
