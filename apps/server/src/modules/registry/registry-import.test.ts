import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTERPRISE_COLUMNS, makeCreditCode } from '@qd/core';
import {
  ENTERPRISE_HEADERS_ZH,
  XLSX_TYPE,
  addUsers,
  csvOf,
  enterpriseBody,
  enterpriseRow,
  freshCreditCode,
  loginAll,
  multipartFile,
  readXlsx,
  upload,
  xlsxOf,
} from '../../testing/fixtures.js';
import { POSTGRES_MISSING, TEST_DB, call, createTestApp, type Session, type TestApp } from '../../testing/test-app.js';

const API = '/api/v1';
const USERS = ['office', 'dept', 'auditor', 'xinhua'] as const;
type Who = (typeof USERS)[number];

interface RowError {
  row: number;
  column: string;
  message: string;
}

/** Column index of a key in ENTERPRISE_COLUMNS (spreadsheet rows are in that order). */
const col = (key: (typeof ENTERPRISE_COLUMNS)[number]['key']) => ENTERPRISE_COLUMNS.findIndex((c) => c.key === key);

describe.skipIf(POSTGRES_MISSING)(`enterprise export and import on ${TEST_DB}`, () => {
  let t: TestApp;
  let s: Record<Who, Session>;

  const get = (who: Who, url: string, headers?: Record<string, string>) =>
    call(t.app, s[who], 'GET', `${API}${url}`, undefined, headers);
  const total = async (query = '') => (await get('office', `/enterprises?pageSize=1${query}`)).json().total as number;
  const findByCode = async (code: string) =>
    (await get('office', `/enterprises?keyword=${code}`)).json().data as {
      creditCode: string;
      name: string;
      size: string;
      foundedOn: string;
    }[];
  const importFile = (filename: string, content: Buffer, who: Who = 'office', headers: Record<string, string> = {}) =>
    upload(t.app, s[who], `${API}/enterprises/import`, filename, content, headers);
  /** A credit code already in the database (a seeded enterprise's). */
  let registeredCode: string;

  beforeAll(async () => {
    t = await createTestApp({ enterprises: 20 });
    await addUsers(t, '410402', [{ username: 'xinhua', roles: ['office'] }]);
    s = await loginAll(t.app, USERS);
    registeredCode = (await get('office', '/enterprises')).json().data[0].creditCode;
    const res = await call(
      t.app,
      s.xinhua,
      'POST',
      `${API}/enterprises`,
      enterpriseBody({ regionCode: '410402', creditCode: freshCreditCode('410402') }),
    );
    expect(res.statusCode).toBe(201);
  });
  afterAll(() => t?.close());

  describe('export', () => {
    it('sends the filtered list as .xlsx with the Chinese headers, one row per enterprise', async () => {
      const res = await get('office', '/enterprises/export?industrySection=C');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain(XLSX_TYPE);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="enterprises-\d{4}-\d{2}-\d{2}\.xlsx"$/);
      const sheet = await readXlsx(res.rawPayload);
      expect(sheet.sheetName).toBe('企业名录');
      expect(sheet.headers).toEqual([
        '企业名称',
        '统一社会信用代码',
        '行政区划代码',
        '行业门类',
        '行业代码',
        '企业规模',
        '地址',
        '成立日期',
        '状态',
        '法定代表人',
        '主要产品',
      ]);
      const listed = (await get('office', '/enterprises?industrySection=C&pageSize=200')).json();
      expect(listed.total).toBeGreaterThan(0);
      expect(sheet.rows).toHaveLength(listed.total);
      expect(sheet.rows.every((r) => r[col('industrySection')] === 'C' && r[col('regionCode')] === '410471')).toBe(true);
      expect(new Set(sheet.rows.map((r) => r[col('creditCode')]))).toEqual(
        new Set(listed.data.map((e: { creditCode: string }) => e.creditCode)),
      );
      // Codes become labels people read.
      expect(sheet.rows.every((r) => ['大型', '中型', '小型', '微型'].includes(r[col('size')]!))).toBe(true);
      expect(sheet.rows.every((r) => r[col('status')] === '在业')).toBe(true);
      expect(sheet.rows.every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r[col('foundedOn')]!))).toBe(true);
    });

    it('exports every row of the region without a filter, and records the export in the audit log', async () => {
      const res = await get('office', '/enterprises/export');
      const sheet = await readXlsx(res.rawPayload);
      expect(sheet.rows).toHaveLength(await total());
      const audit = (await get('auditor', '/audit?action=registry.enterprise.export')).json().data as {
        detail: { rows: number };
      }[];
      expect(audit.map((a) => a.detail.rows)).toContain(sheet.rows.length);
    });

    it('writes English headers and labels for an English client', async () => {
      const res = await get('office', '/enterprises/export?size=large', { 'accept-language': 'en-US' });
      const sheet = await readXlsx(res.rawPayload);
      expect(sheet.sheetName).toBe('Enterprises');
      expect(sheet.headers).toEqual(ENTERPRISE_COLUMNS.map((c) => c.en));
      expect(sheet.rows).toHaveLength(await total('&size=large'));
      expect(sheet.rows.every((r) => r[col('size')] === 'Large')).toBe(true);
    });

    it("exports only the caller's region", async () => {
      const xinhua = await readXlsx((await get('xinhua', '/enterprises/export')).rawPayload);
      expect(xinhua.rows).toHaveLength(1);
      expect(xinhua.rows[0]![col('regionCode')]).toBe('410402');
      const office = await readXlsx((await get('office', '/enterprises/export')).rawPayload);
      expect(office.rows.some((r) => r[col('regionCode')] === '410402')).toBe(false);
    });

    it('refuses a malformed filter (400)', async () => {
      expect((await get('office', '/enterprises/export?size=huge')).statusCode).toBe(400);
    });
  });

  describe('import', () => {
    it('imports an all-good .xlsx (200) and lists every row', async () => {
      const rows = [
        enterpriseRow({ name: '平顶山导入一号有限公司', size: 'Small' }),
        enterpriseRow({ name: '平顶山导入二号有限公司', foundedOn: new Date(Date.UTC(2015, 2, 8)), industryCode: 3411 }),
        enterpriseRow({
          name: '平顶山导入三号有限公司',
          industrySection: 'i',
          industryCode: '6513',
          size: 'micro',
          status: null,
        }),
      ];
      const before = await total();
      const res = await importFile('企业名录.xlsx', await xlsxOf(ENTERPRISE_HEADERS_ZH, rows));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ imported: 3, errors: [] });
      expect(await total()).toBe(before + 3);
      const [one] = await findByCode(rows[0]![col('creditCode')] as string);
      expect(one).toMatchObject({ name: '平顶山导入一号有限公司', size: 'small' });
      const [two] = await findByCode(rows[1]![col('creditCode')] as string);
      expect(two).toMatchObject({ name: '平顶山导入二号有限公司', foundedOn: '2015-03-08', industryCode: '3411' });
      const [three] = await findByCode(rows[2]![col('creditCode')] as string);
      expect(three).toMatchObject({ industrySection: 'I', status: 'active', size: 'micro' });
      const audit = (await get('auditor', '/audit?action=registry.enterprise.import')).json().data as {
        actorName: string;
        detail: Record<string, unknown>;
      }[];
      expect(audit[0]).toMatchObject({ actorName: 'office', detail: { filename: '企业名录.xlsx', rows: 3 } });
      expect(audit[0]!.detail.sha256).toMatch(/^[0-9a-f]{64}$/);
    });

    it('imports nothing from a file with 2 bad rows among good ones, naming each bad row (422)', async () => {
      const rows = [
        enterpriseRow(), // row 2
        enterpriseRow({ creditCode: '914403001922038217' }), // row 3: wrong check character
        enterpriseRow(), // row 4
        enterpriseRow({ industrySection: 'Z' }), // row 5: no such section
        enterpriseRow(), // row 6
      ];
      const before = await total();
      const res = await importFile('enterprises.xlsx', await xlsxOf(ENTERPRISE_HEADERS_ZH, rows));
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'import_rows_invalid', message: '部分行有错误，未导入任何数据' });
      expect(res.json().error.rows).toEqual([
        { row: 3, column: '统一社会信用代码', message: '统一社会信用代码校验位错误' },
        { row: 5, column: '行业门类', message: '国民经济行业门类应为 A–T' },
      ]);
      expect(await total()).toBe(before);
      expect(await findByCode(rows[0]![col('creditCode')] as string)).toEqual([]);
    });

    it('reports every kind of bad row at once: bad code, unknown section, missing name, repeated code, registered code', async () => {
      const repeated = freshCreditCode();
      const rows = [
        enterpriseRow({ creditCode: repeated }), // row 2
        enterpriseRow({ creditCode: '914403001922038217' }), // row 3
        enterpriseRow({ industrySection: 'Z' }), // row 4
        enterpriseRow({ name: null }), // row 5
        enterpriseRow({ creditCode: repeated }), // row 6: repeats row 2
        enterpriseRow({ creditCode: registeredCode }), // row 7: already in the database
        enterpriseRow(), // row 8
      ];
      const before = await total();
      const res = await importFile('enterprises.xlsx', await xlsxOf(ENTERPRISE_HEADERS_ZH, rows));
      expect(res.statusCode).toBe(422);
      const errors = res.json().error.rows as RowError[];
      expect(errors).toEqual([
        { row: 3, column: '统一社会信用代码', message: '统一社会信用代码校验位错误' },
        { row: 4, column: '行业门类', message: '国民经济行业门类应为 A–T' },
        { row: 5, column: '企业名称', message: '必填项' },
        { row: 6, column: '统一社会信用代码', message: '文件中重复的统一社会信用代码 (2)' },
        { row: 7, column: '统一社会信用代码', message: '该统一社会信用代码已登记' },
      ]);
      // The generic details name the same rows, for clients that only read details.
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual([
        'row 3: 统一社会信用代码',
        'row 4: 行业门类',
        'row 5: 企业名称',
        'row 6: 统一社会信用代码',
        'row 7: 统一社会信用代码',
      ]);
      expect(await total()).toBe(before);
    });

    it('reports a credit code already registered even when it is the only problem', async () => {
      const res = await importFile(
        'enterprises.xlsx',
        await xlsxOf(ENTERPRISE_HEADERS_ZH, [enterpriseRow(), enterpriseRow({ creditCode: registeredCode })]),
      );
      expect(res.statusCode).toBe(422);
      expect(res.json().error.rows).toEqual([{ row: 3, column: '统一社会信用代码', message: '该统一社会信用代码已登记' }]);
    });

    it('explains bad rows in English for an English client', async () => {
      const res = await importFile(
        'enterprises.xlsx',
        await xlsxOf(ENTERPRISE_HEADERS_ZH, [enterpriseRow({ creditCode: '914403001922038217' })]),
        'office',
        {
          'accept-language': 'en',
        },
      );
      expect(res.statusCode).toBe(422);
      expect(res.json().error.message).toBe('Some rows have errors: nothing was imported');
      expect(res.json().error.rows).toEqual([
        { row: 2, column: 'Credit code', message: 'The credit code check character is wrong' },
      ]);
    });

    it('refuses rows in a region outside the caller scope', async () => {
      const res = await importFile(
        'enterprises.xlsx',
        await xlsxOf(ENTERPRISE_HEADERS_ZH, [enterpriseRow(), enterpriseRow({ regionCode: '410402' })]),
      );
      expect(res.statusCode).toBe(422);
      expect(res.json().error.rows).toEqual([{ row: 3, column: '行政区划代码', message: '未知的行政区划代码' }]);
    });

    it('keeps spreadsheet row numbers when blank rows sit between the data', async () => {
      const blank = ENTERPRISE_COLUMNS.map(() => null);
      const res = await importFile(
        'enterprises.xlsx',
        await xlsxOf(ENTERPRISE_HEADERS_ZH, [enterpriseRow(), blank, enterpriseRow({ foundedOn: '2023-02-30' })]),
      );
      expect(res.statusCode).toBe(422);
      expect(res.json().error.rows).toEqual([{ row: 4, column: '成立日期', message: '日期无效，应为 YYYY-MM-DD' }]);
    });

    it('imports a UTF-8 .csv with a byte-order mark, keeping all-digit credit codes exact', async () => {
      // An all-digit code would lose its last digits if the CSV reader took it for a number.
      let serial = 7_000_000;
      let digits = makeCreditCode('410471', serial);
      while (!/^\d{18}$/.test(digits)) digits = makeCreditCode('410471', ++serial);
      const rows = [
        enterpriseRow({ name: '平顶山CSV导入有限公司', creditCode: digits, address: '火炬路1号, 2号楼' }),
        enterpriseRow({ foundedOn: '2001-01-01' }),
      ];
      const before = await total();
      const res = await importFile('enterprises.csv', csvOf(ENTERPRISE_HEADERS_ZH, rows));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().imported).toBe(2);
      expect(await total()).toBe(before + 2);
      const [found] = await findByCode(digits);
      expect(found).toMatchObject({ creditCode: digits, name: '平顶山CSV导入有限公司', address: '火炬路1号, 2号楼' });
      const [second] = await findByCode(rows[1]![col('creditCode')] as string);
      expect(second!.foundedOn).toBe('2001-01-01');
    });

    it('refuses a .csv carrying U+0000 (400, not 500), importing nothing', async () => {
      const before = await total();
      const res = await importFile(
        'enterprises.csv',
        csvOf(ENTERPRISE_HEADERS_ZH, [enterpriseRow(), enterpriseRow({ name: '平顶山\u0000有限公司' })]),
      );
      expect(res.statusCode).toBe(400);
      const named = await importFile('enter\u0000prises.csv', csvOf(ENTERPRISE_HEADERS_ZH, [enterpriseRow()]));
      expect(named.statusCode).toBe(400);
      expect(await total()).toBe(before);
    });

    it('reads English headers in a .csv too, and reports its bad rows', async () => {
      const headers = ENTERPRISE_COLUMNS.map((c) => c.en);
      const res = await importFile(
        'enterprises.csv',
        csvOf(headers, [enterpriseRow(), enterpriseRow({ industryCode: '6513' })], false),
      );
      expect(res.statusCode).toBe(422);
      expect(res.json().error.rows).toEqual([{ row: 3, column: '行业代码', message: '行业代码应为2–4位数字，且属于所选门类' }]);
    });

    it('reports missing required columns against the header row', async () => {
      const headers = ENTERPRISE_HEADERS_ZH.filter((h) => h !== '行业代码' && h !== '地址');
      const rows = [enterpriseRow().filter((_, i) => i !== col('industryCode') && i !== col('address'))];
      const res = await importFile('enterprises.xlsx', await xlsxOf(headers, rows));
      expect(res.statusCode).toBe(422);
      expect(res.json().error.rows).toEqual([
        { row: 1, column: '行业代码', message: '必填项' },
        { row: 1, column: '地址', message: '必填项' },
      ]);
    });

    it('refuses a file with no data rows (422)', async () => {
      const res = await importFile('enterprises.xlsx', await xlsxOf(ENTERPRISE_HEADERS_ZH, []));
      expect(res.statusCode).toBe(422);
      expect(res.json().error.details).toEqual([{ path: 'file', message: '文件中没有数据行' }]);
    });

    it('refuses a file that is not .xlsx or .csv (400), and a broken .xlsx (400)', async () => {
      const before = await total();
      const txt = await importFile('enterprises.txt', Buffer.from('企业名称\n某公司\n'));
      expect(txt.statusCode).toBe(400);
      expect(txt.json().error.details).toEqual([{ path: 'file', message: '无法读取文件，请上传 .xlsx 或 .csv' }]);
      const broken = await importFile('enterprises.xlsx', Buffer.from('this is not a zip file'));
      expect(broken.statusCode).toBe(400);
      expect(broken.json().error.code).toBe('bad_file');
      expect(await total()).toBe(before);
    });

    it('refuses a request without a file (400)', async () => {
      const json = await call(t.app, s.office, 'POST', `${API}/enterprises/import`, { file: 'x' });
      expect(json.statusCode).toBe(400);
      expect(json.json().error.details).toEqual([{ path: 'file', message: '必填项' }]);
      const boundary = 'qd-no-file';
      const noFile = await t.app.inject({
        method: 'POST',
        url: `${API}/enterprises/import`,
        payload: `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`,
        headers: {
          cookie: s.office.cookie,
          'x-csrf-token': s.office.csrf,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
      });
      expect(noFile.statusCode).toBe(400);
    });

    it('needs the CSRF header like every other change', async () => {
      const body = multipartFile('file', 'enterprises.xlsx', await xlsxOf(ENTERPRISE_HEADERS_ZH, [enterpriseRow()]), XLSX_TYPE);
      const res = await t.app.inject({
        method: 'POST',
        url: `${API}/enterprises/import`,
        payload: body.payload,
        headers: { cookie: s.office.cookie, 'content-type': body.contentType },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('csrf_failed');
    });

    it('round-trips: an exported file imported again reports every row as already registered', async () => {
      const exported = (await get('office', '/enterprises/export?size=large')).rawPayload;
      const count = (await readXlsx(exported)).rows.length;
      expect(count).toBeGreaterThan(0);
      const before = await total();
      const res = await importFile('enterprises.xlsx', exported);
      expect(res.statusCode).toBe(422);
      const errors = res.json().error.rows as RowError[];
      expect(errors).toHaveLength(count);
      expect(errors.every((e) => e.message === '该统一社会信用代码已登记')).toBe(true);
      expect(errors.map((e) => e.row)).toEqual(Array.from({ length: count }, (_, i) => i + 2));
      expect(await total()).toBe(before);
    });
  });
});
