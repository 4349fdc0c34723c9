import {
  GBT_19580_2012,
  criteriaItems,
  proposeReviewGroups,
  rankApplications,
  severityAdvice,
  totalsWithAdvice,
  todayInShanghai,
} from '../../../packages/core/src/index.js';
import { createCommitteeService } from '../../../apps/server/src/modules/awards/committee.service.js';
import { createApplicationsService } from '../../../apps/server/src/modules/awards/applications.service.js';
import { createReviewsService } from '../../../apps/server/src/modules/awards/reviews.service.js';
import { systemClock } from '../../../apps/server/src/platform/clock.js';
import { loadConfig } from '../../../apps/server/src/platform/config.js';
import { openDatabase, type Database } from '../../../apps/server/src/platform/db/database.js';
import { migrate } from '../../../apps/server/src/platform/db/migrate.js';
import { systemContext } from '../../../apps/server/src/platform/request-context.js';
import { summarise, type ModuleBench, type TimingResult } from '../module-bench.js';
import { createBenchDatabase, DEFAULT_POSTGRES_URL } from '../postgres.js';

const APPLICATIONS = 300;
const EXPERTS = 500;
const GROUP_SIZE = 5;
const PROVINCE = '410000';
const RUNS = { core: 30, service: 10, ranking: 10 };
const ITEM_IDS = criteriaItems(GBT_19580_2012).map((i) => i.id);

/**
 * A provincial cycle at scale, generated in SQL: 300 applicants, 500 experts of whom every fifth
 * worked for an applicant until last year and every seventh declared an interest in one, all
 * with accounts. Then 1500 submitted expert sheets and a consensus per application.
 */
async function generate(database: Database): Promise<{ cycleId: string }> {
  const q = (text: string, params: unknown[] = []) => database.query(text, params);
  await q(
    `insert into organizations (id, kind, region_code, name, credit_code, status, industry_section, founded_on, created_at, updated_at)
     select gen_random_uuid(), 'enterprise', '4104' || lpad((i % 10 + 71)::text, 2, '0'), '豫省卓越' || i || '号有限公司',
            'BENCH' || lpad(i::text, 13, '0'), 'active', (array['C','D','E','F'])[i % 4 + 1], date '2005-01-01', now(), now()
     from generate_series(1, $1::int) as i`,
    [APPLICATIONS],
  );
  await q(
    `insert into experts (id, region_code, name, title, specialties, industry_sections, affiliation_name, past_employments, user_id, status, created_at, updated_at)
     select gen_random_uuid(), '410000', '专家' || i, 'senior', array['卓越绩效'], array[(array['C','D','E','F'])[i % 4 + 1], 'C'],
            '河南高校' || i,
            case when i % 5 = 0
              then jsonb_build_array(jsonb_build_object('organizationName', '豫省卓越' || (i % $2::int + 1) || '号有限公司', 'to', '2025-06-30', 'relation', 'employee'))
              else '[]'::jsonb end,
            gen_random_uuid(), 'active', now(), now()
     from generate_series(1, $1::int) as i`,
    [EXPERTS, APPLICATIONS],
  );
  const [programme] = await q(
    `insert into award_programmes (id, region_code, name, level, cycle_years, winner_quota, nomination_quota, prize_money_fen,
       nomination_prize_money_fen, criteria_version_id, eligibility_rules, review, calendar, created_at, updated_at)
     values (gen_random_uuid(), $1, '河南省省长质量奖', 'province', 2, 8, 8, 100000000, 25000000, $2, '[]',
       '{"minGroupSize":5,"divergenceThreshold":30,"normalisationMinScores":10,"conflictYears":3,"loadCap":6}',
       '{"applicationOpensOn":"2026-03-01","applicationClosesOn":"2026-04-30","noticeDays":7}', now(), now())
     returning id`,
    [PROVINCE, GBT_19580_2012.id],
  );
  const [cycle] = await q(
    `insert into award_cycles (id, programme_id, region_code, level, year, code, status, calendar, criteria_version_id, winner_quota,
       nomination_quota, eligibility_rules, review, blinding_seed, created_at)
     select gen_random_uuid(), p.id, p.region_code, p.level, 2026, 'BENCH-P2026', 'open', p.calendar, p.criteria_version_id, 8, 8,
            p.eligibility_rules, p.review, md5(random()::text), now()
     from award_programmes p where p.id = $1 returning id`,
    [programme!.id],
  );
  const cycleId = cycle!.id as string;
  await q(
    `insert into award_applications (id, cycle_id, region_code, organization_id, code, state, facts, self_assessment,
       declaration_accepted, created_at, updated_at)
     select gen_random_uuid(), $1, o.region_code, o.id, 'BENCH-P2026-' || lpad(row_number() over (order by o.id)::text, 3, '0'),
            'recommended', '{}', '[]', true, now(), now()
     from organizations o where o.credit_code like 'BENCH%'`,
    [cycleId],
  );
  // Every seventh expert declared an interest in some applicant.
  await q(
    `insert into award_expert_interests (id, region_code, expert_id, organization_id, kind, note, created_at)
     select gen_random_uuid(), '410000', e.id, o.id, 'interest', '持股', now()
     from (select id, row_number() over (order by id) as n from experts where region_code = '410000') e
     join (select id, row_number() over (order by id) as n from organizations where credit_code like 'BENCH%') o
       on o.n = (e.n * 13) % $1 + 1
     where e.n % 7 = 0`,
    [APPLICATIONS],
  );
  return { cycleId };
}

/** The committee's material: five submitted sheets and a consensus per application, in SQL. */
async function scoreEverything(database: Database, cycleId: string): Promise<void> {
  await database.query(
    `insert into award_expert_scores (id, application_id, cycle_id, region_code, expert_id, entries, submitted_at, updated_at)
     select gen_random_uuid(), m.application_id, m.cycle_id, m.region_code, m.expert_id,
            (select jsonb_agg(jsonb_build_object('itemId', it.id, 'percentage',
                     ((abs(hashtext(m.expert_id::text)) % 5) * 5 + (abs(hashtext(m.application_id::text || it.id)) % 9) * 5 + 20),
                     'strengths', '', 'opportunities', ''))
               from unnest($2::text[]) as it(id)),
            now(), now()
     from award_review_members m where m.cycle_id = $1 and m.status = 'active'`,
    [cycleId, ITEM_IDS],
  );
  await database.query(
    `insert into award_review_records (application_id, region_code, consensus, updated_at)
     select a.id, a.region_code,
            (select jsonb_agg(jsonb_build_object('itemId', it.id, 'percentage', (abs(hashtext(a.id::text || it.id)) % 11) * 5 + 30, 'rationale', '共识'))
               from unnest($2::text[]) as it(id)),
            now()
     from award_applications a where a.cycle_id = $1`,
    [cycleId, ITEM_IDS],
  );
  await database.query(`update award_applications set state = 'committee' where cycle_id = $1`, [cycleId]);
  await database.query('analyze');
}

async function time(runs: number, fn: () => Promise<unknown> | unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    out.push(performance.now() - started);
  }
  return out;
}

export const awardsBench: ModuleBench = {
  module: 'awards',
  async run(context) {
    const server = context.postgresServerUrl ?? DEFAULT_POSTGRES_URL;
    const created = await createBenchDatabase(server);
    if ('unreachable' in created) return { skipped: [`awards: PostgreSQL unreachable (${created.unreachable})`] };
    const database = await openDatabase({ url: created.url, poolSize: 4 });
    try {
      await migrate(database);
      context.log(`awards: generating ${APPLICATIONS} applications and ${EXPERTS} experts`);
      const { cycleId } = await generate(database);
      const deps = { database, config: loadConfig({}), clock: systemClock };
      const reviews = createReviewsService(deps);
      const committee = createCommitteeService(deps, createApplicationsService(deps));
      const ctx = systemContext(PROVINCE, 'bench', ['awards.review.manage', 'awards.ranking.read', 'awards.ranking.unblind']);
      const note = `${APPLICATIONS} applications, ${EXPERTS} experts, groups of ${GROUP_SIZE}; goal < 2 s`;
      const timings: TimingResult[] = [];
      const result = (scenario: string, durations: number[], what: string): TimingResult => ({
        module: 'awards',
        scenario,
        database: 'postgres',
        ...summarise(durations),
        note: what,
      });

      // The algorithm alone, on the profiles as the service builds them.
      const dry = await reviews.proposeGroups(ctx, cycleId, { dryRun: true });
      context.log(
        `awards: proposal excludes ${dry.conflictsExcluded} conflicted pairs, ${dry.groups.filter((g) => g.short).length} short groups`,
      );
      const applicants = await database.query<{
        id: string;
        organization_id: string;
        name: string;
        credit_code: string;
        industry_section: string;
      }>(
        `select a.id, a.organization_id, o.name, o.credit_code, o.industry_section
         from award_applications a join organizations o on o.id = a.organization_id where a.cycle_id = $1`,
        [cycleId],
      );
      const experts = await database.query<{
        id: string;
        affiliation_name: string;
        past_employments: { organizationName: string; to: string }[];
        industry_sections: string[];
      }>(`select id, affiliation_name, past_employments, industry_sections from experts where region_code = '410000'`);
      const interests = await database.query<{ expert_id: string; organization_id: string }>(
        'select expert_id, organization_id from award_expert_interests',
      );
      const asOf = todayInShanghai(new Date());
      const [applicantProfiles, expertProfiles] = [
        applicants.map((a) => ({
          applicationId: a.id,
          organizationId: a.organization_id,
          organizationName: a.name,
          creditCode: a.credit_code,
          industrySection: a.industry_section,
        })),
        experts.map((e) => ({
          expertId: e.id,
          affiliationOrganizationId: null,
          affiliationCreditCode: null,
          affiliationName: e.affiliation_name,
          pastEmployments: e.past_employments,
          declaredInterestOrganizationIds: interests.filter((i) => i.expert_id === e.id).map((i) => i.organization_id),
          familyTieOrganizationIds: [],
          industrySections: e.industry_sections,
          currentLoad: 0,
        })),
      ] as const;
      const core = await time(RUNS.core, () =>
        proposeReviewGroups(applicantProfiles, expertProfiles, { asOf, groupSize: GROUP_SIZE, loadCap: 6, conflictYears: 3 }),
      );
      timings.push(result('review-group proposal (core algorithm)', core, note));
      const service = await time(RUNS.service, () => reviews.proposeGroups(ctx, cycleId, { dryRun: true }));
      timings.push(result('review-group proposal (service, dry run, with database reads)', service, note));

      await reviews.proposeGroups(ctx, cycleId, { dryRun: false });
      await scoreEverything(database, cycleId);
      const scores = await database.query<{
        expert_id: string;
        application_id: string;
        entries: { itemId: string; percentage: number }[];
      }>('select expert_id, application_id, entries from award_expert_scores where cycle_id = $1', [cycleId]);
      const flat = scores.flatMap((s) =>
        s.entries.map((e) => ({
          expertId: s.expert_id,
          applicationId: s.application_id,
          itemId: e.itemId,
          percentage: e.percentage,
        })),
      );
      const rankingNote = `${APPLICATIONS} applications, ${flat.length} item scores from ${new Set(scores.map((s) => s.expert_id)).size} experts`;
      const coreRanking = await time(RUNS.ranking, () => {
        const advice = severityAdvice(flat, { minScores: 10 });
        totalsWithAdvice(GBT_19580_2012, advice);
        rankApplications(
          applicants.map((a, i) => ({ applicationId: a.id, totalHundredths: i * 7 })),
          { seed: 'bench', unblinded: false },
        );
      });
      timings.push(result('ranking + severity normalisation (core)', coreRanking, rankingNote));
      const serviceRanking = await time(RUNS.ranking, () => committee.ranking(ctx, cycleId, true));
      timings.push(
        result('ranking + severity normalisation (service, unblinded, with database reads)', serviceRanking, rankingNote),
      );
      return { timings };
    } finally {
      await database.close();
      await created.drop();
    }
  },
};
