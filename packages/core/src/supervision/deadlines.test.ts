import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultWorkingCalendar } from '../shared/cn-holidays.js';
import { addDays, isWorkingDay, workingDaysBetween } from '../shared/working-days.js';
import {
  isPastDeadline,
  objectionDeadline,
  objectionDecisionDueOn,
  objectionProblem,
  publicationDueOn,
  retestLabProblem,
} from './deadlines.js';

const cal = defaultWorkingCalendar();
const dayArb = fc.integer({ min: 0, max: 600 }).map((n) => addDays('2025-01-01', n));

describe('objection window', () => {
  const base = { receivedOn: '2026-03-02', conclusion: 'fail' as const, objectedBefore: false };
  it('is open for 15 days after the result is received, then closed', () => {
    expect(objectionDeadline('2026-03-02')).toBe('2026-03-17');
    expect(objectionProblem({ ...base, filedOn: '2026-03-17' })).toBeNull();
    expect(objectionProblem({ ...base, filedOn: '2026-03-02' })).toBeNull();
    expect(objectionProblem({ ...base, filedOn: '2026-03-18' })).toBe('supervision.objection.late');
  });
  it('needs a received, failed result, and is allowed once', () => {
    expect(objectionProblem({ ...base, receivedOn: null, filedOn: '2026-03-03' })).toBe('supervision.objection.notNotified');
    expect(objectionProblem({ ...base, conclusion: 'pass', filedOn: '2026-03-03' })).toBe('supervision.objection.passed');
    expect(objectionProblem({ ...base, objectedBefore: true, filedOn: '2026-03-03' })).toBe('supervision.objection.once');
  });
  it('for any receipt day: in time up to day 15, late from day 16', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 40 }), (receivedOn, after) => {
        const problem = objectionProblem({ ...base, receivedOn, filedOn: addDays(receivedOn, after) });
        expect(problem).toBe(after <= 15 ? null : 'supervision.objection.late');
      }),
    );
  });
});

describe('decision and publication deadlines in working days', () => {
  it('decides within 3 working days: a Friday filing is due on Wednesday; across the Spring Festival later', () => {
    expect(objectionDecisionDueOn(cal, '2026-03-06')).toBe('2026-03-11');
    expect(objectionDecisionDueOn(cal, '2026-02-13')).toBe('2026-02-25'); // Sat 14 Feb worked, 15–23 Feb off
  });
  it('publishes within 20 working days by default, or the configured limit', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 40 }), (checkedOn, days) => {
        const due = publicationDueOn(cal, checkedOn, days);
        expect(workingDaysBetween(cal, checkedOn, due)).toBe(days);
        expect(isWorkingDay(cal, due)).toBe(true);
      }),
    );
    expect(publicationDueOn(cal, '2026-03-02')).toBe('2026-03-30');
  });
  it('is overdue from the day after the due date', () => {
    expect(isPastDeadline('2026-03-30', '2026-03-30')).toBe(false);
    expect(isPastDeadline('2026-03-30', '2026-03-31')).toBe(true);
  });
});

describe('re-test lab', () => {
  it('must differ from the first lab, however the name is spaced or cased', () => {
    expect(retestLabProblem('平顶山市产品质量检验中心', ' 平顶山市 产品质量检验中心')).toBe('supervision.retest.sameLab');
    expect(retestLabProblem('Lab A', 'lab a')).toBe('supervision.retest.sameLab');
    expect(retestLabProblem('平顶山市产品质量检验中心', '河南省产品质量检验院')).toBeNull();
  });
});
