/**
 * The one-stop station's journey, in Chromium against the real server: an enterprise submits a
 * request with the service's typed attributes, the case handler accepts and dispatches it to the
 * proposed institution, the institution accepts and completes it, the enterprise rates it, and the
 * office looks at the board. The board and the public station page are screenshotted and checked
 * with axe-core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../apps/server/src/server.js';
import { seriousViolations } from '../support/accessibility.js';
import { screenshot } from '../support/artifacts.js';
import { startAppServer } from '../support/app-server.js';
import { launchBrowser, skipJourneys } from '../support/browser.js';

const DEMO_PASSWORD = 'E2e-Demo-Password-2026';

describe.skipIf(skipJourneys)('services journey (enterprise, case handler, institution)', () => {
  let server: RunningServer;
  let browser: Browser;
  const pages: Record<string, Page> = {};
  let requestPath = '';

  /** Each user in a browser context of their own (own cookies), logged in once. */
  async function as(username: 'enterprise' | 'office' | 'institution'): Promise<Page> {
    if (pages[username]) return pages[username];
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    pages[username] = page;
    return page;
  }

  async function takeAction(page: Page, action: string) {
    await page.getByTestId(`action-${action}`).click();
  }

  async function expectState(page: Page, text: string) {
    await expect.poll(() => page.getByTestId('request-state').textContent(), { timeout: 15_000 }).toBe(text);
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startAppServer(DEMO_PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the public station page without log-in, which passes axe', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/public/services`);
    await page.getByText('产品质量检验检测').waitFor();
    await page.getByText('每月服务情况').waitFor();
    await screenshot(page, 'services-01-public-station');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('lets the enterprise submit a request from the catalogue with the typed attributes', async () => {
    const page = await as('enterprise');
    await page.goto(`${server.url}/services/catalogue`);
    await page.getByTestId('apply-TEST-PRODUCT').click();
    await page.getByLabel('产品名称及型号').fill('PA66 工程塑料切片');
    await page.getByLabel('样品数量（件）').fill('3');
    await page.getByLabel('检验类型').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '全项检验' }).first().click();
    await page.getByLabel('诉求描述').fill('需检测拉伸强度和熔点，用于客户验厂');
    await page.getByLabel('联系人').fill('张经理');
    await page.getByLabel('联系电话').fill('13837512345');
    await screenshot(page, 'services-02-submit-form');
    await page.getByTestId('submit-request').click();
    await page.waitForURL(/\/services\/requests\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('request-number').textContent()).resolves.toMatch(/FW410471-\d{4}-\d{6}/);
    await expectState(page, '已提交');
    requestPath = new URL(page.url()).pathname;
    // the material goes with it, through the platform's file store
    await page.locator('input[type=file]').setInputFiles({
      name: '样品说明.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    });
    await page.getByRole('link', { name: '样品说明.pdf' }).waitFor();
  });

  it('lets the case handler accept it and dispatch it to the proposed institution', async () => {
    const page = await as('office');
    await page.goto(`${server.url}/services/requests?state=submitted`);
    await page.goto(`${server.url}${requestPath}`);
    await takeAction(page, 'accept');
    await expectState(page, '已受理');
    await takeAction(page, 'dispatch');
    await page.locator('.ant-modal .ant-checkbox-input').first().check();
    await screenshot(page, 'services-03-dispatch-proposal');
    await page.getByTestId('action-submit').click();
    await expectState(page, '已派单');
  });

  it('lets the institution accept the work, quote and complete it', async () => {
    const page = await as('institution');
    await page.goto(`${server.url}${requestPath}`);
    await page.getByRole('link', { name: '样品说明.pdf' }).waitFor(); // dispatched to it: it sees the material
    await takeAction(page, 'institution_accept');
    await expectState(page, '服务中');
    await takeAction(page, 'quote');
    await page.getByLabel('金额（元）').fill('1250');
    await page.getByTestId('action-submit').click();
    await page.getByText('¥1250.00').first().waitFor();
    await takeAction(page, 'done');
    await page.getByLabel('内容').fill('检验报告 No.2026-0001 已出具');
    await page.getByTestId('action-submit').click();
    await expectState(page, '已办结');
  });

  it('lets the enterprise confirm and rate it, and shows every step on the timeline', async () => {
    const page = await as('enterprise');
    await page.goto(`${server.url}${requestPath}`);
    await takeAction(page, 'rate');
    await page.locator('.ant-modal .ant-rate-star').nth(4).click();
    await page.getByLabel('评价意见').fill('检测及时，报告规范');
    await page.getByTestId('action-submit').click();
    await expectState(page, '已评价');
    const timeline = await page.getByTestId('timeline').textContent();
    for (const step of ['提交诉求', '受理', '派单', '机构接单', '报价', '机构办结', '企业评价']) expect(timeline).toContain(step);
    await screenshot(page, 'services-04-request-timeline');
  });

  it('shows the office the board with its chart and tables, which passes axe', async () => {
    const page = await as('office');
    await page.goto(`${server.url}/services/board`);
    await page.getByTestId('board-figures').waitFor();
    await page.getByRole('img', { name: '按月诉求数与办结数柱状图' }).waitFor();
    await page.getByText('按服务机构').waitFor();
    await screenshot(page, 'services-05-board');
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${server.url}/services/requests`);
    await page.getByTestId('requests-table').waitFor();
    await screenshot(page, 'services-06-inbox');
  });
});
