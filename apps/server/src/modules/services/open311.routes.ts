import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServiceDeps } from '../../platform/services.js';
import { CONTENT_TYPE, render, renderErrors, splitFormat, type Field, type Format } from './open311-format.js';
import { createOpen311Service, Open311Failure } from './open311.service.js';
import { createRequestsService } from './requests.service.js';

const BASE = '/open311/v2';

/**
 * Open311 GeoReport v2 at /open311/v2 (outside /api/v1: no session, no CSRF; POST requests needs
 * an api_key). Every answer, errors included, is in the format the path's extension names.
 */
export function open311Routes(app: FastifyInstance, deps: ServiceDeps, defaultRegion: string) {
  const open311 = createOpen311Service(deps, createRequestsService(deps), defaultRegion);

  void app.register(
    async (scope) => {
      // Form-encoded bodies (the spec's POST); repeated keys become arrays (attribute[x][]=a&…).
      scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
        const out: Record<string, string | string[]> = {};
        for (const [k, v] of new URLSearchParams(body as string)) {
          const prev = out[k];
          out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
        }
        done(null, out);
      });
      scope.setErrorHandler((err: Error & { statusCode?: number }, request, reply) => {
        const format = formatOf(request);
        if (err instanceof Open311Failure) return send(reply, format, err.status, renderErrors(format, err.errors));
        if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
          return send(reply, format, 400, renderErrors(format, [{ code: 400, description: err.message }]));
        }
        request.log.error({ err }, 'open311 failure');
        return send(reply, format, 500, renderErrors(format, [{ code: 500, description: 'internal error' }]));
      });
      scope.setNotFoundHandler((request, reply) => {
        const format = formatOf(request);
        return send(reply, format, 404, renderErrors(format, [{ code: 404, description: 'not found' }]));
      });

      const answer =
        (root: string, work: (format: Format, request: FastifyRequest) => Promise<Field> | Field) =>
        async (request: FastifyRequest, reply: FastifyReply) => {
          const format = formatOf(request);
          return send(reply, format, 200, render(format, root, await work(format, request)));
        };
      const query = (r: FastifyRequest) => (r.query ?? {}) as Record<string, unknown>;

      scope.get('/:file', { schema: { hide: true } }, async (request, reply) => {
        const file = splitFormat((request.params as { file: string }).file);
        if (!file) throw new Open311Failure(404, [{ code: 404, description: 'not found' }]);
        switch (file.name) {
          case 'discovery':
            return answer('discovery', () => open311.discovery(`${deps.config.publicBaseUrl}${BASE}`))(request, reply);
          case 'services':
            return answer('services', () => open311.services(query(request)))(request, reply);
          case 'requests':
            return answer('service_requests', () => open311.list(query(request)))(request, reply);
          default:
            throw new Open311Failure(404, [{ code: 404, description: 'not found' }]);
        }
      });
      scope.post('/:file', { schema: { hide: true } }, async (request, reply) => {
        const file = splitFormat((request.params as { file: string }).file);
        if (!file || file.name !== 'requests') throw new Open311Failure(404, [{ code: 404, description: 'not found' }]);
        const body = request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {};
        return answer('service_requests', () => open311.create({ ...query(request), ...body }, request.ip ?? null))(
          request,
          reply,
        );
      });
      const byId =
        (root: string, run: (id: string, q: Record<string, unknown>) => Promise<Field>) =>
        async (request: FastifyRequest, reply: FastifyReply) => {
          const file = splitFormat((request.params as { file: string }).file);
          if (!file) throw new Open311Failure(404, [{ code: 404, description: 'not found' }]);
          return answer(root, () => run(decodeURIComponent(file.name), query(request)))(request, reply);
        };
      scope.get(
        '/services/:file',
        { schema: { hide: true } },
        byId('service_definition', (id, q) => open311.serviceDefinition(id, q)),
      );
      scope.get(
        '/requests/:file',
        { schema: { hide: true } },
        byId('service_requests', (id, q) => open311.get(id, q)),
      );
      scope.get(
        '/tokens/:file',
        { schema: { hide: true } },
        byId('service_requests', (id, q) => open311.token(id, q)),
      );
    },
    { prefix: BASE },
  );
}

function formatOf(request: FastifyRequest): Format {
  return request.url.split('?')[0]!.endsWith('.json') ? 'json' : 'xml';
}

function send(reply: FastifyReply, format: Format, status: number, body: string) {
  // Exactly `text/xml` / `application/json` (the spec's types; UTF-8 throughout): a Buffer, so Fastify adds no charset.
  return reply.status(status).header('content-type', CONTENT_TYPE[format]).send(Buffer.from(body, 'utf8'));
}
