import { permissionsOf, type Actor } from '@qd/core';
import type { UserRow } from './identity.repo.js';

export function actorOf(user: UserRow): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    regionCode: user.regionCode,
    organizationId: user.organizationId,
    roles: user.roles,
    permissions: permissionsOf(user.roles),
  };
}

/**
 * Who a log-in attempt by an unknown or ill-formed user name is audited as: no account, no
 * region, no rights; the name as typed (made storable), so the audit shows what was tried.
 */
export function anonymousLoginActor(name: string): Actor {
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    username: name,
    displayName: name,
    regionCode: '',
    organizationId: null,
    roles: [],
    permissions: [],
  };
}
