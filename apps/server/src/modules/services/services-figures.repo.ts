import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { regionScope } from '../../platform/db/region-scope.js';
import { serviceRequests } from './services.tables.js';

/** The year a request was submitted in, in Asia/Shanghai. */
const submittedYear = sql<number>`extract(year from ${serviceRequests.submittedAt} at time zone 'Asia/Shanghai')::int`;

/**
 * The station's requests of a year that were due by `asOf`: completed ones, and open ones whose
 * current step's deadline has passed (a miss already). On time = completed with every step in time.
 */
export async function requestsDueAndOnTime(
  db: Executor,
  regionCode: string,
  year: number,
  asOf: string,
): Promise<{ due: number; onTime: number; late: string[] }> {
  const rows = await db
    .select({ number: serviceRequests.number, onTime: serviceRequests.onTime })
    .from(serviceRequests)
    .where(
      and(
        regionScope(serviceRequests.regionCode, regionCode),
        eq(submittedYear, year),
        sql`(${serviceRequests.completedAt} is not null or (${serviceRequests.step} is not null and ${serviceRequests.stepDeadline} < ${asOf}))`,
        sql`${serviceRequests.mergedIntoId} is null`,
      ),
    );
  const late = rows.filter((r) => r.onTime !== true).map((r) => r.number);
  return { due: rows.length, onTime: rows.length - late.length, late: late.sort().slice(0, 50) };
}

/** Headline figures of a year: received, completed, completed on time, mean rating (×100). */
export async function requestYearFigures(db: Executor, regionCode: string, year: number) {
  const [row] = await db
    .select({
      received: sql<number>`count(*)::int`,
      completed: sql<number>`count(*) filter (where ${serviceRequests.completedAt} is not null)::int`,
      onTime: sql<number>`count(*) filter (where ${serviceRequests.onTime} is true)::int`,
      rated: sql<number>`count(${serviceRequests.rating})::int`,
      ratingHundredths: sql<number>`coalesce(round(avg(${serviceRequests.rating}) * 100), 0)::int`,
    })
    .from(serviceRequests)
    .where(and(regionScope(serviceRequests.regionCode, regionCode), eq(submittedYear, year)));
  return row ?? { received: 0, completed: 0, onTime: 0, rated: 0, ratingHundredths: 0 };
}
