import { formatYuan, type Grade } from '@qd/core';
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
      const title = `${r.regionName ?? r.regionCode} ${year} 年度质量工作报告`;
      const bytes = await renderPdf({ title, subject: '质量强区工作年度报告', createdAt: deps.clock.now() }, (doc) => {
        doc.font(PDF_FONT.bold).fontSize(18).text(title, { align: 'center' });
        doc.moveDown(0.3).font(PDF_FONT.regular).fontSize(10).text(`生成日期：${r.generatedOn}`, { align: 'center' });
        const heading = (text: string) =>
          doc.moveDown(1).font(PDF_FONT.bold).fontSize(13).text(text).font(PDF_FONT.regular).fontSize(11).moveDown(0.3);
        heading('一、联席会议与议定事项');
        doc.text(
          `全年召开联席会议 ${r.meetings.held} 次（其中例会 ${r.meetings.regular} 次），形成议定事项 ${r.meetings.resolutions} 项。`,
        );
        heading('二、督办任务');
        const pct = r.tasks.onTimeBasisPoints === null ? '—' : `${(r.tasks.onTimeBasisPoints / 100).toFixed(2)}%`;
        doc.text(
          `督办任务 ${r.tasks.total} 项，已办结 ${r.tasks.closed} 项，其中按期办结 ${r.tasks.closedOnTime} 项（按期办结率 ${pct}），逾期未办结 ${r.tasks.overdue} 项。`,
        );
        heading('三、成员单位绩效考评');
        if (r.assessment.results.length === 0) doc.text('本年度考评结果尚未计算。');
        else {
          doc.text(r.assessment.state === 'locked' ? '考评结果已审定：' : '考评结果（未审定）：');
          for (const g of r.assessment.results)
            doc.text(`${g.departmentName}：${(g.totalHundredths / 100).toFixed(2)} 分，${g.grade} 等`, { indent: 14 });
        }
        heading('四、质量工作经费');
        const t = r.budget.totals;
        doc.text(
          `预算合计 ${formatYuan(t.allocatedFen)}，已承诺未支付 ${formatYuan(t.committedFen)}，已支付 ${formatYuan(t.paidFen)}，结余 ${formatYuan(t.remainingFen)}。`,
        );
        for (const l of r.budget.lines) {
          doc.text(
            `${l.name}：预算 ${formatYuan(l.allocatedFen)}，已承诺 ${formatYuan(l.committedFen)}，已支付 ${formatYuan(l.paidFen)}，结余 ${formatYuan(l.remainingFen)}`,
            { indent: 14 },
          );
        }
        heading('五、各项工作主要数据');
        for (const h of r.headlines) {
          doc.font(PDF_FONT.bold).text(h.title.zh).font(PDF_FONT.regular);
          for (const f of h.figures) doc.text(`${f.label.zh}：${f.value}${f.unit?.zh ?? ''}`, { indent: 14 });
        }
      });
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
