/**
 * The governance journey in Chromium against the real server: the quality office records a
 * joint meeting (attendance, minutes) and a resolution that creates a supervised task; the
 * market-supervision branch's officer finds it on the task board and reports progress; the
 * assessment page shows grades with their breakdown. The task board and the assessment page are
 * checked with axe-core and kept as screenshots.
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
const TASK_TITLE = '编制质量提升行动方案（e2e）';

async function logIn(browser: Browser, url: string, username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => u.pathname === '/');
  return page;
}

async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

describe.skipIf(skipJourneys)('governance journey (office and department)', () => {
  let server: RunningServer;
  let browser: Browser;
  let office: Page;
  let dept: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startAppServer(DEMO_PASSWORD);
    office = await logIn(browser, server.url, 'office');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the office schedules a joint meeting', async () => {
    await office.goto(`${server.url}/governance/meetings`);
    await office.getByTestId('new-meeting').click();
    await office.getByTestId('meeting-title').fill('质量强区工作专题联席会议（e2e）');
    await office.getByLabel('会议日期').fill(todayInShanghai());
    await office.getByLabel('会议日期').press('Enter');
    await office.getByTestId('meeting-agenda').fill('质量提升行动\n年度考评安排');
    await office.getByTestId('meeting-save').click();
    await office.waitForURL(/\/governance\/meetings\/[0-9a-f-]{36}$/);
    await office.getByText('年度考评安排').waitFor();
  });

  it('records attendance and minutes, holds it and records a resolution that creates a task', async () => {
    await office.getByTestId('all-present').click();
    await office.getByTestId('save-attendance').click();
    await office.getByTestId('meeting-hold').click();
    await office.getByTestId('add-resolution').waitFor();
    await office.getByTestId('minutes').fill('会议研究部署质量提升行动。');
    await office.getByTestId('save-minutes').click();
    await office.getByTestId('add-resolution').click();
    await office.getByTestId('resolution-text').fill('各成员单位制定质量提升行动方案。');
    await office.getByTestId('task-title').fill(TASK_TITLE);
    await choose(office, '牵头部门', '高新市场监管分局');
    await office.getByTestId('task-days').fill('10');
    await office.getByTestId('task-output').fill('行动方案文件');
    await office.getByTestId('resolution-save').click();
    const row = office.locator('.ant-table-row', { hasText: TASK_TITLE });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('已交办');
    await screenshot(office, 'governance-01-meeting');
  });

  it('the department sees the task on its board and reports progress', async () => {
    dept = await logIn(browser, server.url, 'dept');
    await dept.goto(`${server.url}/governance/tasks`);
    await dept.getByTestId('task-board').waitFor();
    await dept
      .getByRole('link', { name: /DB-\d{4}-\d{4}/ })
      .first()
      .waitFor();
    const row = dept.locator('.ant-table-row', { hasText: TASK_TITLE });
    await row.waitFor();
    await screenshot(dept, 'governance-02-task-board');
    expect(await seriousViolations(dept)).toEqual([]);
    await row.getByRole('link').click();
    await dept.getByTestId('report-progress').click();
    await dept.getByLabel('进展情况').fill('已起草行动方案初稿，正在征求意见。');
    await dept.getByLabel('完成百分比').fill('40');
    await dept.getByTestId('report-submit').click();
    await dept.getByTestId('progress-reports').getByText('已起草行动方案初稿').waitFor();
    await dept.getByText('办理中').first().waitFor();
    await dept.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
    await screenshot(dept, 'governance-03-task-progress');
  });

  it('the assessment page shows grades with the breakdown and its evidence', async () => {
    await office.goto(`${server.url}/governance/assessment`);
    await office.getByTestId('assessment-results').waitFor();
    await office.locator('[data-testid="assessment-results"] .ant-table-row').first().waitFor();
    await office.locator('[data-testid="assessment-results"] .ant-table-row-expand-icon').first().click();
    await office.getByText('督办任务按期办结率').last().waitFor();
    await screenshot(office, 'governance-04-assessment');
    expect(await seriousViolations(office)).toEqual([]);
  });

  it('the office changes a grade threshold and recomputes', async () => {
    await office.getByTestId('edit-scheme').click();
    await office.getByLabel('A ≥').fill('95');
    await office
      .locator('.ant-modal:visible')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await office.getByText('A ≥ 95').waitFor();
    await office.getByTestId('assessment-compute').click();
    await office.getByText('已计算（待审定）').waitFor();
    await office.locator('[data-testid="assessment-results"] .ant-table-row').first().waitFor();
  });

  it('the leader sees the one-page overview and the yearly report', async () => {
    const leader = await logIn(browser, server.url, 'leader');
    await leader.goto(`${server.url}/governance/overview`);
    await leader.getByText('逾期督办任务').waitFor();
    await leader.getByText('主任质量奖奖金').first().waitFor();
    await screenshot(leader, 'governance-05-leader-overview');
    expect(await seriousViolations(leader)).toEqual([]);
    await leader.goto(`${server.url}/governance/report`);
    await leader.getByText('各项工作主要数据').waitFor();
    await screenshot(leader, 'governance-06-yearly-report');
  });
});
