import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { DEMO_PASSWORD, POSTGRES_MISSING, TEST_DB, createTestApp, type TestApp } from '../../testing/test-app.js';

type Cookie = LightMyRequestResponse['cookies'][number];
const attributes = (c: Cookie) => ({ path: c.path, sameSite: c.sameSite, httpOnly: !!c.httpOnly, secure: !!c.secure });

/** Logging out clears each cookie with the attributes it was set with, plain and behind TLS. */
describe.skipIf(POSTGRES_MISSING)(`session cookies on ${TEST_DB}`, () => {
  for (const secureCookies of [false, true]) {
    describe(secureCookies ? 'behind TLS (__Host-, Secure)' : 'plain HTTP', () => {
      let t: TestApp;
      beforeAll(async () => {
        t = await createTestApp({ enterprises: 2, config: { secureCookies } });
      });
      afterAll(() => t?.close());

      it('clears the session and CSRF cookies with the attributes they were set with', async () => {
        const login = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'office', password: DEMO_PASSWORD },
          remoteAddress: '10.61.0.1',
        });
        expect(login.statusCode).toBe(200);
        const set = login.cookies;
        expect(set.map((c) => c.name).sort()).toEqual(
          secureCookies ? ['__Host-qd_csrf', '__Host-qd_session'] : ['qd_csrf', 'qd_session'],
        );
        const logout = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/logout',
          headers: { cookie: set.map((c) => `${c.name}=${c.value}`).join('; '), 'x-csrf-token': login.json().csrfToken },
        });
        expect(logout.statusCode).toBe(204);
        for (const original of set) {
          const cleared = logout.cookies.find((c) => c.name === original.name);
          expect(cleared, original.name).toBeDefined();
          expect(cleared!.value).toBe('');
          expect(cleared!.maxAge === 0 || (cleared!.expires !== undefined && cleared!.expires.getTime() < Date.now())).toBe(true);
          expect(attributes(cleared!), original.name).toEqual(attributes(original));
        }
      });
    });
  }
});
