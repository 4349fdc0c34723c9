import { z } from 'zod';
import { todayInShanghai } from '../shared/dates.js';
import { addWorkingDays, workingDaysBetween, type WorkingCalendar } from '../shared/working-days.js';
import type { RequestState } from './lifecycle.js';

/**
 * Time limits per step, in working days (DOMAIN §4, after the government-service rule: answer
 * within 2 working days, 3 when several units are involved). Each catalogue service sets its own;
 * these are the defaults a new service starts with.
 */
export const STEPS = ['accept', 'dispatch', 'institutionAccept', 'service', 'confirm', 'close'] as const;
export type Step = (typeof STEPS)[number];

export const timeLimits = z.object({
  accept: z.number().int().min(0).max(60),
  dispatch: z.number().int().min(0).max(60),
  institutionAccept: z.number().int().min(0).max(60),
  service: z.number().int().min(0).max(250),
  confirm: z.number().int().min(0).max(60),
  close: z.number().int().min(0).max(60),
  /** How long after completion the enterprise may re-open, in working days. */
  reopen: z.number().int().min(0).max(60),
});
export type TimeLimits = z.infer<typeof timeLimits>;

export const DEFAULT_TIME_LIMITS: TimeLimits = {
  accept: 2,
  dispatch: 1,
  institutionAccept: 2,
  service: 10,
  confirm: 5,
  close: 3,
  reopen: 10,
};

/** The step a request in this state waits for; null once it has ended. */
export function stepOf(state: RequestState): Step | null {
  switch (state) {
    case 'submitted':
      return 'accept';
    case 'accepted':
      return 'dispatch';
    case 'dispatched':
      return 'institutionAccept';
    case 'in_service':
      return 'service';
    case 'completed':
      return 'confirm';
    case 'rated':
      return 'close';
    default:
      return null;
  }
}

/** Working days a step has; an institution's acceptance gets one more when several share the work. */
export function stepLimit(limits: TimeLimits, step: Step, institutionCount = 1): number {
  return step === 'institutionAccept' && institutionCount > 1 ? limits.institutionAccept + 1 : limits[step];
}

/**
 * The date (Asia/Shanghai) by which a step begun at `startedAt` is due: `days` working days
 * after the day it began, that day not counted (the step is due by the end of the returned day).
 */
export function stepDeadline(cal: WorkingCalendar, startedAt: Date, days: number): string {
  return addWorkingDays(cal, todayInShanghai(startedAt), days);
}

/** The deadline as an instant: the end of its day in Asia/Shanghai. */
export function deadlineInstant(deadline: string): Date {
  return new Date(`${deadline}T23:59:59.999+08:00`);
}

export function isOverdue(deadline: string, now: Date): boolean {
  return todayInShanghai(now) > deadline;
}

/**
 * Working days left until the deadline (0: due today; negative: that many working days late),
 * for the countdown beside each open step.
 */
export function workingDaysLeft(cal: WorkingCalendar, deadline: string, now: Date): number {
  return workingDaysBetween(cal, todayInShanghai(now), deadline);
}

/** Due within the next working day, not yet late: "about to be overdue" on the board. */
export function isDueSoon(cal: WorkingCalendar, deadline: string, now: Date): boolean {
  const left = workingDaysLeft(cal, deadline, now);
  return !isOverdue(deadline, now) && left <= 1;
}

/** Whether the enterprise may still re-open: within `days` working days of completion. */
export function reopenAllowed(cal: WorkingCalendar, completedAt: Date, now: Date, days: number): boolean {
  return workingDaysBetween(cal, todayInShanghai(completedAt), todayInShanghai(now)) <= days;
}
