import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAll } from '../../testing/fixtures.js';
import { POSTGRES_MISSING, TEST_DB, call, createTestApp, type Session, type TestApp } from '../../testing/test-app.js';
import { notify } from './notify.js';

const API = '/api/v1';

describe.skipIf(POSTGRES_MISSING)(`in-app notifications (${TEST_DB})`, () => {
  let t: TestApp;
  let s: Record<'office' | 'dept', Session>;

  beforeAll(async () => {
    t = await createTestApp({ enterprises: 5 });
    s = await loginAll(t.app, ['office', 'dept'] as const);
  });
  afterAll(() => t?.close());

  const send = (userId: string, key: string, at: string) =>
    t.database.db.transaction((tx) =>
      notify(tx, {
        userId,
        regionCode: '410471',
        kind: 'test.reminder',
        title: { zh: `提醒 ${key}`, en: `Reminder ${key}` },
        link: '/somewhere',
        dedupeKey: `test:${key}:${userId}`,
        at: new Date(at),
      }),
    );

  it('sends each notification once per key, however often the sender runs', async () => {
    expect(await send(s.office.userId, 'a', '2026-12-01T08:00:00Z')).toBe(true);
    expect(await send(s.office.userId, 'a', '2026-12-01T09:00:00Z')).toBe(false);
    expect(await send(s.office.userId, 'b', '2026-12-01T10:00:00Z')).toBe(true);
    const res = await call(t.app, s.office, 'GET', `${API}/notifications`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 2, unread: 2 });
    expect(res.json().data.map((n: { title: { en: string } }) => n.title.en)).toEqual(['Reminder b', 'Reminder a']);
  });

  it('shows and marks only the caller’s own', async () => {
    await send(s.dept.userId, 'c', '2026-12-01T11:00:00Z');
    const mine = (await call(t.app, s.dept, 'GET', `${API}/notifications`)).json();
    expect(mine.total).toBe(1);
    const officeFirst = (await call(t.app, s.office, 'GET', `${API}/notifications`)).json().data[0];
    // Another user's notification is not found, not merely forbidden.
    expect((await call(t.app, s.dept, 'POST', `${API}/notifications/${officeFirst.id}/read`)).statusCode).toBe(404);

    const read = await call(t.app, s.office, 'POST', `${API}/notifications/${officeFirst.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    expect((await call(t.app, s.office, 'GET', `${API}/notifications/unread-count`)).json()).toEqual({ unread: 1 });
    expect((await call(t.app, s.office, 'GET', `${API}/notifications?unread=1`)).json().total).toBe(1);
    expect((await call(t.app, s.office, 'GET', `${API}/notifications?unread=`)).json().total).toBe(2);
    expect((await call(t.app, s.office, 'POST', `${API}/notifications/read-all`)).json()).toEqual({ changed: 1 });
    expect((await call(t.app, s.dept, 'GET', `${API}/notifications/unread-count`)).json()).toEqual({ unread: 1 });
  });

  it('needs a session and valid ids', async () => {
    expect((await call(t.app, null, 'GET', `${API}/notifications`)).statusCode).toBe(401);
    expect((await call(t.app, s.office, 'POST', `${API}/notifications/not-a-uuid/read`)).statusCode).toBe(400);
  });
});
