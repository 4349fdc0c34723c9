import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  drawCommitInput,
  drawRecord,
  drawSeedInput,
  inspectionItem,
  inspectionItemInput,
  inspectionListQuery,
  inspectionRecord,
  inspectionRecordInput,
  inspectorInput,
  inspectorRecord,
  listQuery,
  notifyInput,
  objectionDecisionInput,
  overdueItem,
  pageOf,
  planListQuery,
  productCheck,
  productCheckInput,
  productCheckListQuery,
  productResultsInput,
  productResultsCorrectionInput,
  publicDraw,
  publicDrawList,
  publicResultPage,
  publicResultQuery,
  rectification,
  rectificationListQuery,
  rectificationStepInput,
  retestInput,
  retestRequestInput,
  riskSignal,
  riskSignalInput,
  signalGradeInput,
  signalListQuery,
  spotCheckPlan,
  spotCheckPlanInput,
  supervisionTarget,
  targetListQuery,
  targetSyncResult,
  targetUpdate,
  isoDate,
  type ProductCheck,
  rectificationMachine,
} from '@qd/core';
import { z } from 'zod';
import { contextOf } from '../../platform/http/authenticate.js';
import { readUpload, sendStoredFile } from '../../platform/http/uploads.js';
import { DOCUMENT_POLICY } from '../../platform/files/file-store.js';
import type { DirectoriesService } from './directories.service.js';
import type { InspectionsService } from './inspections.service.js';
import type { PlansService } from './plans.service.js';
import type { ProductChecksService } from './product-checks.service.js';
import type { PublicationService } from './publication.service.js';
import type { RectificationsService } from './rectifications.service.js';
import type { SignalsService } from './signals.service.js';

export interface SupervisionServices {
  directories: DirectoriesService;
  plans: PlansService;
  inspections: InspectionsService;
  productChecks: ProductChecksService;
  rectifications: RectificationsService;
  signals: SignalsService;
  publication: PublicationService;
}

const idParams = z.object({ id: z.uuid() });
const enterpriseParams = z.object({ enterpriseId: z.uuid() });
const rectificationTransitions = rectificationMachine.transitionNames as unknown as [string, ...string[]];

/** HTTP of the supervision module: routes parse with core's contracts and call one service method. */
export function supervisionRoutes(app: FastifyInstance, s: SupervisionServices) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['supervision'];
  const base = '/supervision';

  // ---- inspection-item list ----
  api.get(`${base}/items`, { schema: { tags, querystring: listQuery, response: { 200: pageOf(inspectionItem) } } }, (req) =>
    s.directories.listItems(contextOf(req), req.query),
  );
  api.post(
    `${base}/items`,
    { schema: { tags, body: inspectionItemInput, response: { 201: inspectionItem } } },
    async (req, reply) => reply.status(201).send(await s.directories.saveItem(contextOf(req), null, req.body)),
  );
  api.put(
    `${base}/items/:id`,
    { schema: { tags, params: idParams, body: inspectionItemInput, response: { 200: inspectionItem } } },
    (req) => s.directories.saveItem(contextOf(req), req.params.id, req.body),
  );

  // ---- target directory ----
  api.get(
    `${base}/targets`,
    { schema: { tags, querystring: targetListQuery, response: { 200: pageOf(supervisionTarget) } } },
    (req) => s.directories.listTargets(contextOf(req), req.query),
  );
  api.post(
    `${base}/targets/sync`,
    {
      schema: {
        tags,
        summary: 'Take the region’s enterprises from the registry into the directory',
        response: { 200: targetSyncResult },
      },
    },
    (req) => s.directories.syncTargets(contextOf(req)),
  );
  api.put(
    `${base}/targets/:enterpriseId`,
    { schema: { tags, params: enterpriseParams, body: targetUpdate, response: { 200: supervisionTarget } } },
    (req) => s.directories.updateTarget(contextOf(req), req.params.enterpriseId, req.body),
  );

  // ---- inspector directory ----
  api.get(`${base}/inspectors`, { schema: { tags, querystring: listQuery, response: { 200: pageOf(inspectorRecord) } } }, (req) =>
    s.directories.listInspectors(contextOf(req), req.query),
  );
  api.get(`${base}/inspectors/:id`, { schema: { tags, params: idParams, response: { 200: inspectorRecord } } }, (req) =>
    s.directories.getInspector(contextOf(req), req.params.id),
  );
  api.post(
    `${base}/inspectors`,
    { schema: { tags, body: inspectorInput, response: { 201: inspectorRecord } } },
    async (req, reply) => reply.status(201).send(await s.directories.saveInspector(contextOf(req), null, req.body)),
  );
  api.put(
    `${base}/inspectors/:id`,
    { schema: { tags, params: idParams, body: inspectorInput, response: { 200: inspectorRecord } } },
    (req) => s.directories.saveInspector(contextOf(req), req.params.id, req.body),
  );

  // ---- plans and the draw ----
  api.get(`${base}/plans`, { schema: { tags, querystring: planListQuery, response: { 200: pageOf(spotCheckPlan) } } }, (req) =>
    s.plans.list(contextOf(req), req.query),
  );
  api.post(
    `${base}/plans`,
    { schema: { tags, body: spotCheckPlanInput, response: { 201: spotCheckPlan } } },
    async (req, reply) => {
      const ctx = contextOf(req);
      return reply.status(201).send(await s.plans.get(ctx, await s.plans.create(ctx, req.body)));
    },
  );
  api.get(`${base}/plans/:id`, { schema: { tags, params: idParams, response: { 200: spotCheckPlan } } }, (req) =>
    s.plans.get(contextOf(req), req.params.id),
  );
  api.post(
    `${base}/plans/:id/commit`,
    {
      schema: {
        tags,
        summary: 'Freeze the pool (hash) and announce the seed source',
        params: idParams,
        body: drawCommitInput,
        response: { 200: spotCheckPlan },
      },
    },
    (req) => s.plans.commit(contextOf(req), req.params.id, req.body),
  );
  api.post(
    `${base}/plans/:id/seed`,
    { schema: { tags, params: idParams, body: drawSeedInput, response: { 200: spotCheckPlan } } },
    (req) => s.plans.enterSeed(contextOf(req), req.params.id, req.body.seed),
  );
  api.post(`${base}/plans/:id/draw-targets`, { schema: { tags, params: idParams, response: { 200: spotCheckPlan } } }, (req) =>
    s.plans.drawTargets(contextOf(req), req.params.id),
  );
  api.post(`${base}/plans/:id/draw-inspectors`, { schema: { tags, params: idParams, response: { 200: spotCheckPlan } } }, (req) =>
    s.plans.drawInspectors(contextOf(req), req.params.id),
  );
  api.post(`${base}/plans/:id/close`, { schema: { tags, params: idParams, response: { 200: spotCheckPlan } } }, (req) =>
    s.plans.close(contextOf(req), req.params.id),
  );

  // ---- inspections ----
  api.get(
    `${base}/inspections`,
    { schema: { tags, querystring: inspectionListQuery, response: { 200: pageOf(inspectionRecord) } } },
    (req) => s.inspections.list(contextOf(req), req.query),
  );
  api.get(`${base}/inspections/:id`, { schema: { tags, params: idParams, response: { 200: inspectionRecord } } }, (req) =>
    s.inspections.get(contextOf(req), req.params.id),
  );
  api.post(
    `${base}/inspections/:id/record`,
    { schema: { tags, params: idParams, body: inspectionRecordInput, response: { 200: inspectionRecord } } },
    (req) => s.inspections.record(contextOf(req), req.params.id, req.body),
  );
  api.post(
    `${base}/inspections/:id/publish`,
    { schema: { tags, params: idParams, response: { 200: inspectionRecord } } },
    (req) => s.inspections.publish(contextOf(req), req.params.id),
  );

  // ---- product spot checks ----
  api.get(
    `${base}/product-checks`,
    { schema: { tags, querystring: productCheckListQuery, response: { 200: pageOf(productCheck) } } },
    (req) => s.productChecks.list(contextOf(req), req.query),
  );
  api.post(
    `${base}/product-checks`,
    { schema: { tags, body: productCheckInput, response: { 201: productCheck } } },
    async (req, reply) => reply.status(201).send(await s.productChecks.create(contextOf(req), req.body)),
  );
  api.get(`${base}/product-checks/:id`, { schema: { tags, params: idParams, response: { 200: productCheck } } }, (req) =>
    s.productChecks.get(contextOf(req), req.params.id),
  );
  const checkAction = <B extends z.ZodType>(
    path: string,
    body: B,
    run: (ctx: ReturnType<typeof contextOf>, id: string, body: z.infer<B>) => Promise<ProductCheck>,
  ) =>
    api.post(
      `${base}/product-checks/:id/${path}`,
      { schema: { tags, params: idParams, body, response: { 200: productCheck } } },
      (req) => run(contextOf(req), req.params.id, req.body as z.infer<B>),
    );
  checkAction('results', productResultsInput, (ctx, id, b) => s.productChecks.recordResults(ctx, id, b));
  checkAction('correction', productResultsCorrectionInput, (ctx, id, b) => s.productChecks.correctResults(ctx, id, b));
  checkAction('notify', notifyInput, (ctx, id, b) => s.productChecks.notify(ctx, id, b));
  checkAction('objection', retestRequestInput, (ctx, id, b) => s.productChecks.object(ctx, id, b));
  checkAction('decision', objectionDecisionInput, (ctx, id, b) => s.productChecks.decide(ctx, id, b));
  checkAction('retest', retestInput, (ctx, id, b) => s.productChecks.retest(ctx, id, b));
  api.post(`${base}/product-checks/:id/close`, { schema: { tags, params: idParams, response: { 200: productCheck } } }, (req) =>
    s.productChecks.close(contextOf(req), req.params.id),
  );
  api.post(`${base}/product-checks/:id/publish`, { schema: { tags, params: idParams, response: { 200: productCheck } } }, (req) =>
    s.productChecks.publish(contextOf(req), req.params.id),
  );
  api.post(
    `${base}/product-checks/:id/rectification`,
    {
      schema: {
        tags,
        params: idParams,
        body: z.object({ orderedOn: isoDate, correctBy: isoDate }),
        response: { 201: rectification },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await s.rectifications.orderForProductCheck(contextOf(req), req.params.id, req.body)),
  );

  // ---- follow-up chain ----
  api.get(
    `${base}/rectifications`,
    { schema: { tags, querystring: rectificationListQuery, response: { 200: pageOf(rectification) } } },
    (req) => s.rectifications.list(contextOf(req), req.query),
  );
  api.get(`${base}/rectifications/:id`, { schema: { tags, params: idParams, response: { 200: rectification } } }, (req) =>
    s.rectifications.get(contextOf(req), req.params.id),
  );
  api.post(
    `${base}/rectifications/:id/steps/:transition`,
    {
      schema: {
        tags,
        params: idParams.extend({ transition: z.enum(rectificationTransitions) }),
        body: rectificationStepInput,
        response: { 200: rectification },
      },
    },
    (req) => s.rectifications.step(contextOf(req), req.params.id, req.params.transition, req.body),
  );

  api.post(
    `${base}/rectifications/:id/evidence`,
    {
      schema: {
        tags,
        summary: 'The firm’s evidence file (multipart "file", optional field "note")',
        params: idParams,
        response: { 200: rectification },
      },
    },
    async (req) => {
      const upload = await readUpload(req, DOCUMENT_POLICY);
      return s.rectifications.submitEvidenceFile(contextOf(req), req.params.id, { ...upload, note: upload.fields.note ?? '' });
    },
  );
  api.get(
    `${base}/rectifications/:id/files/:fileId`,
    { schema: { tags, params: idParams.extend({ fileId: z.uuid() }) } },
    async (req, reply) => {
      const { file, bytes } = await s.rectifications.evidenceFile(contextOf(req), req.params.id, req.params.fileId);
      return sendStoredFile(reply, file, bytes);
    },
  );

  // ---- risk monitoring ----
  api.get(`${base}/signals`, { schema: { tags, querystring: signalListQuery, response: { 200: pageOf(riskSignal) } } }, (req) =>
    s.signals.list(contextOf(req), req.query),
  );
  api.post(`${base}/signals`, { schema: { tags, body: riskSignalInput, response: { 201: riskSignal } } }, async (req, reply) =>
    reply.status(201).send(await s.signals.create(contextOf(req), req.body)),
  );
  api.get(`${base}/signals/:id`, { schema: { tags, params: idParams, response: { 200: riskSignal } } }, (req) =>
    s.signals.get(contextOf(req), req.params.id),
  );
  api.post(
    `${base}/signals/:id/grade`,
    { schema: { tags, params: idParams, body: signalGradeInput, response: { 200: riskSignal } } },
    (req) => s.signals.grade(contextOf(req), req.params.id, req.body),
  );
  api.post(
    `${base}/signals/:id/plan`,
    { schema: { tags, params: idParams, body: spotCheckPlanInput, response: { 200: riskSignal } } },
    (req) => s.signals.toPlan(contextOf(req), req.params.id, req.body),
  );
  api.post(
    `${base}/signals/:id/close`,
    {
      schema: {
        tags,
        params: idParams,
        body: z.object({ note: z.string().trim().min(1).max(1000) }),
        response: { 200: riskSignal },
      },
    },
    (req) => s.signals.close(contextOf(req), req.params.id, req.body.note),
  );

  // ---- publication ----
  api.get(`${base}/overdue`, { schema: { tags, response: { 200: z.array(overdueItem) } } }, (req) =>
    s.publication.overdue(contextOf(req)),
  );
  const settings = z.object({ publicationWorkingDays: z.number().int().min(1).max(60) });
  api.get(`${base}/settings`, { schema: { tags, response: { 200: settings } } }, (req) => s.publication.settings(contextOf(req)));
  api.put(`${base}/settings`, { schema: { tags, body: settings, response: { 200: settings } } }, (req) =>
    s.publication.saveSettings(contextOf(req), req.body.publicationWorkingDays),
  );

  // ---- public (一公开): no session, no personal data ----
  const open = { public: true };
  api.get(
    '/public/supervision/results',
    {
      config: open,
      schema: {
        tags,
        summary: 'Published check results, keyset-paged',
        querystring: publicResultQuery,
        response: { 200: publicResultPage },
      },
    },
    (req) => s.publication.publicResults(req.query),
  );
  api.get('/public/supervision/draws', { config: open, schema: { tags, response: { 200: publicDrawList } } }, () =>
    s.plans.publicDraws(),
  );
  api.get(
    '/public/supervision/draws/:id',
    { config: open, schema: { tags, params: idParams, response: { 200: publicDraw } } },
    (req) => s.plans.publicDraw(req.params.id),
  );
  api.get(
    '/public/supervision/draw-records/:id',
    {
      config: open,
      schema: {
        tags,
        summary: 'One published draw record (the file `qd draw verify` reads); ?download=1 as an attachment',
        params: idParams,
        querystring: z.object({ download: z.enum(['0', '1']).optional() }),
        response: { 200: drawRecord },
      },
    },
    async (req, reply) => {
      const record = await s.plans.publicDrawRecord(req.params.id);
      if (req.query.download === '1') reply.header('content-disposition', `attachment; filename="draw-${req.params.id}.json"`);
      return record;
    },
  );
}
