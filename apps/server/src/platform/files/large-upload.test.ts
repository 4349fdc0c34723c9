import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile } from '../../testing/fixtures.js';
import { POSTGRES_MISSING, TEST_DB, createTestApp, type TestApp } from '../../testing/test-app.js';
import { migrationVersion } from '../db/migrate.js';
import { installErrorHandler } from '../http/error-handler.js';
import { installUploadStaging, readUpload, sendStoredFile } from '../http/uploads.js';
import { newId } from '../ids.js';
import { CHUNK_BYTES } from './file-chunks.js';
import { DOCUMENT_POLICY } from './file-policy.js';
import { readStoredFile, storeFile } from './file-store.js';

const MB = 1024 * 1024;
const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
/** A PDF just under the 20 MB limit, random inside so nothing compresses it away. */
const bigPdf = () => Buffer.concat([Buffer.from('%PDF-1.7\n'), crypto.randomBytes(19 * MB)]);

/**
 * Calls `onLarge` once, the first time the database is sent a statement carrying more than
 * 100 kB: the moment an upload's content starts going in. It only observes; the statement runs.
 */
function whenContentIsWritten(onLarge: () => void): () => void {
  let fired = false;
  const fire = (size: number) => {
    if (fired || size < 100_000) return;
    fired = true;
    onLarge();
  };
  if (TEST_DB === 'pglite') {
    const proto = PGlite.prototype as unknown as { execProtocolRawSync(message: Uint8Array, ...rest: unknown[]): unknown };
    const original = proto.execProtocolRawSync;
    proto.execProtocolRawSync = function (this: unknown, message: Uint8Array, ...rest: unknown[]) {
      fire(message.length);
      return original.call(this, message, ...rest);
    };
    return () => {
      proto.execProtocolRawSync = original;
    };
  }
  const proto = pg.Client.prototype as unknown as { query(...args: unknown[]): unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const values = (args[1] ?? (args[0] as { values?: unknown[] })?.values) as unknown[] | undefined;
    if (Array.isArray(values))
      fire(values.reduce<number>((n, v) => n + (typeof v === 'string' || Buffer.isBuffer(v) ? v.length : 0), 0));
    return original.apply(this, args);
  };
  return () => {
    proto.query = original;
  };
}

describe.skipIf(POSTGRES_MISSING)(`large uploads (${TEST_DB})`, () => {
  let t: TestApp;
  let app: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp({ seed: false });
    // The platform's upload path as the modules use it (multipart, staging, store in the
    // use-case's transaction, checked download) and the health check's own database query.
    app = Fastify();
    installErrorHandler(app);
    await app.register(multipart);
    await installUploadStaging(app, t.database.db);
    app.get('/api/health', async () => ({ status: 'ok', migration: await migrationVersion(t.database) }));
    // Inside a plugin, as the modules' routes are: staging must reach encapsulated contexts.
    await app.register(async (api) => {
      api.post('/files', async (req) => {
        const upload = await readUpload(req, DOCUMENT_POLICY);
        return t.database.db.transaction((tx) =>
          storeFile(tx, { regionCode: '410471', ...upload, createdBy: null, policy: DOCUMENT_POLICY }),
        );
      });
      api.get<{ Params: { id: string } }>('/files/:id', async (req, reply) => {
        const found = (await readStoredFile(t.database.db, req.params.id))!;
        return sendStoredFile(reply, found.file, found.bytes);
      });
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const post = (bytes: Buffer, name = '检验报告.pdf', type = 'application/pdf') => {
    const body = multipartFile('file', name, bytes, type);
    return fetch(`${base}/files`, { method: 'POST', body: body.payload, headers: { 'content-type': body.contentType } });
  };
  const chunkCount = async (fileId?: string) =>
    (
      await t.database.query<{ n: number }>(
        `select count(*)::int as n from file_chunks ${fileId ? 'where file_id = $1' : ''}`,
        fileId ? [fileId] : [],
      )
    )[0]!.n;

  it('answers another request while a 19 MB upload is being stored, and keeps the file intact', async () => {
    const pdf = bigPdf();
    const finished: string[] = [];
    let health: Promise<Response> | undefined;
    const stopWatching = whenContentIsWritten(() => {
      health = fetch(`${base}/api/health`).then((res) => {
        finished.push('health');
        return res;
      });
    });
    try {
      const uploaded = await post(pdf).then((res) => {
        finished.push('upload');
        return res;
      });
      expect(uploaded.status).toBe(200);
      expect(health, 'the content never reached the database').toBeDefined();
      expect((await health!).status).toBe(200);
      // Both were in flight together; the small request did not wait for the large one.
      expect(finished).toEqual(['health', 'upload']);

      const stored = (await uploaded.json()) as { id: string; sha256: string; sizeBytes: number };
      expect(stored.sha256).toBe(sha256(pdf));
      expect(stored.sizeBytes).toBe(pdf.length);
      expect(await chunkCount(stored.id)).toBe(Math.ceil(pdf.length / CHUNK_BYTES));
      const download = await fetch(`${base}/files/${stored.id}`);
      expect(download.status).toBe(200);
      expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(sha256(pdf));
    } finally {
      stopWatching();
    }
  }, 300_000);

  it('removes the pieces of a refused upload once it is answered', async () => {
    const before = await chunkCount();
    // Larger than one piece, so pieces were written before the content check refused it.
    const notPdf = Buffer.concat([Buffer.from('MZ'), crypto.randomBytes(CHUNK_BYTES * 2)]);
    const refused = await post(notPdf, 'tool.pdf');
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { details: unknown[] } }).error.details).toEqual([
      { path: 'file', message: expect.any(String) },
    ]);
    // The pieces go in onResponse, just after the answer is sent: give it a few turns.
    for (let i = 0; i < 100 && (await chunkCount()) !== before; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await chunkCount()).toBe(before);
  }, 120_000);

  it('still reads files stored whole in their row before chunking, and detects a damaged piece', async () => {
    const old = Buffer.from('%PDF-1.4 stored before file_chunks existed');
    const id = newId();
    await t.database.db.execute(
      sql`insert into stored_files (id, region_code, file_name, content_type, size_bytes, sha256, content, created_at)
          values (${id}, '410471', 'old.pdf', 'application/pdf', ${old.length}, ${sha256(old)}, ${old}, now())`,
    );
    const read = await readStoredFile(t.database.db, id);
    expect(read?.bytes.equals(old)).toBe(true);

    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), crypto.randomBytes(CHUNK_BYTES + 10)]);
    const stored = await t.database.db.transaction((tx) =>
      storeFile(tx, {
        regionCode: '410471',
        fileName: 'two-pieces.pdf',
        contentType: 'application/pdf',
        bytes,
        createdBy: null,
        policy: DOCUMENT_POLICY,
      }),
    );
    expect(await chunkCount(stored.id)).toBe(2);
    expect((await readStoredFile(t.database.db, stored.id))?.bytes.equals(bytes)).toBe(true);
    await t.database.db.execute(
      sql`update file_chunks set data = ${Buffer.from('篡改')} where file_id = ${stored.id} and seq = 1`,
    );
    await expect(readStoredFile(t.database.db, stored.id)).rejects.toMatchObject({ name: 'FileIntegrityError' });
    await t.database.db.execute(sql`delete from file_chunks where file_id = ${stored.id} and seq = 1`);
    await expect(readStoredFile(t.database.db, stored.id)).rejects.toMatchObject({ name: 'FileIntegrityError' });
  }, 120_000);
});
