import {
  inspectionMachine,
  isWithinRegion,
  publicationDueOn,
  resultNeedsRectification,
  type InspectionRecord,
  type InspectionRecordInput,
  type InspectionState,
  type Page,
  type inspectionListQuery,
} from '@qd/core';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import { authorize } from '../../platform/authorize.js';
import { notFound, ruleViolated } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import { organizationNamesByIds } from '../registry/index.js';
import { calendarOf, readScope, today, transition } from './supervision-access.js';
import * as repo from './supervision.repo.js';
import { publicationDaysOf } from './publication.service.js';

export function createInspectionsService(deps: ServiceDeps) {
  const { db } = deps.database;

  async function toInspections(rows: { inspection: repo.InspectionRow; planName: string }[]): Promise<InspectionRecord[]> {
    const inspectors = await repo.inspectorsByIds(db, [...new Set(rows.flatMap((r) => r.inspection.inspectorIds))]);
    const units = await organizationNamesByIds(db, [...new Set(inspectors.map((i) => i.unitId))]);
    const rectifications = await repo.rectificationIdsOf(
      db,
      rows.map((r) => r.inspection.id),
    );
    return rows.map(({ inspection: r, planName }) => ({
      id: r.id,
      code: r.code,
      regionCode: r.regionCode,
      planId: r.planId,
      planName,
      enterpriseId: r.enterpriseId,
      enterpriseName: r.enterpriseName,
      creditCode: r.creditCode,
      stratum: r.stratum,
      position: r.position,
      inspectors: r.inspectorIds.map((id) => {
        const i = inspectors.find((x) => x.id === id);
        return { id, name: i?.name ?? '', unitName: i ? (units.get(i.unitId) ?? null) : null };
      }),
      status: r.status as InspectionState,
      inspectedOn: r.inspectedOn,
      findings: r.findings,
      result: r.result as InspectionRecord['result'],
      correctBy: r.correctBy,
      publicationDueOn: r.publicationDueOn,
      publishedAt: r.publishedAt?.toISOString() ?? null,
      rectificationId: rectifications.get(r.id) ?? null,
      createdAt: r.createdAt.toISOString(),
    }));
  }

  async function loadInScope(ctx: RequestContext, id: string) {
    const scope = await readScope(db, ctx.actor);
    const found = await repo.findInspection(db, id);
    if (!found || !isWithinRegion(scope.regionCode, found.inspection.regionCode)) throw notFound();
    const r = found.inspection;
    if (scope.enterpriseId !== undefined && r.enterpriseId !== scope.enterpriseId) throw notFound();
    if (scope.inspectorIds !== undefined && !r.inspectorIds.some((i) => scope.inspectorIds!.includes(i))) throw notFound();
    return { found, scope };
  }

  return {
    async list(ctx: RequestContext, query: z.infer<typeof inspectionListQuery>): Promise<Page<InspectionRecord>> {
      const scope = await readScope(db, ctx.actor);
      if (query.mine === 'true' && scope.inspectorIds === undefined)
        scope.inspectorIds = await repo.inspectorIdsOfUser(db, ctx.actor.userId);
      const { rows, total } = await repo.listInspections(db, scope, query, {
        offset: (query.current - 1) * query.pageSize,
        limit: query.pageSize,
      });
      return { data: await toInspections(rows), total, current: query.current, pageSize: query.pageSize };
    },

    async get(ctx: RequestContext, id: string): Promise<InspectionRecord> {
      return (await toInspections([(await loadInScope(ctx, id)).found]))[0]!;
    },

    /**
     * Records the inspection: date, findings, result code. An order to correct opens the
     * follow-up chain; the result is due for publication within the region's limit.
     */
    async record(ctx: RequestContext, id: string, input: InspectionRecordInput): Promise<InspectionRecord> {
      authorize(ctx.actor, 'supervision.inspect');
      const { found } = await loadInScope(ctx, id);
      const r = found.inspection;
      const now = deps.clock.now();
      const on = today(deps);
      if (input.inspectedOn > on) throw ruleViolated('date.future', [{ path: 'inspectedOn', message: 'date.future' }]);
      const plan = (await repo.findPlan(db, r.planId))!;
      if (plan.drawnAt && input.inspectedOn < today({ ...deps, clock: { now: () => plan.drawnAt! } })) {
        throw ruleViolated('supervision.inspectedOn.beforeDraw', [
          { path: 'inspectedOn', message: 'supervision.inspectedOn.beforeDraw' },
        ]);
      }
      const mine = await repo.inspectorIdsOfUser(db, ctx.actor.userId);
      await db.transaction(async (tx) => {
        await transition(
          tx,
          ctx,
          inspectionMachine,
          { type: 'inspection', id, regionCode: r.regionCode, state: r.status as InspectionState },
          'record',
          { actorIsAssigned: r.inspectorIds.some((i) => mine.includes(i)) },
          { on: input.inspectedOn, note: input.result, at: now },
        );
        const cal = await calendarOf(tx, r.regionCode);
        const dueOn = publicationDueOn(cal, input.inspectedOn, await publicationDaysOf(tx, r.regionCode));
        await repo.updateInspection(tx, id, {
          status: 'recorded',
          inspectedOn: input.inspectedOn,
          findings: input.findings,
          result: input.result,
          correctBy: resultNeedsRectification(input.result) ? input.correctBy! : null,
          publicationDueOn: dueOn,
          recordedBy: ctx.actor.userId,
          updatedAt: now,
        });
        if (resultNeedsRectification(input.result)) {
          const rectificationId = newId();
          await repo.insertRectification(tx, {
            id: rectificationId,
            regionCode: r.regionCode,
            code: await repo.nextCode(tx, r.regionCode, 'ZG', Number(on.slice(0, 4))),
            sourceType: 'inspection',
            sourceId: id,
            enterpriseId: r.enterpriseId,
            enterpriseName: r.enterpriseName,
            orderedOn: input.inspectedOn,
            correctBy: input.correctBy!,
            status: 'ordered',
            createdAt: now,
            updatedAt: now,
          });
          await appendAudit(tx, ctx, {
            action: 'supervision.rectification.order',
            targetType: 'supervision_rectification',
            targetId: rectificationId,
            regionCode: r.regionCode,
            detail: { sourceType: 'inspection', sourceId: id, correctBy: input.correctBy },
          });
        }
        await appendAudit(tx, ctx, {
          action: 'supervision.inspection.record',
          targetType: 'supervision_inspection',
          targetId: id,
          regionCode: r.regionCode,
          detail: { result: input.result, inspectedOn: input.inspectedOn, publicationDueOn: dueOn },
        });
      });
      return this.get(ctx, id);
    },

    /** Publishes a recorded result on the public portal (一公开). */
    async publish(ctx: RequestContext, id: string): Promise<InspectionRecord> {
      authorize(ctx.actor, 'supervision.manage');
      const { found } = await loadInScope(ctx, id);
      const r = found.inspection;
      if (r.status !== 'recorded') throw ruleViolated('supervision.publish.notReady');
      if (r.publishedAt) throw ruleViolated('supervision.publish.already');
      const now = deps.clock.now();
      await db.transaction(async (tx) => {
        await repo.updateInspection(tx, id, { publishedAt: now, updatedAt: now });
        await appendAudit(tx, ctx, {
          action: 'supervision.inspection.publish',
          targetType: 'supervision_inspection',
          targetId: id,
          regionCode: r.regionCode,
          detail: {
            dueOn: r.publicationDueOn,
            publishedOn: today(deps),
            late: r.publicationDueOn !== null && today(deps) > r.publicationDueOn,
          },
        });
      });
      return this.get(ctx, id);
    },
  };
}

export type InspectionsService = ReturnType<typeof createInspectionsService>;
