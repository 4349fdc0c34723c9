import {
  addWorkingDays,
  applicationFacts,
  DEFAULT_CORRECTION_WORKING_DAYS,
  APPLICATION_STATES,
  can,
  criteriaItems,
  evaluateEligibility,
  isWithinRegion,
  scoreEntryIssues,
  scoreSheet,
  todayInShanghai,
  type ApplicationContext,
  type ApplicationDraftInput,
  type ApplicationTransitionInput,
  type AwardLevel,
  type EligibilityFacts,
  type EligibilityResult,
} from '@qd/core';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import { assertInRegion, authorize, authorizeAny } from '../../platform/authorize.js';
import { loadWorkingCalendar } from '../../platform/calendar/index.js';
import type { Executor } from '../../platform/db/database.js';
import { conflict, forbidden, isUniqueViolation, notFound, ruleViolated, type ErrorDetail } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import { expertOfUser, expertsByIds, organizationsByIds } from '../registry/index.js';
import { criteriaOf, takeTransition } from './application-workflow.js';
import * as repo from './awards.repo.js';

/** States after the group's work is done: the enterprise may read its feedback report. */
const FEEDBACK_VISIBLE = ['committee', 'proposed', 'awarded', 'not_awarded', 'revoked'];
const AWARD_STATES = ['awarded', 'revoked'];

export function createApplicationsService({ database, clock }: ServiceDeps) {
  const { db } = database;
  const today = () => todayInShanghai(clock.now());

  /** Everything the caller may know of the application exists; otherwise it is a 404. */
  async function loadVisible(ctx: RequestContext, id: string) {
    const app = await repo.findApplication(db, id);
    if (!app) throw notFound();
    if (can(ctx.actor, 'awards.application.read') || can(ctx.actor, 'awards.application.process')) {
      assertInRegion(ctx.actor, app.regionCode);
      return { app, as: 'office' as const };
    }
    if (can(ctx.actor, 'awards.application.own.write')) {
      if (app.organizationId !== ctx.actor.organizationId) throw notFound();
      return { app, as: 'enterprise' as const };
    }
    throw forbidden();
  }

  async function cycleOf(app: repo.ApplicationRow) {
    return (await repo.findCycle(db, app.cycleId))!;
  }

  /** The facts the eligibility rules are judged on, from the registry and the award history. */
  async function eligibilityFacts(tx: Executor, app: repo.ApplicationRow): Promise<EligibilityFacts> {
    const [org] = await organizationsByIds(tx, [app.organizationId]);
    const history = await repo.applicationsOfOrganization(tx, app.organizationId);
    return {
      asOf: today(),
      foundedOn: org?.foundedOn ?? today(),
      littleGiant: app.facts.littleGiant === true,
      // Accidents come from the supervision module once it records them; none are known here yet.
      majorAccidents: [],
      awards: history
        .filter((h) => AWARD_STATES.includes(h.application.state) && h.application.awardedOn)
        .map((h) => ({
          level: h.cycle.level as AwardLevel,
          awardedOn: h.application.awardedOn!,
          revokedOn: h.application.revokedOn,
        })),
    };
  }

  async function evaluate(tx: Executor, app: repo.ApplicationRow, cycle: repo.CycleRow): Promise<EligibilityResult> {
    return evaluateEligibility(cycle.eligibilityRules, cycle.level, await eligibilityFacts(tx, app));
  }

  function eligibilityDetails(result: EligibilityResult): ErrorDetail[] {
    return result.results.filter((r) => !r.passed).map((r) => ({ path: `eligibility.${r.kind}`, message: r.message }));
  }

  /** What submission needs beyond the machine's guards: complete facts and the declaration. */
  function submissionIssues(app: repo.ApplicationRow): ErrorDetail[] {
    const details: ErrorDetail[] = [];
    const facts = applicationFacts.safeParse(app.facts);
    if (!facts.success)
      for (const issue of facts.error.issues) details.push({ path: `facts.${issue.path.join('.')}`, message: issue.message });
    if (!app.declarationAccepted) details.push({ path: 'declarationAccepted', message: 'awards.declaration.required' });
    return details;
  }

  function toSummary(app: repo.ApplicationRow, orgName: string | undefined, cycle?: repo.CycleRow) {
    return {
      id: app.id,
      code: app.code,
      cycleId: app.cycleId,
      cycleCode: cycle?.code ?? null,
      level: cycle?.level ?? null,
      year: cycle?.year ?? null,
      organizationId: app.organizationId,
      organizationName: orgName ?? '',
      regionCode: app.regionCode,
      state: app.state,
      decision: app.decision,
      submittedAt: app.submittedAt?.toISOString() ?? null,
      correctionDueOn: app.correctionDueOn,
      awardedOn: app.awardedOn,
      revokedOn: app.revokedOn,
      recommendedFromId: app.recommendedFromId,
      updatedAt: app.updatedAt.toISOString(),
    };
  }

  /** The context the machine's guards read, gathered for whichever transition is asked. */
  async function contextFor(
    tx: Executor,
    app: repo.ApplicationRow,
    cycle: repo.CycleRow,
    input: { comment?: string | null | undefined; decision?: 'winner' | 'nomination' | undefined },
  ): Promise<Omit<ApplicationContext, 'applicantOrganizationId'>> {
    const members = await repo.membersOf(tx, [app.id]);
    const [record] = await repo.recordsOf(tx, [app.id]);
    const leader = members.find((m) => m.isLeader);
    const leaderExpert = leader ? await expertOfLeader(tx, leader.expertId) : null;
    const criteria = criteriaOf(cycle);
    const cycleApps = await repo.listApplications(tx, { cycleId: cycle.id });
    const selected = cycleApps.filter((a) => ['proposed', 'awarded'].includes(a.state));
    const t = today();
    return {
      comment: input.comment ?? null,
      correctionDueOn: app.correctionDueOn,
      selfAssessmentComplete: scoreSheet(criteria, app.selfAssessment).complete,
      applicationWindowOpen: t >= cycle.calendar.applicationOpensOn && t <= cycle.calendar.applicationClosesOn,
      reviewGroup: {
        members: members.length,
        hasLeader: !!leader,
        minSize: cycle.review.minGroupSize,
      },
      reviewGroupLeaderUserId: leaderExpert,
      consensusComplete: !!record && scoreSheet(criteria, record.consensus).complete,
      ...(input.decision
        ? {
            proposal: {
              decision: input.decision,
              alreadySelected: {
                winners: selected.filter((a) => a.decision === 'winner').length,
                nominations: selected.filter((a) => a.decision === 'nomination').length,
              },
              quota: { winners: cycle.winnerQuota, nominations: cycle.nominationQuota },
            },
          }
        : {}),
      ...(cycle.noticeEndsOn ? { noticeEndsOn: cycle.noticeEndsOn } : {}),
      today: t,
      openObjections: await repo.openObjectionCount(tx, app.id),
    };
  }

  async function expertOfLeader(tx: Executor, expertId: string): Promise<string | null> {
    const [e] = await expertsByIds(tx, [expertId]);
    return e?.userId ?? null;
  }

  /**
   * The application a transition is asked on. Group leaders reach it through their membership
   * (the machine then checks that they lead the group); to anyone else it does not exist.
   */
  async function loadForTransition(ctx: RequestContext, id: string) {
    if (!can(ctx.actor, 'awards.review.lead')) return (await loadVisible(ctx, id)).app;
    const app = await repo.findApplication(db, id);
    const expert = await expertOfUser(db, ctx.actor.userId);
    if (!app || !expert || !(await repo.findMember(db, id, expert.id))) throw notFound();
    return app;
  }

  /** One transition in its own transaction, with the side effects the target state carries. */
  async function transition(ctx: RequestContext, id: string, input: ApplicationTransitionInput) {
    const visible = await loadForTransition(ctx, id);
    const cycle = await cycleOf(visible);
    await db.transaction(async (tx) => {
      await repo.lockCycle(tx, cycle.id);
      const app = (await repo.lockApplication(tx, id))!;
      const context = await contextFor(tx, app, cycle, input);
      const now = clock.now();
      const patch: Partial<repo.ApplicationRow> = {};
      if (input.transition === 'propose') patch.decision = input.decision ?? null;
      if (input.transition === 'award') patch.awardedOn = today();
      if (input.transition === 'revoke') {
        patch.revokedOn = today();
        patch.revocationReason = input.comment ?? null;
      }
      if (input.transition === 'resubmit') {
        const issues = submissionIssues(app);
        if (issues.length > 0) throw ruleViolated('awards.application.incomplete', issues);
        const eligibility = await evaluate(tx, app, cycle);
        if (!eligibility.eligible) throw ruleViolated('awards.eligibility.notMet', eligibilityDetails(eligibility));
        patch.eligibility = eligibility;
        patch.submittedAt = now;
      }
      await takeTransition(tx, ctx, app, input.transition, context, now, patch);
    });
    if (!can(ctx.actor, 'awards.review.lead')) return get(ctx, id);
    const after = (await repo.findApplication(db, id))!;
    return { id: after.id, code: after.code, state: after.state };
  }

  async function get(ctx: RequestContext, id: string) {
    const { app, as } = await loadVisible(ctx, id);
    const cycle = await cycleOf(app);
    const [org] = await organizationsByIds(db, [app.organizationId]);
    const criteria = criteriaOf(cycle);
    const history = await repo.historyOf(db, id);
    const [record] = await repo.recordsOf(db, [id]);
    const consensus = record ? scoreSheet(criteria, record.consensus) : null;
    const base = {
      ...toSummary(app, org?.name, cycle),
      calendar: cycle.calendar,
      criteriaVersionId: cycle.criteriaVersionId,
      facts: app.facts,
      selfAssessment: app.selfAssessment,
      selfAssessmentTotalHundredths: scoreSheet(criteria, app.selfAssessment).totalHundredths,
      declarationAccepted: app.declarationAccepted,
      eligibility: app.eligibility,
      revocationReason: app.revocationReason,
    };
    if (as === 'enterprise') {
      // The enterprise never learns who reviewed it nor any single expert's score.
      const done = FEEDBACK_VISIBLE.includes(app.state) && !!record?.feedback?.submittedAt;
      return {
        ...base,
        history: history.map((h) => ({
          transition: h.transition,
          fromState: h.fromState,
          toState: h.toState,
          comment: ['returnForCorrection', 'reject', 'screenOut', 'cancelProposal', 'revoke'].includes(h.transition)
            ? h.comment
            : null,
          actorName: null,
          at: h.at.toISOString(),
        })),
        consensusTotalHundredths: done ? consensus!.totalHundredths : null,
        feedback: done ? record!.feedback : null,
        members: null,
      };
    }
    return {
      ...base,
      history: history.map((h) => ({
        transition: h.transition,
        fromState: h.fromState,
        toState: h.toState,
        comment: h.comment,
        actorName: h.actorName,
        at: h.at.toISOString(),
      })),
      consensusTotalHundredths: consensus?.complete ? consensus.totalHundredths : null,
      feedback: record?.feedback ?? null,
      members: (await repo.membersOf(db, [id])).map((m) => ({
        expertId: m.expertId,
        isLeader: m.isLeader,
        declared: !!m.declaredNoConflictAt,
      })),
    };
  }

  return {
    get,
    transition,

    async list(ctx: RequestContext, query: { cycleId?: string | undefined; state?: string | undefined }) {
      const states = query.state ? [query.state] : undefined;
      let rows: repo.ApplicationRow[];
      if (can(ctx.actor, 'awards.application.read') || can(ctx.actor, 'awards.application.process')) {
        rows = await repo.listApplications(db, { cycleId: query.cycleId, scopeRegion: ctx.actor.regionCode, states });
      } else if (can(ctx.actor, 'awards.application.own.write')) {
        if (!ctx.actor.organizationId) return [];
        rows = await repo.listApplications(db, {
          cycleId: query.cycleId,
          organizationId: ctx.actor.organizationId,
          states,
        });
      } else throw forbidden();
      const orgs = new Map((await organizationsByIds(db, [...new Set(rows.map((r) => r.organizationId))])).map((o) => [o.id, o]));
      const cycles = new Map<string, repo.CycleRow>();
      for (const id of new Set(rows.map((r) => r.cycleId))) cycles.set(id, (await repo.findCycle(db, id))!);
      return rows.map((r) => toSummary(r, orgs.get(r.organizationId)?.name, cycles.get(r.cycleId)));
    },

    /** An enterprise starts its application to an open cycle (one per cycle). */
    async create(ctx: RequestContext, cycleId: string) {
      authorize(ctx.actor, 'awards.application.own.write');
      const organizationId = ctx.actor.organizationId;
      if (!organizationId) throw forbidden();
      const cycle = await repo.findCycle(db, cycleId);
      if (!cycle || !isWithinRegion(cycle.regionCode, ctx.actor.regionCode)) throw notFound();
      if (cycle.status !== 'open') throw conflict('awards.cycle.notOpen');
      const [org] = await organizationsByIds(db, [organizationId]);
      if (!org) throw notFound();
      const id = newId();
      const now = clock.now();
      try {
        await db.transaction(async (tx) => {
          await repo.lockCycle(tx, cycleId);
          const n = await repo.countApplications(tx, cycleId);
          const code = `${cycle.code}-${String(n + 1).padStart(3, '0')}`;
          await repo.insertApplication(tx, {
            id,
            cycleId,
            regionCode: org.regionCode,
            organizationId,
            code,
            state: 'draft',
            facts: {},
            selfAssessment: [],
            createdAt: now,
            updatedAt: now,
          });
          await appendAudit(tx, ctx, {
            action: 'awards.application.create',
            targetType: 'award_application',
            targetId: id,
            regionCode: org.regionCode,
            detail: { code, cycle: cycle.code },
          });
        });
      } catch (err) {
        if (isUniqueViolation(err, 'award_applications_cycle_org_uq')) throw conflict('awards.application.duplicate');
        throw err;
      }
      return get(ctx, id);
    },

    /** Saves the draft (or the correction of a returned application). */
    async saveDraft(ctx: RequestContext, id: string, input: ApplicationDraftInput) {
      authorize(ctx.actor, 'awards.application.own.write');
      const { app } = await loadVisible(ctx, id);
      if (!['draft', 'returned'].includes(app.state)) throw conflict('awards.application.notEditable');
      const cycle = await cycleOf(app);
      if (input.selfAssessment) {
        const issues = scoreEntryIssues(criteriaOf(cycle), input.selfAssessment);
        if (issues.length > 0)
          throw ruleViolated(
            issues[0]!.message,
            issues.map((i) => ({ path: `selfAssessment.${i.index}.${i.path}`, message: i.message })),
          );
      }
      await db.transaction(async (tx) => {
        await repo.updateApplication(tx, id, {
          ...(input.facts ? { facts: { ...app.facts, ...input.facts } } : {}),
          ...(input.selfAssessment ? { selfAssessment: input.selfAssessment } : {}),
          ...(input.declarationAccepted !== undefined ? { declarationAccepted: input.declarationAccepted } : {}),
          updatedAt: clock.now(),
        });
        await appendAudit(tx, ctx, {
          action: 'awards.application.saveDraft',
          targetType: 'award_application',
          targetId: id,
          regionCode: app.regionCode,
          detail: { code: app.code, items: input.selfAssessment?.length ?? null },
        });
      });
      return get(ctx, id);
    },

    /**
     * Submission: complete facts, the declaration, every item self-assessed, inside the window,
     * and every eligibility rule met. A failing rule refuses the submission and names the rule.
     */
    async submit(ctx: RequestContext, id: string) {
      authorize(ctx.actor, 'awards.application.own.write');
      const { app: visible } = await loadVisible(ctx, id);
      if (visible.state === 'returned') return transition(ctx, id, { transition: 'resubmit' });
      const cycle = await cycleOf(visible);
      await db.transaction(async (tx) => {
        const app = (await repo.lockApplication(tx, id))!;
        if (app.state !== 'draft') throw conflict('transition.notAllowedFromState');
        const t = today();
        if (t > cycle.calendar.applicationClosesOn) throw ruleViolated('awards.applicationWindow.late');
        const issues = submissionIssues(app);
        if (issues.length > 0) throw ruleViolated('awards.application.incomplete', issues);
        const eligibility = await evaluate(tx, app, cycle);
        if (!eligibility.eligible) throw ruleViolated('awards.eligibility.notMet', eligibilityDetails(eligibility));
        const now = clock.now();
        await takeTransition(tx, ctx, app, 'submit', await contextFor(tx, app, cycle, {}), now, {
          eligibility,
          submittedAt: now,
        });
      });
      return get(ctx, id);
    },

    /** A dry run of the eligibility rules on today's facts (the status page shows it before submitting). */
    async checkEligibility(ctx: RequestContext, id: string) {
      const { app } = await loadVisible(ctx, id);
      return evaluate(db, app, await cycleOf(app));
    },

    /** The office's eligibility review: pass, return for correction, or reject (with the reason). */
    async eligibilityDecision(
      ctx: RequestContext,
      id: string,
      input: { decision: 'pass' | 'return' | 'reject'; comment?: string | null | undefined },
    ) {
      authorize(ctx.actor, 'awards.application.process');
      const { app: visible } = await loadVisible(ctx, id);
      const cycle = await cycleOf(visible);
      await db.transaction(async (tx) => {
        const app = (await repo.lockApplication(tx, id))!;
        const now = clock.now();
        if (app.state === 'submitted')
          await takeTransition(tx, ctx, app, 'startEligibilityReview', await contextFor(tx, app, cycle, {}), now);
        const context = await contextFor(tx, app, cycle, { comment: input.comment });
        if (input.decision === 'pass') {
          // Facts may have changed since submission (a new accident, a revoked award): judge them again.
          const eligibility = await evaluate(tx, app, cycle);
          await takeTransition(tx, ctx, app, 'confirmEligible', { ...context, eligible: eligibility.eligible }, now, {
            eligibility,
          });
        } else {
          const patch: Partial<repo.ApplicationRow> = {};
          if (input.decision === 'return') {
            const calendar = await loadWorkingCalendar(tx, app.regionCode);
            const days = cycle.review.correctionWorkingDays ?? DEFAULT_CORRECTION_WORKING_DAYS;
            patch.correctionDueOn = addWorkingDays(calendar, today(), days);
          }
          await takeTransition(tx, ctx, app, input.decision === 'return' ? 'returnForCorrection' : 'reject', context, now, patch);
        }
      });
      return get(ctx, id);
    },

    /** The published recommendation list of a cycle: enterprises recommended onward (names only). */
    async recommendationList(cycleId: string) {
      const cycle = await repo.findCycle(db, cycleId);
      if (!cycle) throw notFound();
      const passed = APPLICATION_STATES.slice(APPLICATION_STATES.indexOf('recommended'));
      const rows = (await repo.listApplications(db, { cycleId })).filter(
        (a) => passed.includes(a.state as never) && a.state !== 'withdrawn',
      );
      const orgs = new Map(
        (
          await organizationsByIds(
            db,
            rows.map((r) => r.organizationId),
          )
        ).map((o) => [o.id, o.name]),
      );
      return {
        cycleCode: cycle.code,
        year: cycle.year,
        level: cycle.level,
        enterprises: rows.map((r) => orgs.get(r.organizationId) ?? '').sort(),
      };
    },

    /** An enterprise's award ladder: every application at every level over the years. */
    async ladder(ctx: RequestContext, organizationId: string) {
      authorizeAny(ctx.actor, ['awards.application.read', 'awards.application.own.write']);
      const [org] = await organizationsByIds(db, [organizationId]);
      if (!org) throw notFound();
      if (can(ctx.actor, 'awards.application.read')) assertInRegion(ctx.actor, org.regionCode);
      else if (ctx.actor.organizationId !== organizationId) throw notFound();
      const rows = await repo.applicationsOfOrganization(db, organizationId);
      const programmes = new Map<string, string>();
      for (const r of rows)
        if (!programmes.has(r.cycle.programmeId))
          programmes.set(r.cycle.programmeId, (await repo.findProgramme(db, r.cycle.programmeId))?.name ?? '');
      return {
        organizationId,
        organizationName: org.name,
        steps: rows
          .filter((r) => r.application.state !== 'draft')
          .map((r) => ({
            applicationId: r.application.id,
            level: r.cycle.level,
            year: r.cycle.year,
            programmeName: programmes.get(r.cycle.programmeId) ?? '',
            state: r.application.state,
            decision: r.application.decision,
            awardedOn: r.application.awardedOn,
            revokedOn: r.application.revokedOn,
          })),
      };
    },

    /** Open cycles of the next level above the application's region, for recommending a winner on. */
    async nextLevelCycles(ctx: RequestContext, id: string) {
      authorize(ctx.actor, 'awards.decide');
      const { app } = await loadVisible(ctx, id);
      const cycle = await cycleOf(app);
      const next = nextLevel(cycle.level);
      const open = await repo.openCycles(db);
      return open
        .filter((c) => c.level === next && isWithinRegion(c.regionCode, app.regionCode))
        .map((c) => ({ id: c.id, code: c.code, year: c.year, level: c.level, regionCode: c.regionCode }));
    },

    /** Recommends a winner to the next level's open cycle, carrying its facts and self-assessment. */
    async recommendNext(ctx: RequestContext, id: string, targetCycleId: string) {
      authorize(ctx.actor, 'awards.decide');
      const { app } = await loadVisible(ctx, id);
      if (app.state !== 'awarded' || app.decision !== 'winner') throw conflict('awards.recommendNext.notWinner');
      const cycle = await cycleOf(app);
      const target = await repo.findCycle(db, targetCycleId);
      if (!target || !isWithinRegion(target.regionCode, app.regionCode) || target.level !== nextLevel(cycle.level))
        throw ruleViolated('awards.recommendNext.wrongCycle', [{ path: 'cycleId', message: 'awards.recommendNext.wrongCycle' }]);
      if (target.status !== 'open') throw conflict('awards.cycle.notOpen');
      const criteria = criteriaOf(target);
      const known = new Set(criteriaItems(criteria).map((i) => i.id));
      const newAppId = newId();
      const now = clock.now();
      try {
        await db.transaction(async (tx) => {
          await repo.lockCycle(tx, target.id);
          const n = await repo.countApplications(tx, target.id);
          const code = `${target.code}-${String(n + 1).padStart(3, '0')}`;
          await repo.insertApplication(tx, {
            id: newAppId,
            cycleId: target.id,
            regionCode: app.regionCode,
            organizationId: app.organizationId,
            code,
            state: 'draft',
            facts: app.facts,
            // Items of another criteria version cannot be carried over.
            selfAssessment: app.selfAssessment.filter((e) => known.has(e.itemId)),
            recommendedFromId: app.id,
            createdAt: now,
            updatedAt: now,
          });
          await appendAudit(tx, ctx, {
            action: 'awards.application.recommendNext',
            targetType: 'award_application',
            targetId: newAppId,
            regionCode: app.regionCode,
            detail: { from: app.code, to: code, cycle: target.code },
          });
        });
      } catch (err) {
        if (isUniqueViolation(err, 'award_applications_cycle_org_uq')) throw conflict('awards.application.duplicate');
        throw err;
      }
      return { id: newAppId };
    },
  };
}

function nextLevel(level: AwardLevel): AwardLevel | null {
  if (level === 'district') return 'city';
  if (level === 'city') return 'province';
  return null;
}

export type ApplicationsService = ReturnType<typeof createApplicationsService>;
