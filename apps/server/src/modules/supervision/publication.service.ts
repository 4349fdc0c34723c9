import { DEFAULT_PUBLICATION_WORKING_DAYS, type OverdueItem, type PublicResult } from '@qd/core';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import { authorize, authorizeAny } from '../../platform/authorize.js';
import { invalidField } from '../../platform/http/errors.js';
import { notify } from '../../platform/notifications/index.js';
import type { Executor } from '../../platform/db/database.js';
import { systemContext, type RequestContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import { today } from './supervision-access.js';
import * as repo from './supervision.repo.js';

/** The region's publication limit in working days: its own setting, else the nearest enclosing region's, else 20. */
export async function publicationDaysOf(db: Executor, regionCode: string): Promise<number> {
  for (
    let code = regionCode;
    code.length > 0;
    code = code.endsWith('0000') ? '' : code.endsWith('00') ? `${code.slice(0, 2)}0000` : `${code.slice(0, 4)}00`
  ) {
    const days = await repo.findPublicationDays(db, code);
    if (days !== null) return days;
  }
  return DEFAULT_PUBLICATION_WORKING_DAYS;
}

function encodeCursor(at: Date, id: string): string {
  return `${at.toISOString()}|${id}`;
}

function decodeCursor(cursor: string | undefined): { at: Date; id: string } | null {
  if (!cursor) return null;
  const [at, id] = cursor.split('|');
  const date = new Date(at ?? '');
  if (!id || Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) throw invalidField('after', 'validation.invalidFormat');
  return { at: date, id };
}

export function createPublicationService(deps: ServiceDeps) {
  const { db } = deps.database;

  return {
    async settings(ctx: RequestContext): Promise<{ publicationWorkingDays: number }> {
      authorizeAny(ctx.actor, ['supervision.read', 'supervision.participate']);
      return { publicationWorkingDays: await publicationDaysOf(db, ctx.actor.regionCode) };
    },

    async saveSettings(ctx: RequestContext, days: number): Promise<{ publicationWorkingDays: number }> {
      authorize(ctx.actor, 'supervision.manage');
      const before = await publicationDaysOf(db, ctx.actor.regionCode);
      await db.transaction(async (tx) => {
        await repo.savePublicationDays(tx, ctx.actor.regionCode, days, deps.clock.now());
        await appendAudit(tx, ctx, {
          action: 'supervision.settings.update',
          targetType: 'supervision_settings',
          targetId: null,
          detail: { publicationWorkingDays: { from: before, to: days } },
        });
      });
      return { publicationWorkingDays: days };
    },

    /** Published results for the public, newest first, keyset-paged; no inspector names, no personal data. */
    async publicResults(query: { after?: string | undefined; pageSize: number; kind: 'inspection' | 'productCheck' }) {
      const after = decodeCursor(query.after);
      let data: PublicResult[];
      if (query.kind === 'inspection') {
        const rows = await repo.publishedInspections(db, after, query.pageSize);
        data = rows.map((r) => ({
          id: r.id,
          code: r.code,
          kind: 'inspection' as const,
          planName: r.planName,
          enterpriseName: r.enterpriseName,
          creditCode: r.creditCode,
          subject: r.planName,
          checkedOn: r.inspectedOn ?? '',
          result: r.result ?? '',
          publishedAt: r.publishedAt!.toISOString(),
        }));
      } else {
        const rows = await repo.publishedProductChecks(db, after, query.pageSize);
        data = rows.map((r) => ({
          id: r.id,
          code: r.code,
          kind: 'productCheck' as const,
          planName: null,
          enterpriseName: r.enterpriseName,
          creditCode: r.creditCode,
          subject: `${r.product}（${r.batch}）`,
          checkedOn: r.sampledOn,
          result: r.retestConclusion ?? r.conclusion ?? '',
          publishedAt: r.publishedAt!.toISOString(),
        }));
      }
      const last = data.at(-1);
      return { data, next: data.length === query.pageSize && last ? encodeCursor(new Date(last.publishedAt), last.id) : null };
    },

    /** What is past its publication (or objection-decision) deadline and not done yet. */
    async overdue(ctx: RequestContext): Promise<OverdueItem[]> {
      authorize(ctx.actor, 'supervision.read');
      const { inspections, checks, objections } = await repo.overdueItems(db, ctx.actor.regionCode, today(deps));
      const item =
        (kind: OverdueItem['kind']) =>
        (r: { id: string; code: string; enterpriseName: string; dueOn: string | null; flaggedAt: Date | null }) => ({
          id: r.id,
          kind,
          code: r.code,
          enterpriseName: r.enterpriseName,
          dueOn: r.dueOn ?? '',
          flaggedAt: r.flaggedAt?.toISOString() ?? null,
        });
      return [
        ...inspections.map(item('inspection')),
        ...checks.map(item('productCheck')),
        ...objections.map(item('objectionDecision')),
      ];
    },

    /**
     * The overdue job's work: flags each newly overdue item once and audits it. Idempotent — a
     * re-run finds nothing new to flag, so nothing is repeated.
     */
    async flagOverdue(): Promise<{ inspections: number; productChecks: number; objectionDecisions: number }> {
      const now = deps.clock.now();
      return db.transaction(async (tx) => {
        const flagged = await repo.flagOverdue(tx, today(deps), now);
        const notices = [
          ...flagged.inspections.map((r) => ({ ...r, kind: 'inspection', link: '/supervision/overdue' })),
          ...flagged.checks.map((r) => ({ ...r, kind: 'productCheck', link: '/supervision/overdue' })),
        ];
        for (const n of notices) {
          if (!n.responsible) continue;
          await notify(tx, {
            userId: n.responsible,
            regionCode: n.regionCode,
            kind: 'supervision.overdue',
            title: {
              zh: `检查结果逾期未公示：${n.code} ${n.enterpriseName}`,
              en: `Result not published in time: ${n.code} ${n.enterpriseName}`,
            },
            link: n.link,
            dedupeKey: `supervision.overdue:${n.kind}:${n.id}:${n.responsible}`,
            at: now,
          });
        }
        for (const o of flagged.objections) {
          if (!o.responsible) continue;
          await notify(tx, {
            userId: o.responsible,
            regionCode: o.regionCode,
            kind: 'supervision.overdue',
            title: { zh: '复检申请逾期未作受理决定', en: 'A re-test request is past its 3-working-day decision limit' },
            link: '/supervision/product-checks',
            dedupeKey: `supervision.objectionOverdue:${o.id}:${o.responsible}`,
            at: now,
          });
        }
        const regions = new Set([...flagged.inspections, ...flagged.checks, ...flagged.objections].map((r) => r.regionCode));
        for (const regionCode of regions) {
          await appendAudit(tx, systemContext(regionCode, 'job:supervision.overdue'), {
            action: 'supervision.overdue.flag',
            targetType: 'supervision_overdue',
            regionCode,
            detail: {
              inspections: flagged.inspections.filter((r) => r.regionCode === regionCode).map((r) => r.code),
              productChecks: flagged.checks.filter((r) => r.regionCode === regionCode).map((r) => r.code),
              objectionDecisions: flagged.objections.filter((r) => r.regionCode === regionCode).map((r) => r.id),
            },
          });
        }
        return {
          inspections: flagged.inspections.length,
          productChecks: flagged.checks.length,
          objectionDecisions: flagged.objections.length,
        };
      });
    },
  };
}

export type PublicationService = ReturnType<typeof createPublicationService>;
