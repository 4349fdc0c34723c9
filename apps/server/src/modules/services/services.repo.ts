import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { regionScope } from '../../platform/db/region-scope.js';
import {
  serviceApiClients,
  serviceAssignments,
  serviceCatalogue,
  serviceRequestAttachments,
  serviceRequestCounters,
  serviceRequestEvents,
  serviceRequests,
} from './services.tables.js';

export type CatalogueRow = typeof serviceCatalogue.$inferSelect;
export type RequestRow = typeof serviceRequests.$inferSelect;
export type RequestInsert = typeof serviceRequests.$inferInsert;
export type AssignmentRow = typeof serviceAssignments.$inferSelect;
export type EventRow = typeof serviceRequestEvents.$inferSelect;
export type EventInsert = typeof serviceRequestEvents.$inferInsert;
export type ApiClientRow = typeof serviceApiClients.$inferSelect;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

interface Paging {
  offset: number;
  limit: number;
}

// ---- catalogue ----

export interface CatalogueFilter {
  regionCode: string;
  category?: string | undefined;
  status?: string | undefined;
  keyword?: string | undefined;
}

function catalogueWhere(f: CatalogueFilter): SQL | undefined {
  return and(
    regionScope(serviceCatalogue.regionCode, f.regionCode),
    f.category ? eq(serviceCatalogue.category, f.category) : undefined,
    f.status ? eq(serviceCatalogue.status, f.status as 'active') : undefined,
    f.keyword
      ? or(ilike(serviceCatalogue.name, `%${escapeLike(f.keyword)}%`), ilike(serviceCatalogue.code, `${escapeLike(f.keyword)}%`))
      : undefined,
  );
}

export async function listCatalogue(
  db: Executor,
  f: CatalogueFilter,
  page: Paging,
): Promise<{ rows: CatalogueRow[]; total: number }> {
  const where = catalogueWhere(f);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(serviceCatalogue)
      .where(where)
      .orderBy(asc(serviceCatalogue.category), asc(serviceCatalogue.code))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(serviceCatalogue).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function findService(db: Executor, id: string): Promise<CatalogueRow | undefined> {
  const [row] = await db.select().from(serviceCatalogue).where(eq(serviceCatalogue.id, id)).limit(1);
  return row;
}

export async function findServiceByCode(db: Executor, scopeRegion: string, code: string): Promise<CatalogueRow | undefined> {
  const [row] = await db
    .select()
    .from(serviceCatalogue)
    .where(and(regionScope(serviceCatalogue.regionCode, scopeRegion), eq(serviceCatalogue.code, code)))
    .limit(1);
  return row;
}

export async function insertServices(db: Executor, rows: (typeof serviceCatalogue.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(serviceCatalogue).values(rows);
}

export async function updateService(
  db: Executor,
  id: string,
  patch: Partial<typeof serviceCatalogue.$inferInsert>,
): Promise<void> {
  await db.update(serviceCatalogue).set(patch).where(eq(serviceCatalogue.id, id));
}

// ---- request numbers ----

/** The next serial of a region and year; the row lock serializes concurrent submissions. */
export async function nextRequestSerial(tx: Executor, regionCode: string, year: number): Promise<number> {
  const [row] = await tx
    .insert(serviceRequestCounters)
    .values({ regionCode, year, last: 1 })
    .onConflictDoUpdate({
      target: [serviceRequestCounters.regionCode, serviceRequestCounters.year],
      set: { last: sql`${serviceRequestCounters.last} + 1` },
    })
    .returning({ last: serviceRequestCounters.last });
  return row!.last;
}

// ---- requests ----

/** Who may see which requests: a region subtree, narrowed to an enterprise or an institution. */
export interface RequestScope {
  regionCode: string;
  enterpriseId?: string | null;
  institutionId?: string | null;
}

const ACTIVE_ASSIGNMENT = ['pending', 'accepted', 'done'];

function scopeWhere(scope: RequestScope): SQL[] {
  const conditions: SQL[] = [regionScope(serviceRequests.regionCode, scope.regionCode)];
  if (scope.enterpriseId !== undefined) {
    conditions.push(scope.enterpriseId ? eq(serviceRequests.enterpriseId, scope.enterpriseId) : sql`false`);
  }
  if (scope.institutionId !== undefined) {
    conditions.push(
      scope.institutionId
        ? sql`exists (select 1 from ${serviceAssignments} a where a.request_id = ${serviceRequests.id}
            and a.institution_id = ${scope.institutionId} and a.status in ('pending', 'accepted', 'done'))`
        : sql`false`,
    );
  }
  return conditions;
}

export function isInScope(row: Pick<RequestRow, 'enterpriseId'>, scope: RequestScope, assignments: AssignmentRow[]): boolean {
  if (scope.enterpriseId !== undefined && (!scope.enterpriseId || row.enterpriseId !== scope.enterpriseId)) return false;
  if (
    scope.institutionId !== undefined &&
    !assignments.some((a) => a.institutionId === scope.institutionId && ACTIVE_ASSIGNMENT.includes(a.status))
  )
    return false;
  return true;
}

export interface RequestFilter {
  scope: RequestScope;
  state?: string | undefined;
  category?: string | undefined;
  /** Running steps past their deadline day (true) or not (false), as of `today`. */
  overdue?: boolean | undefined;
  today: string;
  keyword?: string | undefined;
}

export const REQUEST_SORT_FIELDS = ['submittedAt', 'stepDeadline', 'number'] as const;
export type RequestSortField = (typeof REQUEST_SORT_FIELDS)[number];

export interface RequestListRow extends RequestRow {
  serviceName: string;
  institutionNames: string[];
}

export async function listRequests(
  db: Executor,
  f: RequestFilter,
  page: Paging & { sortField: RequestSortField; desc: boolean },
): Promise<{ rows: RequestListRow[]; total: number }> {
  const where = and(
    ...scopeWhere(f.scope),
    f.state ? eq(serviceRequests.state, f.state) : undefined,
    f.category ? eq(serviceRequests.category, f.category) : undefined,
    f.overdue === true ? sql`${serviceRequests.step} is not null and ${serviceRequests.stepDeadline} < ${f.today}` : undefined,
    f.overdue === false
      ? sql`not (${serviceRequests.step} is not null and ${serviceRequests.stepDeadline} < ${f.today})`
      : undefined,
    f.keyword
      ? or(
          ilike(serviceRequests.number, `%${escapeLike(f.keyword)}%`),
          ilike(serviceRequests.enterpriseName, `%${escapeLike(f.keyword)}%`),
          ilike(serviceRequests.description, `%${escapeLike(f.keyword)}%`),
        )
      : undefined,
  );
  const column = {
    submittedAt: serviceRequests.submittedAt,
    stepDeadline: serviceRequests.stepDeadline,
    number: serviceRequests.number,
  }[page.sortField];
  const [rows, [total]] = await Promise.all([
    db
      .select({
        request: serviceRequests,
        serviceName: serviceCatalogue.name,
        institutionNames: sql<
          string[]
        >`coalesce((select array_agg(a.institution_name order by a.created_at) from ${serviceAssignments} a
          where a.request_id = ${serviceRequests.id} and a.status in ('pending', 'accepted', 'done')), '{}')`,
      })
      .from(serviceRequests)
      .innerJoin(serviceCatalogue, eq(serviceCatalogue.id, serviceRequests.serviceId))
      .where(where)
      .orderBy(
        // nulls last only where there are nulls (the deadline), so the other sorts read an index in order
        page.sortField === 'stepDeadline'
          ? page.desc
            ? sql`${column} desc nulls last`
            : sql`${column} asc nulls last`
          : page.desc
            ? desc(column)
            : asc(column),
        page.desc ? desc(serviceRequests.id) : asc(serviceRequests.id),
      )
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(serviceRequests).where(where),
  ]);
  return {
    rows: rows.map((r) => ({ ...r.request, serviceName: r.serviceName, institutionNames: r.institutionNames })),
    total: total?.n ?? 0,
  };
}

export async function findRequest(db: Executor, id: string): Promise<RequestRow | undefined> {
  const [row] = await db.select().from(serviceRequests).where(eq(serviceRequests.id, id)).limit(1);
  return row;
}

/** The request, locked for the rest of the transaction (two handlers acting at once queue up). */
export async function lockRequest(tx: Executor, id: string): Promise<RequestRow | undefined> {
  const [row] = await tx.select().from(serviceRequests).where(eq(serviceRequests.id, id)).for('update').limit(1);
  return row;
}

export async function findRequestByNumber(db: Executor, number: string): Promise<RequestRow | undefined> {
  const [row] = await db.select().from(serviceRequests).where(eq(serviceRequests.number, number)).limit(1);
  return row;
}

export async function insertRequest(db: Executor, row: RequestInsert): Promise<void> {
  await db.insert(serviceRequests).values(row);
}

export async function updateRequest(db: Executor, id: string, patch: Partial<RequestInsert>): Promise<void> {
  await db.update(serviceRequests).set(patch).where(eq(serviceRequests.id, id));
}

// ---- assignments and timeline ----

export async function listAssignments(db: Executor, requestId: string): Promise<AssignmentRow[]> {
  return db
    .select()
    .from(serviceAssignments)
    .where(eq(serviceAssignments.requestId, requestId))
    .orderBy(asc(serviceAssignments.createdAt), asc(serviceAssignments.id));
}

export async function insertAssignments(db: Executor, rows: (typeof serviceAssignments.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(serviceAssignments).values(rows);
}

export async function updateAssignment(
  db: Executor,
  id: string,
  patch: Partial<typeof serviceAssignments.$inferInsert>,
): Promise<void> {
  await db.update(serviceAssignments).set(patch).where(eq(serviceAssignments.id, id));
}

export async function insertEvents(db: Executor, rows: EventInsert[]): Promise<void> {
  if (rows.length) await db.insert(serviceRequestEvents).values(rows);
}

export async function listEvents(db: Executor, requestId: string): Promise<EventRow[]> {
  return db
    .select()
    .from(serviceRequestEvents)
    .where(eq(serviceRequestEvents.requestId, requestId))
    .orderBy(asc(serviceRequestEvents.at), asc(serviceRequestEvents.id));
}

/** Open assignments and the on-time record of each institution, for the dispatch proposal. */
export async function institutionLoads(
  db: Executor,
  institutionIds: string[],
): Promise<Map<string, { open: number; completed: number; onTime: number }>> {
  const out = new Map<string, { open: number; completed: number; onTime: number }>();
  if (institutionIds.length === 0) return out;
  const rows = await db
    .select({
      id: serviceAssignments.institutionId,
      open: sql<number>`count(*) filter (where ${serviceAssignments.status} in ('pending', 'accepted'))::int`,
      completed: sql<number>`count(*) filter (where ${serviceAssignments.status} = 'done')::int`,
      onTime: sql<number>`count(*) filter (where ${serviceAssignments.status} = 'done' and ${serviceAssignments.onTime})::int`,
    })
    .from(serviceAssignments)
    .where(inArray(serviceAssignments.institutionId, institutionIds))
    .groupBy(serviceAssignments.institutionId);
  for (const r of rows) out.set(r.id, { open: r.open, completed: r.completed, onTime: r.onTime });
  return out;
}

// ---- overdue marking ----

/** Running steps whose deadline day has passed and that are not yet marked. */
export async function findNewlyOverdue(db: Executor, today: string, limit: number): Promise<RequestRow[]> {
  return db
    .select()
    .from(serviceRequests)
    .where(
      and(
        sql`${serviceRequests.step} is not null`,
        sql`${serviceRequests.stepDeadline} < ${today}`,
        eq(serviceRequests.stepOverdue, false),
      ),
    )
    .orderBy(asc(serviceRequests.stepDeadline), asc(serviceRequests.id))
    .limit(limit);
}

/** Marks the step overdue unless it moved on meanwhile; true when this call marked it. */
export async function markOverdue(tx: Executor, id: string, step: string, deadline: string): Promise<boolean> {
  const rows = await tx
    .update(serviceRequests)
    .set({ stepOverdue: true })
    .where(
      and(
        eq(serviceRequests.id, id),
        eq(serviceRequests.step, step),
        eq(serviceRequests.stepDeadline, deadline),
        eq(serviceRequests.stepOverdue, false),
      ),
    )
    .returning({ id: serviceRequests.id });
  return rows.length > 0;
}

// ---- api clients ----

export async function insertApiClient(db: Executor, row: typeof serviceApiClients.$inferInsert): Promise<void> {
  await db.insert(serviceApiClients).values(row);
}

export async function listApiClients(db: Executor, scopeRegion: string): Promise<ApiClientRow[]> {
  return db
    .select()
    .from(serviceApiClients)
    .where(regionScope(serviceApiClients.regionCode, scopeRegion))
    .orderBy(desc(serviceApiClients.createdAt));
}

export async function findApiClient(db: Executor, id: string): Promise<ApiClientRow | undefined> {
  const [row] = await db.select().from(serviceApiClients).where(eq(serviceApiClients.id, id)).limit(1);
  return row;
}

export async function findApiClientByHash(db: Executor, keyHash: string): Promise<ApiClientRow | undefined> {
  const [row] = await db.select().from(serviceApiClients).where(eq(serviceApiClients.keyHash, keyHash)).limit(1);
  return row;
}

export async function updateApiClient(
  db: Executor,
  id: string,
  patch: Partial<typeof serviceApiClients.$inferInsert>,
): Promise<void> {
  await db.update(serviceApiClients).set(patch).where(eq(serviceApiClients.id, id));
}

// ---- attachments ----

export type AttachmentRow = typeof serviceRequestAttachments.$inferSelect;

export async function insertAttachment(db: Executor, row: typeof serviceRequestAttachments.$inferInsert): Promise<void> {
  await db.insert(serviceRequestAttachments).values(row);
}

export async function listAttachments(db: Executor, requestId: string): Promise<AttachmentRow[]> {
  return db
    .select()
    .from(serviceRequestAttachments)
    .where(eq(serviceRequestAttachments.requestId, requestId))
    .orderBy(asc(serviceRequestAttachments.createdAt), asc(serviceRequestAttachments.id));
}
