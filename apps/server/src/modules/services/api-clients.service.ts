import crypto from 'node:crypto';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import { assertInRegion, authorize } from '../../platform/authorize.js';
import type { Executor } from '../../platform/db/database.js';
import { conflict, notFound } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import * as repo from './services.repo.js';

/** Keys are random; only their SHA-256 is stored, so a leaked table reveals no usable key. */
export function hashApiKey(key: string): string {
  return crypto.createHash('sha256').update(key, 'utf8').digest('hex');
}

function toApiClient(row: repo.ApiClientRow) {
  return {
    id: row.id,
    name: row.name,
    keyPrefix: row.keyPrefix,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

export function createApiClientsService({ database, clock }: ServiceDeps) {
  const { db } = database;
  return {
    async list(ctx: RequestContext) {
      authorize(ctx.actor, 'services.apikey.manage');
      return (await repo.listApiClients(db, ctx.actor.regionCode)).map(toApiClient);
    },

    /** Issues a key to a client; the key is shown this once. */
    async issue(ctx: RequestContext, name: string) {
      authorize(ctx.actor, 'services.apikey.manage');
      const key = `qd311_${crypto.randomBytes(24).toString('base64url')}`;
      const id = newId();
      await db.transaction(async (tx) => {
        await repo.insertApiClient(tx, {
          id,
          regionCode: ctx.actor.regionCode,
          name,
          keyPrefix: key.slice(0, 10),
          keyHash: hashApiKey(key),
          status: 'active',
          createdBy: ctx.actor.userId,
          createdAt: clock.now(),
        });
        await appendAudit(tx, ctx, {
          action: 'services.apikey.issue',
          targetType: 'api_client',
          targetId: id,
          detail: { name, keyPrefix: key.slice(0, 10) },
        });
      });
      return { ...toApiClient((await repo.findApiClient(db, id))!), apiKey: key };
    },

    async revoke(ctx: RequestContext, id: string) {
      authorize(ctx.actor, 'services.apikey.manage');
      const row = await repo.findApiClient(db, id);
      if (!row) throw notFound();
      assertInRegion(ctx.actor, row.regionCode);
      if (row.status === 'revoked') throw conflict('transition.notAllowedFromState');
      await db.transaction(async (tx) => {
        await repo.updateApiClient(tx, id, { status: 'revoked', revokedAt: clock.now() });
        await appendAudit(tx, ctx, {
          action: 'services.apikey.revoke',
          targetType: 'api_client',
          targetId: id,
          detail: { name: row.name },
        });
      });
      return toApiClient((await repo.findApiClient(db, id))!);
    },
  };
}

/** The active client holding this key, or null (unknown or revoked). */
export async function findClientByKey(db: Executor, key: string): Promise<repo.ApiClientRow | null> {
  if (!key) return null;
  const row = await repo.findApiClientByHash(db, hashApiKey(key));
  return row && row.status === 'active' ? row : null;
}

export type ApiClientsService = ReturnType<typeof createApiClientsService>;
