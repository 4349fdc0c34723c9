import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { ENTERPRISE_COLUMNS, makeCreditCode, type Role } from '@qd/core';
import { seedDemoUsers } from '../modules/identity/index.js';
import { DEMO_PASSWORD, login, type Session, type TestApp } from './test-app.js';

/**
 * Helpers the API tests share: signing in many users without tripping the per-address log-in
 * rate limit, users of other regions, multipart uploads and enterprise spreadsheets.
 */

let nextAddress = 0;

/** Signs each user in once, each from its own client address (20 log-ins per address per minute). */
export async function loginAll<U extends string>(app: FastifyInstance, usernames: readonly U[]): Promise<Record<U, Session>> {
  const out = {} as Record<U, Session>;
  for (const u of usernames)
    out[u] = await login(app, u, DEMO_PASSWORD, `10.200.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`);
  return out;
}

/** Signs one user in from a fresh client address. */
export function loginFresh(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<Session> {
  return login(app, username, password, `10.201.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`);
}

/**
 * Adds users straight to the database (as the seed does, password DEMO_PASSWORD): the way to get
 * a user of another region, since no administrator may create accounts outside their own.
 */
export async function addUsers(
  t: TestApp,
  regionCode: string,
  specs: { username: string; roles: Role[]; organizationId?: string | null }[],
): Promise<Record<string, string>> {
  return seedDemoUsers(
    t.database.db,
    regionCode,
    DEMO_PASSWORD,
    specs.map((s) => ({
      username: s.username,
      displayName: s.username,
      roles: s.roles,
      organizationId: s.organizationId ?? null,
    })),
  );
}

/** Credit codes no seeded organization uses (the seed's serials stay below 1 000 000). */
let nextSerial = 5_000_000;
export function freshCreditCode(regionCode = '410471'): string {
  return makeCreditCode(regionCode, nextSerial++);
}

/** A complete, valid enterprise body for POST /enterprises. */
export function enterpriseBody(overrides: Record<string, unknown> = {}) {
  return {
    name: `测试企业${crypto.randomBytes(3).toString('hex')}有限公司`,
    creditCode: freshCreditCode(),
    regionCode: '410471',
    industrySection: 'C',
    industryCode: '2651',
    size: 'medium',
    address: '河南省平顶山市高新区火炬路88号',
    foundedOn: '2010-05-20',
    legalRepresentative: '张三',
    mainProducts: '尼龙切片',
    ...overrides,
  };
}

/** A multipart/form-data body with one file field, built by hand as a browser would send it. */
export function multipartFile(field: string, filename: string, content: Buffer, contentType = 'application/octet-stream') {
  const boundary = `----qdTestBoundary${crypto.randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** POSTs a file as the multipart field `file`, with the session's cookie and CSRF header. */
export function upload(
  app: FastifyInstance,
  session: Session,
  url: string,
  filename: string,
  content: Buffer,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const type = filename.endsWith('.xlsx') ? XLSX_TYPE : filename.endsWith('.csv') ? 'text/csv' : 'application/octet-stream';
  const body = multipartFile('file', filename, content, type);
  return app.inject({
    method: 'POST',
    url,
    payload: body.payload,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': body.contentType, ...headers },
  });
}

export type SheetCell = string | number | Date | null;

/** The Chinese headers of the enterprise spreadsheet, in order. */
export const ENTERPRISE_HEADERS_ZH = ENTERPRISE_COLUMNS.map((c) => c.zh);

/** One enterprise as a spreadsheet row in ENTERPRISE_COLUMNS order. */
export function enterpriseRow(
  overrides: Partial<Record<(typeof ENTERPRISE_COLUMNS)[number]['key'], SheetCell>> = {},
): SheetCell[] {
  const body = enterpriseBody();
  const values: Record<string, SheetCell> = { ...body, size: '中型', status: '在业', ...overrides };
  return ENTERPRISE_COLUMNS.map((c) => values[c.key] ?? null);
}

export async function xlsxOf(headers: string[], rows: SheetCell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业名录');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function csvOf(headers: string[], rows: SheetCell[][], bom = true): Buffer {
  const quote = (v: SheetCell) => {
    const s = v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const text = [headers, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
  return Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8');
}

/** Reads an .xlsx back: header row and data rows as text. */
export async function readXlsx(buffer: Buffer): Promise<{ sheetName: string; headers: string[]; rows: string[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const all: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const v = row.getCell(c).value;
      cells.push(v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
    }
    all.push(cells);
  });
  return { sheetName: sheet.name, headers: all[0] ?? [], rows: all.slice(1) };
}
