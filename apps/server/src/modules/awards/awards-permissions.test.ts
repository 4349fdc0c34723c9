import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUsers, loginAll } from '../../testing/fixtures.js';
import { POSTGRES_MISSING, TEST_DB, call, createTestApp, type Session, type TestApp } from '../../testing/test-app.js';

/**
 * Who may call each awards endpoint, on the demo district's seeded award data: every role of the
 * platform against every endpoint. A caller without the permission gets 403; a row outside the
 * caller's region or organization is a 404 (its existence is not revealed).
 */

const API = '/api/v1';
const ROLES = ['office', 'leader', 'enterprise', 'expert', 'dept', 'auditor', 'institution', 'admin', 'security'] as const;
type Who = (typeof ROLES)[number] | 'xinhua';
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

describe.skipIf(POSTGRES_MISSING)(`awards permissions on ${TEST_DB}`, () => {
  let t: TestApp;
  let s: Record<Who, Session>;
  let cycleId: string;
  let winnerId: string;
  let programmeId: string;
  let enterpriseId: string;

  const status = async (who: Who, method: Method, url: string, body?: unknown) =>
    (await call(t.app, s[who], method, `${API}${url}`, body)).statusCode;

  beforeAll(async () => {
    t = await createTestApp({ enterprises: 5 });
    await addUsers(t, '410402', [{ username: 'xinhua', roles: ['office'] }]);
    s = await loginAll(t.app, [...ROLES, 'xinhua'] as Who[]);
    const cycles = (await call(t.app, s.office, 'GET', `${API}/awards/cycles`)).json() as {
      id: string;
      status: string;
      programmeId: string;
    }[];
    const open = cycles.find((c) => c.status === 'open')!;
    cycleId = open.id;
    programmeId = open.programmeId;
    const apps = (await call(t.app, s.office, 'GET', `${API}/awards/applications?state=awarded`)).json() as {
      id: string;
      level: string;
      organizationId: string;
    }[];
    const district = apps.find((a) => a.level === 'district')!;
    winnerId = district.id;
    enterpriseId = district.organizationId;
  });
  afterAll(async () => t?.close());

  const programmeBody = {
    name: '测试奖',
    level: 'district',
    regionCode: '410471',
    cycleYears: 1,
    winnerQuota: 3,
    prizeMoneyFen: 100,
    calendar: { applicationOpensOn: '2030-03-01', applicationClosesOn: '2030-04-30' },
  };

  /** [method, url, body, roles that pass the permission check]. */
  const matrix = (): [Method, string, unknown, Who[]][] => [
    ['GET', '/awards/programmes', undefined, ['office', 'leader']],
    ['POST', '/awards/programmes', programmeBody, ['office']],
    ['PUT', `/awards/programmes/${programmeId}`, { ...programmeBody, name: '高新区管委会质量奖' }, ['office']],
    ['POST', `/awards/programmes/${programmeId}/cycles`, { year: 2031, calendar: programmeBody.calendar }, ['office']],
    ['GET', '/awards/cycles', undefined, ['office', 'leader']],
    ['GET', '/awards/cycles/open', undefined, ['enterprise']],
    ['GET', `/awards/cycles/${cycleId}`, undefined, ['office', 'leader', 'enterprise']],
    ['GET', '/awards/applications', undefined, ['office', 'leader', 'enterprise']],
    ['GET', `/awards/applications/${winnerId}`, undefined, ['office', 'leader', 'enterprise']],
    ['GET', `/awards/applications/${winnerId}/eligibility`, undefined, ['office', 'leader', 'enterprise']],
    // the demo expert reviewed this application (seeded group member)
    ['GET', `/awards/applications/${winnerId}/attachments`, undefined, ['office', 'leader', 'enterprise', 'expert']],
    ['GET', `/awards/applications/${winnerId}/certificate`, undefined, ['office', 'leader', 'enterprise']],
    ['GET', `/awards/enterprises/${enterpriseId}/ladder`, undefined, ['office', 'leader', 'enterprise']],
    ['GET', `/awards/applications/${winnerId}/next-level-cycles`, undefined, ['office', 'leader']],
    ['POST', `/awards/applications/${winnerId}/eligibility-decision`, { decision: 'pass' }, ['office']],
    ['POST', `/awards/cycles/${cycleId}/review-groups`, { dryRun: true }, ['office']],
    ['GET', `/awards/applications/${winnerId}/review-group`, undefined, ['office']],
    ['GET', '/awards/my-reviews', undefined, ['expert']],
    ['GET', `/awards/cycles/${cycleId}/ranking`, undefined, ['office', 'leader']],
    ['GET', `/awards/cycles/${cycleId}/ranking?unblinded=true`, undefined, ['office']],
    ['POST', `/awards/cycles/${cycleId}/selection`, { code: 'A99', decision: 'winner' }, ['office', 'leader']],
    ['POST', `/awards/cycles/${cycleId}/notice`, undefined, ['office', 'leader']],
    ['POST', `/awards/cycles/${cycleId}/announce`, undefined, ['office', 'leader']],
    ['GET', `/awards/cycles/${cycleId}/objections`, undefined, ['office']],
  ];

  it('every endpoint refuses the roles without its permission (403) and lets the others past', async () => {
    for (const [method, url, body, allowed] of matrix()) {
      for (const who of ROLES) {
        const code = await status(who, method, url, body);
        if (allowed.includes(who)) expect(code, `${who} ${method} ${url}`).not.toBe(403);
        else expect([403, 404], `${who} ${method} ${url}`).toContain(code);
      }
    }
  });

  it('another county’s office sees none of the district’s award rows (404)', async () => {
    for (const url of [
      `/awards/cycles/${cycleId}`,
      `/awards/applications/${winnerId}`,
      `/awards/applications/${winnerId}/review-group`,
      `/awards/cycles/${cycleId}/ranking`,
      `/awards/cycles/${cycleId}/objections`,
      `/awards/enterprises/${enterpriseId}/ladder`,
    ])
      expect(await status('xinhua', 'GET', url), url).toBe(404);
    expect(
      await status('xinhua', 'POST', `/awards/programmes/${programmeId}/cycles`, {
        year: 2032,
        calendar: programmeBody.calendar,
      }),
    ).toBe(404);
    expect(await status('xinhua', 'POST', '/awards/programmes', programmeBody)).toBe(422);
    const list = (await call(t.app, s.xinhua, 'GET', `${API}/awards/applications`)).json() as unknown[];
    expect(list).toEqual([]);
  });

  it('an expert reaches only applications of their group, and only after declaring', async () => {
    // The demo expert led the past groups (seeded, declared): the application is theirs to read …
    expect(await status('expert', 'GET', `/awards/applications/${winnerId}/review`)).toBe(200);
    // … but the enterprise's record, the office's group view and individual scores are not.
    expect(await status('expert', 'GET', `/awards/applications/${winnerId}`)).toBe(403);
    expect(await status('enterprise', 'GET', `/awards/applications/${winnerId}/review`)).toBe(403);
    expect(await status('enterprise', 'GET', `/awards/applications/${winnerId}/consensus`)).toBe(403);
  });

  it('the public endpoints need no session; objections only inside a notice window', async () => {
    expect((await call(t.app, null, 'GET', `${API}/public/awards/notices`)).statusCode).toBe(200);
    expect((await call(t.app, null, 'GET', `${API}/public/awards/revocations`)).statusCode).toBe(200);
    expect((await call(t.app, null, 'GET', `${API}/public/awards/cycles/${cycleId}/recommendations`)).statusCode).toBe(200);
    // the open cycle has no notice: nothing to object to
    const objection = await call(
      t.app,
      null,
      'POST',
      `${API}/public/awards/notices/${cycleId}/applications/${winnerId}/objections`,
      {
        realName: '李四',
        contact: '13900001111',
        content: '异议',
        evidenceFileIds: ['0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'],
      },
    );
    expect(objection.statusCode).toBe(404);
    // everything else needs a session
    expect((await call(t.app, null, 'GET', `${API}/awards/programmes`)).statusCode).toBe(401);
  });
});
