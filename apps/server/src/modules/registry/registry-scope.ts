import { can, type Actor } from '@qd/core';
import { forbidden } from '../../platform/http/errors.js';
import type { RegistryScope } from './registry.repo.js';

/**
 * What part of the registry a caller may read: officers see their region's subtree; enterprise,
 * institution and expert users only their own organization. Authorizes as it decides.
 */
export function readScope(actor: Actor): RegistryScope {
  if (can(actor, 'registry.read')) return { regionCode: actor.regionCode };
  if (can(actor, 'registry.own.read')) return { regionCode: actor.regionCode, organizationId: actor.organizationId };
  throw forbidden();
}
