import { z } from 'zod';
import { listQuery } from './list.js';

/** An in-app notification as its recipient sees it (titles in both languages: the UI picks). */
export const notificationView = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.object({ zh: z.string(), en: z.string() }),
  body: z.string().nullable(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof notificationView>;

export const notificationListQuery = listQuery.pick({ current: true, pageSize: true }).extend({
  // Query strings carry text: '1'/'true' mean unread only; absent or empty mean all.
  unread: z
    .enum(['1', '0', 'true', 'false', ''])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});
export type NotificationListQuery = z.infer<typeof notificationListQuery>;
