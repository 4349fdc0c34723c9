/**
 * What a newcomer sees: every demo user logs in and opens every page of their menu (and the
 * notifications under the bell); the journey fails on visible text a person should never meet —
 * a message key (`word.word.word`), a raw ISO timestamp, a UUID, or a code in place of a label
 * (a stratum "high/C", a state "（submitted）"). Every role's home page is screenshotted.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../apps/server/src/server.js';
import { ARTIFACTS_DIR, screenshot } from '../support/artifacts.js';
import { startAppServer } from '../support/app-server.js';
import { launchBrowser, skipJourneys } from '../support/browser.js';
import { rawTextFindings } from '../support/raw-text.js';

const DEMO_PASSWORD = 'E2e-Demo-Password-2026';
const ROLES = ['admin', 'security', 'auditor', 'office', 'dept', 'enterprise', 'institution', 'expert', 'leader'] as const;

describe.skipIf(skipJourneys)('newcomer journey (every role, every menu page, no raw codes)', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startAppServer(DEMO_PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Waits until the page has settled: no spinner and no skeleton left. */
  async function settle(page: Page) {
    await page.getByTestId('current-user').waitFor();
    await page.waitForLoadState('networkidle');
    await page
      .waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active'), undefined, { timeout: 10_000 })
      .catch(() => undefined);
  }

  async function visibleText(page: Page): Promise<string> {
    return page.evaluate(() => document.body.innerText);
  }

  it('public pages: no session asked for without one, results in words, the verifier checked on load', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const sessionAsks: number[] = [];
    page.on('response', (res) => {
      if (new URL(res.url()).pathname === '/api/v1/auth/me') sessionAsks.push(res.status());
    });
    const findings: string[] = [];
    const [drawn] = await server.database.query<{ id: string }>(
      `select id from supervision_plans where drawn_at is not null order by drawn_at desc limit 1`,
    );
    const paths = ['/public', '/public/services', '/public/results', '/public/draws', '/public/awards'];
    if (drawn) paths.push(`/public/draws/${drawn.id}`);
    for (const publicPath of paths) {
      await page.goto(`${server.url}${publicPath}`);
      await page.waitForLoadState('networkidle');
      if (publicPath.startsWith('/public/draws/')) {
        await page.getByTestId('verify-summary').waitFor();
        await screenshot(page, 'public-draw-verifier');
      }
      for (const f of rawTextFindings(await visibleText(page))) findings.push(`${publicPath}: ${f}`);
    }
    await context.close();
    expect(sessionAsks, 'no /auth/me without a session cookie').toEqual([]);
    expect(drawn, 'the demo has a drawn plan').toBeDefined();
    expect(findings.join('\n')).toBe('');
  });

  it.each(ROLES)(
    '%s: every menu page shows labels, not codes',
    async (username) => {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      await page.goto(`${server.url}/login`);
      await page.getByTestId('login-username').fill(username);
      await page.getByTestId('login-password').fill(DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      await settle(page);
      await screenshot(page, `home-${username}`);
      if (['enterprise', 'institution', 'expert'].includes(username)) {
        // Those who act on their own cases see what waits for them, not "use the menu".
        await page.getByTestId('my-work').waitFor();
      }

      const findings: string[] = [];
      const check = async (where: string) => {
        for (const f of rawTextFindings(await visibleText(page))) findings.push(`${where}: ${f}`);
      };
      await check('/');

      const menuPaths = await page.evaluate(
        () =>
          [...document.querySelectorAll<HTMLAnchorElement>('.ant-pro-sider a[href], .ant-pro-layout a[href]')]
            .map((a) => new URL(a.href).pathname)
            .filter((p) => p !== '/' && !p.startsWith('/account') && !p.startsWith('/public')), // public pages: their own test
      );
      const paths = [...new Set(menuPaths)];
      expect(paths.length, 'the menu lists pages').toBeGreaterThan(0);
      for (const menuPath of paths) {
        await page.goto(`${server.url}${menuPath}`);
        await settle(page);
        await check(menuPath);
        // The first row's detail page, where a list leads to one (a plan, a task, a request).
        const detail = await page.evaluate((base) => {
          const link = document.querySelector<HTMLAnchorElement>(`main .ant-table-tbody a[href^="${base}/"]`);
          return link ? new URL(link.href).pathname : null;
        }, menuPath);
        if (detail) {
          await page.goto(`${server.url}${detail}`);
          await settle(page);
          await check(detail);
        }
      }

      await page.goto(`${server.url}/`);
      await settle(page);
      await page.getByTestId('notification-bell').click();
      await page.waitForTimeout(300);
      await check('notifications');

      await context.close();
      // Also kept beside the screenshots, for reading while a long run goes on.
      writeFileSync(path.join(ARTIFACTS_DIR, `raw-text-${username}.txt`), findings.join('\n'));
      expect(findings.join('\n')).toBe('');
    },
    900_000,
  );
});
