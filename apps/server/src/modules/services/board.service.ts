import ExcelJS from 'exceljs';
import { addWorkingDays, NQI_CATEGORIES, todayInShanghai, translate, type Board, type NqiCategory } from '@qd/core';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import { authorize } from '../../platform/authorize.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import * as boardRepo from './board.repo.js';
import { toRequestSummary } from './request-mapper.js';
import * as repo from './services.repo.js';
import { calendarOf } from './services-calendar.js';

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);
const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

function figures(row: boardRepo.RateRow) {
  return {
    submitted: row.submitted,
    completed: row.completed,
    onTimeRate: rate(row.onTime, row.completed),
    averageHandlingHours: round1(row.handlingHours),
    satisfaction: round1(row.satisfaction),
  };
}

/** The first instant of a month (YYYY-MM) in Asia/Shanghai. */
function monthStart(month: string): Date {
  return new Date(`${month}-01T00:00:00+08:00`);
}

function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

type Period = { from?: string | undefined; to?: string | undefined };

/** How old the historical figures may be before a look recomputes them (the refresh job runs more often). */
export const SNAPSHOT_MAX_AGE_MS = 10 * 60_000;

/** Open work and deadlines may be this old when shown (a look older than that recomputes them). */
export const LIVE_MAX_AGE_MS = 30_000;
const LIVE_KEY = 'live';

export function createBoardService(deps: ServiceDeps) {
  const { database, clock } = deps;
  const { db } = database;

  /** The months the board covers: `from`..`to` inclusive, by default the last twelve. */
  function range(query: Period) {
    const thisMonth = todayInShanghai(clock.now()).slice(0, 7);
    const to = query.to ?? thisMonth;
    const from = query.from ?? addMonths(to, -11);
    return { from: monthStart(from), to: monthStart(addMonths(to, 1)), key: `${from}..${to}` };
  }

  /**
   * Open work, deadlines and the overdue list: recomputed when older than LIVE_MAX_AGE_MS (they
   * read only running steps, through a partial index, but a board under many eyes need not
   * repeat them for every look).
   */
  async function computeLive(regionCode: string) {
    const cal = await calendarOf(db, regionCode);
    const now = clock.now();
    const today = todayInShanghai(now);
    const [stages, deadlines, overdue] = await Promise.all([
      boardRepo.openByStage(db, regionCode),
      boardRepo.deadlineCounts(db, regionCode, today, addWorkingDays(cal, today, 1)),
      repo.listRequests(
        db,
        { scope: { regionCode }, overdue: true, today },
        { offset: 0, limit: 20, sortField: 'stepDeadline', desc: false },
      ),
    ]);
    const live = {
      openByStage: stages,
      overdue: deadlines.overdue,
      dueSoon: deadlines.dueSoon,
      overdueList: overdue.rows.map((r) => toRequestSummary(r, r, cal, now)),
    };
    await boardRepo.saveSnapshot(db, regionCode, LIVE_KEY, now, live);
    return live;
  }

  /** The period's figures, computed now (and kept as the period's snapshot). */
  async function computeHistory(regionCode: string, query: Period) {
    const { from, to, key } = range(query);
    const [all, categories, institutions, months] = await Promise.all([
      boardRepo.overall(db, regionCode, from, to),
      boardRepo.byCategory(db, regionCode, from, to),
      boardRepo.byInstitution(db, regionCode, from, to),
      boardRepo.byMonth(db, regionCode, from, to),
    ]);
    const history = {
      overall: figures(all),
      byCategory: categories.map((c) => ({ category: c.category, ...figures(c) })),
      byInstitution: institutions.map((i) => ({
        institutionId: i.institutionId,
        name: i.name,
        dispatched: i.dispatched,
        ...figures(i),
      })),
      byMonth: months.map((m) => ({ month: m.month, ...figures(m) })),
    };
    await boardRepo.saveSnapshot(db, regionCode, key, clock.now(), history);
    return history;
  }

  /** Recomputations under way in this process, so concurrent looks share one. */
  const inflight = new Map<string, Promise<unknown>>();
  function once<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let running = inflight.get(key) as Promise<T> | undefined;
    if (!running) {
      running = compute().finally(() => inflight.delete(key));
      inflight.set(key, running);
    }
    return running;
  }

  /**
   * A snapshot's figures: fresh ones as they are; stale ones too, while one recomputation runs in
   * the background (no crowd of looks recomputes at once); none yet: computed now.
   */
  async function current<T>(
    regionCode: string,
    snapshot: { computedAt: Date; figures: unknown } | undefined,
    maxAgeMs: number,
    key: string,
    compute: () => Promise<T>,
  ): Promise<T> {
    if (!snapshot) return once(`${regionCode}|${key}`, compute);
    if (clock.now().getTime() - snapshot.computedAt.getTime() >= maxAgeMs) {
      once(`${regionCode}|${key}`, compute).catch(() => {
        // the next look tries again; the stale figures stay until then
      });
    }
    return snapshot.figures as T;
  }

  async function history(regionCode: string, query: Period) {
    const key = range(query).key;
    const [snapshot] = await boardRepo.findSnapshots(db, regionCode, [key]);
    return current(regionCode, snapshot, SNAPSHOT_MAX_AGE_MS, key, () => computeHistory(regionCode, query));
  }

  return {
    async board(ctx: RequestContext, query: { from?: string | undefined; to?: string | undefined }): Promise<Board> {
      authorize(ctx.actor, 'services.board.read');
      const region = ctx.actor.regionCode;
      const key = range(query).key;
      // One read for both snapshots.
      const found = await boardRepo.findSnapshots(db, region, [key, LIVE_KEY]);
      const past = found.find((f) => f.period === key);
      const now = found.find((f) => f.period === LIVE_KEY);
      const [livePart, historyPart] = await Promise.all([
        current(region, now, LIVE_MAX_AGE_MS, LIVE_KEY, () => computeLive(region)),
        current(region, past, SNAPSHOT_MAX_AGE_MS, key, () => computeHistory(region, query)),
      ]);
      return { ...livePart, ...historyPart };
    },

    /** The public page's monthly figures: counts and rates only, nothing about anyone. */
    async publicFigures(regionCode: string) {
      const { byMonth } = await history(regionCode, {});
      return {
        byMonth: byMonth.map((m) => ({
          month: m.month,
          submitted: m.submitted,
          completed: m.completed,
          onTimeRate: m.onTimeRate,
          satisfaction: m.satisfaction,
        })),
      };
    },

    /** The refresh job: recomputes the default period of every region with a catalogue. */
    async refreshSnapshots(): Promise<{ regions: number }> {
      const regions = await boardRepo.catalogueRegions(db);
      for (const regionCode of regions) {
        await computeHistory(regionCode, {});
        await computeLive(regionCode);
      }
      return { regions: regions.length };
    },

    async exportXlsx(
      ctx: RequestContext,
      query: { from?: string | undefined; to?: string | undefined },
    ): Promise<{ filename: string; buffer: Buffer }> {
      authorize(ctx.actor, 'services.board.export');
      const [live, past] = await Promise.all([computeLive(ctx.actor.regionCode), history(ctx.actor.regionCode, query)]);
      const data = { ...live, ...past };
      const zh = ctx.locale === 'zh-CN';
      const t = (key: string) => translate(key, ctx.locale);
      const book = new ExcelJS.Workbook();
      const head = [
        t('services.xlsx.submitted'),
        t('services.xlsx.completed'),
        t('services.xlsx.onTimeRate'),
        t('services.xlsx.hours'),
        t('services.xlsx.satisfaction'),
      ];
      const line = (f: ReturnType<typeof figures>) => [
        f.submitted,
        f.completed,
        f.onTimeRate,
        f.averageHandlingHours,
        f.satisfaction,
      ];
      const months = book.addWorksheet(t('services.xlsx.byMonth'));
      months.addRow([t('services.xlsx.month'), ...head]);
      for (const m of data.byMonth) months.addRow([m.month, ...line(m)]);
      const categories = book.addWorksheet(t('services.xlsx.byCategory'));
      categories.addRow([t('services.xlsx.category'), ...head]);
      for (const c of data.byCategory) {
        const names = NQI_CATEGORIES[c.category as NqiCategory];
        categories.addRow([names ? (zh ? names.zh : names.en) : c.category, ...line(c)]);
      }
      const institutions = book.addWorksheet(t('services.xlsx.byInstitution'));
      institutions.addRow([t('services.xlsx.institution'), ...head]);
      for (const i of data.byInstitution) institutions.addRow([i.name, ...line({ ...i, submitted: i.dispatched })]);
      const stages = book.addWorksheet(t('services.xlsx.open'));
      stages.addRow([t('services.xlsx.state'), t('services.xlsx.category'), t('services.xlsx.count')]);
      for (const s of data.openByStage) stages.addRow([t(`services.state.${s.state}`), s.category, s.count]);
      const buffer = Buffer.from(await book.xlsx.writeBuffer());
      await database.db.transaction((tx) =>
        appendAudit(tx, ctx, {
          action: 'services.board.export',
          targetType: 'service_board',
          detail: { from: query.from ?? null, to: query.to ?? null },
        }),
      );
      return { filename: `services-board-${todayInShanghai(clock.now())}.xlsx`, buffer };
    },
  };
}

export type BoardService = ReturnType<typeof createBoardService>;
