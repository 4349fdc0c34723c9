/**
 * The supervision journey in Chromium against the real server: the office officer opens the
 * plan whose seed is announced today, enters the seed, draws the targets and the inspectors,
 * records and publishes a result; then anyone, without logging in, opens the public draw page,
 * recomputes the draw in the browser and sees it match, and finds the result on the public list.
 * The plan page and the public pages are checked with axe-core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../apps/server/src/server.js';
import { todayInShanghai } from '../../packages/core/src/index.js';
import { seriousViolations } from '../support/accessibility.js';
import { screenshot } from '../support/artifacts.js';
import { startAppServer } from '../support/app-server.js';
import { launchBrowser, skipJourneys } from '../support/browser.js';

const DEMO_PASSWORD = 'E2e-Demo-Password-2026';

async function confirmStep(page: Page, testId: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-popover:visible').getByTestId('confirm-ok').click();
}

describe.skipIf(skipJourneys)('supervision journey (office officer, then the public)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let planUrl = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startAppServer(DEMO_PASSWORD);
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('logs in as the office officer and lists the spot-check plans', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('office');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('district-summary-title').waitFor();
    await page.goto(`${server.url}/supervision/plans`);
    await page.getByRole('link', { name: /CC-\d{4}-0002/ }).waitFor();
    await screenshot(page, 'supervision-01-plans');
  });

  it('enters the announced seed, draws the targets and the inspectors', async () => {
    await page.getByRole('link', { name: /CC-\d{4}-0002/ }).click();
    await page.waitForURL('**/supervision/plans/*');
    planUrl = page.url();
    await page.getByTestId('plan-pool-hash').waitFor();
    await page.getByTestId('seed-button').click();
    await page.getByLabel('随机种子', { exact: true }).fill('3 7 1');
    await page.getByTestId('modal-submit').click();
    await page.getByTestId('draw-targets-button').waitFor();
    await confirmStep(page, 'draw-targets-button');
    await page.getByTestId('draw-inspectors-button').waitFor();
    await confirmStep(page, 'draw-inspectors-button');
    await page.getByText('检查任务', { exact: true }).first().waitFor();
    await expect.poll(() => page.locator('[data-testid^="record-"]').count()).toBeGreaterThan(0);
    await screenshot(page, 'supervision-02-plan-drawn');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('records an inspection result and publishes it', async () => {
    const record = page.locator('[data-testid^="record-"]').first();
    const code = ((await record.getAttribute('data-testid')) ?? '').replace('record-', '');
    await record.click();
    const dialog = page.locator('.ant-modal:visible');
    await dialog.getByLabel('检查日期', { exact: true }).click();
    await dialog.getByLabel('检查日期', { exact: true }).fill(todayInShanghai());
    await dialog.getByLabel('检查日期', { exact: true }).press('Enter');
    await dialog.getByLabel('检查结果', { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '未发现问题' }).click();
    await dialog.getByLabel('检查情况', { exact: true }).fill('现场检查生产许可条件、出厂检验记录，未发现问题。');
    await dialog.getByTestId('modal-submit').click();
    await page.getByTestId(`publish-${code}`).waitFor();
    await confirmStep(page, `publish-${code}`);
    await page.getByText('已公示').first().waitFor();
    await screenshot(page, 'supervision-03-published');
  });

  it('shows the public draw verified on load, with results in words, and it matches', async () => {
    const planId = planUrl.split('/').pop()!;
    const publicPage = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await publicPage.goto(`${server.url}/public/draws/${planId}`);
    // No click: every record is recomputed as the page opens.
    await publicPage.getByTestId('verify-summary').waitFor();
    await expect(publicPage.getByTestId('verify-summary').textContent()).resolves.toMatch(/全部 \d+ 条记录核验一致/);
    const text = await publicPage.evaluate(() => document.body.innerText);
    expect(text).toContain('执法证号'); // inspectors by their public directory number, not ids
    expect(text).toContain('检查人员'); // strata in words ("第 1 家被抽企业的检查人员")
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    expect(text).toContain('qd draw verify');
    await screenshot(publicPage, 'supervision-04-public-verify');
    expect(await seriousViolations(publicPage)).toEqual([]);

    await publicPage.goto(`${server.url}/public/results`);
    await publicPage.locator('.ant-table-row').first().waitFor();
    await screenshot(publicPage, 'supervision-05-public-results');
    expect(await seriousViolations(publicPage)).toEqual([]);
  });
});
