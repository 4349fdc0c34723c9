import type { FastifyError, FastifyInstance } from 'fastify';
import { pickLocale, translate, type ErrorBody } from '@qd/core';
import { isConnectionLoss } from '../db/connection-loss.js';
import { AppError, isUnstorableText } from './errors.js';

/**
 * Turns every failure into the documented body `{ error: { code, message, details? } }` in the
 * request's language. Validation failures name each field; only the unexpected is a 500.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const locale = pickLocale(request.headers['accept-language']);
    const t = (key: string) => translate(key, locale);

    if (err instanceof AppError) {
      const body: ErrorBody & { error: Record<string, unknown> } = {
        error: {
          code: err.code,
          message: t(err.messageKey),
          ...(err.details ? { details: err.details.map((d) => ({ path: d.path, message: t(d.message) })) } : {}),
          ...(err.extra ?? {}),
        },
      };
      return reply.status(err.status).send(body);
    }
    if (err.validation) {
      const details = err.validation.map((v) => ({
        path: (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.') || err.validationContext || '',
        message: t(v.message ?? 'validation.invalid'),
      }));
      return reply.status(400).send({ error: { code: 'validation_failed', message: t('badRequest'), details } });
    }
    // Fastify's own client errors: malformed JSON, too large a body, wrong content type …
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      const code = err.statusCode === 429 ? 'rate_limited' : err.statusCode === 404 ? 'not_found' : 'bad_request';
      const message =
        err.statusCode === 429
          ? t('auth.rateLimited')
          : err.statusCode === 404
            ? t('notFound')
            : `${t('badRequest')}: ${err.message}`;
      return reply.status(err.statusCode).send({ error: { code, message } });
    }
    if (isUnstorableText(err)) {
      return reply.status(400).send({ error: { code: 'bad_request', message: t('badRequest') } });
    }
    // The database connection was cut under this request (failover, restart): retryable.
    if (isConnectionLoss(err)) {
      request.log.warn({ err }, 'database connection lost');
      return reply
        .status(503)
        .header('retry-after', '5')
        .send({ error: { code: 'unavailable', message: t('unavailable') } });
    }
    request.log.error({ err }, 'unexpected error');
    return reply.status(500).send({ error: { code: 'internal', message: t('internal') } });
  });

  app.setNotFoundHandler((request, reply) => {
    const locale = pickLocale(request.headers['accept-language']);
    reply.status(404).send({ error: { code: 'not_found', message: translate('notFound', locale) } });
  });
}
