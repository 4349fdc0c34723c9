/**
 * The registry journey of a quality-office officer, in Chromium against the real server:
 * log in, find an enterprise, register a new one (the credit code is checked while typing),
 * find it in the list, switch to English, log out. The login page and the enterprise list are
 * also checked with axe-core.
 */
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../apps/server/src/server.js';
import { makeCreditCode } from '../../packages/core/src/index.js';
import { seriousViolations } from '../support/accessibility.js';
import { screenshot } from '../support/artifacts.js';
import { startAppServer } from '../support/app-server.js';
import { launchBrowser, skipJourneys } from '../support/browser.js';

const DEMO_PASSWORD = 'E2e-Demo-Password-2026';
const DISTRICT = '410471';
/** A code whose check character is wrong (the right one would be 6). */
const WRONG_CHECK_CHARACTER = '914403001922038217';

/** Picks an option of an antd Select identified by its form label. */
async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

describe.skipIf(skipJourneys)('registry journey (office officer)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const enterpriseName = `鹰城质量测试新材料有限公司${randomInt(10_000, 99_999)}`;
  const creditCode = makeCreditCode(DISTRICT, randomInt(1_000_000, 500_000_000));

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startAppServer(DEMO_PASSWORD);
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the login page in Chinese (even to an English browser) and it passes axe', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForURL('**/login');
    await expect(page.getByTestId('product-name').textContent()).resolves.toBe('质量强区数字化平台');
    await page.getByText('Quality District').waitFor();
    await screenshot(page, '01-login');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('logs in as the office officer and lands on the district overview', async () => {
    await page.getByTestId('login-username').fill('office');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('district-summary-title').waitFor();
    await expect(page.getByTestId('district-summary-title').textContent()).resolves.toContain('平顶山高新技术产业开发区');
  });

  it('finds an enterprise by keyword in the list, which passes axe', async () => {
    await page.getByRole('link', { name: '企业', exact: true }).click();
    await page.waitForURL('**/registry/enterprises');
    const search = page.getByTestId('keyword-search');
    await expect(search.getAttribute('placeholder')).resolves.toBe('名称或统一社会信用代码');
    await search.fill('神马尼龙');
    await search.press('Enter');
    // The company may already be on the unfiltered first page: wait for the filtered list.
    await expect.poll(() => page.locator('.ant-table-row').count(), { timeout: 15_000 }).toBe(1);
    await page.getByRole('link', { name: '平顶山神马尼龙新材料有限公司' }).waitFor();
    await screenshot(page, '02-enterprise-list');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('explains a wrong credit-code check character while typing, in Chinese', async () => {
    await page.getByTestId('create-button').click();
    await page.waitForURL('**/registry/enterprises/new');
    await page.getByTestId('credit-code-input').fill(WRONG_CHECK_CHARACTER);
    await page.getByText('统一社会信用代码校验位错误').waitFor();
    await screenshot(page, '03-enterprise-form-error');
  });

  it('saves the enterprise once the code is right and the form complete', async () => {
    // Typed in lower case: the field upper-cases it.
    await page.getByTestId('credit-code-input').fill(creditCode.toLowerCase());
    await expect(page.getByTestId('credit-code-input').inputValue()).resolves.toBe(creditCode);
    await page.getByText('统一社会信用代码校验位错误').waitFor({ state: 'hidden' });

    await page.getByLabel('企业名称').fill(enterpriseName);
    await choose(page, '企业规模', '中型');
    await choose(page, '行业门类', 'C 制造业');
    await page.getByLabel('行业代码').fill('2651');
    await page.getByLabel('成立日期').fill('2018-06-18');
    await page.getByLabel('成立日期').press('Enter');
    await page.getByLabel('法定代表人').fill('王测试');
    await page.getByLabel('地址', { exact: true }).fill('河南省平顶山市高新区火炬路88号');
    await page.getByLabel('主要产品').fill('尼龙工程塑料');
    await screenshot(page, '04-enterprise-form-filled');

    await page.getByTestId('save-button').click();
    await page.waitForURL((url) => url.pathname === '/registry/enterprises');
  });

  it('finds the new enterprise in the list by its credit code', async () => {
    await page.getByTestId('keyword-search').fill(creditCode);
    await page.getByTestId('keyword-search').press('Enter');
    await page.getByRole('link', { name: enterpriseName }).waitFor();
    const row = page.locator('.ant-table-row', { hasText: enterpriseName });
    await expect(row.textContent()).resolves.toContain(creditCode);
    await expect(row.textContent()).resolves.toContain('制造业');
  });

  it('switches to English, labels and all', async () => {
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByRole('columnheader', { name: 'Enterprise name' }).waitFor();
    await page.getByTestId('create-button').getByText('Create').waitFor();
    await expect(page.getByTestId('keyword-search').getAttribute('placeholder')).resolves.toBe('Name or credit code');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en-US');
    await screenshot(page, '05-enterprise-list-english');
  });

  it('logs out to the login page, which stays in English, and server errors follow', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout-action').click();
    await page.waitForURL('**/login');
    await page.getByRole('button', { name: 'Log in' }).waitFor();

    // The session is really gone: an app page sends us back here.
    await page.goto(`${server.url}/registry/enterprises`);
    await page.waitForURL('**/login');

    // The server answers in the UI's language too (Accept-Language).
    await page.getByTestId('login-username').fill('office');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('login-error').textContent()).resolves.toContain('Wrong user name or password');
  });
});
