import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  apiClient,
  apiClientInput,
  board,
  boardQuery,
  catalogueQuery,
  catalogueService,
  catalogueServiceInput,
  dispatchInput,
  dispatchProposal,
  issuedApiClient,
  mergeInput,
  pageOf,
  publicFigures,
  quotationInput,
  rateInput,
  reasonInput,
  requestDetail,
  requestListQuery,
  requestSubmitInput,
  requestSummary,
  textInput,
  transferInput,
} from '@qd/core';
import { z } from 'zod';
import { DOCUMENT_POLICY } from '../../platform/files/file-store.js';
import { contextOf } from '../../platform/http/authenticate.js';
import { readUpload, sendStoredFile } from '../../platform/http/uploads.js';
import type { ApiClientsService } from './api-clients.service.js';
import type { BoardService } from './board.service.js';
import type { CatalogueServiceApi } from './catalogue.service.js';
import type { RequestsService } from './requests.service.js';

const idParams = z.object({ id: z.uuid() });
const publicRegion = z.object({
  region: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});

export interface ServicesServices {
  catalogue: CatalogueServiceApi;
  requests: RequestsService;
  board: BoardService;
  apiClients: ApiClientsService;
  /** The region the public pages show when none is named. */
  defaultRegion: string;
}

export function servicesRoutes(app: FastifyInstance, s: ServicesServices) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['services'];

  // ---- public (no log-in): the catalogue and the monthly figures ----
  api.get(
    '/public/services/catalogue',
    {
      config: { public: true },
      schema: { tags, querystring: catalogueQuery.extend(publicRegion.shape), response: { 200: pageOf(catalogueService) } },
    },
    (req) => s.catalogue.list(null, req.query.region ?? s.defaultRegion, req.query),
  );
  api.get(
    '/public/services/figures',
    { config: { public: true }, schema: { tags, querystring: publicRegion, response: { 200: publicFigures } } },
    (req) => s.board.publicFigures(req.query.region ?? s.defaultRegion),
  );

  // ---- catalogue ----
  api.get(
    '/services/catalogue',
    { schema: { tags, querystring: catalogueQuery, response: { 200: pageOf(catalogueService) } } },
    (req) => {
      const ctx = contextOf(req);
      return s.catalogue.list(ctx, ctx.actor.regionCode, req.query);
    },
  );
  api.get('/services/catalogue/:id', { schema: { tags, params: idParams, response: { 200: catalogueService } } }, (req) =>
    s.catalogue.get(contextOf(req), req.params.id),
  );
  api.post(
    '/services/catalogue',
    { schema: { tags, body: catalogueServiceInput, response: { 201: catalogueService } } },
    async (req, reply) => reply.status(201).send(await s.catalogue.create(contextOf(req), req.body)),
  );
  api.put(
    '/services/catalogue/:id',
    { schema: { tags, params: idParams, body: catalogueServiceInput, response: { 200: catalogueService } } },
    (req) => s.catalogue.update(contextOf(req), req.params.id, req.body),
  );

  // ---- requests ----
  api.get(
    '/services/requests',
    { schema: { tags, querystring: requestListQuery, response: { 200: pageOf(requestSummary) } } },
    (req) => s.requests.list(contextOf(req), req.query),
  );
  api.post(
    '/services/requests',
    { schema: { tags, body: requestSubmitInput, response: { 201: requestDetail } } },
    async (req, reply) => reply.status(201).send(await s.requests.submit(contextOf(req), req.body)),
  );
  api.get('/services/requests/:id', { schema: { tags, params: idParams, response: { 200: requestDetail } } }, (req) =>
    s.requests.get(contextOf(req), req.params.id),
  );
  api.get('/services/requests/:id/proposal', { schema: { tags, params: idParams, response: { 200: dispatchProposal } } }, (req) =>
    s.requests.proposal(contextOf(req), req.params.id),
  );

  const step = <B extends z.ZodType>(
    path: string,
    body: B,
    run: (req: { ctx: ReturnType<typeof contextOf>; id: string; body: z.infer<B> }) => unknown,
  ) =>
    api.post(
      `/services/requests/:id/${path}`,
      { schema: { tags, params: idParams, body, response: { 200: requestDetail } } },
      (req) => run({ ctx: contextOf(req), id: req.params.id, body: req.body as z.infer<B> }) as never,
    );
  const none = z.object({}).default({});
  step('accept', none, (r) => s.requests.accept(r.ctx, r.id));
  step('decline', reasonInput, (r) => s.requests.decline(r.ctx, r.id, r.body.reason));
  step('dispatch', dispatchInput, (r) => s.requests.dispatch(r.ctx, r.id, r.body.institutionIds));
  step('transfer', transferInput, (r) => s.requests.transfer(r.ctx, r.id, r.body.institutionIds, r.body.reason));
  step('merge', mergeInput, (r) => s.requests.merge(r.ctx, r.id, r.body.targetNumber));
  step('close', none, (r) => s.requests.close(r.ctx, r.id));
  step('notes', textInput, (r) => s.requests.note(r.ctx, r.id, r.body.text));
  step('questions', textInput, (r) => s.requests.question(r.ctx, r.id, r.body.text));
  step('answers', textInput, (r) => s.requests.answer(r.ctx, r.id, r.body.text));
  step('rate', rateInput, (r) => s.requests.rate(r.ctx, r.id, r.body.rating, r.body.comment));
  step('reopen', reasonInput, (r) => s.requests.reopen(r.ctx, r.id, r.body.reason));
  step('institution-accept', none, (r) => s.requests.institutionAccept(r.ctx, r.id));
  step('hand-back', reasonInput, (r) => s.requests.handBack(r.ctx, r.id, r.body.reason));
  step('progress', textInput, (r) => s.requests.progress(r.ctx, r.id, r.body.text));
  step('quotation', quotationInput, (r) => s.requests.quote(r.ctx, r.id, r.body.amountFen, r.body.text));
  step('done', textInput, (r) => s.requests.done(r.ctx, r.id, r.body.text));

  api.post(
    '/services/requests/:id/attachments',
    { schema: { tags, summary: 'Adds a file (multipart field "file")', params: idParams, response: { 200: requestDetail } } },
    async (req) => {
      const ctx = contextOf(req);
      return s.requests.attach(ctx, req.params.id, await readUpload(req, DOCUMENT_POLICY));
    },
  );
  api.get(
    '/services/requests/:id/attachments/:attachmentId',
    { schema: { tags, summary: 'Downloads a file of the request', params: z.object({ id: z.uuid(), attachmentId: z.uuid() }) } },
    async (req, reply) => {
      const { file, bytes } = await s.requests.attachment(contextOf(req), req.params.id, req.params.attachmentId);
      return sendStoredFile(reply, file, bytes);
    },
  );

  // ---- oversight ----
  api.get('/services/board', { schema: { tags, querystring: boardQuery, response: { 200: board } } }, (req) =>
    s.board.board(contextOf(req), req.query),
  );
  api.get(
    '/services/board/export',
    { schema: { tags, summary: 'The board as .xlsx', querystring: boardQuery } },
    async (req, reply) => {
      const file = await s.board.exportXlsx(contextOf(req), req.query);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.buffer);
    },
  );

  // ---- Open311 api keys ----
  api.get('/services/api-clients', { schema: { tags, response: { 200: z.array(apiClient) } } }, (req) =>
    s.apiClients.list(contextOf(req)),
  );
  api.post(
    '/services/api-clients',
    { schema: { tags, body: apiClientInput, response: { 201: issuedApiClient } } },
    async (req, reply) => reply.status(201).send(await s.apiClients.issue(contextOf(req), req.body.name)),
  );
  api.post(
    '/services/api-clients/:id/revoke',
    { schema: { tags, params: idParams, body: none, response: { 200: apiClient } } },
    (req) => s.apiClients.revoke(contextOf(req), req.params.id),
  );
}
