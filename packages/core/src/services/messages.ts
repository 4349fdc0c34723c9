import type { Locale } from '../shared/messages.js';

/** Rule and error texts of the services module, merged into shared/messages.ts (keys start with `services.`). */
export const servicesMessages = {
  'services.attribute.codeFormat': {
    'zh-CN': '属性代码为小写字母开头的字母、数字或下划线（至多40位）',
    'en-US': 'An attribute code starts with a lower-case letter, then letters, digits or underscores (up to 40)',
  },
  'services.attribute.valuesRequired': { 'zh-CN': '选项类属性须列出选项', 'en-US': 'A list attribute needs its options' },
  'services.attribute.valuesNotAllowed': { 'zh-CN': '只有选项类属性才有选项', 'en-US': 'Only list attributes have options' },
  'services.attribute.duplicateValue': { 'zh-CN': '选项代码重复', 'en-US': 'An option key is used twice' },
  'services.attribute.duplicateCode': { 'zh-CN': '属性代码重复', 'en-US': 'An attribute code is used twice' },
  'services.attribute.unknown': { 'zh-CN': '该服务没有这个属性', 'en-US': 'This service has no such attribute' },
  'services.attribute.notNumber': { 'zh-CN': '应为数字', 'en-US': 'Must be a number' },
  'services.attribute.notDatetime': {
    'zh-CN': '应为日期或带时区的日期时间（ISO 8601）',
    'en-US': 'Must be a date or a date-time with its zone (ISO 8601)',
  },
  'services.attribute.notOption': { 'zh-CN': '不是该属性的可选项', 'en-US': 'Not one of the options of this attribute' },
  'services.catalogue.codeFormat': {
    'zh-CN': '服务代码为大写字母开头的大写字母、数字或连字符（2–32位）',
    'en-US': 'A service code starts with a capital letter, then capitals, digits or hyphens (2–32)',
  },
  'services.catalogue.codeTaken': { 'zh-CN': '本地区已有该服务代码', 'en-US': 'This service code is already used in the region' },
  'services.catalogue.unknownInstitution': {
    'zh-CN': '不是本地区提供该类服务的机构',
    'en-US': 'Not an institution of the region serving this category',
  },
  'services.service.unknown': {
    'zh-CN': '没有这项服务，或已停止受理',
    'en-US': 'No such service, or it no longer takes requests',
  },
  'services.reason.required': { 'zh-CN': '请填写原因', 'en-US': 'Give the reason' },
  'services.dispatch.noInstitution': { 'zh-CN': '请选择至少一家服务机构', 'en-US': 'Choose at least one institution' },
  'services.dispatch.sameInstitutions': {
    'zh-CN': '转办须选择与当前不同的服务机构',
    'en-US': 'A transfer needs institutions other than the current ones',
  },
  'services.rating.range': { 'zh-CN': '评分为1至5分', 'en-US': 'The rating is 1 to 5' },
  'services.reopen.windowClosed': {
    'zh-CN': '已超过可重新办理的期限',
    'en-US': 'The time for re-opening this request has passed',
  },
  'services.merge.target': {
    'zh-CN': '合并目标须为本地区另一件未关闭的诉求',
    'en-US': 'Merge into another open request of the region',
  },
  'services.assignment.none': {
    'zh-CN': '本机构在该诉求中没有待办的任务',
    'en-US': 'Your institution has no open part in this request',
  },
  'services.question.none': { 'zh-CN': '没有待回答的问题', 'en-US': 'There is no question to answer' },
  'services.enterpriseRequired': {
    'zh-CN': '只有绑定企业的用户可以提交诉求',
    'en-US': 'Only users bound to an enterprise can submit requests',
  },
} as const satisfies Record<string, Record<Locale, string>>;
