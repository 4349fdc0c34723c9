import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { changePasswordRequest, loginRequest, loginResponse } from '@qd/core';
import { z } from 'zod';
import type { Config } from '../../platform/config.js';
import { contextOf } from '../../platform/http/authenticate.js';
import { clearSessionCookies, setSessionCookies } from '../../platform/http/session-cookie.js';
import type { AuthService } from './auth.service.js';
import { findUserById } from './identity.repo.js';
import type { Database } from '../../platform/db/database.js';
import { invalidField, unauthorized } from '../../platform/http/errors.js';
import { findIllFormedText } from '../../platform/http/well-formed-text.js';

export function authRoutes(app: FastifyInstance, deps: { auth: AuthService; config: Config; database: Database }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['identity'];

  api.post(
    '/auth/login',
    {
      config: { public: true, illFormedText: 'handler' },
      schema: { tags, summary: 'Log in: starts a session', body: loginRequest, response: { 200: loginResponse } },
    },
    async (request, reply) => {
      const client = { clientIp: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null };
      const illFormed = findIllFormedText(request.body);
      if (illFormed !== null) {
        await deps.auth.refuseIllFormedLogin(request.body.username, client);
        throw invalidField(illFormed, 'validation.illFormedText');
      }
      const result = await deps.auth.login(request.body.username, request.body.password, client);
      setSessionCookies(reply, deps.config, result.token, result.csrfToken);
      return { user: result.user, csrfToken: result.csrfToken };
    },
  );

  api.post(
    '/auth/logout',
    { config: { beforePasswordChange: true }, schema: { tags, summary: 'Log out: ends the session on the server' } },
    async (request, reply) => {
      await deps.auth.logout(contextOf(request), request.session!.tokenHash);
      clearSessionCookies(reply, deps.config);
      return reply.status(204).send();
    },
  );

  api.get(
    '/auth/me',
    {
      config: { beforePasswordChange: true },
      schema: { tags, summary: 'The signed-in user and the CSRF token', response: { 200: loginResponse } },
    },
    async (request) => {
      const user = await findUserById(deps.database.db, request.session!.actor.userId);
      if (!user) throw unauthorized();
      return { user: await deps.auth.describe(user), csrfToken: request.session!.csrfToken };
    },
  );

  api.post(
    '/auth/change-password',
    {
      config: { beforePasswordChange: true },
      schema: {
        tags,
        summary: 'Change one’s own password',
        body: changePasswordRequest,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await deps.auth.changePassword(
        contextOf(request),
        request.session!.tokenHash,
        request.body.currentPassword,
        request.body.newPassword,
      );
      return { ok: true as const };
    },
  );
}
