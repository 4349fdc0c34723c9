import {
  isWithinRegion,
  type InspectionItem,
  type InspectionItemInput,
  type InspectorInput,
  type InspectorRecord,
  type Page,
  type SupervisionTarget,
  type TargetUpdate,
  type inspectionItemInput,
  type targetListQuery,
} from '@qd/core';
import type { z } from 'zod';
import type { ListQuery } from '@qd/core';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import { assertInRegion, authorize } from '../../platform/authorize.js';
import { conflict, isUniqueViolation, notFound, ruleViolated } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import type { Executor } from '../../platform/db/database.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import { enterprisesForDirectory, findOrganizationKind, organizationNamesByIds } from '../registry/index.js';
import { readScope } from './supervision-access.js';
import * as repo from './supervision.repo.js';

const pageOf = (q: ListQuery) => ({ offset: (q.current - 1) * q.pageSize, limit: q.pageSize });

function toItem(row: repo.ItemRow): InspectionItem {
  return {
    id: row.id,
    regionCode: row.regionCode,
    code: row.code,
    name: row.name,
    legalBasis: row.legalBasis,
    targetType: row.targetType as InspectionItem['targetType'],
    kind: row.kind as InspectionItem['kind'],
    frequency: row.frequency,
    ratioBp: row.ratioBp,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toTarget(row: repo.TargetRow): SupervisionTarget {
  return {
    enterpriseId: row.enterpriseId,
    regionCode: row.regionCode,
    name: row.name,
    creditCode: row.creditCode,
    industrySection: row.industrySection,
    riskClass: row.riskClass,
    products: row.products,
    flags: row.flags,
    status: row.status,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A reference to another record must exist inside the caller's region: else a field error. */
export async function assertOrganization(
  db: Executor,
  ctx: RequestContext,
  id: string,
  kind: 'enterprise' | 'department',
  path: string,
) {
  if ((await findOrganizationKind(db, id, ctx.actor.regionCode)) !== kind) {
    throw ruleViolated('supervision.unknownReference', [{ path, message: 'supervision.unknownReference' }]);
  }
}

export function createDirectoriesService(deps: ServiceDeps) {
  const { db } = deps.database;

  async function toInspectors(rows: repo.InspectorRow[]): Promise<InspectorRecord[]> {
    const ties = await repo.tiesOf(
      db,
      rows.map((r) => r.id),
    );
    const names = await organizationNamesByIds(db, [
      ...new Set([...rows.map((r) => r.unitId), ...ties.map((t) => t.enterpriseId)]),
    ]);
    return rows.map((r) => ({
      id: r.id,
      regionCode: r.regionCode,
      name: r.name,
      certificateNo: r.certificateNo,
      specialty: r.specialty,
      unitId: r.unitId,
      unitName: names.get(r.unitId) ?? null,
      userId: r.userId,
      status: r.status,
      ties: ties
        .filter((t) => t.inspectorId === r.id)
        .map((t) => ({ enterpriseId: t.enterpriseId, enterpriseName: names.get(t.enterpriseId) ?? null, relation: t.relation })),
      createdAt: r.createdAt.toISOString(),
    }));
  }

  async function checkInspectorInput(ctx: RequestContext, input: InspectorInput) {
    await assertOrganization(db, ctx, input.unitId, 'department', 'unitId');
    for (const [i, tie] of input.ties.entries())
      await assertOrganization(db, ctx, tie.enterpriseId, 'enterprise', `ties.${i}.enterpriseId`);
  }

  const duplicateCertificate = () =>
    conflict('supervision.inspector.certificateDuplicate', [
      { path: 'certificateNo', message: 'supervision.inspector.certificateDuplicate' },
    ]);

  return {
    // ---- inspection-item list ----
    async listItems(ctx: RequestContext, query: ListQuery): Promise<Page<InspectionItem>> {
      await readScope(db, ctx.actor);
      const { rows, total } = await repo.listItems(db, ctx.actor.regionCode, query.keyword, pageOf(query));
      return { data: rows.map(toItem), total, current: query.current, pageSize: query.pageSize };
    },

    async saveItem(ctx: RequestContext, id: string | null, input: z.infer<typeof inspectionItemInput>): Promise<InspectionItem> {
      authorize(ctx.actor, 'supervision.manage');
      const itemId = id ?? newId();
      if (id) {
        const before = await repo.findItem(db, id);
        if (!before) throw notFound();
        assertInRegion(ctx.actor, before.regionCode);
      }
      const now = deps.clock.now();
      try {
        await db.transaction(async (tx) => {
          const columns = { ...(input as InspectionItemInput), updatedAt: now };
          if (id) await repo.updateItem(tx, id, columns);
          else await repo.insertItem(tx, { id: itemId, regionCode: ctx.actor.regionCode, ...columns, createdAt: now });
          await appendAudit(tx, ctx, {
            action: id ? 'supervision.item.update' : 'supervision.item.create',
            targetType: 'supervision_item',
            targetId: itemId,
            detail: { code: input.code, name: input.name, kind: input.kind },
          });
        });
      } catch (err) {
        if (isUniqueViolation(err))
          throw conflict('supervision.item.codeDuplicate', [{ path: 'code', message: 'supervision.item.codeDuplicate' }]);
        throw err;
      }
      return toItem((await repo.findItem(db, itemId))!);
    },

    // ---- target directory ----
    async listTargets(ctx: RequestContext, query: z.infer<typeof targetListQuery>): Promise<Page<SupervisionTarget>> {
      const scope = await readScope(db, ctx.actor);
      const { rows, total } = await repo.listTargets(
        db,
        {
          scopeRegion: scope.regionCode,
          enterpriseId: scope.enterpriseId,
          keyword: query.keyword,
          riskClass: query.riskClass,
          industrySection: query.industrySection,
          flag: query.flag,
        },
        pageOf(query),
      );
      return { data: rows.map(toTarget), total, current: query.current, pageSize: query.pageSize };
    },

    /** Takes the region's enterprises from the registry into the directory (new ones as medium risk). */
    async syncTargets(ctx: RequestContext): Promise<{ added: number; updated: number; total: number }> {
      authorize(ctx.actor, 'supervision.manage');
      return db.transaction(async (tx) => {
        const enterprises = (await enterprisesForDirectory(tx, ctx.actor.regionCode)).filter(
          (e) => e.creditCode && e.industrySection,
        );
        const existing = await repo.existingTargetIds(
          tx,
          enterprises.map((e) => e.id),
        );
        await repo.upsertTargetsFromRegistry(
          tx,
          enterprises.map((e) => ({
            enterpriseId: e.id,
            regionCode: e.regionCode,
            name: e.name,
            creditCode: e.creditCode!,
            industrySection: e.industrySection!,
            products: (e.mainProducts ?? '')
              .split(/[,，、;；]/)
              .map((p) => p.trim())
              .filter(Boolean)
              .slice(0, 50),
            status: e.status,
          })),
          deps.clock.now(),
        );
        const result = { added: enterprises.length - existing.size, updated: existing.size, total: enterprises.length };
        await appendAudit(tx, ctx, { action: 'supervision.target.sync', targetType: 'supervision_target', detail: result });
        return result;
      });
    },

    async updateTarget(ctx: RequestContext, enterpriseId: string, input: TargetUpdate): Promise<SupervisionTarget> {
      authorize(ctx.actor, 'supervision.manage');
      const before = await repo.findTarget(db, enterpriseId);
      if (!before) throw notFound();
      assertInRegion(ctx.actor, before.regionCode);
      await db.transaction(async (tx) => {
        await repo.updateTarget(tx, enterpriseId, {
          riskClass: input.riskClass,
          products: input.products,
          flags: [...new Set(input.flags)],
          updatedAt: deps.clock.now(),
        });
        await appendAudit(tx, ctx, {
          action: 'supervision.target.update',
          targetType: 'supervision_target',
          targetId: enterpriseId,
          regionCode: before.regionCode,
          detail: { riskClass: { from: before.riskClass, to: input.riskClass }, flags: input.flags },
        });
      });
      return toTarget((await repo.findTarget(db, enterpriseId))!);
    },

    // ---- inspector directory ----
    async listInspectors(ctx: RequestContext, query: ListQuery): Promise<Page<InspectorRecord>> {
      const scope = await readScope(db, ctx.actor);
      if (scope.enterpriseId !== undefined) throw notFound(); // firms never browse the inspector directory
      const onlyUserId = scope.departmentId !== undefined ? ctx.actor.userId : undefined;
      const { rows, total } = await repo.listInspectors(
        db,
        { scopeRegion: scope.regionCode, keyword: query.keyword, onlyUserId },
        pageOf(query),
      );
      return { data: await toInspectors(rows), total, current: query.current, pageSize: query.pageSize };
    },

    async saveInspector(ctx: RequestContext, id: string | null, input: InspectorInput): Promise<InspectorRecord> {
      authorize(ctx.actor, 'supervision.manage');
      let before: repo.InspectorRow | undefined;
      if (id) {
        before = await repo.findInspector(db, id);
        if (!before) throw notFound();
        assertInRegion(ctx.actor, before.regionCode);
      }
      await checkInspectorInput(ctx, input);
      const inspectorId = id ?? newId();
      const now = deps.clock.now();
      const ties = [...new Map(input.ties.map((t) => [t.enterpriseId, t])).values()];
      try {
        await db.transaction(async (tx) => {
          const columns = {
            name: input.name,
            certificateNo: input.certificateNo,
            specialty: input.specialty,
            unitId: input.unitId,
            userId: input.userId ?? null,
            status: input.status,
            updatedAt: now,
          };
          if (id) await repo.updateInspector(tx, id, columns);
          else await repo.insertInspector(tx, { id: inspectorId, regionCode: ctx.actor.regionCode, ...columns, createdAt: now });
          await repo.replaceTies(tx, inspectorId, ties);
          await appendAudit(tx, ctx, {
            action: id ? 'supervision.inspector.update' : 'supervision.inspector.create',
            targetType: 'supervision_inspector',
            targetId: inspectorId,
            regionCode: before?.regionCode ?? ctx.actor.regionCode,
            // Ties decide recusal: record exactly which enterprises they name.
            detail: { name: input.name, certificateNo: input.certificateNo, ties: ties.map((t) => t.enterpriseId) },
          });
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicateCertificate();
        throw err;
      }
      return (await toInspectors([(await repo.findInspector(db, inspectorId))!]))[0]!;
    },

    async getInspector(ctx: RequestContext, id: string): Promise<InspectorRecord> {
      const scope = await readScope(db, ctx.actor);
      const row = await repo.findInspector(db, id);
      if (!row || !isWithinRegion(scope.regionCode, row.regionCode) || scope.enterpriseId !== undefined) throw notFound();
      if (scope.departmentId !== undefined && row.userId !== ctx.actor.userId) throw notFound();
      return (await toInspectors([row]))[0]!;
    },
  };
}

export type DirectoriesService = ReturnType<typeof createDirectoriesService>;
