import { addDays, DEFAULT_ASSESSMENT_INDICATORS, scoreAssessment, taskDeadline, todayInShanghai, type GroupRole } from '@qd/core';
import { loadWorkingCalendar } from '../../platform/calendar/index.js';
import type { Executor } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import type { DemoSeedContext } from '../../platform/server-module.js';
import { listDepartments } from '../registry/index.js';
import { assessedDepartments, gatherFigures } from './assessment.service.js';
import * as assessmentRepo from './assessment.repo.js';
import * as budgetRepo from './budget.repo.js';
import * as groupRepo from './group.repo.js';
import * as meetingsRepo from './meetings.repo.js';
import * as tasksRepo from './tasks.repo.js';

const SEATS: Record<string, { role: GroupRole; person: string; title: string }> = {
  管委会: { role: 'leader', person: '王建华', title: '管委会主任（组长）' },
  高新市场监管分局: { role: 'office', person: '刘志远', title: '分局局长（副组长兼办公室主任）' },
  经发局: { role: 'deputy_leader', person: '陈国强', title: '经发局局长（副组长）' },
};

/**
 * The demo district's year of governance, dated back from `now`: the group (with one change of
 * member), three meetings (published, held, planned) with resolutions and tasks in every state,
 * the year's scheme computed, and the budget lines with some use. Written through the repos in
 * the seed's transaction; kept small because every API test file seeds it.
 */
export async function seedDemoGovernance(tx: Executor, ctx: DemoSeedContext): Promise<void> {
  const { regionCode } = ctx;
  const today = todayInShanghai(ctx.now);
  const year = Number(today.slice(0, 4));
  const cal = await loadWorkingCalendar(tx, regionCode);
  const departments = (await listDepartments(tx, regionCode)).filter((d) => d.inLeadershipGroup);
  const byShort = new Map(departments.map((d) => [d.shortName ?? d.name, d]));
  const since = `${year - 1}-01-01`;

  // ---- the group ----
  for (const d of departments) {
    const seat = SEATS[d.shortName ?? ''];
    const short = d.shortName ?? d.name;
    if (short === '税务局') {
      // A change of member over time: the tax bureau's seat passed from one deputy head to another.
      await groupRepo.insertMember(tx, {
        id: newId(),
        regionCode,
        departmentId: d.id,
        groupRole: 'member',
        personName: '赵明',
        personTitle: '副局长',
        responsibilities: d.responsibilities ?? '',
        since,
        until: `${year - 1}-12-31`,
        endNote: '人事调整',
        createdAt: ctx.now,
      });
    }
    await groupRepo.insertMember(tx, {
      id: newId(),
      regionCode,
      departmentId: d.id,
      groupRole: seat?.role ?? 'member',
      personName: seat?.person ?? `${short}负责人`,
      personTitle: seat?.title ?? '主要负责人',
      responsibilities: d.responsibilities ?? '',
      headUserId: d.id === ctx.officeDepartmentId ? (ctx.userIds.dept ?? null) : null,
      since: short === '税务局' ? `${year}-01-01` : since,
      createdAt: ctx.now,
    });
  }
  const members = departments.filter((d) => d.leadershipRole !== 'leader');
  const pick = (short: string) => byShort.get(short)!.id;

  // ---- meetings ----
  const meeting = async (
    n: number,
    kind: 'regular' | 'ad_hoc',
    title: string,
    on: string,
    state: 'planned' | 'held' | 'published',
    agenda: string[],
  ) => {
    const id = newId();
    await meetingsRepo.insertMeeting(tx, {
      id,
      regionCode,
      code: `LX-${year}-${String(n).padStart(2, '0')}`,
      year,
      kind,
      title,
      scheduledOn: on,
      location: '高新区管委会三楼会议室',
      agenda,
      minutes: state === 'planned' ? null : `会议听取了${agenda.join('、')}的汇报，研究部署了下一阶段质量强区工作。`,
      state,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    if (state !== 'planned') {
      await meetingsRepo.upsertAttendance(
        tx,
        departments.map((d, i) => ({
          meetingId: id,
          departmentId: d.id,
          attendance: n === 1 && i === 11 ? 'absent' : n === 1 && i === 12 ? 'delegated' : 'present',
          attendeeName: null,
        })),
      );
    }
    return { id, code: `LX-${year}-${String(n).padStart(2, '0')}`, on };
  };
  const m1 = await meeting(1, 'regular', `${year}年第一次质量强区工作联席会议`, addDays(today, -120), 'published', [
    '上年度质量工作总结',
    '本年度工作要点',
    '质量奖评审安排',
  ]);
  const m2 = await meeting(2, 'ad_hoc', '产品质量安全专题联席会议', addDays(today, -40), 'held', [
    '重点产品监督抽查结果',
    '风险监测问题整改',
  ]);
  await meeting(3, 'regular', `${year}年第四季度质量强区工作联席会议`, addDays(today, 20), 'planned', [
    '年度考评',
    '下一年度质量工作经费预算',
  ]);

  // ---- resolutions and tasks ----
  let taskNo = 1;
  const resolution = async (
    m: { id: string; code: string; on: string },
    n: number,
    text: string,
    specs: {
      title: string;
      lead: string;
      support: string[];
      days: number;
      output: string;
      state: 'assigned' | 'in_progress' | 'submitted' | 'returned' | 'closed';
      closedLate?: boolean;
    }[],
  ) => {
    const resolutionId = newId();
    await meetingsRepo.insertResolution(tx, {
      id: resolutionId,
      regionCode,
      meetingId: m.id,
      code: `${m.code}-R${n}`,
      text,
      createdAt: ctx.now,
    });
    for (const s of specs) {
      const id = newId();
      const deadline = taskDeadline(cal, m.on, { workingDays: s.days });
      const closedOn = s.state === 'closed' ? (s.closedLate ? addDays(deadline, 3) : addDays(deadline, -2)) : null;
      await tasksRepo.insertTasks(tx, [
        {
          id,
          regionCode,
          code: `DB-${year}-${String(taskNo++).padStart(4, '0')}`,
          year,
          resolutionId,
          title: s.title,
          leadDepartmentId: pick(s.lead),
          supportingDepartmentIds: s.support.map(pick),
          assignedOn: m.on,
          deadline,
          deadlineWorkingDays: s.days,
          expectedOutput: s.output,
          priority: 'normal',
          state: s.state,
          progressPercent: s.state === 'closed' ? 100 : s.state === 'assigned' ? 0 : 60,
          lastReportedOn: s.state === 'assigned' ? null : addDays(m.on, 10),
          closedOn,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        },
      ]);
      if (s.state !== 'assigned') {
        await tasksRepo.insertProgress(tx, {
          id: newId(),
          taskId: id,
          departmentId: pick(s.lead),
          reportedBy: ctx.userIds.dept!,
          reportedByName: '部门联络员',
          note: '已制定工作方案，正在推进落实。',
          percent: 60,
          reportedOn: addDays(m.on, 10),
          reportedAt: ctx.now,
        });
      }
    }
  };
  await resolution(m1, 1, '制定年度质量强区工作要点，分解落实到各成员单位。', [
    {
      title: '印发年度质量强区工作要点',
      lead: '高新市场监管分局',
      support: ['党政办'],
      days: 15,
      output: '工作要点文件',
      state: 'closed',
    },
    {
      title: '开展品牌培育企业摸底',
      lead: '经发局',
      support: ['高新市场监管分局'],
      days: 30,
      output: '品牌培育企业名单',
      state: 'closed',
      closedLate: true,
    },
  ]);
  await resolution(m1, 2, '落实主任质量奖奖金和质量工作经费。', [
    { title: '落实质量奖奖金预算', lead: '财政局', support: [], days: 20, output: '预算批复', state: 'closed' },
  ]);
  await resolution(m2, 1, '对监督抽查不合格产品开展专项整治。', [
    {
      title: '不合格产品企业整改跟踪',
      lead: '高新市场监管分局',
      support: ['应急局'],
      days: 25,
      output: '整改报告',
      state: 'in_progress',
    },
    { title: '建设工程质量专项检查', lead: '规建局', support: [], days: 20, output: '检查通报', state: 'returned' },
    { title: '环境质量监测数据通报', lead: '生态环境分局', support: [], days: 15, output: '监测通报', state: 'assigned' },
    { title: '服务业质量提升方案', lead: '商务局', support: ['社会事业局'], days: 60, output: '提升方案', state: 'submitted' },
  ]);

  // ---- the year's assessment: computed, not yet approved ----
  const schemeId = newId();
  await assessmentRepo.insertScheme(tx, {
    id: schemeId,
    regionCode,
    year,
    indicators: DEFAULT_ASSESSMENT_INDICATORS,
    thresholds: { A: 90, B: 80, C: 60 },
    state: 'draft',
    createdAt: ctx.now,
  });
  for (const [i, d] of members.entries()) {
    await assessmentRepo.upsertValue(tx, {
      schemeId,
      indicatorCode: 'quality_innovation',
      departmentId: d.id,
      numerator: 6 + (i % 5),
      denominator: 10,
      evidence: `${d.shortName ?? d.name}年度质量工作总结（办公室评分 ${6 + (i % 5)}/10）`,
      enteredBy: ctx.userIds.office!,
      enteredAt: ctx.now,
    });
  }
  const scheme = (await assessmentRepo.findScheme(tx, regionCode, year))!;
  const assessed = await assessedDepartments(tx, regionCode, year);
  const figures = await gatherFigures(tx, scheme, assessed, today);
  const scores = scoreAssessment({ indicators: scheme.indicators, thresholds: scheme.thresholds }, assessed, figures);
  await assessmentRepo.replaceResults(
    tx,
    schemeId,
    scores.map((s) => ({
      schemeId,
      departmentId: s.departmentId,
      totalHundredths: s.totalHundredths,
      grade: s.grade,
      breakdown: s.breakdown,
      computedAt: ctx.now,
    })),
  );
  await assessmentRepo.updateScheme(tx, schemeId, { state: 'computed', computedAsOf: today, computedAt: ctx.now });

  // ---- the budget ----
  const line = async (code: string, name: string, budgetFen: number) => {
    const id = newId();
    await budgetRepo.insertLine(tx, { id, regionCode, year, code, name, budgetFen, createdAt: ctx.now });
    return id;
  };
  const award = await line('director_award', '主任质量奖奖金', 30_000_000);
  const funds = await line('quality_funds', '质量工作经费', 10_000_000);
  await line('spot_checks', '质量监督抽查经费', 8_000_000);
  await line('risk_monitoring', '质量安全风险监测经费', 5_000_000);
  const commitmentId = newId();
  const entry = { regionCode, createdBy: ctx.userIds.office!, createdAt: ctx.now };
  await budgetRepo.insertEntries(tx, [
    {
      ...entry,
      id: commitmentId,
      lineId: award,
      kind: 'commitment',
      amountFen: 20_000_000,
      purpose: `${year - 1}年度主任质量奖奖金（2家）`,
      document: `高新管〔${year}〕12号`,
      occurredOn: addDays(today, -60),
    },
    {
      ...entry,
      id: newId(),
      lineId: award,
      kind: 'payment',
      amountFen: 10_000_000,
      commitmentId,
      fromCommitmentFen: 10_000_000,
      payee: '平顶山神马尼龙新材料有限公司',
      document: '支付凭证 ZF-001',
      occurredOn: addDays(today, -30),
    },
    {
      ...entry,
      id: newId(),
      lineId: funds,
      kind: 'payment',
      amountFen: 1_250_000,
      payee: '平顶山卓越绩效管理咨询有限公司',
      purpose: '卓越绩效培训',
      document: '合同 HT-2026-08',
      occurredOn: addDays(today, -50),
    },
  ]);
}
