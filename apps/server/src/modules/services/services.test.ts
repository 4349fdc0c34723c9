import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { addUsers, freshCreditCode, loginAll, multipartFile, readXlsx } from '../../testing/fixtures.js';
import { POSTGRES_MISSING, TEST_DB, call, createTestApp, type Session, type TestApp } from '../../testing/test-app.js';
import { markOverdueRequests } from './index.js';

const API = '/api/v1';
const USERS = ['office', 'leader', 'dept', 'enterprise', 'institution', 'auditor', 'other_ent', 'lab2', 'xinhua'] as const;
type Who = (typeof USERS)[number];
type Method = 'GET' | 'POST' | 'PUT';

interface Detail {
  id: string;
  attributeLabels: { code: string; name: string; value: string }[];
  number: string;
  state: string;
  step: string | null;
  stepDeadline: string | null;
  workingDaysLeft: number | null;
  overdue: boolean;
  contactPhone: string | null;
  handlerName: string | null;
  institutionNames: string[];
  assignments: { institutionId: string; status: string; quotationFen: number | null }[];
  timeline: { kind: string; internal: boolean; text: string | null; amountFen: number | null }[];
  actions: string[];
  rating: number | null;
}
interface Catalogue {
  id: string;
  code: string;
  category: string;
  status: string;
  attributes: { code: string }[];
  institutionIds: string[];
}

describe.skipIf(POSTGRES_MISSING)(`services API on ${TEST_DB}`, () => {
  let t: TestApp;
  let s: Record<Who, Session>;
  const clock = new ManualClock(new Date());
  let labId: string; // the demo institution (testing, metrology)
  let lab2Id: string; // a second testing institution, made here
  let testService: Catalogue;

  const req = (who: Who | null, method: Method, url: string, body?: unknown) =>
    call(t.app, who ? s[who] : null, method, `${API}${url}`, body);
  const ok = async <T = Detail>(
    who: Who | null,
    method: Method,
    url: string,
    body?: unknown,
    status = method === 'POST' && !url.includes('/requests/') ? 201 : 200,
  ): Promise<T> => {
    const res = await req(who, method, url, body);
    if (res.statusCode !== status) throw new Error(`${who} ${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as T;
  };
  /** A file as a browser sends it, with its declared type. */
  const attach = (who: Who, id: string, name: string, bytes: Buffer, type = 'application/pdf') => {
    const body = multipartFile('file', name, bytes, type);
    return t.app.inject({
      method: 'POST',
      url: `${API}/services/requests/${id}/attachments`,
      payload: body.payload,
      headers: { cookie: s[who].cookie, 'x-csrf-token': s[who].csrf, 'content-type': body.contentType },
    });
  };
  const submitBody = (over: Record<string, unknown> = {}) => ({
    serviceId: testService.id,
    description: '尼龙切片拉伸强度检测',
    attributes: { product: 'PA66 切片', samples: 3, scope: 'full' },
    contactName: '张经理',
    contactPhone: '13837512345',
    preferredContact: 'phone',
    ...over,
  });
  const submit = (over: Record<string, unknown> = {}, who: Who = 'enterprise') =>
    ok<Detail>(who, 'POST', '/services/requests', submitBody(over), 201);
  const step = (who: Who, id: string, path: string, body: unknown = {}) =>
    ok<Detail>(who, 'POST', `/services/requests/${id}/${path}`, body, 200);

  beforeAll(async () => {
    t = await createTestApp({ enterprises: 10, clock });
    const base = await loginAll(t.app, ['office', 'enterprise', 'institution'] as const);
    const me = async (sess: Session) =>
      ((await call(t.app, sess, 'GET', `${API}/auth/me`)).json() as { user: { organizationId: string } }).user.organizationId;
    labId = await me(base.institution);
    const flagship = await me(base.enterprise);
    const lab2 = await call(t.app, base.office, 'POST', `${API}/institutions`, {
      name: '平顶山第二检测中心',
      creditCode: freshCreditCode(),
      regionCode: '410471',
      nqiCategories: ['testing'],
    });
    lab2Id = (lab2.json() as { id: string }).id;
    const enterprises = (await call(t.app, base.office, 'GET', `${API}/enterprises?pageSize=50`)).json() as {
      data: { id: string }[];
    };
    await addUsers(t, '410471', [
      { username: 'other_ent', roles: ['enterprise'], organizationId: enterprises.data.find((e) => e.id !== flagship)!.id },
      { username: 'lab2', roles: ['institution'], organizationId: lab2Id },
    ]);
    await addUsers(t, '410402', [{ username: 'xinhua', roles: ['office'] }]);
    s = await loginAll(t.app, USERS);
    const list = await ok<{ data: Catalogue[] }>('enterprise', 'GET', '/services/catalogue?pageSize=50');
    testService = list.data.find((c) => c.code === 'TEST-PRODUCT')!;
  });
  afterAll(async () => t?.close());

  it('documents its endpoints in the OpenAPI description', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys((res.json() as { paths: Record<string, unknown> }).paths);
    for (const p of [
      '/api/v1/services/requests',
      '/api/v1/services/requests/{id}/dispatch',
      '/api/v1/services/board',
      '/api/v1/public/services/catalogue',
    ]) {
      expect(paths).toContain(p);
    }
  });

  describe('catalogue', () => {
    it('seeds one or more services in each of the nine categories, public without log-in', async () => {
      const list = await ok<{ data: Catalogue[]; total: number }>(null, 'GET', '/public/services/catalogue?pageSize=50');
      expect(new Set(list.data.map((c) => c.category)).size).toBe(9);
      expect(testService.attributes.map((a) => a.code)).toEqual(['product', 'samples', 'scope', 'wanted_by']);
      expect(testService.institutionIds).toContain(labId);
      expect((await req(null, 'GET', '/services/catalogue')).statusCode).toBe(401);
    });

    it('is maintained by the office only, with field-level errors', async () => {
      const body = {
        code: 'TEST-FOOD',
        category: 'testing',
        name: '食品检验',
        charge: 'charged',
        timeLimits: { accept: 2, dispatch: 1, institutionAccept: 2, service: 8, confirm: 5, close: 3, reopen: 10 },
        attributes: [{ code: 'food', name: '食品名称', datatype: 'string', required: true, order: 1 }],
        institutionIds: [labId, lab2Id],
      };
      expect((await req('enterprise', 'POST', '/services/catalogue', body)).statusCode).toBe(403);
      expect((await req('leader', 'POST', '/services/catalogue', body)).statusCode).toBe(403);
      const created = await ok<Catalogue>('office', 'POST', '/services/catalogue', body);
      expect(created.code).toBe('TEST-FOOD');
      expect((await req('office', 'POST', '/services/catalogue', body)).statusCode).toBe(409);
      const badList = await req('office', 'POST', '/services/catalogue', {
        ...body,
        code: 'TEST-X',
        attributes: [{ code: 'k', name: 'K', datatype: 'singlevaluelist', order: 1 }],
      });
      expect(badList.statusCode).toBe(400);
      expect(badList.json().error.details[0].path).toBe('attributes.0.values');
      const wrongInst = await req('office', 'POST', '/services/catalogue', { ...body, code: 'TEST-Y', category: 'legal' });
      expect(wrongInst.statusCode).toBe(422);
      expect(wrongInst.json().error.details[0].path).toBe('institutionIds.0');
      const retired = await ok<Catalogue>('office', 'PUT', `/services/catalogue/${created.id}`, { ...body, status: 'retired' });
      expect(retired.status).toBe('retired');
      expect((await req('enterprise', 'GET', `/services/catalogue/${created.id}`)).statusCode).toBe(404);
      expect((await req('xinhua', 'PUT', `/services/catalogue/${created.id}`, body)).statusCode).toBe(404);
      const audit = (await ok<{ data: { action: string }[] }>('auditor', 'GET', '/audit?action=services.catalogue.update')).data;
      expect(audit.length).toBe(1);
    });
  });

  describe('submission', () => {
    it('names each bad attribute and creates nothing', async () => {
      const before = (await ok<{ total: number }>('office', 'GET', '/services/requests')).total;
      const res = await req(
        'enterprise',
        'POST',
        '/services/requests',
        submitBody({ attributes: { samples: 'many', scope: 'some', extra: 1 } }),
      );
      expect(res.statusCode).toBe(400);
      const paths = (res.json().error.details as { path: string }[]).map((d) => d.path);
      expect(paths).toEqual(['attributes.extra', 'attributes.product', 'attributes.samples', 'attributes.scope']);
      const unknown = await req(
        'enterprise',
        'POST',
        '/services/requests',
        submitBody({ serviceId: '01900000-0000-7000-8000-000000000000' }),
      );
      expect(unknown.statusCode).toBe(422);
      expect(unknown.json().error.details[0].path).toBe('serviceId');
      const phone = await req('enterprise', 'POST', '/services/requests', submitBody({ contactPhone: '12' }));
      expect(phone.json().error.details[0].path).toBe('contactPhone');
      expect((await ok<{ total: number }>('office', 'GET', '/services/requests')).total).toBe(before);
    });

    it('only enterprises submit', async () => {
      expect((await req('office', 'POST', '/services/requests', submitBody())).statusCode).toBe(403);
      expect((await req('institution', 'POST', '/services/requests', submitBody())).statusCode).toBe(403);
    });
  });

  it('runs a request through every stage: hand-back, transfer, several institutions, overdue, rating, re-open, close', async () => {
    const created = await submit();
    expect(created.number).toMatch(/^FW410471-\d{4}-\d{6}$/);
    expect(created.state).toBe('submitted');
    expect(created.step).toBe('accept');
    expect(created.workingDaysLeft).toBeGreaterThanOrEqual(0);
    expect(created.contactPhone).toBe('13837512345'); // the enterprise sees its own number
    expect(created.attributeLabels).toEqual([
      { code: 'product', name: '产品名称及型号', value: 'PA66 切片' },
      { code: 'samples', name: '样品数量（件）', value: '3' },
      { code: 'scope', name: '检验类型', value: '全项检验' },
    ]);
    expect(created.actions).not.toContain('answer'); // nothing has been asked yet
    const id = created.id;

    // the institution cannot see it before dispatch; the handler sees the number masked until accepting
    expect((await req('institution', 'GET', `/services/requests/${id}`)).statusCode).toBe(404);
    const inbox = await ok<{ data: { id: string }[] }>('office', 'GET', '/services/requests?state=submitted');
    expect(inbox.data.map((r) => r.id)).toContain(id);
    expect((await ok('office', 'GET', `/services/requests/${id}`)).contactPhone).toBe('138****2345');

    expect((await req('enterprise', 'POST', `/services/requests/${id}/accept`, {})).statusCode).toBe(403);
    expect((await req('leader', 'POST', `/services/requests/${id}/accept`, {})).statusCode).toBe(403);
    const accepted = await step('office', id, 'accept');
    expect(accepted.state).toBe('accepted');
    expect(accepted.handlerName).toBeTruthy();
    expect(accepted.contactPhone).toBe('13837512345');
    expect((await req('office', 'POST', `/services/requests/${id}/accept`, {})).statusCode).toBe(409);

    const proposal = await ok<{ institutionId: string; listedForService: boolean }[]>(
      'office',
      'GET',
      `/services/requests/${id}/proposal`,
    );
    expect(proposal.map((p) => p.institutionId).sort()).toEqual([labId, lab2Id].sort());
    expect(proposal[0]!.listedForService).toBe(true); // the listed lab first

    expect((await req('office', 'POST', `/services/requests/${id}/dispatch`, { institutionIds: [] })).statusCode).toBe(400);
    const legalInst = await req('office', 'POST', `/services/requests/${id}/dispatch`, {
      institutionIds: ['01900000-0000-7000-8000-000000000000'],
    });
    expect(legalInst.statusCode).toBe(422);
    let d = await step('office', id, 'dispatch', { institutionIds: [labId] });
    expect(d.state).toBe('dispatched');
    expect(d.step).toBe('institutionAccept');
    // The institution it went to is told under the bell; the one it did not go to is not.
    const linkedTo = async (user: 'institution' | 'lab2') =>
      (await ok<{ data: { link: string | null; kind: string }[] }>(user, 'GET', '/notifications')).data.filter(
        (n) => n.link === `/services/requests/${id}` && n.kind === 'services.dispatched',
      ).length;
    expect(await linkedTo('institution')).toBe(1);
    expect(await linkedTo('lab2')).toBe(0);

    // hand-back returns it to the handler
    expect((await req('lab2', 'POST', `/services/requests/${id}/hand-back`, { reason: 'x' })).statusCode).toBe(404);
    expect(await step('institution', id, 'hand-back', { reason: '设备检修' }).then((r) => r.state)).toBe('accepted');
    expect((await req('institution', 'GET', `/services/requests/${id}`)).statusCode).toBe(404);

    // dispatched to both, then the handler transfers away from the lab that turns out wrong
    d = await step('office', id, 'dispatch', { institutionIds: [labId, lab2Id] });
    expect(d.institutionNames.length).toBe(2);
    expect(
      (await req('office', 'POST', `/services/requests/${id}/transfer`, { institutionIds: [labId, lab2Id], reason: 'x' }))
        .statusCode,
    ).toBe(422);
    d = await step('office', id, 'transfer', { institutionIds: [lab2Id], reason: '原机构无此检测能力' });
    expect(d.state).toBe('dispatched');
    expect((await req('institution', 'GET', `/services/requests/${id}`)).statusCode).toBe(404);

    d = await step('lab2', id, 'institution-accept');
    expect(d.state).toBe('in_service');
    expect(d.actions).toEqual(expect.arrayContaining(['progress', 'quote', 'done']));
    await step('lab2', id, 'progress', { text: '样品已接收' });
    d = await step('lab2', id, 'quotation', { amountFen: 125_000, text: '全项检验' });
    expect(d.assignments[0]!.quotationFen).toBe(125_000);
    expect((await req('lab2', 'POST', `/services/requests/${id}/quotation`, { amountFen: 12.5 })).statusCode).toBe(400);

    // questions and notes
    await step('office', id, 'notes', { text: '企业为重点企业，优先办理' });
    await step('office', id, 'questions', { text: '样品是否需要退回？' });
    expect((await req('other_ent', 'POST', `/services/requests/${id}/answers`, { text: '否' })).statusCode).toBe(404);
    d = await step('enterprise', id, 'answers', { text: '不需要退回' });
    expect(d.timeline.some((e) => e.kind === 'note')).toBe(false); // notes are the station's
    expect((await req('enterprise', 'POST', `/services/requests/${id}/answers`, { text: '再答' })).statusCode).toBe(422);

    // the service runs late: the overdue job marks it once and tells the handler
    clock.advanceDays(30);
    const deps = { database: t.database, config: t.config, clock };
    expect((await markOverdueRequests(deps)).marked).toBeGreaterThanOrEqual(1);
    expect((await markOverdueRequests(deps)).marked).toBe(0);
    d = await ok('office', 'GET', `/services/requests/${id}`);
    expect(d.overdue).toBe(true);
    expect(d.workingDaysLeft).toBeLessThan(0);
    expect(d.timeline.filter((e) => e.kind === 'overdue').length).toBe(1);
    const notes = await ok<{ data: { link: string | null; title: { zh: string; en: string }; body: string | null }[] }>(
      'office',
      'GET',
      '/notifications',
    );
    const overdueNotes = notes.data.filter((n) => n.link === `/services/requests/${id}`);
    expect(overdueNotes.length).toBe(1);
    // The step is named in words in both languages, never as its code ("service · 2026-…").
    expect(overdueNotes[0]!.title.zh).toMatch(/服务办理环节，期限 \d{4}-\d{2}-\d{2}/);
    expect(overdueNotes[0]!.title.en).toMatch(/Service step, due \d{4}-\d{2}-\d{2}/);
    expect(overdueNotes[0]!.body).toBeNull();
    const overdueList = await ok<{ data: { id: string }[] }>('office', 'GET', '/services/requests?overdue=true');
    expect(overdueList.data.map((r) => r.id)).toContain(id);

    d = await step('lab2', id, 'done', { text: '检验报告 No.2026-001 已出具' });
    expect(d.state).toBe('completed');
    expect(d.step).toBe('confirm');
    expect(d.overdue).toBe(false);

    // the enterprise re-opens, the lab finishes again, the enterprise rates, the handler closes
    expect((await req('other_ent', 'POST', `/services/requests/${id}/reopen`, { reason: 'x' })).statusCode).toBe(404);
    d = await step('enterprise', id, 'reopen', { reason: '报告缺少断裂伸长率' });
    expect(d.state).toBe('in_service');
    d = await step('lab2', id, 'done', { text: '补充报告已出具' });
    expect(d.state).toBe('completed');
    expect((await req('enterprise', 'POST', `/services/requests/${id}/rate`, { rating: 6 })).statusCode).toBe(400);
    expect((await req('office', 'POST', `/services/requests/${id}/rate`, { rating: 5 })).statusCode).toBe(403);
    d = await step('enterprise', id, 'rate', { rating: 4, comment: '专业，稍慢' });
    expect(d.state).toBe('rated');
    expect(d.rating).toBe(4);
    d = await step('office', id, 'close');
    expect(d.state).toBe('closed');
    expect(d.step).toBeNull();

    const kinds = d.timeline.map((e) => e.kind);
    for (const k of [
      'submit',
      'accept',
      'dispatch',
      'institution_hand_back',
      'hand_back',
      'transfer',
      'institution_accept',
      'start_service',
      'progress',
      'quotation',
      'note',
      'question',
      'answer',
      'overdue',
      'result',
      'complete',
      'reopen',
      'rate',
      'close',
    ]) {
      expect(kinds, k).toContain(k);
    }
    const audit = (
      await ok<{ data: { action: string; targetId: string }[] }>('auditor', 'GET', `/audit?keyword=${id}&pageSize=200`)
    ).data;
    expect(audit.filter((a) => a.targetId === id).length).toBeGreaterThanOrEqual(kinds.length);
    expect((await req('enterprise', 'POST', `/services/requests/${id}/reopen`, { reason: '再次' })).statusCode).toBe(409);
    clock.set(new Date());
  });

  it('declines with a reason and merges duplicates', async () => {
    const a = await submit();
    expect((await req('office', 'POST', `/services/requests/${a.id}/decline`, {})).statusCode).toBe(400);
    expect((await req('office', 'POST', `/services/requests/${a.id}/decline`, { reason: ' ' })).statusCode).toBe(400);
    expect((await step('office', a.id, 'decline', { reason: '不属于本站服务范围' })).state).toBe('declined');

    const original = await submit();
    const dup = await submit();
    expect((await req('office', 'POST', `/services/requests/${dup.id}/merge`, { targetNumber: dup.number })).statusCode).toBe(
      422,
    );
    expect((await req('office', 'POST', `/services/requests/${dup.id}/merge`, { targetNumber: a.number })).statusCode).toBe(422);
    const merged = await step('office', dup.id, 'merge', { targetNumber: original.number });
    expect(merged.state).toBe('closed');
    const target = await ok('office', 'GET', `/services/requests/${original.id}`);
    expect(target.timeline.some((e) => e.kind === 'merged_in' && e.text === dup.number)).toBe(true);
  });

  it('completes a request after a transfer that kept an institution already at work', async () => {
    const r = await submit();
    await step('office', r.id, 'accept');
    await step('office', r.id, 'dispatch', { institutionIds: [labId, lab2Id] });
    expect((await step('lab2', r.id, 'institution-accept')).state).toBe('in_service');
    const moved = await step('office', r.id, 'transfer', { institutionIds: [lab2Id], reason: '检测中心设备故障' });
    expect(moved.state).toBe('dispatched');
    expect(moved.assignments.map((a) => a.status).sort()).toEqual(['accepted', 'withdrawn']);
    expect((await step('lab2', r.id, 'done', { text: '报告已出具' })).state).toBe('completed');
  });

  it('shows each party only its own requests', async () => {
    const mine = await submit();
    const theirs = await submit({}, 'other_ent');
    const ownList = await ok<{ data: { id: string }[] }>('enterprise', 'GET', '/services/requests?pageSize=200');
    expect(ownList.data.map((r) => r.id)).toContain(mine.id);
    expect(ownList.data.map((r) => r.id)).not.toContain(theirs.id);
    expect((await req('enterprise', 'GET', `/services/requests/${theirs.id}`)).statusCode).toBe(404);
    expect((await req('xinhua', 'GET', `/services/requests/${mine.id}`)).statusCode).toBe(404);
    expect((await ok<{ total: number }>('xinhua', 'GET', '/services/requests')).total).toBe(0);
    expect((await req('dept', 'GET', '/services/requests')).statusCode).toBe(403);
    expect((await req('auditor', 'GET', `/services/requests/${mine.id}`)).statusCode).toBe(403);
    expect((await ok('leader', 'GET', `/services/requests/${mine.id}`)).id).toBe(mine.id);
    const instList = await ok<{ data: { id: string }[] }>('institution', 'GET', '/services/requests?pageSize=200');
    expect(instList.data.map((r) => r.id)).not.toContain(mine.id);
    await step('office', mine.id, 'accept');
    await step('office', mine.id, 'dispatch', { institutionIds: [labId] });
    const seen = await ok('institution', 'GET', `/services/requests/${mine.id}`);
    expect(seen.contactPhone).toBe('138****2345');
    expect((await req('lab2', 'GET', `/services/requests/${mine.id}`)).statusCode).toBe(404);

    // attachments follow the request: the enterprise's material, the institution's result
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const added = await attach('enterprise', mine.id, '样品照片说明.pdf', pdf);
    expect(added.statusCode, added.body).toBe(200);
    const withFile = added.json() as Detail & { attachments: { id: string; kind: string; sha256: string }[] };
    expect(withFile.attachments.map((a) => a.kind)).toEqual(['request']);
    const fileId = withFile.attachments[0]!.id;
    const wrong = await attach('enterprise', mine.id, 'tool.exe', Buffer.from('MZ\x90\x00'), 'application/x-msdownload');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].path).toBe('file');
    expect((await attach('other_ent', mine.id, 'a.pdf', pdf)).statusCode).toBe(404);
    expect((await attach('lab2', mine.id, 'a.pdf', pdf)).statusCode).toBe(404);
    const download = await req('institution', 'GET', `/services/requests/${mine.id}/attachments/${fileId}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(download.headers.etag).toBe(`"${withFile.attachments[0]!.sha256}"`);
    expect((await req('other_ent', 'GET', `/services/requests/${mine.id}/attachments/${fileId}`)).statusCode).toBe(404);
    expect((await req('lab2', 'GET', `/services/requests/${mine.id}/attachments/${fileId}`)).statusCode).toBe(404);
    const result = await attach('institution', mine.id, '检验报告.pdf', pdf);
    expect(result.statusCode).toBe(200);
    const seen2 = await ok<{ attachments: { kind: string; institutionName: string | null }[] }>(
      'enterprise',
      'GET',
      `/services/requests/${mine.id}`,
    );
    expect(seen2.attachments.map((a) => a.kind)).toEqual(['request', 'result']);
    expect(seen2.attachments[1]!.institutionName).toBeTruthy();
  });

  it('shows the board to the office and the leader, exports it, and publishes figures without personal data', async () => {
    const board = await ok<{
      openByStage: { count: number }[];
      overall: { submitted: number; onTimeRate: number | null };
      byMonth: unknown[];
      byCategory: unknown[];
      byInstitution: unknown[];
    }>('leader', 'GET', '/services/board');
    expect(board.openByStage.reduce((n, r) => n + r.count, 0)).toBeGreaterThan(0);
    expect(board.overall.submitted).toBeGreaterThan(10);
    expect(board.overall.onTimeRate).toBeGreaterThan(0);
    expect(board.byMonth.length).toBeGreaterThan(1);
    expect((await req('enterprise', 'GET', '/services/board')).statusCode).toBe(403);
    const bad = await req('office', 'GET', '/services/board?from=2026-13&to=2026-01');
    expect(bad.statusCode).toBe(400);
    expect((await req('office', 'GET', '/services/board?from=2026-06&to=2026-01')).json().error.details[0].path).toBe('to');
    const june = await ok<{ byMonth: { month: string }[] }>('office', 'GET', '/services/board?from=2026-01&to=2026-06');
    for (const m of june.byMonth) expect(m.month >= '2026-01' && m.month <= '2026-06').toBe(true);
    expect((await req('institution', 'GET', '/services/board')).statusCode).toBe(403);
    const file = await call(t.app, s.office, 'GET', `${API}/services/board/export`);
    expect(file.statusCode).toBe(200);
    const sheet = await readXlsx(file.rawPayload);
    expect(sheet.headers[0]).toBe('月份');
    expect(sheet.rows.length).toBe(board.byMonth.length);
    expect((await req('enterprise', 'GET', '/services/board/export')).statusCode).toBe(403);
    const figures = await req(null, 'GET', '/public/services/figures');
    expect(figures.statusCode).toBe(200);
    expect(figures.body).not.toMatch(/138|张经理|神马/);
    expect(Object.keys(figures.json().byMonth[0]).sort()).toEqual([
      'completed',
      'month',
      'onTimeRate',
      'satisfaction',
      'submitted',
    ]);
  });

  it('refuses every endpoint to the roles that may not use it', async () => {
    const r = await submit();
    await step('office', r.id, 'accept');
    const id = r.id;
    const cases: [Who, Method, string, unknown, number][] = [
      ['auditor', 'GET', '/services/catalogue', undefined, 403],
      ['dept', 'GET', '/services/catalogue', undefined, 200],
      ['dept', 'POST', '/services/requests', submitBody(), 403],
      ['enterprise', 'GET', `/services/requests/${id}/proposal`, undefined, 403],
      ['leader', 'GET', `/services/requests/${id}/proposal`, undefined, 403],
      ['leader', 'POST', `/services/requests/${id}/dispatch`, { institutionIds: [labId] }, 403],
      ['enterprise', 'POST', `/services/requests/${id}/dispatch`, { institutionIds: [labId] }, 403],
      ['enterprise', 'POST', `/services/requests/${id}/notes`, { text: 'x' }, 403],
      ['leader', 'POST', `/services/requests/${id}/questions`, { text: 'x' }, 403],
      ['office', 'POST', `/services/requests/${id}/answers`, { text: 'x' }, 403],
      ['office', 'POST', `/services/requests/${id}/progress`, { text: 'x' }, 403],
      ['enterprise', 'POST', `/services/requests/${id}/quotation`, { amountFen: 100 }, 403],
      ['institution', 'POST', `/services/requests/${id}/close`, {}, 404], // not dispatched to it: it cannot see it
      ['leader', 'POST', `/services/requests/${id}/close`, {}, 403],
      ['xinhua', 'POST', `/services/requests/${id}/accept`, {}, 404],
      ['leader', 'GET', '/services/api-clients', undefined, 403],
      ['institution', 'GET', '/services/api-clients', undefined, 403],
      ['dept', 'GET', '/services/board', undefined, 403],
      ['leader', 'GET', '/services/board/export', undefined, 200],
      ['dept', 'GET', '/services/board/export', undefined, 403],
    ];
    for (const [who, method, url, body, status] of cases) {
      expect((await req(who, method, url, body)).statusCode, `${who} ${method} ${url}`).toBe(status);
    }
    expect((await req(null, 'GET', `/services/requests/${id}`)).statusCode).toBe(401);
  });

  it('issues, lists and revokes Open311 api keys (office only, audited, stored hashed)', async () => {
    expect((await req('enterprise', 'POST', '/services/api-clients', { name: 'x' })).statusCode).toBe(403);
    const issued = await ok<{ id: string; apiKey: string; keyPrefix: string }>('office', 'POST', '/services/api-clients', {
      name: '12345 热线',
    });
    expect(issued.apiKey.startsWith(issued.keyPrefix)).toBe(true);
    const list = await ok<Record<string, unknown>[]>('office', 'GET', '/services/api-clients');
    expect(JSON.stringify(list)).not.toContain(issued.apiKey);
    const rows = await t.database.query<{ key_hash: string }>('select key_hash from service_api_clients where id = $1', [
      issued.id,
    ]);
    expect(rows[0]!.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await ok<{ status: string }>('office', 'POST', `/services/api-clients/${issued.id}/revoke`, {}, 200)).status).toBe(
      'revoked',
    );
    expect((await req('office', 'POST', `/services/api-clients/${issued.id}/revoke`, {})).statusCode).toBe(409);
    expect((await req('xinhua', 'POST', `/services/api-clients/${issued.id}/revoke`, {})).statusCode).toBe(404);
    const audit = (await ok<{ data: { action: string }[] }>('auditor', 'GET', '/audit?keyword=services.apikey&pageSize=50')).data;
    expect(audit.map((a) => a.action).sort()).toEqual(['services.apikey.issue', 'services.apikey.revoke']);
  });
});
