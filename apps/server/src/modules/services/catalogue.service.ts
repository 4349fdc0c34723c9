import { can, type CatalogueQuery, type CatalogueService, type CatalogueServiceInput, type Page } from '@qd/core';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import { assertInRegion, authorize } from '../../platform/authorize.js';
import type { Executor } from '../../platform/db/database.js';
import { conflict, isUniqueViolation, notFound, ruleViolated } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import { listActiveInstitutions } from '../registry/index.js';
import * as repo from './services.repo.js';

export function toCatalogueService(row: repo.CatalogueRow, names: Map<string, string>): CatalogueService {
  return {
    id: row.id,
    regionCode: row.regionCode,
    code: row.code,
    category: row.category as CatalogueService['category'],
    name: row.name,
    description: row.description,
    keywords: row.keywords,
    attributes: row.attributes,
    institutionIds: row.institutionIds,
    institutions: row.institutionIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    charge: row.charge,
    timeLimits: row.timeLimits,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function institutionNames(db: Executor, regionCode: string): Promise<Map<string, string>> {
  return new Map((await listActiveInstitutions(db, regionCode)).map((i) => [i.id, i.name]));
}

/** Listed institutions must be the region's and serve the service's category. */
async function checkInstitutions(db: Executor, regionCode: string, input: CatalogueServiceInput): Promise<void> {
  const serving = new Set((await listActiveInstitutions(db, regionCode, input.category)).map((i) => i.id));
  const bad = input.institutionIds.findIndex((id) => !serving.has(id));
  if (bad >= 0) {
    throw ruleViolated('services.catalogue.unknownInstitution', [
      { path: `institutionIds.${bad}`, message: 'services.catalogue.unknownInstitution' },
    ]);
  }
}

const codeTaken = () => conflict('services.catalogue.codeTaken', [{ path: 'code', message: 'services.catalogue.codeTaken' }]);

export function createCatalogueService({ database, clock }: ServiceDeps) {
  const { db } = database;

  return {
    /** The catalogue of a region: the caller's, or (public) the demo district's / a named one. */
    async list(ctx: RequestContext | null, regionCode: string, query: CatalogueQuery): Promise<Page<CatalogueService>> {
      if (ctx) authorize(ctx.actor, 'services.catalogue.read');
      // The public and organization users see what can be requested, not retired services.
      const status = ctx && can(ctx.actor, 'services.catalogue.manage') ? query.status : 'active';
      const { rows, total } = await repo.listCatalogue(
        db,
        { regionCode, category: query.category, status, keyword: query.keyword },
        { offset: (query.current - 1) * query.pageSize, limit: query.pageSize },
      );
      const names = await institutionNames(db, regionCode);
      return { data: rows.map((r) => toCatalogueService(r, names)), total, current: query.current, pageSize: query.pageSize };
    },

    async get(ctx: RequestContext, id: string): Promise<CatalogueService> {
      authorize(ctx.actor, 'services.catalogue.read');
      const row = await repo.findService(db, id);
      if (!row) throw notFound();
      assertInRegion(ctx.actor, row.regionCode);
      if (row.status !== 'active' && !can(ctx.actor, 'services.catalogue.manage')) throw notFound();
      return toCatalogueService(row, await institutionNames(db, row.regionCode));
    },

    async create(ctx: RequestContext, input: CatalogueServiceInput): Promise<CatalogueService> {
      authorize(ctx.actor, 'services.catalogue.manage');
      const regionCode = ctx.actor.regionCode;
      const id = newId();
      try {
        await db.transaction(async (tx) => {
          await checkInstitutions(tx, regionCode, input);
          const now = clock.now();
          await repo.insertServices(tx, [
            { ...input, description: input.description, id, regionCode, createdAt: now, updatedAt: now },
          ]);
          await appendAudit(tx, ctx, {
            action: 'services.catalogue.create',
            targetType: 'service',
            targetId: id,
            regionCode,
            detail: { code: input.code, name: input.name, category: input.category },
          });
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw codeTaken();
        throw err;
      }
      return toCatalogueService((await repo.findService(db, id))!, await institutionNames(db, regionCode));
    },

    async update(ctx: RequestContext, id: string, input: CatalogueServiceInput): Promise<CatalogueService> {
      authorize(ctx.actor, 'services.catalogue.manage');
      const before = await repo.findService(db, id);
      if (!before) throw notFound();
      assertInRegion(ctx.actor, before.regionCode);
      try {
        await db.transaction(async (tx) => {
          await checkInstitutions(tx, before.regionCode, input);
          await repo.updateService(tx, id, { ...input, updatedAt: clock.now() });
          const changed = Object.keys(input).filter(
            (k) =>
              JSON.stringify((before as Record<string, unknown>)[k]) !== JSON.stringify((input as Record<string, unknown>)[k]),
          );
          await appendAudit(tx, ctx, {
            action: 'services.catalogue.update',
            targetType: 'service',
            targetId: id,
            regionCode: before.regionCode,
            detail: { code: input.code, changed },
          });
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw codeTaken();
        throw err;
      }
      return toCatalogueService((await repo.findService(db, id))!, await institutionNames(db, before.regionCode));
    },
  };
}

export type CatalogueServiceApi = ReturnType<typeof createCatalogueService>;
