import { checkPassword, type Me } from '@qd/core';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import { digestHex, randomToken } from '../../platform/crypto/hash-provider.js';
import { UNUSABLE_PASSWORD_HASH, hashPassword, verifyPassword } from '../../platform/crypto/password-hash.js';
import { AppError, rateLimited, ruleViolated, unauthorized } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import { registryNames } from '../registry/index.js';
import { actorOf } from './actor.js';
import * as repo from './identity.repo.js';

/** Log-in policy (DOMAIN §8): 5 failures in 15 minutes lock the account for 15 minutes. */
export const LOCKOUT = { failures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
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

export function createAuthService({ database, config }: ServiceDeps) {
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

  return {
    describe,

    /**
     * Checks the password and opens a session. Failures are recorded and audited in their own
     * committed transaction before the error is thrown, so a failed log-in leaves its trace.
     */
    async login(username: string, password: string, client: ClientInfo): Promise<LoginResult> {
      const now = new Date();
      if (client.clientIp) {
        const recent = await repo.countAttemptsFromIp(db, client.clientIp, new Date(now.getTime() - 60_000));
        if (recent >= LOGIN_RATE_PER_MINUTE) throw rateLimited();
      }
      const user = await repo.findUserByUsername(db, username);
      const passwordOk = await verifyPassword(password, user?.passwordHash ?? UNUSABLE_PASSWORD_HASH);
      const auditCtx: RequestContext = {
        actor: user
          ? actorOf(user)
          : {
              userId: '00000000-0000-0000-0000-000000000000',
              username,
              displayName: username,
              regionCode: '',
              organizationId: null,
              roles: [],
              permissions: [],
            },
        ...client,
        locale: 'zh-CN',
      };

      type Outcome =
        { error: 'auth.invalidCredentials' | 'auth.locked' | 'auth.disabled' } | { token: string; csrfToken: string };
      const outcome: Outcome = await db.transaction(async (tx): Promise<Outcome> => {
        const fail = async (reason: string, counted: boolean) => {
          await repo.recordLoginAttempt(tx, {
            id: newId(),
            username,
            clientIp: client.clientIp,
            at: now,
            success: false,
            counted,
          });
          await appendAudit(tx, auditCtx, {
            action: 'auth.login',
            outcome: 'failure',
            targetType: 'user',
            targetId: user?.id ?? null,
            detail: { reason, username },
            regionCode: user?.regionCode ?? null,
          });
        };
        if (!user) {
          await fail('unknown_user', false);
          return { error: 'auth.invalidCredentials' as const };
        }
        if (user.lockedUntil && user.lockedUntil > now) {
          await fail('locked', false);
          return { error: 'auth.locked' as const };
        }
        if (!passwordOk) {
          await fail('wrong_password', true);
          const failures = await repo.countCountedFailures(tx, username, new Date(now.getTime() - LOCKOUT.windowMs));
          if (failures >= LOCKOUT.failures) {
            await repo.updateUser(tx, user.id, { lockedUntil: new Date(now.getTime() + LOCKOUT.lockMs), updatedAt: now });
            await repo.forgetFailures(tx, username);
            await appendAudit(tx, auditCtx, {
              action: 'auth.lock',
              targetType: 'user',
              targetId: user.id,
              detail: { failures, minutes: LOCKOUT.lockMs / 60_000 },
            });
            return { error: 'auth.locked' as const };
          }
          return { error: 'auth.invalidCredentials' as const };
        }
        if (user.status !== 'active') {
          await fail('disabled', false);
          return { error: 'auth.disabled' as const };
        }
        const token = randomToken();
        const csrfToken = randomToken(24);
        await repo.recordLoginAttempt(tx, {
          id: newId(),
          username,
          clientIp: client.clientIp,
          at: now,
          success: true,
          counted: false,
        });
        await repo.forgetFailures(tx, username);
        await repo.insertSession(tx, {
          tokenHash: tokenHashOf(token),
          userId: user.id,
          csrfToken,
          createdAt: now,
          lastSeenAt: now,
          expiresAt: new Date(now.getTime() + absoluteMs),
          clientIp: client.clientIp,
          userAgent: client.userAgent?.slice(0, 256) ?? null,
        });
        await repo.updateUser(tx, user.id, { lastLoginAt: now, lockedUntil: null });
        await appendAudit(tx, auditCtx, { action: 'auth.login', targetType: 'user', targetId: user.id });
        return { token, csrfToken };
      });

      if ('error' in outcome) {
        throw new AppError(401, outcome.error === 'auth.locked' ? 'account_locked' : 'invalid_credentials', outcome.error);
      }
      const fresh = (await repo.findUserById(db, user!.id))!;
      return { token: outcome.token, csrfToken: outcome.csrfToken, user: await describe(fresh) };
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
