import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';
import { migrationVersion } from '../db/migrate.js';

/** How long /api/health waits for the database before calling it down. */
const DATABASE_CHECK_MS = 5_000;

/**
 * `GET /api/health` for load balancers and monitoring: 200 while the database answers, 503 while
 * it does not (connections cut, server down or not accepting connections), so an instance is
 * taken out of rotation instead of answering every request with an error.
 */
export function healthRoute(app: FastifyInstance, database: Database, version: string): void {
  app.get('/api/health', { schema: { hide: true } }, async (request, reply) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      const migration = await Promise.race([
        migrationVersion(database),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${DATABASE_CHECK_MS} ms`)), DATABASE_CHECK_MS);
        }),
      ]);
      return { status: 'ok', version, database: database.kind, migration };
    } catch (err) {
      // The reason goes to the log only: the endpoint is public.
      request.log.warn({ err }, 'health: database unavailable');
      return reply.status(503).header('retry-after', '5').send({ status: 'unavailable', version, database: database.kind });
    } finally {
      clearTimeout(timer);
    }
  });
}
