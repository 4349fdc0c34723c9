import { XMLParser } from 'fast-xml-parser';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAll } from '../../testing/fixtures.js';
import { POSTGRES_MISSING, TEST_DB, call, createTestApp, type Session, type TestApp } from '../../testing/test-app.js';

/** Field lists of GeoReport v2 (http://wiki.open311.org/GeoReport_v2), checked on every answer. */
const SERVICE_FIELDS = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'];
const ATTRIBUTE_FIELDS = ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description'];
const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

const xml = new XMLParser({
  ignoreDeclaration: true,
  parseTagValue: false,
  isArray: (name) => ['service', 'request', 'attribute', 'value', 'endpoint', 'format', 'error'].includes(name),
});

describe.skipIf(POSTGRES_MISSING)(`Open311 GeoReport v2 on ${TEST_DB}`, () => {
  let t: TestApp;
  let office: Session;
  let apiKey: string;

  const get = (path: string) => t.app.inject({ method: 'GET', url: `/open311/v2/${path}` });
  const post = (path: string, form: Record<string, string | string[]>) => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    return t.app.inject({
      method: 'POST',
      url: `/open311/v2/${path}`,
      payload: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  };
  /** Parses the answer in its format, after checking the exact Content-Type. */
  const parse = (res: LightMyRequestResponse, format: 'xml' | 'json') => {
    expect(res.headers['content-type']).toBe(format === 'xml' ? 'text/xml' : 'application/json');
    return format === 'xml' ? xml.parse(res.body) : res.json();
  };
  const errorsOf = (res: LightMyRequestResponse, format: 'xml' | 'json') => {
    const body = parse(res, format);
    const list = format === 'xml' ? body.errors.error : body;
    for (const e of list) expect(Object.keys(e).sort()).toEqual(['code', 'description']);
    return list as { code: string | number; description: string }[];
  };
  const baseForm = (over: Record<string, string | string[]> = {}) => ({
    api_key: apiKey,
    service_code: 'TEST-PRODUCT',
    lat: '33.7352',
    long: '113.2921',
    description: '井盖旁的企业需要检测',
    first_name: '小明',
    last_name: '李',
    email: 'li@example.com',
    'attribute[product]': 'PA6 切片',
    'attribute[samples]': '2',
    'attribute[scope]': 'partial',
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp({ enterprises: 5 });
    ({ office } = await loginAll(t.app, ['office'] as const));
    const issued = await call(t.app, office, 'POST', '/api/v1/services/api-clients', { name: '12345 市民热线' });
    apiKey = (issued.json() as { apiKey: string }).apiKey;
  });
  afterAll(async () => t?.close());

  for (const format of ['xml', 'json'] as const) {
    describe(format, () => {
      it('serves discovery', async () => {
        const body = parse(await get(`discovery.${format}`), format);
        const d = format === 'xml' ? body.discovery : body;
        for (const k of ['changeset', 'contact', 'key_service', 'endpoints']) expect(d).toHaveProperty(k);
        const endpoint = format === 'xml' ? d.endpoints.endpoint[0] : d.endpoints[0];
        expect(Object.keys(endpoint).sort()).toEqual(['changeset', 'formats', 'specification', 'type', 'url']);
        const formats = format === 'xml' ? endpoint.formats.format : endpoint.formats;
        expect(formats).toEqual(['text/xml', 'application/json']);
      });

      it('lists services with the spec fields, group = category', async () => {
        const body = parse(await get(`services.${format}`), format);
        const list = format === 'xml' ? body.services.service : body;
        expect(list.length).toBeGreaterThanOrEqual(9);
        for (const s of list) expect(Object.keys(s).sort()).toEqual([...SERVICE_FIELDS].sort());
        const testing = list.find((s: Record<string, unknown>) => s.service_code === 'TEST-PRODUCT');
        expect(testing.group).toBe('testing');
        expect(String(testing.metadata)).toBe('true');
        const brand = list.find((s: Record<string, unknown>) => s.service_code === 'BRAND-PLAN');
        expect(String(brand.metadata)).toBe('false');
        // an empty optional parameter is the same as none
        const same = parse(await get(`services.${format}?jurisdiction_id=`), format);
        expect(same).toEqual(body);
      });

      it('defines a service with its attributes, 404 for an unknown code', async () => {
        const body = parse(await get(`services/TEST-PRODUCT.${format}`), format);
        const def = format === 'xml' ? body.service_definition : body;
        expect(def.service_code).toBe('TEST-PRODUCT');
        const attrs = format === 'xml' ? def.attributes.attribute : def.attributes;
        expect(attrs.map((a: { code: string }) => a.code)).toEqual(['product', 'samples', 'scope', 'wanted_by']);
        for (const a of attrs) {
          for (const k of ATTRIBUTE_FIELDS) expect(a).toHaveProperty(k);
        }
        const scope = attrs.find((a: { code: string }) => a.code === 'scope');
        expect(scope.datatype).toBe('singlevaluelist');
        const values = format === 'xml' ? scope.values.value : scope.values;
        expect(values).toEqual([
          { key: 'full', name: '全项检验' },
          { key: 'partial', name: '部分项目' },
        ]);
        const missing = await get(`services/NO-SUCH.${format}`);
        expect(missing.statusCode).toBe(404);
        expect(errorsOf(missing, format)[0]!.code.toString()).toBe('404');
      });

      it('takes a request with an api_key into the same lifecycle, and answers it back', async () => {
        const res = await post(`requests.${format}`, baseForm({ jurisdiction_id: '', address_string: '' }));
        expect(res.statusCode).toBe(200);
        const body = parse(res, format);
        const created = (format === 'xml' ? body.service_requests.request : body)[0];
        expect(Object.keys(created).sort()).toEqual(['account_id', 'service_notice', 'service_request_id']);
        const id = created.service_request_id as string;
        expect(id).toMatch(/^FW410471-\d{4}-\d{6}$/);

        const one = parse(await get(`requests/${id}.${format}`), format);
        const r = (format === 'xml' ? one.service_requests.request : one)[0];
        expect(Object.keys(r).sort()).toEqual([...REQUEST_FIELDS].sort());
        expect(r.status).toBe('open');
        expect(r.status_notes).toBe('已提交');
        expect(r.requested_datetime).toMatch(ZONED);
        expect(r.expected_datetime).toMatch(ZONED);
        expect(String(r.lat)).toBe('33.7352');

        // the station sees it in its inbox and moves it on: Open311 follows
        const inbox = await call(t.app, office, 'GET', `/api/v1/services/requests?keyword=${id}`);
        const internal = (inbox.json() as { data: { id: string; source: string }[] }).data[0]!;
        expect(internal.source).toBe('open311');
        await call(t.app, office, 'POST', `/api/v1/services/requests/${internal.id}/decline`, { reason: '重复' });
        const after = parse(await get(`requests/${id}.${format}`), format);
        expect((format === 'xml' ? after.service_requests.request : after)[0].status).toBe('closed');

        const token = parse(await get(`tokens/${internal.id}.${format}`), format);
        expect((format === 'xml' ? token.service_requests.request : token)[0]).toEqual({
          service_request_id: id,
          token: internal.id,
        });
        expect((await get(`tokens/01900000-0000-7000-8000-000000000000.${format}`)).statusCode).toBe(404);
        expect((await get(`requests/FW410471-2000-000001.${format}`)).statusCode).toBe(404);
      });

      it('lists requests with filters, the 90-day default and empty parameters as absent', async () => {
        const all = parse(await get(`requests.${format}`), format);
        const list = format === 'xml' ? (all.service_requests.request ?? []) : all;
        expect(list.length).toBeGreaterThan(0);
        for (const r of list) expect(Object.keys(r).sort()).toEqual([...REQUEST_FIELDS].sort());
        // the seeded history goes back 190 days: the default window is 90
        const since = Date.now() - 91 * 86_400_000;
        for (const r of list) expect(Date.parse(r.requested_datetime)).toBeGreaterThan(since);
        const older = parse(await get(`requests.${format}?start_date=2020-01-01T00:00:00%2B08:00`), format);
        expect((format === 'xml' ? older.service_requests.request : older).length).toBeGreaterThan(list.length);
        const empty = parse(await get(`requests.${format}?service_code=&status=&start_date=&end_date=`), format);
        expect(empty).toEqual(all);
        const closed = parse(await get(`requests.${format}?status=closed&start_date=2020-01-01`), format);
        for (const r of format === 'xml' ? closed.service_requests.request : closed) expect(r.status).toBe('closed');
        const coded = parse(await get(`requests.${format}?service_code=LEGAL-QUALITY&start_date=2020-01-01`), format);
        for (const r of format === 'xml' ? coded.service_requests.request : coded) expect(r.service_code).toBe('LEGAL-QUALITY');
        const first = list[0].service_request_id;
        const byId = parse(await get(`requests.${format}?service_request_id=${first}`), format);
        expect(
          (format === 'xml' ? byId.service_requests.request : byId).map(
            (r: { service_request_id: string }) => r.service_request_id,
          ),
        ).toEqual([first]);
        const bad = await get(`requests.${format}?start_date=yesterday`);
        expect(bad.statusCode).toBe(400);
        expect(errorsOf(bad, format)[0]!.description).toContain('start_date');
        // web requests are the enterprise's business: no description or place on the open list
        const web = list.find((r: { description: unknown }) => r.description === '' || r.description === null);
        expect(web).toBeDefined();
      });

      it('refuses a missing, bad or revoked api_key (403), an unknown service (404), bad attributes and no location (400)', async () => {
        const { api_key: _omit, ...noKey } = baseForm();
        const missing = await post(`requests.${format}`, noKey);
        expect(missing.statusCode).toBe(403);
        expect(errorsOf(missing, format)[0]!.code.toString()).toBe('403');
        expect((await post(`requests.${format}`, baseForm({ api_key: '' }))).statusCode).toBe(403);
        expect((await post(`requests.${format}`, baseForm({ api_key: 'qd311_wrong' }))).statusCode).toBe(403);
        expect((await post(`requests.${format}`, baseForm({ service_code: 'NO-SUCH' }))).statusCode).toBe(404);
        const attrs = await post(`requests.${format}`, baseForm({ 'attribute[samples]': 'many', 'attribute[scope]': '' }));
        expect(attrs.statusCode).toBe(400);
        expect(errorsOf(attrs, format).map((e) => e.description.split(':')[0])).toEqual([
          'attribute[samples]',
          'attribute[scope]',
        ]);
        const nowhere = await post(`requests.${format}`, baseForm({ lat: '', long: '' }));
        expect(nowhere.statusCode).toBe(400);
        expect(
          (await post(`requests.${format}`, baseForm({ lat: '', long: '', address_string: '高新区火炬路88号' }))).statusCode,
        ).toBe(200);
        expect((await post(`requests.${format}`, baseForm({ jurisdiction_id: '110000' }))).statusCode).toBe(403);
      });
    });
  }

  it('takes multivaluelist attributes as repeated keys and honours revocation', async () => {
    const res = await post('requests.json', {
      api_key: apiKey,
      service_code: 'CERT-SYSTEM',
      address_string: '高新区',
      'attribute[systems][]': ['iso9001', 'iso14001'],
    });
    expect(res.statusCode).toBe(200);
    const clients = (await call(t.app, office, 'GET', '/api/v1/services/api-clients')).json() as {
      id: string;
      lastUsedAt: string | null;
    }[];
    expect(clients[0]!.lastUsedAt).not.toBeNull();
    await call(t.app, office, 'POST', `/api/v1/services/api-clients/${clients[0]!.id}/revoke`, {});
    expect((await post('requests.json', baseForm())).statusCode).toBe(403);
  });
});
