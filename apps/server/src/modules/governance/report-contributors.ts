import type { Executor } from '../../platform/db/database.js';
import * as meetingsRepo from './meetings.repo.js';
import * as tasksRepo from './tasks.repo.js';
import { awardsContributor, servicesContributor, supervisionContributor } from './module-contributors.js';

/** One headline figure of the yearly report. */
export interface HeadlineFigure {
  key: string;
  label: { zh: string; en: string };
  value: number;
  unit?: { zh: string; en: string };
}

/**
 * A module's contribution to the yearly work report's "headline figures of the other modules".
 * Each reads its own module's records (through that module's index.ts) for a region and year.
 */
export interface ReportContributor {
  module: string;
  title: { zh: string; en: string };
  figures(db: Executor, regionCode: string, year: number, today: string): Promise<HeadlineFigure[]>;
}

const governanceContributor: ReportContributor = {
  module: 'governance',
  title: { zh: '领导小组与督办', en: 'Leadership group and supervised tasks' },
  async figures(db, regionCode, year, today) {
    const [m, t] = await Promise.all([
      meetingsRepo.meetingYearFigures(db, regionCode, year),
      tasksRepo.taskYearFigures(db, regionCode, year, today),
    ]);
    const piece = { zh: '项', en: '' };
    return [
      {
        key: 'meetingsHeld',
        label: { zh: '召开联席会议', en: 'Joint meetings held' },
        value: m.held,
        unit: { zh: '次', en: '' },
      },
      { key: 'resolutions', label: { zh: '议定事项', en: 'Resolutions adopted' }, value: m.resolutions, unit: piece },
      { key: 'tasks', label: { zh: '督办任务', en: 'Supervised tasks' }, value: t.total, unit: piece },
      { key: 'tasksClosedOnTime', label: { zh: '按期办结', en: 'Closed on time' }, value: t.closedOnTime, unit: piece },
      { key: 'tasksOverdue', label: { zh: '逾期未办结', en: 'Overdue and open' }, value: t.overdue, unit: piece },
    ];
  },
};

/** Every contributor, in the report's order: governance's own, then the other modules' (module-contributors.ts). */
export const REPORT_CONTRIBUTORS: readonly ReportContributor[] = [
  governanceContributor,
  awardsContributor,
  servicesContributor,
  supervisionContributor,
];
