import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUsers, loginAll, loginFresh } from '../../testing/fixtures.js';
import { LOCKOUT } from './auth.service.js';
import {
  DEMO_PASSWORD,
  POSTGRES_MISSING,
  TEST_DB,
  call,
  createTestApp,
  type Session,
  type TestApp,
} from '../../testing/test-app.js';

const API = '/api/v1';
const USERS = ['admin', 'security', 'auditor', 'office', 'dept', 'enterprise', 'leader'] as const;
type Who = (typeof USERS)[number];
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface UserBody {
  id: string;
  username: string;
  displayName: string;
  regionCode: string;
  organizationId: string | null;
  roles: string[];
  status: string;
  phone: string | null;
  lockedUntil: string | null;
}

const PASSWORD = 'Quality-District-2026';

describe.skipIf(POSTGRES_MISSING)(`users API on ${TEST_DB}`, () => {
  let t: TestApp;
  let s: Record<Who, Session>;
  let departmentId: string;
  let enterpriseOrgId: string;
  let outsiderId: string;
  let counter = 0;

  const req = (who: Who, method: Method, url: string, body?: unknown, headers?: Record<string, string>) =>
    call(t.app, s[who], method, `${API}${url}`, body, headers);
  const newUser = (overrides: Record<string, unknown> = {}) => ({
    username: `user${++counter}`,
    displayName: `测试用户${counter}`,
    password: PASSWORD,
    regionCode: '410471',
    roles: ['office'],
    ...overrides,
  });
  const create = async (overrides: Record<string, unknown> = {}): Promise<UserBody> => {
    const res = await req('admin', 'POST', '/users', newUser(overrides));
    if (res.statusCode !== 201) throw new Error(`create user: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const auditOf = async (action: string) =>
    (await req('auditor', 'GET', `/audit?action=${action}&pageSize=200`)).json().data as {
      targetId: string;
      actorName: string;
      detail: Record<string, unknown> | null;
    }[];

  beforeAll(async () => {
    t = await createTestApp({ enterprises: 5 });
    outsiderId = (await addUsers(t, '410402', [{ username: 'xinhua', roles: ['office'] }])).xinhua!;
    s = await loginAll(t.app, USERS);
    departmentId = (await req('dept', 'GET', '/auth/me')).json().user.organizationId;
    enterpriseOrgId = (await req('enterprise', 'GET', '/auth/me')).json().user.organizationId;
  });
  afterAll(() => t?.close());

  describe('creating users (system administrator)', () => {
    it('creates a user (201) who must change the password at first log-in', async () => {
      const res = await req(
        'admin',
        'POST',
        '/users',
        newUser({ username: 'wang.ke', displayName: '王科员', phone: '13812345678' }),
      );
      expect(res.statusCode).toBe(201);
      const created = res.json() as UserBody;
      expect(created).toMatchObject({
        username: 'wang.ke',
        displayName: '王科员',
        regionCode: '410471',
        roles: ['office'],
        status: 'active',
        phone: '138****5678',
        lockedUntil: null,
      });
      expect(res.body).not.toContain('password');
      const session = await loginFresh(t.app, 'wang.ke', PASSWORD);
      const me = (await call(t.app, session, 'GET', `${API}/auth/me`)).json().user;
      expect(me).toMatchObject({ username: 'wang.ke', mustChangePassword: true, roles: ['office'] });
      const audit = (await auditOf('identity.user.create')).find((a) => a.targetId === created.id);
      expect(audit).toMatchObject({ actorName: 'admin', detail: { username: 'wang.ke', roles: ['office'] } });
      expect(JSON.stringify(audit)).not.toContain(PASSWORD);
    });

    it('refuses a weak password with the field named', async () => {
      const short = await req('admin', 'POST', '/users', newUser({ password: 'Short-1' }));
      expect(short.statusCode).toBe(400);
      expect(short.json().error.details).toEqual([{ path: 'password', message: '密码至少12位' }]);
      const classes = await req('admin', 'POST', '/users', newUser({ password: 'alllowercaseletters' }));
      expect(classes.statusCode).toBe(400);
      expect(classes.json().error.details).toEqual([
        { path: 'password', message: '密码须包含大写字母、小写字母、数字、符号中的至少三类' },
      ]);
      const named = await req('admin', 'POST', '/users', newUser({ username: 'zhaoliu', password: 'Zhaoliu-Pass-2026' }));
      expect(named.statusCode).toBe(422);
      expect(named.json().error.details).toEqual([{ path: 'password', message: '密码不能包含用户名' }]);
      const en = await req('admin', 'POST', '/users', newUser({ password: 'Short-1' }), { 'accept-language': 'en-US' });
      expect(en.json().error.details).toEqual([{ path: 'password', message: 'The password needs at least 12 characters' }]);
    });

    it('refuses a malformed user name (400) and a taken one (409)', async () => {
      const bad = await req('admin', 'POST', '/users', newUser({ username: 'wang ke' }));
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details).toEqual([{ path: 'username', message: '用户名为3–32位字母、数字、点、下划线或连字符' }]);
      const taken = await req('admin', 'POST', '/users', newUser({ username: 'office' }));
      expect(taken.statusCode).toBe(409);
      expect(taken.json().error).toMatchObject({ code: 'conflict', details: [{ path: 'username', message: '用户名已被使用' }] });
    });

    it('leaves granting administrator roles to the security administrator (403 for the system administrator)', async () => {
      for (const role of ['auditor', 'secadmin', 'sysadmin']) {
        const res = await req('admin', 'POST', '/users', newUser({ roles: [role] }));
        expect(res.statusCode, role).toBe(403);
      }
      expect((await req('admin', 'POST', '/users', newUser({ roles: ['office', 'auditor'] }))).statusCode).toBe(403);
    });

    it('lets only the system administrator create users', async () => {
      for (const who of ['security', 'auditor', 'office'] as const) {
        expect((await req(who, 'POST', '/users', newUser())).statusCode, who).toBe(403);
      }
    });

    it('ties organization roles to an organization of the right kind in the region', async () => {
      const dept = await req('admin', 'POST', '/users', newUser({ roles: ['dept'], organizationId: departmentId }));
      expect(dept.statusCode).toBe(201);
      expect(dept.json().organizationId).toBe(departmentId);
      const missing = await req('admin', 'POST', '/users', newUser({ roles: ['dept'] }));
      expect(missing.statusCode).toBe(422);
      expect(missing.json().error.details).toEqual([{ path: 'organizationId', message: '该角色须关联一个机构' }]);
      expect(
        (await req('admin', 'POST', '/users', newUser({ roles: ['dept'], organizationId: enterpriseOrgId }))).statusCode,
      ).toBe(422);
      expect(
        (await req('admin', 'POST', '/users', newUser({ roles: ['enterprise'], organizationId: enterpriseOrgId }))).statusCode,
      ).toBe(201);
    });

    it('refuses accounts outside the administrator region (422)', async () => {
      const res = await req('admin', 'POST', '/users', newUser({ regionCode: '410402' }));
      expect(res.statusCode).toBe(422);
      expect(res.json().error.details).toEqual([{ path: 'regionCode', message: '不能在您的管辖区域之外创建数据' }]);
    });
  });

  describe('reading users', () => {
    it('lets the system and security administrators list users, nobody else', async () => {
      for (const who of ['office', 'auditor', 'dept', 'enterprise', 'leader'] as const) {
        const res = await req(who, 'GET', '/users');
        expect(res.statusCode, who).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
      }
      for (const who of ['admin', 'security'] as const) expect((await req(who, 'GET', '/users')).statusCode, who).toBe(200);
    });

    it('lists the users of the region only, with filters and paging, never a password hash', async () => {
      const all = (await req('admin', 'GET', '/users?pageSize=200')).json();
      expect(all.data.every((u: UserBody) => u.regionCode === '410471')).toBe(true);
      expect(all.data.map((u: UserBody) => u.username)).not.toContain('xinhua');
      expect(all.data.map((u: UserBody) => u.username)).toEqual(
        expect.arrayContaining(['admin', 'security', 'auditor', 'office']),
      );
      expect(JSON.stringify(all)).not.toMatch(/passwordHash|\$scrypt|\$argon/);
      const offices = (await req('admin', 'GET', '/users?role=office&pageSize=200')).json();
      expect(offices.data.length).toBeGreaterThan(0);
      expect(offices.data.every((u: UserBody) => u.roles.includes('office'))).toBe(true);
      const byName = (await req('admin', 'GET', `/users?keyword=${encodeURIComponent('审计')}`)).json();
      expect(byName.data.map((u: UserBody) => u.username)).toEqual(['auditor']);
      const desc = (await req('admin', 'GET', '/users?sort=-username&pageSize=3')).json();
      expect(desc).toMatchObject({ current: 1, pageSize: 3, total: all.total });
      const names = all.data.map((u: UserBody) => u.username).sort();
      expect(desc.data.map((u: UserBody) => u.username)).toEqual(names.reverse().slice(0, 3));
    });

    it('answers 404 for a user of another region, whatever the action', async () => {
      expect((await req('admin', 'GET', `/users/${outsiderId}`)).statusCode).toBe(404);
      expect((await req('admin', 'PATCH', `/users/${outsiderId}`, { status: 'disabled' })).statusCode).toBe(404);
      expect((await req('security', 'PUT', `/users/${outsiderId}/roles`, { roles: ['leader'] })).statusCode).toBe(404);
      expect((await req('security', 'POST', `/users/${outsiderId}/unlock`)).statusCode).toBe(404);
      expect((await req('security', 'POST', `/users/${outsiderId}/reset-password`, { newPassword: PASSWORD })).statusCode).toBe(
        404,
      );
      // The outsider can still log in: nothing above touched the account.
      await loginFresh(t.app, 'xinhua');
    });
  });

  describe('roles (security administrator)', () => {
    it('lets the security administrator change roles, ending the user sessions; the system administrator may not', async () => {
      const user = await create();
      const session = await loginFresh(t.app, user.username, PASSWORD);
      expect((await req('admin', 'PUT', `/users/${user.id}/roles`, { roles: ['leader'] })).statusCode).toBe(403);
      const res = await req('security', 'PUT', `/users/${user.id}/roles`, { roles: ['leader', 'office'] });
      expect(res.statusCode).toBe(200);
      expect(res.json().roles).toEqual(['leader', 'office']);
      expect((await call(t.app, session, 'GET', `${API}/auth/me`)).statusCode).toBe(401);
      const again = await loginFresh(t.app, user.username, PASSWORD);
      expect((await call(t.app, again, 'GET', `${API}/auth/me`)).json().user.roles).toEqual(['leader', 'office']);
      const audit = (await auditOf('identity.user.roles')).find((a) => a.targetId === user.id);
      expect(audit).toMatchObject({ actorName: 'security', detail: { from: ['office'], to: ['leader', 'office'] } });
    });

    it('lets the security administrator grant the auditor role', async () => {
      const user = await create();
      const res = await req('security', 'PUT', `/users/${user.id}/roles`, { roles: ['auditor'] });
      expect(res.statusCode).toBe(200);
      const session = await loginFresh(t.app, user.username, PASSWORD);
      // an account an administrator created answers nothing else until its password is changed
      expect((await call(t.app, session, 'POST', `${API}/audit/verify`)).statusCode).toBe(403);
      const changed = await call(t.app, session, 'POST', `${API}/auth/change-password`, {
        currentPassword: PASSWORD,
        newPassword: 'Auditor-Own-Password-2026',
      });
      expect(changed.statusCode).toBe(200);
      expect((await call(t.app, session, 'POST', `${API}/audit/verify`)).statusCode).toBe(200);
    });

    it('refuses two administrator roles in one account (422)', async () => {
      const user = await create();
      for (const roles of [
        ['sysadmin', 'auditor'],
        ['sysadmin', 'secadmin'],
        ['secadmin', 'auditor', 'office'],
      ]) {
        const res = await req('security', 'PUT', `/users/${user.id}/roles`, { roles });
        expect(res.statusCode, roles.join('+')).toBe(422);
        expect(res.json().error.details).toEqual([
          { path: 'roles', message: '系统管理员、安全管理员、审计管理员三个角色不能由同一账号兼任' },
        ]);
      }
      const unchanged = (await req('security', 'GET', `/users/${user.id}`)).json();
      expect(unchanged.roles).toEqual(['office']);
    });

    it('stores a role named twice once', async () => {
      const user = await create();
      const res = await req('security', 'PUT', `/users/${user.id}/roles`, { roles: ['auditor', 'auditor'] });
      expect(res.statusCode).toBe(200);
      expect(res.json().roles).toEqual(['auditor']);
      const created = await req('admin', 'POST', '/users', newUser({ roles: ['leader', 'leader'] }));
      expect(created.statusCode).toBe(201);
      expect(created.json().roles).toEqual(['leader']);
    });

    it('refuses an empty role list, an unknown role and an organization role without organization', async () => {
      const user = await create();
      const empty = await req('security', 'PUT', `/users/${user.id}/roles`, { roles: [] });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error.details).toEqual([{ path: 'roles', message: '至少选择一个角色' }]);
      expect((await req('security', 'PUT', `/users/${user.id}/roles`, { roles: ['root'] })).statusCode).toBe(400);
      expect((await req('security', 'PUT', `/users/${user.id}/roles`, { roles: ['enterprise'] })).statusCode).toBe(422);
    });

    it('does not let the security administrator change their own roles', async () => {
      const res = await req('security', 'PUT', `/users/${s.security.userId}/roles`, { roles: ['secadmin', 'office'] });
      expect(res.statusCode).toBe(422);
      const me = (await req('security', 'GET', '/auth/me')).json().user;
      expect(me.roles).toEqual(['secadmin']);
    });
  });

  describe('account state', () => {
    it('lets the security administrator unlock a locked account', async () => {
      const user = await create();
      // the per-account ceiling: failures from several addresses lock the account everywhere
      for (let i = 0; i < LOCKOUT.failuresPerAccount; i++) {
        const res = await t.app.inject({
          method: 'POST',
          url: `${API}/auth/login`,
          payload: { username: user.username, password: 'Wrong-Password-99' },
          remoteAddress: `10.77.${Math.floor(i / LOCKOUT.failuresPerAddress)}.${i + 1}`,
        });
        expect(res.statusCode).toBe(401);
      }
      await expect(loginFresh(t.app, user.username, PASSWORD)).rejects.toThrow(/account_locked/);
      const locked = (await req('security', 'GET', `/users/${user.id}`)).json() as UserBody;
      expect(locked.lockedUntil).not.toBeNull();

      expect((await req('admin', 'POST', `/users/${user.id}/unlock`)).statusCode).toBe(403);
      expect((await req('office', 'POST', `/users/${user.id}/unlock`)).statusCode).toBe(403);
      const unlocked = await req('security', 'POST', `/users/${user.id}/unlock`);
      expect(unlocked.statusCode).toBe(200);
      expect(unlocked.json().lockedUntil).toBeNull();
      await loginFresh(t.app, user.username, PASSWORD);
      expect((await auditOf('identity.user.unlock')).some((a) => a.targetId === user.id && a.actorName === 'security')).toBe(
        true,
      );
    });

    it('lets the system administrator disable an account: its sessions end and it cannot log in', async () => {
      const user = await create();
      const session = await loginFresh(t.app, user.username, PASSWORD);
      expect((await req('security', 'PATCH', `/users/${user.id}`, { status: 'disabled' })).statusCode).toBe(403);
      const res = await req('admin', 'PATCH', `/users/${user.id}`, { status: 'disabled', displayName: '已停用用户' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'disabled', displayName: '已停用用户' });
      expect((await call(t.app, session, 'GET', `${API}/auth/me`)).statusCode).toBe(401);
      const login = await t.app.inject({
        method: 'POST',
        url: `${API}/auth/login`,
        payload: { username: user.username, password: PASSWORD },
        remoteAddress: '10.78.0.1',
      });
      expect(login.statusCode).toBe(401);
      expect(login.json().error.message).toBe('账号已停用');
      expect((await req('admin', 'GET', '/users?status=disabled')).json().data.map((u: UserBody) => u.id)).toContain(user.id);
      expect((await req('admin', 'PATCH', `/users/${user.id}`, { status: 'active' })).statusCode).toBe(200);
      await loginFresh(t.app, user.username, PASSWORD);
    });

    it('lets the security administrator reset a password, which must be changed at next log-in', async () => {
      const user = await create();
      const weak = await req('security', 'POST', `/users/${user.id}/reset-password`, { newPassword: 'weak' });
      expect(weak.statusCode).toBe(400);
      expect(
        (await req('admin', 'POST', `/users/${user.id}/reset-password`, { newPassword: 'Reset-Password-2026' })).statusCode,
      ).toBe(403);
      const res = await req('security', 'POST', `/users/${user.id}/reset-password`, { newPassword: 'Reset-Password-2026' });
      expect(res.statusCode).toBe(200);
      await expect(loginFresh(t.app, user.username, PASSWORD)).rejects.toThrow();
      const session = await loginFresh(t.app, user.username, 'Reset-Password-2026');
      expect((await call(t.app, session, 'GET', `${API}/auth/me`)).json().user.mustChangePassword).toBe(true);
    });

    it('answers 400, never 500, to a user name the database cannot store', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: `${API}/auth/login`,
        payload: { username: 'office\u0000', password: 'x' },
        remoteAddress: '10.79.0.1',
      });
      expect(res.statusCode).toBe(400);
      expect((await req('admin', 'GET', '/users?keyword=%00')).statusCode).toBe(400);
    });

    it('keeps the demo users able to log in with the demo password', async () => {
      await loginFresh(t.app, 'leader', DEMO_PASSWORD);
    });
  });
});
