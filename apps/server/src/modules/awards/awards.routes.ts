import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  applicationDraftInput,
  applicationState,
  applicationTransitionInput,
  awardCycleInput,
  awardProgrammeInput,
  conflictDeclarationInput,
  consensusInput,
  eligibilityDecisionInput,
  expertInterestInput,
  expertScoresInput,
  feedbackReportInput,
  objectionHandlingInput,
  objectionInput,
  recommendNextInput,
  reviewMemberInput,
  reviewMemberRemoval,
  selectionInput,
  siteReviewInput,
} from '@qd/core';
import { z } from 'zod';
import { DOCUMENT_POLICY } from '../../platform/files/file-store.js';
import { contextOf } from '../../platform/http/authenticate.js';
import { readUpload, sendStoredFile } from '../../platform/http/uploads.js';
import type { AttachmentsService } from './attachments.service.js';
import type { ApplicationsService } from './applications.service.js';
import type { CommitteeService } from './committee.service.js';
import type { ProgrammesService } from './programmes.service.js';
import type { ReviewsService } from './reviews.service.js';

export interface AwardsServices {
  programmes: ProgrammesService;
  applications: ApplicationsService;
  reviews: ReviewsService;
  committee: CommitteeService;
  attachments: AttachmentsService;
}

const idParams = z.object({ id: z.uuid() });

/** Routes only parse with core's contracts and call a service (ARCHITECTURE §3). */
export function awardsRoutes(app: FastifyInstance, s: AwardsServices) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['awards'];
  const created = <T>(reply: { status(n: number): { send(v: T): unknown } }, value: T) => reply.status(201).send(value);

  // ---- programmes and cycles (office) ----
  api.get('/awards/programmes', { schema: { tags } }, (req) => s.programmes.listProgrammes(contextOf(req)));
  api.post('/awards/programmes', { schema: { tags, body: awardProgrammeInput } }, async (req, reply) =>
    created(reply, await s.programmes.createProgramme(contextOf(req), req.body)),
  );
  api.put('/awards/programmes/:id', { schema: { tags, params: idParams, body: awardProgrammeInput } }, (req) =>
    s.programmes.updateProgramme(contextOf(req), req.params.id, req.body),
  );
  api.post('/awards/programmes/:id/cycles', { schema: { tags, params: idParams, body: awardCycleInput } }, async (req, reply) =>
    created(reply, await s.programmes.createCycle(contextOf(req), req.params.id, req.body)),
  );
  api.get('/awards/cycles', { schema: { tags, querystring: z.object({ programmeId: z.uuid().optional() }) } }, (req) =>
    s.programmes.listCycles(contextOf(req), req.query.programmeId),
  );
  api.get('/awards/cycles/open', { schema: { tags, summary: 'Cycles the caller’s enterprise may apply to' } }, (req) =>
    s.programmes.openForApplication(contextOf(req)),
  );
  api.get('/awards/cycles/:id', { schema: { tags, summary: 'A cycle with its pipeline board', params: idParams } }, (req) =>
    s.programmes.getCycle(contextOf(req), req.params.id),
  );
  api.post('/awards/cycles/:id/open', { schema: { tags, params: idParams } }, (req) =>
    s.programmes.openCycle(contextOf(req), req.params.id),
  );

  // ---- applications ----
  api.get(
    '/awards/applications',
    { schema: { tags, querystring: z.object({ cycleId: z.uuid().optional(), state: applicationState.optional() }) } },
    (req) => s.applications.list(contextOf(req), req.query),
  );
  api.post('/awards/cycles/:id/applications', { schema: { tags, params: idParams } }, async (req, reply) =>
    created(reply, await s.applications.create(contextOf(req), req.params.id)),
  );
  api.get('/awards/applications/:id', { schema: { tags, params: idParams } }, (req) =>
    s.applications.get(contextOf(req), req.params.id),
  );
  api.put('/awards/applications/:id', { schema: { tags, params: idParams, body: applicationDraftInput } }, (req) =>
    s.applications.saveDraft(contextOf(req), req.params.id, req.body),
  );
  api.post('/awards/applications/:id/submit', { schema: { tags, params: idParams } }, (req) =>
    s.applications.submit(contextOf(req), req.params.id),
  );
  api.get('/awards/applications/:id/eligibility', { schema: { tags, params: idParams } }, (req) =>
    s.applications.checkEligibility(contextOf(req), req.params.id),
  );
  api.post(
    '/awards/applications/:id/eligibility-decision',
    { schema: { tags, params: idParams, body: eligibilityDecisionInput } },
    (req) => s.applications.eligibilityDecision(contextOf(req), req.params.id, req.body),
  );
  api.post(
    '/awards/applications/:id/transitions',
    {
      schema: { tags, summary: 'One step of the application state machine', params: idParams, body: applicationTransitionInput },
    },
    (req) => s.applications.transition(contextOf(req), req.params.id, req.body),
  );
  api.get('/awards/applications/:id/next-level-cycles', { schema: { tags, params: idParams } }, (req) =>
    s.applications.nextLevelCycles(contextOf(req), req.params.id),
  );
  api.post(
    '/awards/applications/:id/recommend-next',
    { schema: { tags, params: idParams, body: recommendNextInput } },
    async (req, reply) => created(reply, await s.applications.recommendNext(contextOf(req), req.params.id, req.body.cycleId)),
  );
  api.get(
    '/awards/enterprises/:id/ladder',
    { schema: { tags, summary: 'The enterprise’s award ladder', params: idParams } },
    (req) => s.applications.ladder(contextOf(req), req.params.id),
  );

  // ---- evidence attachments ----
  api.get('/awards/applications/:id/attachments', { schema: { tags, params: idParams } }, (req) =>
    s.attachments.list(contextOf(req), req.params.id),
  );
  api.post(
    '/awards/applications/:id/attachments',
    { schema: { tags, summary: 'Upload evidence (multipart field "file", optional field "itemId")', params: idParams } },
    async (req, reply) =>
      created(reply, await s.attachments.upload(contextOf(req), req.params.id, await readUpload(req, DOCUMENT_POLICY))),
  );
  const fileParams = z.object({ id: z.uuid(), fileId: z.uuid() });
  api.get('/awards/applications/:id/attachments/:fileId', { schema: { tags, params: fileParams } }, async (req, reply) => {
    const { file, bytes } = await s.attachments.download(contextOf(req), req.params.id, req.params.fileId);
    return sendStoredFile(reply, file, bytes);
  });
  api.delete('/awards/applications/:id/attachments/:fileId', { schema: { tags, params: fileParams } }, async (req, reply) => {
    await s.attachments.remove(contextOf(req), req.params.id, req.params.fileId);
    return reply.status(204).send();
  });
  api.get(
    '/awards/applications/:id/certificate',
    { schema: { tags, summary: 'The award certificate (PDF)', params: idParams } },
    async (req, reply) => {
      const { fileName, pdf } = await s.committee.certificate(contextOf(req), req.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(pdf);
    },
  );

  // ---- review groups (office) ----
  api.post(
    '/awards/cycles/:id/review-groups',
    {
      schema: {
        tags,
        summary: 'Propose (dryRun) or form the review groups',
        params: idParams,
        body: z.object({ dryRun: z.boolean().default(false) }),
      },
    },
    (req) => s.reviews.proposeGroups(contextOf(req), req.params.id, req.body),
  );
  api.get('/awards/applications/:id/review-group', { schema: { tags, params: idParams } }, (req) =>
    s.reviews.group(contextOf(req), req.params.id),
  );
  api.post(
    '/awards/applications/:id/review-group/members',
    { schema: { tags, params: idParams, body: reviewMemberInput } },
    (req) => s.reviews.addMember(contextOf(req), req.params.id, req.body),
  );
  api.post(
    '/awards/applications/:id/review-group/members/:expertId/remove',
    { schema: { tags, params: z.object({ id: z.uuid(), expertId: z.uuid() }), body: reviewMemberRemoval } },
    (req) => s.reviews.removeMember(contextOf(req), req.params.id, req.params.expertId, req.body.reason),
  );

  // ---- expert review ----
  api.get('/awards/my-reviews', { schema: { tags } }, (req) => s.reviews.myReviews(contextOf(req)));
  api.post('/awards/my-interests', { schema: { tags, body: expertInterestInput } }, async (req, reply) =>
    created(reply, await s.reviews.declareInterest(contextOf(req), req.body)),
  );
  api.post(
    '/awards/applications/:id/declaration',
    { schema: { tags, params: idParams, body: conflictDeclarationInput } },
    (req) => s.reviews.declare(contextOf(req), req.params.id, req.body),
  );
  api.get('/awards/applications/:id/review', { schema: { tags, params: idParams } }, (req) =>
    s.reviews.reviewView(contextOf(req), req.params.id),
  );
  api.put(
    '/awards/applications/:id/my-scores',
    { schema: { tags, params: idParams, body: expertScoresInput.extend({ submit: z.boolean().default(false) }) } },
    (req) => s.reviews.saveScores(contextOf(req), req.params.id, req.body),
  );
  api.get('/awards/applications/:id/consensus', { schema: { tags, params: idParams } }, (req) =>
    s.reviews.consensusView(contextOf(req), req.params.id),
  );
  api.put('/awards/applications/:id/consensus', { schema: { tags, params: idParams, body: consensusInput } }, (req) =>
    s.reviews.saveConsensus(contextOf(req), req.params.id, req.body.entries),
  );
  api.put('/awards/applications/:id/site-review', { schema: { tags, params: idParams, body: siteReviewInput } }, (req) =>
    s.reviews.saveSiteReview(contextOf(req), req.params.id, req.body),
  );
  api.put('/awards/applications/:id/feedback', { schema: { tags, params: idParams, body: feedbackReportInput } }, (req) =>
    s.reviews.saveFeedback(contextOf(req), req.params.id, req.body),
  );

  // ---- committee, notice, objections ----
  api.get(
    '/awards/cycles/:id/ranking',
    { schema: { tags, params: idParams, querystring: z.object({ unblinded: z.enum(['true', 'false']).default('false') }) } },
    (req) => s.committee.ranking(contextOf(req), req.params.id, req.query.unblinded === 'true'),
  );
  api.post('/awards/cycles/:id/selection', { schema: { tags, params: idParams, body: selectionInput } }, (req) =>
    s.committee.select(contextOf(req), req.params.id, req.body),
  );
  api.post('/awards/cycles/:id/notice', { schema: { tags, params: idParams } }, (req) =>
    s.committee.startNotice(contextOf(req), req.params.id),
  );
  api.get('/awards/cycles/:id/objections', { schema: { tags, params: idParams } }, (req) =>
    s.committee.objections(contextOf(req), req.params.id),
  );
  api.post('/awards/objections/:id/handling', { schema: { tags, params: idParams, body: objectionHandlingInput } }, (req) =>
    s.committee.handleObjection(contextOf(req), req.params.id, req.body),
  );
  api.get(
    '/awards/objections/:id/evidence/:fileId',
    { schema: { tags, params: z.object({ id: z.uuid(), fileId: z.uuid() }) } },
    async (req, reply) => {
      const { file, bytes } = await s.committee.evidence(contextOf(req), req.params.id, req.params.fileId);
      return sendStoredFile(reply, file, bytes);
    },
  );
  api.post('/awards/cycles/:id/announce', { schema: { tags, params: idParams } }, (req) =>
    s.committee.announce(contextOf(req), req.params.id),
  );

  // ---- public ----
  const pub = { public: true };
  api.get('/public/awards/notices', { config: pub, schema: { tags, security: [] } }, () => s.committee.publicNotices());
  api.get('/public/awards/revocations', { config: pub, schema: { tags, security: [] } }, () => s.committee.publicRevocations());
  api.get('/public/awards/cycles/:id/recommendations', { config: pub, schema: { tags, security: [], params: idParams } }, (req) =>
    s.applications.recommendationList(req.params.id),
  );
  api.post(
    '/public/awards/notices/:id/evidence',
    { config: pub, schema: { tags, security: [], summary: 'Upload one evidence file for an objection', params: idParams } },
    async (req, reply) =>
      created(reply, await s.committee.uploadEvidence(req.params.id, await readUpload(req, DOCUMENT_POLICY), req.ip ?? null)),
  );
  api.post(
    '/public/awards/notices/:id/applications/:applicationId/objections',
    {
      config: pub,
      schema: {
        tags,
        security: [],
        summary: 'A real-name objection during the public notice',
        params: z.object({ id: z.uuid(), applicationId: z.uuid() }),
        body: objectionInput,
      },
    },
    async (req, reply) =>
      created(reply, await s.committee.lodgeObjection(req.params.id, req.params.applicationId, req.body, req.ip ?? null)),
  );
}
