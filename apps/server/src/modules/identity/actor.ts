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
