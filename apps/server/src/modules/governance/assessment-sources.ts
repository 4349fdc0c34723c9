import type { Figure } from '@qd/core';
import type { Executor } from '../../platform/db/database.js';
import * as meetingsRepo from './meetings.repo.js';
import * as tasksRepo from './tasks.repo.js';
import { serviceRequestsHandledOnTime, spotChecksCompletedVsPlan } from './module-sources.js';

/**
 * The named data sources an automatic assessment indicator can draw on. Each turns the
 * platform's records into one figure per department (numerator / denominator, with the records
 * behind it as evidence). The name is stable: it is stored in the scheme and shown beside the
 * indicator, so a grade can be traced to where its figure came from.
 *
 * `asOf` is the last day counted (the computation date, at most 31 December of the year): a
 * task not yet due is not yet a miss.
 */
export interface AssessmentSource {
  name: string;
  label: { zh: string; en: string };
  /** The module whose records the figure comes from. */
  module: string;
  figures(db: Executor, regionCode: string, year: number, departmentIds: string[], asOf: string): Promise<Map<string, Figure>>;
}

const tasksClosedOnTime: AssessmentSource = {
  name: 'governance.tasks.closedOnTime',
  label: { zh: '督办任务按期办结（办结数/到期数）', en: 'Supervised tasks closed on time (closed on time / due)' },
  module: 'governance',
  async figures(db, regionCode, year, departmentIds, asOf) {
    const rows = await tasksRepo.closedOnTimeByDepartment(db, regionCode, year, departmentIds, asOf);
    return new Map(
      rows.map((r) => [r.departmentId, { numerator: r.onTime, denominator: r.due, evidence: r.late.map((c) => `未按期: ${c}`) }]),
    );
  },
};

const meetingsAttended: AssessmentSource = {
  name: 'governance.meetings.attended',
  label: { zh: '联席会议出席（出席或委托/应出席）', en: 'Joint meetings attended (present or delegated / expected)' },
  module: 'governance',
  async figures(db, regionCode, year, departmentIds) {
    const rows = await meetingsRepo.attendanceByDepartment(db, regionCode, year, departmentIds);
    return new Map(
      rows.map((r) => [
        r.departmentId,
        { numerator: r.attended, denominator: r.marked, evidence: r.missed.map((c) => `缺席: ${c}`) },
      ]),
    );
  },
};

const progressReportedOnTime: AssessmentSource = {
  name: 'governance.progress.reportedOnTime',
  label: {
    zh: '进展按时报送（期限前报送进展的任务/到期任务）',
    en: 'Progress reported on time (tasks with a report by the deadline / due)',
  },
  module: 'governance',
  async figures(db, regionCode, year, departmentIds, asOf) {
    const rows = await tasksRepo.progressOnTimeByDepartment(db, regionCode, year, departmentIds, asOf);
    return new Map(
      rows.map((r) => [
        r.departmentId,
        { numerator: r.reported, denominator: r.due, evidence: r.missing.map((c) => `未按时报送: ${c}`) },
      ]),
    );
  },
};

/**
 * Every source, by name: the governance module's own, then the other modules' (module-sources.ts,
 * read through their index.ts, never their tables). A new source is one more entry with the same
 * signature.
 */
export const ASSESSMENT_SOURCES: readonly AssessmentSource[] = [
  tasksClosedOnTime,
  meetingsAttended,
  progressReportedOnTime,
  serviceRequestsHandledOnTime,
  spotChecksCompletedVsPlan,
];

export function findSource(name: string): AssessmentSource | undefined {
  return ASSESSMENT_SOURCES.find((s) => s.name === name);
}
