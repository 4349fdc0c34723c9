import crypto from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_MISSING, TEST_DB, createTestApp, type TestApp } from '../../testing/test-app.js';
import type { FilePolicy } from '../files/file-policy.js';
import { readStoredFile, storeFile } from '../files/file-store.js';
import { COMPRESSION_THRESHOLD, installCompression } from './compression.js';
import { installErrorHandler } from './error-handler.js';
import { sendStoredFile } from './uploads.js';

const decode = (encoding: string | undefined, raw: Buffer) =>
  encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw;
const varies = (vary: unknown) =>
  String(vary ?? '')
    .toLowerCase()
    .split(/\s*,\s*/)
    .includes('accept-encoding');

describe.skipIf(POSTGRES_MISSING)(`response compression (${TEST_DB})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('compresses JSON over 1 kB in the encoding the client prefers, and the content is unchanged', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(plain.statusCode).toBe(200);
    expect(plain.rawPayload.length).toBeGreaterThan(COMPRESSION_THRESHOLD);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(varies(plain.headers.vary)).toBe(true);

    for (const [accept, expected] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0.5, gzip;q=1', 'gzip'],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json', headers: { 'accept-encoding': accept } });
      expect(res.headers['content-encoding'], accept).toBe(expected);
      expect(varies(res.headers.vary)).toBe(true);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
      expect(res.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
      expect(JSON.parse(decode(expected, res.rawPayload).toString('utf8'))).toEqual(plain.json());
    }
  });

  it('leaves small answers and clients that accept no encoding alone', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'accept-encoding': 'gzip, br' } });
    expect(health.rawPayload.length).toBeLessThan(COMPRESSION_THRESHOLD);
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(health.json()).toMatchObject({ status: 'ok' });

    const identity = await t.app.inject({ method: 'GET', url: '/api/openapi.json', headers: { 'accept-encoding': 'identity' } });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.json()).toHaveProperty('openapi');
  });

  it('compresses Open311 XML without changing its type or content', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/open311/v2/services.xml' });
    expect(plain.statusCode).toBe(200);
    expect(plain.rawPayload.length).toBeGreaterThan(COMPRESSION_THRESHOLD);
    const res = await t.app.inject({ method: 'GET', url: '/open311/v2/services.xml', headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toBe(plain.headers['content-type']);
    expect(gunzipSync(res.rawPayload).equals(plain.rawPayload)).toBe(true);
  });

  it('sends a stored file as stored, so that its Repr-Digest and ETag still describe the bytes sent', async () => {
    const policy: FilePolicy = { maxBytes: 64 * 1024, contentTypes: ['text/plain', 'application/json'] };
    const app = Fastify();
    installErrorHandler(app);
    installCompression(app);
    const text = Buffer.from('质量强区 quality district\n'.repeat(400));
    const stored = await t.database.db.transaction((tx) =>
      storeFile(tx, {
        regionCode: '410471',
        fileName: '说明.txt',
        contentType: 'text/plain',
        bytes: text,
        createdBy: null,
        policy,
      }),
    );
    app.get('/file', async (_req, reply) => {
      const read = (await readStoredFile(t.database.db, stored.id))!;
      return sendStoredFile(reply, read.file, read.bytes);
    });
    // The same bytes as an ordinary answer are compressed: the hook is on in this app.
    app.get('/text', async (_req, reply) => reply.type('text/plain; charset=utf-8').send(text));

    const file = await app.inject({ method: 'GET', url: '/file', headers: { 'accept-encoding': 'br, gzip' } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-encoding']).toBeUndefined();
    expect(file.rawPayload.equals(text)).toBe(true);
    const digest = crypto.createHash('sha256').update(file.rawPayload).digest('base64');
    expect(file.headers['repr-digest']).toBe(`sha-256=:${digest}:`);

    const ordinary = await app.inject({ method: 'GET', url: '/text', headers: { 'accept-encoding': 'br, gzip' } });
    expect(ordinary.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(ordinary.rawPayload).equals(text)).toBe(true);
    await app.close();
  });
});
