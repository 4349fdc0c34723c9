import {
  futureDateProblems,
  gradeSignal,
  isWithinRegion,
  signalMachine,
  type Page,
  type RiskSignal,
  type SignalState,
  type SpotCheckPlanInput,
  type riskSignalInput,
  type signalListQuery,
} from '@qd/core';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import { authorize } from '../../platform/authorize.js';
import { notFound, ruleViolated } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import type { PlansService } from './plans.service.js';
import { today, transition } from './supervision-access.js';
import * as repo from './supervision.repo.js';

function toSignal(r: repo.SignalRow): RiskSignal {
  return {
    id: r.id,
    code: r.code,
    regionCode: r.regionCode,
    product: r.product,
    hazard: r.hazard,
    source: r.source as RiskSignal['source'],
    description: r.description,
    reportedOn: r.reportedOn,
    sampleRef: r.sampleRef,
    severity: r.severity,
    likelihood: r.likelihood,
    grade: r.grade as RiskSignal['grade'],
    status: r.status as SignalState,
    planId: r.planId,
    createdAt: r.createdAt.toISOString(),
  };
}

/** Risk monitoring (风险监测): signals are graded and may become a targeted plan; no re-test route. */
export function createSignalsService(deps: ServiceDeps, plans: PlansService) {
  const { db } = deps.database;

  async function load(ctx: RequestContext, id: string) {
    authorize(ctx.actor, 'supervision.read');
    const row = await repo.findSignal(db, id);
    if (!row || !isWithinRegion(ctx.actor.regionCode, row.regionCode)) throw notFound();
    return row;
  }

  return {
    async list(ctx: RequestContext, query: z.infer<typeof signalListQuery>): Promise<Page<RiskSignal>> {
      authorize(ctx.actor, 'supervision.read');
      const { rows, total } = await repo.listSignals(db, ctx.actor.regionCode, query, {
        offset: (query.current - 1) * query.pageSize,
        limit: query.pageSize,
      });
      return { data: rows.map(toSignal), total, current: query.current, pageSize: query.pageSize };
    },

    async get(ctx: RequestContext, id: string): Promise<RiskSignal> {
      return toSignal(await load(ctx, id));
    },

    async create(ctx: RequestContext, input: z.infer<typeof riskSignalInput>): Promise<RiskSignal> {
      authorize(ctx.actor, 'supervision.manage');
      // A signal reports what was already found.
      const future = futureDateProblems({ reportedOn: input.reportedOn }, today(deps));
      if (future.length > 0) throw ruleViolated('date.future', future);
      const id = newId();
      const now = deps.clock.now();
      await db.transaction(async (tx) => {
        const code = await repo.nextCode(tx, ctx.actor.regionCode, 'FX', Number(input.reportedOn.slice(0, 4)));
        await repo.insertSignal(tx, {
          id,
          regionCode: ctx.actor.regionCode,
          code,
          ...input,
          sampleRef: input.sampleRef ?? null,
          status: 'open',
          createdAt: now,
          updatedAt: now,
        });
        await appendAudit(tx, ctx, {
          action: 'supervision.signal.create',
          targetType: 'supervision_signal',
          targetId: id,
          detail: { code, product: input.product, source: input.source },
        });
      });
      return toSignal((await repo.findSignal(db, id))!);
    },

    async grade(ctx: RequestContext, id: string, input: { severity: number; likelihood: number }): Promise<RiskSignal> {
      const row = await load(ctx, id);
      const grade = gradeSignal(input.severity, input.likelihood);
      const now = deps.clock.now();
      await db.transaction(async (tx) => {
        await transition(
          tx,
          ctx,
          signalMachine,
          { type: 'signal', id, regionCode: row.regionCode, state: row.status as SignalState },
          'grade',
          { grade },
          { on: today(deps), note: grade, at: now },
        );
        await repo.updateSignal(tx, id, { ...input, grade, status: 'graded', updatedAt: now });
        await appendAudit(tx, ctx, {
          action: 'supervision.signal.grade',
          targetType: 'supervision_signal',
          targetId: id,
          regionCode: row.regionCode,
          detail: { ...input, grade },
        });
      });
      return toSignal((await repo.findSignal(db, id))!);
    },

    /** Turns a graded signal into a targeted plan (draft) over the targets making the product. */
    async toPlan(ctx: RequestContext, id: string, input: SpotCheckPlanInput): Promise<RiskSignal> {
      const row = await load(ctx, id);
      const now = deps.clock.now();
      await db.transaction(async (tx) => {
        await transition(
          tx,
          ctx,
          signalMachine,
          { type: 'signal', id, regionCode: row.regionCode, state: row.status as SignalState },
          'plan',
          { grade: row.grade as RiskSignal['grade'] },
          { on: today(deps), at: now },
        );
        const planId = await plans.create(
          ctx,
          { ...input, filters: { ...input.filters, productKeyword: input.filters.productKeyword || row.product } },
          tx,
          id,
        );
        await repo.updateSignal(tx, id, { status: 'planned', planId, updatedAt: now });
        await appendAudit(tx, ctx, {
          action: 'supervision.signal.plan',
          targetType: 'supervision_signal',
          targetId: id,
          regionCode: row.regionCode,
          detail: { planId },
        });
      });
      return toSignal((await repo.findSignal(db, id))!);
    },

    async close(ctx: RequestContext, id: string, note: string): Promise<RiskSignal> {
      const row = await load(ctx, id);
      const now = deps.clock.now();
      await db.transaction(async (tx) => {
        await transition(
          tx,
          ctx,
          signalMachine,
          { type: 'signal', id, regionCode: row.regionCode, state: row.status as SignalState },
          'close',
          { grade: row.grade as RiskSignal['grade'] },
          { on: today(deps), note, at: now },
        );
        await repo.updateSignal(tx, id, { status: 'closed', updatedAt: now });
        await appendAudit(tx, ctx, {
          action: 'supervision.signal.close',
          targetType: 'supervision_signal',
          targetId: id,
          regionCode: row.regionCode,
          detail: { note },
        });
      });
      return toSignal((await repo.findSignal(db, id))!);
    },
  };
}

export type SignalsService = ReturnType<typeof createSignalsService>;
