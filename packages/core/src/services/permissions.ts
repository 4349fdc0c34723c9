import type { Role } from '../identity/permissions.js';

/**
 * Permissions of the services module; identity/permissions.ts merges them into PERMISSIONS and the
 * roles (SERVICES_ROLE_PERMISSIONS). Names follow `<module>.<noun>.<verb>`.
 *
 * Reading requests comes in three scopes: the station (office, leader) reads its region's
 * requests, an enterprise only its own, an institution only those dispatched to it.
 */
export const SERVICES_PERMISSIONS = [
  'services.catalogue.read',
  'services.catalogue.manage',
  'services.request.read', // every request of the caller's region (station, oversight)
  'services.request.own', // an enterprise's own requests: submit, answer, confirm, rate, re-open
  'services.request.assigned', // an institution's dispatched requests: accept, hand back, progress, quote, done
  'services.request.handle', // the case handler's steps: accept, decline, dispatch, transfer, merge, notes, questions, close
  'services.board.read',
  'services.board.export',
  'services.apikey.manage', // Open311 api keys of third-party clients
] as const;
export type ServicesPermission = (typeof SERVICES_PERMISSIONS)[number];

/** Which roles hold which services permissions. */
export const SERVICES_ROLE_PERMISSIONS = {
  office: [
    'services.catalogue.read',
    'services.catalogue.manage',
    'services.request.read',
    'services.request.handle',
    'services.board.read',
    'services.board.export',
    'services.apikey.manage',
  ],
  leader: ['services.catalogue.read', 'services.request.read', 'services.board.read', 'services.board.export'],
  dept: ['services.catalogue.read'],
  enterprise: ['services.catalogue.read', 'services.request.own'],
  institution: ['services.catalogue.read', 'services.request.assigned'],
} as const satisfies Partial<Record<Role, readonly ServicesPermission[]>>;
