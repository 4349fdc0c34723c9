import { addDays, addWorkingDays, type WorkingCalendar } from '../shared/working-days.js';

/**
 * The time limits of supervision (DOMAIN §5): the firm's objection window, the office's
 * decision on it, and publication of results. Dates are YYYY-MM-DD in Asia/Shanghai.
 */

/** The firm may ask for a re-test within 15 days of receiving the result (calendar days). */
export const OBJECTION_WINDOW_DAYS = 15;
/** The office decides whether to accept it within 3 working days. */
export const OBJECTION_DECISION_WORKING_DAYS = 3;
/** Results are published within 20 working days of the check, unless the region configures another limit. */
export const DEFAULT_PUBLICATION_WORKING_DAYS = 20;

/** The last day an objection is in time: the receipt day does not count (民法典 art. 201). */
export function objectionDeadline(receivedOn: string): string {
  return addDays(receivedOn, OBJECTION_WINDOW_DAYS);
}

export type ObjectionProblem =
  | 'supervision.objection.notNotified'
  | 'supervision.objection.late'
  | 'supervision.objection.once'
  | 'supervision.objection.passed';

/**
 * null when the firm may object now, else why not: the result must have reached it, the window
 * must still be open, only a failed result can be objected to, and only once.
 */
export function objectionProblem(input: {
  receivedOn: string | null;
  filedOn: string;
  conclusion: 'pass' | 'fail' | null;
  objectedBefore: boolean;
}): ObjectionProblem | null {
  if (!input.receivedOn) return 'supervision.objection.notNotified';
  if (input.objectedBefore) return 'supervision.objection.once';
  if (input.conclusion !== 'fail') return 'supervision.objection.passed';
  if (input.filedOn > objectionDeadline(input.receivedOn)) return 'supervision.objection.late';
  return null;
}

/** When the office must have decided on an objection filed on `filedOn`. */
export function objectionDecisionDueOn(cal: WorkingCalendar, filedOn: string): string {
  return addWorkingDays(cal, filedOn, OBJECTION_DECISION_WORKING_DAYS);
}

/** The re-test must be done by a lab other than the one that tested the sample first. */
export function retestLabProblem(originalLab: string, retestLab: string): 'supervision.retest.sameLab' | null {
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return norm(originalLab) === norm(retestLab) ? 'supervision.retest.sameLab' : null;
}

/** The last day a result checked on `checkedOn` may be published. */
export function publicationDueOn(
  cal: WorkingCalendar,
  checkedOn: string,
  workingDays: number = DEFAULT_PUBLICATION_WORKING_DAYS,
): string {
  return addWorkingDays(cal, checkedOn, workingDays);
}

/** Overdue from the day after the due date. */
export function isPastDeadline(dueOn: string, today: string): boolean {
  return today > dueOn;
}
