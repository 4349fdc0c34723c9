import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Vite names every built file under assets/ by a hash of its content: it never changes. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html, the favicon: kept, but asked about (ETag) on every use, so a release shows at once. */
const REVALIDATE = 'no-cache';

/**
 * The built single-page app, with every non-API path falling back to index.html.
 *
 * The build writes `.br` and `.gz` beside each file (apps/web/vite-plugin-precompress.ts), sent by
 * the request's Accept-Encoding (`preCompressed`, with `Vary: Accept-Encoding`); a file without
 * them is sent as it is.
 */
export function serveWebApp(app: FastifyInstance, webDist: string): void {
  const index = path.join(webDist, 'index.html');
  if (!fs.existsSync(index)) {
    app.get('/', { schema: { hide: true } }, async (_req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><meta charset="utf-8"><p>The web app is not built: run <code>npm run build</code>. 前端尚未构建。</p>',
        ),
    );
    return;
  }
  const assets = path.join(webDist, 'assets') + path.sep;
  void app.register(fastifyStatic, {
    root: webDist,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, file) => void reply.header('cache-control', file.startsWith(assets) ? IMMUTABLE : REVALIDATE),
  });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    // A missing API path or build asset is a 404; only app routes fall back to the page.
    if (request.url.startsWith('/api/') || request.url.startsWith('/assets/')) {
      return reply.status(404).send({ error: { code: 'not_found', message: 'Not found' } });
    }
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
}
