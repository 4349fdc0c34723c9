import { describe, expect, it } from 'vitest';
// Through the package entry, as the server and web use it: that also installs the Zod message map.
import {
  applicationTransitionInput,
  awardCalendar,
  awardProgrammeInput,
  consensusEntry,
  consensusInput,
  expertScoreEntry,
  objectionInput,
  selfAssessmentEntry,
  type AwardProgrammeInput,
} from '../index.js';

function issuesOf(
  schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } },
  value: unknown,
) {
  const result = schema.safeParse(value);
  return (result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);
}

const calendar = { applicationOpensOn: '2026-03-01', applicationClosesOn: '2026-04-30' };
const programme = {
  name: '高新区主任质量奖',
  level: 'district',
  regionCode: '410471',
  cycleYears: 2,
  winnerQuota: 8,
  prizeMoneyFen: 10_000_000,
  calendar,
};

describe('award contracts', () => {
  describe('programme', () => {
    it('accepts a programme and fills the defaults', () => {
      const p = awardProgrammeInput.parse(programme) as AwardProgrammeInput;
      expect(p.nominationQuota).toBe(0);
      expect(p.nominationPrizeMoneyFen).toBe(0);
      expect(p.criteriaVersionId).toBe('GB/T 19580-2012');
      expect(p.calendar.noticeDays).toBe(7);
      expect(p.review).toEqual({
        minGroupSize: 5,
        divergenceThreshold: 30,
        normalisationMinScores: 10,
        conflictYears: 3,
        loadCap: 6,
        correctionWorkingDays: 5,
      });
      expect(p.eligibilityRules.map((r) => r.kind)).toEqual([
        'yearsInOperation',
        'noMajorAccident',
        'winnerLockout',
        'lowerLevelAward',
        'noRevocationBan',
      ]);
    });

    it('keeps prize money in whole, non-negative fen', () => {
      expect(issuesOf(awardProgrammeInput, { ...programme, prizeMoneyFen: -1 })).toEqual([['prizeMoneyFen', 'awards.money.fen']]);
      expect(issuesOf(awardProgrammeInput, { ...programme, prizeMoneyFen: 100.5 })).toEqual([
        ['prizeMoneyFen', 'awards.money.fen'],
      ]);
      expect(issuesOf(awardProgrammeInput, { ...programme, prizeMoneyFen: 2 ** 53 })).toEqual([
        ['prizeMoneyFen', 'awards.money.fen'],
      ]);
      expect(issuesOf(awardProgrammeInput, { ...programme, prizeMoneyFen: '100' })).toEqual([
        ['prizeMoneyFen', 'validation.invalidType'],
      ]);
      expect(issuesOf(awardProgrammeInput, { ...programme, prizeMoneyFen: 0 })).toEqual([]);
    });

    it('checks level, quotas and cycle length', () => {
      expect(issuesOf(awardProgrammeInput, { ...programme, level: 'county' })).toEqual([['level', 'validation.invalidOption']]);
      expect(issuesOf(awardProgrammeInput, { ...programme, winnerQuota: 0 })).toEqual([['winnerQuota', 'validation.tooSmall']]);
      expect(issuesOf(awardProgrammeInput, { ...programme, nominationQuota: -1 })).toEqual([
        ['nominationQuota', 'validation.tooSmall'],
      ]);
      expect(issuesOf(awardProgrammeInput, { ...programme, cycleYears: 1.5 })).toHaveLength(1);
      expect(issuesOf(awardProgrammeInput, { ...programme, regionCode: '4104' })).toEqual([['regionCode', 'regionCode.format']]);
    });

    it('takes a notice period of 7 to 11 days', () => {
      expect(issuesOf(awardCalendar, { ...calendar, noticeDays: 6 })).toEqual([['noticeDays', 'validation.tooSmall']]);
      expect(issuesOf(awardCalendar, { ...calendar, noticeDays: 12 })).toEqual([['noticeDays', 'validation.tooBig']]);
      expect(awardCalendar.parse({ ...calendar, noticeDays: 11 }).noticeDays).toBe(11);
    });

    it('keeps the calendar in order', () => {
      expect(issuesOf(awardCalendar, { applicationOpensOn: '2026-05-01', applicationClosesOn: '2026-04-30' })).toEqual([
        ['applicationClosesOn', 'awards.calendar.order'],
      ]);
      expect(issuesOf(awardCalendar, { ...calendar, documentReviewBy: '2026-06-30', siteReviewBy: '2026-06-01' })).toEqual([
        ['siteReviewBy', 'awards.calendar.order'],
      ]);
      expect(issuesOf(awardCalendar, { ...calendar, committeeBy: '2026-04-01' })).toEqual([
        ['committeeBy', 'awards.calendar.order'],
      ]);
      expect(issuesOf(awardCalendar, { ...calendar, eligibilityReviewBy: '2026-02-30' })).toEqual([
        ['eligibilityReviewBy', 'date.invalid'],
      ]);
      expect(issuesOf(awardCalendar, { ...calendar, eligibilityReviewBy: null, siteReviewBy: '2026-08-01' })).toEqual([]);
    });

    it('refuses the same eligibility rule twice and a review threshold off the scale', () => {
      expect(
        issuesOf(awardProgrammeInput, {
          ...programme,
          eligibilityRules: [{ kind: 'lowerLevelAward' }, { kind: 'lowerLevelAward' }],
        }),
      ).toEqual([['eligibilityRules.1.kind', 'awards.eligibility.duplicateRule']]);
      expect(issuesOf(awardProgrammeInput, { ...programme, review: { divergenceThreshold: 33 } })).toEqual([
        ['review.divergenceThreshold', 'awards.score.percentage'],
      ]);
      expect(awardProgrammeInput.parse({ ...programme, eligibilityRules: [] }).eligibilityRules).toEqual([]);
    });
  });

  describe('score entries', () => {
    it('take percentages in steps of 5', () => {
      expect(issuesOf(selfAssessmentEntry, { itemId: '4.1.1', percentage: 42, description: '…' })).toEqual([
        ['percentage', 'awards.score.percentage'],
      ]);
      expect(issuesOf(expertScoreEntry, { itemId: '4.1.1', percentage: 105 })).toEqual([
        ['percentage', 'awards.score.percentage'],
      ]);
      expect(issuesOf(expertScoreEntry, { itemId: '4.1.1' })).toEqual([['percentage', 'validation.required']]);
    });

    it('need a description for the self-assessment and a rationale for the consensus', () => {
      expect(issuesOf(selfAssessmentEntry, { itemId: '4.1.1', percentage: 40, description: '  ' })).toEqual([
        ['description', 'validation.required'],
      ]);
      expect(issuesOf(consensusEntry, { itemId: '4.1.1', percentage: 40 })).toEqual([['rationale', 'validation.required']]);
      expect(consensusEntry.parse({ itemId: '4.1.1', percentage: 40, rationale: ' 多数专家意见 ' }).rationale).toBe(
        '多数专家意见',
      );
    });

    it('let an expert leave strengths and opportunities for later', () => {
      expect(expertScoreEntry.parse({ itemId: '4.7.1', percentage: 55 })).toEqual({
        itemId: '4.7.1',
        percentage: 55,
        strengths: '',
        opportunities: '',
      });
    });

    it('take each item once per sheet', () => {
      const e = { itemId: '4.1.1', percentage: 40, rationale: 'r' };
      expect(issuesOf(consensusInput, { entries: [e, { ...e, itemId: '4.1.2' }, e] })).toEqual([
        ['entries.2.itemId', 'awards.score.duplicateItem'],
      ]);
    });
  });

  describe('objection', () => {
    const objection = {
      realName: '张三',
      contact: '13800138000',
      content: '该企业申报材料中的顾客满意度数据与实际不符。',
      evidenceFileIds: ['0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'],
    };

    it('accepts a real-name objection with evidence', () => {
      expect(issuesOf(objectionInput, objection)).toEqual([]);
      expect(issuesOf(objectionInput, { ...objection, contact: 'zhang@example.cn' })).toEqual([]);
    });

    it('refuses an anonymous one', () => {
      expect(issuesOf(objectionInput, { ...objection, realName: '匿名' })).toEqual([['realName', 'awards.objection.anonymous']]);
      expect(issuesOf(objectionInput, { ...objection, realName: 'Anonymous' })).toEqual([
        ['realName', 'awards.objection.anonymous'],
      ]);
      expect(issuesOf(objectionInput, { ...objection, anonymous: true })).toEqual([['anonymous', 'awards.objection.anonymous']]);
      expect(issuesOf(objectionInput, { ...objection, realName: '' })).toEqual([['realName', 'validation.required']]);
    });

    it('needs a way to reach the objector and evidence', () => {
      expect(issuesOf(objectionInput, { ...objection, contact: 'call me' })).toEqual([['contact', 'awards.objection.contact']]);
      expect(issuesOf(objectionInput, { ...objection, evidenceFileIds: [] })).toEqual([
        ['evidenceFileIds', 'awards.objection.evidenceRequired'],
      ]);
      expect(issuesOf(objectionInput, { ...objection, evidenceFileIds: undefined })).toEqual([
        ['evidenceFileIds', 'awards.objection.evidenceRequired'],
      ]);
      expect(issuesOf(objectionInput, { ...objection, evidenceFileIds: ['x'] })).toEqual([
        ['evidenceFileIds.0', 'validation.invalidFormat'],
      ]);
    });
  });

  it('names a workflow step the lifecycle has', () => {
    expect(applicationTransitionInput.parse({ transition: 'submit' })).toEqual({ transition: 'submit' });
    expect(issuesOf(applicationTransitionInput, { transition: 'skipToAwarded' })).toEqual([['transition', 'transition.unknown']]);
    expect(issuesOf(applicationTransitionInput, { transition: 'propose', decision: 'gold' })).toEqual([
      ['decision', 'validation.invalidOption'],
    ]);
  });
});
