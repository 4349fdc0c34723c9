import {
  blindedCodes,
  noticeEndsOn,
  objectionTimingIssue,
  rankApplications,
  scoreSheet,
  severityAdvice,
  todayInShanghai,
  totalsWithAdvice,
  maskPhone,
  type ObjectionInput,
} from '@qd/core';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import { DOCUMENT_POLICY, readStoredFile, storeFile } from '../../platform/files/file-store.js';
import type { Upload } from '../../platform/http/uploads.js';
import { PDF_FONT, renderPdf } from '../../platform/pdf/index.js';
import { assertInRegion, authorize } from '../../platform/authorize.js';
import { conflict, notFound, ruleViolated } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import { systemContext, type RequestContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import { organizationsByIds } from '../registry/index.js';
import type { ApplicationsService } from './applications.service.js';
import { criteriaOf, takeTransition } from './application-workflow.js';
import * as repo from './awards.repo.js';

/** Applications the committee ranks: those that reached it. */
const RANKED_STATES = ['committee', 'proposed', 'awarded', 'not_awarded', 'revoked'];

/** The committee's ranking and selection, the public notice with its objections, and the announcement. */
export function createCommitteeService({ database, clock }: ServiceDeps, applications: ApplicationsService) {
  const { db } = database;
  const today = () => todayInShanghai(clock.now());

  async function loadCycle(ctx: RequestContext, id: string) {
    const cycle = await repo.findCycle(db, id);
    if (!cycle) throw notFound();
    assertInRegion(ctx.actor, cycle.regionCode);
    return cycle;
  }

  /** The cycle's applications that reached the committee, with complete consensus totals. */
  async function rankable(cycle: repo.CycleRow) {
    const criteria = criteriaOf(cycle);
    const apps = await repo.listApplications(db, { cycleId: cycle.id, states: RANKED_STATES });
    const records = new Map(
      (
        await repo.recordsOf(
          db,
          apps.map((a) => a.id),
        )
      ).map((r) => [r.applicationId, r]),
    );
    return apps
      .map((a) => {
        const record = records.get(a.id);
        const sheet = record ? scoreSheet(criteria, record.consensus) : null;
        return { app: a, sheet };
      })
      .filter((x) => x.sheet?.complete);
  }

  return {
    /**
     * The blinded ranking by consensus total, with reviewer-severity advice beside the raw totals.
     * Names only with `awards.ranking.unblind`, and only after the votes.
     */
    async ranking(ctx: RequestContext, cycleId: string, unblinded: boolean) {
      authorize(ctx.actor, 'awards.ranking.read');
      if (unblinded) authorize(ctx.actor, 'awards.ranking.unblind');
      const cycle = await loadCycle(ctx, cycleId);
      const criteria = criteriaOf(cycle);
      const entries = await rankable(cycle);
      // Names only once every vote is recorded: until then the committee judges codes.
      if (unblinded && entries.some((e) => e.app.state === 'committee')) throw conflict('awards.ranking.votesPending');
      const byId = new Map(entries.map((e) => [e.app.id, e]));
      const rows = rankApplications(
        entries.map((e) => ({ applicationId: e.app.id, totalHundredths: e.sheet!.totalHundredths })),
        { seed: cycle.blindingSeed, unblinded: true },
      );
      const scores = (await repo.submittedScoresOfCycle(db, cycleId)).filter((s) => byId.has(s.applicationId));
      const advice = severityAdvice(
        scores.flatMap((s) =>
          s.entries.map((e) => ({
            expertId: s.expertId,
            applicationId: s.applicationId,
            itemId: e.itemId,
            percentage: e.percentage,
          })),
        ),
        { minScores: cycle.review.normalisationMinScores },
      );
      const totals = totalsWithAdvice(criteria, advice);
      // Reviewers are shown as R01, R02 … : the committee judges severity, not persons.
      const reviewerCodes = new Map(
        [...new Set(scores.map((s) => s.expertId))].sort().map((id, i) => [id, `R${String(i + 1).padStart(2, '0')}`]),
      );
      const orgs = unblinded
        ? new Map(
            (
              await organizationsByIds(
                db,
                entries.map((e) => e.app.organizationId),
              )
            ).map((o) => [o.id, o.name]),
          )
        : null;
      return {
        cycleId,
        winnerQuota: cycle.winnerQuota,
        nominationQuota: cycle.nominationQuota,
        unblinded,
        rows: rows.map((r) => {
          const e = byId.get(r.applicationId)!;
          const mine = totals.filter((t) => t.applicationId === r.applicationId);
          const advised = mine.filter((t) => t.advicePoints !== null);
          return {
            rank: r.rank,
            code: r.code,
            totalHundredths: r.totalHundredths,
            state: e.app.state,
            decision: e.app.decision,
            expertTotals: mine.map((t) => ({
              reviewer: reviewerCodes.get(t.expertId)!,
              rawHundredths: t.rawHundredths,
              advicePoints: t.advicePoints,
            })),
            adviceMeanPoints:
              advised.length > 0
                ? Math.round((advised.reduce((s, t) => s + t.advicePoints!, 0) / advised.length) * 10) / 10
                : null,
            ...(orgs ? { applicationId: e.app.id, organizationName: orgs.get(e.app.organizationId) ?? '' } : {}),
          };
        }),
        reviewers: advice.experts.map((x) => ({
          reviewer: reviewerCodes.get(x.expertId)!,
          count: x.count,
          mean: Math.round(x.mean * 10) / 10,
          sd: Math.round(x.sd * 10) / 10,
          adjusted: x.adjusted,
          skippedBecause: x.skippedBecause,
        })),
        pooled: {
          count: advice.pooled.count,
          mean: Math.round(advice.pooled.mean * 10) / 10,
          sd: Math.round(advice.pooled.sd * 10) / 10,
        },
      };
    },

    /** The committee's vote on a blinded code: winner, nomination (within the quota) or decline. */
    async select(
      ctx: RequestContext,
      cycleId: string,
      input: { code: string; decision: 'winner' | 'nomination' | 'decline'; comment?: string | null | undefined },
    ) {
      authorize(ctx.actor, 'awards.decide');
      const cycle = await loadCycle(ctx, cycleId);
      if (cycle.status !== 'open') throw conflict('awards.cycle.notOpen');
      const entries = await rankable(cycle);
      const codes = blindedCodes(
        entries.map((e) => e.app.id),
        cycle.blindingSeed,
      );
      const target = entries.find((e) => codes.get(e.app.id) === input.code);
      if (!target) throw ruleViolated('awards.ranking.unknownCode', [{ path: 'code', message: 'awards.ranking.unknownCode' }]);
      await applications.transition(ctx, target.app.id, {
        transition: input.decision === 'decline' ? 'decline' : 'propose',
        comment: input.comment ?? null,
        ...(input.decision === 'decline' ? {} : { decision: input.decision }),
      });
      return this.ranking(ctx, cycleId, false);
    },

    /** Starts the public notice (公示) of the proposed winners, for the cycle's notice days. */
    async startNotice(ctx: RequestContext, cycleId: string) {
      authorize(ctx.actor, 'awards.decide');
      await loadCycle(ctx, cycleId);
      await db.transaction(async (tx) => {
        const cycle = (await repo.lockCycle(tx, cycleId))!;
        if (cycle.status !== 'open') throw conflict('awards.cycle.notOpen');
        const proposed = await repo.listApplications(tx, { cycleId, states: ['proposed'] });
        if (proposed.length === 0) throw ruleViolated('awards.notice.nobodyProposed');
        const startsOn = today();
        const endsOn = noticeEndsOn(startsOn, cycle.calendar.noticeDays);
        await repo.updateCycle(tx, cycleId, { status: 'notice', noticeStartsOn: startsOn, noticeEndsOn: endsOn });
        await appendAudit(tx, ctx, {
          action: 'awards.cycle.startNotice',
          targetType: 'award_cycle',
          targetId: cycleId,
          regionCode: cycle.regionCode,
          detail: { code: cycle.code, startsOn, endsOn, proposed: proposed.length },
        });
      });
      return repo.findCycle(db, cycleId);
    },

    /** Public: the notices of proposed winners (names are public by nature), and their windows. */
    async publicNotices() {
      const cycles = await repo.cyclesWithNotice(db);
      const out = [];
      for (const c of cycles) {
        const programme = await repo.findProgramme(db, c.programmeId);
        const apps = await repo.listApplications(db, { cycleId: c.id, states: ['proposed', 'awarded'] });
        const orgs = new Map(
          (
            await organizationsByIds(
              db,
              apps.map((a) => a.organizationId),
            )
          ).map((o) => [o.id, o.name]),
        );
        out.push({
          cycleId: c.id,
          programmeName: programme?.name ?? '',
          level: c.level,
          year: c.year,
          noticeStartsOn: c.noticeStartsOn!,
          noticeEndsOn: c.noticeEndsOn!,
          open: today() >= c.noticeStartsOn! && today() <= c.noticeEndsOn!,
          entries: apps.map((a) => ({
            applicationId: a.id,
            organizationName: orgs.get(a.organizationId) ?? '',
            decision: a.decision,
          })),
        });
      }
      return out;
    },

    /** Public: an objection to a proposed winner, real-name, with evidence, inside the window. */
    async lodgeObjection(cycleId: string, applicationId: string, input: ObjectionInput, clientIp: string | null) {
      const cycle = await repo.findCycle(db, cycleId);
      if (!cycle || !cycle.noticeStartsOn || !cycle.noticeEndsOn) throw notFound();
      const app = await repo.findApplication(db, applicationId);
      if (!app || app.cycleId !== cycleId || app.state !== 'proposed') throw notFound();
      const timing = objectionTimingIssue(today(), cycle.noticeStartsOn, cycle.noticeEndsOn);
      if (timing) throw ruleViolated(timing);
      const evidence = new Set(await repo.unusedEvidence(db, cycleId, input.evidenceFileIds));
      const unknown = input.evidenceFileIds.findIndex((f) => !evidence.has(f));
      if (unknown >= 0)
        throw ruleViolated('awards.objection.evidenceUnknown', [
          { path: `evidenceFileIds.${unknown}`, message: 'awards.objection.evidenceUnknown' },
        ]);
      const id = newId();
      const ctx = { ...systemContext(cycle.regionCode, 'public'), clientIp };
      await db.transaction(async (tx) => {
        await repo.insertObjection(tx, {
          id,
          cycleId,
          applicationId,
          regionCode: app.regionCode,
          realName: input.realName,
          contact: input.contact,
          content: input.content,
          evidenceFileIds: input.evidenceFileIds,
          submittedOn: today(),
          status: 'open',
          createdAt: clock.now(),
        });
        await repo.linkEvidence(tx, id, input.evidenceFileIds);
        await appendAudit(tx, ctx, {
          action: 'awards.objection.lodge',
          targetType: 'award_objection',
          targetId: id,
          regionCode: app.regionCode,
          detail: { application: app.code, evidence: input.evidenceFileIds.length },
        });
      });
      return { id, receivedOn: today() };
    },

    /** Public: one evidence file for an objection, accepted only while the cycle's notice runs. */
    async uploadEvidence(cycleId: string, upload: Upload, clientIp: string | null) {
      const cycle = await repo.findCycle(db, cycleId);
      if (!cycle || !cycle.noticeStartsOn || !cycle.noticeEndsOn) throw notFound();
      const timing = objectionTimingIssue(today(), cycle.noticeStartsOn, cycle.noticeEndsOn);
      if (timing) throw ruleViolated(timing);
      const ctx = { ...systemContext(cycle.regionCode, 'public'), clientIp };
      return db.transaction(async (tx) => {
        const file = await storeFile(tx, {
          regionCode: cycle.regionCode,
          fileName: upload.fileName,
          contentType: upload.contentType,
          bytes: upload.bytes,
          createdBy: null,
          policy: DOCUMENT_POLICY,
        });
        await repo.insertEvidence(tx, { fileId: file.id, cycleId, createdAt: clock.now() });
        await appendAudit(tx, ctx, {
          action: 'awards.objection.evidence',
          targetType: 'award_cycle',
          targetId: cycleId,
          regionCode: cycle.regionCode,
          detail: { fileName: file.fileName, sha256: file.sha256, sizeBytes: file.sizeBytes },
        });
        return { fileId: file.id, sha256: file.sha256, sizeBytes: file.sizeBytes };
      });
    },

    /** The office reads an objection's evidence. */
    async evidence(ctx: RequestContext, objectionId: string, fileId: string) {
      authorize(ctx.actor, 'awards.objection.handle');
      const objection = await repo.findObjection(db, objectionId);
      if (!objection || !objection.evidenceFileIds.includes(fileId)) throw notFound();
      assertInRegion(ctx.actor, objection.regionCode);
      const stored = await readStoredFile(db, fileId);
      if (!stored) throw notFound();
      return stored;
    },

    /** The certificate of an award as a PDF, for the enterprise and the office (not once revoked). */
    async certificate(ctx: RequestContext, applicationId: string) {
      const app = await applications.get(ctx, applicationId);
      if (app.state !== 'awarded' || !app.awardedOn) throw conflict('awards.certificate.notAwarded');
      const cycle = (await repo.findCycle(db, app.cycleId))!;
      const programme = (await repo.findProgramme(db, cycle.programmeId))!;
      const title = app.decision === 'nomination' ? `${programme.name}提名奖` : programme.name;
      const pdf = await renderPdf(
        { title: `${title} 证书`, layout: 'landscape', createdAt: new Date(`${app.awardedOn}T00:00:00Z`) },
        (doc) => {
          const width = doc.page.width - 112;
          doc.moveDown(3);
          doc.font(PDF_FONT.bold).fontSize(40).text('荣 誉 证 书', { align: 'center', width });
          doc.moveDown(1.5);
          doc.font(PDF_FONT.regular).fontSize(22).text(app.organizationName, { align: 'center', width });
          doc.moveDown(1);
          doc.fontSize(18).text(`荣获 ${cycle.year} 年度${title}`, { align: 'center', width });
          doc.moveDown(3);
          doc.fontSize(12).text(`证书编号 ${app.code}`, { align: 'center', width });
          doc.text(`授予日期 ${app.awardedOn}`, { align: 'center', width });
        },
      );
      await database.db.transaction(async (tx) =>
        appendAudit(tx, ctx, {
          action: 'awards.certificate.issue',
          targetType: 'award_application',
          targetId: applicationId,
          regionCode: app.regionCode,
          detail: { code: app.code },
        }),
      );
      return { fileName: `${app.code}.pdf`, pdf };
    },

    async objections(ctx: RequestContext, cycleId: string) {
      authorize(ctx.actor, 'awards.objection.handle');
      await loadCycle(ctx, cycleId);
      const rows = await repo.objectionsOf(db, cycleId);
      const apps = new Map((await repo.listApplications(db, { cycleId })).map((a) => [a.id, a]));
      return rows.map((o) => ({
        id: o.id,
        applicationId: o.applicationId,
        applicationCode: apps.get(o.applicationId)?.code ?? '',
        realName: o.realName,
        contact: o.contact.includes('@') ? o.contact : maskPhone(o.contact),
        content: o.content,
        evidenceFileIds: o.evidenceFileIds,
        submittedOn: o.submittedOn,
        status: o.status,
        handling: o.handling,
        handledAt: o.handledAt?.toISOString() ?? null,
      }));
    },

    /** Records how an objection was handled; an upheld one cancels the proposal in the same transaction. */
    async handleObjection(ctx: RequestContext, id: string, input: { outcome: 'upheld' | 'dismissed'; handling: string }) {
      authorize(ctx.actor, 'awards.objection.handle');
      const objection = await repo.findObjection(db, id);
      if (!objection) throw notFound();
      assertInRegion(ctx.actor, objection.regionCode);
      if (objection.status !== 'open') throw conflict('awards.objection.handled');
      await db.transaction(async (tx) => {
        await repo.updateObjection(tx, id, {
          status: input.outcome,
          handling: input.handling,
          handledBy: ctx.actor.userId,
          handledAt: clock.now(),
        });
        await appendAudit(tx, ctx, {
          action: 'awards.objection.handle',
          targetType: 'award_objection',
          targetId: id,
          regionCode: objection.regionCode,
          detail: { outcome: input.outcome },
        });
        if (input.outcome === 'upheld') {
          const app = (await repo.lockApplication(tx, objection.applicationId))!;
          if (app.state === 'proposed')
            await takeTransition(tx, ctx, app, 'cancelProposal', { comment: input.handling }, clock.now(), { decision: null });
        }
      });
      return { id, status: input.outcome };
    },

    /** After the notice: every proposal still standing is awarded and the cycle announced. */
    async announce(ctx: RequestContext, cycleId: string) {
      authorize(ctx.actor, 'awards.decide');
      await loadCycle(ctx, cycleId);
      await db.transaction(async (tx) => {
        const cycle = (await repo.lockCycle(tx, cycleId))!;
        if (cycle.status !== 'notice') throw conflict('awards.cycle.notInNotice');
        const now = clock.now();
        const proposed = await repo.listApplications(tx, { cycleId, states: ['proposed'] });
        for (const app of proposed) {
          await takeTransition(
            tx,
            ctx,
            app,
            'award',
            { noticeEndsOn: cycle.noticeEndsOn!, today: today(), openObjections: await repo.openObjectionCount(tx, app.id) },
            now,
            { awardedOn: today() },
          );
        }
        await repo.updateCycle(tx, cycleId, { status: 'announced', announcedAt: now });
        await appendAudit(tx, ctx, {
          action: 'awards.cycle.announce',
          targetType: 'award_cycle',
          targetId: cycleId,
          regionCode: cycle.regionCode,
          detail: { code: cycle.code, awarded: proposed.length },
        });
      });
      return repo.findCycle(db, cycleId);
    },

    /** Public: revoked awards with the reason (the public notice of a revocation). */
    async publicRevocations() {
      const rows = await repo.revokedApplications(db);
      const orgs = new Map(
        (
          await organizationsByIds(
            db,
            rows.map((r) => r.application.organizationId),
          )
        ).map((o) => [o.id, o.name]),
      );
      return rows.map((r) => ({
        organizationName: orgs.get(r.application.organizationId) ?? '',
        level: r.cycle.level,
        year: r.cycle.year,
        revokedOn: r.application.revokedOn,
        reason: r.application.revocationReason,
      }));
    },
  };
}

export type CommitteeService = ReturnType<typeof createCommitteeService>;
