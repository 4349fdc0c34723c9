import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  pageOf,
  resetPasswordRequest,
  user,
  userCreateRequest,
  userListQuery,
  userRolesRequest,
  userUpdateRequest,
} from '@qd/core';
import { z } from 'zod';
import { contextOf } from '../../platform/http/authenticate.js';
import type { UsersService } from './users.service.js';

const idParams = z.object({ id: z.uuid() });

export function usersRoutes(app: FastifyInstance, users: UsersService) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['identity'];
  api.get('/users', { schema: { tags, querystring: userListQuery, response: { 200: pageOf(user) } } }, (req) =>
    users.list(contextOf(req), req.query),
  );
  api.post('/users', { schema: { tags, body: userCreateRequest, response: { 201: user } } }, async (req, reply) =>
    reply.status(201).send(await users.create(contextOf(req), req.body)),
  );
  api.get('/users/:id', { schema: { tags, params: idParams, response: { 200: user } } }, (req) =>
    users.get(contextOf(req), req.params.id),
  );
  api.patch('/users/:id', { schema: { tags, params: idParams, body: userUpdateRequest, response: { 200: user } } }, (req) =>
    users.update(contextOf(req), req.params.id, req.body),
  );
  api.put('/users/:id/roles', { schema: { tags, params: idParams, body: userRolesRequest, response: { 200: user } } }, (req) =>
    users.setRoles(contextOf(req), req.params.id, req.body.roles),
  );
  api.post('/users/:id/unlock', { schema: { tags, params: idParams, response: { 200: user } } }, (req) =>
    users.unlock(contextOf(req), req.params.id),
  );
  api.post(
    '/users/:id/reset-password',
    { schema: { tags, params: idParams, body: resetPasswordRequest, response: { 200: user } } },
    (req) => users.resetPassword(contextOf(req), req.params.id, req.body.newPassword),
  );
}
