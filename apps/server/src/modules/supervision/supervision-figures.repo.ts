import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { regionScope } from '../../platform/db/region-scope.js';
import {
  supervisionInspections,
  supervisionPlans,
  supervisionProductChecks,
  supervisionRectifications,
} from './supervision.tables.js';

const planYear = sql<number>`extract(year from ${supervisionPlans.periodEnd})::int`;

/**
 * Per department: the drawn inspections of the year's plans it takes part in whose period ended
 * by `asOf` (planned), and how many of them are recorded (completed), with the codes still open.
 */
export async function inspectionsByDepartment(
  db: Executor,
  regionCode: string,
  year: number,
  departmentIds: readonly string[],
  asOf: string,
): Promise<{ departmentId: string; planned: number; completed: number; open: string[] }[]> {
  if (departmentIds.length === 0) return [];
  const rows = await db
    .select({
      departmentIds: supervisionPlans.departmentIds,
      code: supervisionInspections.code,
      status: supervisionInspections.status,
    })
    .from(supervisionInspections)
    .innerJoin(supervisionPlans, eq(supervisionPlans.id, supervisionInspections.planId))
    .where(
      and(
        regionScope(supervisionPlans.regionCode, regionCode),
        eq(planYear, year),
        sql`${supervisionPlans.periodEnd} <= ${asOf}`,
        sql`${supervisionPlans.departmentIds} && array[${sql.join(
          departmentIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}]`,
      ),
    );
  return departmentIds.map((departmentId) => {
    const mine = rows.filter((r) => r.departmentIds.includes(departmentId));
    const open = mine.filter((r) => r.status !== 'recorded').map((r) => r.code);
    return { departmentId, planned: mine.length, completed: mine.length - open.length, open: open.sort().slice(0, 50) };
  });
}

/** Headline figures of a year: plans, inspections drawn and recorded, published, product checks, failures, rectifications. */
export async function supervisionYearFigures(db: Executor, regionCode: string, year: number) {
  const [plans, inspections, checks, rectifications] = await Promise.all([
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(supervisionPlans)
      .where(and(regionScope(supervisionPlans.regionCode, regionCode), eq(planYear, year))),
    db
      .select({
        drawn: sql<number>`count(*)::int`,
        recorded: sql<number>`count(*) filter (where ${supervisionInspections.status} = 'recorded')::int`,
        published: sql<number>`count(${supervisionInspections.publishedAt})::int`,
      })
      .from(supervisionInspections)
      .innerJoin(supervisionPlans, eq(supervisionPlans.id, supervisionInspections.planId))
      .where(and(regionScope(supervisionPlans.regionCode, regionCode), eq(planYear, year))),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(supervisionProductChecks)
      .where(
        and(
          regionScope(supervisionProductChecks.regionCode, regionCode),
          sql`extract(year from ${supervisionProductChecks.createdAt} at time zone 'Asia/Shanghai')::int = ${year}`,
        ),
      ),
    db
      .select({
        total: sql<number>`count(*)::int`,
        closed: sql<number>`count(*) filter (where ${inArray(supervisionRectifications.status, ['corrected', 'revoked'])})::int`,
      })
      .from(supervisionRectifications)
      .where(
        and(
          regionScope(supervisionRectifications.regionCode, regionCode),
          sql`extract(year from ${supervisionRectifications.createdAt} at time zone 'Asia/Shanghai')::int = ${year}`,
        ),
      ),
  ]);
  return {
    plans: plans[0]?.n ?? 0,
    inspectionsDrawn: inspections[0]?.drawn ?? 0,
    inspectionsRecorded: inspections[0]?.recorded ?? 0,
    published: inspections[0]?.published ?? 0,
    productChecks: checks[0]?.n ?? 0,
    rectifications: rectifications[0]?.total ?? 0,
    rectificationsClosed: rectifications[0]?.closed ?? 0,
  };
}
