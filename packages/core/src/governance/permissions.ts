import type { Role } from '../identity/permissions.js';

/**
 * Permissions of the governance module; identity/permissions.ts merges them into PERMISSIONS and the
 * roles (GOVERNANCE_ROLE_PERMISSIONS). Names follow `<module>.<noun>.<verb>`.
 */
export const GOVERNANCE_PERMISSIONS = [
  // the leadership group, meetings, tasks and assessment results: departments see only their own
  'governance.read',
  'governance.group.manage',
  'governance.meeting.manage',
  // create supervised tasks, accept or return them, cancel
  'governance.task.manage',
  // report progress and submit a task for acceptance (the lead or a supporting department)
  'governance.task.report',
  // schemes, entered values with evidence, computation, appeal decisions, locking
  'governance.assessment.manage',
  'governance.assessment.appeal',
  'governance.budget.read',
  'governance.budget.manage',
  // the yearly work report and the leader's overview
  'governance.report.read',
] as const;
export type GovernancePermission = (typeof GOVERNANCE_PERMISSIONS)[number];

/** Which roles hold which governance permissions. */
export const GOVERNANCE_ROLE_PERMISSIONS = {
  office: [
    'governance.read',
    'governance.group.manage',
    'governance.meeting.manage',
    'governance.task.manage',
    'governance.assessment.manage',
    'governance.budget.read',
    'governance.budget.manage',
    'governance.report.read',
  ],
  dept: ['governance.read', 'governance.task.report', 'governance.assessment.appeal'],
  leader: ['governance.read', 'governance.budget.read', 'governance.report.read'],
} as const satisfies Partial<Record<Role, readonly GovernancePermission[]>>;
