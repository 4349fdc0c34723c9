import {
  DRAW_ALGORITHM,
  DrawInputError,
  commitStrata,
  drawKey,
  rfc3797Draw,
  drawInspectorsFor,
  isWithinRegion,
  parseSeed,
  planMachine,
  transitionOptions,
  type DrawRecord,
  type Page,
  type PlanContext,
  type RiskClass,
  type PlanState,
  type PublicDraw,
  type SpotCheckPlan,
  type SpotCheckPlanInput,
  type planListQuery,
} from '@qd/core';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import { authorize } from '../../platform/authorize.js';
import { notFound, ruleViolated } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import type { Executor } from '../../platform/db/database.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import { assertOrganization } from './directories.service.js';
import { check, readScope, today, transition } from './supervision-access.js';
import * as repo from './supervision.repo.js';

const nativeSha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function planLabel(plan: Pick<repo.PlanRow, 'code' | 'name'>): string {
  return `${plan.code} ${plan.name}`.slice(0, 200);
}

/** A stored draw record as the published `drawRecord` (what `qd draw verify` reads). */
export function toDrawRecord(plan: repo.PlanRow, row: repo.DrawRecordRow): DrawRecord {
  return {
    algorithm: DRAW_ALGORITHM,
    pool: row.pool,
    poolHash: row.poolHash,
    seedSources: row.seedSources ?? plan.seedSources ?? [],
    count: row.count,
    result: row.result ?? [],
    stratum: row.stratum,
    label: planLabel(plan),
    createdAt: (row.drawnAt ?? row.createdAt).toISOString(),
  };
}

export function createPlansService(deps: ServiceDeps) {
  const { db } = deps.database;

  async function toPlan(ctx: RequestContext | null, row: repo.PlanRow): Promise<SpotCheckPlan> {
    const strata = await repo.drawRecordSummaries(db, row.id, 'targets');
    const drawnCodes = strata.flatMap((s) => s.result ?? []);
    const names = new Map(
      drawnCodes.length > 0
        ? (await repo.targetsByCreditCodes(db, row.regionCode, drawnCodes)).map((t) => [t.creditCode, t.name] as const)
        : [],
    );
    const context: PlanContext = {
      today: today(deps),
      poolSize: row.poolSize ?? 1,
      seedAnnouncedOn: row.seedAnnouncedOn,
      openInspections: 0,
    };
    return {
      id: row.id,
      code: row.code,
      regionCode: row.regionCode,
      kind: row.kind,
      name: row.name,
      itemIds: row.itemIds,
      filters: row.filters,
      allocation: row.allocation,
      periodStart: row.periodStart,
      periodEnd: row.periodEnd,
      departmentIds: row.departmentIds,
      inspectorsPerTarget: row.inspectorsPerTarget,
      status: row.status as PlanState,
      signalId: row.signalId,
      seedSource: row.seedSource,
      seedAnnouncedOn: row.seedAnnouncedOn,
      seedSources: row.seedSources,
      algorithm: row.algorithm === DRAW_ALGORITHM ? DRAW_ALGORITHM : null,
      poolHash: row.poolHash,
      poolSize: row.poolSize,
      committedAt: row.committedAt?.toISOString() ?? null,
      drawnAt: row.drawnAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      strata: strata.map((s) => ({
        id: s.id,
        key: s.stratum,
        riskClass: s.riskClass as SpotCheckPlan['strata'][number]['riskClass'],
        industrySection: s.industrySection ?? '',
        poolSize: s.poolSize,
        poolHash: s.poolHash,
        count: s.count,
        result: s.result,
        resultNames: s.result ? s.result.map((code) => names.get(code) ?? code) : null,
      })),
      availableTransitions: ctx
        ? transitionOptions(planMachine, row.status as PlanState, ctx.actor, context).map((o) => o.name)
        : [],
    };
  }

  async function loadInScope(ctx: RequestContext, id: string): Promise<repo.PlanRow> {
    const scope = await readScope(db, ctx.actor);
    const row = await repo.findPlan(db, id);
    if (!row || !isWithinRegion(scope.regionCode, row.regionCode) || scope.enterpriseId !== undefined) throw notFound();
    if (scope.departmentId !== undefined && !(scope.departmentId && row.departmentIds.includes(scope.departmentId)))
      throw notFound();
    return row;
  }

  /** Loads the plan for a draw step under a row lock, inside the use-case's transaction. */
  async function lockInScope(tx: Executor, ctx: RequestContext, id: string): Promise<repo.PlanRow> {
    authorize(ctx.actor, 'supervision.manage');
    const row = await repo.lockPlan(tx, id);
    if (!row || !isWithinRegion(ctx.actor.regionCode, row.regionCode)) throw notFound();
    return row;
  }

  async function checkPlanInput(ex: Executor, ctx: RequestContext, input: SpotCheckPlanInput) {
    const items = await repo.itemsByIds(ex, input.itemIds);
    input.itemIds.forEach((id, i) => {
      const item = items.find((x) => x.id === id);
      if (!item || !isWithinRegion(ctx.actor.regionCode, item.regionCode)) {
        throw ruleViolated('supervision.unknownReference', [{ path: `itemIds.${i}`, message: 'supervision.unknownReference' }]);
      }
    });
    for (const [i, d] of input.departmentIds.entries()) await assertOrganization(ex, ctx, d, 'department', `departmentIds.${i}`);
  }

  return {
    toPlan,

    async list(ctx: RequestContext, query: z.infer<typeof planListQuery>): Promise<Page<SpotCheckPlan>> {
      const scope = await readScope(db, ctx.actor);
      if (scope.enterpriseId !== undefined) throw notFound();
      const { rows, total } = await repo.listPlans(db, scope, query, {
        offset: (query.current - 1) * query.pageSize,
        limit: query.pageSize,
      });
      return {
        data: await Promise.all(rows.map((r) => toPlan(ctx, r))),
        total,
        current: query.current,
        pageSize: query.pageSize,
      };
    },

    async get(ctx: RequestContext, id: string): Promise<SpotCheckPlan> {
      return toPlan(ctx, await loadInScope(ctx, id));
    },

    /** Creates a plan in draft; `signalId` when it is the targeted plan a risk signal turned into. */
    async create(ctx: RequestContext, input: SpotCheckPlanInput, tx?: Executor, signalId?: string): Promise<string> {
      authorize(ctx.actor, 'supervision.manage');
      await checkPlanInput(tx ?? db, ctx, input);
      const id = newId();
      const now = deps.clock.now();
      const write = async (t: Executor) => {
        const code = await repo.nextCode(t, ctx.actor.regionCode, 'CC', Number(today(deps).slice(0, 4)));
        await repo.insertPlan(t, {
          id,
          regionCode: ctx.actor.regionCode,
          code,
          kind: signalId ? 'targeted' : 'general',
          name: input.name,
          itemIds: input.itemIds,
          filters: input.filters,
          allocation: input.allocation,
          periodStart: input.periodStart,
          periodEnd: input.periodEnd,
          departmentIds: [...new Set(input.departmentIds)],
          inspectorsPerTarget: input.inspectorsPerTarget,
          status: 'draft',
          signalId: signalId ?? null,
          createdBy: ctx.actor.userId,
          createdAt: now,
          updatedAt: now,
        });
        await appendAudit(t, ctx, {
          action: 'supervision.plan.create',
          targetType: 'supervision_plan',
          targetId: id,
          detail: { code, name: input.name, filters: input.filters, allocation: input.allocation, signalId: signalId ?? null },
        });
      };
      if (tx) await write(tx);
      else await db.transaction(write);
      return id;
    },

    /**
     * Commit: freezes the eligible pool (each stratum's sorted ids and SHA-256) and announces
     * where the seed will come from and when — before anyone can know it.
     */
    async commit(
      ctx: RequestContext,
      id: string,
      input: { seedSource: string; seedAnnouncedOn: string },
    ): Promise<SpotCheckPlan> {
      const now = deps.clock.now();
      const on = today(deps);
      await db.transaction(async (tx) => {
        // Authorized and in scope before the input is judged: no rule is told about another region's plan.
        const plan = await lockInScope(tx, ctx, id);
        if (input.seedAnnouncedOn <= on) {
          throw ruleViolated('supervision.seed.dateNotFuture', [
            { path: 'seedAnnouncedOn', message: 'supervision.seed.dateNotFuture' },
          ]);
        }
        // The database freezes each stratum's sorted pool; the commitment is computed by core
        // from exactly what was stored (read back), so stored pool and published hash agree.
        await repo.lockDirectory(tx);
        const strataKeys = (await repo.eligibleStrata(tx, plan.regionCode, plan.filters)).map((g) => ({ id: newId(), ...g }));
        // Authorized, in the right state, with something to draw — before any work is done.
        check(planMachine, ctx.actor, plan.status as PlanState, 'commit', {
          today: on,
          poolSize: strataKeys.reduce((n, g) => n + g.n, 0),
          seedAnnouncedOn: input.seedAnnouncedOn,
          openInspections: 0,
        });
        await repo.freezePool(tx, {
          planId: id,
          regionCode: plan.regionCode,
          filters: plan.filters,
          at: now,
          strata: strataKeys,
        });
        const frozen = await repo.frozenPools(tx, id);
        let committed;
        try {
          // Node's native SHA-256 gives the same digest as core's (which the public page and `qd draw verify` use), faster.
          committed = commitStrata(
            frozen.map((f) => {
              const ids = f.text.split('\n');
              // A newline inside an id would change the split: refuse rather than commit something else.
              if (ids.length !== f.size) throw new DrawInputError('draw.poolIdInvalid');
              return { riskClass: f.riskClass as RiskClass, industrySection: f.industrySection ?? '', ids };
            }),
            plan.allocation,
            nativeSha256Hex,
          );
        } catch (err) {
          if (err instanceof DrawInputError) throw ruleViolated(err.messageKey);
          throw err;
        }
        const context: PlanContext = {
          today: on,
          poolSize: committed.poolSize,
          seedAnnouncedOn: input.seedAnnouncedOn,
          openInspections: 0,
        };
        await transition(
          tx,
          ctx,
          planMachine,
          { type: 'plan', id, regionCode: plan.regionCode, state: plan.status as PlanState },
          'commit',
          context,
          {
            on,
            note: input.seedSource,
            at: now,
          },
        );
        const recordOf = new Map(frozen.map((f) => [`${f.riskClass}/${f.industrySection}`, f.id]));
        for (const s of committed.strata)
          await repo.setStratumCommitment(tx, recordOf.get(s.key)!, { poolHash: s.poolHash, count: s.count });
        await repo.updatePlan(tx, id, {
          status: 'committed',
          seedSource: input.seedSource,
          seedAnnouncedOn: input.seedAnnouncedOn,
          algorithm: DRAW_ALGORITHM,
          poolHash: committed.poolHash,
          poolSize: committed.poolSize,
          committedAt: now,
          updatedAt: now,
        });
        await appendAudit(tx, ctx, {
          action: 'supervision.plan.commit',
          targetType: 'supervision_plan',
          targetId: id,
          regionCode: plan.regionCode,
          detail: {
            poolHash: committed.poolHash,
            poolSize: committed.poolSize,
            strata: committed.strata.map((s) => ({ key: s.key, size: s.pool.length, hash: s.poolHash, count: s.count })),
            seedSource: input.seedSource,
            seedAnnouncedOn: input.seedAnnouncedOn,
          },
        });
      });
      return toPlan(ctx, (await repo.findPlan(db, id))!);
    },

    /** Enters the publicly drawn numbers, on or after their announced day; stored once. */
    async enterSeed(ctx: RequestContext, id: string, seedText: string): Promise<SpotCheckPlan> {
      const parsed = parseSeed(seedText);
      if (!parsed.ok) throw ruleViolated(parsed.problem, [{ path: 'seed', message: parsed.problem }]);
      const now = deps.clock.now();
      await db.transaction(async (tx) => {
        const plan = await lockInScope(tx, ctx, id);
        const context: PlanContext = {
          today: today(deps),
          poolSize: plan.poolSize ?? 0,
          seedAnnouncedOn: plan.seedAnnouncedOn,
          openInspections: 0,
        };
        await transition(
          tx,
          ctx,
          planMachine,
          { type: 'plan', id, regionCode: plan.regionCode, state: plan.status as PlanState },
          'enterSeed',
          context,
          {
            on: today(deps),
            note: seedText,
            at: now,
          },
        );
        await repo.updatePlan(tx, id, { status: 'seeded', seedSources: parsed.sources, updatedAt: now });
        await appendAudit(tx, ctx, {
          action: 'supervision.plan.seed',
          targetType: 'supervision_plan',
          targetId: id,
          regionCode: plan.regionCode,
          detail: { seedSources: parsed.sources, seedSource: plan.seedSource },
        });
      });
      return toPlan(ctx, (await repo.findPlan(db, id))!);
    },

    /** Draws every stratum from its frozen pool with the entered seed (RFC 3797). Once only. */
    async drawTargets(ctx: RequestContext, id: string): Promise<SpotCheckPlan> {
      const now = deps.clock.now();
      await db.transaction(async (tx) => {
        const plan = await lockInScope(tx, ctx, id);
        const context: PlanContext = {
          today: today(deps),
          poolSize: plan.poolSize ?? 0,
          seedAnnouncedOn: plan.seedAnnouncedOn,
          openInspections: 0,
        };
        await transition(
          tx,
          ctx,
          planMachine,
          { type: 'plan', id, regionCode: plan.regionCode, state: plan.status as PlanState },
          'drawTargets',
          context,
          {
            on: today(deps),
            at: now,
          },
        );
        // The pools were frozen in canonical order: the RFC 3797 positions index them directly,
        // and only the drawn entries are read back.
        const strata = await repo.drawRecordSummaries(tx, id, 'targets');
        const key = drawKey(plan.seedSources!);
        const drawn: Record<string, string[]> = {};
        for (const s of strata) {
          const result = s.count > 0 ? await repo.poolEntriesAt(tx, s.id, rfc3797Draw(s.poolSize, s.count, key)) : [];
          drawn[s.stratum] = result;
          await repo.setDrawResult(tx, s.id, { result, seedSources: plan.seedSources!, drawnAt: now });
        }
        await repo.updatePlan(tx, id, { status: 'drawn', drawnAt: now, updatedAt: now });
        await appendAudit(tx, ctx, {
          action: 'supervision.plan.drawTargets',
          targetType: 'supervision_plan',
          targetId: id,
          regionCode: plan.regionCode,
          detail: { algorithm: DRAW_ALGORITHM, poolHash: plan.poolHash, seedSources: plan.seedSources, drawn },
        });
      });
      return toPlan(ctx, (await repo.findPlan(db, id))!);
    },

    /**
     * Draws ≥ 2 inspectors for every drawn target from the active inspectors of the units taking
     * part who have no tie to it (recusal before the draw), and opens one inspection per target.
     */
    async drawInspectors(ctx: RequestContext, id: string): Promise<SpotCheckPlan> {
      const now = deps.clock.now();
      await db.transaction(async (tx) => {
        const plan = await lockInScope(tx, ctx, id);
        check(planMachine, ctx.actor, plan.status as PlanState, 'drawInspectors', {
          today: today(deps),
          poolSize: plan.poolSize ?? 0,
          seedAnnouncedOn: plan.seedAnnouncedOn,
          openInspections: 0,
        });
        const strata = await repo.drawRecordsWithPools(tx, id, 'targets');
        const order = strata.flatMap((s) => (s.result ?? []).map((creditCode) => ({ creditCode, stratum: s.stratum })));
        const targets = new Map(
          (
            await repo.targetsByCreditCodes(
              tx,
              plan.regionCode,
              order.map((o) => o.creditCode),
            )
          ).map((t) => [t.creditCode, t]),
        );
        const inspectors = await repo.activeInspectors(tx, plan.regionCode);
        const ties = await repo.tiesOf(
          tx,
          inspectors.map((i) => i.id),
        );
        const candidates = inspectors.map((i) => ({
          id: i.id,
          status: i.status,
          unitId: i.unitId,
          tiedEnterpriseIds: ties.filter((t) => t.inspectorId === i.id).map((t) => t.enterpriseId),
        }));
        const year = Number(today(deps).slice(0, 4));
        const records: Parameters<typeof repo.insertDrawRecords>[1] = [];
        const inspections: Parameters<typeof repo.insertInspections>[1] = [];
        for (const [i, o] of order.entries()) {
          const target = targets.get(o.creditCode)!;
          const outcome = drawInspectorsFor({
            candidates,
            enterpriseId: target.enterpriseId,
            unitIds: plan.departmentIds,
            count: plan.inspectorsPerTarget,
            seedSources: plan.seedSources!,
            position: i + 1,
            label: planLabel(plan),
            createdAt: now.toISOString(),
          });
          if (!outcome.ok) {
            throw ruleViolated(outcome.problem, [{ path: `targets.${i}`, message: outcome.problem }]);
          }
          records.push({
            id: newId(),
            planId: id,
            regionCode: plan.regionCode,
            kind: 'inspectors',
            stratum: outcome.record.stratum!,
            pool: outcome.record.pool,
            poolHash: outcome.record.poolHash,
            count: outcome.record.count,
            seedSources: outcome.record.seedSources,
            result: outcome.record.result,
            createdAt: now,
            drawnAt: now,
          });
          inspections.push({
            id: newId(),
            regionCode: plan.regionCode,
            code: await repo.nextCode(tx, plan.regionCode, 'JC', year),
            planId: id,
            enterpriseId: target.enterpriseId,
            creditCode: target.creditCode,
            enterpriseName: target.name,
            stratum: o.stratum,
            position: i + 1,
            inspectorIds: outcome.record.result,
            status: 'assigned',
            createdAt: now,
            updatedAt: now,
          });
        }
        await transition(
          tx,
          ctx,
          planMachine,
          { type: 'plan', id, regionCode: plan.regionCode, state: plan.status as PlanState },
          'drawInspectors',
          { today: today(deps), poolSize: plan.poolSize ?? 0, seedAnnouncedOn: plan.seedAnnouncedOn, openInspections: 0 },
          { on: today(deps), at: now },
        );
        await repo.insertDrawRecords(tx, records);
        await repo.insertInspections(tx, inspections);
        await repo.updatePlan(tx, id, { status: 'assigned', updatedAt: now });
        await appendAudit(tx, ctx, {
          action: 'supervision.plan.drawInspectors',
          targetType: 'supervision_plan',
          targetId: id,
          regionCode: plan.regionCode,
          detail: { assignments: inspections.map((x) => ({ enterpriseId: x.enterpriseId, inspectorIds: x.inspectorIds })) },
        });
      });
      return toPlan(ctx, (await repo.findPlan(db, id))!);
    },

    async close(ctx: RequestContext, id: string): Promise<SpotCheckPlan> {
      const now = deps.clock.now();
      await db.transaction(async (tx) => {
        const plan = await lockInScope(tx, ctx, id);
        const open = await repo.countOpenInspections(tx, id);
        await transition(
          tx,
          ctx,
          planMachine,
          { type: 'plan', id, regionCode: plan.regionCode, state: plan.status as PlanState },
          'close',
          { today: today(deps), poolSize: plan.poolSize ?? 0, seedAnnouncedOn: plan.seedAnnouncedOn, openInspections: open },
          { on: today(deps), at: now },
        );
        await repo.updatePlan(tx, id, { status: 'closed', updatedAt: now });
        await appendAudit(tx, ctx, {
          action: 'supervision.plan.close',
          targetType: 'supervision_plan',
          targetId: id,
          regionCode: plan.regionCode,
        });
      });
      return toPlan(ctx, (await repo.findPlan(db, id))!);
    },

    // ---- public: the published draw (一公开), no personal data ----

    async publicDraws() {
      const rows = await repo.publishedPlans(db, 200);
      return rows.map((r) => ({
        planId: r.planId,
        code: r.code,
        name: r.name,
        drawnAt: r.drawnAt?.toISOString() ?? null,
        poolHash: r.poolHash ?? '',
      }));
    },

    async publicDraw(planId: string): Promise<PublicDraw> {
      const plan = await repo.findPlan(db, planId);
      if (!plan || !plan.committedAt) throw notFound();
      const records = (await repo.drawRecordSummaries(db, planId)).filter((r) => r.result !== null && r.count > 0);
      const drawnOf = (kind: 'targets' | 'inspectors') => records.filter((r) => r.kind === kind).flatMap((r) => r.result ?? []);
      const publicNames = new Map<string, string>([
        ...(await repo.targetsByCreditCodes(db, plan.regionCode, drawnOf('targets'))).map((t) => [t.creditCode, t.name] as const),
        ...(await repo.inspectorsByIds(db, drawnOf('inspectors'))).map((i) => [i.id, i.certificateNo] as const),
      ]);
      return {
        planId: plan.id,
        code: plan.code,
        name: plan.name,
        seedSource: plan.seedSource,
        seedAnnouncedOn: plan.seedAnnouncedOn,
        poolHash: plan.poolHash ?? '',
        committedAt: plan.committedAt?.toISOString() ?? null,
        drawnAt: plan.drawnAt?.toISOString() ?? null,
        records: records.map((r) => ({
          id: r.id,
          kind: r.kind,
          stratum: r.stratum,
          poolSize: r.poolSize,
          result: (r.result ?? []).map((drawn) => ({ id: drawn, name: publicNames.get(drawn) ?? drawn })),
        })),
      };
    },

    /** One published record, exactly what `qd draw verify FILE` reads. */
    async publicDrawRecord(recordId: string): Promise<DrawRecord> {
      const row = await repo.findDrawRecord(db, recordId);
      if (!row || row.result === null || row.count === 0) throw notFound();
      const plan = (await repo.findPlan(db, row.planId))!;
      return toDrawRecord(plan, row);
    },
  };
}

export type PlansService = ReturnType<typeof createPlansService>;
