import crypto from 'node:crypto';
import {
  DEFAULT_ELIGIBILITY_RULES,
  GBT_19580_2012,
  criteriaItems,
  todayInShanghai,
  type AwardCalendar,
  type AwardLevel,
} from '@qd/core';
import type { Executor } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import type { DemoSeedContext } from '../../platform/server-module.js';
import {
  awardApplicationHistory,
  awardApplications,
  awardCycles,
  awardExpertScores,
  awardProgrammes,
  awardReviewMembers,
  awardReviewRecords,
  type ReviewSettingsRow,
} from './awards.tables.js';

const ITEMS = criteriaItems(GBT_19580_2012);
const REVIEW: ReviewSettingsRow = {
  minGroupSize: 5,
  divergenceThreshold: 30,
  normalisationMinScores: 10,
  conflictYears: 3,
  loadCap: 6,
};
const LETTER = { district: 'Q', city: 'S', province: 'P' } as const;
/** The steps a winning application went through, in order. */
const WINNING_PATH: [string, string, string][] = [
  ['submit', 'draft', 'submitted'],
  ['startEligibilityReview', 'submitted', 'eligibility_review'],
  ['confirmEligible', 'eligibility_review', 'eligible'],
  ['recommend', 'eligible', 'recommended'],
  ['startDocumentReview', 'recommended', 'document_review'],
  ['completeDocumentReview', 'document_review', 'site_review'],
  ['completeSiteReview', 'site_review', 'committee'],
  ['propose', 'committee', 'proposed'],
  ['award', 'proposed', 'awarded'],
];

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function calendarOf(opensOn: string): AwardCalendar {
  return {
    applicationOpensOn: opensOn,
    applicationClosesOn: addDays(opensOn, 60),
    eligibilityReviewBy: addDays(opensOn, 80),
    documentReviewBy: addDays(opensOn, 120),
    siteReviewBy: addDays(opensOn, 170),
    committeeBy: addDays(opensOn, 200),
    noticeDays: 7,
  };
}

/**
 * The demo district's award ladder: the district, city and provincial programmes; the flagship
 * enterprise (平顶山神马尼龙) won the district award five years ago, the city award three years
 * ago and the governor's award last year (finished cycles with scores, consensus and feedback);
 * the district's cycle of this year is open for applications.
 */
export async function seedDemoAwards(tx: Executor, ctx: DemoSeedContext): Promise<void> {
  const now = ctx.now;
  const today = todayInShanghai(now);
  const year = Number(today.slice(0, 4));
  const programmes = [
    { level: 'district' as const, regionCode: ctx.regionCode, name: '高新区管委会质量奖', quota: 3, prize: 20_000_000, years: 1 },
    { level: 'city' as const, regionCode: '410400', name: '平顶山市市长质量奖', quota: 8, prize: 50_000_000, years: 2 },
    { level: 'province' as const, regionCode: '410000', name: '河南省省长质量奖', quota: 8, prize: 100_000_000, years: 2 },
  ].map((p) => ({ ...p, id: newId() }));
  await tx.insert(awardProgrammes).values(
    programmes.map((p) => ({
      id: p.id,
      regionCode: p.regionCode,
      name: p.name,
      level: p.level,
      cycleYears: p.years,
      winnerQuota: p.quota,
      nominationQuota: p.level === 'province' ? 8 : 1,
      prizeMoneyFen: p.prize,
      nominationPrizeMoneyFen: p.prize / 4,
      criteriaVersionId: GBT_19580_2012.id,
      eligibilityRules: DEFAULT_ELIGIBILITY_RULES.map((r) => ({ ...r })),
      review: REVIEW,
      calendar: calendarOf(`${year}-03-01`),
      createdAt: now,
      updatedAt: now,
    })),
  );

  const finished: { level: AwardLevel; year: number }[] = [
    { level: 'district', year: year - 5 },
    { level: 'city', year: year - 3 },
    { level: 'province', year: year - 1 },
  ];
  const cycleRows: (typeof awardCycles.$inferInsert & { calendar: AwardCalendar })[] = finished.map((f) => {
    const p = programmes.find((x) => x.level === f.level)!;
    const id = newId();
    const opens = `${f.year}-03-01`;
    const cal = calendarOf(opens);
    const noticeStartsOn = addDays(cal.committeeBy!, 5);
    return {
      id,
      programmeId: p.id,
      regionCode: p.regionCode,
      level: f.level,
      year: f.year,
      code: `${p.regionCode}-${LETTER[f.level]}${f.year}-${id.slice(-4)}`,
      status: 'announced' as const,
      calendar: cal,
      criteriaVersionId: GBT_19580_2012.id,
      winnerQuota: p.quota,
      nominationQuota: 1,
      eligibilityRules: DEFAULT_ELIGIBILITY_RULES.map((r) => ({ ...r })),
      review: REVIEW,
      blindingSeed: crypto.randomBytes(16).toString('hex'),
      noticeStartsOn,
      noticeEndsOn: addDays(noticeStartsOn, 6),
      openedAt: new Date(`${opens}T01:00:00Z`),
      announcedAt: new Date(`${addDays(noticeStartsOn, 10)}T01:00:00Z`),
      createdAt: new Date(`${opens}T01:00:00Z`),
    };
  });
  // This year's district cycle: open, the window running from a month ago to two months ahead.
  const district = programmes[0]!;
  const currentId = newId();
  cycleRows.push({
    id: currentId,
    programmeId: district.id,
    regionCode: district.regionCode,
    level: 'district',
    year,
    code: `${district.regionCode}-Q${year}-${currentId.slice(-4)}`,
    status: 'open',
    calendar: calendarOf(addDays(today, -30)),
    criteriaVersionId: GBT_19580_2012.id,
    winnerQuota: district.quota,
    nominationQuota: 1,
    eligibilityRules: DEFAULT_ELIGIBILITY_RULES.map((r) => ({ ...r })),
    review: REVIEW,
    blindingSeed: crypto.randomBytes(16).toString('hex'),
    openedAt: now,
    createdAt: now,
  });
  await tx.insert(awardCycles).values(cycleRows);

  const selfAssessment = ITEMS.map((item, i) => ({
    itemId: item.id,
    percentage: 60 + (i % 4) * 5,
    description: `${item.name.zh}：建立了系统的方法并全面展开，定期评价改进。`,
  }));
  const facts = {
    contactName: '张经理',
    contactPhone: '13803751234',
    employees: 3200,
    annualRevenueFen: 1_850_000_000_00,
    littleGiant: false,
    profile: '尼龙66盐与工程塑料的龙头企业，自2012年起导入卓越绩效管理模式。',
  };
  let previous: string | null = null;
  for (const cycle of cycleRows.slice(0, 3)) {
    const appId = newId();
    const awardedOn = addDays(cycle.noticeEndsOn!, 3);
    const at = (n: number) => new Date(`${addDays(cycle.calendar.applicationOpensOn, n * 20)}T02:00:00Z`);
    await tx.insert(awardApplications).values({
      id: appId,
      cycleId: cycle.id!,
      regionCode: ctx.regionCode,
      organizationId: ctx.enterpriseId,
      code: `${cycle.code}-001`,
      state: 'awarded',
      facts,
      selfAssessment,
      declarationAccepted: true,
      submittedAt: at(1),
      decision: 'winner',
      awardedOn,
      recommendedFromId: previous,
      createdAt: at(0),
      updatedAt: new Date(`${awardedOn}T02:00:00Z`),
    });
    previous = appId;
    await tx.insert(awardApplicationHistory).values(
      WINNING_PATH.map(([transition, fromState, toState], i) => ({
        id: newId(),
        applicationId: appId,
        regionCode: ctx.regionCode,
        transition,
        fromState,
        toState,
        comment: null,
        actorId: null,
        // Past awards: the enterprise submitted, the award office ran every later step.
        actorName: transition === 'submit' ? '神马尼龙 质量部 张经理' : '质量奖评审办公室',
        at: at(i + 1),
      })),
    );
    // Five of the pool's experts reviewed it; the first led the group.
    const reviewers = ctx.expertIds.slice(0, 5);
    await tx.insert(awardReviewMembers).values(
      reviewers.map((expertId, k) => ({
        id: newId(),
        applicationId: appId,
        cycleId: cycle.id!,
        regionCode: ctx.regionCode,
        expertId,
        isLeader: k === 0,
        source: 'proposal' as const,
        status: 'active' as const,
        declaredNoConflictAt: at(5),
        createdAt: at(4),
      })),
    );
    await tx.insert(awardExpertScores).values(
      reviewers.map((expertId, k) => ({
        id: newId(),
        applicationId: appId,
        cycleId: cycle.id!,
        regionCode: ctx.regionCode,
        expertId,
        entries: ITEMS.map((item, i) => ({
          itemId: item.id,
          percentage: Math.min(100, 55 + ((i + k) % 5) * 5),
          strengths: '方法系统、展开充分',
          opportunities: '对标比较可加强',
        })),
        submittedAt: at(6),
        updatedAt: at(6),
      })),
    );
    await tx.insert(awardReviewRecords).values({
      applicationId: appId,
      regionCode: ctx.regionCode,
      consensus: ITEMS.map((item, i) => ({ itemId: item.id, percentage: 60 + (i % 3) * 5, rationale: '组内讨论达成一致' })),
      siteReview: {
        visitedOn: addDays(cycle.calendar.applicationOpensOn, 150),
        members: ['组长', '组员'],
        findings: '现场核实生产、质量与顾客满意度记录，与申报材料一致。',
        adjustments: '',
      },
      feedback: {
        keyThemes: '高层领导推动卓越绩效成效显著；结果类指标保持行业领先。',
        categories: GBT_19580_2012.categories.map((c) => ({
          categoryId: c.id,
          strengths: `${c.name.zh}方面做法系统`,
          opportunities: `${c.name.zh}方面的对标比较可加强`,
        })),
        submittedAt: at(8).toISOString(),
      },
      updatedAt: at(8),
    });
  }
}
