import type { IndicatorDefinition } from './assessment-scoring.js';

/**
 * The default yearly scheme: three indicators from the governance module's own data, one entered
 * by the office with evidence. The office adapts weights, rules and thresholds per year, and may
 * add the services and supervision modules' sources (`services.requests.handledOnTime`,
 * `supervision.spotChecks.completedVsPlan`) where the district assesses them.
 */
export const DEFAULT_ASSESSMENT_INDICATORS: IndicatorDefinition[] = [
  {
    code: 'tasks_on_time',
    name: '督办任务按期办结率',
    weight: 40,
    mode: 'automatic',
    source: 'governance.tasks.closedOnTime',
    rule: { kind: 'proportional', targetPercent: 100, floorPercent: 60 },
    whenNoData: 'full',
  },
  {
    code: 'meetings_attended',
    name: '联席会议出席率',
    weight: 20,
    mode: 'automatic',
    source: 'governance.meetings.attended',
    rule: { kind: 'threshold', targetPercent: 90 },
    whenNoData: 'full',
  },
  {
    code: 'progress_on_time',
    name: '工作进展按时报送率',
    weight: 20,
    mode: 'automatic',
    source: 'governance.progress.reportedOnTime',
    rule: { kind: 'proportional', targetPercent: 100, floorPercent: 50 },
    whenNoData: 'full',
  },
  {
    code: 'quality_innovation',
    name: '质量工作创新与成效',
    weight: 20,
    mode: 'entered',
    source: null,
    rule: { kind: 'proportional', targetPercent: 100, floorPercent: 0 },
    whenNoData: 'zero',
  },
];
