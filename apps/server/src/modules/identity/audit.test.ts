import { asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHash } from '../../platform/audit/audit-chain.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import {
  addUsers,
  ENTERPRISE_HEADERS_ZH,
  enterpriseBody,
  enterpriseRow,
  loginAll,
  upload,
  xlsxOf,
} from '../../testing/fixtures.js';
import { POSTGRES_MISSING, TEST_DB, call, createTestApp, type Session, type TestApp } from '../../testing/test-app.js';
import { verifyAuditLog } from './index.js';

const API = '/api/v1';
const USERS = ['auditor', 'office', 'security', 'admin', 'dept', 'leader', 'xinhuaauditor'] as const;
type Who = (typeof USERS)[number];
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface Entry {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: 'success' | 'failure' | 'denied';
  detail: Record<string, unknown> | null;
  regionCode: string | null;
  hash: string;
}
interface Verify {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  reason: string | null;
}

describe.skipIf(POSTGRES_MISSING)(`audit log on ${TEST_DB}`, () => {
  let t: TestApp;
  let s: Record<Who, Session>;
  /** What the changes below produced: action → target id. */
  const done: Record<string, string> = {};

  const req = (who: Who, method: Method, url: string, body?: unknown) => call(t.app, s[who], method, `${API}${url}`, body);
  const ok = async <T>(who: Who, method: Method, url: string, body?: unknown): Promise<T> => {
    const res = await req(who, method, url, body);
    if (res.statusCode >= 300) throw new Error(`${who} ${method} ${url}: ${res.statusCode} ${res.body}`);
    return (String(res.headers['content-type']).startsWith('application/json') ? res.json() : undefined) as T;
  };
  const entries = async (query: string, who: Who = 'auditor') =>
    ok<{ data: Entry[]; total: number }>(who, 'GET', `/audit?${query.includes('pageSize=') ? '' : 'pageSize=200&'}${query}`);
  const verify = () => ok<Verify>('auditor', 'POST', '/audit/verify');
  const rowCount = async () => (await t.database.db.select({ n: count() }).from(auditLog))[0]!.n;
  const rowOf = async (seq: number) => (await t.database.db.select().from(auditLog).where(eq(auditLog.seq, seq)))[0]!;

  beforeAll(async () => {
    t = await createTestApp({ enterprises: 5 });
    await addUsers(t, '410402', [{ username: 'xinhuaauditor', roles: ['auditor'] }]);
    s = await loginAll(t.app, USERS);

    // One of each kind of change, by the people whose duty it is.
    const enterprise = await ok<{ id: string; creditCode: string; name: string }>(
      'office',
      'POST',
      '/enterprises',
      enterpriseBody(),
    );
    done['registry.enterprise.create'] = enterprise.id;
    await ok(
      'office',
      'PUT',
      `/enterprises/${enterprise.id}`,
      enterpriseBody({ creditCode: enterprise.creditCode, name: `${enterprise.name}二厂` }),
    );
    done['registry.enterprise.update'] = enterprise.id;
    const contact = await ok<{ id: string }>('office', 'POST', `/organizations/${enterprise.id}/contacts`, {
      name: '张经理',
      phone: '13812345678',
    });
    done['registry.contact.create'] = contact.id;
    await ok('office', 'POST', `/contacts/${contact.id}/reveal`);
    done['registry.contact.reveal'] = contact.id;
    await ok('office', 'DELETE', `/contacts/${contact.id}`);
    done['registry.contact.remove'] = contact.id;
    await ok('office', 'GET', '/enterprises/export');
    const file = await xlsxOf(ENTERPRISE_HEADERS_ZH, [enterpriseRow(), enterpriseRow()]);
    const imported = await upload(t.app, s.office, `${API}/enterprises/import`, 'enterprises.xlsx', file);
    expect(imported.statusCode).toBe(200);
    const expert = await ok<{ id: string }>('office', 'POST', '/experts', {
      name: '审计测试专家',
      regionCode: '410471',
      title: 'senior',
      specialties: ['质量管理'],
      affiliationName: '平顶山学院',
    });
    done['registry.expert.create'] = expert.id;
    const user = await ok<{ id: string }>('admin', 'POST', '/users', {
      username: 'audited.user',
      displayName: '被审计用户',
      password: 'Quality-District-2026',
      regionCode: '410471',
      roles: ['office'],
    });
    done['identity.user.create'] = user.id;
    await ok('security', 'PUT', `/users/${user.id}/roles`, { roles: ['leader'] });
    done['identity.user.roles'] = user.id;
    await ok('security', 'POST', `/users/${user.id}/unlock`);
    done['identity.user.unlock'] = user.id;
    await ok('admin', 'PATCH', `/users/${user.id}`, { displayName: '被审计用户（改）' });
    done['identity.user.update'] = user.id;
    const failed = await t.app.inject({
      method: 'POST',
      url: `${API}/auth/login`,
      payload: { username: 'office', password: 'Wrong-Password-1' },
      remoteAddress: '10.66.0.1',
    });
    expect(failed.statusCode).toBe(401);
    const unknown = await t.app.inject({
      method: 'POST',
      url: `${API}/auth/login`,
      payload: { username: 'nobody-here', password: 'x' },
      remoteAddress: '10.66.0.2',
    });
    expect(unknown.statusCode).toBe(401);
  });
  afterAll(() => t?.close());

  it('records every change, with who did it, on what, and the outcome', async () => {
    const expectedActor: Record<string, string> = {
      'registry.enterprise.create': 'office',
      'registry.enterprise.update': 'office',
      'registry.contact.create': 'office',
      'registry.contact.reveal': 'office',
      'registry.contact.remove': 'office',
      'registry.expert.create': 'office',
      'identity.user.create': 'admin',
      'identity.user.roles': 'security',
      'identity.user.unlock': 'security',
      'identity.user.update': 'admin',
    };
    for (const [action, targetId] of Object.entries(done)) {
      const found = (await entries(`action=${action}`)).data.filter((e) => e.targetId === targetId);
      expect(found, action).toHaveLength(1);
      expect(found[0]).toMatchObject({ action, actorName: expectedActor[action], outcome: 'success', regionCode: '410471' });
      expect(found[0]!.actorId).toMatch(/^[0-9a-f-]{36}$/);
      expect(found[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    }
    const exported = await entries('action=registry.enterprise.export');
    expect(exported.total).toBe(1);
    const imported = (await entries('action=registry.enterprise.import')).data;
    expect(imported).toHaveLength(1);
    expect(imported[0]!.detail).toMatchObject({ filename: 'enterprises.xlsx', rows: 2 });
    const seed = (await entries('action=system.seed.demo')).data;
    expect(seed).toHaveLength(1);
    expect(seed[0]).toMatchObject({ actorId: null, actorName: 'seed' });
  });

  it('records failed log-ins as failures, with the reason', async () => {
    const failures = (await entries('action=auth.login&outcome=failure')).data;
    expect(
      failures.some((e) => e.actorName === 'office' && e.detail?.reason === 'wrong_password' && e.regionCode === '410471'),
    ).toBe(true);
    // An unknown name belongs to no region: every auditor sees it.
    expect(
      failures.some((e) => e.detail?.username === 'nobody-here' && e.detail?.reason === 'unknown_user' && e.regionCode === null),
    ).toBe(true);
    const successes = (await entries('action=auth.login&outcome=success')).data;
    expect(successes.every((e) => e.outcome === 'success')).toBe(true);
    expect(successes.some((e) => e.actorName === 'auditor')).toBe(true);
  });

  it('lets only the auditor read and verify the log (403 for everyone else)', async () => {
    for (const who of ['office', 'security', 'admin', 'dept', 'leader'] as const) {
      const list = await req(who, 'GET', '/audit');
      expect(list.statusCode, who).toBe(403);
      expect(list.json().error.code).toBe('forbidden');
      expect((await req(who, 'POST', '/audit/verify')).statusCode, who).toBe(403);
    }
  });

  it('offers no way to change or delete a record through the API', async () => {
    const [latest] = (await entries('pageSize=1')).data;
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      expect((await req('auditor', method, `/audit/${latest!.seq}`, {})).statusCode, method).toBe(404);
    }
    expect((await req('auditor', 'DELETE', '/audit')).statusCode).toBe(404);
  });

  it('pages newest first by default, oldest first with sort=seq, and filters', async () => {
    const newest = await entries('pageSize=5');
    const visible = (
      await t.database.db.select({ seq: auditLog.seq, region: auditLog.regionCode }).from(auditLog).orderBy(asc(auditLog.seq))
    )
      .filter((r) => r.region === null || r.region.startsWith('410471'))
      .map((r) => r.seq);
    expect(newest.total).toBe(visible.length);
    expect(newest.total).toBeLessThan(await rowCount()); // the 410402 auditor's log-in is not in this view
    const seqs = newest.data.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    const oldest = await entries('pageSize=5&sort=seq');
    expect(oldest.data.map((e) => e.seq)).toEqual(visible.slice(0, 5));
    expect(oldest.data[0]!.seq).toBe(1);
    const page2 = await entries('pageSize=5&current=2&sort=seq');
    expect(page2.data.map((e) => e.seq)).toEqual(visible.slice(5, 10));
    expect(page2.total).toBe(newest.total);

    const bySecurity = await entries('actorName=security');
    expect(bySecurity.total).toBeGreaterThan(0);
    expect(bySecurity.data.every((e) => e.actorName === 'security')).toBe(true);
    const keyword = await entries(`keyword=${done['identity.user.create']}`);
    expect(new Set(keyword.data.map((e) => e.action))).toEqual(
      new Set(['identity.user.create', 'identity.user.roles', 'identity.user.unlock', 'identity.user.update']),
    );

    const all = (await entries('sort=seq')).data;
    const middle = all[Math.floor(all.length / 2)]!;
    const from = await entries(`from=${encodeURIComponent(middle.at)}&sort=seq`);
    expect(from.data.every((e) => e.at >= middle.at)).toBe(true);
    expect(from.data.map((e) => e.seq)).toContain(middle.seq);
    const to = await entries(`to=${encodeURIComponent(middle.at)}`);
    expect(to.data.every((e) => e.at <= middle.at)).toBe(true);
    expect(from.total + to.total).toBeGreaterThanOrEqual(all.length);

    expect((await req('auditor', 'GET', '/audit?pageSize=201')).statusCode).toBe(400);
    expect((await req('auditor', 'GET', '/audit?from=yesterday')).statusCode).toBe(400);
    expect((await req('auditor', 'GET', '/audit?outcome=maybe')).statusCode).toBe(400);
  });

  it("shows an auditor only their region's records (and those of no region)", async () => {
    const other = (await entries('', 'xinhuaauditor')).data;
    expect(other.every((e) => e.regionCode === null || e.regionCode.startsWith('410402'))).toBe(true);
    expect(other.some((e) => e.action === 'registry.enterprise.create')).toBe(false);
    expect(other.some((e) => e.detail?.username === 'nobody-here')).toBe(true);
    expect(other.some((e) => e.actorName === 'xinhuaauditor' && e.action === 'auth.login')).toBe(true);
  });

  it('verifies the intact chain, and records the verification', async () => {
    const rows = await rowCount();
    const result = await verify();
    expect(result).toEqual({ ok: true, checked: rows, firstBrokenSeq: null, reason: null });
    const direct = await verifyAuditLog(t.database.db);
    expect(direct).toEqual({ ok: true, checked: rows + 1, firstBrokenSeq: null, reason: null });
    const [record] = (await entries('action=audit.verify')).data;
    expect(record).toMatchObject({ actorName: 'auditor', outcome: 'success', detail: { ok: true, checked: rows } });
  });

  it('keeps one unbroken chain under concurrent changes', async () => {
    const before = await rowCount();
    const results = await Promise.all(Array.from({ length: 8 }, () => req('office', 'POST', '/enterprises', enterpriseBody())));
    expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    expect(await rowCount()).toBe(before + 8);
    const seqs = (await t.database.db.select({ seq: auditLog.seq }).from(auditLog).orderBy(asc(auditLog.seq))).map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect((await verifyAuditLog(t.database.db)).ok).toBe(true);
  });

  it('refuses updates, deletes and truncation of audit rows in the database itself', async () => {
    const [first] = await t.database.db.select().from(auditLog).orderBy(asc(auditLog.seq)).limit(1);
    await expect(t.database.db.update(auditLog).set({ actorName: 'x' }).where(eq(auditLog.seq, first!.seq))).rejects.toThrow();
    await expect(t.database.query('delete from audit_log where seq = $1', [first!.seq])).rejects.toThrow(/append-only/);
    await expect(t.database.query('truncate audit_log')).rejects.toThrow(/append-only/);
    expect((await verifyAuditLog(t.database.db)).ok).toBe(true);
  });

  describe('tampering', () => {
    // An attacker with the table owner's rights can switch the append-only trigger off; the
    // hash chain is what still gives them away.
    beforeAll(() => t.database.query('alter table audit_log disable trigger user'));
    afterAll(() => t.database.query('alter table audit_log enable trigger user'));

    it('detects an edited detail at that very row, and recovers when it is put back', async () => {
      const target = (await entries('action=registry.enterprise.update')).data[0]!;
      const original = await rowOf(target.seq);
      await t.database.db
        .update(auditLog)
        .set({ detail: { changed: { name: { from: 'x', to: '改过的名字' } } } })
        .where(eq(auditLog.seq, target.seq));

      const result = await verify();
      expect(result).toMatchObject({ ok: false, firstBrokenSeq: target.seq, reason: 'row content does not match its hash' });
      expect(result.checked).toBe(target.seq - 1);
      expect(await verifyAuditLog(t.database.db)).toMatchObject({ ok: false, firstBrokenSeq: target.seq });
      // The failed verification is itself on record.
      const [record] = (await entries('action=audit.verify&outcome=failure')).data;
      expect(record).toMatchObject({ actorName: 'auditor', detail: { ok: false, firstBrokenSeq: target.seq } });

      await t.database.db.update(auditLog).set({ detail: original.detail }).where(eq(auditLog.seq, target.seq));
      expect((await verify()).ok).toBe(true);
    });

    it('detects an edit of any other field: actor, time, outcome, action', async () => {
      const target = (await entries('action=registry.contact.reveal')).data[0]!;
      const original = await rowOf(target.seq);
      const edits = [
        { actorName: 'someone-else' },
        { at: new Date(original.at.getTime() + 1) },
        { outcome: 'failure' as const },
        { action: 'registry.contact.list' },
        { targetId: null },
        { regionCode: '410402' },
      ];
      for (const edit of edits) {
        await t.database.db.update(auditLog).set(edit).where(eq(auditLog.seq, target.seq));
        expect(await verifyAuditLog(t.database.db), JSON.stringify(edit)).toMatchObject({
          ok: false,
          firstBrokenSeq: target.seq,
        });
        await t.database.db.update(auditLog).set(original).where(eq(auditLog.seq, target.seq));
      }
      expect((await verifyAuditLog(t.database.db)).ok).toBe(true);
    });

    it('detects a row rewritten with a recomputed hash at the next row, whose link no longer matches', async () => {
      const target = (await entries('action=identity.user.roles')).data[0]!;
      const original = await rowOf(target.seq);
      const forged = { ...original, detail: { from: ['office'], to: ['sysadmin'] } };
      await t.database.db
        .update(auditLog)
        .set({ detail: forged.detail, hash: auditHash(forged) })
        .where(eq(auditLog.seq, target.seq));
      expect(await verifyAuditLog(t.database.db)).toMatchObject({
        ok: false,
        firstBrokenSeq: target.seq + 1,
        reason: 'previous-hash link broken',
      });
      await t.database.db
        .update(auditLog)
        .set({ detail: original.detail, hash: original.hash })
        .where(eq(auditLog.seq, target.seq));
      expect((await verifyAuditLog(t.database.db)).ok).toBe(true);
    });

    it('detects a row deleted from the middle of the chain', async () => {
      const target = (await entries('action=identity.user.create')).data[0]!;
      expect(target.seq).toBeLessThan(await rowCount());
      await t.database.query('delete from audit_log where seq = $1', [target.seq]);
      const result = await verify();
      expect(result).toMatchObject({ ok: false, firstBrokenSeq: target.seq, reason: `missing row ${target.seq}` });
      expect(result.checked).toBe(target.seq - 1);
      expect(await verifyAuditLog(t.database.db)).toMatchObject({ ok: false, firstBrokenSeq: target.seq });
    });
  });
});
