/**
 * The award journey in Chromium against the real server: the enterprise fills its application
 * (facts, a self-assessment of every item, evidence, declaration) and submits it; the office's
 * steps run over the API; the group leader scores independently, the other experts' scores come
 * over the API, and the leader reaches consensus on the side-by-side view and closes the
 * document review. The key pages are checked with axe-core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../apps/server/src/server.js';
import { seedDemoUsers } from '../../apps/server/src/modules/identity/index.js';
import { awardExpertPool, linkExpertUser } from '../../apps/server/src/modules/registry/index.js';
import { GBT_19580_2012, criteriaItems } from '../../packages/core/src/index.js';
import { seriousViolations } from '../support/accessibility.js';
import { screenshot } from '../support/artifacts.js';
import { startAppServer } from '../support/app-server.js';
import { launchBrowser, skipJourneys } from '../support/browser.js';

const DEMO_PASSWORD = 'E2e-Demo-Password-2026';
const DISTRICT = '410471';
const ITEMS = criteriaItems(GBT_19580_2012);

interface ApiSession {
  cookie: string;
  csrf: string;
}

describe.skipIf(skipJourneys)('awards journey (enterprise, expert, group leader)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let applicationId: string;
  let leaderUser: string;
  let applicationCode: string;
  const experts: Record<string, string> = {}; // expert id → user name

  async function apiLogin(username: string): Promise<ApiSession> {
    const res = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  }
  async function api<T = unknown>(s: ApiSession, method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: {
        cookie: s.cookie,
        'x-csrf-token': s.csrf,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
  async function logIn(username: string) {
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname !== '/login');
    await page.getByTestId('user-menu').waitFor();
  }
  async function logOut() {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout-action').click();
    await page.waitForURL('**/login');
  }
  /**
   * Picks a percentage in an antd Select with the keyboard, as a keyboard user would (the list
   * runs 0 %, 5 % … 100 %, the first option active when it opens).
   */
  async function pick(select: ReturnType<Page['locator']>, percentage: number) {
    await select.click();
    for (let i = 0; i < percentage / 5; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => select.textContent()).toContain(`${percentage}%`);
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startAppServer(DEMO_PASSWORD);
    // Four more experts of the pool get accounts, so a group of five can review.
    const pool = (await awardExpertPool(server.database.db, DISTRICT)).filter((e) => !e.userId).slice(0, 4);
    const ids = await seedDemoUsers(
      server.database.db,
      DISTRICT,
      DEMO_PASSWORD,
      pool.map((e, i) => ({ username: `reviewer${i}`, displayName: e.name, roles: ['expert'], organizationId: null })),
    );
    for (const [i, e] of pool.entries()) {
      await linkExpertUser(server.database.db, e.id, ids[`reviewer${i}`]!);
      experts[e.id] = `reviewer${i}`;
    }
    const demoExpert = (await awardExpertPool(server.database.db, DISTRICT)).find((e) => e.name === '赵建国')!;
    experts[demoExpert.id] = 'expert';
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the enterprise applies to the open district cycle and fills the step form', async () => {
    await logIn('enterprise');
    await page.goto(`${server.url}/awards/my`);
    await page.locator('[data-testid^="apply-"]').first().click();
    await page.waitForURL('**/awards/applications/*/edit');
    applicationId = page.url().split('/').at(-2)!;

    await page.getByLabel('联系人').fill('张经理');
    await page.getByLabel('联系电话').fill('13803751234');
    await page.getByLabel('从业人数').fill('3200');
    await page.getByLabel('上年营业收入（万元）').fill('185000');
    await page.getByLabel('企业简介').fill('尼龙66盐与工程塑料的龙头企业，自2012年起导入卓越绩效管理模式。');
    await screenshot(page, 'awards-01-facts');
    await page.getByRole('button', { name: '下一步' }).click();

    for (const item of ITEMS) {
      const row = page.getByTestId(`item-${item.id}`);
      await pick(row.locator('.ant-select'), 35);
      await row.locator('textarea').fill(`${item.name.zh}：建立了系统的方法并在全公司展开。`);
    }
    await expect(page.getByTestId('self-total').textContent()).resolves.toContain('350 / 1000');
    await screenshot(page, 'awards-02-self-assessment');
    await page.getByRole('button', { name: '下一步' }).click();

    await page.locator('input[type=file]').setInputFiles({
      name: '质量管理手册.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% 质量管理手册\n'),
    });
    await page.getByRole('link', { name: '质量管理手册.pdf' }).waitFor();
    await screenshot(page, 'awards-03-evidence');
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByLabel('我已阅读并同意以上承诺').check();
    // antd puts a space between two Chinese characters of a button
    await page.getByRole('button', { name: /^提\s?交$/ }).click();
    await page.waitForURL(`**/awards/applications/${applicationId}`);
    await expect(page.getByTestId('application-state').textContent()).resolves.toBe('已提交');
    await screenshot(page, 'awards-04-submitted');
    expect(await seriousViolations(page)).toEqual([]);
    await logOut();
  });

  it('the office passes eligibility, recommends and forms the review group (API)', async () => {
    const office = await apiLogin('office');
    await api(office, 'POST', `/awards/applications/${applicationId}/eligibility-decision`, { decision: 'pass' });
    await api(office, 'POST', `/awards/applications/${applicationId}/transitions`, { transition: 'recommend' });
    const app = await api<{ cycleId: string; code: string }>(office, 'GET', `/awards/applications/${applicationId}`);
    applicationCode = app.code;
    await api(office, 'POST', `/awards/cycles/${app.cycleId}/review-groups`, { dryRun: false });
    const group = await api<{ members: { expertId: string; isLeader: boolean }[] }>(
      office,
      'GET',
      `/awards/applications/${applicationId}/review-group`,
    );
    expect(group.members).toHaveLength(5);
    leaderUser = experts[group.members.find((m) => m.isLeader)!.expertId]!;
    expect(leaderUser).toBeDefined();
    await api(office, 'POST', `/awards/applications/${applicationId}/transitions`, { transition: 'startDocumentReview' });
    // The other four declare and score over the API: harsher and more lenient than the leader.
    for (const [k, m] of group.members.filter((x) => !x.isLeader).entries()) {
      const s = await apiLogin(experts[m.expertId]!);
      await api(s, 'POST', `/awards/applications/${applicationId}/declaration`, { noConflict: true });
      const entries = ITEMS.map((item, j) => ({ itemId: item.id, percentage: j === 0 ? 10 + k * 20 : 30 + (k % 2) * 5 }));
      await api(s, 'PUT', `/awards/applications/${applicationId}/my-scores`, { entries, submit: true });
    }
  });

  it('the group leader declares no conflict and scores every item independently', async () => {
    await logIn(leaderUser);
    await page.goto(`${server.url}/awards/reviews`);
    await page.getByTestId(`declare-${applicationCode}`).click();
    await page.getByTestId(`score-${applicationCode}`).click();
    await page.waitForURL(`**/awards/reviews/${applicationId}`);
    await page.getByText('其他专家的评分在您提交本人评分后可见').waitFor();
    for (const item of ITEMS) await pick(page.getByTestId(`score-item-${item.id}`).locator('.ant-select'), 30);
    await screenshot(page, 'awards-05-expert-scoring');
    await page.getByTestId('submit-scores').click();
    await page.getByText('其他专家的评分在您提交本人评分后可见').waitFor({ state: 'hidden' });
    await screenshot(page, 'awards-06-expert-submitted');
  });

  it('the leader sees the scores side by side, divergent items flagged, and reaches consensus', async () => {
    await page.goto(`${server.url}/awards/reviews/${applicationId}/consensus`);
    await page.getByText('分歧较大').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    for (const item of ITEMS) {
      await pick(page.getByTestId(`agree-${item.id}`), 30);
      await page.getByTestId(`rationale-${item.id}`).fill('组内讨论后一致认可');
    }
    await page.getByTestId('save-consensus').click();
    await expect.poll(() => page.getByTestId('consensus-total').textContent()).toContain('300');
    await screenshot(page, 'awards-07-consensus');
    await page.getByTestId('complete-document').click();
    await page.getByText('现场评审中').first().waitFor();
    await screenshot(page, 'awards-08-site-review');
  });

  it('the office follows the cycle on its pipeline board', async () => {
    await page.context().clearCookies();
    await logIn('office');
    await page.goto(`${server.url}/awards/programmes`);
    await page.getByText('高新区管委会质量奖').first().waitFor();
    await screenshot(page, 'awards-09-programmes');
    await page.locator('[data-testid^="cycle-410471-Q"]').first().click();
    await page.getByText('申报进度看板').waitFor();
    await page.getByRole('cell', { name: '资料评审中' }).waitFor();
    await screenshot(page, 'awards-10-pipeline');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the enterprise’s award ladder shows district, city and province', async () => {
    await page.context().clearCookies();
    await logIn('enterprise');
    await page.goto(`${server.url}/awards/my`);
    await page.getByRole('button', { name: '我的质量奖阶梯' }).click();
    await page.getByTestId('ladder').waitFor();
    await page.getByText('河南省省长质量奖').first().waitFor();
    await screenshot(page, 'awards-11-ladder');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
