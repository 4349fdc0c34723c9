import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { regionScope } from '../../platform/db/region-scope.js';
import { awardApplications, awardCycles, awardProgrammes } from './awards.tables.js';

/**
 * Headline figures of the award cycles of a year whose programmes belong to the region:
 * applications submitted, winners and nominations decided, and the prize money they carry (fen).
 */
export async function awardYearFigures(db: Executor, regionCode: string, year: number) {
  const [row] = await db
    .select({
      submitted: sql<number>`count(*) filter (where ${awardApplications.submittedAt} is not null)::int`,
      winners: sql<number>`count(*) filter (where ${awardApplications.decision} = 'winner' and ${awardApplications.awardedOn} is not null)::int`,
      nominations: sql<number>`count(*) filter (where ${awardApplications.decision} = 'nomination' and ${awardApplications.awardedOn} is not null)::int`,
      prizeMoneyFen: sql<number>`coalesce(sum(case
        when ${awardApplications.awardedOn} is null then 0
        when ${awardApplications.decision} = 'winner' then ${awardProgrammes.prizeMoneyFen}
        when ${awardApplications.decision} = 'nomination' then ${awardProgrammes.nominationPrizeMoneyFen}
        else 0 end), 0)::bigint`,
    })
    .from(awardApplications)
    .innerJoin(awardCycles, eq(awardCycles.id, awardApplications.cycleId))
    .innerJoin(awardProgrammes, eq(awardProgrammes.id, awardCycles.programmeId))
    .where(and(regionScope(awardProgrammes.regionCode, regionCode), eq(awardCycles.year, year)));
  return {
    submitted: row?.submitted ?? 0,
    winners: row?.winners ?? 0,
    nominations: row?.nominations ?? 0,
    prizeMoneyFen: Number(row?.prizeMoneyFen ?? 0),
  };
}
