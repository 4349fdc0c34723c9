import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  contact,
  contactInput,
  contactUpdateInput,
  departmentInput,
  enterpriseInput,
  expert,
  expertInput,
  expertListQuery,
  importResult,
  institutionInput,
  organization,
  organizationListQuery,
  pageOf,
  region,
  regionCreateRequest,
  regionNode,
  registrySummary,
  revealedPhone,
  type OrganizationKind,
} from '@qd/core';
import { z } from 'zod';
import { contextOf } from '../../platform/http/authenticate.js';
import { AppError } from '../../platform/http/errors.js';
import type { ContactsService } from './contacts.service.js';
import type { EnterpriseTransferService } from './enterprise-transfer.service.js';
import type { ExpertsService } from './experts.service.js';
import type { OrganizationsService } from './organizations.service.js';
import type { RegionsService } from './regions.service.js';

const idParams = z.object({ id: z.uuid() });
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export interface RegistryServices {
  organizations: OrganizationsService;
  contacts: ContactsService;
  experts: ExpertsService;
  regions: RegionsService;
  transfer: EnterpriseTransferService;
}

export function registryRoutes(app: FastifyInstance, s: RegistryServices) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['registry'];

  api.get('/regions', { schema: { tags, response: { 200: z.array(region) } } }, (req) => s.regions.list(contextOf(req)));
  api.get('/regions/tree', { schema: { tags, response: { 200: z.array(regionNode) } } }, (req) => s.regions.tree(contextOf(req)));
  api.post('/regions', { schema: { tags, body: regionCreateRequest, response: { 201: region } } }, async (req, reply) =>
    reply.status(201).send(await s.regions.create(contextOf(req), req.body)),
  );
  api.get('/registry/summary', { schema: { tags, response: { 200: registrySummary } } }, (req) =>
    s.regions.summary(contextOf(req)),
  );

  // Enterprise export/import come before /:id so the static paths win.
  api.get(
    '/enterprises/export',
    { schema: { tags, summary: 'The filtered enterprise list as .xlsx', querystring: organizationListQuery } },
    async (req, reply) => {
      const file = await s.transfer.exportEnterprises(contextOf(req), req.query);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.buffer);
    },
  );
  api.post(
    '/enterprises/import',
    {
      schema: {
        tags,
        summary: 'Import enterprises from .xlsx or .csv (multipart field "file"): all rows or none',
        response: { 200: importResult },
      },
    },
    async (req) => {
      const ctx = contextOf(req);
      const part = await req.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } }).catch(() => undefined);
      if (!part) throw new AppError(400, 'validation_failed', 'badRequest', [{ path: 'file', message: 'validation.required' }]);
      const buffer = await part.toBuffer();
      return s.transfer.importEnterprises(ctx, { buffer, filename: part.filename });
    },
  );

  const kinds: [OrganizationKind, string, z.ZodType][] = [
    ['enterprise', '/enterprises', enterpriseInput],
    ['department', '/departments', departmentInput],
    ['institution', '/institutions', institutionInput],
  ];
  for (const [kind, path, input] of kinds) {
    api.get(path, { schema: { tags, querystring: organizationListQuery, response: { 200: pageOf(organization) } } }, (req) =>
      s.organizations.list(contextOf(req), kind, req.query),
    );
    api.post(path, { schema: { tags, body: input, response: { 201: organization } } }, async (req, reply) =>
      reply.status(201).send(await s.organizations.create(contextOf(req), kind, req.body as never)),
    );
    api.get(`${path}/:id`, { schema: { tags, params: idParams, response: { 200: organization } } }, (req) =>
      s.organizations.get(contextOf(req), kind, req.params.id),
    );
    api.put(`${path}/:id`, { schema: { tags, params: idParams, body: input, response: { 200: organization } } }, (req) =>
      s.organizations.update(contextOf(req), kind, req.params.id, req.body as never),
    );
  }

  api.get('/organizations/:id/contacts', { schema: { tags, params: idParams, response: { 200: z.array(contact) } } }, (req) =>
    s.contacts.list(contextOf(req), req.params.id),
  );
  api.post(
    '/organizations/:id/contacts',
    { schema: { tags, params: idParams, body: contactInput, response: { 201: contact } } },
    async (req, reply) => reply.status(201).send(await s.contacts.create(contextOf(req), req.params.id, req.body)),
  );
  api.put('/contacts/:id', { schema: { tags, params: idParams, body: contactUpdateInput, response: { 200: contact } } }, (req) =>
    s.contacts.update(contextOf(req), req.params.id, req.body),
  );
  api.delete('/contacts/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    await s.contacts.remove(contextOf(req), req.params.id);
    return reply.status(204).send();
  });
  api.post(
    '/contacts/:id/reveal',
    {
      schema: {
        tags,
        summary: 'The full phone number (permission registry.contact.reveal; audited)',
        params: idParams,
        response: { 200: revealedPhone },
      },
    },
    (req) => s.contacts.reveal(contextOf(req), req.params.id),
  );

  api.get('/experts', { schema: { tags, querystring: expertListQuery, response: { 200: pageOf(expert) } } }, (req) =>
    s.experts.list(contextOf(req), req.query),
  );
  api.post('/experts', { schema: { tags, body: expertInput, response: { 201: expert } } }, async (req, reply) =>
    reply.status(201).send(await s.experts.create(contextOf(req), req.body)),
  );
  api.get('/experts/:id', { schema: { tags, params: idParams, response: { 200: expert } } }, (req) =>
    s.experts.get(contextOf(req), req.params.id),
  );
  api.put('/experts/:id', { schema: { tags, params: idParams, body: expertInput, response: { 200: expert } } }, (req) =>
    s.experts.update(contextOf(req), req.params.id, req.body),
  );
}
