/**
 * The public notice (公示) journey in Chromium without a login: a citizen opens the notice of the
 * proposed winners, is refused as "匿名" (anonymous), then lodges a real-name objection with an
 * evidence file; the office then finds it on the cycle over the API. The notice window is set on
 * the demo's last finished district cycle directly in the database (the whole workflow up to the notice
 * is the API test's job); the page is checked with axe-core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../apps/server/src/server.js';
import { awardApplications, awardCycles } from '../../apps/server/src/modules/awards/awards.tables.js';
import { addDays, todayInShanghai } from '../../packages/core/src/index.js';
import { seriousViolations } from '../support/accessibility.js';
import { screenshot } from '../support/artifacts.js';
import { startAppServer } from '../support/app-server.js';
import { launchBrowser, skipJourneys } from '../support/browser.js';

const DEMO_PASSWORD = 'E2e-Demo-Password-2026';

describe.skipIf(skipJourneys)('awards public notice journey (citizen, no login)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let cycleId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startAppServer(DEMO_PASSWORD);
    const db = server.database.db;
    const [cycle] = await db
      .select()
      .from(awardCycles)
      .where(and(eq(awardCycles.status, 'announced'), eq(awardCycles.regionCode, '410471')))
      .orderBy(desc(awardCycles.year))
      .limit(1);
    cycleId = cycle!.id;
    const today = todayInShanghai();
    await db
      .update(awardCycles)
      .set({ status: 'notice', noticeStartsOn: addDays(today, -1), noticeEndsOn: addDays(today, 5), announcedAt: null })
      .where(eq(awardCycles.id, cycleId));
    await db
      .update(awardApplications)
      .set({ state: 'proposed' })
      .where(and(eq(awardApplications.cycleId, cycleId), eq(awardApplications.state, 'awarded')));
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the notice from the portal and refuses an anonymous objection by field', async () => {
    await page.goto(`${server.url}/public`);
    await page.getByRole('link', { name: '质量奖公示' }).click();
    await page.waitForURL('**/public/awards');
    await page.getByText('公示中').waitFor();
    await expect(page.getByRole('cell', { name: '平顶山神马尼龙新材料有限公司' }).count()).resolves.toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'awards-public-01-notice');

    await page.getByRole('button', { name: '提出异议' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('异议人').fill('匿名');
    await dialog.getByLabel('联系方式').fill('13903751234');
    await dialog.getByLabel('异议内容').fill('该企业申报材料中的营业收入与年报不符。');
    await dialog.locator('input[type=file]').setInputFiles({
      name: '年报摘录.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% 年报摘录\n'),
    });
    await dialog.getByText('年报摘录.pdf').waitFor();
    await dialog.getByRole('button', { name: '提交异议' }).click();
    // The server's field error lands under the name field.
    await dialog.getByText('异议须实名提出，不受理匿名异议').waitFor();
    await screenshot(page, 'awards-public-02-anonymous-refused');
  });

  it('records a real-name objection with its evidence, which the office then sees', async () => {
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('异议人').fill('李明');
    await dialog.getByRole('button', { name: '提交异议' }).click();
    await dialog.getByText('异议已受理').waitFor();
    await screenshot(page, 'awards-public-03-lodged');

    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'office', password: DEMO_PASSWORD }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const res = await fetch(`${server.url}/api/v1/awards/cycles/${cycleId}/objections`, { headers: { cookie } });
    const objections = (await res.json()) as { realName: string; status: string; evidence?: unknown[] }[];
    expect(objections).toHaveLength(1);
    expect(objections[0]).toMatchObject({ realName: '李明', status: 'open' });
  });
});
