import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.js';
import { POSTGRES_MISSING, TEST_DB, createTestApp, type TestApp } from '../../testing/test-app.js';

/** Discovery publishes the configured public address, whatever Host a request names. */
describe.skipIf(POSTGRES_MISSING)(`Open311 discovery address on ${TEST_DB}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      enterprises: 2,
      config: { publicBaseUrl: loadConfig({ QD_PUBLIC_BASE_URL: 'https://zlqq.example.cn/platform/' }).publicBaseUrl },
    });
  });
  afterAll(() => t?.close());

  it('gives the endpoint under QD_PUBLIC_BASE_URL, never under the Host header', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/open311/v2/discovery.json',
      headers: { host: 'attacker.example', 'x-forwarded-host': 'attacker.example' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().endpoints[0].url).toBe('https://zlqq.example.cn/platform/open311/v2');
    expect(res.body).not.toContain('attacker');
  });

  it('defaults to this machine on the listening port, and refuses a base URL that is not http(s)', () => {
    expect(loadConfig({ PORT: '8080' }).publicBaseUrl).toBe('http://localhost:8080');
    expect(loadConfig({ QD_SECURE_COOKIES: '1' }).publicBaseUrl).toBe('https://localhost:3000');
    expect(() => loadConfig({ QD_PUBLIC_BASE_URL: 'javascript:alert(1)' })).toThrow(/QD_PUBLIC_BASE_URL/);
    expect(() => loadConfig({ QD_PUBLIC_BASE_URL: 'not a url' })).toThrow();
  });
});
