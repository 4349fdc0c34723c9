import type { Locale } from '../shared/messages.js';

/** Rule and error texts of the supervision module, merged into shared/messages.ts (keys start with `supervision.`). */
export const supervisionMessages = {
  'supervision.plan.emptyPool': {
    'zh-CN': '筛选条件下没有可抽取的检查对象',
    'en-US': 'No target in the directory matches the plan’s filters',
  },
  'supervision.plan.openInspections': {
    'zh-CN': '尚有检查未录入结果，不能结束计划',
    'en-US': 'Some inspections have no result yet: the plan cannot be closed',
  },
  'supervision.period.order': { 'zh-CN': '结束日期不能早于开始日期', 'en-US': 'The end date cannot be before the start date' },
  'supervision.seed.tooEarly': {
    'zh-CN': '随机种子须在公告的开奖日期当天或之后录入',
    'en-US': 'The seed can be entered only on or after its announced date',
  },
  'supervision.seed.dateNotFuture': {
    'zh-CN': '随机种子的公布日期须晚于锁定名录之日',
    'en-US': 'The seed must become known after the pool is committed: choose a later date',
  },
  'supervision.inspectors.tooFew': {
    'zh-CN': '回避后可抽取的执法检查人员不足（每个对象至少2人）',
    'en-US': 'Too few inspectors without a tie remain for a target (at least 2 per check)',
  },
  'supervision.inspector.certificateDuplicate': {
    'zh-CN': '该执法证号已登记',
    'en-US': 'An inspector with this certificate number is already registered',
  },
  'supervision.item.codeDuplicate': { 'zh-CN': '该事项编码已存在', 'en-US': 'An item with this code already exists' },
  'supervision.unknownReference': {
    'zh-CN': '所选记录不存在或不在本辖区',
    'en-US': 'The chosen record does not exist in your region',
  },
  'supervision.correctBy.required': {
    'zh-CN': '责令限期整改须填写整改期限（不早于检查日期）',
    'en-US': 'An order to correct needs a deadline on or after the inspection date',
  },
  'supervision.inspectedOn.beforeDraw': {
    'zh-CN': '检查日期不能早于抽取日期',
    'en-US': 'The inspection date cannot be before the draw',
  },
  'supervision.publish.notReady': {
    'zh-CN': '尚未形成结果，不能公示',
    'en-US': 'There is no final result to publish yet',
  },
  'supervision.publish.already': { 'zh-CN': '该结果已公示', 'en-US': 'This result is already published' },
  'supervision.samplers.tooFew': { 'zh-CN': '抽样人员不得少于2人', 'en-US': 'A sample needs at least 2 samplers' },
  'supervision.sample.fromGoodsForSale': {
    'zh-CN': '样品应从市场待销产品中随机抽取',
    'en-US': 'Samples are taken at random from goods for sale',
  },
  'supervision.sample.freeOfCharge': {
    'zh-CN': '抽样不得向被抽查企业收取费用',
    'en-US': 'Sampling is at no cost to the firm',
  },
  'supervision.sample.reserveRequired': {
    'zh-CN': '应封存备样，数量不少于1',
    'en-US': 'A reserve sample of at least 1 must be sealed',
  },
  'supervision.results.required': {
    'zh-CN': '请至少录入一个检验项目的结果',
    'en-US': 'Enter the result of at least one test item',
  },
  'supervision.objection.notNotified': {
    'zh-CN': '检验结果尚未送达企业',
    'en-US': 'The result has not reached the firm yet',
  },
  'supervision.objection.late': {
    'zh-CN': '已超过收到检验结果之日起15日的复检申请期限',
    'en-US': 'More than 15 days have passed since the result was received: too late to ask for a re-test',
  },
  'supervision.objection.once': { 'zh-CN': '复检只能申请一次', 'en-US': 'A re-test may be requested only once' },
  'supervision.objection.passed': {
    'zh-CN': '检验结论为合格，无需复检',
    'en-US': 'The sample passed: there is nothing to re-test',
  },
  'supervision.objection.windowOpen': {
    'zh-CN': '企业复检申请期限尚未届满',
    'en-US': 'The firm’s window to ask for a re-test is still open',
  },
  'supervision.retest.sameLab': {
    'zh-CN': '复检须由原检验机构以外的机构承担',
    'en-US': 'The re-test must be done by a different lab',
  },
  'supervision.rectification.notDue': {
    'zh-CN': '整改期限尚未届满，不能认定未整改',
    'en-US': 'The deadline to correct has not passed: “not corrected” cannot be found yet',
  },
  'supervision.signal.gradeTooLow': {
    'zh-CN': '风险等级为低的信号不转为专项抽查',
    'en-US': 'A low-graded signal is not turned into a targeted plan',
  },
} as const satisfies Record<string, Record<Locale, string>>;
