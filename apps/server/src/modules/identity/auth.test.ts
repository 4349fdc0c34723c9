import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sessions } from './identity.tables.js';
import { MIGRATIONS_FOLDER } from '../../platform/db/migrate.js';
import { POSTGRES_MISSING, TEST_DB, call, createTestApp, login, DEMO_PASSWORD, type TestApp } from '../../testing/test-app.js';

describe.skipIf(POSTGRES_MISSING)(`auth on ${TEST_DB}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ enterprises: 5 });
  });
  afterAll(() => t?.close());

  it('logs in with the right password and describes the user', async () => {
    const s = await login(t.app, 'office');
    const me = await call(t.app, s, 'GET', '/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ username: 'office', roles: ['office'], regionName: '平顶山高新技术产业开发区' });
    expect(me.json().user.permissions).toContain('registry.enterprise.write');
  });

  it('sets an HttpOnly, SameSite=Strict session cookie', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'dept', password: DEMO_PASSWORD },
    });
    const cookie = res.cookies.find((c) => c.name === 'qd_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
  });

  it('refuses a wrong password with the same message as an unknown user, in the request language', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'office', password: 'Wrong-Password-1' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nobody', password: 'Wrong-Password-1' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe('用户名或密码错误');
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
    const english = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { username: 'office', password: 'Wrong-Password-1' },
    });
    expect(english.json().error.message).toBe('Wrong user name or password');
  });

  it('locks the account for an address after 5 failures from it in 15 minutes, even for the right password', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'leader', password: 'Not-The-Password-9' },
        remoteAddress: '10.1.0.1',
      });
      expect(res.statusCode).toBe(401);
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'leader', password: DEMO_PASSWORD },
      remoteAddress: '10.1.0.1',
    });
    expect(locked.statusCode).toBe(401);
    expect(locked.json().error.code).toBe('account_locked');
    const audit = await call(t.app, await login(t.app, 'auditor'), 'GET', '/api/v1/audit?action=auth.lock');
    expect(audit.json().data.some((e: { targetType: string }) => e.targetType === 'user')).toBe(true);
  });

  it('rate-limits log-in attempts from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: `ghost${i}`, password: 'x' },
        remoteAddress: '10.9.9.9',
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('rejects a state-changing request without the CSRF token', async () => {
    const s = await login(t.app, 'office');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: s.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
    const wrong = await call(t.app, { ...s, csrf: 'forged' }, 'POST', '/api/v1/auth/logout');
    expect(wrong.statusCode).toBe(403);
  });

  it('ends the session on logout, server-side', async () => {
    const s = await login(t.app, 'office');
    expect((await call(t.app, s, 'POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await call(t.app, s, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('expires a session idle for more than 30 minutes', async () => {
    const s = await login(t.app, 'institution');
    expect((await call(t.app, s, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    const { eq } = await import('drizzle-orm');
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
      .where(eq(sessions.userId, s.userId));
    // Changed behind the server's back: as after Config.sessionCacheMs.
    t.app.forgetSessions();
    const res = await call(t.app, s, 'GET', '/api/v1/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('会话已过期，请重新登录');
  });

  it('expires a session past its 12-hour absolute limit even when active', async () => {
    const s = await login(t.app, 'expert');
    const { eq } = await import('drizzle-orm');
    await t.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, s.userId));
    t.app.forgetSessions();
    expect((await call(t.app, s, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('changes the password only when the new one meets the policy', async () => {
    const s = await login(t.app, 'enterprise');
    const weak = await call(t.app, s, 'POST', '/api/v1/auth/change-password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0]).toMatchObject({ path: 'newPassword', message: '密码至少12位' });
    const wrongCurrent = await call(t.app, s, 'POST', '/api/v1/auth/change-password', {
      currentPassword: 'nope',
      newPassword: 'Another-Pass-2026',
    });
    expect(wrongCurrent.statusCode).toBe(422);
    const ok = await call(t.app, s, 'POST', '/api/v1/auth/change-password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'Another-Pass-2026',
    });
    expect(ok.statusCode).toBe(200);
    await expect(login(t.app, 'enterprise')).rejects.toThrow();
    await login(t.app, 'enterprise', 'Another-Pass-2026');
  });

  it('answers 401 for API calls without a session, and bad JSON with 400, never 500', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/enterprises' })).statusCode).toBe(401);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('bad_request');
  });

  it('reports health with database kind and migration version, and sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toMatchObject({ status: 'ok', database: TEST_DB, migration: latestMigrationTag() });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });
});

function latestMigrationTag(): string {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  return journal.entries.at(-1)!.tag;
}
