import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { pickLocale, type Actor } from '@qd/core';
import type { Config } from '../config.js';
import type { RequestContext } from '../request-context.js';
import { AppError, unauthorized } from './errors.js';
import { sessionTokenOf } from './session-cookie.js';

export interface SessionInfo {
  actor: Actor;
  tokenHash: string;
  csrfToken: string;
  /** Set by an administrator's create or reset: until changed, only a few routes answer. */
  mustChangePassword: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionInfo | null;
  }
  interface FastifyInstance {
    /** Drops the sessions this process remembers (Config.sessionCacheMs), as any write does. */
    forgetSessions(): void;
  }
  interface FastifyContextConfig {
    /** Routes reachable without a session (log-in, health, public pages). */
    public?: boolean;
    /** Routes a user who must change the password may still call (me, change-password, logout). */
    beforePasswordChange?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The sessions a process looked up in the last `ttlMs` (Config.sessionCacheMs): a read then
 * costs one query, not two. `clear` after any write; a lookup begun before a clear is not kept,
 * so a session ended by the write is never remembered as live.
 */
export interface SessionCache {
  resolve(token: string, lookUp: (token: string) => Promise<SessionInfo>): Promise<SessionInfo>;
  clear(): void;
}

export function createSessionCache(ttlMs: number): SessionCache {
  const entries = new Map<string, { session: SessionInfo; until: number }>();
  let generation = 0;
  return {
    async resolve(token, lookUp) {
      const now = Date.now();
      const hit = entries.get(token);
      if (hit && hit.until > now) return hit.session;
      const begun = generation;
      const session = await lookUp(token);
      if (ttlMs > 0 && begun === generation) {
        if (entries.size >= 10_000) entries.clear();
        entries.set(token, { session, until: now + ttlMs });
      }
      return session;
    },
    clear() {
      generation++;
      entries.clear();
    },
  };
}

/**
 * Every /api/v1 route needs a live session unless marked public; state-changing requests also
 * need the session's CSRF token in X-CSRF-Token (a double submit bound to the server-side session).
 */
export function installAuthentication(
  app: FastifyInstance,
  config: Config,
  resolve: (token: string) => Promise<SessionInfo>,
  cache: SessionCache = createSessionCache(0),
): void {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config?.public) return;
    const token = sessionTokenOf(request, config);
    if (!token) throw unauthorized();
    request.session = await cache.resolve(token, resolve);
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      const given = Buffer.from(typeof header === 'string' ? header : '');
      const expected = Buffer.from(request.session.csrfToken);
      if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
        throw new AppError(403, 'csrf_failed', 'auth.csrf');
      }
    }
    // The password an administrator chose (and knows) opens nothing but the way to change it.
    if (request.session.mustChangePassword && !request.routeOptions.config?.beforePasswordChange) {
      throw new AppError(403, 'password_change_required', 'auth.passwordChangeRequired');
    }
  });
  // A write may end or change sessions (log-out, password, roles, a disabled account): after
  // one, every session is looked up again. Public writes (log-in) included.
  app.addHook('onSend', async (request, _reply, payload) => {
    if (!SAFE_METHODS.has(request.method)) cache.clear();
    return payload;
  });
}

/** The service-call context of an authenticated request. */
export function contextOf(request: FastifyRequest): RequestContext {
  if (!request.session) throw unauthorized();
  return {
    actor: request.session.actor,
    clientIp: request.ip ?? null,
    userAgent: request.headers['user-agent'] ?? null,
    locale: pickLocale(request.headers['accept-language']),
  };
}
