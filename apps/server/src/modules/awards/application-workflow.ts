import {
  applicationLifecycle,
  applyTransition,
  builtInCriteriaVersion,
  type ApplicationContext,
  type ApplicationState,
  type CriteriaVersion,
} from '@qd/core';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import type { Executor } from '../../platform/db/database.js';
import { AppError, conflict, forbidden, ruleViolated } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import * as repo from './awards.repo.js';

/**
 * Applies one transition of the application state machine (core lifecycle.ts) inside the
 * caller's transaction: the new state, a history row and an audit row commit together.
 * Refusals map as the runner documents: 403 forbidden, 409 wrong state, 422 a broken rule.
 */
export async function takeTransition(
  tx: Executor,
  ctx: RequestContext,
  application: repo.ApplicationRow,
  name: string,
  context: Omit<ApplicationContext, 'applicantOrganizationId'>,
  now: Date,
  patch: Partial<repo.ApplicationRow> = {},
): Promise<ApplicationState> {
  const result = applyTransition(
    applicationLifecycle,
    application.state as ApplicationState,
    name,
    { ...ctx.actor, organizationId: ctx.actor.organizationId },
    { ...context, applicantOrganizationId: application.organizationId },
  );
  if (!result.ok) {
    if (result.reason === 'transition.unknown') throw new AppError(400, 'validation_failed', result.reason);
    if (result.reason === 'transition.forbidden') throw forbidden();
    if (result.reason === 'transition.notAllowedFromState')
      throw new AppError(409, 'conflict', result.reason, undefined, { state: application.state });
    throw ruleViolated(result.reason);
  }
  await repo.updateApplication(tx, application.id, { ...patch, state: result.to, updatedAt: now });
  await repo.insertHistory(tx, {
    id: newId(),
    applicationId: application.id,
    regionCode: application.regionCode,
    transition: result.transition,
    fromState: result.from,
    toState: result.to,
    comment: context.comment ?? null,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    at: now,
  });
  await appendAudit(tx, ctx, {
    action: `awards.application.${result.transition}`,
    targetType: 'award_application',
    targetId: application.id,
    regionCode: application.regionCode,
    detail: { code: application.code, from: result.from, to: result.to, comment: context.comment ?? null },
  });
  application.state = result.to;
  return result.to;
}

/** The criteria a cycle pinned; a cycle pinning an unknown version is a data error, answered as a conflict. */
export function criteriaOf(cycle: { criteriaVersionId: string }): CriteriaVersion {
  const version = builtInCriteriaVersion(cycle.criteriaVersionId);
  if (!version) throw conflict('awards.criteria.unknownVersion');
  return version;
}
