import ExcelJS from 'exceljs';
import { addWorkingDays, NQI_CATEGORIES, todayInShanghai, translate, type Board, type NqiCategory } from '@qd/core';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import { authorize } from '../../platform/authorize.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import * as boardRepo from './board.repo.js';
import type { RequestsService } from './requests.service.js';
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

export function createBoardService(deps: ServiceDeps, requests: RequestsService) {
  const { database, clock } = deps;
  const { db } = database;

  /** The months the board covers: `from`..`to` inclusive, by default the last twelve. */
  function range(query: Period) {
    const thisMonth = todayInShanghai(clock.now()).slice(0, 7);
    const to = query.to ?? thisMonth;
    const from = query.from ?? addMonths(to, -11);
    return { from: monthStart(from), to: monthStart(addMonths(to, 1)), key: `${from}..${to}` };
  }

  /** Open work and deadlines: always live (they read only running steps, through a partial index). */
  async function live(regionCode: string) {
    const cal = await calendarOf(db, regionCode);
    const today = todayInShanghai(clock.now());
    const [stages, deadlines] = await Promise.all([
      boardRepo.openByStage(db, regionCode),
      boardRepo.deadlineCounts(db, regionCode, today, addWorkingDays(cal, today, 1)),
    ]);
    return { openByStage: stages, overdue: deadlines.overdue, dueSoon: deadlines.dueSoon };
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

  /** The period's figures from a snapshot younger than SNAPSHOT_MAX_AGE_MS, else computed. */
  async function history(
    regionCode: string,
    query: Period,
  ): Promise<ReturnType<typeof computeHistory> extends Promise<infer H> ? H : never> {
    const snapshot = await boardRepo.findSnapshot(db, regionCode, range(query).key);
    if (snapshot && clock.now().getTime() - snapshot.computedAt.getTime() < SNAPSHOT_MAX_AGE_MS) {
      return snapshot.figures as never;
    }
    return computeHistory(regionCode, query);
  }

  async function aggregates(regionCode: string, query: Period) {
    const [now, past] = await Promise.all([live(regionCode), history(regionCode, query)]);
    return { ...now, ...past };
  }

  return {
    async board(ctx: RequestContext, query: { from?: string | undefined; to?: string | undefined }): Promise<Board> {
      authorize(ctx.actor, 'services.board.read');
      const [figuresNow, overdue] = await Promise.all([
        aggregates(ctx.actor.regionCode, query),
        requests.list(ctx, { current: 1, pageSize: 20, overdue: true, sort: 'stepDeadline' }),
      ]);
      return { ...figuresNow, overdueList: overdue.data };
    },

    /** The public page's monthly figures: counts and rates only, nothing about anyone. */
    async publicFigures(regionCode: string) {
      const { byMonth } = await aggregates(regionCode, {});
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
      for (const regionCode of regions) await computeHistory(regionCode, {});
      return { regions: regions.length };
    },

    async exportXlsx(
      ctx: RequestContext,
      query: { from?: string | undefined; to?: string | undefined },
    ): Promise<{ filename: string; buffer: Buffer }> {
      authorize(ctx.actor, 'services.board.export');
      const data = await aggregates(ctx.actor.regionCode, query);
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
