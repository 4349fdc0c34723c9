import {
  isWithinRegion,
  rectificationMachine,
  transitionOptions,
  type Page,
  type Rectification,
  type RectificationState,
  type rectificationListQuery,
} from '@qd/core';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import { authorize } from '../../platform/authorize.js';
import { conflict, isUniqueViolation, notFound, ruleViolated } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import { DOCUMENT_POLICY, findStoredFiles, readStoredFile, storeFile } from '../../platform/files/file-store.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import { readScope, today, transition } from './supervision-access.js';
import * as repo from './supervision.repo.js';

/** The follow-up chain of a failure: order to correct → re-inspection → notice → suspension → revocation. */
export function createRectificationsService(deps: ServiceDeps) {
  const { db } = deps.database;

  async function toRectification(ctx: RequestContext, r: repo.RectificationRow): Promise<Rectification> {
    const steps = await repo.historyOf(db, r.id);
    const links = await repo.rectificationFileIds(db, [r.id]);
    const files = await findStoredFiles(
      db,
      links.map((l) => l.fileId),
    );
    const context = { today: today(deps), correctBy: r.correctBy, actorOwnsFirm: ctx.actor.organizationId === r.enterpriseId };
    return {
      id: r.id,
      code: r.code,
      regionCode: r.regionCode,
      sourceType: r.sourceType,
      sourceId: r.sourceId,
      enterpriseId: r.enterpriseId,
      enterpriseName: r.enterpriseName,
      orderedOn: r.orderedOn,
      correctBy: r.correctBy,
      status: r.status as RectificationState,
      steps: steps.map((s) => ({ transition: s.transition, to: s.toState, on: s.onDate, note: s.note, at: s.at.toISOString() })),
      files: files.map((f) => ({
        id: f.id,
        fileName: f.fileName,
        sizeBytes: f.sizeBytes,
        sha256: f.sha256,
        createdAt: f.createdAt.toISOString(),
      })),
      availableTransitions: transitionOptions(rectificationMachine, r.status as RectificationState, ctx.actor, context).map(
        (o) => o.name,
      ),
      createdAt: r.createdAt.toISOString(),
    };
  }

  async function loadInScope(ctx: RequestContext, id: string) {
    const scope = await readScope(db, ctx.actor);
    const row = await repo.findRectification(db, id);
    if (!row || !isWithinRegion(scope.regionCode, row.regionCode)) throw notFound();
    if (scope.enterpriseId !== undefined && row.enterpriseId !== scope.enterpriseId) throw notFound();
    if (scope.departmentId !== undefined) throw notFound();
    return row;
  }

  return {
    async list(ctx: RequestContext, query: z.infer<typeof rectificationListQuery>): Promise<Page<Rectification>> {
      const scope = await readScope(db, ctx.actor);
      if (scope.departmentId !== undefined) return { data: [], total: 0, current: query.current, pageSize: query.pageSize };
      const { rows, total } = await repo.listRectifications(db, scope, query, {
        offset: (query.current - 1) * query.pageSize,
        limit: query.pageSize,
      });
      return {
        data: await Promise.all(rows.map((r) => toRectification(ctx, r))),
        total,
        current: query.current,
        pageSize: query.pageSize,
      };
    },

    async get(ctx: RequestContext, id: string): Promise<Rectification> {
      return toRectification(ctx, await loadInScope(ctx, id));
    },

    /** Orders a firm whose product failed (final result) to correct by a date. */
    async orderForProductCheck(
      ctx: RequestContext,
      checkId: string,
      input: { orderedOn: string; correctBy: string },
    ): Promise<Rectification> {
      authorize(ctx.actor, 'supervision.manage');
      const check = await repo.findProductCheck(db, checkId);
      if (!check || !isWithinRegion(ctx.actor.regionCode, check.regionCode)) throw notFound();
      const final = check.status === 'closed' ? (check.retestConclusion ?? check.conclusion) : null;
      if (final !== 'fail') throw ruleViolated('supervision.publish.notReady');
      if (input.correctBy < input.orderedOn) {
        throw ruleViolated('supervision.correctBy.required', [{ path: 'correctBy', message: 'supervision.correctBy.required' }]);
      }
      const id = newId();
      const now = deps.clock.now();
      try {
        await db.transaction(async (tx) => {
          await repo.insertRectification(tx, {
            id,
            regionCode: check.regionCode,
            code: await repo.nextCode(tx, check.regionCode, 'ZG', Number(input.orderedOn.slice(0, 4))),
            sourceType: 'productCheck',
            sourceId: checkId,
            enterpriseId: check.enterpriseId,
            enterpriseName: check.enterpriseName,
            orderedOn: input.orderedOn,
            correctBy: input.correctBy,
            status: 'ordered',
            createdAt: now,
            updatedAt: now,
          });
          await appendAudit(tx, ctx, {
            action: 'supervision.rectification.order',
            targetType: 'supervision_rectification',
            targetId: id,
            regionCode: check.regionCode,
            detail: { sourceType: 'productCheck', sourceId: checkId, correctBy: input.correctBy },
          });
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict();
        throw err;
      }
      return toRectification(ctx, (await repo.findRectification(db, id))!);
    },

    /**
     * The firm's evidence as a file (photo, report): stored in the platform's file store and
     * linked, with the `submitEvidence` step dated today — one transaction.
     */
    async submitEvidenceFile(
      ctx: RequestContext,
      id: string,
      upload: { fileName: string; contentType: string; bytes: Buffer; note: string },
    ) {
      const row = await loadInScope(ctx, id);
      const now = deps.clock.now();
      const on = today(deps);
      const note = upload.note.trim() || upload.fileName;
      await db.transaction(async (tx) => {
        const to = await transition(
          tx,
          ctx,
          rectificationMachine,
          { type: 'rectification', id, regionCode: row.regionCode, state: row.status as RectificationState },
          'submitEvidence',
          { today: on, correctBy: row.correctBy, actorOwnsFirm: ctx.actor.organizationId === row.enterpriseId },
          { on, note, at: now },
        );
        const file = await storeFile(tx, {
          regionCode: row.regionCode,
          fileName: upload.fileName,
          contentType: upload.contentType,
          bytes: upload.bytes,
          createdBy: ctx.actor.userId,
          policy: DOCUMENT_POLICY,
        });
        await repo.linkRectificationFile(tx, id, file.id, now);
        await repo.updateRectification(tx, id, { status: to, updatedAt: now });
        await appendAudit(tx, ctx, {
          action: 'supervision.rectification.submitEvidence',
          targetType: 'supervision_rectification',
          targetId: id,
          regionCode: row.regionCode,
          detail: { from: row.status, to, fileId: file.id, fileName: file.fileName, sha256: file.sha256 },
        });
      });
      return toRectification(ctx, (await repo.findRectification(db, id))!);
    },

    /** An evidence file of a rectification the caller may see (else 404). */
    async evidenceFile(ctx: RequestContext, id: string, fileId: string) {
      await loadInScope(ctx, id);
      const links = await repo.rectificationFileIds(db, [id]);
      if (!links.some((l) => l.fileId === fileId)) throw notFound();
      const found = await readStoredFile(db, fileId);
      if (!found) throw notFound();
      return found;
    },

    /** One dated step of the chain (evidence from the firm, or the office's finding). */
    async step(ctx: RequestContext, id: string, name: string, input: { on: string; note: string }): Promise<Rectification> {
      const row = await loadInScope(ctx, id);
      if (input.on > today(deps) || input.on < row.orderedOn)
        throw ruleViolated('date.invalid', [{ path: 'on', message: 'date.invalid' }]);
      const now = deps.clock.now();
      await db.transaction(async (tx) => {
        const to = await transition(
          tx,
          ctx,
          rectificationMachine,
          { type: 'rectification', id, regionCode: row.regionCode, state: row.status as RectificationState },
          name,
          { today: today(deps), correctBy: row.correctBy, actorOwnsFirm: ctx.actor.organizationId === row.enterpriseId },
          { on: input.on, note: input.note, at: now },
        );
        await repo.updateRectification(tx, id, { status: to, updatedAt: now });
        await appendAudit(tx, ctx, {
          action: `supervision.rectification.${name}`,
          targetType: 'supervision_rectification',
          targetId: id,
          regionCode: row.regionCode,
          detail: { from: row.status, to, on: input.on },
        });
      });
      return toRectification(ctx, (await repo.findRectification(db, id))!);
    },
  };
}

export type RectificationsService = ReturnType<typeof createRectificationsService>;
