import {
  commit,
  futureDateProblems,
  pay,
  reallocate,
  release,
  remainingFen,
  type BudgetLineInput,
  type CommitmentInput,
  type LineBalance,
  type PaymentInput,
  type ReallocationInput,
} from '@qd/core';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import { assertInRegion, authorize } from '../../platform/authorize.js';
import type { Executor } from '../../platform/db/database.js';
import { DOCUMENT_POLICY, findStoredFiles, readStoredFile, storeFile } from '../../platform/files/file-store.js';
import { conflict, isUniqueViolation, notFound, ruleViolated } from '../../platform/http/errors.js';
import type { Upload } from '../../platform/http/uploads.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import * as repo from './budget.repo.js';
import { todayOf } from './governance-scope.js';

export interface BudgetLineView {
  id: string;
  year: number;
  code: string;
  name: string;
  budgetFen: number;
  reallocatedInFen: number;
  reallocatedOutFen: number;
  allocatedFen: number;
  committedFen: number;
  paidFen: number;
  remainingFen: number;
}

function balanceOf(line: repo.BudgetLineRow, t: repo.LineTotals): LineBalance {
  return {
    allocatedFen: line.budgetFen + t.reallocatedInFen - t.reallocatedOutFen,
    committedFen: t.committedFen,
    paidFen: t.paidFen,
  };
}

export async function lineViews(db: Executor, lines: repo.BudgetLineRow[]): Promise<BudgetLineView[]> {
  const totals = await repo.lineTotals(
    db,
    lines.map((l) => l.id),
  );
  return lines.map((l) => {
    const t = totals.get(l.id)!;
    const b = balanceOf(l, t);
    return {
      id: l.id,
      year: l.year,
      code: l.code,
      name: l.name,
      budgetFen: l.budgetFen,
      reallocatedInFen: t.reallocatedInFen,
      reallocatedOutFen: t.reallocatedOutFen,
      ...b,
      remainingFen: remainingFen(b),
    };
  });
}

const overBudget = (path = 'amountFen') =>
  ruleViolated('governance.budget.overBudget', [{ path, message: 'governance.budget.overBudget' }]);

export function createBudgetService(deps: ServiceDeps) {
  const { db } = deps.database;

  async function loadLine(ctx: RequestContext, id: string) {
    const line = await repo.findLine(db, id);
    if (!line) throw notFound();
    assertInRegion(ctx.actor, line.regionCode);
    return line;
  }

  async function balanceIn(tx: Executor, line: repo.BudgetLineRow) {
    return balanceOf(line, (await repo.lineTotals(tx, [line.id])).get(line.id)!);
  }

  return {
    async lines(ctx: RequestContext, year: number): Promise<BudgetLineView[]> {
      authorize(ctx.actor, 'governance.budget.read');
      return lineViews(db, await repo.listLines(db, ctx.actor.regionCode, year));
    },

    async line(ctx: RequestContext, id: string) {
      authorize(ctx.actor, 'governance.budget.read');
      const line = await loadLine(ctx, id);
      const [view] = await lineViews(db, [line]);
      const entries = await repo.listEntries(db, id);
      const commitments = await Promise.all(
        entries
          .filter((e) => e.kind === 'commitment')
          .map(async (e) => ({ id: e.id, openFen: await repo.commitmentOpenFen(db, e.id) })),
      );
      const open = new Map(commitments.map((c) => [c.id, c.openFen]));
      const links = await repo.listDocuments(
        db,
        entries.map((e) => e.id),
      );
      const files = new Map(
        (
          await findStoredFiles(
            db,
            links.map((l) => l.fileId),
          )
        ).map((f) => [f.id, f]),
      );
      return {
        ...view!,
        entries: entries.map((e) => ({
          ...e,
          openFen: e.kind === 'commitment' ? (open.get(e.id) ?? 0) : null,
          files: links
            .filter((l) => l.entryId === e.id)
            .map((l) => ({
              fileId: l.fileId,
              fileName: files.get(l.fileId)?.fileName ?? null,
              sha256: files.get(l.fileId)?.sha256 ?? null,
            })),
        })),
      };
    },

    async createLine(ctx: RequestContext, input: BudgetLineInput) {
      authorize(ctx.actor, 'governance.budget.manage');
      const id = newId();
      try {
        await db.transaction(async (tx) => {
          await repo.insertLine(tx, { id, regionCode: ctx.actor.regionCode, ...input, createdAt: deps.clock.now() });
          await appendAudit(tx, ctx, {
            action: 'governance.budget.line.create',
            targetType: 'budget_line',
            targetId: id,
            detail: { ...input },
          });
        });
      } catch (err) {
        if (isUniqueViolation(err))
          throw conflict('governance.budget.lineDuplicate', [{ path: 'code', message: 'governance.budget.lineDuplicate' }]);
        throw err;
      }
      return this.line(ctx, id);
    },

    async commit(ctx: RequestContext, lineId: string, input: CommitmentInput) {
      authorize(ctx.actor, 'governance.budget.manage');
      await loadLine(ctx, lineId);
      const id = newId();
      await db.transaction(async (tx) => {
        const line = (await repo.lockLine(tx, lineId))!;
        const result = commit(await balanceIn(tx, line), input.amountFen);
        if (!result.ok) throw result.reason === 'governance.budget.overBudget' ? overBudget() : ruleViolated(result.reason);
        await repo.insertEntries(tx, [
          {
            id,
            regionCode: line.regionCode,
            lineId,
            kind: 'commitment',
            amountFen: input.amountFen,
            purpose: input.purpose,
            payee: input.payee ?? null,
            document: input.document,
            occurredOn: todayOf(deps),
            createdBy: ctx.actor.userId,
            createdAt: deps.clock.now(),
          },
        ]);
        await appendAudit(tx, ctx, {
          action: 'governance.budget.commit',
          targetType: 'budget_line',
          targetId: lineId,
          regionCode: line.regionCode,
          detail: {
            entryId: id,
            amountFen: input.amountFen,
            purpose: input.purpose,
            document: input.document,
            remainingFen: remainingFen(result.value),
          },
        });
      });
      return this.line(ctx, lineId);
    },

    /** A payment, against a commitment of the same line or straight from what remains; refused beyond the line. */
    async pay(ctx: RequestContext, lineId: string, input: PaymentInput) {
      authorize(ctx.actor, 'governance.budget.manage');
      await loadLine(ctx, lineId);
      // A payment is recorded once made.
      const future = futureDateProblems({ paidOn: input.paidOn }, todayOf(deps));
      if (future.length > 0) throw ruleViolated('date.future', future);
      const id = newId();
      await db.transaction(async (tx) => {
        const line = (await repo.lockLine(tx, lineId))!;
        let open: number | null = null;
        if (input.commitmentId) {
          const c = await repo.findEntry(tx, input.commitmentId);
          if (!c || c.kind !== 'commitment' || c.lineId !== lineId) {
            throw ruleViolated('governance.budget.commitmentOtherLine', [
              { path: 'commitmentId', message: 'governance.budget.commitmentOtherLine' },
            ]);
          }
          open = await repo.commitmentOpenFen(tx, c.id);
        }
        const result = pay(await balanceIn(tx, line), input.amountFen, open);
        if (!result.ok) throw result.reason === 'governance.budget.overBudget' ? overBudget() : ruleViolated(result.reason);
        await repo.insertEntries(tx, [
          {
            id,
            regionCode: line.regionCode,
            lineId,
            kind: 'payment',
            amountFen: input.amountFen,
            commitmentId: input.commitmentId ?? null,
            fromCommitmentFen: result.value.fromCommitmentFen,
            payee: input.payee,
            document: input.document,
            occurredOn: input.paidOn,
            createdBy: ctx.actor.userId,
            createdAt: deps.clock.now(),
          },
        ]);
        await appendAudit(tx, ctx, {
          action: 'governance.budget.pay',
          targetType: 'budget_line',
          targetId: lineId,
          regionCode: line.regionCode,
          detail: {
            entryId: id,
            amountFen: input.amountFen,
            commitmentId: input.commitmentId ?? null,
            payee: input.payee,
            document: input.document,
          },
        });
      });
      return this.line(ctx, lineId);
    },

    /** Gives up what is left of a commitment: it returns to what remains on the line. */
    async release(ctx: RequestContext, lineId: string, commitmentId: string, document: string) {
      authorize(ctx.actor, 'governance.budget.manage');
      await loadLine(ctx, lineId);
      await db.transaction(async (tx) => {
        const line = (await repo.lockLine(tx, lineId))!;
        const c = await repo.findEntry(tx, commitmentId);
        if (!c || c.kind !== 'commitment' || c.lineId !== lineId) throw notFound();
        const open = await repo.commitmentOpenFen(tx, c.id);
        if (open <= 0) throw conflict('governance.budget.commitmentClosed');
        release(await balanceIn(tx, line), open);
        await repo.insertEntries(tx, [
          {
            id: newId(),
            regionCode: line.regionCode,
            lineId,
            kind: 'release',
            amountFen: open,
            commitmentId,
            document,
            occurredOn: todayOf(deps),
            createdBy: ctx.actor.userId,
            createdAt: deps.clock.now(),
          },
        ]);
        await appendAudit(tx, ctx, {
          action: 'governance.budget.release',
          targetType: 'budget_line',
          targetId: lineId,
          regionCode: line.regionCode,
          detail: { commitmentId, amountFen: open, document },
        });
      });
      return this.line(ctx, lineId);
    },

    /** A scanned document behind an entry (the award decision, the payment voucher). */
    async attachDocument(ctx: RequestContext, lineId: string, entryId: string, upload: Upload) {
      authorize(ctx.actor, 'governance.budget.manage');
      const line = await loadLine(ctx, lineId);
      const entry = await repo.findEntry(db, entryId);
      if (!entry || entry.lineId !== lineId) throw notFound();
      await db.transaction(async (tx) => {
        const file = await storeFile(tx, {
          regionCode: line.regionCode,
          fileName: upload.fileName,
          contentType: upload.contentType,
          bytes: upload.bytes,
          createdBy: ctx.actor.userId,
          policy: DOCUMENT_POLICY,
        });
        await repo.insertDocument(tx, entryId, file.id);
        await appendAudit(tx, ctx, {
          action: 'governance.budget.document',
          targetType: 'budget_entry',
          targetId: entryId,
          regionCode: line.regionCode,
          detail: { lineId, fileId: file.id, fileName: file.fileName, sha256: file.sha256 },
        });
      });
      return this.line(ctx, lineId);
    },

    async document(ctx: RequestContext, lineId: string, entryId: string, fileId: string) {
      authorize(ctx.actor, 'governance.budget.read');
      await loadLine(ctx, lineId);
      const entry = await repo.findEntry(db, entryId);
      if (!entry || entry.lineId !== lineId) throw notFound();
      if (!(await repo.listDocuments(db, [entryId])).some((d) => d.fileId === fileId)) throw notFound();
      const found = await readStoredFile(db, fileId);
      if (!found) throw notFound();
      return found;
    },

    /** Moves room between two lines of the same year: the only way to pay beyond a line. */
    async reallocate(ctx: RequestContext, input: ReallocationInput) {
      authorize(ctx.actor, 'governance.budget.manage');
      const [fromBefore, toBefore] = [await loadLine(ctx, input.fromLineId), await loadLine(ctx, input.toLineId)];
      if (fromBefore.year !== toBefore.year)
        throw ruleViolated('governance.budget.otherYear', [{ path: 'toLineId', message: 'governance.budget.otherYear' }]);
      const reallocationId = newId();
      await db.transaction(async (tx) => {
        // Lock in id order so two opposite reallocations cannot deadlock.
        for (const id of [input.fromLineId, input.toLineId].sort()) await repo.lockLine(tx, id);
        const from = (await repo.findLine(tx, input.fromLineId))!;
        const to = (await repo.findLine(tx, input.toLineId))!;
        const result = reallocate(await balanceIn(tx, from), await balanceIn(tx, to), input.amountFen, from.id === to.id);
        if (!result.ok) {
          throw result.reason === 'governance.budget.sameLine'
            ? ruleViolated(result.reason, [{ path: 'toLineId', message: result.reason }])
            : result.reason === 'governance.budget.overBudget'
              ? overBudget()
              : ruleViolated(result.reason);
        }
        const common = {
          regionCode: from.regionCode,
          amountFen: input.amountFen,
          reallocationId,
          purpose: input.reason,
          document: input.document,
          occurredOn: todayOf(deps),
          createdBy: ctx.actor.userId,
          createdAt: deps.clock.now(),
        };
        await repo.insertEntries(tx, [
          { ...common, id: newId(), lineId: from.id, kind: 'reallocation_out' },
          { ...common, id: newId(), lineId: to.id, kind: 'reallocation_in' },
        ]);
        await appendAudit(tx, ctx, {
          action: 'governance.budget.reallocate',
          targetType: 'budget_line',
          targetId: to.id,
          regionCode: from.regionCode,
          detail: {
            reallocationId,
            from: from.code,
            to: to.code,
            amountFen: input.amountFen,
            reason: input.reason,
            document: input.document,
          },
        });
      });
      return lineViews(db, await repo.listLines(db, ctx.actor.regionCode, fromBefore.year));
    },
  };
}

export type BudgetService = ReturnType<typeof createBudgetService>;
