/**
 * Supervision on PostgreSQL: (1) the stratified draw over a directory of SUPERVISION_BENCH_TARGETS
 * (1,000,000) enterprises — risk class × industry, default risk ratios — timed end to end through
 * the plans service: pool freeze (read + sort check + SHA-256 per stratum + store) and the RFC 3797
 * draw; (2) the public publication list over SUPERVISION_BENCH_RECORDS published inspection
 * records, one page of 20 by keyset at random depths, through the repo's own query.
 * Data is generated with generate_series in SQL.
 */
import { todayInShanghai, addDays } from '../../../packages/core/src/index.js';
import { ManualClock } from '../../../apps/server/src/platform/clock.js';
import { loadConfig } from '../../../apps/server/src/platform/config.js';
import { openDatabase } from '../../../apps/server/src/platform/db/database.js';
import { migrate } from '../../../apps/server/src/platform/db/migrate.js';
import { systemContext } from '../../../apps/server/src/platform/request-context.js';
import { createPlansService } from '../../../apps/server/src/modules/supervision/plans.service.js';
import { publishedInspections } from '../../../apps/server/src/modules/supervision/supervision.repo.js';
import { createBenchDatabase } from '../postgres.js';
import { summarise, type ModuleBench, type TimingResult } from '../module-bench.js';
import type { FigureRow } from '../report.js';

const int = (value: string | undefined, fallback: number) => (value ? Number.parseInt(value, 10) : fallback);
const TARGETS = int(process.env.SUPERVISION_BENCH_TARGETS, 1_000_000);
const RECORDS = int(process.env.SUPERVISION_BENCH_RECORDS, 10_000_000);
const DRAW_RUNS = int(process.env.SUPERVISION_BENCH_DRAW_RUNS, 3);
const PAGE_RUNS = 300;
const REGION = '410471';
const SECTIONS = ['C', 'E', 'F', 'G', 'H', 'I', 'M', 'N'];

export const supervisionBench: ModuleBench = {
  module: 'supervision',
  async run(context) {
    if (!context.postgresServerUrl) return { skipped: ['supervision: no PostgreSQL server'] };
    const created = await createBenchDatabase(context.postgresServerUrl);
    if ('unreachable' in created) return { skipped: [`supervision: PostgreSQL unreachable (${created.unreachable})`] };
    const database = await openDatabase({ url: created.url, poolSize: 4 });
    const timings: TimingResult[] = [];
    const figures: FigureRow[] = [];
    try {
      await migrate(database);
      const clock = new ManualClock(new Date());
      const deps = { database, config: { ...loadConfig({}), databaseUrl: created.url }, clock };
      const ctx = systemContext(REGION, 'bench', ['supervision.manage', 'supervision.read']);
      const sections = `array[${SECTIONS.map((s) => `'${s}'`).join(',')}]`;

      context.log(`supervision: generating ${TARGETS} targets …`);
      let t0 = performance.now();
      await database.script(`
        insert into supervision_targets (enterprise_id, region_code, name, credit_code, industry_section, risk_class, products, flags, status, updated_at)
        select ('00000000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, '${REGION}', '企业' || i,
          '91410471' || lpad(i::text, 10, '0'), (${sections})[1 + i % ${SECTIONS.length}],
          (array['high','mediumHigh','mediumHigh','medium','medium','medium','low','low','low','low'])[1 + (i * 7) % 10],
          '{}', '{}', 'active', now()
        from generate_series(1, ${TARGETS}) as i;
        analyze supervision_targets;`);
      context.log(`supervision: targets in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      await database.script(`
        insert into supervision_items (id, region_code, code, name, legal_basis, target_type, kind, frequency, ratio_bp, status, created_at, updated_at)
        values ('00000000-0000-7000-8000-000000000001', '${REGION}', 'B-1', '产品质量监督检查', '产品质量法', 'enterprise', 'general', '每年',
          '{"high":3000,"mediumHigh":1000,"medium":200,"low":100}', 'active', now(), now());`);

      const plans = createPlansService(deps);
      const durations: number[] = [];
      let drawn = 0;
      let strata = 0;
      for (let run = 0; run < DRAW_RUNS; run++) {
        const today = todayInShanghai(clock.now());
        const id = await plans.create(ctx, {
          name: `基准抽查 ${run + 1}`,
          itemIds: ['00000000-0000-7000-8000-000000000001'],
          filters: { riskClasses: [], industrySections: [], flags: [] },
          allocation: { mode: 'ratio', ratioBp: { high: 3000, mediumHigh: 1000, medium: 200, low: 100 } },
          periodStart: today,
          periodEnd: addDays(today, 90),
          departmentIds: [],
          inspectorsPerTarget: 2,
        });
        t0 = performance.now();
        await plans.commit(ctx, id, { seedSource: '福利彩票', seedAnnouncedOn: addDays(today, 1) });
        const commitMs = performance.now() - t0;
        clock.advanceDays(1);
        await plans.enterSeed(ctx, id, `${run + 3} 14 27 / ${run}`);
        t0 = performance.now();
        const plan = await plans.drawTargets(ctx, id);
        const drawMs = performance.now() - t0;
        durations.push(commitMs + drawMs);
        drawn = plan.strata.reduce((n, s) => n + (s.result?.length ?? 0), 0);
        strata = plan.strata.length;
        context.log(
          `supervision: draw run ${run + 1}: commit ${commitMs.toFixed(0)} ms + draw ${drawMs.toFixed(0)} ms (${drawn} of ${plan.poolSize} in ${strata} strata)`,
        );
      }
      const draw = summarise(durations);
      timings.push({
        module: 'supervision',
        scenario: 'stratified draw: pool freeze + hash + RFC 3797 draw',
        database: 'postgres',
        ...draw,
        note: `${TARGETS.toLocaleString('en')} targets, ${strata} strata (risk × industry), ${drawn.toLocaleString('en')} drawn; goal < 3000 ms`,
      });
      figures.push({
        figure: `draw over ${TARGETS.toLocaleString('en')} targets in ${strata} strata`,
        database: 'PostgreSQL',
        measured: `${(draw.medianMs / 1000).toFixed(1)} s median of ${draw.runs} (commit: freeze + hash; draw)`,
        ceiling: '—',
        goal: '< 3 s (1M targets)',
        met: TARGETS >= 1_000_000 ? draw.medianMs < 3000 : null,
        rssMb: process.memoryUsage().rss / 1024 / 1024,
      });

      context.log(`supervision: generating ${RECORDS} published inspection records …`);
      t0 = performance.now();
      const planId = (await plans.list(ctx, { current: 1, pageSize: 1 })).data[0]!.id;
      // Secondary indexes are built after the load (as a bulk load would), then the table is analysed.
      await database.script(`
        drop index supervision_inspections_inspectors_idx;
        drop index supervision_inspections_enterprise_idx;
        drop index supervision_inspections_published_idx;
        drop index supervision_inspections_due_idx;
        drop index supervision_inspections_target_uq;
        drop index supervision_inspections_code_uq;`);
      const SLICE = 2_000_000;
      for (let from = 1; from <= RECORDS; from += SLICE) {
        const to = Math.min(RECORDS, from + SLICE - 1);
        await database.script(`
          insert into supervision_inspections (id, region_code, code, plan_id, enterprise_id, credit_code, enterprise_name, stratum, position,
            inspector_ids, status, inspected_on, findings, result, publication_due_on, published_at, created_at, updated_at)
          select ('00000000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, '${REGION}', 'JC-' || i, '${planId}',
            ('00000000-0000-7000-9000-' || lpad(to_hex(i), 12, '0'))::uuid, '91410471' || lpad((i % ${TARGETS})::text, 10, '0'),
            '企业' || (i % ${TARGETS}), 'high/C', i, '{}', 'recorded', date '2020-01-01' + (i / 5000), '未发现问题', 'noProblem',
            date '2020-01-01' + (i / 5000) + 28, timestamptz '2020-01-01 00:00:00+08' + i * interval '10 seconds', now(), now()
          from generate_series(${from}, ${to}) as i;`);
        context.log(`supervision: … ${to} rows (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
      }
      await database.script(`
        create index supervision_inspections_published_idx on supervision_inspections (published_at desc, id desc) where published_at is not null;
        create unique index supervision_inspections_target_uq on supervision_inspections (plan_id, enterprise_id);
        create unique index supervision_inspections_code_uq on supervision_inspections (region_code, code);
        create index supervision_inspections_enterprise_idx on supervision_inspections (enterprise_id);
        create index supervision_inspections_due_idx on supervision_inspections (publication_due_on) where published_at is null and publication_due_on is not null;
        create index supervision_inspections_inspectors_idx on supervision_inspections using gin (inspector_ids);
        analyze supervision_inspections;`);
      context.log(`supervision: records and indexes in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

      const pages: number[] = [];
      const base = Date.parse('2020-01-01T00:00:00+08:00');
      for (let run = 0; run < PAGE_RUNS; run++) {
        // A cursor at a random depth: the row `i` published at base + 10 s · i.
        const i = run === 0 ? null : 1 + Math.floor(Math.random() * RECORDS);
        const after =
          i === null
            ? null
            : { at: new Date(base + i * 10_000), id: `00000000-0000-7000-8000-${i.toString(16).padStart(12, '0')}` };
        t0 = performance.now();
        const rows = await publishedInspections(database.db, after, 20);
        pages.push(performance.now() - t0);
        if (rows.length === 0 && i !== null && i > 20) throw new Error('keyset page came back empty');
      }
      timings.push({
        module: 'supervision',
        scenario: 'public results list: one page of 20 by keyset',
        database: 'postgres',
        ...summarise(pages),
        note: `${RECORDS.toLocaleString('en')} published inspection records, random depths; goal p99 < 100 ms`,
      });
      return { timings, figures };
    } finally {
      await database.close();
      await created.drop();
    }
  },
};
