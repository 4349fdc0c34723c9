import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { regionScope } from '../../platform/db/region-scope.js';
import { serviceAssignments, serviceBoardSnapshots, serviceCatalogue, serviceRequests } from './services.tables.js';

/** The oversight board's aggregates: SQL only here (ARCHITECTURE §2). */

export interface RateRow {
  submitted: number;
  completed: number;
  onTime: number;
  handlingHours: number | null;
  satisfaction: number | null;
}

const r = serviceRequests;

const rateColumns = sql`count(*)::int as submitted,
  count(${r.completedAt})::int as completed,
  count(*) filter (where ${r.onTime})::int as "onTime",
  (avg(extract(epoch from (${r.completedAt} - ${r.submittedAt}))) / 3600)::float8 as "handlingHours",
  avg(${r.rating})::float8 as satisfaction`;

function period(regionCode: string, from: Date, to: Date): SQL {
  return sql`${regionScope(r.regionCode, regionCode)} and ${r.submittedAt} >= ${from.toISOString()} and ${r.submittedAt} < ${to.toISOString()} and ${r.mergedIntoId} is null`;
}

async function rows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export async function openByStage(
  db: Executor,
  regionCode: string,
): Promise<{ state: string; category: string; count: number }[]> {
  return rows(
    db,
    sql`select ${r.state} as state, ${r.category} as category, count(*)::int as count from ${r}
        where ${r.step} is not null and ${regionScope(r.regionCode, regionCode)} group by 1, 2 order by 1, 2`,
  );
}

export async function deadlineCounts(
  db: Executor,
  regionCode: string,
  today: string,
  soon: string,
): Promise<{ overdue: number; dueSoon: number }> {
  const [row] = await rows<{ overdue: number; dueSoon: number }>(
    db,
    sql`select count(*) filter (where ${r.stepDeadline} < ${today})::int as overdue,
          count(*) filter (where ${r.stepDeadline} >= ${today} and ${r.stepDeadline} <= ${soon})::int as "dueSoon"
        from ${r} where ${r.step} is not null and ${regionScope(r.regionCode, regionCode)}`,
  );
  return row ?? { overdue: 0, dueSoon: 0 };
}

export async function overall(db: Executor, regionCode: string, from: Date, to: Date): Promise<RateRow> {
  const [row] = await rows<RateRow>(db, sql`select ${rateColumns} from ${r} where ${period(regionCode, from, to)}`);
  return row!;
}

export async function byCategory(
  db: Executor,
  regionCode: string,
  from: Date,
  to: Date,
): Promise<(RateRow & { category: string })[]> {
  return rows(
    db,
    sql`select ${r.category} as category, ${rateColumns} from ${r} where ${period(regionCode, from, to)} group by 1 order by 1`,
  );
}

export async function byMonth(db: Executor, regionCode: string, from: Date, to: Date): Promise<(RateRow & { month: string })[]> {
  return rows(
    db,
    sql`select to_char(${r.submittedAt} at time zone 'Asia/Shanghai', 'YYYY-MM') as month, ${rateColumns}
        from ${r} where ${period(regionCode, from, to)} group by 1 order by 1`,
  );
}

export async function byInstitution(
  db: Executor,
  regionCode: string,
  from: Date,
  to: Date,
): Promise<(RateRow & { institutionId: string; name: string; dispatched: number })[]> {
  const a = serviceAssignments;
  return rows(
    db,
    sql`select ${a.institutionId} as "institutionId", min(${a.institutionName}) as name,
          count(*)::int as dispatched, count(*)::int as submitted,
          count(*) filter (where ${a.status} = 'done')::int as completed,
          count(*) filter (where ${a.status} = 'done' and ${a.onTime})::int as "onTime",
          (avg(extract(epoch from (${r.completedAt} - ${r.submittedAt}))) filter (where ${a.status} = 'done') / 3600)::float8 as "handlingHours",
          avg(${r.rating}) filter (where ${a.status} = 'done')::float8 as satisfaction
        from ${a} join ${r} on ${r.id} = ${a.requestId}
        where ${a.status} <> 'withdrawn' and ${period(regionCode, from, to)}
        group by 1 order by 2`,
  );
}

// ---- snapshots of the historical figures ----

export async function findSnapshots(
  db: Executor,
  regionCode: string,
  periods: string[],
): Promise<{ period: string; computedAt: Date; figures: Record<string, unknown> }[]> {
  return db
    .select({
      period: serviceBoardSnapshots.period,
      computedAt: serviceBoardSnapshots.computedAt,
      figures: serviceBoardSnapshots.figures,
    })
    .from(serviceBoardSnapshots)
    .where(and(eq(serviceBoardSnapshots.regionCode, regionCode), inArray(serviceBoardSnapshots.period, periods)));
}

export async function saveSnapshot(
  db: Executor,
  regionCode: string,
  period: string,
  computedAt: Date,
  figures: Record<string, unknown>,
): Promise<void> {
  await db
    .insert(serviceBoardSnapshots)
    .values({ regionCode, period, computedAt, figures })
    .onConflictDoUpdate({
      target: [serviceBoardSnapshots.regionCode, serviceBoardSnapshots.period],
      set: { computedAt, figures },
    });
}

/** Regions that have a catalogue: those whose board the refresh job keeps warm. */
export async function catalogueRegions(db: Executor): Promise<string[]> {
  const rows = await db.selectDistinct({ regionCode: serviceCatalogue.regionCode }).from(serviceCatalogue);
  return rows.map((r) => r.regionCode);
}
