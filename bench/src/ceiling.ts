import Fastify, { type FastifyInstance } from 'fastify';

/**
 * The ceiling: what Fastify serves on this machine with nothing behind it (no database, no
 * session, no schema), measured with the same load as the API. No scenario can beat it.
 */
export function buildCeilingApp(): FastifyInstance {
  const app = Fastify({ logger: false });
  app.get('/ceiling', async () => ({ ok: true, name: '质量强区', n: 42 }));
  return app;
}
