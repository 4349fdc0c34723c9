import {
  DEFAULT_RISK_RATIOS_BP,
  DRAW_ALGORITHM,
  RISK_CLASSES,
  addWorkingDays,
  commitStratifiedPool,
  defaultWorkingCalendar,
  drawFromPool,
  drawInspectorsFor,
  todayInShanghai,
  type PlanFilters,
} from '@qd/core';
import type { Executor } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import type { DemoSeedContext } from '../../platform/server-module.js';
import { enterprisesForDirectory } from '../registry/index.js';
import * as repo from './supervision.repo.js';

const DAY = 86_400_000;

const ITEMS = [
  {
    code: 'SJ-001',
    name: '产品质量监督抽查',
    legalBasis: '《中华人民共和国产品质量法》第十五条',
    targetType: 'product',
    kind: 'key',
  },
  {
    code: 'SJ-002',
    name: '工业产品生产许可证获证企业监督检查',
    legalBasis: '《工业产品生产许可证管理条例》第三十七条',
    targetType: 'enterprise',
    kind: 'general',
  },
  {
    code: 'SJ-003',
    name: '计量器具使用情况检查',
    legalBasis: '《中华人民共和国计量法》第十八条',
    targetType: 'site',
    kind: 'general',
  },
] as const;

const INSPECTORS = [
  { name: '李明', certificateNo: 'ZF41047101', specialty: '产品质量' },
  { name: '王芳', certificateNo: 'ZF41047102', specialty: '标准计量' },
  { name: '张伟', certificateNo: 'ZF41047103', specialty: '特种设备' },
  { name: '刘洋', certificateNo: 'ZF41047104', specialty: '产品质量' },
  { name: '陈静', certificateNo: 'ZF41047105', specialty: '认证认可' },
  { name: '赵磊', certificateNo: 'ZF41047106', specialty: '食品安全' },
] as const;

/**
 * Demo data of the supervision module: the item list, the target directory (taken from the
 * registry, with risk classes), six inspectors (two tied to enterprises), and one finished
 * round — a plan committed, seeded, drawn, inspectors drawn with recusal, inspections recorded
 * and some published — built with the same core rules the services use.
 */
export async function seedDemoSupervision(tx: Executor, ctx: DemoSeedContext): Promise<void> {
  const now = ctx.now;
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const dayOf = (daysAgo: number) => todayInShanghai(at(daysAgo));
  const year = Number(dayOf(0).slice(0, 4));

  const itemIds: string[] = [];
  for (const item of ITEMS) {
    const id = newId();
    itemIds.push(id);
    await repo.insertItem(tx, {
      id,
      regionCode: ctx.regionCode,
      ...item,
      frequency: '每年一次',
      ratioBp: { ...DEFAULT_RISK_RATIOS_BP },
      status: 'active',
      createdAt: at(60),
      updatedAt: at(60),
    });
  }

  const enterprises = (await enterprisesForDirectory(tx, ctx.regionCode)).filter((e) => e.creditCode && e.industrySection);
  await repo.upsertTargetsFromRegistry(
    tx,
    enterprises.map((e) => ({
      enterpriseId: e.id,
      regionCode: e.regionCode,
      name: e.name,
      creditCode: e.creditCode!,
      industrySection: e.industrySection!,
      products: (e.mainProducts ?? '')
        .split(/[,，、]/)
        .map((p) => p.trim())
        .filter(Boolean),
      status: e.status,
    })),
    at(60),
  );
  // Spread the risk classes: a few high, more medium-high, most medium and low.
  for (const [i, e] of enterprises.entries()) {
    const riskClass = e.id === ctx.enterpriseId ? 'high' : RISK_CLASSES[[0, 1, 1, 2, 2, 2, 3, 3, 3, 3][i % 10]!]!;
    await repo.updateTarget(tx, e.id, { riskClass, flags: i % 7 === 0 ? ['complaints'] : [] });
  }

  const inspectorIds: string[] = [];
  for (const [i, p] of INSPECTORS.entries()) {
    const id = newId();
    inspectorIds.push(id);
    await repo.insertInspector(tx, {
      id,
      regionCode: ctx.regionCode,
      ...p,
      unitId: ctx.officeDepartmentId,
      // The demo department officer is the first inspector: "my assignments".
      userId: i === 0 ? (ctx.userIds.dept ?? null) : null,
      status: 'active',
      createdAt: at(60),
      updatedAt: at(60),
    });
  }
  // Ties for recusal: the first inspector once worked for the flagship enterprise.
  const other = enterprises.find((e) => e.id !== ctx.enterpriseId);
  await repo.replaceTies(tx, inspectorIds[0]!, [
    { enterpriseId: ctx.enterpriseId, relation: '曾在该企业任质量部主管（2015–2019）' },
  ]);
  if (other) await repo.replaceTies(tx, inspectorIds[1]!, [{ enterpriseId: other.id, relation: '配偶在该企业任职' }]);

  await seedFinishedRound(tx, ctx, { itemIds, inspectorIds, year, at, dayOf });
  await seedPlanAwaitingSeed(tx, ctx, { itemIds, year, at, dayOf });
}

/**
 * A second plan, committed three days ago, whose seed (a lottery result) is announced today: the
 * office can enter it and run the draw from the UI at once.
 */
async function seedPlanAwaitingSeed(
  tx: Executor,
  ctx: DemoSeedContext,
  s: { itemIds: string[]; year: number; at: (d: number) => Date; dayOf: (d: number) => string },
) {
  const filters: PlanFilters = { riskClasses: ['high', 'mediumHigh'], industrySections: [], flags: [] };
  const allocation = { mode: 'count' as const, count: { high: 2, mediumHigh: 1, medium: 0, low: 0 } };
  const pool = await repo.eligiblePool(tx, ctx.regionCode, filters);
  if (pool.length === 0) return;
  const committed = commitStratifiedPool(
    pool.map((p) => ({ id: p.creditCode, riskClass: p.riskClass, industrySection: p.industrySection })),
    allocation,
  );
  const planId = newId();
  await repo.insertPlan(tx, {
    id: planId,
    regionCode: ctx.regionCode,
    code: await repo.nextCode(tx, ctx.regionCode, 'CC', s.year),
    kind: 'general',
    name: `${s.year}年度重点工业产品质量安全监督检查（第二批）`,
    itemIds: s.itemIds.slice(0, 1),
    filters,
    allocation,
    periodStart: s.dayOf(3),
    periodEnd: s.dayOf(-60),
    departmentIds: [ctx.officeDepartmentId],
    inspectorsPerTarget: 2,
    status: 'committed',
    seedSource: '中国福利彩票3D当日开奖号码',
    seedAnnouncedOn: s.dayOf(0),
    algorithm: DRAW_ALGORITHM,
    poolHash: committed.poolHash,
    poolSize: committed.poolSize,
    committedAt: s.at(3),
    createdBy: ctx.userIds.office ?? null,
    createdAt: s.at(5),
    updatedAt: s.at(3),
  });
  await repo.insertDrawRecords(
    tx,
    committed.strata.map((stratum) => ({
      id: newId(),
      planId,
      regionCode: ctx.regionCode,
      kind: 'targets' as const,
      stratum: stratum.key,
      riskClass: stratum.riskClass,
      industrySection: stratum.industrySection,
      pool: stratum.pool,
      poolHash: stratum.poolHash,
      count: stratum.count,
      createdAt: s.at(3),
    })),
  );
}

async function seedFinishedRound(
  tx: Executor,
  ctx: DemoSeedContext,
  s: { itemIds: string[]; inspectorIds: string[]; year: number; at: (d: number) => Date; dayOf: (d: number) => string },
) {
  const planId = newId();
  const filters: PlanFilters = { riskClasses: [], industrySections: [], flags: [] };
  const allocation = { mode: 'ratio' as const, ratioBp: { high: 3000, mediumHigh: 1000, medium: 500, low: 200 } };
  const pool = await repo.eligiblePool(tx, ctx.regionCode, filters);
  if (pool.length === 0) return;
  const committed = commitStratifiedPool(
    pool.map((p) => ({ id: p.creditCode, riskClass: p.riskClass, industrySection: p.industrySection })),
    allocation,
  );
  const seedSources = [[3, 11, 17, 24, 29, 32], [8]]; // a lottery's red and blue balls, as announced
  const code = await repo.nextCode(tx, ctx.regionCode, 'CC', s.year);
  await repo.insertPlan(tx, {
    id: planId,
    regionCode: ctx.regionCode,
    code,
    kind: 'general',
    name: `${s.year}年度“双随机、一公开”产品质量监督检查（第一批）`,
    itemIds: s.itemIds.slice(0, 2),
    filters,
    allocation,
    periodStart: s.dayOf(40),
    periodEnd: s.dayOf(-20),
    departmentIds: [ctx.officeDepartmentId],
    inspectorsPerTarget: 2,
    status: 'assigned',
    seedSource: '中国福利彩票双色球开奖号码（红球 / 蓝球）',
    seedAnnouncedOn: s.dayOf(33),
    seedSources,
    algorithm: DRAW_ALGORITHM,
    poolHash: committed.poolHash,
    poolSize: committed.poolSize,
    committedAt: s.at(35),
    drawnAt: s.at(33),
    createdBy: ctx.userIds.office ?? null,
    createdAt: s.at(40),
    updatedAt: s.at(33),
  });
  const byCode = new Map(pool.map((p) => [p.creditCode, p]));
  const order: { creditCode: string; stratum: string }[] = [];
  for (const stratum of committed.strata) {
    const result = stratum.count > 0 ? drawFromPool(stratum.pool, stratum.count, seedSources) : [];
    order.push(...result.map((creditCode) => ({ creditCode, stratum: stratum.key })));
    await repo.insertDrawRecords(tx, [
      {
        id: newId(),
        planId,
        regionCode: ctx.regionCode,
        kind: 'targets',
        stratum: stratum.key,
        riskClass: stratum.riskClass,
        industrySection: stratum.industrySection,
        pool: stratum.pool,
        poolHash: stratum.poolHash,
        count: stratum.count,
        seedSources,
        result,
        createdAt: s.at(35),
        drawnAt: s.at(33),
      },
    ]);
  }
  const ties = await repo.tiesOf(tx, s.inspectorIds);
  const candidates = s.inspectorIds.map((id) => ({
    id,
    status: 'active' as const,
    unitId: ctx.officeDepartmentId,
    tiedEnterpriseIds: ties.filter((t) => t.inspectorId === id).map((t) => t.enterpriseId),
  }));
  const cal = defaultWorkingCalendar();
  for (const [i, o] of order.entries()) {
    const target = byCode.get(o.creditCode)!;
    const drawn = drawInspectorsFor({
      candidates,
      enterpriseId: target.enterpriseId,
      unitIds: [ctx.officeDepartmentId],
      count: 2,
      seedSources,
      position: i + 1,
      label: `${code}`,
      createdAt: s.at(33).toISOString(),
    });
    if (!drawn.ok) continue;
    await repo.insertDrawRecords(tx, [
      {
        id: newId(),
        planId,
        regionCode: ctx.regionCode,
        kind: 'inspectors',
        stratum: drawn.record.stratum!,
        pool: drawn.record.pool,
        poolHash: drawn.record.poolHash,
        count: drawn.record.count,
        seedSources: drawn.record.seedSources,
        result: drawn.record.result,
        createdAt: s.at(33),
        drawnAt: s.at(33),
      },
    ]);
    // The first few were inspected three weeks ago; most of those are published, one is overdue.
    const inspected = i < 4;
    const inspectedOn = s.dayOf(30 - i);
    await repo.insertInspections(tx, [
      {
        id: newId(),
        regionCode: ctx.regionCode,
        code: await repo.nextCode(tx, ctx.regionCode, 'JC', s.year),
        planId,
        enterpriseId: target.enterpriseId,
        creditCode: target.creditCode,
        enterpriseName: target.name,
        stratum: o.stratum,
        position: i + 1,
        inspectorIds: drawn.record.result,
        status: inspected ? 'recorded' : 'assigned',
        inspectedOn: inspected ? inspectedOn : null,
        findings: inspected ? (i === 1 ? '产品标识不规范，已当场整改' : '未发现问题') : null,
        result: inspected ? (i === 1 ? 'correctedOnSpot' : 'noProblem') : null,
        publicationDueOn: inspected ? addWorkingDays(cal, inspectedOn, 20) : null,
        publishedAt: inspected && i < 3 ? s.at(25 - i) : null,
        createdAt: s.at(33),
        updatedAt: s.at(25),
      },
    ]);
  }
}
