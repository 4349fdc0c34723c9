import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyInstance } from 'fastify';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Smaller answers gain less from compression than its headers and the work cost. */
export const COMPRESSION_THRESHOLD = 1024;

/**
 * Text the API answers with: JSON (also problem+json), XML (Open311), CSV and plain text.
 * Spreadsheets, PDFs and uploaded files in other formats are compressed already.
 */
const COMPRESSIBLE =
  /^(?:application\/(?:[\w.-]+\+)?json|(?:application|text)\/(?:[\w.-]+\+)?xml|text\/(?:plain|csv|html))\s*(?:;|$)/i;

/**
 * Compresses the API's text answers of at least 1 kB in the encoding the client prefers (brotli
 * at quality 4 or gzip at level 6: fast settings, since this runs per request; the web app's files
 * are compressed once at build time instead, see web-app.ts), with `Vary: Accept-Encoding`.
 *
 * Left alone: streams (file downloads and the web app's files, which @fastify/static negotiates
 * itself), answers that already have a Content-Encoding, and answers carrying `Repr-Digest` or an
 * `ETag` — the digest and the validator describe the bytes as stored, which a compressed
 * representation would no longer match.
 */
export function installCompression(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const size = Buffer.byteLength(payload);
    if (size < COMPRESSION_THRESHOLD) return payload;
    const type = reply.getHeader('content-type');
    if (typeof type !== 'string' || !COMPRESSIBLE.test(type)) return payload;
    if (reply.hasHeader('content-encoding') || reply.hasHeader('repr-digest') || reply.hasHeader('etag')) return payload;

    const vary = reply.getHeader('vary');
    const varyList = typeof vary === 'string' ? vary : Array.isArray(vary) ? vary.join(', ') : '';
    if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(varyList)) {
      reply.header('vary', varyList ? `${varyList}, Accept-Encoding` : 'Accept-Encoding');
    }
    const accept = request.headers['accept-encoding'];
    const encoding = typeof accept === 'string' ? negotiate(accept, ['br', 'gzip']) : undefined;
    if (!encoding) return payload;

    const compressed =
      encoding === 'br'
        ? await brotli(payload, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: size },
          })
        : await gzipAsync(payload, { level: 6 });
    reply.header('content-encoding', encoding);
    reply.header('content-length', compressed.length);
    return compressed;
  });
}
