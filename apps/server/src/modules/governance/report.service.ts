import type { Grade } from '@qd/core';
import { authorize } from '../../platform/authorize.js';
import { PDF_FONT, renderPdf } from '../../platform/pdf/index.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import { registryNames } from '../registry/index.js';
import * as assessmentRepo from './assessment.repo.js';
import * as budgetRepo from './budget.repo.js';
import { lineViews } from './budget.service.js';
import { calendarOf, departmentDirectory, departmentName, todayOf } from './governance-scope.js';
import * as meetingsRepo from './meetings.repo.js';
import { REPORT_CONTRIBUTORS } from './report-contributors.js';
import { yearlyReportLines } from './yearly-report-lines.js';
import * as tasksRepo from './tasks.repo.js';
import { toTaskView } from './task-view.js';

export function createReportService(deps: ServiceDeps) {
  const { db } = deps.database;

  async function grades(regionCode: string, year: number) {
    const scheme = await assessmentRepo.findScheme(db, regionCode, year);
    if (!scheme)
      return {
        state: null,
        results: [] as { departmentId: string; departmentName: string; grade: Grade; totalHundredths: number }[],
      };
    const directory = await departmentDirectory(db, regionCode);
    const results = (await assessmentRepo.listResults(db, scheme.id))
      .map((r) => ({
        departmentId: r.departmentId,
        departmentName: departmentName(directory, r.departmentId),
        grade: r.grade as Grade,
        totalHundredths: r.totalHundredths,
      }))
      .sort((a, b) => b.totalHundredths - a.totalHundredths);
    return { state: scheme.state, results };
  }

  async function budget(regionCode: string, year: number) {
    const lines = await lineViews(db, await budgetRepo.listLines(db, regionCode, year));
    const sum = (k: 'allocatedFen' | 'committedFen' | 'paidFen' | 'remainingFen') => lines.reduce((s, l) => s + l[k], 0);
    return {
      lines,
      totals: {
        allocatedFen: sum('allocatedFen'),
        committedFen: sum('committedFen'),
        paidFen: sum('paidFen'),
        remainingFen: sum('remainingFen'),
      },
    };
  }

  return {
    /** The yearly work report: meetings, resolutions, tasks, grades, budget use and every module's headline figures. */
    async yearly(ctx: RequestContext, year: number) {
      authorize(ctx.actor, 'governance.report.read');
      const regionCode = ctx.actor.regionCode;
      const today = todayOf(deps);
      const [names, meetings, tasks, gradeList, money, headlines] = await Promise.all([
        registryNames(db, regionCode, null),
        meetingsRepo.meetingYearFigures(db, regionCode, year),
        tasksRepo.taskYearFigures(db, regionCode, year, today),
        grades(regionCode, year),
        budget(regionCode, year),
        Promise.all(
          REPORT_CONTRIBUTORS.map(async (c) => ({
            module: c.module,
            title: c.title,
            figures: await c.figures(db, regionCode, year, today),
          })),
        ),
      ]);
      // On time among the tasks that have come due (closed, or past their deadline): a task not yet due is not late.
      const due = tasks.due;
      return {
        year,
        regionCode,
        regionName: names.regionName,
        generatedOn: today,
        meetings,
        tasks: { ...tasks, onTimeBasisPoints: due > 0 ? Math.round((tasks.closedOnTime * 10_000) / due) : null },
        assessment: gradeList,
        budget: money,
        headlines,
      };
    },

    async yearlyPdf(ctx: RequestContext, year: number): Promise<{ fileName: string; bytes: Buffer }> {
      const r = await this.yearly(ctx, year);
      const lines = yearlyReportLines(r);
      const bytes = await renderPdf(
        { title: lines[0]!.text, subject: '质量强区工作年度报告', createdAt: deps.clock.now() },
        (doc) => {
          for (const line of lines) {
            if (line.kind === 'title') doc.font(PDF_FONT.bold).fontSize(18).text(line.text, { align: 'center' });
            else if (line.kind === 'subtitle')
              doc.moveDown(0.3).font(PDF_FONT.regular).fontSize(10).text(line.text, { align: 'center' });
            else if (line.kind === 'heading') doc.moveDown(1).font(PDF_FONT.bold).fontSize(13).text(line.text).moveDown(0.3);
            else if (line.kind === 'subheading') doc.font(PDF_FONT.bold).fontSize(11).text(line.text);
            else
              doc
                .font(PDF_FONT.regular)
                .fontSize(11)
                .text(line.text, { indent: line.kind === 'item' ? 14 : 0 });
          }
        },
      );
      return { fileName: `quality-work-report-${r.regionCode}-${year}.pdf`, bytes };
    },

    /** The leader's one page: overdue tasks, grades, budget use for the year. */
    async overview(ctx: RequestContext, year: number) {
      authorize(ctx.actor, 'governance.report.read');
      const regionCode = ctx.actor.regionCode;
      const today = todayOf(deps);
      const [{ rows }, directory, cal, gradeList, money, tasks] = await Promise.all([
        tasksRepo.listTasks(db, { scopeRegion: regionCode, overdue: true, today }, { offset: 0, limit: 20 }),
        departmentDirectory(db, regionCode),
        calendarOf(db, regionCode),
        grades(regionCode, year),
        budget(regionCode, year),
        tasksRepo.taskYearFigures(db, regionCode, year, today),
      ]);
      return {
        year,
        today,
        overdueTasks: rows.map((r) => toTaskView(r, directory, cal, today)),
        tasks,
        assessment: gradeList,
        budget: money,
      };
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
export type YearlyReport = Awaited<ReturnType<ReportService['yearly']>>;
