import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUsers,
  enterpriseBody,
  freshCreditCode,
  loginAll,
  upload,
  xlsxOf,
  ENTERPRISE_HEADERS_ZH,
  enterpriseRow,
} from '../../testing/fixtures.js';
import { POSTGRES_MISSING, TEST_DB, call, createTestApp, type Session, type TestApp } from '../../testing/test-app.js';

const API = '/api/v1';
const SEEDED_ENTERPRISES = 30;
const USERS = [
  'office',
  'dept',
  'auditor',
  'security',
  'admin',
  'enterprise',
  'institution',
  'expert',
  'leader',
  'xinhua', // office role in 新华区 410402: another county of the same city
  'city', // office role in 平顶山市 410400: sees every county below it
  'cityadmin', // sysadmin of 410400
  'cityauditor', // auditor of 410400
] as const;
type Who = (typeof USERS)[number];
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface Org {
  id: string;
  name: string;
  creditCode: string | null;
  regionCode: string;
  status: string;
  industrySection: string | null;
  size: string | null;
}

const MASKED_PHONE = /^\d{3}\*{4}\d{4}$/;

const departmentBody = (overrides: Record<string, unknown> = {}) => ({
  name: '高新区测试局',
  shortName: '测试局',
  regionCode: '410471',
  ...overrides,
});
const institutionBody = (overrides: Record<string, unknown> = {}) => ({
  name: '平顶山测试认证中心',
  creditCode: freshCreditCode(),
  regionCode: '410471',
  nqiCategories: ['testing', 'certification'],
  ...overrides,
});
const expertBody = (overrides: Record<string, unknown> = {}) => ({
  name: '测试专家',
  regionCode: '410471',
  title: 'senior',
  specialties: ['标准化', '计量'],
  industrySections: ['C'],
  affiliationName: '平顶山学院',
  phone: '13912345678',
  ...overrides,
});
const contactBody = (overrides: Record<string, unknown> = {}) => ({
  name: '张经理',
  position: '质量部经理',
  phone: '13812345678',
  ...overrides,
});

describe.skipIf(POSTGRES_MISSING)(`registry API on ${TEST_DB}`, () => {
  let t: TestApp;
  let s: Record<Who, Session>;
  /** The enterprise user's own organization (神马尼龙). */
  let flagshipId: string;
  let otherEnterpriseId: string;
  let otherContactId: string;
  let departmentId: string;
  let institutionId: string;
  let expertId: string;
  let ownExpertId: string;
  // rows of 新华区 410402, made by its own office user
  let outsideEnterpriseId: string;
  let outsideEnterpriseCode: string;
  let outsideContactId: string;
  let outsideDepartmentId: string;
  let outsideInstitutionId: string;
  let outsideExpertId: string;

  const req = (who: Who, method: Method, url: string, body?: unknown, headers?: Record<string, string>) =>
    call(t.app, s[who], method, `${API}${url}`, body, headers);
  const ok = async <T = unknown>(
    who: Who,
    method: Method,
    url: string,
    body?: unknown,
    status = method === 'POST' ? 201 : 200,
  ): Promise<T> => {
    const res = await req(who, method, url, body);
    if (res.statusCode !== status) throw new Error(`${who} ${method} ${url}: ${res.statusCode} ${res.body}`);
    return (res.body ? res.json() : undefined) as T;
  };
  const auditOf = async (action: string, auditor: Who = 'auditor') =>
    (
      await ok<{
        data: {
          action: string;
          targetId: string | null;
          actorName: string;
          detail: Record<string, unknown> | null;
          regionCode: string;
        }[];
      }>(auditor, 'GET', `/audit?action=${encodeURIComponent(action)}&pageSize=200`)
    ).data;

  beforeAll(async () => {
    t = await createTestApp({ enterprises: SEEDED_ENTERPRISES });
    await addUsers(t, '410402', [{ username: 'xinhua', roles: ['office'] }]);
    await addUsers(t, '410400', [
      { username: 'city', roles: ['office'] },
      { username: 'cityadmin', roles: ['sysadmin'] },
      { username: 'cityauditor', roles: ['auditor'] },
    ]);
    s = await loginAll(t.app, USERS);

    const meOf = async (who: Who) => (await ok<{ user: { organizationId: string } }>(who, 'GET', '/auth/me')).user;
    flagshipId = (await meOf('enterprise')).organizationId;
    departmentId = (await meOf('dept')).organizationId;
    institutionId = (await meOf('institution')).organizationId;
    const enterprises = await ok<{ data: Org[] }>('office', 'GET', '/enterprises?pageSize=200');
    otherEnterpriseId = enterprises.data.find((e) => e.id !== flagshipId)!.id;
    otherContactId = (await ok<{ id: string }[]>('office', 'GET', `/organizations/${otherEnterpriseId}/contacts`))[0]!.id;
    ownExpertId = (await ok<{ data: { id: string }[] }>('expert', 'GET', '/experts')).data[0]!.id;
    expertId = (await ok<{ data: { id: string }[] }>('office', 'GET', '/experts?pageSize=50')).data.find(
      (e) => e.id !== ownExpertId,
    )!.id;

    const outside = await ok<Org>(
      'xinhua',
      'POST',
      '/enterprises',
      enterpriseBody({ regionCode: '410402', creditCode: freshCreditCode('410402') }),
    );
    outsideEnterpriseId = outside.id;
    outsideEnterpriseCode = outside.creditCode!;
    outsideContactId = (
      await ok<{ id: string }>('xinhua', 'POST', `/organizations/${outside.id}/contacts`, contactBody({ phone: '13700001111' }))
    ).id;
    outsideDepartmentId = (
      await ok<Org>('xinhua', 'POST', '/departments', departmentBody({ name: '新华区市场监管局', regionCode: '410402' }))
    ).id;
    outsideInstitutionId = (
      await ok<Org>(
        'xinhua',
        'POST',
        '/institutions',
        institutionBody({ regionCode: '410402', creditCode: freshCreditCode('410402') }),
      )
    ).id;
    outsideExpertId = (
      await ok<{ id: string }>('xinhua', 'POST', '/experts', expertBody({ name: '新华专家', regionCode: '410402' }))
    ).id;
  });
  afterAll(() => t?.close());

  describe('authorization: a role without the permission gets 403', () => {
    const expectDenied = async (cases: [Who, Method, string, unknown?][]) => {
      for (const [who, method, url, body] of cases) {
        const res = await req(who, method, url, body);
        expect(res.statusCode, `${who} ${method} ${url}: ${res.body}`).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
      }
    };

    it('denies reads to the security and audit administrators', async () => {
      const reads = [
        '/enterprises',
        `/enterprises/${flagshipId}`,
        '/departments',
        `/departments/${departmentId}`,
        '/institutions',
        `/institutions/${institutionId}`,
        '/experts',
        `/experts/${expertId}`,
        `/organizations/${otherEnterpriseId}/contacts`,
        '/regions',
        '/regions/tree',
        '/registry/summary',
        '/enterprises/export',
      ];
      await expectDenied(
        reads.flatMap((url) => (['auditor', 'security'] as const).map((who): [Who, Method, string] => [who, 'GET', url])),
      );
    });

    it('denies organization and expert writes to department officers, leaders and the system administrator', async () => {
      for (const who of ['dept', 'leader', 'admin'] as const) {
        await expectDenied([
          [who, 'POST', '/enterprises', enterpriseBody()],
          [who, 'PUT', `/enterprises/${otherEnterpriseId}`, enterpriseBody()],
          [who, 'POST', '/departments', departmentBody()],
          [who, 'PUT', `/departments/${departmentId}`, departmentBody()],
          [who, 'POST', '/institutions', institutionBody()],
          [who, 'PUT', `/institutions/${institutionId}`, institutionBody()],
          [who, 'POST', '/experts', expertBody()],
          [who, 'PUT', `/experts/${expertId}`, expertBody()],
        ]);
      }
    });

    it('denies enterprise users writes to the registry, even of their own organization record', async () => {
      await expectDenied([
        ['enterprise', 'POST', '/enterprises', enterpriseBody()],
        ['enterprise', 'PUT', `/enterprises/${flagshipId}`, enterpriseBody()],
        ['institution', 'PUT', `/institutions/${institutionId}`, institutionBody()],
        ['expert', 'PUT', `/experts/${ownExpertId}`, expertBody()],
      ]);
    });

    it('denies contact writes to department officers and leaders, and reveals to all but the office', async () => {
      await expectDenied([
        ['dept', 'POST', `/organizations/${otherEnterpriseId}/contacts`, contactBody()],
        ['dept', 'PUT', `/contacts/${otherContactId}`, contactBody()],
        ['dept', 'DELETE', `/contacts/${otherContactId}`],
        ['leader', 'PUT', `/contacts/${otherContactId}`, contactBody()],
        ['dept', 'POST', `/contacts/${otherContactId}/reveal`],
        ['leader', 'POST', `/contacts/${otherContactId}/reveal`],
        ['admin', 'POST', `/contacts/${otherContactId}/reveal`],
        ['auditor', 'POST', `/contacts/${otherContactId}/reveal`],
      ]);
    });

    it('denies export to roles without registry.export and import to roles without registry.import', async () => {
      await expectDenied([
        ['enterprise', 'GET', '/enterprises/export'],
        ['leader', 'GET', '/enterprises/export'],
        ['auditor', 'GET', '/enterprises/export'],
      ]);
      const file = await xlsxOf(ENTERPRISE_HEADERS_ZH, [enterpriseRow()]);
      for (const who of ['dept', 'leader', 'enterprise', 'auditor'] as const) {
        const res = await upload(t.app, s[who], `${API}/enterprises/import`, 'enterprises.xlsx', file);
        expect(res.statusCode, who).toBe(403);
      }
    });

    it('lets only the system administrator create regions', async () => {
      await expectDenied([
        ['office', 'POST', '/regions', { code: '410472', name: '测试区' }],
        ['security', 'POST', '/regions', { code: '410472', name: '测试区' }],
      ]);
    });

    it('lets leaders and department officers read the region registry', async () => {
      for (const who of ['leader', 'dept'] as const) {
        expect((await req(who, 'GET', '/enterprises')).statusCode).toBe(200);
        expect((await req(who, 'GET', `/enterprises/${otherEnterpriseId}`)).statusCode).toBe(200);
        expect((await req(who, 'GET', `/organizations/${otherEnterpriseId}/contacts`)).statusCode).toBe(200);
        expect((await req(who, 'GET', '/registry/summary')).statusCode).toBe(200);
      }
      expect((await req('dept', 'GET', '/enterprises/export')).statusCode).toBe(200);
    });
  });

  describe('tenancy: rows of another region are missing (404), never listed', () => {
    it('answers 404 to a user of another county for every row of 410471 by id', async () => {
      const cases: [Method, string, unknown?][] = [
        ['GET', `/enterprises/${flagshipId}`],
        ['PUT', `/enterprises/${flagshipId}`, enterpriseBody({ regionCode: '410402', creditCode: freshCreditCode('410402') })],
        ['GET', `/departments/${departmentId}`],
        ['PUT', `/departments/${departmentId}`, departmentBody({ regionCode: '410402' })],
        ['GET', `/institutions/${institutionId}`],
        [
          'PUT',
          `/institutions/${institutionId}`,
          institutionBody({ regionCode: '410402', creditCode: freshCreditCode('410402') }),
        ],
        ['GET', `/experts/${expertId}`],
        ['PUT', `/experts/${expertId}`, expertBody({ regionCode: '410402' })],
        ['GET', `/organizations/${otherEnterpriseId}/contacts`],
        ['POST', `/organizations/${otherEnterpriseId}/contacts`, contactBody()],
        ['PUT', `/contacts/${otherContactId}`, contactBody()],
        ['DELETE', `/contacts/${otherContactId}`],
        ['POST', `/contacts/${otherContactId}/reveal`],
      ];
      for (const [method, url, body] of cases) {
        const res = await req('xinhua', method, url, body);
        expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(404);
        expect(res.json().error).toMatchObject({ code: 'not_found', message: '未找到' });
      }
      // Nothing was changed by those attempts.
      expect((await ok<Org>('office', 'GET', `/enterprises/${flagshipId}`)).name).toBe('平顶山神马尼龙新材料有限公司');
      expect((await ok<unknown[]>('office', 'GET', `/organizations/${otherEnterpriseId}/contacts`)).length).toBe(1);
    });

    it('answers 404 the other way round: 410471 users do not reach 410402 rows', async () => {
      const cases: [Who, Method, string, unknown?][] = [
        ['office', 'GET', `/enterprises/${outsideEnterpriseId}`],
        ['office', 'PUT', `/enterprises/${outsideEnterpriseId}`, enterpriseBody()],
        ['dept', 'GET', `/enterprises/${outsideEnterpriseId}`],
        ['leader', 'GET', `/departments/${outsideDepartmentId}`],
        ['office', 'GET', `/institutions/${outsideInstitutionId}`],
        ['office', 'GET', `/experts/${outsideExpertId}`],
        ['office', 'PUT', `/experts/${outsideExpertId}`, expertBody()],
        ['office', 'GET', `/organizations/${outsideEnterpriseId}/contacts`],
        ['office', 'POST', `/contacts/${outsideContactId}/reveal`],
        ['office', 'DELETE', `/contacts/${outsideContactId}`],
      ];
      for (const [who, method, url, body] of cases) {
        expect((await req(who, method, url, body)).statusCode, `${who} ${method} ${url}`).toBe(404);
      }
    });

    it('keeps each county to its own rows in lists, while the city sees both', async () => {
      const office = await ok<{ data: Org[]; total: number }>('office', 'GET', '/enterprises?pageSize=200');
      expect(office.data.every((e) => e.regionCode === '410471')).toBe(true);
      expect(office.data.some((e) => e.id === outsideEnterpriseId)).toBe(false);
      expect((await ok<{ total: number }>('office', 'GET', `/enterprises?keyword=${outsideEnterpriseCode}`)).total).toBe(0);

      const xinhua = await ok<{ data: Org[]; total: number }>('xinhua', 'GET', '/enterprises?pageSize=200');
      expect(xinhua.total).toBe(1);
      expect(xinhua.data.map((e) => e.id)).toEqual([outsideEnterpriseId]);
      expect((await ok<{ data: Org[] }>('xinhua', 'GET', '/departments?pageSize=200')).data.map((d) => d.id)).toEqual([
        outsideDepartmentId,
      ]);
      expect((await ok<{ data: Org[] }>('xinhua', 'GET', '/institutions')).data.map((d) => d.id)).toEqual([outsideInstitutionId]);
      expect((await ok<{ data: { id: string }[] }>('xinhua', 'GET', '/experts')).data.map((d) => d.id)).toEqual([
        outsideExpertId,
      ]);

      const city = await ok<{ total: number }>('city', 'GET', '/enterprises?pageSize=1');
      expect(city.total).toBe(office.total + 1);
      expect((await ok<{ total: number }>('city', 'GET', `/enterprises?keyword=${outsideEnterpriseCode}`)).total).toBe(1);
      expect((await req('city', 'GET', `/enterprises/${flagshipId}`)).statusCode).toBe(200);
      expect((await req('city', 'GET', `/enterprises/${outsideEnterpriseId}`)).statusCode).toBe(200);
      // A region filter narrows inside the caller's scope but never widens it.
      const cityOnXinhua = await ok<{ data: Org[] }>('city', 'GET', '/enterprises?regionCode=410402&pageSize=200');
      expect(cityOnXinhua.data.map((e) => e.id)).toEqual([outsideEnterpriseId]);
      expect((await ok<{ total: number }>('office', 'GET', '/enterprises?regionCode=410402')).total).toBe(0);
    });

    it('shows an enterprise user only its own organization', async () => {
      const list = await ok<{ data: Org[]; total: number }>('enterprise', 'GET', '/enterprises?pageSize=200');
      expect(list.total).toBe(1);
      expect(list.data.map((e) => e.id)).toEqual([flagshipId]);
      expect((await req('enterprise', 'GET', `/enterprises/${flagshipId}`)).statusCode).toBe(200);
      expect((await req('enterprise', 'GET', `/enterprises/${otherEnterpriseId}`)).statusCode).toBe(404);
      expect((await req('enterprise', 'GET', `/enterprises/${outsideEnterpriseId}`)).statusCode).toBe(404);
      expect((await ok<{ total: number }>('enterprise', 'GET', '/departments')).total).toBe(0);
      expect((await req('enterprise', 'GET', `/departments/${departmentId}`)).statusCode).toBe(404);
      expect((await req('enterprise', 'GET', `/organizations/${otherEnterpriseId}/contacts`)).statusCode).toBe(404);
      expect((await req('enterprise', 'GET', `/organizations/${flagshipId}/contacts`)).statusCode).toBe(200);
      expect((await ok<{ total: number }>('institution', 'GET', '/institutions')).total).toBe(1);
      expect((await req('institution', 'GET', `/enterprises/${flagshipId}`)).statusCode).toBe(404);
    });

    it('shows an expert only their own expert record and no organizations', async () => {
      const experts = await ok<{ data: { id: string }[]; total: number }>('expert', 'GET', '/experts');
      expect(experts.total).toBe(1);
      expect(experts.data[0]!.id).toBe(ownExpertId);
      expect((await req('expert', 'GET', `/experts/${ownExpertId}`)).statusCode).toBe(200);
      expect((await req('expert', 'GET', `/experts/${expertId}`)).statusCode).toBe(404);
      expect((await ok<{ total: number }>('expert', 'GET', '/enterprises')).total).toBe(0);
      expect((await req('expert', 'GET', `/enterprises/${flagshipId}`)).statusCode).toBe(404);
    });

    it('answers 404 for an id of another kind or of no row, and 400 for a malformed id', async () => {
      expect((await req('office', 'GET', `/departments/${flagshipId}`)).statusCode).toBe(404);
      expect((await req('office', 'GET', `/enterprises/${departmentId}`)).statusCode).toBe(404);
      expect((await req('office', 'PUT', `/institutions/${flagshipId}`, institutionBody())).statusCode).toBe(404);
      expect((await req('office', 'GET', '/enterprises/0190a000-0000-7000-8000-000000000000')).statusCode).toBe(404);
      expect((await req('office', 'GET', '/experts/0190a000-0000-7000-8000-000000000000')).statusCode).toBe(404);
      expect((await req('office', 'POST', '/contacts/0190a000-0000-7000-8000-000000000000/reveal')).statusCode).toBe(404);
      const bad = await req('office', 'GET', '/enterprises/not-a-uuid');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0].path).toBe('id');
    });
  });

  describe('enterprises', () => {
    it('creates a valid enterprise (201), normalizing the credit code, and finds it by name part and code prefix', async () => {
      const code = freshCreditCode();
      const body = enterpriseBody({ name: '平顶山鹰城新材料测试有限公司', creditCode: ` ${code.toLowerCase()} ` });
      const res = await req('office', 'POST', '/enterprises', body);
      expect(res.statusCode).toBe(201);
      const created = res.json() as Org & { regionName: string; foundedOn: string; kind: string };
      expect(created).toMatchObject({
        kind: 'enterprise',
        creditCode: code,
        regionCode: '410471',
        regionName: '平顶山高新技术产业开发区',
        status: 'active',
        industrySection: 'C',
        foundedOn: '2010-05-20',
      });
      const byName = await ok<{ data: Org[]; total: number }>(
        'office',
        'GET',
        `/enterprises?keyword=${encodeURIComponent('鹰城新材料测试')}`,
      );
      expect(byName.data.map((e) => e.id)).toEqual([created.id]);
      // Two-character words (served by the bigram index), any letter case, and pieces that are
      // in the name but apart from each other do not count as the word.
      const twoCharacters = await ok<{ data: Org[] }>(
        'office',
        'GET',
        `/enterprises?keyword=${encodeURIComponent('鹰城')}&pageSize=200`,
      );
      expect(twoCharacters.data.map((e) => e.id)).toContain(created.id);
      expect(twoCharacters.data.every((e) => e.name.includes('鹰城'))).toBe(true);
      expect(
        (await ok<{ data: Org[] }>('office', 'GET', `/enterprises?keyword=${encodeURIComponent('鹰材')}`)).data.map((e) => e.id),
      ).not.toContain(created.id);
      expect(
        (await ok<{ data: Org[] }>('office', 'GET', `/enterprises?keyword=${encodeURIComponent('测')}&pageSize=200`)).data.map(
          (e) => e.id,
        ),
      ).toContain(created.id);
      const byCode = await ok<{ data: Org[]; total: number }>(
        'office',
        'GET',
        `/enterprises?keyword=${code.slice(0, 14).toLowerCase()}`,
      );
      expect(byCode.data.map((e) => e.id)).toEqual([created.id]);
      // The code is a prefix search: a middle part does not match.
      expect((await ok<{ total: number }>('office', 'GET', `/enterprises?keyword=${code.slice(4, 16)}`)).total).toBe(0);
      expect((await ok<Org>('office', 'GET', `/enterprises/${created.id}`)).name).toBe('平顶山鹰城新材料测试有限公司');
      const audit = await auditOf('registry.enterprise.create');
      expect(audit.find((a) => a.targetId === created.id)).toMatchObject({
        actorName: 'office',
        regionCode: '410471',
        detail: { creditCode: code },
      });
    });

    it('refuses a wrong check character with 400 on creditCode, in Chinese and in English', async () => {
      const body = enterpriseBody({ creditCode: '914403001922038217' });
      const zh = await req('office', 'POST', '/enterprises', body);
      expect(zh.statusCode).toBe(400);
      expect(zh.json().error.code).toBe('validation_failed');
      expect(zh.json().error.details).toEqual([{ path: 'creditCode', message: '统一社会信用代码校验位错误' }]);
      const en = await req('office', 'POST', '/enterprises', body, { 'accept-language': 'en-US,en;q=0.9' });
      expect(en.statusCode).toBe(400);
      expect(en.json().error.message).toBe('Malformed request');
      expect(en.json().error.details).toEqual([{ path: 'creditCode', message: 'The credit code check character is wrong' }]);
    });

    it('names each invalid field of a bad body', async () => {
      const res = await req(
        'office',
        'POST',
        '/enterprises',
        enterpriseBody({ name: '', industryCode: '6513', foundedOn: '2023-02-30', size: 'huge' }),
      );
      expect(res.statusCode).toBe(400);
      const details = res.json().error.details as { path: string; message: string }[];
      expect(details).toEqual(
        expect.arrayContaining([
          { path: 'name', message: '必填项' },
          { path: 'foundedOn', message: '日期无效，应为 YYYY-MM-DD' },
          { path: 'size', message: '不是允许的选项' },
        ]),
      );
    });

    it('refuses a credit code already registered (409), also when a department holds it', async () => {
      const body = enterpriseBody();
      expect((await req('office', 'POST', '/enterprises', body)).statusCode).toBe(201);
      const again = await req('office', 'POST', '/enterprises', enterpriseBody({ creditCode: body.creditCode }));
      expect(again.statusCode).toBe(409);
      expect(again.json().error).toMatchObject({
        code: 'conflict',
        details: [{ path: 'creditCode', message: '该统一社会信用代码已登记' }],
      });
      const dept = await ok<Org>('office', 'GET', `/departments/${departmentId}`);
      expect((await req('office', 'POST', '/enterprises', enterpriseBody({ creditCode: dept.creditCode }))).statusCode).toBe(409);
      // Another region's enterprise holds a code too: the code is unique nationally.
      expect(
        (await req('office', 'POST', '/enterprises', enterpriseBody({ creditCode: outsideEnterpriseCode }))).statusCode,
      ).toBe(409);
    });

    it('refuses a region outside the caller scope (422) and an unknown region inside it (422)', async () => {
      const outside = await req('office', 'POST', '/enterprises', enterpriseBody({ regionCode: '410402' }));
      expect(outside.statusCode).toBe(422);
      expect(outside.json().error).toMatchObject({
        code: 'rule_violated',
        details: [{ path: 'regionCode', message: '不能在您的管辖区域之外创建数据' }],
      });
      const unknown = await req('city', 'POST', '/enterprises', enterpriseBody({ regionCode: '410499' }));
      expect(unknown.statusCode).toBe(422);
      expect(unknown.json().error.details).toEqual([{ path: 'regionCode', message: '未知的行政区划代码' }]);
      const malformed = await req('office', 'POST', '/enterprises', enterpriseBody({ regionCode: '4104' }));
      expect(malformed.statusCode).toBe(400);
    });

    it('updates an enterprise and audits exactly what changed', async () => {
      const created = await ok<Org & { address: string }>('office', 'POST', '/enterprises', enterpriseBody({ size: 'small' }));
      const body = enterpriseBody({
        name: `${created.name}（更名）`,
        creditCode: created.creditCode,
        size: 'large',
        address: created.address,
      });
      const res = await req('office', 'PUT', `/enterprises/${created.id}`, body);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: created.id, name: body.name, size: 'large', creditCode: created.creditCode });
      expect((await ok<Org>('office', 'GET', `/enterprises/${created.id}`)).size).toBe('large');
      const audit = (await auditOf('registry.enterprise.update')).find((a) => a.targetId === created.id);
      expect(audit).toBeDefined();
      expect(audit!.actorName).toBe('office');
      expect(audit!.detail).toEqual({
        changed: {
          name: { from: created.name, to: body.name },
          size: { from: 'small', to: 'large' },
        },
      });
    });

    it('refuses an update to a taken credit code (409) or into another county (422)', async () => {
      const a = await ok<Org>('office', 'POST', '/enterprises', enterpriseBody());
      const b = await ok<Org>('office', 'POST', '/enterprises', enterpriseBody());
      const taken = await req(
        'office',
        'PUT',
        `/enterprises/${b.id}`,
        enterpriseBody({ name: b.name, creditCode: a.creditCode }),
      );
      expect(taken.statusCode).toBe(409);
      const moved = await req(
        'office',
        'PUT',
        `/enterprises/${b.id}`,
        enterpriseBody({ name: b.name, creditCode: b.creditCode, regionCode: '410402' }),
      );
      expect(moved.statusCode).toBe(422);
      expect((await ok<Org>('office', 'GET', `/enterprises/${b.id}`)).creditCode).toBe(b.creditCode);
    });
  });

  describe('list contract', () => {
    type Page = { data: Org[]; total: number; current: number; pageSize: number };

    it('pages with current and pageSize and reports the total', async () => {
      const first = await ok<Page>('office', 'GET', '/enterprises');
      expect(first).toMatchObject({ current: 1, pageSize: 20 });
      expect(first.data).toHaveLength(20);
      expect(first.total).toBeGreaterThanOrEqual(SEEDED_ENTERPRISES);
      const all = await ok<Page>('office', 'GET', '/enterprises?sort=name&pageSize=200');
      expect(all.data).toHaveLength(all.total);
      const page3 = await ok<Page>('office', 'GET', '/enterprises?sort=name&pageSize=7&current=3');
      expect(page3).toMatchObject({ current: 3, pageSize: 7, total: all.total });
      expect(page3.data.map((e) => e.id)).toEqual(all.data.slice(14, 21).map((e) => e.id));
      const beyond = await ok<Page>('office', 'GET', '/enterprises?current=99&pageSize=200');
      expect(beyond.data).toEqual([]);
      expect(beyond.total).toBe(all.total);
    });

    it('sorts by name ascending and descending', async () => {
      const asc = (await ok<Page>('office', 'GET', '/enterprises?sort=name&pageSize=200')).data.map((e) => e.name);
      const desc = (await ok<Page>('office', 'GET', '/enterprises?sort=-name&pageSize=200')).data.map((e) => e.name);
      expect(asc.length).toBeGreaterThan(SEEDED_ENTERPRISES - 1);
      expect(desc).toEqual([...asc].reverse());
      expect(asc[0]).not.toBe(asc.at(-1));
      const codes = (await ok<Page>('office', 'GET', '/enterprises?sort=creditCode&pageSize=200')).data.map((e) => e.creditCode!);
      expect(codes).toEqual([...codes].sort());
    });

    it('falls back to the default order for a field that is not sortable', async () => {
      const res = await req('office', 'GET', '/enterprises?sort=passwordHash');
      expect(res.statusCode).toBe(200);
      expect((await ok<Page>('office', 'GET', '/enterprises')).data.map((e) => e.id)).toEqual(
        res.json().data.map((e: Org) => e.id),
      );
    });

    it('filters by status, industry section and size', async () => {
      const all = (await ok<Page>('office', 'GET', '/enterprises?pageSize=200')).data;
      const closed = await ok<Org>(
        'office',
        'POST',
        '/enterprises',
        enterpriseBody({ status: 'closed', industrySection: 'I', industryCode: '6513', size: 'micro' }),
      );
      const onlyClosed = await ok<Page>('office', 'GET', '/enterprises?status=closed&pageSize=200');
      expect(onlyClosed.data.map((e) => e.id)).toContain(closed.id);
      expect(onlyClosed.data.every((e) => e.status === 'closed')).toBe(true);

      const sectionI = await ok<Page>('office', 'GET', '/enterprises?industrySection=I&pageSize=200');
      expect(sectionI.total).toBe(all.filter((e) => e.industrySection === 'I').length + 1);
      expect(sectionI.data.every((e) => e.industrySection === 'I')).toBe(true);

      const large = await ok<Page>('office', 'GET', '/enterprises?size=large&pageSize=200');
      expect(large.total).toBe(all.filter((e) => e.size === 'large').length);
      expect(large.total).toBeGreaterThan(0);
      expect(large.data.every((e) => e.size === 'large')).toBe(true);

      const both = await ok<Page>('office', 'GET', '/enterprises?industrySection=I&size=micro&status=closed');
      expect(both.data.map((e) => e.id)).toEqual([closed.id]);
    });

    it('treats LIKE wildcards in the keyword as text', async () => {
      expect((await ok<Page>('office', 'GET', `/enterprises?keyword=${encodeURIComponent('%')}`)).total).toBe(0);
      expect((await ok<Page>('office', 'GET', '/enterprises?keyword=_')).total).toBe(0);
    });

    it('answers 400, never 500, to text the database cannot store (U+0000)', async () => {
      const nul = await req('office', 'GET', '/enterprises?keyword=%00');
      expect(nul.statusCode).toBe(400);
      // Ill-formed text is refused by the HTTP layer, naming the field (issue 11 item 5).
      expect(nul.json().error.code).toBe('validation_failed');
      expect(nul.json().error.details.map((d: { path: string }) => d.path)).toEqual(['keyword']);
      const before = (await ok<Page>('office', 'GET', '/departments?pageSize=1')).total;
      expect((await req('office', 'POST', '/departments', departmentBody({ name: '测试\u0000局' }))).statusCode).toBe(400);
      expect((await req('office', 'POST', '/enterprises', enterpriseBody({ address: '火炬路\u00001号' }))).statusCode).toBe(400);
      expect((await ok<Page>('office', 'GET', '/departments?pageSize=1')).total).toBe(before);
    });

    it('refuses pageSize over 200, current below 1, a malformed sort and an unknown section (400)', async () => {
      const big = await req('office', 'GET', '/enterprises?pageSize=201');
      expect(big.statusCode).toBe(400);
      expect(big.json().error.details).toEqual([{ path: 'pageSize', message: '数值过大' }]);
      expect((await req('office', 'GET', '/enterprises?current=0')).statusCode).toBe(400);
      expect((await req('office', 'GET', '/enterprises?pageSize=abc')).statusCode).toBe(400);
      expect((await req('office', 'GET', `/enterprises?sort=${encodeURIComponent('name desc')}`)).statusCode).toBe(400);
      expect((await req('office', 'GET', '/enterprises?industrySection=Z')).statusCode).toBe(400);
      expect((await req('office', 'GET', '/experts?pageSize=500')).statusCode).toBe(400);
    });
  });

  describe('departments and institutions', () => {
    it('lists the 14 leadership-group members and adds a department', async () => {
      const members = await ok<{ total: number; data: (Org & { leadershipRole: string })[] }>(
        'office',
        'GET',
        '/departments?inLeadershipGroup=true&pageSize=50',
      );
      expect(members.total).toBe(14);
      expect(members.data.filter((d) => d.leadershipRole === 'office')).toHaveLength(1);
      const created = await ok<Org & { inLeadershipGroup: boolean; leadershipRole: string | null }>(
        'office',
        'POST',
        '/departments',
        departmentBody({ inLeadershipGroup: true }),
      );
      expect(created).toMatchObject({
        kind: 'department',
        inLeadershipGroup: true,
        leadershipRole: 'member',
        industrySection: null,
      });
      expect((await ok<{ total: number }>('office', 'GET', '/departments?inLeadershipGroup=true&pageSize=50')).total).toBe(15);
      const updated = await ok<{ inLeadershipGroup: boolean; leadershipRole: string | null }>(
        'office',
        'PUT',
        `/departments/${created.id}`,
        departmentBody({ inLeadershipGroup: false, leadershipRole: 'member' }),
      );
      expect(updated).toMatchObject({ inLeadershipGroup: false, leadershipRole: null });
    });

    it('adds an institution and filters institutions by service category', async () => {
      const created = await ok<Org & { nqiCategories: string[] }>(
        'office',
        'POST',
        '/institutions',
        institutionBody({ nqiCategories: ['legal'] }),
      );
      expect(created.nqiCategories).toEqual(['legal']);
      const legal = await ok<{ data: Org[] }>('office', 'GET', '/institutions?nqiCategory=legal');
      expect(legal.data.map((i) => i.id)).toContain(created.id);
      const testing = await ok<{ data: (Org & { nqiCategories: string[] })[] }>(
        'office',
        'GET',
        '/institutions?nqiCategory=testing',
      );
      expect(testing.data.length).toBeGreaterThan(0);
      expect(testing.data.every((i) => i.nqiCategories.includes('testing'))).toBe(true);
      const none = await req('office', 'POST', '/institutions', institutionBody({ nqiCategories: [] }));
      expect(none.statusCode).toBe(400);
    });
  });

  describe('contacts', () => {
    it('masks every phone number in lists', async () => {
      const list = await ok<{ phone: string }[]>('office', 'GET', `/organizations/${otherEnterpriseId}/contacts`);
      expect(list.length).toBeGreaterThan(0);
      for (const c of list) expect(c.phone).toMatch(MASKED_PHONE);
    });

    it('adds a primary contact, masked in the answer and in the audit trail', async () => {
      const before = await ok<{ id: string; isPrimary: boolean }[]>('office', 'GET', `/organizations/${flagshipId}/contacts`);
      const created = await ok<{ id: string; phone: string; email: string; isPrimary: boolean }>(
        'office',
        'POST',
        `/organizations/${flagshipId}/contacts`,
        contactBody({ email: 'zhang@shenma.example', isPrimary: true }),
      );
      expect(created).toMatchObject({ phone: '138****5678', email: 'z***@shenma.example', isPrimary: true });
      const after = await ok<{ id: string; isPrimary: boolean; phone: string }[]>(
        'office',
        'GET',
        `/organizations/${flagshipId}/contacts`,
      );
      expect(after).toHaveLength(before.length + 1);
      expect(after.filter((c) => c.isPrimary).map((c) => c.id)).toEqual([created.id]);
      expect(after.every((c) => MASKED_PHONE.test(c.phone))).toBe(true);
      const audit = (await auditOf('registry.contact.create')).find((a) => a.targetId === created.id);
      expect(audit?.detail).toMatchObject({ phone: '138****5678' });
      expect(JSON.stringify(audit)).not.toContain('13812345678');
    });

    it('reveals the full number to the office and audits it; refuses department officers', async () => {
      const contact = await ok<{ id: string }>(
        'office',
        'POST',
        `/organizations/${otherEnterpriseId}/contacts`,
        contactBody({ phone: '13812345678' }),
      );
      const denied = await req('dept', 'POST', `/contacts/${contact.id}/reveal`);
      expect(denied.statusCode).toBe(403);
      expect(denied.json().error.message).toBe('没有执行此操作的权限');
      expect((await auditOf('registry.contact.reveal')).filter((a) => a.targetId === contact.id)).toEqual([]);

      const revealed = await req('office', 'POST', `/contacts/${contact.id}/reveal`);
      expect(revealed.statusCode).toBe(200);
      expect(revealed.json()).toEqual({ id: contact.id, phone: '13812345678' });
      const audit = (await auditOf('registry.contact.reveal')).filter((a) => a.targetId === contact.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        actorName: 'office',
        regionCode: '410471',
        detail: { organizationId: otherEnterpriseId, field: 'phone' },
      });
    });

    it('updates and withdraws a contact; a withdrawn contact is gone', async () => {
      const contact = await ok<{ id: string }>(
        'office',
        'POST',
        `/organizations/${otherEnterpriseId}/contacts`,
        contactBody({ name: '李四' }),
      );
      const updated = await ok<{ name: string; phone: string }>(
        'office',
        'PUT',
        `/contacts/${contact.id}`,
        contactBody({ name: '李四', phone: '13698765432' }),
      );
      expect(updated).toMatchObject({ name: '李四', phone: '136****5432' });
      expect((await ok<{ phone: string }>('office', 'POST', `/contacts/${contact.id}/reveal`, undefined, 200)).phone).toBe(
        '13698765432',
      );
      expect((await req('office', 'DELETE', `/contacts/${contact.id}`)).statusCode).toBe(204);
      const list = await ok<{ id: string }[]>('office', 'GET', `/organizations/${otherEnterpriseId}/contacts`);
      expect(list.map((c) => c.id)).not.toContain(contact.id);
      expect((await req('office', 'POST', `/contacts/${contact.id}/reveal`)).statusCode).toBe(404);
      expect((await req('office', 'PUT', `/contacts/${contact.id}`, contactBody())).statusCode).toBe(404);
      expect((await auditOf('registry.contact.remove')).some((a) => a.targetId === contact.id)).toBe(true);
    });

    it('keeps the stored phone and e-mail when an edit leaves them out (they travel masked)', async () => {
      const contact = await ok<{ id: string }>(
        'office',
        'POST',
        `/organizations/${otherEnterpriseId}/contacts`,
        contactBody({ name: '赵六', phone: '13511112222', email: 'zhao@example.cn' }),
      );
      const kept = await ok<{ phone: string; email: string | null; position: string | null }>(
        'office',
        'PUT',
        `/contacts/${contact.id}`,
        {
          name: '赵六',
          position: '总经理',
        },
      );
      expect(kept).toMatchObject({ phone: '135****2222', email: 'z***@example.cn', position: '总经理' });
      expect((await ok<{ phone: string }>('office', 'POST', `/contacts/${contact.id}/reveal`, undefined, 200)).phone).toBe(
        '13511112222',
      );
      const cleared = await ok<{ email: string | null }>('office', 'PUT', `/contacts/${contact.id}`, {
        name: '赵六',
        email: null,
      });
      expect(cleared.email).toBeNull();
      const changed = await ok<{ phone: string }>('office', 'PUT', `/contacts/${contact.id}`, {
        name: '赵六',
        phone: '13533334444',
      });
      expect(changed.phone).toBe('135****4444');
      const audit = (await auditOf('registry.contact.update')).filter((a) => a.targetId === contact.id);
      expect(audit.map((a) => a.detail?.phoneChanged)).toEqual([true, false, false]); // newest first
      expect(JSON.stringify(audit)).not.toContain('1353333');
    });

    it('lets an enterprise user keep its own contacts, and only its own', async () => {
      const own = await req(
        'enterprise',
        'POST',
        `/organizations/${flagshipId}/contacts`,
        contactBody({ name: '王五', phone: '15900001234' }),
      );
      expect(own.statusCode).toBe(201);
      expect(
        (await req('enterprise', 'PUT', `/contacts/${own.json().id}`, contactBody({ name: '王五', phone: '15900004321' })))
          .statusCode,
      ).toBe(200);
      expect((await req('enterprise', 'POST', `/contacts/${own.json().id}/reveal`)).statusCode).toBe(403);
      expect((await req('enterprise', 'POST', `/organizations/${otherEnterpriseId}/contacts`, contactBody())).statusCode).toBe(
        404,
      );
      expect((await req('enterprise', 'DELETE', `/contacts/${otherContactId}`)).statusCode).toBe(404);
      expect((await req('institution', 'POST', `/organizations/${flagshipId}/contacts`, contactBody())).statusCode).toBe(404);
    });

    it('refuses a malformed phone number', async () => {
      const res = await req('office', 'POST', `/organizations/${flagshipId}/contacts`, contactBody({ phone: 'call me' }));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toEqual([{ path: 'phone', message: '电话号码格式不正确' }]);
    });
  });

  describe('experts', () => {
    it('lists the pool with masked phones and adds an expert', async () => {
      const pool = await ok<{ total: number; data: { phone: string | null }[] }>('office', 'GET', '/experts?pageSize=50');
      expect(pool.total).toBe(10);
      for (const e of pool.data) expect(e.phone).toMatch(MASKED_PHONE);
      const created = await ok<{ id: string; phone: string; specialties: string[] }>('office', 'POST', '/experts', expertBody());
      expect(created).toMatchObject({ phone: '139****5678', specialties: ['标准化', '计量'] });
      expect((await ok<{ name: string }>('office', 'GET', `/experts/${created.id}`)).name).toBe('测试专家');
      const found = await ok<{ data: { id: string }[] }>('office', 'GET', `/experts?keyword=${encodeURIComponent('计量')}`);
      expect(found.data.map((e) => e.id)).toContain(created.id);
      const updated = await ok<{ title: string }>(
        'office',
        'PUT',
        `/experts/${created.id}`,
        expertBody({ title: 'associate_senior' }),
      );
      expect(updated.title).toBe('associate_senior');
      expect((await auditOf('registry.expert.update')).some((a) => a.targetId === created.id)).toBe(true);
    });

    it('keeps the stored phone and e-mail of an expert when an edit leaves them out, clears them on null', async () => {
      const created = await ok<{ id: string }>(
        'office',
        'POST',
        '/experts',
        expertBody({ phone: '13922223333', email: 'expert@example.cn' }),
      );
      const { phone: _phone, ...withoutPhone } = expertBody();
      const kept = await ok<{ phone: string | null; email: string | null }>(
        'office',
        'PUT',
        `/experts/${created.id}`,
        withoutPhone,
      );
      expect(kept).toMatchObject({ phone: '139****3333', email: 'e***@example.cn' });
      const cleared = await ok<{ phone: string | null; email: string | null }>('office', 'PUT', `/experts/${created.id}`, {
        ...withoutPhone,
        phone: null,
        email: null,
      });
      expect(cleared).toMatchObject({ phone: null, email: null });
    });

    it('filters experts by industry section', async () => {
      const e = await ok<{ data: { industrySections: string[] }[] }>('office', 'GET', '/experts?industrySection=E');
      expect(e.data.length).toBeGreaterThan(0);
      expect(e.data.every((x) => x.industrySections.includes('E'))).toBe(true);
    });

    it('refuses an affiliation to an organization outside the region, and an expert outside it', async () => {
      const res = await req('office', 'POST', '/experts', expertBody({ affiliationOrganizationId: outsideEnterpriseId }));
      expect(res.statusCode).toBe(422);
      expect(res.json().error.details[0].path).toBe('affiliationOrganizationId');
      expect((await req('office', 'POST', '/experts', expertBody({ affiliationOrganizationId: flagshipId }))).statusCode).toBe(
        201,
      );
      expect((await req('office', 'POST', '/experts', expertBody({ regionCode: '410402' }))).statusCode).toBe(422);
    });
  });

  describe('regions and summary', () => {
    it('lists the regions within the caller scope, with the functional-zone type', async () => {
      const office = await ok<{ code: string; codeType: string; level: string }[]>('office', 'GET', '/regions');
      expect(office).toEqual([
        { code: '410471', name: '平顶山高新技术产业开发区', parentCode: '410400', level: 'county', codeType: 'functional_zone' },
      ]);
      const city = await ok<{ code: string }[]>('city', 'GET', '/regions');
      expect(city.map((r) => r.code)).toEqual(['410400', '410402', '410411', '410471']);
      const tree = await ok<{ code: string; children: { code: string }[] }[]>('city', 'GET', '/regions/tree');
      expect(tree).toHaveLength(1);
      expect(tree[0]!.code).toBe('410400');
      expect(tree[0]!.children.map((c) => c.code).sort()).toEqual(['410402', '410411', '410471']);
      expect((await ok<{ code: string }[]>('enterprise', 'GET', '/regions')).map((r) => r.code)).toEqual(['410471']);
    });

    it('lets a city system administrator add a county inside the city only', async () => {
      const created = await req('cityadmin', 'POST', '/regions', { code: '410472', name: '测试功能区' });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toEqual({
        code: '410472',
        name: '测试功能区',
        parentCode: '410400',
        level: 'county',
        codeType: 'functional_zone',
      });
      expect((await req('cityadmin', 'POST', '/regions', { code: '410472', name: '重复' })).statusCode).toBe(409);
      expect((await req('cityadmin', 'POST', '/regions', { code: '410502', name: '安阳某区' })).statusCode).toBe(422);
      expect((await req('admin', 'POST', '/regions', { code: '410471', name: '高新区' })).statusCode).toBe(409);
      // The record belongs to the new county: the city's auditor sees it, the zone's does not.
      expect((await auditOf('registry.region.create', 'cityauditor')).some((a) => a.targetId === '410472')).toBe(true);
      expect((await auditOf('registry.region.create')).some((a) => a.targetId === '410472')).toBe(false);
      // Enterprises may now be registered there.
      expect(
        (
          await req(
            'city',
            'POST',
            '/enterprises',
            enterpriseBody({ regionCode: '410472', creditCode: freshCreditCode('410472') }),
          )
        ).statusCode,
      ).toBe(201);
    });

    it('sums up the caller region: active organizations by kind, leadership group, experts', async () => {
      const summary = await ok<{
        region: { code: string };
        enterprises: number;
        departments: number;
        leadershipGroupMembers: number;
        institutions: number;
        experts: number;
        enterprisesBySection: { section: string; count: number }[];
      }>('office', 'GET', '/registry/summary');
      const active = await ok<{ total: number }>('office', 'GET', '/enterprises?status=active&pageSize=1');
      const departments = await ok<{ total: number }>('office', 'GET', '/departments?status=active&pageSize=1');
      const institutions = await ok<{ total: number }>('office', 'GET', '/institutions?status=active&pageSize=1');
      const experts = await ok<{ total: number }>('office', 'GET', '/experts?status=active&pageSize=1');
      const members = await ok<{ total: number }>('office', 'GET', '/departments?inLeadershipGroup=true&pageSize=1');
      expect(summary.region.code).toBe('410471');
      expect(summary).toMatchObject({
        enterprises: active.total,
        departments: departments.total,
        institutions: institutions.total,
        experts: experts.total,
        leadershipGroupMembers: members.total,
      });
      expect(summary.enterprisesBySection.reduce((n, s) => n + s.count, 0)).toBe(active.total);
      const sectionC = await ok<{ total: number }>('office', 'GET', '/enterprises?status=active&industrySection=C&pageSize=1');
      expect(summary.enterprisesBySection.find((x) => x.section === 'C')?.count).toBe(sectionC.total);

      const own = await ok<{ enterprises: number; departments: number; institutions: number; experts: number }>(
        'enterprise',
        'GET',
        '/registry/summary',
      );
      expect(own).toMatchObject({ enterprises: 1, departments: 0, institutions: 0, experts: 0 });
      const xinhua = await ok<{ region: { code: string }; enterprises: number; experts: number }>(
        'xinhua',
        'GET',
        '/registry/summary',
      );
      expect(xinhua).toMatchObject({ region: { code: '410402' }, enterprises: 1, experts: 1 });
    });
  });
});
