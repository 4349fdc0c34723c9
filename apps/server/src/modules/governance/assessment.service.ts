import {
  applyTransition,
  assessmentMachine,
  checkScheme,
  scoreAssessment,
  transitionOptions,
  type EnteredValueInput,
  type Figure,
  type SchemeInput,
} from '@qd/core';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import { authorize } from '../../platform/authorize.js';
import type { Executor } from '../../platform/db/database.js';
import { conflict, forbidden, isUniqueViolation, notFound, ruleViolated } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import { ASSESSMENT_SOURCES, findSource } from './assessment-sources.js';
import * as repo from './assessment.repo.js';
import { departmentDirectory, departmentName, departmentScope, todayOf, transitionRefused } from './governance-scope.js';
import * as groupRepo from './group.repo.js';

/** The departments assessed for a year: every group seat in force at some point of it, except the leading committee. */
export async function assessedDepartments(db: Executor, regionCode: string, year: number): Promise<string[]> {
  const rows = await groupRepo.listMembers(db, regionCode);
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const ids = rows
    .filter((m) => m.groupRole !== 'leader' && m.since <= last && (m.until === null || m.until >= first))
    .map((m) => m.departmentId);
  return [...new Set(ids)];
}

/** The figures of every indicator for the departments: automatic from their sources, entered from the office's values. */
export async function gatherFigures(
  db: Executor,
  scheme: repo.SchemeRow,
  departmentIds: string[],
  asOf: string,
): Promise<Record<string, Record<string, Figure>>> {
  const values = await repo.listValues(db, scheme.id);
  const figures: Record<string, Record<string, Figure>> = {};
  for (const indicator of scheme.indicators) {
    const entry: Record<string, Figure> = {};
    if (indicator.mode === 'automatic') {
      const source = findSource(indicator.source ?? '');
      if (!source) throw ruleViolated('governance.assessment.unknownSource');
      for (const [dept, f] of await source.figures(db, scheme.regionCode, scheme.year, departmentIds, asOf)) entry[dept] = f;
    } else {
      for (const v of values.filter((x) => x.indicatorCode === indicator.code)) {
        entry[v.departmentId] = { numerator: v.numerator, denominator: v.denominator, evidence: [v.evidence] };
      }
    }
    figures[indicator.code] = entry;
  }
  return figures;
}

export function createAssessmentService(deps: ServiceDeps) {
  const { db } = deps.database;

  async function loadScheme(ctx: RequestContext, year: number) {
    const scheme = await repo.findScheme(db, ctx.actor.regionCode, year);
    if (!scheme) throw notFound();
    return scheme;
  }

  function validate(input: SchemeInput) {
    const scheme = { indicators: input.indicators, thresholds: input.thresholds };
    const problem = checkScheme(scheme);
    if (problem)
      throw ruleViolated(problem, [{ path: problem.includes('thresholds') ? 'thresholds' : 'indicators', message: problem }]);
    input.indicators.forEach((i, n) => {
      if (i.mode === 'automatic' && !findSource(i.source ?? '')) {
        throw ruleViolated('governance.assessment.unknownSource', [
          { path: `indicators.${n}.source`, message: 'governance.assessment.unknownSource' },
        ]);
      }
    });
  }

  return {
    sources(ctx: RequestContext) {
      authorize(ctx.actor, 'governance.read');
      return ASSESSMENT_SOURCES.map((s) => ({ name: s.name, label: s.label, module: s.module }));
    },

    async listSchemes(ctx: RequestContext) {
      authorize(ctx.actor, 'governance.read');
      return (await repo.listSchemes(db, ctx.actor.regionCode)).map((s) => ({
        id: s.id,
        year: s.year,
        state: s.state,
        computedAt: s.computedAt,
        lockedAt: s.lockedAt,
      }));
    },

    async createScheme(ctx: RequestContext, input: SchemeInput) {
      authorize(ctx.actor, 'governance.assessment.manage');
      validate(input);
      const id = newId();
      try {
        await db.transaction(async (tx) => {
          await repo.insertScheme(tx, {
            id,
            regionCode: ctx.actor.regionCode,
            year: input.year,
            indicators: input.indicators.map((i) => ({ ...i, source: i.mode === 'automatic' ? (i.source ?? null) : null })),
            thresholds: input.thresholds,
            state: 'draft',
            createdAt: deps.clock.now(),
          });
          await appendAudit(tx, ctx, {
            action: 'governance.assessment.scheme.create',
            targetType: 'assessment_scheme',
            targetId: id,
            detail: {
              year: input.year,
              indicators: input.indicators.map((i) => ({ code: i.code, weight: i.weight, source: i.source ?? null })),
              thresholds: input.thresholds,
            },
          });
        });
      } catch (err) {
        if (isUniqueViolation(err))
          throw conflict('governance.assessment.schemeExists', [{ path: 'year', message: 'governance.assessment.schemeExists' }]);
        throw err;
      }
      return this.get(ctx, input.year);
    },

    async updateScheme(ctx: RequestContext, year: number, input: SchemeInput) {
      authorize(ctx.actor, 'governance.assessment.manage');
      validate(input);
      const before = await loadScheme(ctx, year);
      await db.transaction(async (tx) => {
        const scheme = (await repo.lockScheme(tx, before.id))!;
        if (scheme.state === 'locked') throw conflict('governance.assessment.locked');
        // Results computed under the old scheme would no longer match it: back to draft until recomputed.
        await repo.updateScheme(tx, scheme.id, {
          indicators: input.indicators.map((i) => ({ ...i, source: i.mode === 'automatic' ? (i.source ?? null) : null })),
          thresholds: input.thresholds,
          state: 'draft',
          computedAt: null,
          computedAsOf: null,
        });
        await repo.replaceResults(tx, scheme.id, []);
        await appendAudit(tx, ctx, {
          action: 'governance.assessment.scheme.update',
          targetType: 'assessment_scheme',
          targetId: scheme.id,
          detail: {
            year,
            before: { indicators: scheme.indicators, thresholds: scheme.thresholds },
            after: { indicators: input.indicators, thresholds: input.thresholds },
          },
        });
      });
      return this.get(ctx, year);
    },

    async enterValue(ctx: RequestContext, year: number, input: EnteredValueInput) {
      authorize(ctx.actor, 'governance.assessment.manage');
      const before = await loadScheme(ctx, year);
      const indicator = before.indicators.find((i) => i.code === input.indicatorCode);
      if (!indicator)
        throw ruleViolated('governance.assessment.unknownIndicator', [
          { path: 'indicatorCode', message: 'governance.assessment.unknownIndicator' },
        ]);
      if (indicator.mode !== 'entered')
        throw ruleViolated('governance.assessment.notEntered', [
          { path: 'indicatorCode', message: 'governance.assessment.notEntered' },
        ]);
      if (!(await assessedDepartments(db, before.regionCode, year)).includes(input.departmentId)) {
        throw ruleViolated('governance.group.departmentNotMember', [
          { path: 'departmentId', message: 'governance.group.departmentNotMember' },
        ]);
      }
      await db.transaction(async (tx) => {
        const scheme = (await repo.lockScheme(tx, before.id))!;
        if (scheme.state === 'locked') throw conflict('governance.assessment.locked');
        await repo.upsertValue(tx, { schemeId: scheme.id, ...input, enteredBy: ctx.actor.userId, enteredAt: deps.clock.now() });
        await appendAudit(tx, ctx, {
          action: 'governance.assessment.value.enter',
          targetType: 'assessment_scheme',
          targetId: scheme.id,
          detail: { year, ...input },
        });
      });
      return this.get(ctx, year);
    },

    /** Computes every department's score from the sources and entered values, replacing the last computation. */
    async compute(ctx: RequestContext, year: number) {
      authorize(ctx.actor, 'governance.assessment.manage');
      const before = await loadScheme(ctx, year);
      const today = todayOf(deps);
      const asOf = today < `${year}-12-31` ? today : `${year}-12-31`;
      await db.transaction(async (tx) => {
        const scheme = (await repo.lockScheme(tx, before.id))!;
        const appeals = await repo.listAppeals(tx, scheme.id);
        const result = applyTransition(assessmentMachine, scheme.state, 'compute', ctx.actor, {
          openAppeals: appeals.filter((a) => a.state === 'open').length,
        });
        if (!result.ok)
          throw result.reason === 'transition.notAllowedFromState'
            ? conflict('governance.assessment.locked')
            : transitionRefused(result.reason);
        const departmentIds = await assessedDepartments(tx, scheme.regionCode, year);
        const figures = await gatherFigures(tx, scheme, departmentIds, asOf);
        const scores = scoreAssessment({ indicators: scheme.indicators, thresholds: scheme.thresholds }, departmentIds, figures);
        const now = deps.clock.now();
        await repo.replaceResults(
          tx,
          scheme.id,
          scores.map((s) => ({
            schemeId: scheme.id,
            departmentId: s.departmentId,
            totalHundredths: s.totalHundredths,
            grade: s.grade,
            breakdown: s.breakdown,
            computedAt: now,
          })),
        );
        await repo.updateScheme(tx, scheme.id, { state: 'computed', computedAsOf: asOf, computedAt: now });
        await appendAudit(tx, ctx, {
          action: 'governance.assessment.compute',
          targetType: 'assessment_scheme',
          targetId: scheme.id,
          detail: {
            year,
            asOf,
            departments: scores.length,
            grades: Object.fromEntries(scores.map((s) => [s.departmentId, s.grade])),
          },
        });
      });
      return this.get(ctx, year);
    },

    /** The scheme with the results (a department sees only its own), the appeals and what may be done next. */
    async get(ctx: RequestContext, year: number) {
      authorize(ctx.actor, 'governance.read');
      const scheme = await loadScheme(ctx, year);
      const own = departmentScope(ctx.actor);
      const [results, appeals, values, directory] = await Promise.all([
        repo.listResults(db, scheme.id),
        repo.listAppeals(db, scheme.id),
        repo.listValues(db, scheme.id),
        departmentDirectory(db, scheme.regionCode),
      ]);
      const visible = <T extends { departmentId: string }>(rows: T[]) =>
        own === undefined ? rows : rows.filter((r) => r.departmentId === own);
      return {
        id: scheme.id,
        year: scheme.year,
        state: scheme.state,
        indicators: scheme.indicators.map((i) => ({
          ...i,
          sourceLabel: i.source ? (findSource(i.source)?.label ?? null) : null,
        })),
        thresholds: scheme.thresholds,
        computedAsOf: scheme.computedAsOf,
        computedAt: scheme.computedAt,
        lockedAt: scheme.lockedAt,
        results: visible(results)
          .map((r) => ({ ...r, departmentName: departmentName(directory, r.departmentId) }))
          .sort((a, b) => b.totalHundredths - a.totalHundredths || a.departmentName.localeCompare(b.departmentName)),
        appeals: visible(appeals).map((a) => ({ ...a, departmentName: departmentName(directory, a.departmentId) })),
        values: own === undefined ? values : values.filter((v) => v.departmentId === own),
        transitions: transitionOptions(assessmentMachine, scheme.state, ctx.actor, {
          openAppeals: appeals.filter((a) => a.state === 'open').length,
        }),
      };
    },

    /** A department's one appeal against its computed score. */
    async appeal(ctx: RequestContext, year: number, reason: string) {
      authorize(ctx.actor, 'governance.assessment.appeal');
      const own = ctx.actor.organizationId;
      if (!own) throw forbidden();
      const before = await loadScheme(ctx, year);
      try {
        await db.transaction(async (tx) => {
          const scheme = (await repo.lockScheme(tx, before.id))!;
          if (scheme.state === 'locked') throw conflict('governance.assessment.locked');
          const result = (await repo.listResults(tx, scheme.id)).find((r) => r.departmentId === own);
          if (!result) throw ruleViolated('governance.assessment.notComputed');
          const id = newId();
          await repo.insertAppeal(tx, {
            id,
            regionCode: scheme.regionCode,
            schemeId: scheme.id,
            departmentId: own,
            reason,
            totalHundredths: result.totalHundredths,
            state: 'open',
            filedBy: ctx.actor.userId,
            filedAt: deps.clock.now(),
          });
          await appendAudit(tx, ctx, {
            action: 'governance.assessment.appeal',
            targetType: 'assessment_appeal',
            targetId: id,
            detail: { year, departmentId: own, totalHundredths: result.totalHundredths, reason },
          });
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('governance.assessment.appealExists');
        throw err;
      }
      return this.get(ctx, year);
    },

    /** The office upholds (and then corrects inputs and recomputes) or rejects an appeal. */
    async decideAppeal(
      ctx: RequestContext,
      year: number,
      appealId: string,
      input: { decision: 'upheld' | 'rejected'; note: string },
    ) {
      authorize(ctx.actor, 'governance.assessment.manage');
      const scheme = await loadScheme(ctx, year);
      await db.transaction(async (tx) => {
        const appeal = await repo.findAppeal(tx, appealId);
        if (!appeal || appeal.schemeId !== scheme.id) throw notFound();
        if (appeal.state !== 'open') throw conflict('governance.assessment.appealDecided');
        await repo.updateAppeal(tx, appealId, {
          state: input.decision,
          decisionNote: input.note,
          decidedBy: ctx.actor.userId,
          decidedAt: deps.clock.now(),
        });
        await appendAudit(tx, ctx, {
          action: 'governance.assessment.appeal.decide',
          targetType: 'assessment_appeal',
          targetId: appealId,
          detail: { year, departmentId: appeal.departmentId, decision: input.decision, note: input.note },
        });
      });
      return this.get(ctx, year);
    },

    /** Approves the results: from now on the stored results are the record and nothing recomputes them. */
    async lock(ctx: RequestContext, year: number) {
      authorize(ctx.actor, 'governance.assessment.manage');
      const before = await loadScheme(ctx, year);
      await db.transaction(async (tx) => {
        const scheme = (await repo.lockScheme(tx, before.id))!;
        const appeals = await repo.listAppeals(tx, scheme.id);
        const result = applyTransition(assessmentMachine, scheme.state, 'lock', ctx.actor, {
          openAppeals: appeals.filter((a) => a.state === 'open').length,
        });
        if (!result.ok) throw transitionRefused(result.reason);
        const now = deps.clock.now();
        await repo.updateScheme(tx, scheme.id, { state: 'locked', lockedAt: now, lockedBy: ctx.actor.userId });
        const results = await repo.listResults(tx, scheme.id);
        await appendAudit(tx, ctx, {
          action: 'governance.assessment.lock',
          targetType: 'assessment_scheme',
          targetId: scheme.id,
          detail: {
            year,
            results: results.map((r) => ({ departmentId: r.departmentId, totalHundredths: r.totalHundredths, grade: r.grade })),
          },
        });
      });
      return this.get(ctx, year);
    },
  };
}

export type AssessmentService = ReturnType<typeof createAssessmentService>;
