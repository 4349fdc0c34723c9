/**
 * The first load of the web app as a stranger meets it (BENCH_ONLY=web): Chromium opens `/`, is
 * sent to the login page, and we record which scripts it fetched (their gzip size, as the issue
 * counts them, and the bytes actually sent) and the time until the login form is on screen, with
 * an empty cache and again with a warm one. Needs `npm run build -w apps/web` and /usr/bin/chromium
 * (CHROMIUM_PATH); BENCH_WEB_RUNS loads per cache state (5).
 *
 * The server runs in this process (in-memory PGlite with the demo district): during a page load
 * it only serves files and one `/auth/me`, so it does not compete with Chromium for long.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { startServer } from '../../../apps/server/src/server.js';
import { summarise, type ModuleBench, type TimingResult } from '../module-bench.js';

const WEB_DIST = path.resolve(import.meta.dirname, '../../../apps/web/dist');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = Number.parseInt(process.env.BENCH_WEB_RUNS ?? '', 10) || 5;
const JS_GOAL_KB = 300;
const VISIBLE_GOAL_MS = 1000;
const FORM = '[data-testid="login-username"]';

/**
 * Runs in the page before its own scripts: notes `performance.now()` (ms since navigation start)
 * at the first frame after the username field has a size, i.e. when the form can be seen.
 */
const RECORD_FORM_VISIBLE = `(() => {
  const observer = new MutationObserver(() => {
    const field = document.querySelector('${FORM}');
    if (!field || field.getBoundingClientRect().width === 0) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__formVisibleAt = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

type Recorded = { __formVisibleAt?: number };

interface ScriptLoad {
  file: string;
  /** gzip -9 of the built file: the figure the issue's goal is stated in. */
  gzipBytes: number;
  /** Body bytes on the wire, in whatever encoding the server chose. */
  sentBytes: number;
  encoding: string;
}

async function loadLogin(context: BrowserContext, url: string): Promise<{ visibleMs: number; scripts: ScriptLoad[] }> {
  const page = await context.newPage();
  await page.addInitScript({ content: RECORD_FORM_VISIBLE });
  const responses: Promise<ScriptLoad>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    responses.push(
      (async () => {
        const file = new URL(response.url()).pathname;
        const sizes = await response.request().sizes();
        const local = path.join(WEB_DIST, file);
        return {
          file,
          gzipBytes: existsSync(local) ? gzipSync(readFileSync(local), { level: 9 }).length : NaN,
          sentBytes: sizes.responseBodySize,
          encoding: (await response.headerValue('content-encoding')) ?? 'identity',
        };
      })(),
    );
  });
  await page.goto(`${url}/`);
  await page.locator(FORM).waitFor({ state: 'visible', timeout: 30_000 });
  await page.waitForFunction(() => (globalThis as Recorded).__formVisibleAt !== undefined);
  // Whatever the page fetches after the form shows (a late chunk) counts too.
  await page.waitForLoadState('networkidle');
  const visibleMs = await page.evaluate(() => (globalThis as Recorded).__formVisibleAt!);
  if (!page.url().endsWith('/login')) throw new Error(`expected the login page, got ${page.url()}`);
  await page.close();
  return { visibleMs, scripts: await Promise.all(responses) };
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

export const webBench: ModuleBench = {
  module: 'web',
  async run({ log }) {
    if (!existsSync(path.join(WEB_DIST, 'index.html'))) {
      return { skipped: [`web: no build in apps/web/dist (run \`npm run build -w apps/web\`)`] };
    }
    if (!existsSync(CHROMIUM_PATH)) return { skipped: [`web: Chromium not found at ${CHROMIUM_PATH}`] };

    const server = await startServer({
      config: {
        port: 0,
        host: '127.0.0.1',
        databaseUrl: undefined,
        webDist: WEB_DIST,
        jobs: false,
        demoPassword: 'Bench-Pass-2026!',
      },
      inMemory: true,
      seedDemoWhenEmpty: true,
    });
    let browser: Browser | null = null;
    try {
      browser = await chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
        ],
      });
      // Warm the server (JIT, file descriptors) and Chromium before measuring.
      const warmup = await browser.newContext();
      await loadLogin(warmup, server.url);
      await warmup.close();

      const cold: number[] = [];
      const warm: number[] = [];
      let scripts: ScriptLoad[] = [];
      for (let run = 0; run < RUNS; run++) {
        // A new context has an empty HTTP cache; the second load in it finds the first one's files.
        const context = await browser.newContext();
        const first = await loadLogin(context, server.url);
        cold.push(first.visibleMs);
        scripts = first.scripts;
        warm.push((await loadLogin(context, server.url)).visibleMs);
        await context.close();
      }

      const gzip = scripts.reduce((sum, s) => sum + s.gzipBytes, 0);
      const sent = scripts.reduce((sum, s) => sum + s.sentBytes, 0);
      const encodings = [...new Set(scripts.map((s) => s.encoding))].join('/');
      const names = scripts.map((s) => path.basename(s.file).replace(/-[\w-]{8}\.js$/, ''));
      const unwanted = names.filter((n) => /echarts|home\.page|pro-components/.test(n));
      log(`web: login page scripts: ${scripts.map((s) => `${s.file} ${kb(s.gzipBytes)} kB gzip`).join(', ')}`);

      const timings: TimingResult[] = [
        {
          module: 'web',
          scenario: 'login page JS (gzip)',
          database: 'Chromium',
          runs: 1,
          medianMs: kb(gzip),
          p99Ms: kb(gzip),
          unit: 'kB',
          note:
            `goal < ${JS_GOAL_KB} kB; ${scripts.length} scripts, ${kb(sent)} kB sent (${encodings}); ` +
            (unwanted.length ? `loads ${unwanted.join(', ')}` : 'no echarts, ProComponents or home page'),
        },
        {
          module: 'web',
          scenario: 'login form visible, cold cache',
          database: 'Chromium',
          ...summarise(cold),
          note: `from navigating to / (sent on to /login), empty HTTP cache`,
        },
        {
          module: 'web',
          scenario: 'login form visible, warm cache',
          database: 'Chromium',
          ...summarise(warm),
          note: `goal < ${VISIBLE_GOAL_MS} ms; the same tab's second load`,
        },
      ];
      return { timings };
    } finally {
      await browser?.close();
      await server.close();
    }
  },
};
