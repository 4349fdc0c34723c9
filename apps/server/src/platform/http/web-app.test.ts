import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_MISSING, TEST_DB, createTestApp, type TestApp } from '../../testing/test-app.js';

/** A build as Vite writes it: a hashed script with its .br and .gz, index.html likewise. */
function fakeBuild(): { dir: string; script: Buffer; html: Buffer } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qd-web-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  const script = Buffer.from(`export const labels = ${JSON.stringify(Array.from({ length: 300 }, (_, i) => `标签 ${i}`))};\n`);
  const html = Buffer.from(
    `<!doctype html><html lang="zh-CN"><head><script type="module" src="/assets/index-Bx3k9QzA.js"></script></head>` +
      `<body><div id="root"></div><!-- ${'质量强区 '.repeat(200)} --></body></html>`,
  );
  for (const [file, content] of [
    ['assets/index-Bx3k9QzA.js', script],
    ['index.html', html],
  ] as const) {
    fs.writeFileSync(path.join(dir, file), content);
    fs.writeFileSync(path.join(dir, `${file}.br`), brotliCompressSync(content));
    fs.writeFileSync(path.join(dir, `${file}.gz`), gzipSync(content));
  }
  fs.writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return { dir, script, html };
}

const varies = (vary: unknown) =>
  String(vary ?? '')
    .toLowerCase()
    .split(/\s*,\s*/)
    .includes('accept-encoding');

describe.skipIf(POSTGRES_MISSING)(`the web app's files (${TEST_DB})`, () => {
  let t: TestApp;
  let build: ReturnType<typeof fakeBuild>;
  beforeAll(async () => {
    build = fakeBuild();
    t = await createTestApp({ seed: false, config: { webDist: build.dir } });
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(build.dir, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding?: string) =>
    t.app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

  it('sends a hashed asset pre-compressed by Accept-Encoding, cached for a year as immutable', async () => {
    const br = await get('/assets/index-Bx3k9QzA.js', 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(varies(br.headers.vary)).toBe(true);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.rawPayload).equals(build.script)).toBe(true);

    const gzip = await get('/assets/index-Bx3k9QzA.js', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).equals(build.script)).toBe(true);
    expect(gzip.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const plain = await get('/assets/index-Bx3k9QzA.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(varies(plain.headers.vary)).toBe(true);
    expect(plain.rawPayload.equals(build.script)).toBe(true);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sends index.html, at / and for every app route, to be revalidated on each use', async () => {
    for (const url of ['/', '/registry/enterprises', '/login']) {
      const res = await get(url, 'br');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(res.rawPayload).equals(build.html), url).toBe(true);
    }
    const plain = await get('/registry/enterprises');
    expect(plain.rawPayload.equals(build.html)).toBe(true);
    expect(plain.headers['cache-control']).toBe('no-cache');
    const favicon = await get('/favicon.svg', 'br');
    expect(favicon.headers['cache-control']).toBe('no-cache');
    expect(favicon.headers['content-encoding']).toBeUndefined();
  });

  it('answers a missing asset with 404, not with the page', async () => {
    const res = await get('/assets/index-OldHash1.js', 'br');
    expect(res.statusCode).toBe(404);
    expect(res.headers['cache-control']).not.toBe('public, max-age=31536000, immutable');
  });
});
