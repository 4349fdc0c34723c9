/**
 * Bilingual messages for validation and domain errors. Core rules report a message *key*;
 * the server translates it for the request's language and the web app for the UI's, so a rule
 * is written once and explained the same way everywhere.
 */
import { awardsMessages } from '../awards/messages.js';
import { governanceMessages } from '../governance/messages.js';
import { servicesMessages } from '../services/messages.js';
import { supervisionMessages } from '../supervision/messages.js';

export type Locale = 'zh-CN' | 'en-US';

const foundationMessages = {
  'validation.required': { 'zh-CN': '必填项', 'en-US': 'Required' },
  'validation.invalidType': { 'zh-CN': '类型不正确', 'en-US': 'Wrong type' },
  'validation.tooShort': { 'zh-CN': '内容过短', 'en-US': 'Too short' },
  'validation.tooLong': { 'zh-CN': '内容过长', 'en-US': 'Too long' },
  'validation.tooSmall': { 'zh-CN': '数值过小', 'en-US': 'Too small' },
  'validation.tooBig': { 'zh-CN': '数值过大', 'en-US': 'Too large' },
  'validation.invalidOption': { 'zh-CN': '不是允许的选项', 'en-US': 'Not one of the allowed options' },
  'validation.invalidFormat': { 'zh-CN': '格式不正确', 'en-US': 'Invalid format' },
  'validation.unknownField': { 'zh-CN': '不允许的字段', 'en-US': 'Field not allowed' },
  'validation.invalid': { 'zh-CN': '取值无效', 'en-US': 'Invalid value' },
  'validation.illFormedText': {
    'zh-CN': '含有无效字符（孤立的代理码元或空字符）',
    'en-US': 'Contains characters that are not valid text (a lone surrogate or NUL)',
  },
  'file.empty': { 'zh-CN': '文件为空', 'en-US': 'The file is empty' },
  'file.tooLarge': { 'zh-CN': '文件超过大小限制', 'en-US': 'The file is larger than allowed' },
  'file.typeNotAllowed': { 'zh-CN': '不允许的文件类型', 'en-US': 'This type of file is not allowed' },
  'file.contentMismatch': {
    'zh-CN': '文件内容与其类型不符',
    'en-US': 'The file content does not match its type',
  },
  'file.nameInvalid': { 'zh-CN': '文件名无效', 'en-US': 'Invalid file name' },
  'file.multipartRequired': {
    'zh-CN': '请以 multipart/form-data 方式上传文件',
    'en-US': 'Upload the file as multipart/form-data',
  },
  'file.integrity': {
    'zh-CN': '文件校验失败，存储内容已损坏',
    'en-US': 'The stored file failed its checksum: its content is damaged',
  },
  'date.invalid': { 'zh-CN': '日期无效，应为 YYYY-MM-DD', 'en-US': 'Invalid date, expected YYYY-MM-DD' },
  'date.future': { 'zh-CN': '日期不能晚于今天', 'en-US': 'Date cannot be in the future' },
  'creditCode.length': {
    'zh-CN': '统一社会信用代码应为18位',
    'en-US': 'A unified social credit code has 18 characters',
  },
  'creditCode.charset': {
    'zh-CN': '统一社会信用代码含有不允许的字符（不含 I、O、Z、S、V）',
    'en-US': 'The credit code contains a character that is not allowed (no I, O, Z, S, V)',
  },
  'creditCode.checkDigit': {
    'zh-CN': '统一社会信用代码校验位错误',
    'en-US': 'The credit code check character is wrong',
  },
  'creditCode.duplicate': {
    'zh-CN': '该统一社会信用代码已登记',
    'en-US': 'An organization with this credit code is already registered',
  },
  'regionCode.format': { 'zh-CN': '行政区划代码应为6位数字', 'en-US': 'A region code has 6 digits' },
  'regionCode.unknown': { 'zh-CN': '未知的行政区划代码', 'en-US': 'Unknown region code' },
  'industry.section': { 'zh-CN': '国民经济行业门类应为 A–T', 'en-US': 'Industry section must be A–T' },
  'industry.code': {
    'zh-CN': '行业代码应为2–4位数字，且属于所选门类',
    'en-US': 'Industry code must be 2–4 digits within the chosen section',
  },
  'phone.format': { 'zh-CN': '电话号码格式不正确', 'en-US': 'Invalid phone number' },
  'email.format': { 'zh-CN': '电子邮箱格式不正确', 'en-US': 'Invalid e-mail address' },
  'password.length': {
    'zh-CN': '密码至少12位',
    'en-US': 'The password needs at least 12 characters',
  },
  'password.classes': {
    'zh-CN': '密码须包含大写字母、小写字母、数字、符号中的至少三类',
    'en-US': 'The password needs 3 of: upper case, lower case, digits, symbols',
  },
  'password.containsUsername': {
    'zh-CN': '密码不能包含用户名',
    'en-US': 'The password must not contain the user name',
  },
  'password.same': {
    'zh-CN': '新密码不能与当前密码相同',
    'en-US': 'The new password must differ from the current one',
  },
  'password.wrongCurrent': { 'zh-CN': '当前密码不正确', 'en-US': 'The current password is wrong' },
  'username.format': {
    'zh-CN': '用户名为3–32位字母、数字、点、下划线或连字符',
    'en-US': 'User names have 3–32 letters, digits, dots, underscores or hyphens',
  },
  'username.taken': { 'zh-CN': '用户名已被使用', 'en-US': 'This user name is taken' },
  'auth.invalidCredentials': {
    'zh-CN': '用户名或密码错误',
    'en-US': 'Wrong user name or password',
  },
  'auth.locked': {
    'zh-CN': '登录失败次数过多，账号已锁定15分钟',
    'en-US': 'Too many failed log-ins: the account is locked for 15 minutes',
  },
  'auth.disabled': { 'zh-CN': '账号已停用', 'en-US': 'This account is disabled' },
  'auth.required': { 'zh-CN': '请先登录', 'en-US': 'Please log in' },
  'auth.expired': { 'zh-CN': '会话已过期，请重新登录', 'en-US': 'Your session expired: log in again' },
  'auth.csrf': {
    'zh-CN': '缺少或错误的 CSRF 令牌',
    'en-US': 'Missing or wrong CSRF token',
  },
  'auth.passwordChangeRequired': {
    'zh-CN': '请先修改初始密码',
    'en-US': 'Change your password first',
  },
  'auth.forbidden': { 'zh-CN': '没有执行此操作的权限', 'en-US': 'You are not allowed to do this' },
  'auth.rateLimited': {
    'zh-CN': '请求过于频繁，请稍后再试',
    'en-US': 'Too many requests: try again later',
  },
  notFound: { 'zh-CN': '未找到', 'en-US': 'Not found' },
  conflict: { 'zh-CN': '与现有数据冲突', 'en-US': 'Conflicts with existing data' },
  badRequest: { 'zh-CN': '请求格式错误', 'en-US': 'Malformed request' },
  internal: { 'zh-CN': '服务器内部错误', 'en-US': 'Internal server error' },
  unavailable: { 'zh-CN': '数据库暂时不可用，请稍后重试', 'en-US': 'The database is briefly unavailable: try again' },
  'import.noRows': { 'zh-CN': '文件中没有数据行', 'en-US': 'The file has no data rows' },
  'import.badFile': {
    'zh-CN': '无法读取文件，请上传 .xlsx 或 .csv',
    'en-US': 'Cannot read the file: upload an .xlsx or .csv',
  },
  'import.tooManyRows': { 'zh-CN': '单次导入行数超过上限', 'en-US': 'Too many rows for one import' },
  'import.duplicateInFile': {
    'zh-CN': '文件中重复的统一社会信用代码',
    'en-US': 'Credit code repeated in the file',
  },
  'import.rowsInvalid': {
    'zh-CN': '部分行有错误，未导入任何数据',
    'en-US': 'Some rows have errors: nothing was imported',
  },
  'organization.wrongKind': {
    'zh-CN': '该机构类型不支持此操作',
    'en-US': 'This kind of organization does not support this',
  },
  'roles.separatedDuties': {
    'zh-CN': '系统管理员、安全管理员、审计管理员三个角色不能由同一账号兼任',
    'en-US': 'System, security and audit administration cannot be held by one account',
  },
  'roles.empty': { 'zh-CN': '至少选择一个角色', 'en-US': 'Choose at least one role' },
  'roles.organizationRequired': {
    'zh-CN': '该角色须关联一个机构',
    'en-US': 'This role needs an organization',
  },
  'region.outOfScope': {
    'zh-CN': '不能在您的管辖区域之外创建数据',
    'en-US': 'You cannot create data outside your region',
  },
  'draw.seedInvalid': {
    'zh-CN': '随机种子只能由非负整数组成',
    'en-US': 'The seed may contain only whole numbers of 0 or more',
  },
  'draw.seedEmpty': {
    'zh-CN': '随机种子至少需要一个来源，每个来源至少一个数（来源之间用 / 分隔）',
    'en-US': 'The seed needs at least one source with at least one number (sources separated by /)',
  },
  'draw.countOutOfRange': {
    'zh-CN': '抽取数量须为整数，且不能超过名录中的数量',
    'en-US': 'The number to draw must be a whole number no larger than the pool',
  },
  'draw.poolTooLarge': { 'zh-CN': '抽取名录过大', 'en-US': 'The pool is too large' },
  'draw.poolDuplicate': { 'zh-CN': '抽取名录中有重复的编号', 'en-US': 'The pool lists an id more than once' },
  'draw.poolIdInvalid': {
    'zh-CN': '名录编号不能为空，不能有首尾空格或控制字符',
    'en-US': 'Pool ids must not be empty or have surrounding spaces or control characters',
  },
  'draw.verify.algorithm': { 'zh-CN': '不支持的抽取算法', 'en-US': 'Unknown draw algorithm' },
  'draw.verify.poolOrder': {
    'zh-CN': '公布的名录未按规范顺序排列',
    'en-US': 'The published pool is not in its canonical (sorted) order',
  },
  'draw.verify.poolHash': {
    'zh-CN': '名录哈希值与公布的名录不符',
    'en-US': 'The pool hash does not match the published pool',
  },
  'draw.verify.result': {
    'zh-CN': '抽取结果与按名录和随机种子重新计算的结果不符',
    'en-US': 'The result differs from the one recomputed from the pool and the seed',
  },
  'calendar.wrongYear': { 'zh-CN': '日期不属于该年度', 'en-US': 'The date is not in this year' },
  'calendar.holidayAndWorkday': {
    'zh-CN': '同一天不能既是节假日又是调休工作日',
    'en-US': 'A day cannot be both a holiday and an adjusted working day',
  },
  'calendar.workdayNotWeekend': {
    'zh-CN': '调休工作日应为周六或周日',
    'en-US': 'An adjusted working day must be a Saturday or Sunday',
  },
  'calendar.duplicateYear': { 'zh-CN': '年度重复', 'en-US': 'The year is listed twice' },
  'transition.unknown': { 'zh-CN': '没有这个流程操作', 'en-US': 'There is no such workflow step' },
  'transition.forbidden': { 'zh-CN': '您不能执行这个流程操作', 'en-US': 'You may not take this workflow step' },
  'transition.notAllowedFromState': {
    'zh-CN': '当前状态下不能执行这个流程操作',
    'en-US': 'This workflow step is not possible in the current state',
  },
} as const satisfies Record<string, Record<Locale, string>>;

/** The foundation's texts, then each feature module's (`<module>/messages.ts`). */
export const messages = {
  ...foundationMessages,
  ...awardsMessages,
  ...servicesMessages,
  ...supervisionMessages,
  ...governanceMessages,
} as const satisfies Record<string, Record<Locale, string>>;

export type MessageKey = keyof typeof messages;

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(messages, value);
}

/** Translates a key; unknown strings pass through so a plain message is never lost. */
export function translate(keyOrText: string, locale: Locale): string {
  return isMessageKey(keyOrText) ? messages[keyOrText][locale] : keyOrText;
}

/** zh-CN unless the client clearly prefers English (the product is Chinese first). */
export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en-US' : 'zh-CN';
}
