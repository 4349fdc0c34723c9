import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** In-app notifications (reminders, overdue warnings, escalations), one row per recipient. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    regionCode: text('region_code').notNull(),
    /** `<module>.<event>`, e.g. `services.request.overdue`. */
    kind: text('kind').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    body: text('body'),
    /** A path in the web app to open, e.g. `/services/requests/…`. */
    link: text('link'),
    /** One notification per key: a job that runs again (or on two instances) never sends twice. */
    dedupeKey: text('dedupe_key').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);
