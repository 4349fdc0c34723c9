import { todayInShanghai, type Actor, type TransitionRefusal, type WorkingCalendar } from '@qd/core';
import type { Executor } from '../../platform/db/database.js';
import { loadWorkingCalendar } from '../../platform/calendar/index.js';
import { AppError } from '../../platform/http/errors.js';
import type { ServiceDeps } from '../../platform/services.js';
import { listDepartments, type DepartmentSummary } from '../registry/index.js';

/** No department has this id: a department user without one sees nothing rather than everything. */
const NO_DEPARTMENT = '00000000-0000-0000-0000-000000000000';

/**
 * Department officers see only their own department's tasks and results; the office and the
 * leader see the whole region. undefined means "no narrowing".
 */
export function departmentScope(actor: Actor): string | undefined {
  if (!actor.roles.includes('dept')) return undefined;
  return actor.organizationId ?? NO_DEPARTMENT;
}

/** Today's date where the district works (Asia/Shanghai), from the injected clock. */
export function todayOf(deps: Pick<ServiceDeps, 'clock'>): string {
  return todayInShanghai(deps.clock.now());
}

/** The working calendar deadlines are counted with: the region's (holidays edited at /admin/calendar). */
export function calendarOf(db: Executor, regionCode: string): Promise<WorkingCalendar> {
  return loadWorkingCalendar(db, regionCode);
}

/** The region's departments by id, for names and membership checks. */
export async function departmentDirectory(db: Executor, regionCode: string): Promise<Map<string, DepartmentSummary>> {
  return new Map((await listDepartments(db, regionCode)).map((d) => [d.id, d]));
}

export function departmentName(directory: Map<string, DepartmentSummary>, id: string): string {
  const d = directory.get(id);
  return d?.shortName ?? d?.name ?? id;
}

/** The state-machine runner's refusals as HTTP errors (shared/state-machine.ts documents the mapping). */
export function transitionRefused(reason: TransitionRefusal): AppError {
  switch (reason) {
    case 'transition.unknown':
      return new AppError(400, 'validation_failed', reason, [{ path: 'transition', message: reason }]);
    case 'transition.forbidden':
      return new AppError(403, 'forbidden', reason);
    case 'transition.notAllowedFromState':
      return new AppError(409, 'conflict', reason);
    default:
      return new AppError(422, 'rule_violated', reason);
  }
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
