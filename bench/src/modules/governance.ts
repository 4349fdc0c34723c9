/**
 * Governance: the yearly assessment computed for 200 departments over a year of data on
 * PostgreSQL — 100,000 supervised tasks (with their progress reports) and 24 joint meetings with
 * attendance, generated with SQL. The issue also names 1,000,000 service requests and
 * inspections as sources: those tables belong to the services and supervision modules, which are
 * not on this branch yet, so their sources are not registered and not measured here.
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_ASSESSMENT_INDICATORS, DEFAULT_GRADE_THRESHOLDS, permissionsOf } from '../../../packages/core/src/index.js';
import { loadConfig } from '../../../apps/server/src/platform/config.js';
import { ManualClock } from '../../../apps/server/src/platform/clock.js';
import { openDatabase } from '../../../apps/server/src/platform/db/database.js';
import { migrate } from '../../../apps/server/src/platform/db/migrate.js';
import type { RequestContext } from '../../../apps/server/src/platform/request-context.js';
import { createAssessmentService } from '../../../apps/server/src/modules/governance/assessment.service.js';
import { createTasksService } from '../../../apps/server/src/modules/governance/tasks.service.js';
import { createBenchDatabase } from '../postgres.js';
import { summarise, type ModuleBench, type TimingResult } from '../module-bench.js';

const REGION = '410471';
const YEAR = 2026;
const DEPARTMENTS = 200;
const TASKS = 100_000;
const MEETINGS = 24;
const RUNS = 7;

/** The year's data in a handful of set-based statements. */
const GENERATE = [
  `insert into regions (code, name, parent_code, level, code_type) values ('${REGION}', '平顶山高新技术产业开发区', null, 'county', 'functional_zone')`,
  `insert into organizations (id, kind, region_code, name, short_name, status, in_leadership_group, leadership_role, created_at, updated_at)
     select gen_random_uuid(), 'department', '${REGION}', '测试部门' || g, '部门' || g, 'active', true, 'member', now(), now()
     from generate_series(1, ${DEPARTMENTS}) g`,
  `insert into governance_group_members (id, region_code, department_id, group_role, person_name, responsibilities, since, created_at)
     select gen_random_uuid(), '${REGION}', id, 'member', '负责人', '职责', '${YEAR - 1}-01-01', now() from organizations where kind = 'department'`,
  `insert into governance_meetings (id, region_code, code, year, kind, title, scheduled_on, agenda, minutes, state, created_at, updated_at)
     select gen_random_uuid(), '${REGION}', 'LX-${YEAR}-' || lpad(g::text, 2, '0'), ${YEAR}, 'regular', '联席会议' || g,
            date '${YEAR}-01-05' + (g * 14), '["议程"]'::jsonb, '纪要', 'published', now(), now()
     from generate_series(1, ${MEETINGS}) g`,
  `insert into governance_meeting_attendance (meeting_id, department_id, attendance)
     select m.id, o.id, case when random() < 0.1 then 'absent' when random() < 0.2 then 'delegated' else 'present' end
     from governance_meetings m cross join organizations o where o.kind = 'department'`,
  `insert into governance_resolutions (id, region_code, meeting_id, code, text, created_at)
     select gen_random_uuid(), '${REGION}', id, code || '-R1', '议定事项', now() from governance_meetings`,
  `with d as (select array_agg(id) ids from organizations where kind = 'department'),
        r as (select array_agg(id) ids from governance_resolutions)
   insert into governance_tasks (id, region_code, code, year, resolution_id, title, lead_department_id, supporting_department_ids,
                                 assigned_on, deadline, expected_output, priority, state, progress_percent, closed_on, created_at, updated_at)
     select gen_random_uuid(), '${REGION}', 'DB-${YEAR}-' || lpad(g::text, 6, '0'), ${YEAR}, r.ids[1 + g % ${MEETINGS}], '任务' || g,
            d.ids[1 + (g * 7919) % ${DEPARTMENTS}], '{}', date '${YEAR}-01-05' + (g % 300), date '${YEAR}-01-20' + (g % 330),
            '成果', 'normal', s.state, case when s.state = 'closed' then 100 else 50 end,
            case when s.state = 'closed' then date '${YEAR}-01-20' + (g % 330) + ((g % 9) - 6) end, now(), now()
     from generate_series(1, ${TASKS}) g, d, r,
          lateral (select case when g % 10 < 7 then 'closed' when g % 10 < 9 then 'in_progress' else 'submitted' end as state) s`,
  `insert into governance_task_progress (id, task_id, department_id, reported_by, reported_by_name, note, percent, reported_on, reported_at)
     select gen_random_uuid(), id, lead_department_id, gen_random_uuid(), '联络员', '进展', 50, deadline - (id::text ~ '^[0-7]')::int * 5 + 2, now()
     from governance_tasks where (hashtext(id::text) % 5) <> 0`,
  `analyze`,
];

export const governanceBench: ModuleBench = {
  module: 'governance',
  async run({ postgresServerUrl, log }) {
    const skipped = [
      'governance: NQI service requests and spot-check inspections as assessment sources (the services and supervision tables are not on this branch)',
    ];
    if (!postgresServerUrl) return { skipped: [...skipped, 'governance: PostgreSQL not reachable'] };
    const created = await createBenchDatabase(postgresServerUrl);
    if ('unreachable' in created) return { skipped: [...skipped, `governance: ${created.unreachable}`] };
    const database = await openDatabase({ url: created.url, poolSize: 4 });
    const timings: TimingResult[] = [];
    try {
      await migrate(database);
      log(`governance: generating ${DEPARTMENTS} departments, ${TASKS} tasks, ${MEETINGS} meetings …`);
      const started = performance.now();
      for (const statement of GENERATE) await database.query(statement);
      log(`governance: generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);

      const office = await database.query<{ id: string }>(`select gen_random_uuid() as id`);
      const ctx: RequestContext = {
        actor: {
          userId: office[0]!.id,
          username: 'bench-office',
          displayName: 'bench',
          regionCode: REGION,
          organizationId: null,
          roles: ['office'],
          permissions: permissionsOf(['office']),
        },
        clientIp: null,
        userAgent: 'bench',
        locale: 'zh-CN',
      };
      const deps = { database, config: loadConfig({}), clock: new ManualClock(`${YEAR}-12-31T02:00:00Z`) };
      const assessment = createAssessmentService(deps);
      await assessment.createScheme(ctx, {
        year: YEAR,
        indicators: DEFAULT_ASSESSMENT_INDICATORS.filter((i) => i.mode === 'automatic').map((i, n) => ({
          ...i,
          weight: n === 0 ? 60 : 20,
          whenNoData: 'full' as const,
        })),
        thresholds: DEFAULT_GRADE_THRESHOLDS,
      });

      const durations: number[] = [];
      let departments = 0;
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        const result = await assessment.compute(ctx, YEAR);
        durations.push(performance.now() - t0);
        departments = result.results.length;
      }
      timings.push({
        module: 'governance',
        scenario: `assessment compute: ${departments} departments, ${TASKS.toLocaleString('en-US')} tasks, ${MEETINGS} meetings`,
        database: 'PostgreSQL',
        ...summarise(durations),
        note: 'goal < 5 s (issue 6); one transaction: sources, scoring, results, audit',
      });

      const tasks = createTasksService(deps);
      const board: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await tasks.board(ctx, YEAR);
        await tasks.list(ctx, { current: 1, pageSize: 20, year: YEAR });
        board.push(performance.now() - t0);
      }
      timings.push({
        module: 'governance',
        scenario: `task board + first page, overdue first (${TASKS.toLocaleString('en-US')} tasks)`,
        database: 'PostgreSQL',
        ...summarise(board),
        note: 'what the office opens every morning',
      });
    } finally {
      await database.close();
      await created.drop();
    }
    return { timings, skipped };
  },
};
