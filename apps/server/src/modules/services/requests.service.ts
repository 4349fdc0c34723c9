import {
  applyTransition,
  can,
  formatRequestNumber,
  OPEN_STATES,
  parseSort,
  rankInstitutions,
  reopenAllowed,
  requestMachine,
  requestTransitionAfterAssignments,
  stepDeadline,
  stepLimit,
  stepOf,
  todayInShanghai,
  transitionOptions,
  translate,
  validateAttributeValues,
  type Actor,
  type AssignmentStatus,
  type Page,
  type RequestDetail,
  type RequestListQuery,
  type RequestState,
  type RequestSubmitInput,
  type RequestSummary,
  type RequestTransitionContext,
  type RequestTransitionName,
  type WorkingCalendar,
} from '@qd/core';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import { authorize, authorizeAny } from '../../platform/authorize.js';
import { notify } from '../../platform/notifications/notify.js';
import { activeUsersWithRole } from '../identity/index.js';
import type { Executor } from '../../platform/db/database.js';
import { AppError, conflict, forbidden, notFound, ruleViolated } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import { DOCUMENT_POLICY, findStoredFiles, readStoredFile, storeFile } from '../../platform/files/file-store.js';
import type { Upload } from '../../platform/http/uploads.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import { isWithinRegion } from '@qd/core';
import { findOrganizationSummary, listActiveInstitutions } from '../registry/index.js';
import { toRequestDetail, toRequestSummary } from './request-mapper.js';
import { calendarOf } from './services-calendar.js';
import * as repo from './services.repo.js';

/** Which requests the caller may see (authorizes as it decides). */
export function requestScope(actor: Actor): repo.RequestScope {
  const p = authorizeAny(actor, ['services.request.read', 'services.request.own', 'services.request.assigned']);
  if (p === 'services.request.read') return { regionCode: actor.regionCode };
  if (p === 'services.request.own') return { regionCode: actor.regionCode, enterpriseId: actor.organizationId };
  return { regionCode: actor.regionCode, institutionId: actor.organizationId };
}

/** A refused transition as the HTTP error the state-machine runner documents. */
function refusal(reason: string): AppError {
  if (reason === 'transition.unknown') return new AppError(400, 'bad_request', reason);
  if (reason === 'transition.forbidden') return forbidden();
  if (reason === 'transition.notAllowedFromState') return conflict(reason);
  const path = reason.startsWith('services.rating')
    ? 'rating'
    : reason.startsWith('services.dispatch')
      ? 'institutionIds'
      : 'reason';
  return ruleViolated(reason, [{ path, message: reason }]);
}

interface Loaded {
  row: repo.RequestRow;
  assignments: repo.AssignmentRow[];
}

export interface SubmitOrigin {
  source: 'web' | 'open311';
  enterpriseId: string | null;
  enterpriseName: string | null;
  apiClientId: string | null;
}

export function createRequestsService(deps: ServiceDeps) {
  const { database, clock } = deps;
  const { db } = database;

  async function load(tx: Executor, ctx: RequestContext, id: string, lock = false): Promise<Loaded> {
    const scope = requestScope(ctx.actor);
    const row = lock ? await repo.lockRequest(tx, id) : await repo.findRequest(tx, id);
    if (!row || !isWithinRegion(ctx.actor.regionCode, row.regionCode)) throw notFound();
    const assignments = await repo.listAssignments(tx, id);
    if (!repo.isInScope(row, scope, assignments)) throw notFound();
    return { row, assignments };
  }

  function baseContext(ctx: RequestContext, l: Loaded): RequestTransitionContext {
    return {
      actorIsOwner: !!ctx.actor.organizationId && l.row.enterpriseId === ctx.actor.organizationId,
      actorIsAssigned: l.assignments.some(
        (a) => a.institutionId === ctx.actor.organizationId && ['pending', 'accepted', 'done'].includes(a.status),
      ),
    };
  }

  /** The step the request waits for next, with its deadline counted from now. */
  function nextStep(
    cal: WorkingCalendar,
    limits: repo.CatalogueRow['timeLimits'],
    to: RequestState,
    now: Date,
    institutionCount: number,
  ) {
    const step = stepOf(to);
    if (!step) return { step: null, stepStartedAt: null, stepDeadline: null, stepOverdue: false };
    return {
      step,
      stepStartedAt: now,
      stepDeadline: stepDeadline(cal, now, stepLimit(limits, step, institutionCount)),
      stepOverdue: false,
    };
  }

  /**
   * Applies a transition of the request machine: checks it, moves the request to the next step
   * (deadline counted in working days), counts a late step, and writes the timeline entry and the
   * audit row — all in the caller's transaction.
   */
  async function transition(
    tx: Executor,
    ctx: RequestContext,
    l: Loaded,
    name: RequestTransitionName,
    context: Partial<RequestTransitionContext>,
    extra: {
      patch?: Partial<repo.RequestInsert>;
      text?: string | null;
      institutionCount?: number;
      institution?: { id: string; name: string };
    },
  ): Promise<RequestState> {
    const result = applyTransition(requestMachine, l.row.state as RequestState, name, ctx.actor, {
      ...baseContext(ctx, l),
      ...context,
    });
    if (!result.ok) throw refusal(result.reason);
    const now = clock.now();
    const [service, cal] = await Promise.all([repo.findService(tx, l.row.serviceId), calendarOf(tx, l.row.regionCode)]);
    const late = l.row.stepDeadline !== null && todayInShanghai(now) > l.row.stepDeadline ? 1 : 0;
    const activeCount = extra.institutionCount ?? l.assignments.filter((a) => ['pending', 'accepted'].includes(a.status)).length;
    const patch: Partial<repo.RequestInsert> = {
      state: result.to,
      ...nextStep(cal, service!.timeLimits, result.to, now, Math.max(activeCount, 1)),
      lateSteps: l.row.lateSteps + late,
      updatedAt: now,
      ...extra.patch,
    };
    if (result.to === 'completed') {
      patch.completedAt = now;
      patch.onTime = l.row.lateSteps + late === 0;
    }
    if (result.to === 'closed') patch.closedAt = now;
    await repo.updateRequest(tx, l.row.id, patch);
    await event(tx, ctx, l.row, {
      kind: name,
      fromState: l.row.state,
      toState: result.to,
      text: extra.text ?? null,
      institution: extra.institution,
    });
    l.row = { ...l.row, ...(patch as repo.RequestRow) };
    return result.to;
  }

  async function event(
    tx: Executor,
    ctx: RequestContext,
    row: repo.RequestRow,
    e: {
      kind: string;
      fromState?: string | null;
      toState?: string | null;
      text?: string | null;
      amountFen?: number | null;
      internal?: boolean;
      institution?: { id: string; name: string } | undefined;
      detail?: Record<string, unknown>;
    },
  ): Promise<void> {
    const now = clock.now();
    await repo.insertEvents(tx, [
      {
        id: newId(),
        requestId: row.id,
        regionCode: row.regionCode,
        at: now,
        kind: e.kind,
        actorId: ctx.actor.userId === '00000000-0000-0000-0000-000000000000' ? null : ctx.actor.userId,
        actorName: ctx.actor.displayName,
        fromState: e.fromState ?? null,
        toState: e.toState ?? null,
        institutionId: e.institution?.id ?? null,
        institutionName: e.institution?.name ?? null,
        text: e.text ?? null,
        amountFen: e.amountFen ?? null,
        internal: e.internal ?? false,
        detail: e.detail ?? null,
      },
    ]);
    await appendAudit(tx, ctx, {
      action: `services.request.${e.kind}`,
      targetType: 'service_request',
      targetId: row.id,
      regionCode: row.regionCode,
      detail: {
        number: row.number,
        ...(e.toState ? { from: e.fromState, to: e.toState } : {}),
        ...(e.institution ? { institution: e.institution.name } : {}),
        ...(e.amountFen !== undefined && e.amountFen !== null ? { amountFen: e.amountFen } : {}),
        ...(e.detail ?? {}),
      },
    });
  }

  /**
   * One use-case on one request: one transaction, the request row locked. It answers with the
   * request as the caller now sees it, read in the same transaction: an institution that just
   * handed a request back still gets the answer, though it may no longer open the request.
   */
  async function act(ctx: RequestContext, id: string, fn: (tx: Executor, l: Loaded) => Promise<void>): Promise<RequestDetail> {
    return db.transaction(async (tx) => {
      await fn(tx, await load(tx, ctx, id, true));
      const row = (await repo.findRequest(tx, id))!;
      return detailOf(tx, ctx, { row, assignments: await repo.listAssignments(tx, id) });
    });
  }

  async function detailOf(ex: Executor, ctx: RequestContext, l: Loaded): Promise<RequestDetail> {
    const [service, events, cal, merged, attachments] = await Promise.all([
      repo.findService(ex, l.row.serviceId),
      repo.listEvents(ex, l.row.id),
      calendarOf(ex, l.row.regionCode),
      l.row.mergedIntoId ? repo.findRequest(ex, l.row.mergedIntoId) : Promise.resolve(undefined),
      visibleAttachments(ex, ctx, l.row.id),
    ]);
    const files = new Map(
      (
        await findStoredFiles(
          ex,
          attachments.map((a) => a.fileId),
        )
      ).map((f) => [f.id, f]),
    );
    const institutionNames = new Map(l.assignments.map((a) => [a.institutionId, a.institutionName]));
    const isStation = can(ctx.actor, 'services.request.read');
    const isOwner = !!ctx.actor.organizationId && l.row.enterpriseId === ctx.actor.organizationId;
    return toRequestDetail(
      l.row,
      {
        serviceName: service!.name,
        serviceAttributes: service!.attributes,
        assignments:
          isStation || isOwner ? l.assignments : l.assignments.filter((a) => a.institutionId === ctx.actor.organizationId),
        events,
        mergedIntoNumber: merged?.number ?? null,
        revealContact: isOwner || (isStation && l.row.handlerId === ctx.actor.userId),
        showInternal: isStation,
        actions: actionsFor(ctx, l, cal, events, service!.timeLimits.reopen),
        attachments: attachments.map((a) => {
          const f = files.get(a.fileId)!;
          return {
            id: a.id,
            fileName: f.fileName,
            contentType: f.contentType,
            sizeBytes: f.sizeBytes,
            sha256: f.sha256,
            kind: a.kind,
            uploadedByName: a.uploadedByName,
            institutionName: a.institutionId ? (institutionNames.get(a.institutionId) ?? null) : null,
            createdAt: a.createdAt.toISOString(),
          };
        }),
      },
      cal,
      clock.now(),
    );
  }

  /** Institutions given for a dispatch must be the region's and serve the request's category. */
  async function checkInstitutions(tx: Executor, row: repo.RequestRow, ids: string[]) {
    const serving = new Map(
      (await listActiveInstitutions(tx, row.regionCode.slice(0, 6), row.category)).map((i) => [i.id, i.name]),
    );
    const bad = ids.findIndex((id) => !serving.has(id));
    if (bad >= 0)
      throw ruleViolated('services.catalogue.unknownInstitution', [
        { path: `institutionIds.${bad}`, message: 'services.catalogue.unknownInstitution' },
      ]);
    return [...new Set(ids)].map((id) => ({ id, name: serving.get(id)! }));
  }

  async function addAssignments(tx: Executor, row: repo.RequestRow, institutions: { id: string; name: string }[]) {
    const now = clock.now();
    await repo.insertAssignments(
      tx,
      institutions.map((i) => ({
        id: newId(),
        requestId: row.id,
        regionCode: row.regionCode,
        institutionId: i.id,
        institutionName: i.name,
        status: 'pending',
        createdAt: now,
        updatedAt: now,
      })),
    );
    // Each institution's staff learn of the work in the same transaction as the dispatch.
    for (const institution of institutions) {
      for (const user of await activeUsersWithRole(tx, row.regionCode, 'institution', institution.id)) {
        await notify(tx, {
          userId: user.id,
          regionCode: row.regionCode,
          kind: 'services.dispatched',
          title: {
            zh: `${translate('services.dispatched.title', 'zh-CN')}：${row.number}`,
            en: `${translate('services.dispatched.title', 'en-US')}: ${row.number}`,
          },
          body: row.description.slice(0, 120),
          link: `/services/requests/${row.id}`,
          dedupeKey: `services.dispatched:${row.id}:${institution.id}:${user.id}:${now.toISOString()}`,
          at: now,
        });
      }
    }
  }

  /** The caller's institution's part in the request, in one of the given statuses. */
  function ownAssignment(ctx: RequestContext, l: Loaded, statuses: string[]): repo.AssignmentRow {
    const a = l.assignments.find((x) => x.institutionId === ctx.actor.organizationId && statuses.includes(x.status));
    if (!a) throw ruleViolated('services.assignment.none');
    return a;
  }

  /** After an institution's step, the request follows (first acceptance, last hand-back, all done). */
  async function followAssignments(tx: Executor, ctx: RequestContext, l: Loaded, reason?: string) {
    l.assignments = await repo.listAssignments(tx, l.row.id);
    // One step may lead to the next: after a transfer that kept an institution already at work,
    // its "done" both resumes the service and completes it. The acting institution's relation
    // was checked on its own assignment already.
    for (let i = 0; i < 3; i++) {
      const next = requestTransitionAfterAssignments(
        l.row.state as RequestState,
        l.assignments.map((a) => a.status as AssignmentStatus),
      );
      if (!next) break;
      await transition(tx, ctx, l, next, { actorIsAssigned: true, reason }, {});
    }
  }

  /**
   * The request's files the caller may see: the station and the enterprise all of them; an
   * institution what the enterprise provided and its own results, not another institution's.
   */
  async function visibleAttachments(ex: Executor, ctx: RequestContext, requestId: string): Promise<repo.AttachmentRow[]> {
    const all = await repo.listAttachments(ex, requestId);
    if (can(ctx.actor, 'services.request.read') || can(ctx.actor, 'services.request.own')) return all;
    return all.filter((a) => a.kind === 'request' || a.institutionId === ctx.actor.organizationId);
  }

  function actionsFor(
    ctx: RequestContext,
    l: Loaded,
    cal: WorkingCalendar,
    events: repo.EventRow[],
    reopenDays: number,
  ): string[] {
    const state = l.row.state as RequestState;
    const now = clock.now();
    const context: RequestTransitionContext = {
      ...baseContext(ctx, l),
      reason: 'x',
      institutionCount: 1,
      rating: 5,
      mergeTargetValid: true,
      reopenWindowOpen: l.row.completedAt ? reopenAllowed(cal, l.row.completedAt, now, reopenDays) : false,
    };
    const out = transitionOptions(requestMachine, state, ctx.actor, context)
      .filter((o) => o.blockedBy === null)
      .map((o) => o.name as string)
      // institutions act per assignment, below
      .filter((n) => !['start_service', 'hand_back', 'complete'].includes(n));
    const open = OPEN_STATES.includes(state);
    if (can(ctx.actor, 'services.request.handle') && open) out.push('note', 'question');
    if (can(ctx.actor, 'services.request.assigned')) {
      const mine = l.assignments.find(
        (a) => a.institutionId === ctx.actor.organizationId && ['pending', 'accepted'].includes(a.status),
      );
      if (mine?.status === 'pending') out.push('institution_accept', 'hand_back');
      if (mine?.status === 'accepted') out.push('progress', 'quote', 'done', 'hand_back');
    }
    const kinds = events.map((e) => e.kind);
    const questionOpen = kinds.lastIndexOf('question') > kinds.lastIndexOf('answer');
    if (can(ctx.actor, 'services.request.own') && open && context.actorIsOwner && questionOpen) out.push('answer');
    return out;
  }

  const api = {
    /** Submits a request; shared by the web form and Open311 (the caller authorizes for the latter). */
    /**
     * Submits a request; shared by the web form and Open311 (whose caller authorizes by api key).
     * The input is checked first; then the number is taken in a statement of its own, so the
     * counter row is not locked for the whole submission (a failure after that leaves a gap in
     * the numbers, never a half-created request); then the request, its timeline entry, the
     * audit row and the caller's `alsoInTransaction` are written in one transaction.
     */
    async create(
      ctx: RequestContext,
      service: repo.CatalogueRow,
      input: RequestSubmitInput,
      origin: SubmitOrigin,
      alsoInTransaction?: (tx: Executor) => Promise<void>,
    ): Promise<repo.RequestRow> {
      if (service.status !== 'active')
        throw ruleViolated('services.service.unknown', [{ path: 'serviceId', message: 'services.service.unknown' }]);
      const checked = validateAttributeValues(service.attributes, input.attributes ?? {});
      if (!checked.ok) throw new AppError(400, 'validation_failed', 'badRequest', checked.problems);
      const now = clock.now();
      const cal = await calendarOf(db, service.regionCode);
      const year = Number(todayInShanghai(now).slice(0, 4));
      const serial = await repo.nextRequestSerial(db, service.regionCode, year);
      const row: repo.RequestInsert = {
        id: newId(),
        regionCode: service.regionCode,
        number: formatRequestNumber(service.regionCode, year, serial),
        serviceId: service.id,
        category: service.category,
        state: 'submitted',
        source: origin.source,
        enterpriseId: origin.enterpriseId,
        enterpriseName: origin.enterpriseName,
        submittedBy: origin.source === 'web' ? ctx.actor.userId : null,
        apiClientId: origin.apiClientId,
        description: input.description,
        attributes: checked.values,
        contactName: input.contactName,
        contactPhone: input.contactPhone,
        contactEmail: input.contactEmail ?? null,
        preferredContact: input.preferredContact,
        address: input.address ?? null,
        lat: input.lat ?? null,
        long: input.long ?? null,
        ...nextStep(cal, service.timeLimits, 'submitted', now, 1),
        submittedAt: now,
        updatedAt: now,
      };
      await db.transaction(async (tx) => {
        await repo.insertRequest(tx, row);
        await alsoInTransaction?.(tx);
        // the audit row last: its chain lock is then held only until the commit
        await event(tx, ctx, row as repo.RequestRow, {
          kind: 'submit',
          toState: 'submitted',
          text: null,
          detail: { service: service.code, source: origin.source },
        });
      });
      return row as repo.RequestRow;
    },

    async submit(ctx: RequestContext, input: RequestSubmitInput): Promise<RequestDetail> {
      authorize(ctx.actor, 'services.request.own');
      const orgId = ctx.actor.organizationId;
      const org = orgId ? await findOrganizationSummary(db, orgId) : null;
      if (!org || org.kind !== 'enterprise') throw ruleViolated('services.enterpriseRequired');
      const service = await repo.findService(db, input.serviceId);
      if (!service || !isWithinRegion(ctx.actor.regionCode, service.regionCode)) {
        throw ruleViolated('services.service.unknown', [{ path: 'serviceId', message: 'services.service.unknown' }]);
      }
      const row = await api.create(ctx, service, input, {
        source: 'web',
        enterpriseId: org.id,
        enterpriseName: org.name,
        apiClientId: null,
      });
      return api.get(ctx, row.id);
    },

    async list(ctx: RequestContext, query: RequestListQuery): Promise<Page<RequestSummary>> {
      const scope = requestScope(ctx.actor);
      const sort = parseSort(query.sort, repo.REQUEST_SORT_FIELDS, { field: 'submittedAt', desc: true });
      const { rows, total } = await repo.listRequests(
        db,
        {
          scope,
          state: query.state,
          category: query.category,
          overdue: query.overdue,
          today: todayInShanghai(clock.now()),
          keyword: query.keyword,
        },
        { offset: (query.current - 1) * query.pageSize, limit: query.pageSize, sortField: sort.field, desc: sort.desc },
      );
      const cal = await calendarOf(db, ctx.actor.regionCode);
      const now = clock.now();
      return { data: rows.map((r) => toRequestSummary(r, r, cal, now)), total, current: query.current, pageSize: query.pageSize };
    },

    async get(ctx: RequestContext, id: string): Promise<RequestDetail> {
      return detailOf(db, ctx, await load(db, ctx, id));
    },

    // ---- the case handler ----

    accept: (ctx: RequestContext, id: string) =>
      act(ctx, id, async (tx, l) => {
        authorize(ctx.actor, 'services.request.handle');
        await transition(
          tx,
          ctx,
          l,
          'accept',
          {},
          { patch: { handlerId: ctx.actor.userId, handlerName: ctx.actor.displayName } },
        );
      }),

    decline: (ctx: RequestContext, id: string, reason: string) =>
      act(ctx, id, async (tx, l) => {
        authorize(ctx.actor, 'services.request.handle');
        await transition(
          tx,
          ctx,
          l,
          'decline',
          { reason },
          { text: reason, patch: { declineReason: reason, handlerId: ctx.actor.userId, handlerName: ctx.actor.displayName } },
        );
      }),

    dispatch: (ctx: RequestContext, id: string, institutionIds: string[]) =>
      act(ctx, id, async (tx, l) => {
        authorize(ctx.actor, 'services.request.handle');
        const institutions = await checkInstitutions(tx, l.row, institutionIds);
        await transition(
          tx,
          ctx,
          l,
          'dispatch',
          { institutionCount: institutions.length },
          {
            institutionCount: institutions.length,
            text: institutions.map((i) => i.name).join('、'),
          },
        );
        await addAssignments(tx, l.row, institutions);
      }),

    transfer: (ctx: RequestContext, id: string, institutionIds: string[], reason: string) =>
      act(ctx, id, async (tx, l) => {
        authorize(ctx.actor, 'services.request.handle');
        const institutions = await checkInstitutions(tx, l.row, institutionIds);
        const current = l.assignments.filter((a) => ['pending', 'accepted'].includes(a.status));
        const same =
          institutions.length === current.length && institutions.every((i) => current.some((a) => a.institutionId === i.id));
        if (same)
          throw ruleViolated('services.dispatch.sameInstitutions', [
            { path: 'institutionIds', message: 'services.dispatch.sameInstitutions' },
          ]);
        await transition(
          tx,
          ctx,
          l,
          'transfer',
          { institutionCount: institutions.length, reason },
          {
            institutionCount: institutions.length,
            text: `${reason} → ${institutions.map((i) => i.name).join('、')}`,
          },
        );
        // Institutions kept by the transfer keep their part (and what they did so far).
        for (const a of current) {
          if (!institutions.some((i) => i.id === a.institutionId)) {
            await repo.updateAssignment(tx, a.id, { status: 'withdrawn', reason, updatedAt: clock.now() });
          }
        }
        await addAssignments(
          tx,
          l.row,
          institutions.filter((i) => !current.some((a) => a.institutionId === i.id)),
        );
      }),

    merge: (ctx: RequestContext, id: string, targetNumber: string) =>
      act(ctx, id, async (tx, l) => {
        authorize(ctx.actor, 'services.request.handle');
        const target = await repo.findRequestByNumber(tx, targetNumber);
        const valid =
          !!target &&
          target.id !== l.row.id &&
          isWithinRegion(ctx.actor.regionCode, target.regionCode) &&
          OPEN_STATES.includes(target.state as RequestState);
        if (!valid) throw ruleViolated('services.merge.target', [{ path: 'targetNumber', message: 'services.merge.target' }]);
        await transition(
          tx,
          ctx,
          l,
          'merge',
          { mergeTargetValid: true },
          { text: target.number, patch: { mergedIntoId: target.id } },
        );
        await event(tx, ctx, target, { kind: 'merged_in', text: l.row.number });
      }),

    close: (ctx: RequestContext, id: string) =>
      act(ctx, id, async (tx, l) => {
        authorize(ctx.actor, 'services.request.handle');
        await transition(tx, ctx, l, 'close', {}, {});
      }),

    note: (ctx: RequestContext, id: string, text: string) =>
      act(ctx, id, async (tx, l) => {
        authorize(ctx.actor, 'services.request.handle');
        await event(tx, ctx, l.row, { kind: 'note', text, internal: true });
      }),

    question: (ctx: RequestContext, id: string, text: string) =>
      act(ctx, id, async (tx, l) => {
        authorize(ctx.actor, 'services.request.handle');
        if (!OPEN_STATES.includes(l.row.state as RequestState)) throw conflict('transition.notAllowedFromState');
        await event(tx, ctx, l.row, { kind: 'question', text });
      }),

    async proposal(ctx: RequestContext, id: string) {
      authorize(ctx.actor, 'services.request.handle');
      const l = await load(db, ctx, id);
      const service = await repo.findService(db, l.row.serviceId);
      const serving = await listActiveInstitutions(db, l.row.regionCode, l.row.category);
      const loads = await repo.institutionLoads(
        db,
        serving.map((i) => i.id),
      );
      return rankInstitutions(
        serving.map((i) => {
          const s = loads.get(i.id) ?? { open: 0, completed: 0, onTime: 0 };
          return {
            institutionId: i.id,
            name: i.name,
            openCount: s.open,
            completed: s.completed,
            onTime: s.onTime,
            listedForService: service!.institutionIds.includes(i.id),
          };
        }),
      ).map((r) => ({
        institutionId: r.institutionId,
        name: r.name,
        openCount: r.openCount,
        onTimeRate: r.onTimeRate,
        score: r.score,
        listedForService: r.listedForService,
      }));
    },

    // ---- the enterprise ----

    answer: (ctx: RequestContext, id: string, text: string) =>
      act(ctx, id, async (tx, l) => {
        authorize(ctx.actor, 'services.request.own');
        if (l.row.enterpriseId !== ctx.actor.organizationId) throw notFound();
        const events = await repo.listEvents(tx, id);
        const lastQuestion = events.map((e) => e.kind).lastIndexOf('question');
        const lastAnswer = events.map((e) => e.kind).lastIndexOf('answer');
        if (lastQuestion < 0 || lastAnswer > lastQuestion) throw ruleViolated('services.question.none');
        await event(tx, ctx, l.row, { kind: 'answer', text });
      }),

    rate: (ctx: RequestContext, id: string, rating: number, comment: string | null | undefined) =>
      act(ctx, id, async (tx, l) => {
        authorize(ctx.actor, 'services.request.own');
        await transition(
          tx,
          ctx,
          l,
          'rate',
          { rating },
          { text: comment ?? null, patch: { rating, ratingComment: comment ?? null } },
        );
      }),

    reopen: (ctx: RequestContext, id: string, reason: string) =>
      act(ctx, id, async (tx, l) => {
        authorize(ctx.actor, 'services.request.own');
        const [service, cal] = await Promise.all([repo.findService(tx, l.row.serviceId), calendarOf(tx, l.row.regionCode)]);
        const open = !!l.row.completedAt && reopenAllowed(cal, l.row.completedAt, clock.now(), service!.timeLimits.reopen);
        const done = l.assignments.filter((a) => a.status === 'done');
        await transition(
          tx,
          ctx,
          l,
          'reopen',
          { reason, reopenWindowOpen: open },
          {
            text: reason,
            institutionCount: done.length,
            patch: { reopenCount: l.row.reopenCount + 1, rating: null, ratingComment: null, completedAt: null, onTime: null },
          },
        );
        for (const a of done) await repo.updateAssignment(tx, a.id, { status: 'accepted', updatedAt: clock.now() });
      }),

    // ---- files ----

    /**
     * Adds a file to the request: the enterprise's (while the request is open) and the station's
     * as material of the request, a dispatched institution's as its result document.
     */
    attach: (ctx: RequestContext, id: string, upload: Upload) =>
      act(ctx, id, async (tx, l) => {
        const base = baseContext(ctx, l);
        const open = OPEN_STATES.includes(l.row.state as RequestState);
        const mine = l.assignments.find(
          (a) => a.institutionId === ctx.actor.organizationId && ['pending', 'accepted'].includes(a.status),
        );
        let kind: 'request' | 'result';
        if (can(ctx.actor, 'services.request.handle') || (can(ctx.actor, 'services.request.own') && base.actorIsOwner))
          kind = 'request';
        else if (can(ctx.actor, 'services.request.assigned') && mine) kind = 'result';
        else throw forbidden();
        if (!open) throw conflict('transition.notAllowedFromState');
        const file = await storeFile(tx, {
          regionCode: l.row.regionCode,
          fileName: upload.fileName,
          contentType: upload.contentType,
          bytes: upload.bytes,
          createdBy: ctx.actor.userId,
          policy: DOCUMENT_POLICY,
        });
        await repo.insertAttachment(tx, {
          id: newId(),
          requestId: l.row.id,
          regionCode: l.row.regionCode,
          fileId: file.id,
          kind,
          institutionId: kind === 'result' ? mine!.institutionId : null,
          uploadedBy: ctx.actor.userId,
          uploadedByName: ctx.actor.displayName,
          createdAt: clock.now(),
        });
        await event(tx, ctx, l.row, {
          kind: 'attachment',
          text: file.fileName,
          institution: kind === 'result' ? { id: mine!.institutionId, name: mine!.institutionName } : undefined,
          detail: { fileId: file.id, sha256: file.sha256, sizeBytes: file.sizeBytes },
        });
      }),

    /** A file of the request, to whoever may see the request and that file (else 404). */
    async attachment(ctx: RequestContext, id: string, attachmentId: string) {
      await load(db, ctx, id);
      const found = (await visibleAttachments(db, ctx, id)).find((a) => a.id === attachmentId);
      if (!found) throw notFound();
      const stored = await readStoredFile(db, found.fileId);
      if (!stored) throw notFound();
      return stored;
    },

    // ---- the institution ----

    institutionAccept: (ctx: RequestContext, id: string) =>
      act(ctx, id, async (tx, l) => {
        authorize(ctx.actor, 'services.request.assigned');
        const a = ownAssignment(ctx, l, ['pending']);
        await repo.updateAssignment(tx, a.id, { status: 'accepted', updatedAt: clock.now() });
        await event(tx, ctx, l.row, {
          kind: 'institution_accept',
          institution: { id: a.institutionId, name: a.institutionName },
        });
        await followAssignments(tx, ctx, l);
      }),

    handBack: (ctx: RequestContext, id: string, reason: string) =>
      act(ctx, id, async (tx, l) => {
        authorize(ctx.actor, 'services.request.assigned');
        const a = ownAssignment(ctx, l, ['pending', 'accepted']);
        await repo.updateAssignment(tx, a.id, { status: 'handed_back', reason, updatedAt: clock.now() });
        await event(tx, ctx, l.row, {
          kind: 'institution_hand_back',
          text: reason,
          institution: { id: a.institutionId, name: a.institutionName },
        });
        await followAssignments(tx, ctx, l, reason);
      }),

    progress: (ctx: RequestContext, id: string, text: string) =>
      act(ctx, id, async (tx, l) => {
        authorize(ctx.actor, 'services.request.assigned');
        const a = ownAssignment(ctx, l, ['accepted']);
        await event(tx, ctx, l.row, { kind: 'progress', text, institution: { id: a.institutionId, name: a.institutionName } });
      }),

    quote: (ctx: RequestContext, id: string, amountFen: number, text: string | null | undefined) =>
      act(ctx, id, async (tx, l) => {
        authorize(ctx.actor, 'services.request.assigned');
        const a = ownAssignment(ctx, l, ['accepted']);
        await repo.updateAssignment(tx, a.id, { quotationFen: amountFen, updatedAt: clock.now() });
        await event(tx, ctx, l.row, {
          kind: 'quotation',
          amountFen,
          text: text ?? null,
          institution: { id: a.institutionId, name: a.institutionName },
        });
      }),

    done: (ctx: RequestContext, id: string, result: string) =>
      act(ctx, id, async (tx, l) => {
        authorize(ctx.actor, 'services.request.assigned');
        const a = ownAssignment(ctx, l, ['accepted']);
        const onTime = l.row.lateSteps === 0 && !(l.row.stepDeadline && todayInShanghai(clock.now()) > l.row.stepDeadline);
        await repo.updateAssignment(tx, a.id, { status: 'done', result, onTime, updatedAt: clock.now() });
        await event(tx, ctx, l.row, {
          kind: 'result',
          text: result,
          institution: { id: a.institutionId, name: a.institutionName },
        });
        await followAssignments(tx, ctx, l);
      }),
  };
  return api;
}

export type RequestsService = ReturnType<typeof createRequestsService>;
