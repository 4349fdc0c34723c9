import type { Role } from '../identity/permissions.js';

/**
 * Permissions of the governance module; identity/permissions.ts merges them into PERMISSIONS and the
 * roles (GOVERNANCE_ROLE_PERMISSIONS). Names follow `<module>.<noun>.<verb>`.
 */
export const GOVERNANCE_PERMISSIONS = [] as const;
export type GovernancePermission = (typeof GOVERNANCE_PERMISSIONS)[number];

/** Which roles hold which governance permissions. */
export const GOVERNANCE_ROLE_PERMISSIONS = {} as const satisfies Partial<Record<Role, readonly GovernancePermission[]>>;
