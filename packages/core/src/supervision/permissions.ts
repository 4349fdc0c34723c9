import type { Role } from '../identity/permissions.js';

/**
 * Permissions of the supervision module; identity/permissions.ts merges them into PERMISSIONS and the
 * roles (SUPERVISION_ROLE_PERMISSIONS). Names follow `<module>.<noun>.<verb>`.
 */
export const SUPERVISION_PERMISSIONS = [
  'supervision.read', // every plan, draw, inspection, check and signal of the region (office, leaders)
  'supervision.manage', // item list, directories, plans, draws, decisions, follow-up, publication (office)
  'supervision.participate', // plans the own department takes part in and the own assignments (dept)
  'supervision.inspect', // record inspections and spot checks: the office any, a department its assignments
  'supervision.own.read', // checks of the own firm, results, deadlines (enterprise)
  'supervision.own.respond', // objection / re-test request and rectification evidence of the own firm (enterprise)
] as const;
export type SupervisionPermission = (typeof SUPERVISION_PERMISSIONS)[number];

/** Which roles hold which supervision permissions. */
export const SUPERVISION_ROLE_PERMISSIONS = {
  office: ['supervision.read', 'supervision.manage', 'supervision.inspect'],
  dept: ['supervision.participate', 'supervision.inspect'],
  enterprise: ['supervision.own.read', 'supervision.own.respond'],
  leader: ['supervision.read'],
} as const satisfies Partial<Record<Role, readonly SupervisionPermission[]>>;
