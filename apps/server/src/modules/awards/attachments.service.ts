import { can } from '@qd/core';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import { authorize } from '../../platform/authorize.js';
import { DOCUMENT_POLICY, findStoredFiles, readStoredFile, storeFile } from '../../platform/files/file-store.js';
import { conflict, forbidden, notFound, ruleViolated } from '../../platform/http/errors.js';
import type { Upload } from '../../platform/http/uploads.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import type { ApplicationsService } from './applications.service.js';
import * as repo from './awards.repo.js';
import type { ReviewsService } from './reviews.service.js';

const EDITABLE = ['draft', 'returned'];

/**
 * Evidence attached to an application. Who may download is decided here: the enterprise itself,
 * the office of the region, and experts of the review group who declared no conflict.
 */
export function createAttachmentsService(
  { database, clock }: ServiceDeps,
  applications: ApplicationsService,
  reviews: ReviewsService,
) {
  const { db } = database;

  /** Loads the application the caller may read, by whichever right they hold. */
  async function readable(ctx: RequestContext, id: string) {
    if (
      can(ctx.actor, 'awards.application.read') ||
      can(ctx.actor, 'awards.application.process') ||
      can(ctx.actor, 'awards.application.own.write')
    )
      return applications.get(ctx, id);
    if (can(ctx.actor, 'awards.review.score')) return reviews.reviewView(ctx, id);
    throw forbidden();
  }

  return {
    async list(ctx: RequestContext, id: string) {
      await readable(ctx, id);
      const rows = await repo.attachmentsOf(db, id);
      const files = new Map(
        (
          await findStoredFiles(
            db,
            rows.map((r) => r.fileId),
          )
        ).map((f) => [f.id, f]),
      );
      return rows
        .filter((r) => files.has(r.fileId))
        .map((r) => {
          const f = files.get(r.fileId)!;
          return {
            fileId: r.fileId,
            itemId: r.itemId,
            fileName: f.fileName,
            contentType: f.contentType,
            sizeBytes: f.sizeBytes,
            sha256: f.sha256,
          };
        });
    },

    async upload(ctx: RequestContext, id: string, upload: Upload) {
      authorize(ctx.actor, 'awards.application.own.write');
      const app = await applications.get(ctx, id);
      if (!EDITABLE.includes(app.state)) throw conflict('awards.application.notEditable');
      const itemId = upload.fields.itemId?.trim() || null;
      if (itemId && itemId.length > 16)
        throw ruleViolated('validation.tooLong', [{ path: 'itemId', message: 'validation.tooLong' }]);
      return db.transaction(async (tx) => {
        const file = await storeFile(tx, {
          regionCode: app.regionCode,
          fileName: upload.fileName,
          contentType: upload.contentType,
          bytes: upload.bytes,
          createdBy: ctx.actor.userId,
          policy: DOCUMENT_POLICY,
        });
        await repo.insertAttachment(tx, {
          id: newId(),
          applicationId: id,
          regionCode: app.regionCode,
          fileId: file.id,
          itemId,
          createdAt: clock.now(),
        });
        await appendAudit(tx, ctx, {
          action: 'awards.application.attach',
          targetType: 'award_application',
          targetId: id,
          regionCode: app.regionCode,
          detail: { code: app.code, fileName: file.fileName, sha256: file.sha256, sizeBytes: file.sizeBytes },
        });
        return { fileId: file.id, fileName: file.fileName, sizeBytes: file.sizeBytes, sha256: file.sha256, itemId };
      });
    },

    async remove(ctx: RequestContext, id: string, fileId: string) {
      authorize(ctx.actor, 'awards.application.own.write');
      const app = await applications.get(ctx, id);
      if (!EDITABLE.includes(app.state)) throw conflict('awards.application.notEditable');
      await db.transaction(async (tx) => {
        if ((await repo.deleteAttachment(tx, id, fileId)) === 0) throw notFound();
        await appendAudit(tx, ctx, {
          action: 'awards.application.detach',
          targetType: 'award_application',
          targetId: id,
          regionCode: app.regionCode,
          detail: { code: app.code, fileId },
        });
      });
    },

    async download(ctx: RequestContext, id: string, fileId: string) {
      await readable(ctx, id);
      const link = (await repo.attachmentsOf(db, id)).find((a) => a.fileId === fileId);
      if (!link) throw notFound();
      const stored = await readStoredFile(db, fileId);
      if (!stored) throw notFound();
      return stored;
    },
  };
}

export type AttachmentsService = ReturnType<typeof createAttachmentsService>;
