import { addWorkingDays, workingDaysBetween, type WorkingCalendar } from '../shared/working-days.js';
import { OPEN_TASK_STATES, type TaskState } from './task-lifecycle.js';

/**
 * When a supervised task is due and what its lateness calls for. A deadline is given either as a
 * date or as a number of working days counted from the resolution's date (the day itself not
 * counted, shared/working-days.ts); both end up as a date stored on the task.
 */
export function taskDeadline(
  cal: WorkingCalendar,
  from: string,
  deadline: { date?: string | null; workingDays?: number | null },
): string {
  if (deadline.date) return deadline.date;
  return addWorkingDays(cal, from, deadline.workingDays ?? 0);
}

/** How the follow-up reacts to lateness; configurable per region in the future, defaults here. */
export interface FollowUpPolicy {
  /** A reminder goes out this many working days before the deadline (and on the day). */
  remindWorkingDaysBefore: number;
  /** Overdue by more than this many working days: escalated from the department head to the leader. */
  leaderAfterWorkingDays: number;
}
export const DEFAULT_FOLLOW_UP: FollowUpPolicy = { remindWorkingDaysBefore: 3, leaderAfterWorkingDays: 5 };

export type EscalationLevel = 0 | 1 | 2;

export interface TaskFollowUp {
  /** Working days past the deadline (0 when not late). */
  daysOverdue: number;
  overdue: boolean;
  reminderDue: boolean;
  /** 0 none, 1 the lead department's head, 2 the leader. */
  escalationLevel: EscalationLevel;
}

/** What an open task needs today. A closed or cancelled task needs nothing. */
export function taskFollowUp(
  cal: WorkingCalendar,
  task: { state: TaskState; deadline: string },
  today: string,
  policy: FollowUpPolicy = DEFAULT_FOLLOW_UP,
): TaskFollowUp {
  if (!OPEN_TASK_STATES.includes(task.state)) return { daysOverdue: 0, overdue: false, reminderDue: false, escalationLevel: 0 };
  const overdue = today > task.deadline;
  const daysOverdue = overdue ? Math.max(workingDaysBetween(cal, task.deadline, today), 0) : 0;
  // A task waiting for the office's acceptance is no longer the department's to hurry.
  const departmentOwes = task.state !== 'submitted';
  const left = overdue ? 0 : workingDaysBetween(cal, today, task.deadline);
  const reminderDue = departmentOwes && !overdue && left <= policy.remindWorkingDaysBefore;
  const escalationLevel: EscalationLevel = !departmentOwes || !overdue ? 0 : daysOverdue > policy.leaderAfterWorkingDays ? 2 : 1;
  return { daysOverdue, overdue, reminderDue, escalationLevel };
}

/** On time means closed on or before the deadline, compared as calendar dates in Asia/Shanghai. */
export function closedOnTime(closedOn: string, deadline: string): boolean {
  return closedOn <= deadline;
}
