import type { Executor } from '../db/database.js';
import { newId } from '../ids.js';
import { notifications } from './notifications.tables.js';

export interface NewNotification {
  userId: string;
  regionCode: string;
  kind: string;
  title: { zh: string; en: string };
  body?: string | null;
  link?: string | null;
  /** Identifies the event for this recipient, e.g. `services.overdue:<request id>:<step>:<user id>`. */
  dedupeKey: string;
  /** When it happened (the service's clock); now when omitted. */
  at?: Date;
}

/**
 * Sends an in-app notification inside the caller's transaction. Idempotent by `dedupeKey`:
 * returns false (and changes nothing) when that notification was already sent.
 */
export async function notify(tx: Executor, n: NewNotification): Promise<boolean> {
  const inserted = await tx
    .insert(notifications)
    .values({
      id: newId(),
      userId: n.userId,
      regionCode: n.regionCode,
      kind: n.kind,
      titleZh: n.title.zh,
      titleEn: n.title.en,
      body: n.body ?? null,
      link: n.link ?? null,
      dedupeKey: n.dedupeKey,
      createdAt: n.at ?? new Date(),
    })
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ id: notifications.id });
  return inserted.length > 0;
}
