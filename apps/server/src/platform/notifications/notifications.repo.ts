import { and, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/database.js';
import { notifications } from './notifications.tables.js';

export type NotificationRow = typeof notifications.$inferSelect;

function ofUser(userId: string, unreadOnly: boolean): SQL {
  return unreadOnly ? and(eq(notifications.userId, userId), isNull(notifications.readAt))! : eq(notifications.userId, userId);
}

export async function listNotifications(
  db: Executor,
  userId: string,
  options: { unreadOnly: boolean; limit: number; offset: number },
): Promise<{ rows: NotificationRow[]; total: number }> {
  const where = ofUser(userId, options.unreadOnly);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(options.limit)
      .offset(options.offset),
    db.select({ n: count() }).from(notifications).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

export async function countUnread(db: Executor, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(notifications).where(ofUser(userId, true));
  return Number(row?.n ?? 0);
}

/** Marks one (or, without id, every) unread notification of the user read; returns how many changed. */
export async function markRead(db: Executor, userId: string, at: Date, id?: string): Promise<number> {
  const where = id ? and(ofUser(userId, true), eq(notifications.id, id)) : ofUser(userId, true);
  const changed = await db.update(notifications).set({ readAt: at }).where(where).returning({ id: notifications.id });
  return changed.length;
}

export async function findNotification(db: Executor, id: string): Promise<NotificationRow | undefined> {
  const [row] = await db.select().from(notifications).where(eq(notifications.id, id));
  return row;
}
