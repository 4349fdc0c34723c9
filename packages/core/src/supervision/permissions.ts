import type { Role } from '../identity/permissions.js';

/**
 * Permissions of the supervision module; identity/permissions.ts merges them into PERMISSIONS and the
 * roles (SUPERVISION_ROLE_PERMISSIONS). Names follow `<module>.<noun>.<verb>`.
 */
export const SUPERVISION_PERMISSIONS = [] as const;
export type SupervisionPermission = (typeof SUPERVISION_PERMISSIONS)[number];

/** Which roles hold which supervision permissions. */
export const SUPERVISION_ROLE_PERMISSIONS = {} as const satisfies Partial<Record<Role, readonly SupervisionPermission[]>>;
