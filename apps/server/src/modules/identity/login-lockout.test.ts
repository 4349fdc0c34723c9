import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { ManualClock } from '../../platform/clock.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { addUsers } from '../../testing/fixtures.js';
import { DEMO_PASSWORD, POSTGRES_MISSING, TEST_DB, createTestApp, type TestApp } from '../../testing/test-app.js';
import { LOCKOUT, LOGIN_RATE_PER_MINUTE } from './auth.service.js';

/**
 * The log-in rules under real concurrency (100 requests in flight at once) and with a clock the
 * test moves: per account+address lock-out, the per-account ceiling, the per-address rate limit.
 */
describe.skipIf(POSTGRES_MISSING)(`log-in lock-out and rate limit on ${TEST_DB}`, () => {
  let t: TestApp;
  const clock = new ManualClock('2026-11-02T02:00:00Z');

  beforeAll(async () => {
    t = await createTestApp({ enterprises: 3, clock });
    await addUsers(
      t,
      '410471',
      ['racer', 'spread', 'owner', 'ceiling', 'window'].map((username) => ({ username, roles: ['office' as const] })),
    );
  });
  afterAll(() => t?.close());

  const attempt = (username: string, password: string, ip: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });

  /** Password checks that failed, as the audit log records them (one row per check). */
  async function wrongPasswordChecks(username: string): Promise<number> {
    const [row] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'auth.login'),
          sql`${auditLog.detail}->>'username' = ${username}`,
          sql`${auditLog.detail}->>'reason' = 'wrong_password'`,
        ),
      );
    return row!.n;
  }

  const codes = (responses: LightMyRequestResponse[]) => {
    const out: Record<string, number> = {};
    for (const r of responses) {
      const key = `${r.statusCode} ${r.statusCode === 204 ? '' : ((r.json() as { error?: { code: string } }).error?.code ?? 'ok')}`;
      out[key] = (out[key] ?? 0) + 1;
    }
    return out;
  };

  it('checks at most 5 passwords and admits at most 20 attempts for 100 concurrent wrong log-ins from one address, never a 500', async () => {
    const responses = await Promise.all(Array.from({ length: 100 }, () => attempt('racer', 'Wrong-Password-77', '10.50.0.1')));
    // the fifth failure says the account is now locked; the rest of the minute's 20 find it locked
    expect(codes(responses)).toEqual({
      '401 invalid_credentials': LOCKOUT.failuresPerAddress - 1,
      '401 account_locked': LOGIN_RATE_PER_MINUTE - LOCKOUT.failuresPerAddress + 1,
      '429 rate_limited': 100 - LOGIN_RATE_PER_MINUTE,
    });
    expect(await wrongPasswordChecks('racer')).toBe(LOCKOUT.failuresPerAddress);
  });

  it('keeps to the per-account ceiling for 100 concurrent wrong log-ins from 100 addresses', async () => {
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) => attempt('spread', 'Wrong-Password-77', `10.51.0.${i + 1}`)),
    );
    expect(codes(responses)).toEqual({
      '401 invalid_credentials': LOCKOUT.failuresPerAccount - 1,
      '401 account_locked': 100 - LOCKOUT.failuresPerAccount + 1,
    });
    expect(await wrongPasswordChecks('spread')).toBe(LOCKOUT.failuresPerAccount);
  });

  it('lets concurrent right and wrong log-ins of one user finish without a deadlock', async () => {
    clock.set('2026-11-02T03:00:00Z');
    // fewer than the ceiling in flight at once, each from its own address: every one is checked
    const responses = await Promise.all(
      Array.from({ length: LOCKOUT.failuresPerAccount - 1 }, (_, i) =>
        i % 2 === 0 ? attempt('owner', DEMO_PASSWORD, `10.52.1.${i}`) : attempt('owner', 'Wrong-Password-77', `10.52.2.${i}`),
      ),
    );
    expect(codes(responses)).toEqual({ '200 ok': 10, '401 invalid_credentials': 9 });
  });

  it("does not lock the owner's address out because of a stranger's failures", async () => {
    clock.set('2026-11-02T04:00:00Z');
    for (let i = 0; i < LOCKOUT.failuresPerAddress; i++) {
      expect((await attempt('owner', 'Wrong-Password-77', '10.53.0.9')).statusCode).toBe(401);
    }
    const stranger = await attempt('owner', DEMO_PASSWORD, '10.53.0.9');
    expect(stranger.json().error.code).toBe('account_locked');
    expect((await attempt('owner', DEMO_PASSWORD, '10.53.0.10')).statusCode).toBe(200);
  });

  it('locks the account for every address once the per-account ceiling is reached, then lets it go after the lock time', async () => {
    clock.set('2026-11-02T05:00:00Z');
    for (let i = 0; i < LOCKOUT.failuresPerAccount; i++) {
      const res = await attempt('ceiling', 'Wrong-Password-77', `10.54.${Math.floor(i / LOCKOUT.failuresPerAddress)}.${i}`);
      expect(res.statusCode).toBe(401);
    }
    expect((await attempt('ceiling', DEMO_PASSWORD, '10.54.9.9')).json().error.code).toBe('account_locked');
    clock.set(new Date(clock.now().getTime() + LOCKOUT.lockMs + 1000));
    expect((await attempt('ceiling', DEMO_PASSWORD, '10.54.9.9')).statusCode).toBe(200);
  });

  it('counts failures within the window on the service clock, and lets the address in again after the lock time', async () => {
    clock.set('2026-11-02T06:00:00Z');
    // 4 failures, then the window passes: the fifth one does not lock
    for (let i = 0; i < LOCKOUT.failuresPerAddress - 1; i++) await attempt('window', 'Wrong-Password-77', '10.55.0.1');
    clock.set(new Date(clock.now().getTime() + LOCKOUT.windowMs + 1000));
    expect((await attempt('window', 'Wrong-Password-77', '10.55.0.1')).json().error.code).toBe('invalid_credentials');
    expect((await attempt('window', DEMO_PASSWORD, '10.55.0.1')).statusCode).toBe(200);
    // 5 failures in a row lock this address for the lock time, measured from the fifth
    for (let i = 0; i < LOCKOUT.failuresPerAddress; i++) {
      clock.set(new Date(clock.now().getTime() + 60_000));
      await attempt('window', 'Wrong-Password-77', '10.55.0.1');
    }
    clock.set(new Date(clock.now().getTime() + LOCKOUT.lockMs - 1000));
    expect((await attempt('window', DEMO_PASSWORD, '10.55.0.1')).json().error.code).toBe('account_locked');
    clock.set(new Date(clock.now().getTime() + 2000));
    expect((await attempt('window', DEMO_PASSWORD, '10.55.0.1')).statusCode).toBe(200);
  });

  it('rate-limits one address per minute of the service clock', async () => {
    clock.set('2026-11-02T07:00:00Z');
    for (let i = 0; i < LOGIN_RATE_PER_MINUTE; i++) await attempt(`ghost${i}`, 'x', '10.56.0.1');
    expect((await attempt('ghost', 'x', '10.56.0.1')).statusCode).toBe(429);
    clock.set(new Date(clock.now().getTime() + 61_000));
    expect((await attempt('ghost', 'x', '10.56.0.1')).statusCode).toBe(401);
  });
});
