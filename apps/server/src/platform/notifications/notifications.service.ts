import type { NotificationListQuery, NotificationView, Page } from '@qd/core';
import { notFound } from '../http/errors.js';
import type { RequestContext } from '../request-context.js';
import type { ServiceDeps } from '../services.js';
import * as repo from './notifications.repo.js';

function toView(row: repo.NotificationRow): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    title: { zh: row.titleZh, en: row.titleEn },
    body: row.body,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/**
 * The signed-in user's own inbox. No permission is needed and none can widen it: every query is
 * bound to the caller's user id, so nobody reads or marks another person's notifications.
 * Read marks are the user's own view state, not a record of the region's work: not audited.
 */
export function createNotificationsService({ database, clock }: ServiceDeps) {
  const { db } = database;
  return {
    async list(ctx: RequestContext, query: NotificationListQuery): Promise<Page<NotificationView> & { unread: number }> {
      const { current, pageSize } = query;
      const [{ rows, total }, unread] = await Promise.all([
        repo.listNotifications(db, ctx.actor.userId, {
          unreadOnly: query.unread === true,
          limit: pageSize,
          offset: (current - 1) * pageSize,
        }),
        repo.countUnread(db, ctx.actor.userId),
      ]);
      return { data: rows.map(toView), total, current, pageSize, unread };
    },

    async unreadCount(ctx: RequestContext): Promise<{ unread: number }> {
      return { unread: await repo.countUnread(db, ctx.actor.userId) };
    },

    async markRead(ctx: RequestContext, id: string): Promise<NotificationView> {
      const row = await repo.findNotification(db, id);
      if (!row || row.userId !== ctx.actor.userId) throw notFound();
      await repo.markRead(db, ctx.actor.userId, clock.now(), id);
      return toView((await repo.findNotification(db, id))!);
    },

    async markAllRead(ctx: RequestContext): Promise<{ changed: number }> {
      return { changed: await repo.markRead(db, ctx.actor.userId, clock.now()) };
    },
  };
}
export type NotificationsService = ReturnType<typeof createNotificationsService>;
