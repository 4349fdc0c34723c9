import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GBT_19580_2012, criteriaItems, translate } from '@qd/core';
import { ManualClock } from '../../platform/clock.js';
import { addUsers, enterpriseBody, loginAll, multipartFile } from '../../testing/fixtures.js';
import { POSTGRES_MISSING, TEST_DB, call, createTestApp, type Session, type TestApp } from '../../testing/test-app.js';
import { linkExpertUser } from '../registry/index.js';

/**
 * One whole award cycle through the API (issue 3): programme → cycle → 12 applications (one
 * ineligible, one late) → eligibility → review groups (a conflicted expert never assigned, load
 * caps hold) → independent scores → consensus → site review → ranking → quota → notice →
 * objections → approval → certificate → lock-out next cycle → recommendation to the city level.
 */

const API = '/api/v1';
const ITEMS = criteriaItems(GBT_19580_2012);
const ENTERPRISES = 12;
const EXPERTS = 11;
const LOAD_CAP = 5;

type Res = Awaited<ReturnType<typeof call>>;
/** What the untyped calls read of programmes and cycles. */
interface Created {
  id: string;
  status: string;
  eligibilityRules: { kind: string }[];
}
interface App {
  id: string;
  code: string;
  state: string;
  organizationId: string;
}

const calendar = {
  applicationOpensOn: '2026-03-01',
  applicationClosesOn: '2026-04-30',
  eligibilityReviewBy: '2026-05-20',
  documentReviewBy: '2026-06-30',
  siteReviewBy: '2026-08-31',
  committeeBy: '2026-09-30',
  noticeDays: 7,
};

const facts = (name: string) => ({
  contactName: `${name}质量部`,
  contactPhone: '13812345678',
  employees: 800,
  annualRevenueFen: 1_200_000_000,
  littleGiant: false,
  profile: `${name}主营尼龙新材料，推行卓越绩效管理模式十年。`,
});

/** Self-assessment: every item, 50–70 %. */
const selfAssessment = ITEMS.map((item, i) => ({
  itemId: item.id,
  percentage: 50 + (i % 5) * 5,
  description: `${item.name.zh}的做法与成效`,
}));

describe.skipIf(POSTGRES_MISSING)(`awards API on ${TEST_DB}`, () => {
  let t: TestApp;
  const clock = new ManualClock('2026-04-01T02:00:00Z');
  let s: Record<string, Session>;
  const enterpriseIds: string[] = [];
  const enterpriseNames: string[] = [];
  const expertIds: string[] = [];
  const expertUser: Record<string, string> = {};
  let programmeId: string;
  let cycleId: string;
  const apps: App[] = [];

  const req = (who: string | null, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
    call(t.app, who ? s[who]! : null, method, `${API}${url}`, body);
  const ok = async <T = Created>(
    who: string | null,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    status?: number,
  ): Promise<T> => {
    const res = await req(who, method, url, body);
    const expected = status ?? (method === 'POST' && res.statusCode === 201 ? 201 : 200);
    if (res.statusCode !== expected) throw new Error(`${who} ${method} ${url}: ${res.statusCode} ${res.body}`);
    return (res.body ? res.json() : undefined) as T;
  };
  const errorOf = (res: Res) =>
    res.json() as { error: { code: string; message: string; details?: { path: string; message: string }[] } };
  const entUser = (i: number) => `ent${i}`;
  /** Sessions expire by the (manual) clock: after moving it, everyone signs in again. */
  const moveClock = async (move: () => void) => {
    move();
    s = await loginAll(t.app, Object.keys(s));
  };
  const uploadAs = (who: string | null, url: string, fileName: string, bytes: Buffer, type: string) => {
    const body = multipartFile('file', fileName, bytes, type);
    return t.app.inject({
      method: 'POST',
      url: `${API}${url}`,
      payload: body.payload,
      headers: { ...(who ? { cookie: s[who]!.cookie, 'x-csrf-token': s[who]!.csrf } : {}), 'content-type': body.contentType },
    });
  };

  beforeAll(async () => {
    t = await createTestApp({ enterprises: 5, clock });
    await addUsers(t, '410400', [{ username: 'cityoffice', roles: ['office'] }]);
    const base = await loginAll(t.app, [
      'office',
      'leader',
      'auditor',
      'dept',
      'enterprise',
      'expert',
      'institution',
      'cityoffice',
    ] as const);
    s = { ...base };
    // Twelve enterprises of the zone; number 2 was founded two years ago (ineligible).
    for (let i = 0; i < ENTERPRISES; i++) {
      const name = `鹰城卓越${i}号制造有限公司`;
      const org = await ok<{ id: string }>(
        'office',
        'POST',
        '/enterprises',
        enterpriseBody({ name, foundedOn: i === 2 ? '2024-05-01' : '2008-03-01' }),
        201,
      );
      enterpriseIds.push(org.id);
      enterpriseNames.push(name);
    }
    await addUsers(
      t,
      '410471',
      enterpriseIds.map((id, i) => ({ username: entUser(i), roles: ['enterprise'], organizationId: id })),
    );
    // Eleven experts with accounts; expert 0 worked for enterprise 0 until last year (conflict).
    for (let i = 0; i < EXPERTS; i++) {
      const e = await ok<{ id: string }>(
        'office',
        'POST',
        '/experts',
        {
          name: `评审专家${i}`,
          regionCode: '410471',
          title: 'senior',
          specialties: ['卓越绩效'],
          industrySections: ['C'],
          affiliationName: `平顶山学院${i}系`,
          pastEmployments:
            i === 0 ? [{ organizationName: enterpriseNames[0], from: '2015-01-01', to: '2025-06-30', relation: 'employee' }] : [],
        },
        201,
      );
      expertIds.push(e.id);
    }
    const ids = await addUsers(
      t,
      '410471',
      expertIds.map((_, i) => ({ username: `ex${i}`, roles: ['expert'] })),
    );
    for (let i = 0; i < EXPERTS; i++) {
      await linkExpertUser(t.database.db, expertIds[i]!, ids[`ex${i}`]!);
      expertUser[expertIds[i]!] = `ex${i}`;
    }
    // The demo expert (赵建国) has an account too and is part of the pool.
    const pool = await ok<{ data: { id: string; name: string }[] }>('office', 'GET', '/experts?pageSize=100');
    expertUser[pool.data.find((e) => e.name === '赵建国')!.id] = 'expert';
    Object.assign(s, await loginAll(t.app, [...enterpriseIds.map((_, i) => entUser(i)), ...expertIds.map((_, i) => `ex${i}`)]));
  });
  afterAll(async () => t?.close());

  it('the office defines a district programme and opens its cycle; bad input is refused by field', async () => {
    const bad = await req('office', 'POST', '/awards/programmes', {
      name: '',
      level: 'district',
      regionCode: '410471',
      cycleYears: 1,
      winnerQuota: 3,
      prizeMoneyFen: 12.5,
      calendar: { ...calendar, applicationClosesOn: '2026-02-01' },
    });
    expect(bad.statusCode).toBe(400);
    const paths = errorOf(bad).error.details!.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'prizeMoneyFen', 'calendar.applicationClosesOn']));

    const programme = await ok('office', 'POST', '/awards/programmes', {
      name: '高新区区长质量奖',
      level: 'district',
      regionCode: '410471',
      cycleYears: 1,
      winnerQuota: 3,
      nominationQuota: 1,
      prizeMoneyFen: 20_000_000,
      nominationPrizeMoneyFen: 5_000_000,
      review: { minGroupSize: 5, loadCap: LOAD_CAP, conflictYears: 3 },
      calendar,
    });
    programmeId = programme.id;
    expect(programme.eligibilityRules.map((r: { kind: string }) => r.kind)).toContain('winnerLockout');

    const cycle = await ok('office', 'POST', `/awards/programmes/${programmeId}/cycles`, { year: 2026, calendar });
    cycleId = cycle.id;
    expect(cycle.status).toBe('planned');
    const dup = await req('office', 'POST', `/awards/programmes/${programmeId}/cycles`, { year: 2026, calendar });
    expect(dup.statusCode).toBe(422);
    expect((await ok('office', 'POST', `/awards/cycles/${cycleId}/open`)).status).toBe('open');
    expect((await req('office', 'POST', `/awards/cycles/${cycleId}/open`)).statusCode).toBe(409);

    // enterprise sees the open cycle; others may not manage programmes
    const open = await ok<{ id: string; windowOpen: boolean }[]>(entUser(0), 'GET', '/awards/cycles/open');
    expect(open.find((c) => c.id === cycleId)?.windowOpen).toBe(true);
    for (const who of ['enterprise', 'expert', 'dept', 'auditor', 'institution', 'leader'])
      expect((await req(who, 'POST', '/awards/programmes', { ...programme, name: 'x' })).statusCode, who).toBe(403);
    for (const who of ['expert', 'dept', 'auditor', 'institution'])
      expect((await req(who, 'GET', '/awards/programmes')).statusCode, who).toBe(403);
  });

  it('twelve enterprises apply: drafts, evidence, an ineligible one refused naming the rule, a late one refused', async () => {
    for (let i = 0; i < ENTERPRISES; i++) {
      const app = await ok<App>(entUser(i), 'POST', `/awards/cycles/${cycleId}/applications`, undefined, 201);
      apps.push(app);
      expect(app.state).toBe('draft');
    }
    expect((await req(entUser(0), 'POST', `/awards/cycles/${cycleId}/applications`)).statusCode).toBe(409);

    // A percentage off the 5-step scale and an unknown item are refused by field.
    const bad = await req(entUser(0), 'PUT', `/awards/applications/${apps[0]!.id}`, {
      selfAssessment: [
        { itemId: '4.1.1', percentage: 52, description: 'x' },
        { itemId: '9.9.9', percentage: 50, description: 'x' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    const badItem = await req(entUser(0), 'PUT', `/awards/applications/${apps[0]!.id}`, {
      selfAssessment: [{ itemId: '9.9.9', percentage: 50, description: 'x' }],
    });
    expect(badItem.statusCode).toBe(422);
    expect(errorOf(badItem).error.details![0]!.path).toBe('selfAssessment.0.itemId');

    // An incomplete draft cannot be submitted.
    const early = await req(entUser(0), 'POST', `/awards/applications/${apps[0]!.id}/submit`);
    expect(early.statusCode).toBe(422);
    expect(errorOf(early).error.details!.map((d) => d.path)).toContain('declarationAccepted');

    for (let i = 0; i < ENTERPRISES; i++) {
      await ok(entUser(i), 'PUT', `/awards/applications/${apps[i]!.id}`, { facts: facts(enterpriseNames[i]!) });
      await ok(entUser(i), 'PUT', `/awards/applications/${apps[i]!.id}`, { selfAssessment, declarationAccepted: true });
    }

    // Evidence: stored with its checksum, type-checked, downloadable by the owner and the office only.
    const pdf = Buffer.from('%PDF-1.4\n% evidence\n');
    const up = await uploadAs(
      entUser(0),
      `/awards/applications/${apps[0]!.id}/attachments`,
      '质量管理手册.pdf',
      pdf,
      'application/pdf',
    );
    expect(up.statusCode).toBe(201);
    const file = up.json() as { fileId: string; sha256: string };
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    const wrongType = await uploadAs(
      entUser(0),
      `/awards/applications/${apps[0]!.id}/attachments`,
      'x.pdf',
      Buffer.from('not a pdf'),
      'application/pdf',
    );
    expect(wrongType.statusCode).toBe(400);
    const dl = await req('office', 'GET', `/awards/applications/${apps[0]!.id}/attachments/${file.fileId}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(pdf)).toBe(true);
    expect((await req(entUser(1), 'GET', `/awards/applications/${apps[0]!.id}/attachments/${file.fileId}`)).statusCode).toBe(404);
    // an expert not assigned to the application: it does not exist for them
    expect((await req('expert', 'GET', `/awards/applications/${apps[0]!.id}/attachments/${file.fileId}`)).statusCode).toBe(404);
    expect((await req('dept', 'GET', `/awards/applications/${apps[0]!.id}/attachments/${file.fileId}`)).statusCode).toBe(403);

    // The enterprise sees only its own applications.
    const own = await ok<App[]>(entUser(3), 'GET', '/awards/applications');
    expect(own.map((a) => a.id)).toEqual([apps[3]!.id]);
    expect((await req(entUser(3), 'GET', `/awards/applications/${apps[4]!.id}`)).statusCode).toBe(404);
    expect((await req(entUser(3), 'PUT', `/awards/applications/${apps[4]!.id}`, { declarationAccepted: true })).statusCode).toBe(
      404,
    );

    // Enterprise 2 is too young: submission is refused and names the rule.
    const young = await req(entUser(2), 'POST', `/awards/applications/${apps[2]!.id}/submit`);
    expect(young.statusCode).toBe(422);
    expect(errorOf(young).error.details!.map((d) => d.path)).toEqual(['eligibility.yearsInOperation']);
    const check = await ok<{ eligible: boolean }>(entUser(2), 'GET', `/awards/applications/${apps[2]!.id}/eligibility`);
    expect(check.eligible).toBe(false);

    for (let i = 0; i < ENTERPRISES; i++) {
      if (i === 2 || i === 11) continue;
      expect((await ok<App>(entUser(i), 'POST', `/awards/applications/${apps[i]!.id}/submit`)).state).toBe('submitted');
    }
    // Enterprise 11 comes after the deadline.
    await moveClock(() => clock.set('2026-05-01T02:00:00Z'));
    const late = await req(entUser(11), 'POST', `/awards/applications/${apps[11]!.id}/submit`);
    expect(late.statusCode).toBe(422);
    expect(errorOf(late).error.message).toBe('申报截止日期已过，不再受理申报');
    const board = await ok<{ pipeline: Record<string, number> }>('office', 'GET', `/awards/cycles/${cycleId}`);
    expect(board.pipeline.submitted).toBe(10);
    expect(board.pipeline.draft).toBe(2);
  });

  it('eligibility review: pass, return with reason and resubmit, reject; recommendation list published', async () => {
    // returning needs the reason
    expect(
      (await req('office', 'POST', `/awards/applications/${apps[9]!.id}/eligibility-decision`, { decision: 'return' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await req(entUser(9), 'POST', `/awards/applications/${apps[9]!.id}/eligibility-decision`, { decision: 'pass' }))
        .statusCode,
    ).toBe(403);
    const returned = await ok<App>('office', 'POST', `/awards/applications/${apps[9]!.id}/eligibility-decision`, {
      decision: 'return',
      comment: '营业执照复印件不清晰',
    });
    expect(returned.state).toBe('returned');
    const status = await ok<{ history: { comment: string | null }[] }>(entUser(9), 'GET', `/awards/applications/${apps[9]!.id}`);
    expect(status.history.at(-1)!.comment).toBe('营业执照复印件不清晰');
    // due five working days on: 1–5 May 2026 are the Labour Day holidays, Saturday 9 May a make-up working day
    expect((returned as App & { correctionDueOn: string }).correctionDueOn).toBe('2026-05-11');
    expect((await ok<App>(entUser(9), 'POST', `/awards/applications/${apps[9]!.id}/submit`)).state).toBe('submitted');

    const rejected = await ok<App>('office', 'POST', `/awards/applications/${apps[10]!.id}/eligibility-decision`, {
      decision: 'reject',
      comment: '近三年存在严重违法行为',
    });
    expect(rejected.state).toBe('rejected');
    for (const i of [0, 1, 3, 4, 5, 6, 7, 8, 9]) {
      expect(
        (await ok<App>('office', 'POST', `/awards/applications/${apps[i]!.id}/eligibility-decision`, { decision: 'pass' })).state,
      ).toBe('eligible');
      expect(
        (await ok<App>('office', 'POST', `/awards/applications/${apps[i]!.id}/transitions`, { transition: 'recommend' })).state,
      ).toBe('recommended');
    }
    // an illegal transition is a 409 with the reason
    const illegal = await req('office', 'POST', `/awards/applications/${apps[10]!.id}/transitions`, { transition: 'recommend' });
    expect(illegal.statusCode).toBe(409);
    expect(errorOf(illegal).error.message).toBe('当前状态下不能执行这个流程操作');

    const list = await ok<{ enterprises: string[] }>(null, 'GET', `/public/awards/cycles/${cycleId}/recommendations`);
    expect(list.enterprises).toHaveLength(9);
    expect(list.enterprises).not.toContain(enterpriseNames[10]);
  });

  it('review groups: proposed without conflicts, within load caps; overrides need a reason and never admit a conflict', async () => {
    expect((await req('expert', 'POST', `/awards/cycles/${cycleId}/review-groups`, { dryRun: true })).statusCode).toBe(403);
    const dry = await ok<{ groups: { applicationId: string; members: { expertId: string }[]; short: boolean }[] }>(
      'office',
      'POST',
      `/awards/cycles/${cycleId}/review-groups`,
      { dryRun: true },
    );
    expect(dry.groups).toHaveLength(9);
    const formed = await ok<typeof dry>('office', 'POST', `/awards/cycles/${cycleId}/review-groups`, { dryRun: false });
    const loads = new Map<string, number>();
    for (const g of formed.groups) {
      expect(g.members).toHaveLength(5);
      for (const m of g.members) loads.set(m.expertId, (loads.get(m.expertId) ?? 0) + 1);
    }
    expect(Math.max(...loads.values())).toBeLessThanOrEqual(LOAD_CAP);
    const group0 = formed.groups.find((g) => g.applicationId === apps[0]!.id)!;
    // every member is told of the assignment, once
    const invited = expertUser[group0.members[0]!.expertId]!;
    const inbox = await ok<{ data: { kind: string }[] }>(invited, 'GET', '/notifications');
    expect(inbox.data.filter((n) => n.kind === 'awards.review.invitation').length).toBeGreaterThan(0);
    expect(group0.members.map((m) => m.expertId)).not.toContain(expertIds[0]);

    // the conflicted expert cannot be added, not even by override
    const forced = await req('office', 'POST', `/awards/applications/${apps[0]!.id}/review-group/members`, {
      expertId: expertIds[0],
      reason: '专业对口',
    });
    expect(forced.statusCode).toBe(422);
    expect(errorOf(forced).error.details![0]!.path).toBe('conflict.pastEmployer');
    expect(
      (await req('office', 'POST', `/awards/applications/${apps[0]!.id}/review-group/members`, { expertId: expertIds[1] }))
        .statusCode,
    ).toBe(400);

    // start the document review of every application
    for (const i of [0, 1, 3, 4, 5, 6, 7, 8, 9])
      expect(
        (
          await ok<App>('office', 'POST', `/awards/applications/${apps[i]!.id}/transitions`, {
            transition: 'startDocumentReview',
          })
        ).state,
      ).toBe('document_review');
  });

  async function groupOf(appId: string) {
    return ok<{ members: { expertId: string; isLeader: boolean; status: string }[] }>(
      'office',
      'GET',
      `/awards/applications/${appId}/review-group`,
    );
  }

  it('experts declare, score independently (sealed until their own submission), the leader reaches consensus', async () => {
    const target = apps[0]!;
    const group = (await groupOf(target.id)).members.filter((m) => m.status === 'active');
    const [first, second] = group.map((m) => expertUser[m.expertId]!);
    // no access before declaring; an expert of another group sees nothing
    expect((await req(first!, 'GET', `/awards/applications/${target.id}/review`)).statusCode).toBe(422);
    const outsider = expertIds.map((id) => expertUser[id]!).find((u) => !group.some((m) => expertUser[m.expertId] === u))!;
    expect((await req(outsider, 'GET', `/awards/applications/${target.id}/review`)).statusCode).toBe(404);
    expect((await req(entUser(0), 'GET', `/awards/applications/${target.id}/review`)).statusCode).toBe(403);

    await ok(first!, 'POST', `/awards/applications/${target.id}/declaration`, { noConflict: true });
    await ok(second!, 'POST', `/awards/applications/${target.id}/declaration`, { noConflict: true });
    const scores = (offset: number) =>
      ITEMS.map((item, i) => ({
        itemId: item.id,
        percentage: Math.min(100, 40 + offset + (i % 4) * 5),
        strengths: '方法系统',
        opportunities: '展开不足',
      }));
    await ok(second!, 'PUT', `/awards/applications/${target.id}/my-scores`, { entries: scores(10), submit: true });
    // the first expert has not submitted: the others' scores stay sealed
    const before = await ok<{ others: unknown }>(first!, 'GET', `/awards/applications/${target.id}/review`);
    expect(before.others).toBeNull();
    expect(
      (
        await req(first!, 'PUT', `/awards/applications/${target.id}/my-scores`, {
          entries: [{ itemId: '4.1.1', percentage: 33 }],
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await req(first!, 'PUT', `/awards/applications/${target.id}/my-scores`, { entries: scores(0).slice(0, 3), submit: true }))
        .statusCode,
    ).toBe(422);
    await ok(first!, 'PUT', `/awards/applications/${target.id}/my-scores`, { entries: scores(0).slice(0, 3) });
    const after = await ok<{ others: unknown[] }>(first!, 'PUT', `/awards/applications/${target.id}/my-scores`, {
      entries: scores(0),
      submit: true,
    });
    expect(after.others).toHaveLength(1);
    // submitted scores are sealed for good
    expect((await req(first!, 'PUT', `/awards/applications/${target.id}/my-scores`, { entries: scores(5) })).statusCode).toBe(
      409,
    );
  });

  /** Every member of every group declares and submits; leaders agree and close both review stages. */
  it('every group completes document review, site review and the feedback report', async () => {
    for (const [n, i] of [0, 1, 3, 4, 5, 6, 7, 8, 9].entries()) {
      const app = apps[i]!;
      const members = (await groupOf(app.id)).members.filter((m) => m.status === 'active');
      for (const [k, m] of members.entries()) {
        const who = expertUser[m.expertId]!;
        const view = await req(who, 'GET', `/awards/applications/${app.id}/review`);
        if (view.statusCode === 422) await ok(who, 'POST', `/awards/applications/${app.id}/declaration`, { noConflict: true });
        const mine = await ok<{ own: { submittedAt: string | null } | null }>(
          who,
          'GET',
          `/awards/applications/${app.id}/review`,
        );
        if (mine.own?.submittedAt) continue;
        // applications differ in level; expert k is harsher the larger k
        const entries = ITEMS.map((item, j) => ({
          itemId: item.id,
          percentage: Math.max(0, Math.min(100, 30 + n * 5 + ((j + k) % 3) * 5 - k * 5)),
        }));
        await ok(who, 'PUT', `/awards/applications/${app.id}/my-scores`, { entries, submit: true });
      }
      const leader = expertUser[members.find((m) => m.isLeader)!.expertId]!;
      const notLeader = expertUser[members.find((m) => !m.isLeader)!.expertId]!;
      expect((await req(notLeader, 'GET', `/awards/applications/${app.id}/consensus`)).statusCode).toBe(403);
      const view = await ok<{ sheets: unknown[]; divergence: { itemId: string; divergent: boolean; median: number }[] }>(
        leader,
        'GET',
        `/awards/applications/${app.id}/consensus`,
      );
      expect(view.sheets).toHaveLength(5);
      const consensus = view.divergence.map((d) => ({
        itemId: d.itemId,
        percentage: Math.round(d.median / 5) * 5,
        rationale: '组内讨论后取中位数',
      }));
      // closing before the consensus is complete is refused
      expect(
        (await req(leader, 'POST', `/awards/applications/${app.id}/transitions`, { transition: 'completeDocumentReview' }))
          .statusCode,
      ).toBe(422);
      await ok(leader, 'PUT', `/awards/applications/${app.id}/consensus`, { entries: consensus });
      expect(
        (await req(notLeader, 'POST', `/awards/applications/${app.id}/transitions`, { transition: 'completeDocumentReview' }))
          .statusCode,
      ).toBe(403);
      expect(
        (await ok<App>(leader, 'POST', `/awards/applications/${app.id}/transitions`, { transition: 'completeDocumentReview' }))
          .state,
      ).toBe('site_review');
      if (n === 0) {
        // A visit is recorded once made (the clock stands at 1 May 2026).
        const ahead = await req(leader, 'PUT', `/awards/applications/${app.id}/site-review`, {
          visitedOn: '2026-05-02',
          members: ['组长', '组员'],
          findings: '尚未进行',
          adjustments: '',
        });
        expect(ahead.statusCode).toBe(422);
        expect(errorOf(ahead).error.details).toEqual([{ path: 'visitedOn', message: translate('date.future', 'zh-CN') }]);
      }
      await ok(leader, 'PUT', `/awards/applications/${app.id}/site-review`, {
        visitedOn: '2026-05-01',
        members: ['组长', '组员'],
        findings: '现场查看生产线与质量记录，与申报材料一致',
        adjustments: '',
      });
      await ok(leader, 'PUT', `/awards/applications/${app.id}/feedback`, {
        keyThemes: '领导作用突出，结果指标趋势良好',
        categories: [{ categoryId: '4.1', strengths: '高层领导亲自推动', opportunities: '治理机制待完善' }],
        submit: true,
      });
      expect(
        (await ok<App>(leader, 'POST', `/awards/applications/${app.id}/transitions`, { transition: 'completeSiteReview' })).state,
      ).toBe('committee');
    }
    // The enterprise reads its feedback report and consensus total, never expert identities or scores.
    const status = await ok<Record<string, unknown>>(entUser(0), 'GET', `/awards/applications/${apps[0]!.id}`);
    expect(status.feedback).toMatchObject({ keyThemes: '领导作用突出，结果指标趋势良好' });
    expect(status.members).toBeNull();
    expect(JSON.stringify(status)).not.toContain('评审专家');
  });

  let ranking: {
    rows: { code: string; rank: number; totalHundredths: number; adviceMeanPoints: number | null; applicationId?: string }[];
  };

  it('the committee sees a blinded ranking with severity advice and selects within the quota', async () => {
    ranking = await ok('leader', 'GET', `/awards/cycles/${cycleId}/ranking`);
    expect(ranking.rows).toHaveLength(9);
    expect(JSON.stringify(ranking)).not.toMatch(/applicationId|鹰城/);
    expect(ranking.rows.every((r) => typeof r.adviceMeanPoints === 'number')).toBe(true);
    expect((await req('leader', 'GET', `/awards/cycles/${cycleId}/ranking?unblinded=true`)).statusCode).toBe(403);
    expect((await req('expert', 'GET', `/awards/cycles/${cycleId}/ranking`)).statusCode).toBe(403);
    expect((await req(entUser(0), 'GET', `/awards/cycles/${cycleId}/ranking`)).statusCode).toBe(403);
    // names only after the votes
    expect((await req('office', 'GET', `/awards/cycles/${cycleId}/ranking?unblinded=true`)).statusCode).toBe(409);

    const [a, b, c, d, e] = ranking.rows;
    for (const r of [a, b, c])
      await ok('leader', 'POST', `/awards/cycles/${cycleId}/selection`, { code: r!.code, decision: 'winner' });
    const over = await req('leader', 'POST', `/awards/cycles/${cycleId}/selection`, { code: d!.code, decision: 'winner' });
    expect(over.statusCode).toBe(422);
    expect(errorOf(over).error.message).toBe('获奖名额已满');
    await ok('leader', 'POST', `/awards/cycles/${cycleId}/selection`, { code: d!.code, decision: 'nomination' });
    expect(
      (await req('leader', 'POST', `/awards/cycles/${cycleId}/selection`, { code: e!.code, decision: 'nomination' })).statusCode,
    ).toBe(422);
    expect(
      (await req('expert', 'POST', `/awards/cycles/${cycleId}/selection`, { code: e!.code, decision: 'decline' })).statusCode,
    ).toBe(403);
    for (const r of ranking.rows.slice(4))
      await ok('leader', 'POST', `/awards/cycles/${cycleId}/selection`, { code: r.code, decision: 'decline' });
    const unblinded = await ok<typeof ranking>('office', 'GET', `/awards/cycles/${cycleId}/ranking?unblinded=true`);
    expect(unblinded.rows.every((r) => r.applicationId)).toBe(true);
  });

  let winnerId: string;

  it('public notice: anonymous objections refused, a real-name one recorded and handled, then approval', async () => {
    await ok('office', 'POST', `/awards/cycles/${cycleId}/notice`);
    const notices = await ok<
      { cycleId: string; open: boolean; entries: { applicationId: string; organizationName: string }[] }[]
    >(null, 'GET', '/public/awards/notices');
    const notice = notices.find((n) => n.cycleId === cycleId)!;
    expect(notice.open).toBe(true);
    expect(notice.entries).toHaveLength(4);
    const target = notice.entries[0]!.applicationId;

    const up = await uploadAs(
      null,
      `/public/awards/notices/${cycleId}/evidence`,
      '证据.pdf',
      Buffer.from('%PDF-1.4 evidence'),
      'application/pdf',
    );
    expect(up.statusCode).toBe(201);
    const evidenceId = (up.json() as { fileId: string }).fileId;
    const url = `/public/awards/notices/${cycleId}/applications/${target}/objections`;
    const anonymous = await req(null, 'POST', url, {
      realName: '匿名',
      contact: '13900001111',
      content: '数据造假',
      evidenceFileIds: [evidenceId],
    });
    expect(anonymous.statusCode).toBe(400);
    expect(errorOf(anonymous).error.details![0]).toMatchObject({ path: 'realName' });
    const noEvidence = await req(null, 'POST', url, {
      realName: '李四',
      contact: '13900001111',
      content: '数据造假',
      evidenceFileIds: [],
    });
    expect(noEvidence.statusCode).toBe(400);
    const fakeEvidence = await req(null, 'POST', url, {
      realName: '李四',
      contact: '13900001111',
      content: '数据造假',
      evidenceFileIds: ['0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'],
    });
    expect(fakeEvidence.statusCode).toBe(422);
    const lodged = await req(null, 'POST', url, {
      realName: '李四',
      contact: '13900001111',
      content: '申报数据与统计不符',
      evidenceFileIds: [evidenceId],
    });
    expect(lodged.statusCode).toBe(201);

    const objections = await ok<{ id: string; contact: string; status: string }[]>(
      'office',
      'GET',
      `/awards/cycles/${cycleId}/objections`,
    );
    expect(objections).toHaveLength(1);
    expect(objections[0]!.contact).toBe('139****1111');
    expect((await req('leader', 'GET', `/awards/cycles/${cycleId}/objections`)).statusCode).toBe(403);
    const ev = await req('office', 'GET', `/awards/objections/${objections[0]!.id}/evidence/${evidenceId}`);
    expect(ev.statusCode).toBe(200);

    // not before the window has closed, nor with an objection still open
    await moveClock(() => clock.advanceDays(8));
    expect((await req('office', 'POST', `/awards/cycles/${cycleId}/announce`)).statusCode).toBe(422);
    // after the window objections are refused
    const tooLate = await req(null, 'POST', url, {
      realName: '王五',
      contact: 'wang@example.com',
      content: '补充',
      evidenceFileIds: [evidenceId],
    });
    expect(tooLate.statusCode).toBe(422);
    await ok('office', 'POST', `/awards/objections/${objections[0]!.id}/handling`, {
      outcome: 'dismissed',
      handling: '经核查统计数据口径一致，异议不成立',
    });
    await ok('leader', 'POST', `/awards/cycles/${cycleId}/announce`);

    const awarded = await ok<(App & { decision: string })[]>(
      'office',
      'GET',
      `/awards/applications?cycleId=${cycleId}&state=awarded`,
    );
    expect(awarded).toHaveLength(4);
    winnerId = awarded.find((a) => a.decision === 'winner')!.id;
  });

  it('certificate PDF for the winner; lock-out in the next cycle; recommendation to the city level', async () => {
    const winner = await ok<App>('office', 'GET', `/awards/applications/${winnerId}`);
    const owner = entUser(enterpriseIds.indexOf(winner.organizationId));
    const pdf = await req(owner, 'GET', `/awards/applications/${winnerId}/certificate`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(
      (
        await req(
          entUser(enterpriseIds.indexOf(winner.organizationId) === 1 ? 3 : 1),
          'GET',
          `/awards/applications/${winnerId}/certificate`,
        )
      ).statusCode,
    ).toBe(404);

    // The next cycle of the same programme: the winner is locked out, named by its rule.
    const nextCalendar = {
      ...calendar,
      applicationOpensOn: '2026-05-01',
      applicationClosesOn: '2026-12-31',
      eligibilityReviewBy: null,
      documentReviewBy: null,
      siteReviewBy: null,
      committeeBy: null,
    };
    const next = await ok('office', 'POST', `/awards/programmes/${programmeId}/cycles`, { year: 2027, calendar: nextCalendar });
    await ok('office', 'POST', `/awards/cycles/${next.id}/open`);
    const again = await ok<App>(owner, 'POST', `/awards/cycles/${next.id}/applications`, undefined, 201);
    await ok(owner, 'PUT', `/awards/applications/${again.id}`, { facts: facts('x'), selfAssessment, declarationAccepted: true });
    const locked = await req(owner, 'POST', `/awards/applications/${again.id}/submit`);
    expect(locked.statusCode).toBe(422);
    expect(errorOf(locked).error.details!.map((d) => d.path)).toEqual(['eligibility.winnerLockout']);

    // The city runs its own programme, which requires the district award.
    const city = await ok('cityoffice', 'POST', '/awards/programmes', {
      name: '平顶山市市长质量奖',
      level: 'city',
      regionCode: '410400',
      cycleYears: 2,
      winnerQuota: 8,
      prizeMoneyFen: 50_000_000,
      calendar: nextCalendar,
    });
    const cityCycle = await ok('cityoffice', 'POST', `/awards/programmes/${city.id}/cycles`, {
      year: 2026,
      calendar: nextCalendar,
    });
    await ok('cityoffice', 'POST', `/awards/cycles/${cityCycle.id}/open`);
    // A non-winner's enterprise lacks the district award.
    const loser = apps[10]!;
    const direct = await ok<App>(entUser(10), 'POST', `/awards/cycles/${cityCycle.id}/applications`, undefined, 201);
    await ok(entUser(10), 'PUT', `/awards/applications/${direct.id}`, {
      facts: facts('y'),
      selfAssessment,
      declarationAccepted: true,
    });
    const noLower = await req(entUser(10), 'POST', `/awards/applications/${direct.id}/submit`);
    expect(noLower.statusCode).toBe(422);
    expect(errorOf(noLower).error.details!.map((d) => d.path)).toEqual(['eligibility.lowerLevelAward']);
    void loser;

    const options = await ok<{ id: string }[]>('office', 'GET', `/awards/applications/${winnerId}/next-level-cycles`);
    expect(options.map((o) => o.id)).toContain(cityCycle.id);
    expect(
      (await req('office', 'POST', `/awards/applications/${apps[10]!.id}/recommend-next`, { cycleId: cityCycle.id })).statusCode,
    ).toBe(409);
    const carried = await ok<{ id: string }>(
      'office',
      'POST',
      `/awards/applications/${winnerId}/recommend-next`,
      { cycleId: cityCycle.id },
      201,
    );
    const draft = await ok<{ selfAssessment: unknown[]; recommendedFromId: string }>(
      owner,
      'GET',
      `/awards/applications/${carried.id}`,
    );
    expect(draft.recommendedFromId).toBe(winnerId);
    expect(draft.selfAssessment).toHaveLength(ITEMS.length);
    // the enterprise renews its declaration for the new level, then submits the carried materials
    expect((await req(owner, 'POST', `/awards/applications/${carried.id}/submit`)).statusCode).toBe(422);
    await ok(owner, 'PUT', `/awards/applications/${carried.id}`, { declarationAccepted: true });
    expect((await ok<App>(owner, 'POST', `/awards/applications/${carried.id}/submit`)).state).toBe('submitted');
    // the city office sees it in its cycle
    const cityApps = await ok<App[]>('cityoffice', 'GET', `/awards/applications?cycleId=${cityCycle.id}`);
    expect(cityApps.map((a) => a.id)).toContain(carried.id);

    const ladder = await ok<{ steps: { level: string; state: string }[] }>(
      owner,
      'GET',
      `/awards/enterprises/${winner.organizationId}/ladder`,
    );
    expect(ladder.steps.map((st) => `${st.level}:${st.state}`)).toEqual(
      expect.arrayContaining(['district:awarded', 'city:submitted']),
    );
    expect(
      (
        await req(
          entUser(5 === enterpriseIds.indexOf(winner.organizationId) ? 6 : 5),
          'GET',
          `/awards/enterprises/${winner.organizationId}/ladder`,
        )
      ).statusCode,
    ).toBe(404);
  });

  it('revocation with reason, public notice of it, and the ban at the next level', async () => {
    expect(
      (await req('office', 'POST', `/awards/applications/${winnerId}/transitions`, { transition: 'revoke' })).statusCode,
    ).toBe(422);
    const holder = enterpriseIds.indexOf((await ok<App>('office', 'GET', `/awards/applications/${winnerId}`)).organizationId);
    const revokeBody = { transition: 'revoke', comment: 'x' };
    // the winner itself may not revoke (403); another enterprise does not even see it (404); nor the leader's expert role
    expect((await req(entUser(holder), 'POST', `/awards/applications/${winnerId}/transitions`, revokeBody)).statusCode).toBe(403);
    expect(
      (await req(entUser(holder === 0 ? 1 : 0), 'POST', `/awards/applications/${winnerId}/transitions`, revokeBody)).statusCode,
    ).toBe(404);
    expect((await req('auditor', 'POST', `/awards/applications/${winnerId}/transitions`, revokeBody)).statusCode).toBe(403);
    const revoked = await ok<App>('office', 'POST', `/awards/applications/${winnerId}/transitions`, {
      transition: 'revoke',
      comment: '申报材料弄虚作假',
    });
    expect(revoked.state).toBe('revoked');
    const list = await ok<{ reason: string }[]>(null, 'GET', '/public/awards/revocations');
    expect(list[0]!.reason).toBe('申报材料弄虚作假');
    const winner = await ok<App>('office', 'GET', `/awards/applications/${winnerId}`);
    const owner = entUser(enterpriseIds.indexOf(winner.organizationId));
    expect((await req(owner, 'GET', `/awards/applications/${winnerId}/certificate`)).statusCode).toBe(409);
  });

  it('every change is audited; auditors read it', async () => {
    const audit = await ok<{ data: { action: string }[] }>(
      'auditor',
      'GET',
      '/audit?action=awards.application.award&pageSize=50',
    );
    expect(audit.data).toHaveLength(4);
  });

  it('a correction after its due day is refused (working days, Chinese calendar)', async () => {
    const i = 10; // rejected in this cycle, so free to apply again next year
    const next = (await ok<{ id: string; status: string; code: string }[]>('office', 'GET', '/awards/cycles')).find(
      (c) => c.status === 'open' && c.code.includes('Q2027'),
    )!;
    const again = await ok<App>(entUser(i), 'POST', `/awards/cycles/${next.id}/applications`, undefined, 201);
    await ok(entUser(i), 'PUT', `/awards/applications/${again.id}`, {
      facts: facts('z'),
      selfAssessment,
      declarationAccepted: true,
    });
    await ok(entUser(i), 'POST', `/awards/applications/${again.id}/submit`);
    const back = await ok<App & { correctionDueOn: string }>(
      'office',
      'POST',
      `/awards/applications/${again.id}/eligibility-decision`,
      {
        decision: 'return',
        comment: '请补充近三年财务报表',
      },
    );
    await moveClock(() => clock.set(`${back.correctionDueOn}T17:00:00Z`)); // the next day in Beijing
    const overdue = await req(entUser(i), 'POST', `/awards/applications/${again.id}/submit`);
    expect(overdue.statusCode).toBe(422);
    expect(errorOf(overdue).error.message).toBe('补正期限已过，不再受理补正材料');
  });
});
