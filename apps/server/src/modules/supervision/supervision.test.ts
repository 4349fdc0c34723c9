import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  todayInShanghai,
  addDays,
  translate,
  type DrawRecord,
  type InspectionRecord,
  type ProductCheck,
  type Rectification,
  type SpotCheckPlan,
} from '@qd/core';
import { drawVerifyCommand } from '../../cli/commands/draw-verify.js';
import { recordingIo } from '../../cli/io.js';
import { ManualClock } from '../../platform/clock.js';
import { addUsers, loginAll, multipartFile } from '../../testing/fixtures.js';
import { POSTGRES_MISSING, TEST_DB, call, createTestApp, type Session, type TestApp } from '../../testing/test-app.js';
import { supervisionModule } from './index.js';

const API = '/api/v1';
const USERS = ['office', 'dept', 'enterprise', 'leader', 'auditor', 'institution', 'xinhua', 'firm2'] as const;
type Who = (typeof USERS)[number];
type Method = 'GET' | 'POST' | 'PUT';

interface Target {
  enterpriseId: string;
  name: string;
  creditCode: string;
  riskClass: string;
}
interface Inspector {
  id: string;
  name: string;
  certificateNo: string;
  ties: { enterpriseId: string }[];
  userId: string | null;
}

const testResults = (pass: boolean) => [
  { item: '断裂强度', requirement: '≥ 60 MPa', value: pass ? '72 MPa' : '48 MPa', pass },
  { item: '标志标识', requirement: 'GB/T 191', value: '符合', pass: true },
];

describe.skipIf(POSTGRES_MISSING)(`supervision API on ${TEST_DB}`, () => {
  let t: TestApp;
  let s: Record<Who, Session>;
  const clock = new ManualClock(new Date());
  const today = () => todayInShanghai(clock.now());
  let flagshipId: string;
  let firm2Id: string;
  let departmentId: string;
  let itemId: string;
  let tiedInspectorId: string;
  let plan: SpotCheckPlan;
  let tmp: string;

  const req = (who: Who | null, method: Method, url: string, body?: unknown) =>
    call(t.app, who ? s[who] : null, method, `${API}${url}`, body);
  const ok = async <T = unknown>(who: Who | null, method: Method, url: string, body?: unknown, status = 200): Promise<T> => {
    const res = await req(who, method, url, body);
    if (res.statusCode !== status) throw new Error(`${who} ${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as T;
  };
  const fails = async (who: Who | null, method: Method, url: string, body: unknown, status: number, key?: string) => {
    const res = await req(who, method, url, body);
    expect(res.statusCode, `${who} ${method} ${url}: ${res.body}`).toBe(status);
    if (key) {
      // Messages come translated (zh-CN by default); a field path is matched as given.
      const text = JSON.stringify(res.json().error);
      expect(text.includes(key) || text.includes(translate(key, 'zh-CN')), `${text} has ${key}`).toBe(true);
    }
    return res.json();
  };
  const planBody = (overrides: Record<string, unknown> = {}) => ({
    name: '2026年高风险企业专项抽查',
    itemIds: [itemId],
    filters: { riskClasses: ['high'], industrySections: [], flags: [] },
    // Every high-risk firm is drawn, so the flagship (tied to an inspector) is certainly among them.
    allocation: { mode: 'count', count: { high: 10_000, mediumHigh: 0, medium: 0, low: 0 } },
    periodStart: today(),
    periodEnd: addDays(today(), 60),
    departmentIds: [departmentId],
    inspectorsPerTarget: 2,
    ...overrides,
  });
  const verifyFile = async (record: unknown) => {
    const file = path.join(tmp, `record-${Math.random().toString(16).slice(2)}.json`);
    fs.writeFileSync(file, JSON.stringify(record));
    const io = recordingIo();
    return { code: await drawVerifyCommand({ file }, io), out: io.lines.join('\n') };
  };

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qd-supervision-'));
    t = await createTestApp({ clock, enterprises: 30 });
    await addUsers(t, '410402', [{ username: 'xinhua', roles: ['office'] }]);
    s = { ...(await loginAll(t.app, ['office'] as const)) } as Record<Who, Session>;
    const targets = await ok<{ data: Target[] }>('office', 'GET', '/supervision/targets?pageSize=200');
    const me = await ok<{ user: { organizationId: string } }>('office', 'GET', '/auth/me');
    void me;
    firm2Id = targets.data.find((x) => x.riskClass !== 'high')!.enterpriseId;
    await addUsers(t, '410471', [{ username: 'firm2', roles: ['enterprise'], organizationId: firm2Id }]);
    s = await loginAll(t.app, USERS);
    flagshipId = (await ok<{ user: { organizationId: string } }>('enterprise', 'GET', '/auth/me')).user.organizationId;
    departmentId = (await ok<{ user: { organizationId: string } }>('dept', 'GET', '/auth/me')).user.organizationId;
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  describe('who may do what', () => {
    it('denies the supervision API to roles without its permissions (403), and the public pages need no session', async () => {
      for (const who of ['auditor', 'institution'] as const) {
        for (const url of [
          '/supervision/plans',
          '/supervision/items',
          '/supervision/targets',
          '/supervision/inspections',
          '/supervision/overdue',
        ]) {
          await fails(who, 'GET', url, undefined, 403, 'forbidden');
        }
      }
      await fails(null, 'GET', '/supervision/plans', undefined, 401);
      await ok(null, 'GET', '/public/supervision/draws');
      await ok(null, 'GET', '/public/supervision/results');
    });

    it('lets only the office change the item list, the directories and plans', async () => {
      const item = {
        code: 'T-1',
        name: 'x',
        legalBasis: 'y',
        targetType: 'enterprise',
        kind: 'general',
        frequency: '每年',
        ratioBp: { high: 1, mediumHigh: 1, medium: 1, low: 1 },
      };
      for (const who of ['dept', 'enterprise', 'leader'] as const) {
        await fails(who, 'POST', '/supervision/items', item, 403);
        await fails(who, 'POST', '/supervision/targets/sync', undefined, 403);
        await fails(who, 'POST', '/supervision/plans', planBody({ itemIds: ['00000000-0000-7000-8000-000000000000'] }), 403);
      }
      await fails('leader', 'GET', '/supervision/overdue', undefined, 200);
      await fails('enterprise', 'GET', '/supervision/overdue', undefined, 403);
      await fails('enterprise', 'GET', '/supervision/inspectors', undefined, 404);
    });
  });

  describe('item list and directories', () => {
    it('keeps the item list with field-level errors and unique codes', async () => {
      const body = {
        code: 'SJ-101',
        name: '重点工业产品质量安全检查',
        legalBasis: '《产品质量法》第十五条',
        targetType: 'enterprise',
        kind: 'key',
        frequency: '每年两次',
        ratioBp: { high: 3000, mediumHigh: 1000, medium: 200, low: 100 },
      };
      itemId = (await ok<{ id: string }>('office', 'POST', '/supervision/items', body, 201)).id;
      await fails('office', 'POST', '/supervision/items', body, 409, 'supervision.item.codeDuplicate');
      const bad = await fails('office', 'POST', '/supervision/items', { ...body, code: 'x', ratioBp: { high: 20000 } }, 400);
      expect(bad.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['code', 'ratioBp.high']));
      const list = await ok<{ data: { code: string }[] }>('leader', 'GET', '/supervision/items');
      expect(list.data.map((i) => i.code)).toContain('SJ-101');
    });

    it('takes the enterprises into the target directory and keeps their risk class; a firm sees only its own row', async () => {
      const sync = await ok<{ total: number; added: number }>('office', 'POST', '/supervision/targets/sync');
      expect(sync.total).toBeGreaterThanOrEqual(30);
      expect(sync.added).toBe(0); // the demo seed already took them in
      const flagship = await ok<Target>('office', 'PUT', `/supervision/targets/${flagshipId}`, {
        riskClass: 'high',
        products: ['尼龙66盐'],
        flags: ['keyIndustry'],
      });
      expect(flagship.riskClass).toBe('high');
      const own = await ok<{ data: Target[] }>('enterprise', 'GET', '/supervision/targets');
      expect(own.data.map((x) => x.enterpriseId)).toEqual([flagshipId]);
      await fails('xinhua', 'PUT', `/supervision/targets/${flagshipId}`, { riskClass: 'low', products: [], flags: [] }, 404);
    });

    it('keeps inspectors with ties; certificate numbers are unique; a unit must be a department', async () => {
      const body = {
        name: '孙强',
        certificateNo: 'ZF41047199',
        specialty: '产品质量',
        unitId: departmentId,
        ties: [{ enterpriseId: flagshipId, relation: '亲属任该企业法定代表人' }],
      };
      const created = await ok<Inspector>('office', 'POST', '/supervision/inspectors', body, 201);
      tiedInspectorId = created.id;
      expect(created.ties.map((x) => x.enterpriseId)).toEqual([flagshipId]);
      await fails('office', 'POST', '/supervision/inspectors', body, 409, 'supervision.inspector.certificateDuplicate');
      await fails(
        'office',
        'POST',
        '/supervision/inspectors',
        { ...body, certificateNo: 'ZF41047198', unitId: flagshipId },
        422,
        'unitId',
      );
      await ok(
        'office',
        'POST',
        '/supervision/inspectors',
        { ...body, name: '周敏', certificateNo: 'ZF41047197', ties: [] },
        201,
      );
      // The department officer sees only the own inspector record.
      const mine = await ok<{ data: Inspector[] }>('dept', 'GET', '/supervision/inspectors');
      expect(mine.data.map((i) => i.userId)).toEqual([s.dept.userId]);
    });
  });

  describe('plan → commit → seed → draw → inspector draw', () => {
    it('creates a plan with validated fields', async () => {
      const bad = await fails(
        'office',
        'POST',
        '/supervision/plans',
        planBody({ periodEnd: '2020-01-01', inspectorsPerTarget: 1 }),
        400,
      );
      expect(bad.error.details.map((d: { path: string }) => d.path)).toEqual(
        expect.arrayContaining(['periodEnd', 'inspectorsPerTarget']),
      );
      plan = await ok<SpotCheckPlan>('office', 'POST', '/supervision/plans', planBody(), 201);
      expect(plan).toMatchObject({ status: 'draft', kind: 'general' });
      expect(plan.code).toMatch(/^CC-\d{4}-\d{4}$/);
      expect(plan.availableTransitions).toEqual(['commit']);
    });

    it('commits the pool with its hash and a future seed date; the commitment is public at once', async () => {
      await fails(
        'office',
        'POST',
        `/supervision/plans/${plan.id}/commit`,
        { seedSource: '福彩3D', seedAnnouncedOn: today() },
        422,
        'supervision.seed.dateNotFuture',
      );
      await fails(
        'dept',
        'POST',
        `/supervision/plans/${plan.id}/commit`,
        { seedSource: '福彩3D', seedAnnouncedOn: addDays(today(), 1) },
        403,
      );
      plan = await ok<SpotCheckPlan>('office', 'POST', `/supervision/plans/${plan.id}/commit`, {
        seedSource: '中国福利彩票3D第2026320期开奖号码',
        seedAnnouncedOn: addDays(today(), 1),
      });
      expect(plan.status).toBe('committed');
      expect(plan.poolHash).toMatch(/^[0-9a-f]{64}$/);
      expect(plan.strata.every((x) => x.riskClass === 'high' && x.result === null)).toBe(true);
      const pub = await ok<{ poolHash: string; records: unknown[] }>(null, 'GET', `/public/supervision/draws/${plan.id}`);
      expect(pub.poolHash).toBe(plan.poolHash);
      expect(pub.records).toEqual([]); // nothing drawn yet
    });

    it('refuses the seed before its day, then takes it once', async () => {
      await fails('office', 'POST', `/supervision/plans/${plan.id}/seed`, { seed: '3 7 1' }, 422, 'supervision.seed.tooEarly');
      await fails(
        'office',
        'POST',
        `/supervision/plans/${plan.id}/draw-targets`,
        undefined,
        409,
        'transition.notAllowedFromState',
      );
      clock.advanceDays(1);
      await fails('office', 'POST', `/supervision/plans/${plan.id}/seed`, { seed: '3 x 1' }, 400, 'draw.seedInvalid');
      plan = await ok<SpotCheckPlan>('office', 'POST', `/supervision/plans/${plan.id}/seed`, { seed: '3 7 1' });
      expect(plan).toMatchObject({ status: 'seeded', seedSources: [[3, 7, 1]] });
      await fails('office', 'POST', `/supervision/plans/${plan.id}/seed`, { seed: '9 9 9' }, 409);
    });

    it('draws the targets once: a second draw is refused', async () => {
      plan = await ok<SpotCheckPlan>('office', 'POST', `/supervision/plans/${plan.id}/draw-targets`);
      expect(plan.status).toBe('drawn');
      const drawn = plan.strata.flatMap((x) => x.result ?? []);
      expect(drawn.length).toBe(plan.poolSize); // count above each stratum's size: all are drawn
      await fails(
        'office',
        'POST',
        `/supervision/plans/${plan.id}/draw-targets`,
        undefined,
        409,
        'transition.notAllowedFromState',
      );
    });

    it('draws ≥ 2 inspectors per target after recusal: a tied inspector is never drawn for that firm', async () => {
      plan = await ok<SpotCheckPlan>('office', 'POST', `/supervision/plans/${plan.id}/draw-inspectors`);
      expect(plan.status).toBe('assigned');
      const list = await ok<{ data: InspectionRecord[] }>(
        'office',
        'GET',
        `/supervision/inspections?planId=${plan.id}&pageSize=200`,
      );
      expect(list.data.length).toBe(plan.poolSize);
      const inspectors = await ok<{ data: Inspector[] }>('office', 'GET', '/supervision/inspectors?pageSize=200');
      const tiedTo = (enterpriseId: string) =>
        inspectors.data.filter((i) => i.ties.some((x) => x.enterpriseId === enterpriseId)).map((i) => i.id);
      expect(tiedTo(flagshipId)).toContain(tiedInspectorId);
      for (const inspection of list.data) {
        expect(inspection.inspectors.length).toBeGreaterThanOrEqual(2);
        for (const i of inspection.inspectors) expect(tiedTo(inspection.enterpriseId)).not.toContain(i.id);
      }
      expect(list.data.some((i) => i.enterpriseId === flagshipId)).toBe(true);
      await fails('office', 'POST', `/supervision/plans/${plan.id}/draw-inspectors`, undefined, 409);
    });

    it('publishes records that `qd draw verify` accepts, and rejects with one id altered', async () => {
      const pub = await ok<{ records: { id: string; kind: string; result: { id: string; name: string }[] }[] }>(
        null,
        'GET',
        `/public/supervision/draws/${plan.id}`,
      );
      expect(pub.records.some((r) => r.kind === 'targets')).toBe(true);
      expect(pub.records.some((r) => r.kind === 'inspectors')).toBe(true);
      // The published result is shown from the start, each id with what people know it by.
      const inspectorList = await ok<{ data: Inspector[] }>('office', 'GET', '/supervision/inspectors?pageSize=200');
      for (const r of pub.records) {
        expect(r.result.length).toBeGreaterThan(0);
        for (const drawn of r.result) {
          if (r.kind === 'inspectors') {
            expect(drawn.name).toBe(inspectorList.data.find((i) => i.id === drawn.id)!.certificateNo);
          } else {
            expect(drawn.name).not.toBe(drawn.id); // the enterprise's name, not its credit code again
          }
        }
      }
      const detail = await ok<SpotCheckPlan>('office', 'GET', `/supervision/plans/${plan.id}`);
      for (const s of detail.strata.filter((x) => x.result?.length)) {
        expect(s.resultNames!.length).toBe(s.result!.length);
        expect(s.resultNames!.every((name, i) => name !== s.result![i])).toBe(true);
      }
      for (const r of pub.records) {
        const res = await req(null, 'GET', `/public/supervision/draw-records/${r.id}?download=1`);
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-disposition']).toContain('attachment');
        const record = res.json() as DrawRecord;
        expect((await verifyFile(record)).code, r.id).toBe(0);
      }
      const record = await ok<DrawRecord>(null, 'GET', `/public/supervision/draw-records/${pub.records[0]!.id}`);
      const altered = {
        ...record,
        result: [record.pool.find((id) => !record.result.includes(id)) ?? 'X', ...record.result.slice(1)],
      };
      if (record.pool.length > record.result.length) expect((await verifyFile(altered)).code).toBe(1);
      const poolAltered = { ...record, pool: [...record.pool.slice(0, -1), `${record.pool.at(-1)!}9`] };
      const check = await verifyFile(poolAltered);
      expect(check.code).toBe(1);
      expect(check.out).toContain('不一致 MISMATCH');
    });
  });

  describe('inspections, follow-up chain and publication', () => {
    let flagshipInspection: InspectionRecord;
    let rect: Rectification;

    it('scopes inspections: a firm sees its own, another firm gets 404, a department only its assignments', async () => {
      const own = await ok<{ data: InspectionRecord[] }>('enterprise', 'GET', '/supervision/inspections');
      expect(own.data.every((i) => i.enterpriseId === flagshipId)).toBe(true);
      flagshipInspection = own.data.find((i) => i.planId === plan.id)!;
      await fails('firm2', 'GET', `/supervision/inspections/${flagshipInspection.id}`, undefined, 404);
      await fails('xinhua', 'GET', `/supervision/inspections/${flagshipInspection.id}`, undefined, 404);
      const deptList = await ok<{ data: InspectionRecord[] }>('dept', 'GET', '/supervision/inspections?pageSize=200');
      const deptInspector = (await ok<{ data: Inspector[] }>('dept', 'GET', '/supervision/inspectors')).data[0]!;
      expect(deptList.data.every((i) => i.inspectors.some((x) => x.id === deptInspector.id))).toBe(true);
      // The dept's inspector is tied to the flagship: never its inspector, so it cannot see or record it.
      await fails(
        'dept',
        'POST',
        `/supervision/inspections/${flagshipInspection.id}/record`,
        { inspectedOn: today(), findings: 'x', result: 'noProblem' },
        404,
      );
    });

    it('records a result; an order to correct needs a date and opens the chain', async () => {
      const url = `/supervision/inspections/${flagshipInspection.id}/record`;
      await fails(
        'office',
        'POST',
        url,
        { inspectedOn: today(), findings: '原料台账缺失', result: 'orderedToCorrect' },
        400,
        'supervision.correctBy.required',
      );
      await fails(
        'office',
        'POST',
        url,
        { inspectedOn: addDays(today(), 2), findings: 'x', result: 'noProblem' },
        422,
        'date.future',
      );
      flagshipInspection = await ok<InspectionRecord>('office', 'POST', url, {
        inspectedOn: today(),
        findings: '原料进货查验台账缺失',
        result: 'orderedToCorrect',
        correctBy: addDays(today(), 10),
      });
      expect(flagshipInspection).toMatchObject({ status: 'recorded', result: 'orderedToCorrect' });
      expect(flagshipInspection.publicationDueOn! > today()).toBe(true);
      expect(flagshipInspection.rectificationId).toBeTruthy();
      await fails('office', 'POST', url, { inspectedOn: today(), findings: 'x', result: 'noProblem' }, 409);
      rect = await ok<Rectification>('enterprise', 'GET', `/supervision/rectifications/${flagshipInspection.rectificationId}`);
      expect(rect.status).toBe('ordered');
    });

    it('tracks the chain to closure, each step dated: evidence → re-inspection → notice → suspension → revocation', async () => {
      const stepUrl = (name: string) => `/supervision/rectifications/${rect.id}/steps/${name}`;
      await fails('firm2', 'POST', stepUrl('submitEvidence'), { on: today(), note: 'x' }, 404);
      rect = await ok<Rectification>('enterprise', 'POST', stepUrl('submitEvidence'), {
        on: today(),
        note: '已补建台账，附照片',
      });
      expect(rect.status).toBe('evidenceSubmitted');
      // Evidence as a file: stored with its checksum, downloadable by the firm and the office, nobody else.
      const pdf = Buffer.from('%PDF-1.4\n整改报告\n%%EOF');
      const upload = (who: Who, file = pdf) => {
        const body = multipartFile('file', '整改报告.pdf', file, 'application/pdf');
        return t.app.inject({
          method: 'POST',
          url: `${API}/supervision/rectifications/${rect.id}/evidence`,
          payload: body.payload,
          headers: { cookie: s[who].cookie, 'x-csrf-token': s[who].csrf, 'content-type': body.contentType },
        });
      };
      expect((await upload('firm2')).statusCode).toBe(404);
      expect((await upload('enterprise', Buffer.from('not a pdf'))).statusCode).toBe(400);
      const uploaded = await upload('enterprise');
      expect(uploaded.statusCode, uploaded.body).toBe(200);
      rect = uploaded.json() as Rectification;
      expect(rect.files).toHaveLength(1);
      const fileUrl = `/supervision/rectifications/${rect.id}/files/${rect.files[0]!.id}`;
      const download = await req('office', 'GET', fileUrl);
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(pdf)).toBe(true);
      expect((await req('firm2', 'GET', fileUrl)).statusCode).toBe(404);
      await fails(
        'office',
        'POST',
        stepUrl('reinspectFail'),
        { on: today(), note: '复查' },
        422,
        'supervision.rectification.notDue',
      );
      await fails('office', 'POST', stepUrl('revoke'), { on: today(), note: 'x' }, 409);
      clock.advanceDays(11);
      for (const name of ['reinspectFail', 'publishNotice', 'suspend', 'revoke']) {
        rect = await ok<Rectification>('office', 'POST', stepUrl(name), { on: today(), note: name });
      }
      expect(rect.status).toBe('revoked');
      expect(rect.steps.map((x) => x.transition)).toEqual([
        'submitEvidence',
        'submitEvidence',
        'reinspectFail',
        'publishNotice',
        'suspend',
        'revoke',
      ]);
      expect(rect.steps.every((x) => /^\d{4}-\d{2}-\d{2}$/.test(x.on))).toBe(true);
    });

    it('publishes a result on the public list without inspector names, keyset-paged', async () => {
      await fails('dept', 'POST', `/supervision/inspections/${flagshipInspection.id}/publish`, undefined, 403);
      await ok('office', 'POST', `/supervision/inspections/${flagshipInspection.id}/publish`);
      await fails(
        'office',
        'POST',
        `/supervision/inspections/${flagshipInspection.id}/publish`,
        undefined,
        422,
        'supervision.publish.already',
      );
      const page1 = await ok<{ data: { id: string; enterpriseName: string }[]; next: string | null }>(
        null,
        'GET',
        '/public/supervision/results?pageSize=2',
      );
      expect(page1.data[0]!.id).toBe(flagshipInspection.id);
      const text = JSON.stringify(page1);
      for (const name of ['李明', '王芳', '孙强', 'inspector']) expect(text).not.toContain(name);
      expect(page1.next).toBeTruthy();
      const page2 = await ok<{ data: { id: string }[] }>(
        null,
        'GET',
        `/public/supervision/results?pageSize=2&after=${encodeURIComponent(page1.next!)}`,
      );
      expect(page2.data.map((x) => x.id)).not.toContain(page1.data[0]!.id);
      await fails(null, 'GET', '/public/supervision/results?after=garbage', undefined, 400);
    });

    it('lists what is overdue; the job flags each item once (idempotent)', async () => {
      const other = (
        await ok<{ data: InspectionRecord[] }>('office', 'GET', `/supervision/inspections?planId=${plan.id}&status=assigned`)
      ).data[0]!;
      await ok('office', 'POST', `/supervision/inspections/${other.id}/record`, {
        inspectedOn: today(),
        findings: '未发现问题',
        result: 'noProblem',
      });
      clock.advanceDays(40);
      const overdue = await ok<{ id: string; flaggedAt: string | null }[]>('office', 'GET', '/supervision/overdue');
      expect(overdue.map((o) => o.id)).toContain(other.id);
      const job = supervisionModule.jobs!.find((j) => j.name === 'supervision.overdue.flag')!;
      const deps = { database: t.database, config: t.config, clock };
      const first = (await job.run(deps, {})) as { inspections: number };
      expect(first.inspections).toBeGreaterThanOrEqual(1);
      expect(await job.run(deps, {})).toEqual({ inspections: 0, productChecks: 0, objectionDecisions: 0 });
      // The officer who ran the plan is told once, however often the job runs.
      const notes = await ok<{ data: { kind: string; title: { zh: string } }[] }>('office', 'GET', '/notifications?pageSize=100');
      expect(notes.data.filter((n) => n.kind === 'supervision.overdue' && n.title.zh.includes(other.code))).toHaveLength(1);
      const after = await ok<{ id: string; flaggedAt: string | null }[]>('office', 'GET', '/supervision/overdue');
      expect(after.find((o) => o.id === other.id)!.flaggedAt).toBeTruthy();
      await ok('office', 'POST', `/supervision/inspections/${other.id}/publish`);
      expect((await ok<{ id: string }[]>('office', 'GET', '/supervision/overdue')).map((o) => o.id)).not.toContain(other.id);
    });
  });

  describe('product spot checks', () => {
    const sample = (overrides: Record<string, unknown> = {}) => ({
      enterpriseId: flagshipId,
      product: '尼龙66切片',
      batch: 'B20261101',
      quantity: '500 kg',
      testSampleQty: 2,
      reserveSampleQty: 2,
      samplers: ['李明', '王芳'],
      sampledOn: today(),
      fromGoodsForSale: true,
      freeOfCharge: true,
      labName: '平顶山市质量技术监督检验测试中心',
      ...overrides,
    });
    const failedAndNotified = async () => {
      const c = await ok<ProductCheck>('office', 'POST', '/supervision/product-checks', sample(), 201);
      await ok('office', 'POST', `/supervision/product-checks/${c.id}/results`, {
        testedOn: today(),
        results: testResults(false),
      });
      return ok<ProductCheck>('office', 'POST', `/supervision/product-checks/${c.id}/notify`, { receivedOn: today() });
    };

    it('needs two samplers, a reserve sample, goods for sale and no cost', async () => {
      const bad = await fails(
        'office',
        'POST',
        '/supervision/product-checks',
        sample({ samplers: ['李明'], reserveSampleQty: 0, freeOfCharge: false }),
        400,
      );
      expect(bad.error.details.map((d: { message: string }) => d.message)).toEqual(
        expect.arrayContaining(
          ['supervision.samplers.tooFew', 'supervision.sample.reserveRequired', 'supervision.sample.freeOfCharge'].map((k) =>
            translate(k, 'zh-CN'),
          ),
        ),
      );
      await fails('enterprise', 'POST', '/supervision/product-checks', sample(), 403);
    });

    it('a failed check: objection inside the window accepted, re-test by a different lab, once', async () => {
      let c = await failedAndNotified();
      expect(c).toMatchObject({ status: 'notified', conclusion: 'fail', objectionDeadline: addDays(today(), 15) });
      await fails('firm2', 'POST', `/supervision/product-checks/${c.id}/objection`, { reason: 'x' }, 404);
      await fails(
        'office',
        'POST',
        `/supervision/product-checks/${c.id}/close`,
        undefined,
        422,
        'supervision.objection.windowOpen',
      );
      clock.advanceDays(15);
      c = await ok<ProductCheck>('enterprise', 'POST', `/supervision/product-checks/${c.id}/objection`, {
        reason: '检验方法与标准不符',
      });
      expect(c.status).toBe('objected');
      expect(c.objection!.decisionDueOn > today()).toBe(true);
      await fails('enterprise', 'POST', `/supervision/product-checks/${c.id}/objection`, { reason: 'again' }, 409);
      c = await ok<ProductCheck>('office', 'POST', `/supervision/product-checks/${c.id}/decision`, {
        accept: true,
        note: '同意复检',
      });
      expect(c.status).toBe('retesting');
      await fails(
        'office',
        'POST',
        `/supervision/product-checks/${c.id}/retest`,
        { labName: ' 平顶山市质量技术监督检验测试中心', testedOn: today(), results: testResults(true) },
        422,
        'supervision.retest.sameLab',
      );
      c = await ok<ProductCheck>('office', 'POST', `/supervision/product-checks/${c.id}/retest`, {
        labName: '河南省产品质量检验技术研究院',
        testedOn: today(),
        results: testResults(false),
      });
      expect(c).toMatchObject({ status: 'closed', finalConclusion: 'fail' });
      expect(c.availableTransitions).toEqual([]);
      const r = await ok<Rectification>(
        'office',
        'POST',
        `/supervision/product-checks/${c.id}/rectification`,
        { orderedOn: today(), correctBy: addDays(today(), 30) },
        201,
      );
      expect(r).toMatchObject({ sourceType: 'productCheck', status: 'ordered' });
      await ok('office', 'POST', `/supervision/product-checks/${c.id}/publish`);
      const pub = await ok<{ data: { id: string; result: string }[] }>(
        null,
        'GET',
        '/public/supervision/results?kind=productCheck',
      );
      expect(pub.data[0]).toMatchObject({ id: c.id, result: 'fail' });
    });

    it('refuses an objection filed after the 15 days', async () => {
      const c = await failedAndNotified();
      clock.advanceDays(16);
      await fails(
        'enterprise',
        'POST',
        `/supervision/product-checks/${c.id}/objection`,
        { reason: '迟到的异议' },
        422,
        'supervision.objection.late',
      );
      const closed = await ok<ProductCheck>('office', 'POST', `/supervision/product-checks/${c.id}/close`);
      expect(closed).toMatchObject({ status: 'closed', finalConclusion: 'fail', objection: null });
    });

    it('refuses results dated after today, and lets the office correct wrong results with the old ones kept', async () => {
      const c = await ok<ProductCheck>('office', 'POST', '/supervision/product-checks', sample(), 201);
      const url = `/supervision/product-checks/${c.id}`;
      const future = await fails(
        'office',
        'POST',
        `${url}/results`,
        { testedOn: addDays(today(), 3), results: testResults(true) },
        422,
        'date.future',
      );
      expect(future.error.details).toEqual([{ path: 'testedOn', message: translate('date.future', 'zh-CN') }]);
      await fails('office', 'POST', `${url}/notify`, { receivedOn: addDays(today(), 1) }, 409);

      // A check recorded before the rule (a future date in the row): the office can still put it right.
      await ok('office', 'POST', `${url}/results`, { testedOn: today(), results: testResults(true) });
      await t.database.query('update supervision_product_checks set tested_on = $1 where id = $2', [addDays(today(), 5), c.id]);
      await fails('office', 'POST', `${url}/notify`, { receivedOn: today() }, 422, 'date.invalid');

      const correction = { testedOn: today(), results: testResults(false), reason: '检验日期录错，断裂强度实测值录错' };
      await fails('enterprise', 'POST', `${url}/correction`, correction, 403);
      await fails('office', 'POST', `${url}/correction`, { ...correction, reason: '' }, 400);
      await fails('office', 'POST', `${url}/correction`, { ...correction, testedOn: addDays(today(), 1) }, 422, 'date.future');
      let fixed = await ok<ProductCheck>('office', 'POST', `${url}/correction`, correction);
      expect(fixed).toMatchObject({ status: 'tested', testedOn: today(), conclusion: 'fail' });
      expect(fixed.corrections).toEqual([
        {
          at: expect.any(String),
          actorName: 'office',
          reason: correction.reason,
          before: { testedOn: addDays(today(), 5), results: testResults(true), conclusion: 'pass', receivedOn: null },
          after: { testedOn: today(), results: testResults(false), conclusion: 'fail', receivedOn: null },
        },
      ]);

      // After the notice, a correction sends the check back to be notified again with the new result.
      fixed = await ok<ProductCheck>('office', 'POST', `${url}/notify`, { receivedOn: today() });
      expect(fixed).toMatchObject({ status: 'notified', objectionDeadline: addDays(today(), 15) });
      fixed = await ok<ProductCheck>('office', 'POST', `${url}/correction`, { ...correction, results: testResults(true) });
      expect(fixed).toMatchObject({ status: 'tested', conclusion: 'pass', receivedOn: null, objectionDeadline: null });
      expect(fixed.corrections.map((x) => [x.before.conclusion, x.before.receivedOn, x.after.conclusion])).toEqual([
        ['pass', null, 'fail'],
        ['fail', today(), 'pass'],
      ]);
      await ok<ProductCheck>('office', 'POST', `${url}/notify`, { receivedOn: today() });
      fixed = await ok<ProductCheck>('office', 'POST', `${url}/close`);
      expect(fixed).toMatchObject({ status: 'closed', finalConclusion: 'pass' });
      await fails('office', 'POST', `${url}/correction`, correction, 409);

      const audit = await ok<{ data: { action: string; targetId: string; detail: Record<string, unknown> }[] }>(
        'auditor',
        'GET',
        '/audit?action=supervision.productCheck.correctResults&pageSize=100',
      );
      const rows = audit.data.filter((r) => r.targetId === c.id);
      expect(rows).toHaveLength(2);
      expect(rows.map((r) => (r.detail.before as { testedOn: string }).testedOn).sort()).toEqual(
        [addDays(today(), 5), today()].sort(),
      );
    });

    it('refuses sampling and notice dates after today on their field', async () => {
      const bad = await fails('office', 'POST', '/supervision/product-checks', sample({ sampledOn: addDays(today(), 1) }), 422);
      expect(bad.error.details).toEqual([{ path: 'sampledOn', message: translate('date.future', 'zh-CN') }]);
      const c = await ok<ProductCheck>('office', 'POST', '/supervision/product-checks', sample(), 201);
      await ok('office', 'POST', `/supervision/product-checks/${c.id}/results`, {
        testedOn: today(),
        results: testResults(true),
      });
      const late = await fails(
        'office',
        'POST',
        `/supervision/product-checks/${c.id}/notify`,
        { receivedOn: addDays(today(), 1) },
        422,
      );
      expect(late.error.details).toEqual([{ path: 'receivedOn', message: translate('date.future', 'zh-CN') }]);
    });

    it('lets the firm see only its own checks', async () => {
      const own = await ok<{ data: ProductCheck[] }>('enterprise', 'GET', '/supervision/product-checks');
      expect(own.data.length).toBeGreaterThanOrEqual(2);
      expect((await ok<{ data: ProductCheck[] }>('firm2', 'GET', '/supervision/product-checks')).data).toEqual([]);
    });
  });

  describe('risk monitoring', () => {
    it('grades a signal and turns it into a targeted plan; a low grade is refused; there is no re-test', async () => {
      const body = {
        product: '尼龙',
        hazard: '邻苯二甲酸酯迁移量超标',
        source: 'monitoringTest',
        description: '市级风险监测发现',
        reportedOn: today(),
      };
      await fails('enterprise', 'POST', '/supervision/signals', body, 403);
      const ahead = await fails('office', 'POST', '/supervision/signals', { ...body, reportedOn: addDays(today(), 1) }, 422);
      expect(ahead.error.details).toEqual([{ path: 'reportedOn', message: translate('date.future', 'zh-CN') }]);
      let signal = await ok<{ id: string; status: string; grade: string | null; planId: string | null }>(
        'office',
        'POST',
        '/supervision/signals',
        body,
        201,
      );
      signal = await ok('office', 'POST', `/supervision/signals/${signal.id}/grade`, { severity: 1, likelihood: 2 });
      expect(signal.grade).toBe('low');
      await fails(
        'office',
        'POST',
        `/supervision/signals/${signal.id}/plan`,
        planBody({ name: '尼龙制品专项' }),
        422,
        'supervision.signal.gradeTooLow',
      );
      signal = await ok('office', 'POST', `/supervision/signals/${signal.id}/grade`, { severity: 3, likelihood: 3 });
      expect(signal.grade).toBe('high');
      signal = await ok(
        'office',
        'POST',
        `/supervision/signals/${signal.id}/plan`,
        planBody({ name: '尼龙制品专项', filters: { riskClasses: [], industrySections: [], flags: [] } }),
      );
      expect(signal.status).toBe('planned');
      const targeted = await ok<SpotCheckPlan>('office', 'GET', `/supervision/plans/${signal.planId}`);
      expect(targeted).toMatchObject({ kind: 'targeted', signalId: signal.id, filters: { productKeyword: '尼龙' } });
      await fails('office', 'POST', `/supervision/signals/${signal.id}/retest`, {}, 404);
    });
  });

  describe('audit', () => {
    it('audits every step of the draw', async () => {
      const res = await ok<{ data: { action: string; targetId: string }[] }>(
        'auditor',
        'GET',
        '/audit?action=supervision.plan&pageSize=100',
      );
      void res;
      const actions = new Set<string>();
      for (const action of [
        'supervision.plan.commit',
        'supervision.plan.seed',
        'supervision.plan.drawTargets',
        'supervision.plan.drawInspectors',
      ]) {
        const rows = await ok<{ data: { action: string; targetId: string }[] }>('auditor', 'GET', `/audit?action=${action}`);
        if (rows.data.some((r) => r.targetId === plan.id)) actions.add(action);
      }
      expect(actions.size).toBe(4);
    });
  });
});
