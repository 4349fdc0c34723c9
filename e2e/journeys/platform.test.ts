/**
 * The platform's shared parts as the office meets them: the working-day calendar (a local day
 * off entered by clicking a day, then saved) and the notification bell in the header, which
 * shows a reminder sent by a module and opens where it points; and the public pages, reached
 * from the login page without an account.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../apps/server/src/server.js';
import { notify } from '../../apps/server/src/platform/notifications/notify.js';
import { seriousViolations } from '../support/accessibility.js';
import { screenshot } from '../support/artifacts.js';
import { startAppServer } from '../support/app-server.js';
import { launchBrowser, skipJourneys } from '../support/browser.js';

const DEMO_PASSWORD = 'E2e-Demo-Password-2026';

describe.skipIf(skipJourneys)('platform journey (calendar and notifications)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startAppServer(DEMO_PASSWORD);
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('office');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('district-summary-title').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens the public information pages without an account, from the login page', async () => {
    const anonymous = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await anonymous.goto(`${server.url}/login`);
    await anonymous.getByTestId('public-portal-link').click();
    await anonymous.waitForURL('**/public');
    await anonymous.getByRole('heading', { name: '公开信息' }).waitFor();
    await screenshot(anonymous, 'platform-00-public');
    const violations = await seriousViolations(anonymous);
    expect(violations, JSON.stringify(violations)).toEqual([]);
    await anonymous.close();
  });

  it('marks a local day off in the working calendar and keeps it after a reload', async () => {
    await page.goto(`${server.url}/admin/calendar`);
    await page.getByText('工作日历（节假日与调休）').first().waitFor();
    const year = new Date().getFullYear();
    // A weekday in December that is normally worked (the 15th falls Monday–Friday in most years; pick the first that does).
    const day = [15, 16, 17, 14, 18]
      .map((d) => `${year}-12-${String(d).padStart(2, '0')}`)
      .find((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()))!;
    await page.locator(`td[title="${day}"]`).click();
    await page.getByTestId(`day-${day}`).waitFor();
    await page.getByTestId('calendar-save').click();
    await page.getByText('已保存').waitFor();
    await page.reload();
    await page.getByTestId(`day-${day}`).waitFor();
    await expect(page.getByText('本辖区已调整').count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'platform-01-calendar');
    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations)).toEqual([]);
  });

  it('shows a new reminder under the bell and opens it', async () => {
    const me = (await server.database.query<{ id: string }>(`select id from users where username = 'office'`))[0]!;
    await server.database.db.transaction((tx) =>
      notify(tx, {
        userId: me.id,
        regionCode: '410471',
        kind: 'e2e.reminder',
        title: { zh: '督办事项即将到期', en: 'A supervised task is due soon' },
        body: '请在 3 个工作日内报送进展',
        link: '/registry/departments',
        dedupeKey: 'e2e:reminder:1',
      }),
    );
    await page.reload();
    await page.getByTestId('notification-bell').click();
    await page.getByText('督办事项即将到期').waitFor();
    await screenshot(page, 'platform-02-notifications');
    await page.getByText('督办事项即将到期').click();
    await page.waitForURL('**/registry/departments');
    await expect
      .poll(async () => (await page.getByTestId('notification-bell').getAttribute('aria-label')) ?? '')
      .toContain('0 条未读');
  });
});
