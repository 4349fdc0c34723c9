import { can, isWithinRegion, type Actor, type Permission } from '@qd/core';
import { forbidden, notFound, AppError } from './http/errors.js';

/** Every service method starts here: the caller must hold the permission, or it is a 403. */
export function authorize(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw forbidden();
}

/** Authorizes when the actor holds any of the permissions; returns which one matched first. */
export function authorizeAny<P extends Permission>(actor: Actor, permissions: readonly P[]): P {
  const found = permissions.find((p) => can(actor, p));
  if (!found) throw forbidden();
  return found;
}

/** A row outside the caller's region is reported as missing, not forbidden (no existence leak). */
export function assertInRegion(actor: Actor, regionCode: string): void {
  if (!isWithinRegion(actor.regionCode, regionCode)) throw notFound();
}

/** Writing into a region outside one's own is a rule violation on the field that names it. */
export function assertRegionWritable(actor: Actor, regionCode: string, field = 'regionCode'): void {
  if (!isWithinRegion(actor.regionCode, regionCode)) {
    throw new AppError(422, 'rule_violated', 'region.outOfScope', [{ path: field, message: 'region.outOfScope' }]);
  }
}
