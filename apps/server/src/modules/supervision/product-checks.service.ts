import {
  futureDateProblems,
  isWithinRegion,
  objectionDeadline,
  objectionDecisionDueOn,
  productCheckMachine,
  publicationDueOn,
  retestLabProblem,
  transitionOptions,
  type Page,
  type ProductCheck,
  type ProductCheckContext,
  type ProductCheckInput,
  type ProductCheckState,
  type productCheckListQuery,
} from '@qd/core';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import { authorize } from '../../platform/authorize.js';
import { notFound, ruleViolated } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import type { Executor } from '../../platform/db/database.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import { calendarOf, readScope, today, transition } from './supervision-access.js';
import { publicationDaysOf } from './publication.service.js';
import * as repo from './supervision.repo.js';
import { correctionsOf, insertCorrection } from './corrections.repo.js';
import type { TestItemResultRow } from './supervision.tables.js';

const conclusionOf = (results: TestItemResultRow[]) => (results.every((r) => r.pass) ? ('pass' as const) : ('fail' as const));

export function createProductChecksService(deps: ServiceDeps) {
  const { db } = deps.database;

  function contextOf(
    ctx: RequestContext,
    r: repo.ProductCheckRow,
    objection: repo.ObjectionRow | undefined,
  ): ProductCheckContext {
    return {
      today: today(deps),
      actorOwnsFirm: ctx.actor.organizationId === r.enterpriseId,
      receivedOn: r.receivedOn,
      conclusion: r.conclusion,
      objectedBefore: objection !== undefined,
      objectionDeadline: r.objectionDeadline,
    };
  }

  async function toChecks(ctx: RequestContext, rows: repo.ProductCheckRow[]): Promise<ProductCheck[]> {
    const objections = await repo.objectionsOf(
      db,
      rows.map((r) => r.id),
    );
    const rectifications = await repo.rectificationIdsOf(
      db,
      rows.map((r) => r.id),
    );
    const corrections = await correctionsOf(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => {
      const o = objections.find((x) => x.checkId === r.id);
      return {
        id: r.id,
        code: r.code,
        regionCode: r.regionCode,
        planId: r.planId,
        enterpriseId: r.enterpriseId,
        enterpriseName: r.enterpriseName,
        product: r.product,
        batch: r.batch,
        quantity: r.quantity,
        testSampleQty: r.testSampleQty,
        reserveSampleQty: r.reserveSampleQty,
        samplers: r.samplers,
        sampledOn: r.sampledOn,
        labName: r.labName,
        testedOn: r.testedOn,
        results: r.results,
        conclusion: r.conclusion,
        receivedOn: r.receivedOn,
        objectionDeadline: r.objectionDeadline,
        objection: o
          ? {
              filedOn: o.filedOn,
              reason: o.reason,
              decisionDueOn: o.decisionDueOn,
              decision: o.decision,
              decidedOn: o.decidedOn,
              note: o.note,
            }
          : null,
        retest:
          r.retestLabName && r.retestTestedOn && r.retestResults && r.retestConclusion
            ? { labName: r.retestLabName, testedOn: r.retestTestedOn, results: r.retestResults, conclusion: r.retestConclusion }
            : null,
        finalConclusion: r.status === 'closed' ? (r.retestConclusion ?? r.conclusion) : null,
        corrections: corrections
          .filter((c) => c.entityId === r.id)
          .map((c) => ({ at: c.at.toISOString(), actorName: c.actorName, reason: c.reason, before: c.before, after: c.after })),
        status: r.status as ProductCheckState,
        publicationDueOn: r.publicationDueOn,
        publishedAt: r.publishedAt?.toISOString() ?? null,
        rectificationId: rectifications.get(r.id) ?? null,
        availableTransitions: transitionOptions(
          productCheckMachine,
          r.status as ProductCheckState,
          ctx.actor,
          contextOf(ctx, r, o),
        ).map((x) => x.name),
        createdAt: r.createdAt.toISOString(),
      };
    });
  }

  async function loadInScope(ctx: RequestContext, id: string) {
    const scope = await readScope(db, ctx.actor);
    const row = await repo.findProductCheck(db, id);
    if (!row || !isWithinRegion(scope.regionCode, row.regionCode)) throw notFound();
    if (scope.enterpriseId !== undefined && row.enterpriseId !== scope.enterpriseId) throw notFound();
    if (scope.departmentId !== undefined) throw notFound(); // product checks are the office's (and the firm's) business
    const [objection] = await repo.objectionsOf(db, [id]);
    return { row, objection };
  }

  /** Applies one transition with its history, state change and audit row in a single transaction. */
  async function step(
    ctx: RequestContext,
    id: string,
    name: string,
    on: string,
    write: (tx: Executor, row: repo.ProductCheckRow) => Promise<Record<string, unknown>>,
    guard?: (row: repo.ProductCheckRow, objection: repo.ObjectionRow | undefined) => void,
  ): Promise<ProductCheck> {
    const { row, objection } = await loadInScope(ctx, id);
    guard?.(row, objection);
    const now = deps.clock.now();
    await db.transaction(async (tx) => {
      const to = await transition(
        tx,
        ctx,
        productCheckMachine,
        { type: 'productCheck', id, regionCode: row.regionCode, state: row.status as ProductCheckState },
        name,
        contextOf(ctx, row, objection),
        { on, at: now },
      );
      const detail = await write(tx, row);
      await repo.updateProductCheck(tx, id, { status: to, updatedAt: now });
      await appendAudit(tx, ctx, {
        action: `supervision.productCheck.${name}`,
        targetType: 'supervision_product_check',
        targetId: id,
        regionCode: row.regionCode,
        detail: { from: row.status, to, ...detail },
      });
    });
    return getOne(ctx, id);
  }

  /** A test happens after sampling and not after today. */
  function refuseImpossibleTestDate(row: repo.ProductCheckRow, testedOn: string) {
    const future = futureDateProblems({ testedOn }, today(deps));
    if (future.length > 0) throw ruleViolated('date.future', future);
    if (testedOn < row.sampledOn) throw ruleViolated('date.invalid', [{ path: 'testedOn', message: 'date.invalid' }]);
  }

  const getOne = async (ctx: RequestContext, id: string) => (await toChecks(ctx, [(await loadInScope(ctx, id)).row]))[0]!;

  /** Publication is due within the region's limit from the day the result became final. */
  async function publicationDue(tx: Executor, regionCode: string, from: string) {
    return publicationDueOn(await calendarOf(tx, regionCode), from, await publicationDaysOf(tx, regionCode));
  }

  return {
    async list(ctx: RequestContext, query: z.infer<typeof productCheckListQuery>): Promise<Page<ProductCheck>> {
      const scope = await readScope(db, ctx.actor);
      if (scope.departmentId !== undefined) return { data: [], total: 0, current: query.current, pageSize: query.pageSize };
      const { rows, total } = await repo.listProductChecks(db, scope, query, {
        offset: (query.current - 1) * query.pageSize,
        limit: query.pageSize,
      });
      return { data: await toChecks(ctx, rows), total, current: query.current, pageSize: query.pageSize };
    },

    get: getOne,

    /** The sampling record: test and reserve sample, ≥ 2 samplers, from goods for sale, at no cost. */
    async create(ctx: RequestContext, input: ProductCheckInput): Promise<ProductCheck> {
      authorize(ctx.actor, 'supervision.manage');
      const target = await repo.findTarget(db, input.enterpriseId);
      if (!target || !isWithinRegion(ctx.actor.regionCode, target.regionCode)) {
        throw ruleViolated('supervision.unknownReference', [{ path: 'enterpriseId', message: 'supervision.unknownReference' }]);
      }
      if (input.planId) {
        const plan = await repo.findPlan(db, input.planId);
        if (!plan || !isWithinRegion(ctx.actor.regionCode, plan.regionCode)) {
          throw ruleViolated('supervision.unknownReference', [{ path: 'planId', message: 'supervision.unknownReference' }]);
        }
      }
      const future = futureDateProblems({ sampledOn: input.sampledOn }, today(deps));
      if (future.length > 0) throw ruleViolated('date.future', future);
      const id = newId();
      const now = deps.clock.now();
      await db.transaction(async (tx) => {
        const code = await repo.nextCode(tx, target.regionCode, 'CP', Number(input.sampledOn.slice(0, 4)));
        await repo.insertProductCheck(tx, {
          id,
          regionCode: target.regionCode,
          code,
          planId: input.planId ?? null,
          enterpriseId: target.enterpriseId,
          enterpriseName: target.name,
          creditCode: target.creditCode,
          product: input.product,
          batch: input.batch,
          quantity: input.quantity,
          testSampleQty: input.testSampleQty,
          reserveSampleQty: input.reserveSampleQty,
          samplers: [...new Set(input.samplers)],
          sampledOn: input.sampledOn,
          labName: input.labName,
          results: [],
          status: 'sampled',
          createdBy: ctx.actor.userId,
          createdAt: now,
          updatedAt: now,
        });
        await appendAudit(tx, ctx, {
          action: 'supervision.productCheck.sample',
          targetType: 'supervision_product_check',
          targetId: id,
          regionCode: target.regionCode,
          detail: { code, product: input.product, batch: input.batch, labName: input.labName, samplers: input.samplers.length },
        });
      });
      return getOne(ctx, id);
    },

    recordResults(ctx: RequestContext, id: string, input: { testedOn: string; results: TestItemResultRow[] }) {
      return step(
        ctx,
        id,
        'recordResults',
        input.testedOn,
        async (tx) => {
          const conclusion = conclusionOf(input.results);
          await repo.updateProductCheck(tx, id, { testedOn: input.testedOn, results: input.results, conclusion });
          return { conclusion, items: input.results.length };
        },
        (row) => refuseImpossibleTestDate(row, input.testedOn),
      );
    },

    /**
     * The office corrects wrongly entered results (a mistyped date, value or verdict): the check
     * takes the new values, the old ones are kept in its corrections and in the audit row. A
     * notified check goes back to "tested" so the corrected result is notified again.
     */
    correctResults(ctx: RequestContext, id: string, input: { testedOn: string; results: TestItemResultRow[]; reason: string }) {
      return step(
        ctx,
        id,
        'correctResults',
        input.testedOn,
        async (tx, row) => {
          const before = { testedOn: row.testedOn, results: row.results, conclusion: row.conclusion, receivedOn: row.receivedOn };
          const after = {
            testedOn: input.testedOn,
            results: input.results,
            conclusion: conclusionOf(input.results),
            receivedOn: null,
          };
          await repo.updateProductCheck(tx, id, {
            testedOn: after.testedOn,
            results: after.results,
            conclusion: after.conclusion,
            // The notice carried the old result: its receipt, window and publication date lapse.
            receivedOn: null,
            objectionDeadline: null,
            publicationDueOn: null,
          });
          await insertCorrection(tx, {
            id: newId(),
            regionCode: row.regionCode,
            entityType: 'productCheck',
            entityId: id,
            reason: input.reason,
            before,
            after,
            actorId: ctx.actor.userId,
            actorName: ctx.actor.username,
            at: deps.clock.now(),
          });
          return { reason: input.reason, before, after };
        },
        (row) => refuseImpossibleTestDate(row, input.testedOn),
      );
    },

    /** The result reaches the firm: its objection window runs from the day of receipt. */
    notify(ctx: RequestContext, id: string, input: { receivedOn: string }) {
      return step(ctx, id, 'notify', input.receivedOn, async (tx, row) => {
        const future = futureDateProblems({ receivedOn: input.receivedOn }, today(deps));
        if (future.length > 0) throw ruleViolated('date.future', future);
        if (row.testedOn && input.receivedOn < row.testedOn) {
          throw ruleViolated('date.invalid', [{ path: 'receivedOn', message: 'date.invalid' }]);
        }
        const deadline = objectionDeadline(input.receivedOn);
        const patch: Partial<repo.ProductCheckRow> = { receivedOn: input.receivedOn, objectionDeadline: deadline };
        // A pass is final at once; a failure once the firm's window has passed (due from then).
        patch.publicationDueOn = await publicationDue(
          tx,
          row.regionCode,
          row.conclusion === 'pass' ? input.receivedOn : deadline,
        );
        await repo.updateProductCheck(tx, id, patch);
        return { receivedOn: input.receivedOn, objectionDeadline: deadline };
      });
    },

    /** The firm's objection / re-test request: inside 15 days of receipt, once (the machine's guard). */
    object(ctx: RequestContext, id: string, input: { reason: string }) {
      const on = today(deps);
      return step(ctx, id, 'object', on, async (tx, row) => {
        const decisionDueOn = objectionDecisionDueOn(await calendarOf(tx, row.regionCode), on);
        await repo.insertObjection(tx, {
          id: newId(),
          checkId: id,
          regionCode: row.regionCode,
          filedOn: on,
          reason: input.reason,
          decisionDueOn,
          filedBy: ctx.actor.userId,
          createdAt: deps.clock.now(),
        });
        // The result is not final while the objection is open: publication waits for it.
        await repo.updateProductCheck(tx, id, { publicationDueOn: null });
        return { filedOn: on, decisionDueOn };
      });
    },

    /** The office's decision on the objection (due within 3 working days of filing). */
    decide(ctx: RequestContext, id: string, input: { accept: boolean; note: string }) {
      const on = today(deps);
      return step(ctx, id, input.accept ? 'acceptObjection' : 'refuseObjection', on, async (tx, row) => {
        await repo.updateObjection(tx, id, { decision: input.accept ? 'accepted' : 'refused', decidedOn: on, note: input.note });
        if (!input.accept)
          await repo.updateProductCheck(tx, id, { publicationDueOn: await publicationDue(tx, row.regionCode, on) });
        return { decision: input.accept ? 'accepted' : 'refused', note: input.note };
      });
    },

    /** The re-test on the reserve sample by a different lab; its result is final. */
    retest(ctx: RequestContext, id: string, input: { labName: string; testedOn: string; results: TestItemResultRow[] }) {
      return step(
        ctx,
        id,
        'recordRetest',
        input.testedOn,
        async (tx, row) => {
          const conclusion = conclusionOf(input.results);
          await repo.updateProductCheck(tx, id, {
            retestLabName: input.labName,
            retestTestedOn: input.testedOn,
            retestResults: input.results,
            retestConclusion: conclusion,
            publicationDueOn: await publicationDue(tx, row.regionCode, input.testedOn),
          });
          return { labName: input.labName, conclusion };
        },
        (row) => {
          const problem = retestLabProblem(row.labName, input.labName);
          if (problem) throw ruleViolated(problem, [{ path: 'labName', message: problem }]);
          const future = futureDateProblems({ testedOn: input.testedOn }, today(deps));
          if (future.length > 0) throw ruleViolated('date.future', future);
        },
      );
    },

    /** Closes a notified check once final (a pass, or a failure whose objection window has passed). */
    close(ctx: RequestContext, id: string) {
      return step(ctx, id, 'close', today(deps), async () => ({}));
    },

    async publish(ctx: RequestContext, id: string): Promise<ProductCheck> {
      authorize(ctx.actor, 'supervision.manage');
      const { row } = await loadInScope(ctx, id);
      if (row.status !== 'closed') throw ruleViolated('supervision.publish.notReady');
      if (row.publishedAt) throw ruleViolated('supervision.publish.already');
      const now = deps.clock.now();
      await db.transaction(async (tx) => {
        await repo.updateProductCheck(tx, id, { publishedAt: now, updatedAt: now });
        await appendAudit(tx, ctx, {
          action: 'supervision.productCheck.publish',
          targetType: 'supervision_product_check',
          targetId: id,
          regionCode: row.regionCode,
          detail: { dueOn: row.publicationDueOn, publishedOn: today(deps) },
        });
      });
      return getOne(ctx, id);
    },
  };
}

export type ProductChecksService = ReturnType<typeof createProductChecksService>;
