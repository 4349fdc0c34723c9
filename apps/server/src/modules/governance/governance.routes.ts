import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  appealDecisionInput,
  appealInput,
  attendanceInput,
  budgetLineInput,
  commitmentInput,
  enteredValueInput,
  groupMemberEnd,
  groupMemberInput,
  groupQuery,
  meetingInput,
  meetingListQuery,
  meetingTransitionInput,
  minutesInput,
  paymentInput,
  progressInput,
  reallocationInput,
  resolutionInput,
  schemeInput,
  taskListQuery,
  taskTransitionInput,
  yearParams,
} from '@qd/core';
import { z } from 'zod';
import { DOCUMENT_POLICY } from '../../platform/files/file-store.js';
import { contextOf } from '../../platform/http/authenticate.js';
import { readUpload, sendStoredFile } from '../../platform/http/uploads.js';
import type { AssessmentService } from './assessment.service.js';
import type { BudgetService } from './budget.service.js';
import type { GroupService } from './group.service.js';
import type { MeetingsService } from './meetings.service.js';
import type { ReportService } from './report.service.js';
import type { TasksService } from './tasks.service.js';

export interface GovernanceServices {
  group: GroupService;
  meetings: MeetingsService;
  tasks: TasksService;
  assessment: AssessmentService;
  budget: BudgetService;
  report: ReportService;
}

const idParams = z.object({ id: z.uuid() });
const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

/** HTTP only: parse with the core contract, call the service. */
export function governanceRoutes(app: FastifyInstance, s: GovernanceServices) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['governance'];
  const created = <T>(reply: { status(code: number): { send(v: T): unknown } }, value: T) => reply.status(201).send(value);

  // ---- leadership group ----
  api.get('/governance/group', { schema: { tags, querystring: groupQuery } }, (req) => s.group.list(contextOf(req), req.query));
  api.post('/governance/group/members', { schema: { tags, body: groupMemberInput } }, async (req, reply) =>
    created(reply, await s.group.add(contextOf(req), req.body)),
  );
  api.post('/governance/group/members/:id/end', { schema: { tags, params: idParams, body: groupMemberEnd } }, (req) =>
    s.group.end(contextOf(req), req.params.id, req.body),
  );

  // ---- joint meetings and resolutions ----
  api.get('/governance/meetings', { schema: { tags, querystring: meetingListQuery } }, (req) =>
    s.meetings.list(contextOf(req), req.query),
  );
  api.post('/governance/meetings', { schema: { tags, body: meetingInput } }, async (req, reply) =>
    created(reply, await s.meetings.create(contextOf(req), req.body)),
  );
  api.get('/governance/meetings/:id', { schema: { tags, params: idParams } }, (req) =>
    s.meetings.get(contextOf(req), req.params.id),
  );
  api.put('/governance/meetings/:id/attendance', { schema: { tags, params: idParams, body: attendanceInput } }, (req) =>
    s.meetings.recordAttendance(contextOf(req), req.params.id, req.body),
  );
  api.put('/governance/meetings/:id/minutes', { schema: { tags, params: idParams, body: minutesInput } }, (req) =>
    s.meetings.recordMinutes(contextOf(req), req.params.id, req.body.minutes),
  );
  api.post('/governance/meetings/:id/transitions', { schema: { tags, params: idParams, body: meetingTransitionInput } }, (req) =>
    s.meetings.transition(contextOf(req), req.params.id, req.body.transition),
  );
  api.post(
    '/governance/meetings/:id/resolutions',
    { schema: { tags, params: idParams, body: resolutionInput } },
    async (req, reply) => created(reply, await s.meetings.addResolution(contextOf(req), req.params.id, req.body)),
  );

  // ---- supervised tasks ----
  api.get('/governance/tasks', { schema: { tags, querystring: taskListQuery } }, (req) =>
    s.tasks.list(contextOf(req), req.query),
  );
  api.get('/governance/tasks/board', { schema: { tags, querystring: yearQuery.partial() } }, (req) =>
    s.tasks.board(contextOf(req), req.query.year),
  );
  api.get('/governance/tasks/:id', { schema: { tags, params: idParams } }, (req) => s.tasks.get(contextOf(req), req.params.id));
  api.post('/governance/tasks/:id/progress', { schema: { tags, params: idParams, body: progressInput } }, async (req, reply) =>
    created(reply, await s.tasks.report(contextOf(req), req.params.id, req.body)),
  );
  api.post('/governance/tasks/:id/transitions', { schema: { tags, params: idParams, body: taskTransitionInput } }, (req) =>
    s.tasks.transition(contextOf(req), req.params.id, req.body),
  );
  api.post(
    '/governance/tasks/:id/attachments',
    { schema: { tags, params: idParams, summary: 'Attach evidence (multipart field "file", optional field "progressId")' } },
    async (req, reply) =>
      created(reply, await s.tasks.attach(contextOf(req), req.params.id, await readUpload(req, DOCUMENT_POLICY))),
  );
  api.get(
    '/governance/tasks/:id/attachments/:fileId',
    { schema: { tags, params: z.object({ id: z.uuid(), fileId: z.uuid() }) } },
    async (req, reply) => {
      const { file, bytes } = await s.tasks.attachment(contextOf(req), req.params.id, req.params.fileId);
      return sendStoredFile(reply, file, bytes);
    },
  );

  // ---- assessment ----
  api.get('/governance/assessment-sources', { schema: { tags } }, (req) => s.assessment.sources(contextOf(req)));
  api.get('/governance/assessments', { schema: { tags } }, (req) => s.assessment.listSchemes(contextOf(req)));
  api.post('/governance/assessments', { schema: { tags, body: schemeInput } }, async (req, reply) =>
    created(reply, await s.assessment.createScheme(contextOf(req), req.body)),
  );
  api.get('/governance/assessments/:year', { schema: { tags, params: yearParams } }, (req) =>
    s.assessment.get(contextOf(req), req.params.year),
  );
  api.put('/governance/assessments/:year', { schema: { tags, params: yearParams, body: schemeInput } }, (req) =>
    s.assessment.updateScheme(contextOf(req), req.params.year, req.body),
  );
  api.put('/governance/assessments/:year/values', { schema: { tags, params: yearParams, body: enteredValueInput } }, (req) =>
    s.assessment.enterValue(contextOf(req), req.params.year, req.body),
  );
  api.post('/governance/assessments/:year/compute', { schema: { tags, params: yearParams } }, (req) =>
    s.assessment.compute(contextOf(req), req.params.year),
  );
  api.post('/governance/assessments/:year/lock', { schema: { tags, params: yearParams } }, (req) =>
    s.assessment.lock(contextOf(req), req.params.year),
  );
  api.post(
    '/governance/assessments/:year/appeals',
    { schema: { tags, params: yearParams, body: appealInput } },
    async (req, reply) => created(reply, await s.assessment.appeal(contextOf(req), req.params.year, req.body.reason)),
  );
  api.post(
    '/governance/assessments/:year/appeals/:id/decision',
    { schema: { tags, params: yearParams.extend({ id: z.uuid() }), body: appealDecisionInput } },
    (req) => s.assessment.decideAppeal(contextOf(req), req.params.year, req.params.id, req.body),
  );

  // ---- budget ----
  api.get('/governance/budget/lines', { schema: { tags, querystring: yearQuery } }, (req) =>
    s.budget.lines(contextOf(req), req.query.year),
  );
  api.post('/governance/budget/lines', { schema: { tags, body: budgetLineInput } }, async (req, reply) =>
    created(reply, await s.budget.createLine(contextOf(req), req.body)),
  );
  api.get('/governance/budget/lines/:id', { schema: { tags, params: idParams } }, (req) =>
    s.budget.line(contextOf(req), req.params.id),
  );
  api.post(
    '/governance/budget/lines/:id/commitments',
    { schema: { tags, params: idParams, body: commitmentInput } },
    async (req, reply) => created(reply, await s.budget.commit(contextOf(req), req.params.id, req.body)),
  );
  api.post(
    '/governance/budget/lines/:id/payments',
    { schema: { tags, params: idParams, body: paymentInput } },
    async (req, reply) => created(reply, await s.budget.pay(contextOf(req), req.params.id, req.body)),
  );
  api.post(
    '/governance/budget/lines/:id/commitments/:commitmentId/release',
    {
      schema: {
        tags,
        params: idParams.extend({ commitmentId: z.uuid() }),
        body: z.object({ document: z.string().trim().min(1).max(200) }),
      },
    },
    (req) => s.budget.release(contextOf(req), req.params.id, req.params.commitmentId, req.body.document),
  );
  api.post(
    '/governance/budget/lines/:id/entries/:entryId/documents',
    {
      schema: {
        tags,
        params: idParams.extend({ entryId: z.uuid() }),
        summary: 'Attach a document to a budget entry (multipart field "file")',
      },
    },
    async (req, reply) =>
      created(
        reply,
        await s.budget.attachDocument(contextOf(req), req.params.id, req.params.entryId, await readUpload(req, DOCUMENT_POLICY)),
      ),
  );
  api.get(
    '/governance/budget/lines/:id/entries/:entryId/documents/:fileId',
    { schema: { tags, params: idParams.extend({ entryId: z.uuid(), fileId: z.uuid() }) } },
    async (req, reply) => {
      const { file, bytes } = await s.budget.document(contextOf(req), req.params.id, req.params.entryId, req.params.fileId);
      return sendStoredFile(reply, file, bytes);
    },
  );
  api.post('/governance/budget/reallocations', { schema: { tags, body: reallocationInput } }, async (req, reply) =>
    created(reply, await s.budget.reallocate(contextOf(req), req.body)),
  );

  // ---- yearly report and the leader's overview ----
  api.get('/governance/reports/:year', { schema: { tags, params: yearParams } }, (req) =>
    s.report.yearly(contextOf(req), req.params.year),
  );
  api.get('/governance/reports/:year/pdf', { schema: { tags, params: yearParams } }, async (req, reply) => {
    const { fileName, bytes } = await s.report.yearlyPdf(contextOf(req), req.params.year);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .send(bytes);
  });
  api.get('/governance/overview', { schema: { tags, querystring: yearQuery } }, (req) =>
    s.report.overview(contextOf(req), req.query.year),
  );
}
