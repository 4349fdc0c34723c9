import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditEntry, auditListQuery, auditVerifyResult, pageOf } from '@qd/core';
import { contextOf } from '../../platform/http/authenticate.js';
import type { AuditService } from './audit.service.js';

/** Read and verify only: nothing in the API alters or deletes an audit row. */
export function auditRoutes(app: FastifyInstance, audit: AuditService) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];
  api.get('/audit', { schema: { tags, querystring: auditListQuery, response: { 200: pageOf(auditEntry) } } }, (req) =>
    audit.list(contextOf(req), req.query),
  );
  api.post('/audit/verify', { schema: { tags, summary: 'Verify the hash chain', response: { 200: auditVerifyResult } } }, (req) =>
    audit.verify(contextOf(req)),
  );
}
