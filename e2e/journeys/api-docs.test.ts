/**
 * The API docs page as a reader on the local network meets it: plain HTTP on a host name that is
 * not localhost (browsers treat localhost as secure, which hides upgrade-insecure-requests). The
 * page renders the operations from /api/openapi.json and reports no Content-Security-Policy
 * violation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../../apps/server/src/server.js';
import { CHROMIUM_PATH, skipJourneys } from '../support/browser.js';

const HOST = 'qd-docs.example';

describe.skipIf(skipJourneys)('API docs over plain HTTP on a LAN host name', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({
      config: { port: 0, host: '127.0.0.1', webDist: '/nonexistent', jobs: false },
      inMemory: true,
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--no-sandbox', '--disable-gpu', `--host-resolver-rules=MAP ${HOST} 127.0.0.1`],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders the operations without a CSP violation', async () => {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
    const port = new URL(server.url).port;
    await page.goto(`http://${HOST}:${port}/api/docs/`);
    await page.locator('.opblock').first().waitFor({ timeout: 90_000 });
    expect(await page.locator('.opblock').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(failed).toEqual([]);
  });
});
