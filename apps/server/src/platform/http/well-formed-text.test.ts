import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog } from '../audit/audit.tables.js';
import { loginAll } from '../../testing/fixtures.js';
import { POSTGRES_MISSING, TEST_DB, call, createTestApp, type Session, type TestApp } from '../../testing/test-app.js';
import { findIllFormedText, storableText } from './well-formed-text.js';

/** A JSON body as a client may send it: `\ud800` is valid JSON, yet no text UTF-8 can encode. */
const LONE = '\\ud800';

describe('findIllFormedText', () => {
  it('names the path of a lone surrogate or NUL in keys and values, and passes paired surrogates', () => {
    expect(findIllFormedText({ a: [{ b: 'ok' }, { c: 'x\ud800' }] })).toBe('a.1.c');
    expect(findIllFormedText({ 'k\udc00': 1 })).toBe('k\udc00');
    expect(findIllFormedText({ a: 'nul\u0000' })).toBe('a');
    expect(findIllFormedText({ a: '😀 质量', b: ['\ud83d\ude00'] })).toBeNull();
    expect(storableText('ad\ud800min\u0000')).toBe('ad\ufffdmin\ufffd');
  });

  it('walks a deeply nested body without overflowing the stack', () => {
    let deep: unknown = 'x\udfff';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findIllFormedText(deep)).toBe(Array(100_000).fill('0').join('.'));
  });
});

describe.skipIf(POSTGRES_MISSING)(`ill-formed text in requests on ${TEST_DB}`, () => {
  let t: TestApp;
  let s: Record<'office' | 'admin', Session>;
  beforeAll(async () => {
    t = await createTestApp({ enterprises: 3 });
    s = await loginAll(t.app, ['office', 'admin'] as const);
  });
  afterAll(() => t?.close());

  it('refuses a log-in with a lone surrogate with a 400 naming the field, and still audits the attempt', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json', 'accept-language': 'en-US' },
      payload: `{"username":"ad${LONE}min","password":"Wrong-Password-1"}`,
      remoteAddress: '10.60.0.1',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', details: [{ path: 'username' }] });
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.login'), sql`${auditLog.detail}->>'reason' = 'ill_formed_text'`));
    expect(rows).toHaveLength(1);
    expect(rows[0]!).toMatchObject({ outcome: 'failure', clientIp: '10.60.0.1', detail: { username: 'ad\ufffdmin' } });
  });

  it('refuses lone surrogates and NUL anywhere in a body or query with a 400 naming the field', async () => {
    const put = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: s.admin.cookie, 'x-csrf-token': s.admin.csrf, 'content-type': 'application/json' },
      payload: `{"username":"fine","displayName":"名${LONE}字","password":"Quality-District-2026","regionCode":"410471","roles":["office"]}`,
    });
    expect(put.statusCode).toBe(400);
    expect(put.json().error.details).toEqual([{ path: 'displayName', message: expect.any(String) }]);

    const nested = await t.app.inject({
      method: 'POST',
      url: '/api/v1/enterprises',
      headers: { cookie: s.office.cookie, 'x-csrf-token': s.office.csrf, 'content-type': 'application/json' },
      payload: `{"name":"ok","contacts":[{"name":"x"},{"name":"\\udc01"}]}`,
    });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().error.details[0].path).toBe('contacts.1.name');

    const query = await call(t.app, s.office, 'GET', '/api/v1/enterprises?keyword=%00');
    expect(query.statusCode).toBe(400);
    expect(query.json().error.details[0].path).toBe('keyword');
  });
});
