import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { regionScope } from '../../platform/db/region-scope.js';
import { meetingAttendance, meetingHistory, meetings, resolutions } from './governance.tables.js';

export type MeetingRow = typeof meetings.$inferSelect;
export type AttendanceRow = typeof meetingAttendance.$inferSelect;
export type ResolutionRow = typeof resolutions.$inferSelect;

export async function listMeetings(
  db: Executor,
  scopeRegion: string,
  filter: { year?: number; keyword?: string },
  page: { offset: number; limit: number },
): Promise<{ rows: MeetingRow[]; total: number }> {
  const conditions: (SQL | undefined)[] = [regionScope(meetings.regionCode, scopeRegion)];
  if (filter.year) conditions.push(eq(meetings.year, filter.year));
  if (filter.keyword) conditions.push(sql`${meetings.title} ilike ${'%' + filter.keyword + '%'}`);
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(meetings)
      .where(where)
      .orderBy(desc(meetings.scheduledOn), desc(meetings.code))
      .offset(page.offset)
      .limit(page.limit),
    db.select({ n: count() }).from(meetings).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function findMeeting(db: Executor, id: string): Promise<MeetingRow | undefined> {
  const [row] = await db.select().from(meetings).where(eq(meetings.id, id)).limit(1);
  return row;
}

/** Locks the meeting row for the rest of the transaction (transitions, resolutions). */
export async function lockMeeting(db: Executor, id: string): Promise<MeetingRow | undefined> {
  const [row] = await db.select().from(meetings).where(eq(meetings.id, id)).for('update').limit(1);
  return row;
}

export async function nextMeetingNumber(db: Executor, regionCode: string, year: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(meetings)
    .where(and(eq(meetings.regionCode, regionCode), eq(meetings.year, year)));
  return (row?.n ?? 0) + 1;
}

export async function insertMeeting(db: Executor, row: typeof meetings.$inferInsert): Promise<void> {
  await db.insert(meetings).values(row);
}

export async function updateMeeting(db: Executor, id: string, patch: Partial<typeof meetings.$inferInsert>): Promise<void> {
  await db.update(meetings).set(patch).where(eq(meetings.id, id));
}

export async function listAttendance(db: Executor, meetingId: string): Promise<AttendanceRow[]> {
  return db.select().from(meetingAttendance).where(eq(meetingAttendance.meetingId, meetingId));
}

export async function upsertAttendance(db: Executor, rows: AttendanceRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(meetingAttendance)
    .values(rows)
    .onConflictDoUpdate({
      target: [meetingAttendance.meetingId, meetingAttendance.departmentId],
      set: { attendance: sql`excluded.attendance`, attendeeName: sql`excluded.attendee_name` },
    });
}

export async function insertMeetingHistory(db: Executor, row: typeof meetingHistory.$inferInsert): Promise<void> {
  await db.insert(meetingHistory).values(row);
}

export async function listMeetingHistory(db: Executor, meetingId: string) {
  return db.select().from(meetingHistory).where(eq(meetingHistory.meetingId, meetingId)).orderBy(asc(meetingHistory.at));
}

export async function listResolutions(db: Executor, meetingIds: string[]): Promise<ResolutionRow[]> {
  if (meetingIds.length === 0) return [];
  return db.select().from(resolutions).where(inArray(resolutions.meetingId, meetingIds)).orderBy(asc(resolutions.code));
}

export async function countResolutions(db: Executor, meetingId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(resolutions).where(eq(resolutions.meetingId, meetingId));
  return row?.n ?? 0;
}

export async function insertResolution(db: Executor, row: typeof resolutions.$inferInsert): Promise<void> {
  await db.insert(resolutions).values(row);
}

/** Meetings held in a year and resolutions adopted, for the yearly report. */
export async function meetingYearFigures(db: Executor, regionCode: string, year: number) {
  const where = and(regionScope(meetings.regionCode, regionCode), eq(meetings.year, year));
  const [[row], [res]] = await Promise.all([
    db
      .select({
        held: sql<number>`count(*) filter (where ${meetings.state} in ('held', 'published'))::int`,
        regular: sql<number>`count(*) filter (where ${meetings.state} in ('held', 'published') and ${meetings.kind} = 'regular')::int`,
      })
      .from(meetings)
      .where(where),
    db.select({ n: count() }).from(resolutions).innerJoin(meetings, eq(meetings.id, resolutions.meetingId)).where(where),
  ]);
  return { held: row?.held ?? 0, regular: row?.regular ?? 0, resolutions: res?.n ?? 0 };
}

/**
 * Per department: meetings of the year held or published at which it was marked, and of those
 * attended (present or delegated); the meeting codes it missed are the evidence.
 */
export async function attendanceByDepartment(db: Executor, regionCode: string, year: number, departmentIds: string[]) {
  if (departmentIds.length === 0) return [];
  return db
    .select({
      departmentId: meetingAttendance.departmentId,
      marked: sql<number>`count(*)::int`,
      attended: sql<number>`count(*) filter (where ${meetingAttendance.attendance} <> 'absent')::int`,
      missed: sql<
        string[]
      >`coalesce(array_agg(${meetings.code} order by ${meetings.code}) filter (where ${meetingAttendance.attendance} = 'absent'), '{}')`,
    })
    .from(meetingAttendance)
    .innerJoin(meetings, eq(meetings.id, meetingAttendance.meetingId))
    .where(
      and(
        regionScope(meetings.regionCode, regionCode),
        eq(meetings.year, year),
        inArray(meetings.state, ['held', 'published']),
        inArray(meetingAttendance.departmentId, departmentIds),
      ),
    )
    .groupBy(meetingAttendance.departmentId);
}
