import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';

/**
 * Cookie names and options. Behind TLS the session cookie takes the __Host- prefix (Secure, no
 * Domain, Path=/), which browsers enforce. The CSRF cookie is readable by the page on purpose:
 * the page echoes it in the X-CSRF-Token header, which another site cannot do.
 */
export function cookieNames(config: Config) {
  return config.secureCookies
    ? { session: '__Host-qd_session', csrf: '__Host-qd_csrf' }
    : { session: 'qd_session', csrf: 'qd_csrf' };
}

/** The attributes each cookie is set with, and cleared with: a browser only replaces a cookie set alike. */
function cookieOptions(config: Config) {
  const base = { path: '/', sameSite: 'strict' as const, secure: config.secureCookies };
  return { session: { ...base, httpOnly: true }, csrf: { ...base, httpOnly: false } };
}

export function setSessionCookies(reply: FastifyReply, config: Config, token: string, csrfToken: string): void {
  const names = cookieNames(config);
  const options = cookieOptions(config);
  const maxAge = config.sessionAbsoluteHours * 3600;
  reply.setCookie(names.session, token, { ...options.session, maxAge });
  reply.setCookie(names.csrf, csrfToken, { ...options.csrf, maxAge });
}

export function clearSessionCookies(reply: FastifyReply, config: Config): void {
  const names = cookieNames(config);
  const options = cookieOptions(config);
  reply.clearCookie(names.session, options.session);
  reply.clearCookie(names.csrf, options.csrf);
}

export function sessionTokenOf(request: FastifyRequest, config: Config): string | undefined {
  return request.cookies[cookieNames(config).session];
}
