import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_MISSING, TEST_DB, createTestApp, type TestApp } from './testing/test-app.js';

/**
 * /api/docs over plain HTTP on an address other than localhost: nothing may send the browser to
 * https (upgrade-insecure-requests, HSTS), and the page keeps to the app's Content-Security-Policy
 * (same-origin scripts, no resources from other sites).
 */
describe.skipIf(POSTGRES_MISSING)(`API docs page on ${TEST_DB}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
  });
  afterAll(() => t?.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { host: '192.168.10.20:3000' } });

  it('serves the page and its assets without sending plain HTTP to https, under the app CSP', async () => {
    const app = await get('/api/health');
    const page = await get('/api/docs/');
    expect(page.statusCode).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toBe(String(app.headers['content-security-policy']));
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(page.headers['strict-transport-security']).toBeUndefined();

    const html = page.body;
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(html).not.toMatch(/\sstyle=|<style/i);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(3);
    for (const asset of assets) {
      expect(asset, asset).not.toMatch(/^(https?:)?\/\//);
      const res = await get(new URL(asset, 'http://192.168.10.20:3000/api/docs/').pathname);
      expect(res.statusCode, asset).toBe(200);
      expect(String(res.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    }
    const init = await get('/api/docs/static/swagger-initializer.js');
    expect(init.body).not.toContain('validator.swagger.io');
  });
});
