import { inspectionsByDepartment } from '../supervision/index.js';
import { serviceRequestsDueAndOnTime } from '../services/index.js';
import type { AssessmentSource } from './assessment-sources.js';
import * as groupRepo from './group.repo.js';

/**
 * Assessment sources drawn from the other modules' records, through their index.ts. A
 * department a source has no figure for scores as the indicator's "no data" rule says.
 */

/**
 * The NQI station is run by the leadership group's office (the market-supervision branch), so
 * the station's requests due in the year count for the department holding the office role on the
 * day the assessment is computed.
 */
export const serviceRequestsHandledOnTime: AssessmentSource = {
  name: 'services.requests.handledOnTime',
  label: {
    zh: 'NQI 服务请求按时办结（按时办结数/到期数，计入领导小组办公室）',
    en: 'NQI service requests handled on time (on time / due; counted for the group’s office)',
  },
  module: 'services',
  async figures(db, regionCode, year, departmentIds, asOf) {
    const office = (await groupRepo.listMembers(db, regionCode, asOf)).find((m) => m.groupRole === 'office');
    if (!office || !departmentIds.includes(office.departmentId)) return new Map();
    const f = await serviceRequestsDueAndOnTime(db, regionCode, year, asOf);
    return new Map([
      [office.departmentId, { numerator: f.onTime, denominator: f.due, evidence: f.late.map((n) => `未按时: ${n}`) }],
    ]);
  },
};

/** Inspections drawn in the year's spot-check plans a department takes part in, and how many it recorded. */
export const spotChecksCompletedVsPlan: AssessmentSource = {
  name: 'supervision.spotChecks.completedVsPlan',
  label: {
    zh: '双随机抽查完成（已记录检查数/参与计划抽中户数）',
    en: 'Spot checks completed (inspections recorded / drawn in the plans it takes part in)',
  },
  module: 'supervision',
  async figures(db, regionCode, year, departmentIds, asOf) {
    const rows = await inspectionsByDepartment(db, regionCode, year, departmentIds, asOf);
    return new Map(
      rows
        .filter((r) => r.planned > 0)
        .map((r) => [
          r.departmentId,
          { numerator: r.completed, denominator: r.planned, evidence: r.open.map((c) => `未完成: ${c}`) },
        ]),
    );
  },
};
