import type { Locale } from '../shared/messages.js';

/** Rule and error texts of the governance module, merged into shared/messages.ts (keys start with `governance.`). */
export const governanceMessages = {
  'governance.group.alreadyMember': {
    'zh-CN': '该部门在此期间已是领导小组成员',
    'en-US': 'The department is already a member of the leadership group in this period',
  },
  'governance.group.untilBeforeSince': {
    'zh-CN': '结束日期不能早于开始日期',
    'en-US': 'The end date cannot be before the start date',
  },
  'governance.group.notDepartment': { 'zh-CN': '所选单位不是本区的部门', 'en-US': 'Not a department of this region' },
  'governance.group.ended': { 'zh-CN': '该成员资格已结束', 'en-US': 'This membership has already ended' },
  'governance.group.departmentNotMember': {
    'zh-CN': '该部门不是领导小组的现任成员单位',
    'en-US': 'The department is not a current member of the leadership group',
  },
  'governance.meeting.attendanceIncomplete': {
    'zh-CN': '尚有成员单位未登记出席情况',
    'en-US': 'Attendance is not recorded for every member department',
  },
  'governance.meeting.minutesMissing': { 'zh-CN': '请先填写会议纪要', 'en-US': 'Record the minutes first' },
  'governance.meeting.notHeld': {
    'zh-CN': '会议召开后、纪要印发前才能登记议定事项',
    'en-US': 'Resolutions are recorded after the meeting is held and before its minutes are published',
  },
  'governance.meeting.notEditable': {
    'zh-CN': '会议纪要已印发，不能再修改',
    'en-US': 'The minutes are published and can no longer change',
  },
  'governance.task.returnNeedsReason': { 'zh-CN': '退回整改须说明理由', 'en-US': 'A return for rework needs a reason' },
  'governance.task.deadlineRequired': {
    'zh-CN': '请填写完成期限（日期或工作日数）',
    'en-US': 'Give a deadline (a date or a number of working days)',
  },
  'governance.task.deadlineBeforeMeeting': {
    'zh-CN': '完成期限不能早于会议日期',
    'en-US': 'The deadline cannot be before the meeting',
  },
  'governance.task.leadIsSupporting': {
    'zh-CN': '牵头部门不能同时是配合部门',
    'en-US': 'The lead department cannot also be a supporting department',
  },
  'governance.assessment.noIndicators': { 'zh-CN': '考核方案至少需要一项指标', 'en-US': 'A scheme needs at least one indicator' },
  'governance.assessment.duplicateIndicator': { 'zh-CN': '指标编号重复', 'en-US': 'An indicator code is used twice' },
  'governance.assessment.weightsNot100': { 'zh-CN': '各指标权重之和应为100分', 'en-US': 'The weights must add up to 100 points' },
  'governance.assessment.sourceMissing': {
    'zh-CN': '自动计算的指标须指定数据来源',
    'en-US': 'An automatic indicator needs a data source',
  },
  'governance.assessment.unknownSource': { 'zh-CN': '没有这个数据来源', 'en-US': 'There is no such data source' },
  'governance.assessment.floorAboveTarget': {
    'zh-CN': '计分下限须低于目标值',
    'en-US': 'The scoring floor must be below the target',
  },
  'governance.assessment.thresholdsOrder': {
    'zh-CN': '等次分数线应满足 100 ≥ A > B > C ≥ 0',
    'en-US': 'Grade thresholds must satisfy 100 ≥ A > B > C ≥ 0',
  },
  'governance.assessment.schemeExists': { 'zh-CN': '该年度的考核方案已存在', 'en-US': 'This year already has a scheme' },
  'governance.assessment.locked': { 'zh-CN': '考核结果已审定锁定，不能再修改', 'en-US': 'The results are approved and locked' },
  'governance.assessment.notComputed': { 'zh-CN': '尚未计算考核结果', 'en-US': 'The results have not been computed yet' },
  'governance.assessment.appealsOpen': {
    'zh-CN': '尚有未处理的申诉，不能审定',
    'en-US': 'Appeals are still open: the results cannot be approved',
  },
  'governance.assessment.appealExists': {
    'zh-CN': '每个部门只能对考核结果申诉一次',
    'en-US': 'A department may appeal its result only once',
  },
  'governance.assessment.appealDecided': { 'zh-CN': '该申诉已处理', 'en-US': 'This appeal has already been decided' },
  'governance.assessment.notEntered': {
    'zh-CN': '该指标为自动计算，不能手工录入',
    'en-US': 'This indicator is computed, not entered',
  },
  'governance.assessment.unknownIndicator': { 'zh-CN': '方案中没有这项指标', 'en-US': 'The scheme has no such indicator' },
  'governance.assessment.numeratorAboveDenominator': {
    'zh-CN': '完成数不能大于应完成数',
    'en-US': 'The count achieved cannot exceed the count due',
  },
  'governance.budget.amountInvalid': {
    'zh-CN': '金额应为正整数（单位：分）',
    'en-US': 'An amount is a positive whole number of fen',
  },
  'governance.budget.overBudget': {
    'zh-CN': '超出预算科目余额，须先登记预算调剂',
    'en-US': 'Beyond what remains on the budget line: record a reallocation first',
  },
  'governance.budget.sameLine': { 'zh-CN': '调出和调入科目不能相同', 'en-US': 'Reallocation needs two different lines' },
  'governance.budget.lineDuplicate': {
    'zh-CN': '该年度已有同编号的预算科目',
    'en-US': 'This year already has a line with this code',
  },
  'governance.budget.commitmentOtherLine': {
    'zh-CN': '该预算承诺不属于这个科目',
    'en-US': 'The commitment belongs to another line',
  },
  'governance.budget.commitmentClosed': { 'zh-CN': '该预算承诺已付清或已撤销', 'en-US': 'The commitment is paid or released' },
  'governance.budget.otherYear': { 'zh-CN': '调剂只能在同一年度的科目之间进行', 'en-US': 'Reallocation stays within one year' },
} as const satisfies Record<string, Record<Locale, string>>;
