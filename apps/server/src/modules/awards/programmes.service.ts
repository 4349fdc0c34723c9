import crypto from 'node:crypto';
import {
  APPLICATION_STATES,
  builtInCriteriaVersion,
  can,
  isWithinRegion,
  todayInShanghai,
  type AwardCycleInput,
  type AwardProgrammeInput,
} from '@qd/core';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import { assertInRegion, assertRegionWritable, authorize, authorizeAny } from '../../platform/authorize.js';
import { conflict, isUniqueViolation, notFound, ruleViolated } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import * as repo from './awards.repo.js';

const LEVEL_LETTER = { district: 'Q', city: 'S', province: 'P' } as const;

export function toProgramme(row: repo.ProgrammeRow) {
  return {
    id: row.id,
    regionCode: row.regionCode,
    name: row.name,
    level: row.level,
    cycleYears: row.cycleYears,
    winnerQuota: row.winnerQuota,
    nominationQuota: row.nominationQuota,
    prizeMoneyFen: row.prizeMoneyFen,
    nominationPrizeMoneyFen: row.nominationPrizeMoneyFen,
    criteriaVersionId: row.criteriaVersionId,
    eligibilityRules: row.eligibilityRules,
    review: row.review,
    calendar: row.calendar,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toCycle(row: repo.CycleRow, programmeName: string) {
  return {
    id: row.id,
    programmeId: row.programmeId,
    programmeName,
    regionCode: row.regionCode,
    level: row.level,
    year: row.year,
    code: row.code,
    status: row.status,
    calendar: row.calendar,
    criteriaVersionId: row.criteriaVersionId,
    winnerQuota: row.winnerQuota,
    nominationQuota: row.nominationQuota,
    eligibilityRules: row.eligibilityRules,
    review: row.review,
    noticeStartsOn: row.noticeStartsOn,
    noticeEndsOn: row.noticeEndsOn,
    openedAt: row.openedAt?.toISOString() ?? null,
    announcedAt: row.announcedAt?.toISOString() ?? null,
  };
}
export type CycleView = ReturnType<typeof toCycle>;

function programmeColumns(input: AwardProgrammeInput) {
  return {
    regionCode: input.regionCode,
    name: input.name,
    level: input.level,
    cycleYears: input.cycleYears,
    winnerQuota: input.winnerQuota,
    nominationQuota: input.nominationQuota,
    prizeMoneyFen: input.prizeMoneyFen,
    nominationPrizeMoneyFen: input.nominationPrizeMoneyFen,
    criteriaVersionId: input.criteriaVersionId,
    eligibilityRules: input.eligibilityRules,
    review: input.review,
    calendar: input.calendar,
  };
}

/** Programmes per level with their rules, their cycles and the pipeline board (the office's part). */
export function createProgrammesService({ database, clock }: ServiceDeps) {
  const { db } = database;

  function checkCriteria(id: string) {
    if (!builtInCriteriaVersion(id))
      throw ruleViolated('awards.criteria.unknownVersion', [
        { path: 'criteriaVersionId', message: 'awards.criteria.unknownVersion' },
      ]);
  }

  async function loadProgramme(ctx: RequestContext, id: string) {
    const row = await repo.findProgramme(db, id);
    if (!row) throw notFound();
    assertInRegion(ctx.actor, row.regionCode);
    return row;
  }

  /** A cycle the caller may look at: its own region's, or a higher level's one it takes part in. */
  async function loadCycle(ctx: RequestContext, id: string) {
    const row = await repo.findCycle(db, id);
    if (!row) throw notFound();
    const own = isWithinRegion(ctx.actor.regionCode, row.regionCode);
    const above = isWithinRegion(row.regionCode, ctx.actor.regionCode);
    if (!own && !above) throw notFound();
    return row;
  }

  return {
    async listProgrammes(ctx: RequestContext) {
      authorizeAny(ctx.actor, ['awards.programme.manage', 'awards.application.read']);
      return (await repo.listProgrammes(db, ctx.actor.regionCode)).map(toProgramme);
    },

    async createProgramme(ctx: RequestContext, input: AwardProgrammeInput) {
      authorize(ctx.actor, 'awards.programme.manage');
      assertRegionWritable(ctx.actor, input.regionCode);
      checkCriteria(input.criteriaVersionId);
      const id = newId();
      const now = clock.now();
      await db.transaction(async (tx) => {
        await repo.insertProgramme(tx, { id, ...programmeColumns(input), createdAt: now, updatedAt: now });
        await appendAudit(tx, ctx, {
          action: 'awards.programme.create',
          targetType: 'award_programme',
          targetId: id,
          regionCode: input.regionCode,
          detail: { name: input.name, level: input.level, winnerQuota: input.winnerQuota },
        });
      });
      return toProgramme((await repo.findProgramme(db, id))!);
    },

    async updateProgramme(ctx: RequestContext, id: string, input: AwardProgrammeInput) {
      authorize(ctx.actor, 'awards.programme.manage');
      const before = await loadProgramme(ctx, id);
      assertRegionWritable(ctx.actor, input.regionCode);
      checkCriteria(input.criteriaVersionId);
      await db.transaction(async (tx) => {
        // Running cycles pinned their rules when they opened: this changes future cycles only.
        await repo.updateProgramme(tx, id, { ...programmeColumns(input), updatedAt: clock.now() });
        await appendAudit(tx, ctx, {
          action: 'awards.programme.update',
          targetType: 'award_programme',
          targetId: id,
          regionCode: input.regionCode,
          detail: { name: input.name, winnerQuota: { from: before.winnerQuota, to: input.winnerQuota } },
        });
      });
      return toProgramme((await repo.findProgramme(db, id))!);
    },

    async createCycle(ctx: RequestContext, programmeId: string, input: AwardCycleInput) {
      authorize(ctx.actor, 'awards.programme.manage');
      const programme = await loadProgramme(ctx, programmeId);
      assertRegionWritable(ctx.actor, programme.regionCode);
      const id = newId();
      try {
        await db.transaction(async (tx) => {
          await repo.insertCycle(tx, {
            id,
            programmeId,
            regionCode: programme.regionCode,
            level: programme.level,
            year: input.year,
            code: `${programme.regionCode}-${LEVEL_LETTER[programme.level]}${input.year}-${id.slice(-4)}`,
            status: 'planned',
            calendar: input.calendar,
            criteriaVersionId: programme.criteriaVersionId,
            winnerQuota: programme.winnerQuota,
            nominationQuota: programme.nominationQuota,
            eligibilityRules: programme.eligibilityRules,
            review: programme.review,
            blindingSeed: crypto.randomBytes(16).toString('hex'),
            createdAt: clock.now(),
          });
          await appendAudit(tx, ctx, {
            action: 'awards.cycle.create',
            targetType: 'award_cycle',
            targetId: id,
            regionCode: programme.regionCode,
            detail: { programme: programme.name, year: input.year, calendar: input.calendar },
          });
        });
      } catch (err) {
        if (isUniqueViolation(err, 'award_cycles_programme_year_uq'))
          throw ruleViolated('awards.cycle.duplicateYear', [{ path: 'year', message: 'awards.cycle.duplicateYear' }]);
        throw err;
      }
      return toCycle((await repo.findCycle(db, id))!, programme.name);
    },

    /** Opening pins the programme's current rules into the cycle and starts taking applications. */
    async openCycle(ctx: RequestContext, id: string) {
      authorize(ctx.actor, 'awards.programme.manage');
      const before = await loadCycle(ctx, id);
      assertInRegion(ctx.actor, before.regionCode);
      const programme = (await repo.findProgramme(db, before.programmeId))!;
      await db.transaction(async (tx) => {
        const cycle = (await repo.lockCycle(tx, id))!;
        if (cycle.status !== 'planned') throw conflict('awards.cycle.notPlanned');
        await repo.updateCycle(tx, id, {
          status: 'open',
          openedAt: clock.now(),
          criteriaVersionId: programme.criteriaVersionId,
          winnerQuota: programme.winnerQuota,
          nominationQuota: programme.nominationQuota,
          eligibilityRules: programme.eligibilityRules,
          review: programme.review,
        });
        await appendAudit(tx, ctx, {
          action: 'awards.cycle.open',
          targetType: 'award_cycle',
          targetId: id,
          regionCode: cycle.regionCode,
          detail: { code: cycle.code, winnerQuota: programme.winnerQuota, criteriaVersionId: programme.criteriaVersionId },
        });
      });
      return toCycle((await repo.findCycle(db, id))!, programme.name);
    },

    async listCycles(ctx: RequestContext, programmeId?: string) {
      authorizeAny(ctx.actor, ['awards.programme.manage', 'awards.application.read']);
      const [cycles, programmes] = await Promise.all([
        repo.listCycles(db, { scopeRegion: ctx.actor.regionCode, programmeId }),
        repo.listProgrammes(db, ctx.actor.regionCode),
      ]);
      const names = new Map(programmes.map((p) => [p.id, p.name]));
      return cycles.map((c) => toCycle(c, names.get(c.programmeId) ?? ''));
    },

    /** The cycle with its pipeline board: how many applications are in each state. */
    async getCycle(ctx: RequestContext, id: string) {
      authorizeAny(ctx.actor, ['awards.programme.manage', 'awards.application.read', 'awards.application.own.write']);
      const cycle = await loadCycle(ctx, id);
      const programme = (await repo.findProgramme(db, cycle.programmeId))!;
      const pipeline = Object.fromEntries(APPLICATION_STATES.map((s) => [s, 0])) as Record<string, number>;
      if (can(ctx.actor, 'awards.application.read'))
        for (const r of await repo.pipelineCounts(db, id, ctx.actor.regionCode)) pipeline[r.state] = r.n;
      return { ...toCycle(cycle, programme.name), pipeline, prizeMoneyFen: programme.prizeMoneyFen };
    },

    /** Open cycles the caller's organization may apply to: its own region's and those above it. */
    async openForApplication(ctx: RequestContext) {
      authorize(ctx.actor, 'awards.application.own.write');
      const today = todayInShanghai(clock.now());
      const cycles = (await repo.openCycles(db)).filter((c) => isWithinRegion(c.regionCode, ctx.actor.regionCode));
      const out = [];
      for (const c of cycles) {
        const programme = (await repo.findProgramme(db, c.programmeId))!;
        out.push({
          ...toCycle(c, programme.name),
          windowOpen: today >= c.calendar.applicationOpensOn && today <= c.calendar.applicationClosesOn,
        });
      }
      return out;
    },
  };
}

export type ProgrammesService = ReturnType<typeof createProgrammesService>;
