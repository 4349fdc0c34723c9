import type { AuditEntry, AuditVerifyResult, Page } from '@qd/core';
import type { auditListQuery } from '@qd/core';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import { sealAudit } from '../../platform/audit/audit-sealer.js';
import { sealAndVerifyChain } from '../../platform/audit/audit-verify.js';
import type { HashAlgorithm } from '../../platform/crypto/hash-provider.js';
import { authorize } from '../../platform/authorize.js';
import type { Db } from '../../platform/db/database.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import * as repo from './audit.repo.js';

function toEntry(row: repo.AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    outcome: row.outcome,
    detail: row.detail ?? null,
    clientIp: row.clientIp,
    regionCode: row.regionCode,
    hash: row.hash ?? '',
  };
}

/**
 * Verification of the chain alone, outside a request: no actor, no permission. Rows written
 * moments ago are sealed first. `qd audit verify` also checks the signed checkpoints.
 */
export async function verifyAuditLog(
  db: Db,
  onProgress?: (checked: number) => void,
  algorithm: HashAlgorithm = 'sha256',
): Promise<AuditVerifyResult> {
  return (await sealAndVerifyChain(db, algorithm, onProgress)).chain;
}

export function createAuditService({ database, config }: ServiceDeps) {
  const { db } = database;
  return {
    /** The sealed log: rows written moments ago are sealed first, so the list shows them with their hash. */
    async list(ctx: RequestContext, query: z.infer<typeof auditListQuery>): Promise<Page<AuditEntry>> {
      authorize(ctx.actor, 'audit.read');
      await sealAudit(db, config.hash, { wait: true });
      const { rows, total } = await repo.listAudit(
        db,
        {
          scopeRegion: ctx.actor.regionCode,
          keyword: query.keyword,
          action: query.action,
          outcome: query.outcome,
          actorName: query.actorName,
          from: query.from ? new Date(query.from) : undefined,
          to: query.to ? new Date(query.to) : undefined,
        },
        { offset: (query.current - 1) * query.pageSize, limit: query.pageSize, desc: query.sort !== 'seq' },
      );
      return { data: rows.map(toEntry), total, current: query.current, pageSize: query.pageSize };
    },

    /** Verifying is itself an audited event: who checked, and what they found. */
    async verify(ctx: RequestContext): Promise<AuditVerifyResult> {
      authorize(ctx.actor, 'audit.verify');
      const result = await verifyAuditLog(db, undefined, config.hash);
      await db.transaction((tx) =>
        appendAudit(tx, ctx, { action: 'audit.verify', outcome: result.ok ? 'success' : 'failure', detail: { ...result } }),
      );
      return result;
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
