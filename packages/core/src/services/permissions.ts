import type { Role } from '../identity/permissions.js';

/**
 * Permissions of the services module; identity/permissions.ts merges them into PERMISSIONS and the
 * roles (SERVICES_ROLE_PERMISSIONS). Names follow `<module>.<noun>.<verb>`.
 */
export const SERVICES_PERMISSIONS = [] as const;
export type ServicesPermission = (typeof SERVICES_PERMISSIONS)[number];

/** Which roles hold which services permissions. */
export const SERVICES_ROLE_PERMISSIONS = {} as const satisfies Partial<Record<Role, readonly ServicesPermission[]>>;
