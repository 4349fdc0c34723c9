import crypto from 'node:crypto';
import Fastify from 'fastify';
import multipart from '@fastify/multipart';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { multipartFile } from '../../testing/fixtures.js';
import { POSTGRES_MISSING, TEST_DB, createTestApp, type TestApp } from '../../testing/test-app.js';
import { installErrorHandler } from '../http/error-handler.js';
import { readUpload, sendStoredFile } from '../http/uploads.js';
import { DOCUMENT_POLICY, type FilePolicy } from './file-policy.js';
import { findStoredFile, readStoredFile, storeFile } from './file-store.js';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const SMALL: FilePolicy = { maxBytes: 64, contentTypes: ['application/pdf', 'text/plain'] };

describe.skipIf(POSTGRES_MISSING)(`file store (${TEST_DB})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
  });
  afterAll(() => t?.close());

  it('keeps a file with its SHA-256 and gives the same bytes back', async () => {
    const stored = await t.database.db.transaction((tx) =>
      storeFile(tx, {
        regionCode: '410471',
        fileName: 'C:\\证据\\检验报告.pdf',
        contentType: 'application/pdf; charset=binary',
        bytes: PDF,
        createdBy: null,
        policy: DOCUMENT_POLICY,
      }),
    );
    expect(stored.fileName).toBe('检验报告.pdf');
    expect(stored.contentType).toBe('application/pdf');
    expect(stored.sizeBytes).toBe(PDF.length);
    expect(stored.sha256).toBe(crypto.createHash('sha256').update(PDF).digest('hex'));
    const read = await readStoredFile(t.database.db, stored.id);
    expect(read?.bytes.equals(PDF)).toBe(true);
    expect((await findStoredFile(t.database.db, stored.id))?.sha256).toBe(stored.sha256);
    expect(await readStoredFile(t.database.db, '01900000-0000-7000-8000-000000000000')).toBeNull();
  });

  it('refuses files outside the policy on the field they came in, and writes nothing', async () => {
    const cases: [Buffer, string, string][] = [
      [Buffer.alloc(0), 'application/pdf', 'file.empty'],
      [Buffer.alloc(65, 0x41), 'text/plain', 'file.tooLarge'],
      [PDF, 'application/x-msdownload', 'file.typeNotAllowed'],
      [Buffer.from('MZ not a pdf'), 'application/pdf', 'file.contentMismatch'],
    ];
    const before = await t.database.query<{ n: number }>('select count(*)::int as n from stored_files');
    for (const [bytes, contentType, problem] of cases) {
      await expect(
        t.database.db.transaction((tx) =>
          storeFile(tx, {
            regionCode: '410471',
            fileName: 'x.pdf',
            contentType,
            bytes,
            createdBy: null,
            policy: SMALL,
            field: 'evidence',
          }),
        ),
      ).rejects.toMatchObject({ status: 400, details: [{ path: 'evidence', message: problem }] });
    }
    const after = await t.database.query<{ n: number }>('select count(*)::int as n from stored_files');
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('detects content changed behind the application’s back', async () => {
    const stored = await t.database.db.transaction((tx) =>
      storeFile(tx, {
        regionCode: '410471',
        fileName: 'a.txt',
        contentType: 'text/plain',
        bytes: Buffer.from('原文'),
        createdBy: null,
        policy: SMALL,
      }),
    );
    await t.database.db.execute(sql`update stored_files set content = ${Buffer.from('篡改')} where id = ${stored.id}`);
    await expect(readStoredFile(t.database.db, stored.id)).rejects.toMatchObject({ name: 'FileIntegrityError' });
  });

  it('reads an upload within the policy and sends it back with its checksum', async () => {
    const app = Fastify();
    installErrorHandler(app);
    await app.register(multipart);
    app.post('/up', async (req, reply) => {
      const upload = await readUpload(req, SMALL);
      const stored = await t.database.db.transaction((tx) =>
        storeFile(tx, { regionCode: '410471', ...upload, createdBy: null, policy: SMALL }),
      );
      const read = (await readStoredFile(t.database.db, stored.id))!;
      return sendStoredFile(reply, read.file, read.bytes);
    });
    const ok = multipartFile('file', '说明.txt', Buffer.from('hello 你好'), 'text/plain');
    const res = await app.inject({
      method: 'POST',
      url: '/up',
      payload: ok.payload,
      headers: { 'content-type': ok.contentType },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('hello 你好');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('说明.txt')}`);
    expect(res.headers['repr-digest']).toMatch(/^sha-256=:[A-Za-z0-9+/=]+:$/);

    const big = multipartFile('file', 'big.txt', Buffer.alloc(200, 0x41), 'text/plain');
    const tooBig = await app.inject({
      method: 'POST',
      url: '/up',
      payload: big.payload,
      headers: { 'content-type': big.contentType },
    });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error.details).toEqual([{ path: 'file', message: expect.any(String) }]);

    const notMultipart = await app.inject({ method: 'POST', url: '/up', payload: { a: 1 } });
    expect(notMultipart.statusCode).toBe(400);
    await app.close();
  });
});
