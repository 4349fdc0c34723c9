import { describe, expect, it } from 'vitest';
import { defaultWorkingCalendar } from '../shared/cn-holidays.js';
import { closedOnTime, taskDeadline, taskFollowUp } from './task-deadline.js';

const cal = defaultWorkingCalendar();

describe('task deadlines and follow-up', () => {
  it('counts working days from the meeting over the National Day holiday', () => {
    // 2026-09-30 (Wed): 1–7 October are off; 2026-10-10 (Sat) is an adjusted working day
    const due = taskDeadline(cal, '2026-09-30', { workingDays: 2 });
    expect(due > '2026-10-07').toBe(true);
    expect(taskDeadline(cal, '2026-03-02', { date: '2026-04-30' })).toBe('2026-04-30');
    expect(taskDeadline(cal, '2026-03-02', { workingDays: 5 })).toBe('2026-03-09');
  });

  it('reminds in the last working days and escalates by lateness', () => {
    const task = { state: 'in_progress' as const, deadline: '2026-03-13' };
    expect(taskFollowUp(cal, task, '2026-03-02')).toMatchObject({ reminderDue: false, escalationLevel: 0, overdue: false });
    expect(taskFollowUp(cal, task, '2026-03-10')).toMatchObject({ reminderDue: true, escalationLevel: 0 });
    expect(taskFollowUp(cal, task, '2026-03-13')).toMatchObject({ reminderDue: true, overdue: false });
    expect(taskFollowUp(cal, task, '2026-03-16')).toMatchObject({
      overdue: true,
      daysOverdue: 1,
      escalationLevel: 1,
      reminderDue: false,
    });
    expect(taskFollowUp(cal, task, '2026-03-23')).toMatchObject({ daysOverdue: 6, escalationLevel: 2 });
  });

  it('asks nothing of closed tasks or tasks waiting for acceptance', () => {
    expect(taskFollowUp(cal, { state: 'closed', deadline: '2026-03-13' }, '2026-04-01')).toMatchObject({
      overdue: false,
      escalationLevel: 0,
    });
    expect(taskFollowUp(cal, { state: 'submitted', deadline: '2026-03-13' }, '2026-04-01')).toMatchObject({
      overdue: true,
      escalationLevel: 0,
      reminderDue: false,
    });
  });

  it('is on time up to and including the deadline', () => {
    expect(closedOnTime('2026-03-13', '2026-03-13')).toBe(true);
    expect(closedOnTime('2026-03-14', '2026-03-13')).toBe(false);
  });
});
