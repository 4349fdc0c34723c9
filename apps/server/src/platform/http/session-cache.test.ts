import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { loginFresh } from '../../testing/fixtures.js';
import { POSTGRES_MISSING, TEST_DB, call, createTestApp, type TestApp } from '../../testing/test-app.js';

/** Sessions are looked up once per Config.sessionCacheMs, not on every request (issue 12). */
describe.skipIf(POSTGRES_MISSING)(`session cache on ${TEST_DB}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    // Long enough that nothing in this file outlives it by accident.
    t = await createTestApp({ config: { sessionCacheMs: 60_000 } });
  });
  afterAll(() => t?.close());

  const endInDatabase = (userId: string) =>
    t.database.db.execute(sql`update sessions set ended_at = now() where user_id = ${userId}`);

  it('serves reads from the remembered session: one ended behind its back is still live until forgotten', async () => {
    const s = await loginFresh(t.app, 'office');
    expect((await call(t.app, s, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    await endInDatabase(s.userId);
    // No session query: the read is answered from the lookup above.
    expect((await call(t.app, s, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    t.app.forgetSessions();
    expect((await call(t.app, s, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('looks every session up again after any write, so a log-out ends the session at once', async () => {
    const s = await loginFresh(t.app, 'dept');
    const other = await loginFresh(t.app, 'leader');
    expect((await call(t.app, s, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    expect((await call(t.app, other, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    await endInDatabase(other.userId);
    expect((await call(t.app, s, 'POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await call(t.app, s, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    // The log-out of one user cleared every remembered session, the other user's included.
    expect((await call(t.app, other, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('remembers nothing with sessionCacheMs 0', async () => {
    const off = await createTestApp({ config: { sessionCacheMs: 0 } });
    try {
      const s = await loginFresh(off.app, 'office');
      expect((await call(off.app, s, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
      await off.database.db.execute(sql`update sessions set ended_at = now() where user_id = ${s.userId}`);
      expect((await call(off.app, s, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    } finally {
      await off.close();
    }
  });
});
