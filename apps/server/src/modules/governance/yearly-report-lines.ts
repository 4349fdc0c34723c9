import { formatYuan } from '@qd/core';
import type { YearlyReport } from './report.service.js';

export interface ReportLine {
  kind: 'title' | 'subtitle' | 'heading' | 'subheading' | 'text' | 'item';
  text: string;
}

/**
 * The yearly work report as the lines of its PDF, in Chinese (the official language of the
 * report). Kept apart from the drawing so that a test can check every character against the
 * embedded font.
 */
export function yearlyReportLines(r: YearlyReport): ReportLine[] {
  const out: ReportLine[] = [];
  const add = (kind: ReportLine['kind'], text: string) => out.push({ kind, text });
  add('title', `${r.regionName ?? r.regionCode} ${r.year} 年度质量工作报告`);
  add('subtitle', `生成日期：${r.generatedOn}`);
  add('heading', '一、联席会议与议定事项');
  add(
    'text',
    `全年召开联席会议 ${r.meetings.held} 次（其中例会 ${r.meetings.regular} 次），形成议定事项 ${r.meetings.resolutions} 项。`,
  );
  add('heading', '二、督办任务');
  const pct = r.tasks.onTimeBasisPoints === null ? '—' : `${(r.tasks.onTimeBasisPoints / 100).toFixed(2)}%`;
  add(
    'text',
    `督办任务 ${r.tasks.total} 项，到期 ${r.tasks.due} 项，已办结 ${r.tasks.closed} 项，其中按期办结 ${r.tasks.closedOnTime} 项（按期办结率 ${pct}），逾期未办结 ${r.tasks.overdue} 项。`,
  );
  add('heading', '三、成员单位绩效考评');
  if (r.assessment.results.length === 0) add('text', '本年度考评结果尚未计算。');
  else {
    add('text', r.assessment.state === 'locked' ? '考评结果已审定：' : '考评结果（未审定）：');
    for (const g of r.assessment.results)
      add('item', `${g.departmentName}：${(g.totalHundredths / 100).toFixed(2)} 分，${g.grade} 等`);
  }
  add('heading', '四、质量工作经费');
  const t = r.budget.totals;
  add(
    'text',
    `预算合计 ${formatYuan(t.allocatedFen)}，已承诺未支付 ${formatYuan(t.committedFen)}，已支付 ${formatYuan(t.paidFen)}，结余 ${formatYuan(t.remainingFen)}。`,
  );
  for (const l of r.budget.lines) {
    add(
      'item',
      `${l.name}：预算 ${formatYuan(l.allocatedFen)}，已承诺 ${formatYuan(l.committedFen)}，已支付 ${formatYuan(l.paidFen)}，结余 ${formatYuan(l.remainingFen)}`,
    );
  }
  add('heading', '五、各项工作主要数据');
  for (const h of r.headlines) {
    add('subheading', h.title.zh);
    for (const f of h.figures) add('item', `${f.label.zh}：${f.value}${f.unit?.zh ?? ''}`);
  }
  return out;
}
