import { checkPassword, type Me } from '@qd/core';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import { digestHex, randomToken } from '../../platform/crypto/hash-provider.js';
import { UNUSABLE_PASSWORD_HASH, hashPassword, verifyPassword } from '../../platform/crypto/password-hash.js';
import { AppError, rateLimited, ruleViolated, unauthorized } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import type { Executor } from '../../platform/db/database.js';
import { storableText } from '../../platform/http/well-formed-text.js';
import { registryNames } from '../registry/index.js';
import { actorOf, anonymousLoginActor } from './actor.js';
import * as repo from './identity.repo.js';

/**
 * Log-in policy (DOMAIN §8, README "Lock-out"): 5 failures of one account from one client address
 * within 15 minutes lock that account for that address for 15 minutes, so a stranger's failures
 * do not lock the owner out of their usual address; 20 failures of one account from any addresses
 * within 15 minutes lock the account everywhere for 15 minutes (the ceiling on guessing).
 */
export const LOCKOUT = { failuresPerAddress: 5, failuresPerAccount: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
type LockScope = 'address' | 'account';
/** Log-in attempts per client address per minute before 429. */
export const LOGIN_RATE_PER_MINUTE = 20;
/** lastSeenAt is written at most this often: idle time is measured to within it. */
const TOUCH_EVERY_MS = 30_000;

export interface ClientInfo {
  clientIp: string | null;
  userAgent: string | null;
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  user: Me;
}

export interface AuthenticatedSession {
  ctxActor: ReturnType<typeof actorOf>;
  tokenHash: string;
  csrfToken: string;
  user: repo.UserRow;
}

export function tokenHashOf(token: string): string {
  return digestHex(token);
}

export function createAuthService({ database, config, clock }: ServiceDeps) {
  const { db } = database;
  const idleMs = config.sessionIdleMinutes * 60_000;
  const absoluteMs = config.sessionAbsoluteHours * 3600_000;

  async function describe(user: repo.UserRow): Promise<Me> {
    const names = await registryNames(db, user.regionCode, user.organizationId);
    const actor = actorOf(user);
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      regionCode: user.regionCode,
      regionName: names.regionName ?? user.regionCode,
      organizationId: user.organizationId,
      organizationName: names.organizationName,
      roles: actor.roles,
      permissions: actor.permissions,
      mustChangePassword: user.mustChangePassword,
    };
  }

  /**
   * Whether a new attempt of `account` from `ip` may check a password now: 'locked' if not, else
   * the lock its failure would trigger as the last one allowed (null: none). Failures whose check
   * is still in progress count, so concurrent attempts cannot all slip under the limit.
   */
  async function lockStanding(
    tx: Executor,
    user: repo.UserRow,
    account: string,
    ip: string | null,
    now: Date,
  ): Promise<'locked' | LockScope | null> {
    if (user.lockedUntil && user.lockedUntil > now) return 'locked';
    const windowStart = new Date(now.getTime() - LOCKOUT.windowMs);
    const accountFailures = await repo.countCountedFailures(tx, account, windowStart);
    if (accountFailures >= LOCKOUT.failuresPerAccount) return 'locked';
    // The address is locked for lockMs after the last of failuresPerAddress failures that fell within one window.
    const latest = await repo.latestCountedFailures(tx, account, ip, LOCKOUT.failuresPerAddress);
    const newest = latest[0];
    const oldest = latest[LOCKOUT.failuresPerAddress - 1];
    if (
      newest &&
      oldest &&
      newest.getTime() - oldest.getTime() <= LOCKOUT.windowMs &&
      now.getTime() < newest.getTime() + LOCKOUT.lockMs
    ) {
      return 'locked';
    }
    if (accountFailures === LOCKOUT.failuresPerAccount - 1) return 'account';
    const inWindow = latest.filter((at) => at >= windowStart).length;
    return inWindow >= LOCKOUT.failuresPerAddress - 1 ? 'address' : null;
  }

  /** Whether the failures a lock needs are (still) there, this attempt's included. */
  async function stillReached(tx: Executor, scope: LockScope, account: string, ip: string | null, now: Date): Promise<boolean> {
    const windowStart = new Date(now.getTime() - LOCKOUT.windowMs);
    return scope === 'account'
      ? (await repo.countCountedFailures(tx, account, windowStart)) >= LOCKOUT.failuresPerAccount
      : (await repo.countCountedFailures(tx, account, windowStart, ip)) >= LOCKOUT.failuresPerAddress;
  }

  /** A failed log-in's audit row; the name as typed, made storable (lone surrogates and NUL replaced). */
  function auditLoginFailure(
    tx: Executor,
    ctx: RequestContext,
    user: repo.UserRow | undefined,
    reason: string,
    typed: string,
  ): Promise<void> {
    return appendAudit(tx, ctx, {
      action: 'auth.login',
      outcome: 'failure',
      targetType: 'user',
      targetId: user?.id ?? null,
      detail: { reason, username: storableText(typed) },
      regionCode: user?.regionCode ?? null,
    });
  }

  return {
    describe,

    /**
     * Checks the password and opens a session, in three steps so that no lock is held while the
     * password is hashed:
     * 1. admission (one transaction, under the account's then the address's lock): the rate limit,
     *    the locks, and a reserved attempt row that counts as a failure until proven otherwise;
     * 2. the password check, for admitted attempts only;
     * 3. the outcome (one transaction, under the account's lock): the session, or the failure and
     *    any lock it triggers.
     * Any number of concurrent requests therefore gets at most the policy's number of checks. The
     * audit rows come last in each transaction, after every other write, whatever order the audit
     * writer takes its own locks in. Failures commit before the error is thrown.
     */
    async login(username: string, password: string, client: ClientInfo): Promise<LoginResult> {
      const now = clock.now();
      const found = await repo.findUserByUsername(db, username);
      // One spelling per account, so `Admin` and `ADMIN` share the counts of `admin`.
      const account = found?.username ?? username.toLowerCase();
      const ip = client.clientIp;
      const auditCtx = (user: repo.UserRow | undefined): RequestContext => ({
        actor: user ? actorOf(user) : anonymousLoginActor(storableText(username)),
        ...client,
        locale: 'zh-CN',
      });
      type Admission =
        | { refused: 'rate_limited' | 'locked' | 'unknown_user' }
        | { attemptId: string; user: repo.UserRow; triggers: LockScope | null };
      const admission: Admission = await db.transaction(async (tx): Promise<Admission> => {
        await repo.lockLoginKeys(tx, account, ip);
        if (ip !== null && (await repo.countAttemptsFromIp(tx, ip, new Date(now.getTime() - 60_000))) >= LOGIN_RATE_PER_MINUTE) {
          return { refused: 'rate_limited' };
        }
        const user = found && (await repo.findUserById(tx, found.id));
        const attemptId = newId();
        const record = (counted: boolean) =>
          repo.recordLoginAttempt(tx, { id: attemptId, username: account, clientIp: ip, at: now, success: false, counted });
        if (!user) {
          await record(false);
          await auditLoginFailure(tx, auditCtx(undefined), undefined, 'unknown_user', username);
          return { refused: 'unknown_user' };
        }
        const standing = await lockStanding(tx, user, account, ip, now);
        if (standing === 'locked') {
          await record(false);
          await auditLoginFailure(tx, auditCtx(user), user, 'locked', username);
          return { refused: 'locked' };
        }
        await record(true);
        return { attemptId, user, triggers: standing };
      });

      if ('refused' in admission) {
        if (admission.refused === 'rate_limited') throw rateLimited();
        if (admission.refused === 'locked') throw new AppError(401, 'account_locked', 'auth.locked');
        // An unknown name costs the same hashing time as a known one: timing does not tell them apart.
        await verifyPassword(password, UNUSABLE_PASSWORD_HASH);
        throw new AppError(401, 'invalid_credentials', 'auth.invalidCredentials');
      }
      const { attemptId, user, triggers } = admission;
      const passwordOk = await verifyPassword(password, user.passwordHash);

      type Outcome =
        { error: 'auth.invalidCredentials' | 'auth.locked' | 'auth.disabled' } | { token: string; csrfToken: string };
      const outcome: Outcome = await db.transaction(async (tx): Promise<Outcome> => {
        await repo.lockLoginKeys(tx, account, null);
        const ctx = auditCtx(user);
        if (!passwordOk) {
          // Counted again in case a concurrent success forgot it while the password was checked.
          await repo.resolveLoginAttempt(tx, attemptId, { success: false, counted: true });
          // The attempt admitted as the last one allowed locks, unless a success in the meantime
          // cleared the failures it was admitted behind.
          const lock = triggers && (await stillReached(tx, triggers, account, ip, now)) ? triggers : null;
          if (lock === 'account') {
            await repo.updateUser(tx, user.id, { lockedUntil: new Date(now.getTime() + LOCKOUT.lockMs), updatedAt: now });
            await repo.forgetFailures(tx, account);
          }
          await auditLoginFailure(tx, ctx, user, 'wrong_password', username);
          if (lock) {
            await appendAudit(tx, ctx, {
              action: 'auth.lock',
              targetType: 'user',
              targetId: user.id,
              detail: {
                scope: lock,
                ...(lock === 'address' ? { clientIp: ip } : {}),
                failures: lock === 'account' ? LOCKOUT.failuresPerAccount : LOCKOUT.failuresPerAddress,
                minutes: LOCKOUT.lockMs / 60_000,
              },
            });
            return { error: 'auth.locked' };
          }
          return { error: 'auth.invalidCredentials' };
        }
        if (user.status !== 'active') {
          await repo.resolveLoginAttempt(tx, attemptId, { success: false, counted: false });
          await auditLoginFailure(tx, ctx, user, 'disabled', username);
          return { error: 'auth.disabled' };
        }
        const token = randomToken();
        const csrfToken = randomToken(24);
        // Sessions live in wall-clock time, as the cookie's Max-Age does in the browser.
        const opened = new Date();
        await repo.resolveLoginAttempt(tx, attemptId, { success: true, counted: false });
        await repo.forgetFailures(tx, account);
        await repo.insertSession(tx, {
          tokenHash: tokenHashOf(token),
          userId: user.id,
          csrfToken,
          createdAt: opened,
          lastSeenAt: opened,
          expiresAt: new Date(opened.getTime() + absoluteMs),
          clientIp: ip,
          userAgent: client.userAgent?.slice(0, 256) ?? null,
        });
        await repo.updateUser(tx, user.id, { lastLoginAt: now, lockedUntil: null });
        await appendAudit(tx, ctx, { action: 'auth.login', targetType: 'user', targetId: user.id });
        return { token, csrfToken };
      });

      if ('error' in outcome) {
        throw new AppError(401, outcome.error === 'auth.locked' ? 'account_locked' : 'invalid_credentials', outcome.error);
      }
      const fresh = (await repo.findUserById(db, user.id))!;
      return { token: outcome.token, csrfToken: outcome.csrfToken, user: await describe(fresh) };
    },

    /**
     * A log-in whose body holds text no column can store (refused with a 400 by the route): it
     * is still an attempt from that address, and it is audited with the name made storable.
     */
    async refuseIllFormedLogin(username: string, client: ClientInfo): Promise<void> {
      const now = clock.now();
      const name = storableText(username);
      const account = name.toLowerCase();
      await db.transaction(async (tx) => {
        await repo.lockLoginKeys(tx, account, client.clientIp);
        if (
          client.clientIp !== null &&
          (await repo.countAttemptsFromIp(tx, client.clientIp, new Date(now.getTime() - 60_000))) >= LOGIN_RATE_PER_MINUTE
        ) {
          throw rateLimited();
        }
        await repo.recordLoginAttempt(tx, {
          id: newId(),
          username: account,
          clientIp: client.clientIp,
          at: now,
          success: false,
          counted: false,
        });
        const ctx: RequestContext = {
          actor: anonymousLoginActor(name),
          ...client,
          locale: 'zh-CN',
        };
        await auditLoginFailure(tx, ctx, undefined, 'ill_formed_text', username);
      });
    },

    /** Resolves a session cookie; ends sessions that sat idle too long. */
    async authenticate(token: string): Promise<AuthenticatedSession> {
      const now = new Date();
      const tokenHash = tokenHashOf(token);
      const found = await repo.findLiveSession(db, tokenHash, now);
      if (!found) throw unauthorized('auth.expired');
      const { session, user } = found;
      if (now.getTime() - session.lastSeenAt.getTime() > idleMs) {
        await repo.endSession(db, tokenHash, now);
        throw unauthorized('auth.expired');
      }
      if (user.status !== 'active') throw unauthorized('auth.disabled');
      if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await repo.touchSession(db, tokenHash, now);
      return { ctxActor: actorOf(user), tokenHash, csrfToken: session.csrfToken, user };
    },

    async logout(ctx: RequestContext, tokenHash: string): Promise<void> {
      await db.transaction(async (tx) => {
        await repo.endSession(tx, tokenHash, new Date());
        await appendAudit(tx, ctx, { action: 'auth.logout', targetType: 'user', targetId: ctx.actor.userId });
      });
    },

    /** Any signed-in user may change their own password; other sessions of theirs end. */
    async changePassword(ctx: RequestContext, tokenHash: string, currentPassword: string, nextPassword: string): Promise<void> {
      const user = await repo.findUserById(db, ctx.actor.userId);
      if (!user) throw unauthorized();
      if (!(await verifyPassword(currentPassword, user.passwordHash))) {
        throw ruleViolated('password.wrongCurrent', [{ path: 'currentPassword', message: 'password.wrongCurrent' }]);
      }
      const problem = checkPassword(nextPassword, user.username);
      if (problem) throw ruleViolated(problem, [{ path: 'newPassword', message: problem }]);
      if (currentPassword === nextPassword) {
        throw ruleViolated('password.same', [{ path: 'newPassword', message: 'password.same' }]);
      }
      const passwordHash = await hashPassword(nextPassword);
      await db.transaction(async (tx) => {
        const now = new Date();
        await repo.updateUser(tx, user.id, { passwordHash, passwordChangedAt: now, mustChangePassword: false, updatedAt: now });
        const ended = await repo.endSessionsOfUser(tx, user.id, now, tokenHash);
        await appendAudit(tx, ctx, {
          action: 'auth.password.change',
          targetType: 'user',
          targetId: user.id,
          detail: { otherSessionsEnded: ended },
        });
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
