import type { Locale } from '../shared/messages.js';

/** Rule and error texts of the awards module, merged into shared/messages.ts (keys start with `awards.`). */
export const awardsMessages = {
  'awards.criteria.duplicateId': { 'zh-CN': '评价准则中的编号重复', 'en-US': 'An id is used twice in the criteria' },
  'awards.criteria.itemSum': {
    'zh-CN': '条目分值之和与类目分值不符',
    'en-US': 'The item points do not add up to the category points',
  },
  'awards.criteria.categorySum': {
    'zh-CN': '类目分值之和与总分不符',
    'en-US': 'The category points do not add up to the total',
  },
  'awards.score.percentage': {
    'zh-CN': '得分百分比应为0–100之间5的倍数',
    'en-US': 'A score percentage is a multiple of 5 from 0 to 100',
  },
  'awards.score.unknownItem': {
    'zh-CN': '该条目不属于本周期采用的评价准则',
    'en-US': 'This item is not part of the criteria this cycle uses',
  },
  'awards.score.duplicateItem': { 'zh-CN': '同一条目只能评分一次', 'en-US': 'An item can be scored only once' },
  'awards.normalisation.tooFewScores': {
    'zh-CN': '该专家评分数量不足，不计算宽严校正参考',
    'en-US': 'Too few scores from this expert for a severity adjustment',
  },
  'awards.normalisation.noSpread': {
    'zh-CN': '该专家各项评分完全相同，无法计算宽严校正参考',
    'en-US': 'This expert gave every item the same score: no severity adjustment',
  },
  'awards.quota.winners': { 'zh-CN': '获奖名额已满', 'en-US': 'The quota of winners is used up' },
  'awards.quota.nominations': { 'zh-CN': '提名奖名额已满', 'en-US': 'The quota of nomination awards is used up' },
  'awards.money.fen': {
    'zh-CN': '金额应为以分计的非负整数',
    'en-US': 'Amounts are whole numbers of fen, not negative',
  },
  'awards.calendar.order': {
    'zh-CN': '日期早于前一环节的日期',
    'en-US': 'This date comes before the date of the previous step',
  },
  'awards.eligibility.duplicateRule': { 'zh-CN': '同一资格条件重复设置', 'en-US': 'An eligibility rule is listed twice' },
  'awards.eligibility.yearsInOperation': {
    'zh-CN': '成立并经营满规定年限（专精特新“小巨人”企业可放宽）',
    'en-US': 'In operation for the required number of years (fewer for "little giant" firms)',
  },
  'awards.eligibility.noMajorAccident': {
    'zh-CN': '规定年限内未发生重大质量、安全、环境事故',
    'en-US': 'No major quality, safety or environmental accident in the required number of years',
  },
  'awards.eligibility.winnerLockout': {
    'zh-CN': '获得本级质量奖后须满规定年限方可再次申报',
    'en-US': 'A winner of this award may apply again only after the required number of years',
  },
  'awards.eligibility.lowerLevelAward': {
    'zh-CN': '须已获得下一级质量奖',
    'en-US': 'The award of the level below must be held',
  },
  'awards.eligibility.noRevocationBan': {
    'zh-CN': '未因被撤销质量奖而处于禁止申报期',
    'en-US': 'Not barred from applying after a revoked award',
  },
  'awards.eligibility.notMet': { 'zh-CN': '申报资格条件未全部满足', 'en-US': 'Not every eligibility rule is met' },
  'awards.transition.commentRequired': { 'zh-CN': '请填写说明理由', 'en-US': 'Give the reason' },
  'awards.selfAssessment.incomplete': {
    'zh-CN': '自评尚未覆盖全部条目',
    'en-US': 'The self-assessment does not cover every item yet',
  },
  'awards.applicationWindow.closed': { 'zh-CN': '不在申报时间内', 'en-US': 'The application window is not open' },
  'awards.reviewGroup.incomplete': {
    'zh-CN': '评审组人数不足或未指定组长',
    'en-US': 'The review group is too small or has no leader',
  },
  'awards.consensus.incomplete': {
    'zh-CN': '评审组尚未对全部条目形成共识评分',
    'en-US': 'The review group has not agreed a score for every item yet',
  },
  'awards.proposal.missing': {
    'zh-CN': '请选择拟授予质量奖或提名奖',
    'en-US': 'Choose whether to propose the award or a nomination award',
  },
  'awards.notice.notEnded': { 'zh-CN': '公示期尚未结束', 'en-US': 'The public notice has not ended yet' },
  'awards.objections.open': {
    'zh-CN': '尚有未处理完毕的异议',
    'en-US': 'An objection is still being handled',
  },
  'awards.objection.anonymous': {
    'zh-CN': '异议须实名提出，不受理匿名异议',
    'en-US': 'Objections must carry the real name: anonymous objections are not accepted',
  },
  'awards.objection.contact': {
    'zh-CN': '请填写有效的联系电话或电子邮箱',
    'en-US': 'Give a valid phone number or e-mail address',
  },
  'awards.objection.evidenceRequired': {
    'zh-CN': '异议须附证明材料',
    'en-US': 'An objection needs supporting evidence',
  },
  'awards.objection.outsideNotice': {
    'zh-CN': '异议应在公示期内提出',
    'en-US': 'Objections are accepted only during the public notice',
  },
  'awards.application.duplicate': {
    'zh-CN': '本企业已申报该周期',
    'en-US': 'Your organization has already applied to this cycle',
  },
  'awards.application.incomplete': { 'zh-CN': '申报材料不完整', 'en-US': 'The application is incomplete' },
  'awards.application.notEditable': {
    'zh-CN': '申报已提交，当前状态下不能修改',
    'en-US': 'The application can no longer be edited in its current state',
  },
  'awards.applicationWindow.late': {
    'zh-CN': '申报截止日期已过，不再受理申报',
    'en-US': 'The application deadline has passed: late applications are not accepted',
  },
  'awards.conflict.found': {
    'zh-CN': '存在利益冲突，须回避',
    'en-US': 'There is a conflict of interest: the expert must step aside',
  },
  'awards.conflict.currentEmployer': { 'zh-CN': '专家现就职于申报企业', 'en-US': 'The expert works for the applicant' },
  'awards.conflict.pastEmployer': {
    'zh-CN': '专家近年曾任职于申报企业',
    'en-US': 'The expert worked for the applicant in recent years',
  },
  'awards.conflict.declaredInterest': {
    'zh-CN': '专家申报了与该企业的利益关系',
    'en-US': 'The expert declared an interest in the applicant',
  },
  'awards.conflict.familyTie': {
    'zh-CN': '专家申报了与该企业的亲属关系',
    'en-US': 'The expert declared a family tie with the applicant',
  },
  'awards.conflict.sameOrganization': {
    'zh-CN': '专家与申报企业属同一单位',
    'en-US': 'The expert belongs to the applicant organization',
  },
  'awards.consensus.scoresMissing': {
    'zh-CN': '评审组成员尚未全部提交独立评分',
    'en-US': 'Not every member of the group has submitted independent scores',
  },
  'awards.criteria.unknownVersion': { 'zh-CN': '没有这个版本的评价准则', 'en-US': 'There is no criteria version with this id' },
  'awards.cycle.duplicateYear': {
    'zh-CN': '该奖项本年度周期已存在',
    'en-US': 'This programme already has a cycle for this year',
  },
  'awards.cycle.notInNotice': { 'zh-CN': '该周期不在公示阶段', 'en-US': 'The cycle is not in its public notice' },
  'awards.cycle.notOpen': { 'zh-CN': '该评审周期未开放', 'en-US': 'The cycle is not open' },
  'awards.cycle.notPlanned': { 'zh-CN': '该评审周期已开放，不能再次开放', 'en-US': 'The cycle has already been opened' },
  'awards.declaration.conflictFirst': {
    'zh-CN': '请先声明与该企业无利益冲突',
    'en-US': 'Declare that you have no conflict of interest first',
  },
  'awards.declaration.required': { 'zh-CN': '请确认申报承诺', 'en-US': 'Accept the declaration' },
  'awards.feedback.notNow': {
    'zh-CN': '当前阶段不能填写反馈报告',
    'en-US': 'The feedback report cannot be written at this stage',
  },
  'awards.feedback.submitted': {
    'zh-CN': '反馈报告已提交，不能修改',
    'en-US': 'The feedback report has been submitted and cannot change',
  },
  'awards.notice.nobodyProposed': {
    'zh-CN': '尚无拟授奖企业，不能发布公示',
    'en-US': 'Nobody is proposed yet: there is nothing to publish',
  },
  'awards.objection.handled': { 'zh-CN': '该异议已处理', 'en-US': 'This objection has been handled already' },
  'awards.ranking.unknownCode': {
    'zh-CN': '排名中没有这个编号',
    'en-US': 'There is no application with this code in the ranking',
  },
  'awards.recommendNext.notWinner': {
    'zh-CN': '只有获奖企业可推荐参评上一级质量奖',
    'en-US': 'Only a winner can be recommended to the next level',
  },
  'awards.recommendNext.wrongCycle': {
    'zh-CN': '请选择上一级质量奖的开放周期',
    'en-US': 'Choose an open cycle of the next level up',
  },
  'awards.reviewGroup.closed': { 'zh-CN': '评审已结束，不能调整评审组', 'en-US': 'The review is over: the group cannot change' },
  'awards.reviewGroup.loadCap': { 'zh-CN': '该专家评审任务已达上限', 'en-US': 'This expert has reached the review load cap' },
  'awards.score.incomplete': { 'zh-CN': '请对全部条目评分后再提交', 'en-US': 'Score every item before submitting' },
  'awards.score.notInReview': { 'zh-CN': '该申报不在评审阶段', 'en-US': 'The application is not under review' },
  'awards.score.ownFirst': { 'zh-CN': '请先提交本人的独立评分', 'en-US': 'Submit your own independent scores first' },
  'awards.score.sealed': {
    'zh-CN': '独立评分已提交，只能在共识环节调整',
    'en-US': 'Submitted scores can only change in the consensus',
  },
  'awards.siteReview.notNow': { 'zh-CN': '当前不在现场评审阶段', 'en-US': 'The application is not in site review' },
  'awards.objection.evidenceUnknown': {
    'zh-CN': '证明材料未上传或已被使用',
    'en-US': 'This evidence file was not uploaded for this notice, or is used already',
  },
  'awards.certificate.notAwarded': {
    'zh-CN': '仅获奖（未被撤销）的申报可出具证书',
    'en-US': 'Only a standing award has a certificate',
  },
  'awards.ranking.votesPending': {
    'zh-CN': '评审委员会尚未完成全部表决，排名暂不显示企业名称',
    'en-US': 'Names are shown only once every vote is recorded',
  },
  'awards.correction.overdue': {
    'zh-CN': '补正期限已过，不再受理补正材料',
    'en-US': 'The correction period is over: the correction is no longer accepted',
  },
} as const satisfies Record<string, Record<Locale, string>>;
