import {
  futureDateProblems,
  conflictsOf,
  isWithinRegion,
  itemDivergence,
  proposeReviewGroups,
  scoreEntryIssues,
  scoreSheet,
  todayInShanghai,
  type ApplicantProfile,
  type ConsensusEntry,
  type ExpertProfile,
  type ExpertScoreEntry,
  type FeedbackReportInput,
  type SiteReviewInput,
} from '@qd/core';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import { notify } from '../../platform/notifications/notify.js';
import { assertInRegion, authorize } from '../../platform/authorize.js';
import type { Executor } from '../../platform/db/database.js';
import { conflict, forbidden, notFound, ruleViolated } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import {
  awardExpertPool,
  expertOfUser,
  expertsByIds,
  organizationsByIds,
  type RegistryExpertRow,
  type RegistryOrganizationRow,
} from '../registry/index.js';
import { criteriaOf } from './application-workflow.js';
import * as repo from './awards.repo.js';

const SCORING_STATES = ['document_review', 'site_review'];

function applicantOf(app: repo.ApplicationRow, org: RegistryOrganizationRow | undefined): ApplicantProfile {
  return {
    applicationId: app.id,
    organizationId: app.organizationId,
    organizationName: org?.name ?? '',
    creditCode: org?.creditCode ?? null,
    industrySection: org?.industrySection ?? null,
  };
}

function profileOf(
  e: RegistryExpertRow,
  interests: repo.InterestRow[],
  load: number,
  affiliations: Map<string, RegistryOrganizationRow>,
): ExpertProfile {
  const mine = interests.filter((i) => i.expertId === e.id);
  return {
    expertId: e.id,
    affiliationOrganizationId: e.affiliationOrganizationId,
    affiliationCreditCode: e.affiliationOrganizationId
      ? (affiliations.get(e.affiliationOrganizationId)?.creditCode ?? null)
      : null,
    affiliationName: e.affiliationName,
    pastEmployments: e.pastEmployments,
    declaredInterestOrganizationIds: mine.filter((i) => i.kind === 'interest').map((i) => i.organizationId),
    familyTieOrganizationIds: mine.filter((i) => i.kind === 'family').map((i) => i.organizationId),
    industrySections: e.industrySections,
    currentLoad: load,
  };
}

/** Tells an expert of a new assignment (once per assignment: the key makes it idempotent). */
async function invite(tx: Executor, userId: string | null, regionCode: string, applicationId: string, at: Date) {
  if (!userId) return;
  await notify(tx, {
    userId,
    regionCode,
    kind: 'awards.review.invitation',
    title: {
      zh: '您有新的质量奖评审任务，请先声明利益冲突情况',
      en: 'A new award review: declare any conflict of interest first',
    },
    link: '/awards/reviews',
    dedupeKey: `awards.review.invitation:${applicationId}:${userId}`,
    at,
  });
}

async function affiliationsOf(tx: Executor, experts: RegistryExpertRow[]) {
  const ids = [...new Set(experts.map((e) => e.affiliationOrganizationId).filter((id): id is string => !!id))];
  return new Map((await organizationsByIds(tx, ids)).map((o) => [o.id, o]));
}

/** Review groups, conflict declarations, independent scores, consensus, site review, feedback. */
export function createReviewsService({ database, clock }: ServiceDeps) {
  const { db } = database;
  const today = () => todayInShanghai(clock.now());

  async function loadForOffice(ctx: RequestContext, id: string) {
    authorize(ctx.actor, 'awards.review.manage');
    const app = await repo.findApplication(db, id);
    if (!app) throw notFound();
    assertInRegion(ctx.actor, app.regionCode);
    return { app, cycle: (await repo.findCycle(db, app.cycleId))! };
  }

  /** The caller as an expert of the registry, or 403 for a user who is not one. */
  async function currentExpert(ctx: RequestContext) {
    authorize(ctx.actor, 'awards.review.score');
    const expert = await expertOfUser(db, ctx.actor.userId);
    if (!expert) throw forbidden();
    return expert;
  }

  async function liveConflicts(tx: Executor, app: repo.ApplicationRow, cycle: repo.CycleRow, expert: RegistryExpertRow) {
    const [org] = await organizationsByIds(tx, [app.organizationId]);
    const interests = await repo.interestsOf(tx, [expert.id]);
    const affiliations = await affiliationsOf(tx, [expert]);
    return conflictsOf(profileOf(expert, interests, 0, affiliations), applicantOf(app, org), {
      asOf: today(),
      conflictYears: cycle.review.conflictYears,
    });
  }

  /**
   * An assigned expert's access: an active member, with a fresh conflict check (a profile may have
   * changed since the invitation) and, unless `beforeDeclaration`, the no-conflict declaration made.
   */
  async function memberAccess(ctx: RequestContext, id: string, options: { beforeDeclaration?: boolean } = {}) {
    const expert = await currentExpert(ctx);
    const app = await repo.findApplication(db, id);
    if (!app) throw notFound();
    const member = await repo.findMember(db, id, expert.id);
    if (!member) throw notFound();
    const cycle = (await repo.findCycle(db, app.cycleId))!;
    const conflicts = await liveConflicts(db, app, cycle, expert);
    if (conflicts.length > 0)
      throw ruleViolated(
        'awards.conflict.found',
        conflicts.map((c) => ({ path: `conflict.${c.kind}`, message: `awards.conflict.${c.kind}` })),
      );
    if (!options.beforeDeclaration && !member.declaredNoConflictAt) throw ruleViolated('awards.declaration.conflictFirst');
    return { expert, app, member, cycle };
  }

  async function leaderAccess(ctx: RequestContext, id: string) {
    authorize(ctx.actor, 'awards.review.lead');
    const access = await memberAccess(ctx, id);
    if (!access.member.isLeader) throw forbidden();
    return access;
  }

  async function expertNames(ids: string[]) {
    return new Map((await expertsByIds(db, ids)).map((e) => [e.id, e.name]));
  }

  async function groupView(app: repo.ApplicationRow, cycle: repo.CycleRow) {
    const members = await repo.membersOf(db, [app.id], false);
    const experts = new Map(
      (
        await expertsByIds(
          db,
          members.map((m) => m.expertId),
        )
      ).map((e) => [e.id, e]),
    );
    const out = [];
    for (const m of members) {
      const e = experts.get(m.expertId);
      out.push({
        expertId: m.expertId,
        name: e?.name ?? '',
        affiliationName: e?.affiliationName ?? '',
        isLeader: m.isLeader,
        source: m.source,
        overrideReason: m.overrideReason,
        status: m.status,
        removedReason: m.removedReason,
        declaredNoConflictAt: m.declaredNoConflictAt?.toISOString() ?? null,
        declarationNote: m.declarationNote,
        // Re-checked on every look: a changed profile shows up here before anyone reads further.
        conflicts: e && m.status === 'active' ? await liveConflicts(db, app, cycle, e) : [],
      });
    }
    return { applicationId: app.id, code: app.code, state: app.state, minGroupSize: cycle.review.minGroupSize, members: out };
  }

  async function audit(
    tx: Executor,
    ctx: RequestContext,
    app: repo.ApplicationRow,
    action: string,
    detail: Record<string, unknown>,
  ) {
    await appendAudit(tx, ctx, {
      action: `awards.review.${action}`,
      targetType: 'award_application',
      targetId: app.id,
      regionCode: app.regionCode,
      detail: { code: app.code, ...detail },
    });
  }

  function sheetIssues(cycle: repo.CycleRow, entries: { itemId: string; percentage: number }[], field: string) {
    const issues = scoreEntryIssues(criteriaOf(cycle), entries);
    if (issues.length > 0)
      throw ruleViolated(
        issues[0]!.message,
        issues.map((i) => ({ path: `${field}.${i.index}.${i.path}`, message: i.message })),
      );
  }

  return {
    /**
     * Proposes (and unless `dryRun`, forms) a group for every recommended application of the cycle
     * that has none: conflict-free, within the load cap, industry first (core assignment.ts).
     */
    async proposeGroups(ctx: RequestContext, cycleId: string, options: { dryRun: boolean }) {
      authorize(ctx.actor, 'awards.review.manage');
      const cycle = await repo.findCycle(db, cycleId);
      if (!cycle) throw notFound();
      assertInRegion(ctx.actor, cycle.regionCode);
      return db.transaction(async (tx) => {
        await repo.lockCycle(tx, cycleId);
        const recommended = await repo.listApplications(tx, {
          cycleId,
          scopeRegion: ctx.actor.regionCode,
          states: ['recommended'],
        });
        const existing = await repo.membersOf(
          tx,
          recommended.map((a) => a.id),
        );
        const withGroup = new Set(existing.map((m) => m.applicationId));
        const todo = recommended.filter((a) => !withGroup.has(a.id));
        const orgs = new Map(
          (
            await organizationsByIds(
              tx,
              todo.map((a) => a.organizationId),
            )
          ).map((o) => [o.id, o]),
        );
        // Only experts with a user account can review (they sign in to score).
        const pool = (await awardExpertPool(tx, cycle.regionCode)).filter((e) => e.userId);
        const interests = await repo.interestsOf(
          tx,
          pool.map((e) => e.id),
        );
        const affiliations = await affiliationsOf(tx, pool);
        const loads = await repo.loadsInCycle(tx, cycleId);
        const result = proposeReviewGroups(
          todo.map((a) => applicantOf(a, orgs.get(a.organizationId))),
          pool.map((e) => profileOf(e, interests, loads.get(e.id) ?? 0, affiliations)),
          {
            asOf: today(),
            groupSize: cycle.review.minGroupSize,
            loadCap: cycle.review.loadCap,
            conflictYears: cycle.review.conflictYears,
          },
        );
        const names = new Map(pool.map((e) => [e.id, e.name]));
        if (!options.dryRun) {
          const now = clock.now();
          await repo.insertMembers(
            tx,
            result.groups.flatMap((g) =>
              g.expertIds.map((expertId) => ({
                id: newId(),
                applicationId: g.applicationId,
                cycleId,
                regionCode: todo.find((a) => a.id === g.applicationId)!.regionCode,
                expertId,
                isLeader: expertId === g.leaderExpertId,
                source: 'proposal' as const,
                status: 'active' as const,
                createdAt: now,
              })),
            ),
          );
          const userOf = new Map(pool.map((e) => [e.id, e.userId]));
          for (const g of result.groups)
            for (const expertId of g.expertIds)
              await invite(tx, userOf.get(expertId) ?? null, cycle.regionCode, g.applicationId, now);
          await appendAudit(tx, ctx, {
            action: 'awards.review.formGroups',
            targetType: 'award_cycle',
            targetId: cycleId,
            regionCode: cycle.regionCode,
            detail: {
              groups: result.groups.length,
              short: result.groups.filter((g) => g.short).length,
              conflictsExcluded: result.conflictsExcluded,
            },
          });
        }
        return {
          dryRun: options.dryRun,
          conflictsExcluded: result.conflictsExcluded,
          groups: result.groups.map((g) => ({
            applicationId: g.applicationId,
            code: todo.find((a) => a.id === g.applicationId)!.code,
            members: g.expertIds.map((id) => ({ expertId: id, name: names.get(id) ?? '', isLeader: id === g.leaderExpertId })),
            industryMatches: g.industryMatches,
            short: g.short,
          })),
        };
      });
    },

    async group(ctx: RequestContext, id: string) {
      const { app, cycle } = await loadForOffice(ctx, id);
      return groupView(app, cycle);
    },

    /** An office override: adds a member (or makes one the leader), always with the recorded reason. */
    async addMember(ctx: RequestContext, id: string, input: { expertId: string; leader: boolean; reason: string }) {
      const { app, cycle } = await loadForOffice(ctx, id);
      if (!['recommended', 'document_review', 'site_review'].includes(app.state)) throw conflict('awards.reviewGroup.closed');
      const [expert] = await expertsByIds(db, [input.expertId]);
      if (!expert || expert.status !== 'active' || !isWithinRegion(cycle.regionCode, expert.regionCode))
        throw ruleViolated('notFound', [{ path: 'expertId', message: 'notFound' }]);
      await db.transaction(async (tx) => {
        await repo.lockCycle(tx, cycle.id);
        const conflicts = await liveConflicts(tx, app, cycle, expert);
        // A conflicted expert is never assigned, override or not.
        if (conflicts.length > 0)
          throw ruleViolated(
            'awards.conflict.found',
            conflicts.map((c) => ({ path: `conflict.${c.kind}`, message: `awards.conflict.${c.kind}` })),
          );
        const existing = await repo.findMember(tx, id, expert.id);
        if (!existing) {
          const load = (await repo.loadsInCycle(tx, cycle.id)).get(expert.id) ?? 0;
          if (load >= cycle.review.loadCap)
            throw ruleViolated('awards.reviewGroup.loadCap', [{ path: 'expertId', message: 'awards.reviewGroup.loadCap' }]);
        }
        if (input.leader) await repo.clearLeader(tx, id);
        if (existing)
          await repo.updateMember(tx, existing.id, { isLeader: input.leader || existing.isLeader, overrideReason: input.reason });
        else
          await repo.insertMembers(tx, [
            {
              id: newId(),
              applicationId: id,
              cycleId: cycle.id,
              regionCode: app.regionCode,
              expertId: expert.id,
              isLeader: input.leader,
              source: 'override',
              overrideReason: input.reason,
              status: 'active',
              createdAt: clock.now(),
            },
          ]);
        if (!existing) await invite(tx, expert.userId, app.regionCode, id, clock.now());
        await audit(tx, ctx, app, 'addMember', { expert: expert.name, leader: input.leader, reason: input.reason });
      });
      return groupView(app, cycle);
    },

    async removeMember(ctx: RequestContext, id: string, expertId: string, reason: string) {
      const { app, cycle } = await loadForOffice(ctx, id);
      if (!['recommended', 'document_review', 'site_review'].includes(app.state)) throw conflict('awards.reviewGroup.closed');
      const member = await repo.findMember(db, id, expertId);
      if (!member) throw notFound();
      await db.transaction(async (tx) => {
        await repo.updateMember(tx, member.id, { status: 'removed', removedReason: reason, isLeader: false });
        await audit(tx, ctx, app, 'removeMember', { expertId, reason });
      });
      return groupView(app, cycle);
    },

    /** An interest or family tie an expert declares (their own), kept for every later conflict check. */
    async declareInterest(ctx: RequestContext, input: { organizationId: string; kind: 'interest' | 'family'; note: string }) {
      const expert = await currentExpert(ctx);
      const [org] = await organizationsByIds(db, [input.organizationId]);
      if (!org) throw ruleViolated('notFound', [{ path: 'organizationId', message: 'notFound' }]);
      await db.transaction(async (tx) => {
        await repo.insertInterest(tx, {
          id: newId(),
          regionCode: expert.regionCode,
          expertId: expert.id,
          organizationId: org.id,
          kind: input.kind,
          note: input.note,
          createdAt: clock.now(),
        });
        await appendAudit(tx, ctx, {
          action: 'awards.review.declareInterest',
          targetType: 'expert',
          targetId: expert.id,
          regionCode: expert.regionCode,
          detail: { organization: org.name, kind: input.kind },
        });
      });
      return { ok: true };
    },

    /** The expert's own assignments, with what is still to do on each. */
    async myReviews(ctx: RequestContext) {
      const expert = await currentExpert(ctx);
      const apps = await repo.listApplications(db, { expertId: expert.id });
      const scores = await repo.scoresOf(
        db,
        apps.map((a) => a.id),
      );
      const members = await repo.membersOf(
        db,
        apps.map((a) => a.id),
      );
      const orgs = new Map(
        (
          await organizationsByIds(
            db,
            apps.map((a) => a.organizationId),
          )
        ).map((o) => [o.id, o.name]),
      );
      return apps.map((a) => {
        const m = members.find((x) => x.applicationId === a.id && x.expertId === expert.id)!;
        const s = scores.find((x) => x.applicationId === a.id && x.expertId === expert.id);
        return {
          applicationId: a.id,
          code: a.code,
          state: a.state,
          isLeader: m.isLeader,
          declared: !!m.declaredNoConflictAt,
          // The name only once the expert has declared no conflict with this applicant.
          organizationName: m.declaredNoConflictAt ? (orgs.get(a.organizationId) ?? '') : null,
          scoresSubmitted: !!s?.submittedAt,
        };
      });
    },

    /** Before seeing an application the expert declares no conflict, or steps aside (回避). */
    async declare(ctx: RequestContext, id: string, input: { noConflict: boolean; note: string }) {
      const { app, member } = await memberAccess(ctx, id, { beforeDeclaration: true });
      await db.transaction(async (tx) => {
        if (input.noConflict)
          await repo.updateMember(tx, member.id, { declaredNoConflictAt: clock.now(), declarationNote: input.note || null });
        else await repo.updateMember(tx, member.id, { status: 'recused', declarationNote: input.note, isLeader: false });
        await audit(tx, ctx, app, input.noConflict ? 'declareNoConflict' : 'recuse', { note: input.note });
      });
      return { declared: input.noConflict, recused: !input.noConflict };
    },

    /**
     * What an assigned expert sees: the application and their own sheet. Other members' scores stay
     * sealed until the expert has submitted their own.
     */
    async reviewView(ctx: RequestContext, id: string) {
      const { expert, app, member, cycle } = await memberAccess(ctx, id);
      const criteria = criteriaOf(cycle);
      const [org] = await organizationsByIds(db, [app.organizationId]);
      const scores = await repo.scoresOf(db, [id]);
      const own = scores.find((s) => s.expertId === expert.id);
      const unsealed = !!own?.submittedAt;
      const names = await expertNames(scores.map((s) => s.expertId));
      return {
        applicationId: app.id,
        code: app.code,
        state: app.state,
        organizationName: org?.name ?? '',
        industrySection: org?.industrySection ?? null,
        criteriaVersionId: cycle.criteriaVersionId,
        isLeader: member.isLeader,
        facts: app.facts,
        selfAssessment: app.selfAssessment,
        own: own
          ? {
              entries: own.entries,
              submittedAt: own.submittedAt?.toISOString() ?? null,
              totalHundredths: scoreSheet(criteria, own.entries).totalHundredths,
            }
          : null,
        others: unsealed
          ? scores
              .filter((s) => s.expertId !== expert.id && s.submittedAt)
              .map((s) => ({
                expertName: names.get(s.expertId) ?? '',
                entries: s.entries,
                totalHundredths: scoreSheet(criteria, s.entries).totalHundredths,
              }))
          : null,
      };
    },

    /** Saves the expert's draft sheet, or submits it (complete, then sealed: later changes only in consensus). */
    async saveScores(ctx: RequestContext, id: string, input: { entries: ExpertScoreEntry[]; submit: boolean }) {
      const { expert, app, cycle } = await memberAccess(ctx, id);
      if (!SCORING_STATES.includes(app.state)) throw conflict('awards.score.notInReview');
      sheetIssues(cycle, input.entries, 'entries');
      if (input.submit && !scoreSheet(criteriaOf(cycle), input.entries).complete)
        throw ruleViolated('awards.score.incomplete', [{ path: 'entries', message: 'awards.score.incomplete' }]);
      await db.transaction(async (tx) => {
        const before = await repo.findScore(tx, id, expert.id);
        if (before?.submittedAt) throw conflict('awards.score.sealed');
        const now = clock.now();
        await repo.upsertScore(tx, {
          id: before?.id ?? newId(),
          applicationId: id,
          cycleId: cycle.id,
          regionCode: app.regionCode,
          expertId: expert.id,
          entries: input.entries,
          submittedAt: input.submit ? now : null,
          updatedAt: now,
        });
        await repo.insertScoreHistory(tx, {
          id: newId(),
          applicationId: id,
          regionCode: app.regionCode,
          expertId: expert.id,
          kind: input.submit ? 'submitted' : 'draft',
          entries: input.entries,
          actorId: ctx.actor.userId,
          at: now,
        });
        await audit(tx, ctx, app, input.submit ? 'submitScores' : 'saveScores', { items: input.entries.length });
      });
      return this.reviewView(ctx, id);
    },

    /** The group leader's view: every submitted sheet side by side, spreads flagged, the consensus so far. */
    async consensusView(ctx: RequestContext, id: string) {
      const { expert, app, cycle } = await leaderAccess(ctx, id);
      const criteria = criteriaOf(cycle);
      const scores = await repo.scoresOf(db, [id]);
      const own = scores.find((s) => s.expertId === expert.id);
      if (!own?.submittedAt) throw ruleViolated('awards.score.ownFirst');
      const members = await repo.membersOf(db, [id]);
      const submitted = scores.filter((s) => s.submittedAt && members.some((m) => m.expertId === s.expertId));
      const names = await expertNames(submitted.map((s) => s.expertId));
      const [record] = await repo.recordsOf(db, [id]);
      const divergence = itemDivergence(
        criteria,
        submitted.flatMap((s) => s.entries.map((e) => ({ expertId: s.expertId, itemId: e.itemId, percentage: e.percentage }))),
        cycle.review.divergenceThreshold,
      );
      const consensus = record ? scoreSheet(criteria, record.consensus) : null;
      return {
        applicationId: app.id,
        code: app.code,
        state: app.state,
        criteriaVersionId: cycle.criteriaVersionId,
        divergenceThreshold: cycle.review.divergenceThreshold,
        membersTotal: members.length,
        sheets: submitted.map((s) => ({
          expertId: s.expertId,
          expertName: names.get(s.expertId) ?? '',
          entries: s.entries,
          totalHundredths: scoreSheet(criteria, s.entries).totalHundredths,
        })),
        divergence,
        consensus: record?.consensus ?? [],
        consensusTotalHundredths: consensus?.totalHundredths ?? null,
        consensusComplete: consensus?.complete ?? false,
        siteReview: record?.siteReview ?? null,
        feedback: record?.feedback ?? null,
        history: (await repo.scoreHistoryOf(db, id)).map((h) => ({ kind: h.kind, expertId: h.expertId, at: h.at.toISOString() })),
      };
    },

    /** The agreed percentage and rationale per item, once every member has submitted. */
    async saveConsensus(ctx: RequestContext, id: string, entries: ConsensusEntry[]) {
      const { app, cycle } = await leaderAccess(ctx, id);
      if (!SCORING_STATES.includes(app.state)) throw conflict('awards.score.notInReview');
      sheetIssues(cycle, entries, 'entries');
      const members = await repo.membersOf(db, [id]);
      const scores = await repo.scoresOf(db, [id]);
      if (members.some((m) => !scores.find((s) => s.expertId === m.expertId && s.submittedAt)))
        throw ruleViolated('awards.consensus.scoresMissing');
      await db.transaction(async (tx) => {
        const [record] = await repo.recordsOf(tx, [id]);
        const now = clock.now();
        await repo.upsertRecord(tx, {
          applicationId: id,
          regionCode: app.regionCode,
          consensus: entries,
          siteReview: record?.siteReview ?? null,
          feedback: record?.feedback ?? null,
          updatedAt: now,
        });
        await repo.insertScoreHistory(tx, {
          id: newId(),
          applicationId: id,
          regionCode: app.regionCode,
          expertId: null,
          kind: 'consensus',
          entries,
          actorId: ctx.actor.userId,
          at: now,
        });
        await audit(tx, ctx, app, 'saveConsensus', {
          items: entries.length,
          totalHundredths: scoreSheet(criteriaOf(cycle), entries).totalHundredths,
        });
      });
      return this.consensusView(ctx, id);
    },

    async saveSiteReview(ctx: RequestContext, id: string, input: SiteReviewInput) {
      const { app } = await leaderAccess(ctx, id);
      if (app.state !== 'site_review') throw conflict('awards.siteReview.notNow');
      // The record of a visit that took place.
      const future = futureDateProblems({ visitedOn: input.visitedOn }, today());
      if (future.length > 0) throw ruleViolated('date.future', future);
      await db.transaction(async (tx) => {
        const [record] = await repo.recordsOf(tx, [id]);
        await repo.upsertRecord(tx, {
          applicationId: id,
          regionCode: app.regionCode,
          consensus: record?.consensus ?? [],
          siteReview: input,
          feedback: record?.feedback ?? null,
          updatedAt: clock.now(),
        });
        await audit(tx, ctx, app, 'siteReview', { visitedOn: input.visitedOn, members: input.members.length });
      });
      return this.consensusView(ctx, id);
    },

    /** The feedback report: key themes, strengths and opportunities per category; submitting freezes it. */
    async saveFeedback(ctx: RequestContext, id: string, input: FeedbackReportInput) {
      const { app, cycle } = await leaderAccess(ctx, id);
      if (!['site_review', 'committee'].includes(app.state)) throw conflict('awards.feedback.notNow');
      const categories = new Set(criteriaOf(cycle).categories.map((c) => c.id));
      input.categories.forEach((c, i) => {
        if (!categories.has(c.categoryId))
          throw ruleViolated('awards.score.unknownItem', [
            { path: `categories.${i}.categoryId`, message: 'awards.score.unknownItem' },
          ]);
      });
      await db.transaction(async (tx) => {
        const [record] = await repo.recordsOf(tx, [id]);
        if (record?.feedback?.submittedAt) throw conflict('awards.feedback.submitted');
        await repo.upsertRecord(tx, {
          applicationId: id,
          regionCode: app.regionCode,
          consensus: record?.consensus ?? [],
          siteReview: record?.siteReview ?? null,
          feedback: {
            keyThemes: input.keyThemes,
            categories: input.categories,
            submittedAt: input.submit ? clock.now().toISOString() : null,
          },
          updatedAt: clock.now(),
        });
        await audit(tx, ctx, app, input.submit ? 'submitFeedback' : 'saveFeedback', { categories: input.categories.length });
      });
      return this.consensusView(ctx, id);
    },
  };
}

export type ReviewsService = ReturnType<typeof createReviewsService>;
