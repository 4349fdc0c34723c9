import { and, asc, count, desc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { TaskState } from '@qd/core';
import type { Executor } from '../../platform/db/database.js';
import { regionScope } from '../../platform/db/region-scope.js';
import { resolutions, taskAttachments, taskHistory, taskProgress, taskSignals, tasks } from './governance.tables.js';

export type TaskRow = typeof tasks.$inferSelect;
export type TaskInsert = typeof tasks.$inferInsert;
export type ProgressRow = typeof taskProgress.$inferSelect;

const OPEN: TaskState[] = ['assigned', 'in_progress', 'submitted', 'returned'];

export interface TaskFilter {
  scopeRegion: string;
  /** A department user's own department: tasks it leads or supports. */
  departmentScope?: string;
  departmentId?: string;
  state?: TaskState;
  /** Open and past the deadline on `today`. */
  overdue?: boolean;
  year?: number;
  keyword?: string;
  resolutionIds?: string[];
  today: string;
}

function involves(departmentId: string): SQL {
  return or(eq(tasks.leadDepartmentId, departmentId), sql`${departmentId}::uuid = any(${tasks.supportingDepartmentIds})`)!;
}

function conditionsOf(f: TaskFilter): SQL | undefined {
  const c: (SQL | undefined)[] = [regionScope(tasks.regionCode, f.scopeRegion)];
  if (f.departmentScope) c.push(involves(f.departmentScope));
  if (f.departmentId) c.push(involves(f.departmentId));
  if (f.state) c.push(eq(tasks.state, f.state));
  if (f.year) c.push(eq(tasks.year, f.year));
  if (f.resolutionIds)
    c.push(inArray(tasks.resolutionId, f.resolutionIds.length ? f.resolutionIds : ['00000000-0000-0000-0000-000000000000']));
  if (f.keyword) c.push(or(sql`${tasks.title} ilike ${'%' + f.keyword + '%'}`, eq(tasks.code, f.keyword)));
  const overdue = and(inArray(tasks.state, OPEN), sql`${tasks.deadline} < ${f.today}`);
  if (f.overdue === true) c.push(overdue);
  if (f.overdue === false) c.push(sql`not (${overdue})`);
  return and(...c);
}

/** Overdue first (the most overdue on top), then by deadline. */
export async function listTasks(db: Executor, f: TaskFilter, page: { offset: number; limit: number }) {
  const where = conditionsOf(f);
  const overdueFirst = sql`case when ${tasks.state} in ('assigned', 'in_progress', 'submitted', 'returned') and ${tasks.deadline} < ${f.today} then 0 else 1 end`;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(tasks)
      .where(where)
      .orderBy(
        overdueFirst,
        sql`case when ${tasks.state} in ('closed', 'cancelled') then 1 else 0 end`,
        asc(tasks.deadline),
        asc(tasks.code),
      )
      .offset(page.offset)
      .limit(page.limit),
    db.select({ n: count() }).from(tasks).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Task counts by lead department and state, with the overdue ones counted apart. */
export async function taskBoard(db: Executor, f: TaskFilter) {
  return db
    .select({
      departmentId: tasks.leadDepartmentId,
      state: tasks.state,
      n: sql<number>`count(*)::int`,
      overdue: sql<number>`count(*) filter (where ${tasks.state} in ('assigned', 'in_progress', 'submitted', 'returned') and ${tasks.deadline} < ${f.today})::int`,
    })
    .from(tasks)
    .where(conditionsOf(f))
    .groupBy(tasks.leadDepartmentId, tasks.state);
}

export async function findTask(db: Executor, id: string): Promise<TaskRow | undefined> {
  const [row] = await db.select().from(tasks).where(eq(tasks.id, id)).limit(1);
  return row;
}

export async function lockTask(db: Executor, id: string): Promise<TaskRow | undefined> {
  const [row] = await db.select().from(tasks).where(eq(tasks.id, id)).for('update').limit(1);
  return row;
}

export async function countTasksOfYear(db: Executor, regionCode: string, year: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(tasks)
    .where(and(eq(tasks.regionCode, regionCode), eq(tasks.year, year)));
  return row?.n ?? 0;
}

export async function insertTasks(db: Executor, rows: TaskInsert[]): Promise<void> {
  if (rows.length) await db.insert(tasks).values(rows);
}

export async function updateTask(db: Executor, id: string, patch: Partial<TaskInsert>): Promise<void> {
  await db.update(tasks).set(patch).where(eq(tasks.id, id));
}

export async function insertTaskHistory(db: Executor, row: typeof taskHistory.$inferInsert): Promise<void> {
  await db.insert(taskHistory).values(row);
}

export async function listTaskHistory(db: Executor, taskId: string) {
  return db.select().from(taskHistory).where(eq(taskHistory.taskId, taskId)).orderBy(asc(taskHistory.at));
}

export async function insertProgress(db: Executor, row: typeof taskProgress.$inferInsert): Promise<void> {
  await db.insert(taskProgress).values(row);
}

export async function listProgress(db: Executor, taskId: string): Promise<ProgressRow[]> {
  return db.select().from(taskProgress).where(eq(taskProgress.taskId, taskId)).orderBy(desc(taskProgress.reportedAt));
}

export async function listSignals(db: Executor, taskId: string) {
  return db.select().from(taskSignals).where(eq(taskSignals.taskId, taskId)).orderBy(asc(taskSignals.sentAt));
}

/** Open tasks of every region whose deadline is on or before `until` (the follow-up job's work list). */
export async function openTasksDueBy(db: Executor, until: string): Promise<TaskRow[]> {
  return db
    .select()
    .from(tasks)
    .where(and(inArray(tasks.state, OPEN), sql`${tasks.deadline} <= ${until}`))
    .orderBy(asc(tasks.deadline));
}

/**
 * Records a reminder or escalation unless one with the same key exists; true when this call
 * recorded it (and so must notify).
 */
export async function recordSignal(db: Executor, row: typeof taskSignals.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(taskSignals).values(row).onConflictDoNothing().returning({ id: taskSignals.id });
  return inserted.length > 0;
}

export async function resolutionCodes(db: Executor, ids: string[]): Promise<Map<string, { code: string; meetingId: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: resolutions.id, code: resolutions.code, meetingId: resolutions.meetingId })
    .from(resolutions)
    .where(inArray(resolutions.id, ids));
  return new Map(rows.map((r) => [r.id, { code: r.code, meetingId: r.meetingId }]));
}

// ---- figures for the assessment's data sources and the yearly report ----

/**
 * Per lead department, the year's tasks that are due by `asOf` or closed: how many were closed on
 * or before their deadline, and the codes of those that were not (the evidence).
 */
export async function closedOnTimeByDepartment(
  db: Executor,
  regionCode: string,
  year: number,
  departmentIds: string[],
  asOf: string,
) {
  if (departmentIds.length === 0) return [];
  const onTime = sql`${tasks.state} = 'closed' and ${tasks.closedOn} <= ${tasks.deadline}`;
  return db
    .select({
      departmentId: tasks.leadDepartmentId,
      due: sql<number>`count(*)::int`,
      onTime: sql<number>`count(*) filter (where ${onTime})::int`,
      late: sql<string[]>`coalesce((array_agg(${tasks.code} order by ${tasks.code}) filter (where not (${onTime})))[1:20], '{}')`,
    })
    .from(tasks)
    .where(
      and(
        regionScope(tasks.regionCode, regionCode),
        eq(tasks.year, year),
        ne(tasks.state, 'cancelled'),
        or(sql`${tasks.deadline} <= ${asOf}`, eq(tasks.state, 'closed')),
        inArray(tasks.leadDepartmentId, departmentIds),
      ),
    )
    .groupBy(tasks.leadDepartmentId);
}

/** Per lead department, the year's tasks due by `asOf`: with a progress report by the deadline, and the codes without. */
export async function progressOnTimeByDepartment(
  db: Executor,
  regionCode: string,
  year: number,
  departmentIds: string[],
  asOf: string,
) {
  if (departmentIds.length === 0) return [];
  const reported = sql`exists (select 1 from ${taskProgress} p where p.task_id = ${tasks.id} and p.department_id = ${tasks.leadDepartmentId} and p.reported_on <= ${tasks.deadline})`;
  return db
    .select({
      departmentId: tasks.leadDepartmentId,
      due: sql<number>`count(*)::int`,
      reported: sql<number>`count(*) filter (where ${reported})::int`,
      missing: sql<
        string[]
      >`coalesce((array_agg(${tasks.code} order by ${tasks.code}) filter (where not (${reported})))[1:20], '{}')`,
    })
    .from(tasks)
    .where(
      and(
        regionScope(tasks.regionCode, regionCode),
        eq(tasks.year, year),
        ne(tasks.state, 'cancelled'),
        sql`${tasks.deadline} <= ${asOf}`,
        inArray(tasks.leadDepartmentId, departmentIds),
      ),
    )
    .groupBy(tasks.leadDepartmentId);
}

/** The year's task totals for the yearly report and the overview. */
export async function taskYearFigures(db: Executor, regionCode: string, year: number, today: string) {
  const [row] = await db
    .select({
      total: sql<number>`count(*) filter (where ${tasks.state} <> 'cancelled')::int`,
      closed: sql<number>`count(*) filter (where ${tasks.state} = 'closed')::int`,
      closedOnTime: sql<number>`count(*) filter (where ${tasks.state} = 'closed' and ${tasks.closedOn} <= ${tasks.deadline})::int`,
      due: sql<number>`count(*) filter (where ${tasks.state} = 'closed' or (${tasks.state} <> 'cancelled' and ${tasks.deadline} < ${today}))::int`,
      overdue: sql<number>`count(*) filter (where ${tasks.state} in ('assigned', 'in_progress', 'submitted', 'returned') and ${tasks.deadline} < ${today})::int`,
    })
    .from(tasks)
    .where(and(regionScope(tasks.regionCode, regionCode), eq(tasks.year, year)));
  return {
    total: row?.total ?? 0,
    closed: row?.closed ?? 0,
    closedOnTime: row?.closedOnTime ?? 0,
    due: row?.due ?? 0,
    overdue: row?.overdue ?? 0,
  };
}

export async function insertAttachment(db: Executor, row: typeof taskAttachments.$inferInsert): Promise<void> {
  await db.insert(taskAttachments).values(row);
}

export async function listAttachments(db: Executor, taskId: string) {
  return db.select().from(taskAttachments).where(eq(taskAttachments.taskId, taskId));
}

export async function findAttachment(db: Executor, taskId: string, fileId: string) {
  const [row] = await db
    .select()
    .from(taskAttachments)
    .where(and(eq(taskAttachments.taskId, taskId), eq(taskAttachments.fileId, fileId)))
    .limit(1);
  return row;
}
