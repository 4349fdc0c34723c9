import { awardYearFigures } from '../awards/index.js';
import { serviceRequestYearFigures } from '../services/index.js';
import { supervisionYearFigures } from '../supervision/index.js';
import type { ReportContributor } from './report-contributors.js';

/** The yearly work report's figures from the other modules, read through their index.ts. */

const piece = { zh: '项', en: '' };
const firms = { zh: '家', en: '' };
const percent = { zh: '%', en: '%' };
const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part * 1000) / whole) / 10 : 0);

export const awardsContributor: ReportContributor = {
  module: 'awards',
  title: { zh: '质量奖', en: 'Quality awards' },
  async figures(db, regionCode, year) {
    const f = await awardYearFigures(db, regionCode, year);
    return [
      { key: 'awardApplications', label: { zh: '质量奖申报', en: 'Award applications' }, value: f.submitted, unit: firms },
      { key: 'awardWinners', label: { zh: '获奖企业', en: 'Winners' }, value: f.winners, unit: firms },
      { key: 'awardNominations', label: { zh: '提名奖', en: 'Nomination awards' }, value: f.nominations, unit: firms },
      {
        key: 'awardPrizeMoney',
        label: { zh: '奖励资金', en: 'Prize money' },
        value: f.prizeMoneyFen / 100,
        unit: { zh: '元', en: 'CNY' },
      },
    ];
  },
};

export const servicesContributor: ReportContributor = {
  module: 'services',
  title: { zh: 'NQI 一站式服务', en: 'NQI one-stop service' },
  async figures(db, regionCode, year) {
    const f = await serviceRequestYearFigures(db, regionCode, year);
    return [
      { key: 'serviceRequests', label: { zh: '受理服务请求', en: 'Service requests received' }, value: f.received, unit: piece },
      { key: 'serviceCompleted', label: { zh: '办结', en: 'Completed' }, value: f.completed, unit: piece },
      {
        key: 'serviceOnTimeRate',
        label: { zh: '按时办结率', en: 'Completed on time' },
        value: ratio(f.onTime, f.completed),
        unit: percent,
      },
      { key: 'serviceRating', label: { zh: '平均满意度（5分制）', en: 'Mean rating (of 5)' }, value: f.ratingHundredths / 100 },
    ];
  },
};

export const supervisionContributor: ReportContributor = {
  module: 'supervision',
  title: { zh: '质量监管', en: 'Supervision' },
  async figures(db, regionCode, year) {
    const f = await supervisionYearFigures(db, regionCode, year);
    return [
      { key: 'spotCheckPlans', label: { zh: '双随机抽查计划', en: 'Spot-check plans' }, value: f.plans, unit: piece },
      { key: 'inspectionsDrawn', label: { zh: '抽中检查对象', en: 'Targets drawn' }, value: f.inspectionsDrawn, unit: firms },
      {
        key: 'inspectionsRecorded',
        label: { zh: '完成检查', en: 'Inspections recorded' },
        value: f.inspectionsRecorded,
        unit: firms,
      },
      { key: 'inspectionsPublished', label: { zh: '结果已公示', en: 'Results published' }, value: f.published, unit: firms },
      {
        key: 'productChecks',
        label: { zh: '产品质量抽检', en: 'Product spot checks' },
        value: f.productChecks,
        unit: { zh: '批次', en: 'batches' },
      },
      {
        key: 'rectificationsClosed',
        label: { zh: '整改闭环', en: 'Rectifications closed' },
        value: f.rectificationsClosed,
        unit: piece,
      },
    ];
  },
};
