import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAll, loginFresh } from '../../testing/fixtures.js';
import { POSTGRES_MISSING, TEST_DB, call, createTestApp, type Session, type TestApp } from '../../testing/test-app.js';

const API = '/api/v1';
const ISSUED = 'Issued-Password-2026';

/** A password an administrator set (and knows) opens nothing but the way to change it. */
describe.skipIf(POSTGRES_MISSING)(`must-change-password on ${TEST_DB}`, () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp({ enterprises: 3 });
    ({ admin } = await loginAll(t.app, ['admin'] as const));
  });
  afterAll(() => t?.close());

  it('answers only me, change-password and logout until the password is changed', async () => {
    const created = await call(t.app, admin, 'POST', `${API}/users`, {
      username: 'newcomer',
      displayName: '新同事',
      password: ISSUED,
      regionCode: '410471',
      roles: ['office'],
    });
    expect(created.statusCode).toBe(201);
    const s = await loginFresh(t.app, 'newcomer', ISSUED);

    const me = await call(t.app, s, 'GET', `${API}/auth/me`);
    expect(me.statusCode).toBe(200);
    expect(me.json().user.mustChangePassword).toBe(true);
    for (const [method, url, body] of [
      ['GET', `${API}/enterprises`, undefined],
      ['GET', `${API}/notifications`, undefined],
      ['POST', `${API}/enterprises`, {}],
    ] as const) {
      const res = await call(t.app, s, method, url, body, { 'accept-language': 'en-US' });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'password_change_required', message: 'Change your password first' });
    }

    const changed = await call(t.app, s, 'POST', `${API}/auth/change-password`, {
      currentPassword: ISSUED,
      newPassword: 'My-Own-Password-2026',
    });
    expect(changed.statusCode).toBe(200);
    expect((await call(t.app, s, 'GET', `${API}/enterprises`)).statusCode).toBe(200);
    expect((await call(t.app, s, 'POST', `${API}/auth/logout`)).statusCode).toBe(204);
  });

  it('lets a user who must change the password log out', async () => {
    const id = (await call(t.app, admin, 'GET', `${API}/users?keyword=newcomer`)).json().data[0].id as string;
    const security = (await loginAll(t.app, ['security'] as const)).security;
    const reset = await call(t.app, security, 'POST', `${API}/users/${id}/reset-password`, {
      newPassword: 'Reset-Password-2026',
    });
    expect(reset.statusCode).toBe(200);
    const s = await loginFresh(t.app, 'newcomer', 'Reset-Password-2026');
    expect((await call(t.app, s, 'GET', `${API}/enterprises`)).json().error.code).toBe('password_change_required');
    expect((await call(t.app, s, 'POST', `${API}/auth/logout`)).statusCode).toBe(204);
    expect((await call(t.app, s, 'GET', `${API}/auth/me`)).statusCode).toBe(401);
  });
});
