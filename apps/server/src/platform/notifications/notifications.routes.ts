import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notificationListQuery, notificationView, pageOf } from '@qd/core';
import { contextOf } from '../http/authenticate.js';
import type { NotificationsService } from './notifications.service.js';

export function notificationsRoutes(app: FastifyInstance, notifications: NotificationsService) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  api.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: 'The caller’s notifications, newest first',
        querystring: notificationListQuery,
        response: { 200: pageOf(notificationView).extend({ unread: z.number().int() }) },
      },
    },
    (req) => notifications.list(contextOf(req), req.query),
  );
  api.get('/notifications/unread-count', { schema: { tags, response: { 200: z.object({ unread: z.number().int() }) } } }, (req) =>
    notifications.unreadCount(contextOf(req)),
  );
  api.post(
    '/notifications/:id/read',
    { schema: { tags, params: z.object({ id: z.uuid() }), response: { 200: notificationView } } },
    (req) => notifications.markRead(contextOf(req), req.params.id),
  );
  api.post('/notifications/read-all', { schema: { tags, response: { 200: z.object({ changed: z.number().int() }) } } }, (req) =>
    notifications.markAllRead(contextOf(req)),
  );
}
