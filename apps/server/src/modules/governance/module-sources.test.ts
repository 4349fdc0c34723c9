import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_MISSING, TEST_DB, createTestApp, type TestApp } from '../../testing/test-app.js';
import { findSource } from './assessment-sources.js';
import * as groupRepo from './group.repo.js';
import { REPORT_CONTRIBUTORS } from './report-contributors.js';

/**
 * The assessment sources and report figures that come from the other modules, on the demo
 * district's seeded records, checked against counts taken straight from those modules' tables.
 */
describe.skipIf(POSTGRES_MISSING)(`governance figures from the other modules (${TEST_DB})`, () => {
  let t: TestApp;
  const region = '410471';
  const year = new Date().getFullYear();
  const asOf = `${year}-12-31`;

  beforeAll(async () => {
    t = await createTestApp({ enterprises: 10 });
  });
  afterAll(() => t?.close());

  const one = async (query: string, params: unknown[] = []) =>
    Number((await t.database.query<{ n: number }>(query, params))[0]?.n ?? 0);

  it('counts the station’s requests due in the year for the group’s office, and for nobody else', async () => {
    const source = findSource('services.requests.handledOnTime')!;
    const members = await groupRepo.listMembers(t.database.db, region, asOf);
    const office = members.find((m) => m.groupRole === 'office')!;
    const others = members.filter((m) => m.groupRole !== 'office').map((m) => m.departmentId);
    const figures = await source.figures(t.database.db, region, year, [office.departmentId, ...others], asOf);
    const due = await one(
      `select count(*)::int as n from service_requests
        where region_code like '410471%' and merged_into_id is null
          and extract(year from submitted_at at time zone 'Asia/Shanghai')::int = $1
          and (completed_at is not null or (step is not null and step_deadline < $2))`,
      [year, asOf],
    );
    const onTime = await one(
      `select count(*)::int as n from service_requests
        where region_code like '410471%' and merged_into_id is null and on_time is true
          and extract(year from submitted_at at time zone 'Asia/Shanghai')::int = $1`,
      [year],
    );
    expect(due).toBeGreaterThan(0);
    expect(figures.get(office.departmentId)).toMatchObject({ numerator: onTime, denominator: due });
    expect([...figures.keys()]).toEqual([office.departmentId]);
    // Without the office among the assessed departments there is nothing to attribute.
    expect((await source.figures(t.database.db, region, year, others, asOf)).size).toBe(0);
  });

  it('counts each department’s drawn and recorded inspections of the year’s plans it takes part in', async () => {
    const source = findSource('supervision.spotChecks.completedVsPlan')!;
    const rows = await t.database.query<{ department_id: string; planned: number; completed: number }>(
      `select d.department_id, count(*)::int as planned, count(*) filter (where i.status = 'recorded')::int as completed
         from supervision_inspections i
         join supervision_plans p on p.id = i.plan_id
         cross join lateral unnest(p.department_ids) as d(department_id)
        where p.region_code like '410471%' and extract(year from p.period_end)::int = $1 and p.period_end <= $2
        group by d.department_id`,
      [year, asOf],
    );
    const ids = rows.map((r) => r.department_id);
    const figures = await source.figures(t.database.db, region, year, ids, asOf);
    for (const r of rows) expect(figures.get(r.department_id)).toMatchObject({ numerator: r.completed, denominator: r.planned });
    expect(figures.size).toBe(rows.length);
  });

  it('puts every module’s headline figures in the yearly report', async () => {
    const modules = REPORT_CONTRIBUTORS.map((c) => c.module);
    expect(modules).toEqual(['governance', 'awards', 'services', 'supervision']);
    const services = await REPORT_CONTRIBUTORS.find((c) => c.module === 'services')!.figures(t.database.db, region, year, asOf);
    const received = await one(
      `select count(*)::int as n from service_requests where region_code like '410471%'
          and extract(year from submitted_at at time zone 'Asia/Shanghai')::int = $1`,
      [year],
    );
    expect(services.find((f) => f.key === 'serviceRequests')?.value).toBe(received);
    const supervision = await REPORT_CONTRIBUTORS.find((c) => c.module === 'supervision')!.figures(
      t.database.db,
      region,
      year,
      asOf,
    );
    const plans = await one(
      `select count(*)::int as n from supervision_plans where region_code like '410471%' and extract(year from period_end)::int = $1`,
      [year],
    );
    expect(supervision.find((f) => f.key === 'spotCheckPlans')?.value).toBe(plans);
    const awards = await REPORT_CONTRIBUTORS.find((c) => c.module === 'awards')!.figures(t.database.db, region, year, asOf);
    expect(awards.map((f) => f.key)).toEqual(['awardApplications', 'awardWinners', 'awardNominations', 'awardPrizeMoney']);
  });
});
