import { applyTransition, can, todayInShanghai, type Actor, type Machine, type WorkingCalendar } from '@qd/core';
import { loadWorkingCalendar } from '../../platform/calendar/index.js';
import { AppError, forbidden } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import type { Executor } from '../../platform/db/database.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import * as repo from './supervision.repo.js';

/**
 * What a caller may read of supervision, decided as it authorizes: officers and leaders their
 * region's subtree; a department officer the plans the department takes part in and the
 * inspections drawn for them; an enterprise user the own firm's records only.
 */
export async function readScope(db: Executor, actor: Actor): Promise<repo.SupervisionScope> {
  if (can(actor, 'supervision.read')) return { regionCode: actor.regionCode };
  if (can(actor, 'supervision.participate')) {
    return {
      regionCode: actor.regionCode,
      departmentId: actor.organizationId,
      inspectorIds: await repo.inspectorIdsOfUser(db, actor.userId),
    };
  }
  if (can(actor, 'supervision.own.read')) return { regionCode: actor.regionCode, enterpriseId: actor.organizationId };
  throw forbidden();
}

/** Today in Asia/Shanghai from the deps' clock (never the machine's clock directly). */
export function today(deps: ServiceDeps): string {
  return todayInShanghai(deps.clock.now());
}

/** The region's working calendar (seeded Chinese schedule plus the office's edits): every deadline is counted with it. */
export function calendarOf(db: Executor, regionCode: string): Promise<WorkingCalendar> {
  return loadWorkingCalendar(db, regionCode);
}

/** A refused transition as the HTTP error the state-machine runner documents. */
export function refusal(reason: string): AppError {
  switch (reason) {
    case 'transition.unknown':
      return new AppError(400, 'validation_failed', reason);
    case 'transition.forbidden':
      return forbidden();
    case 'transition.notAllowedFromState':
      return new AppError(409, 'conflict', reason);
    default:
      return new AppError(422, 'rule_violated', reason);
  }
}

/**
 * Applies a transition of `machine` and writes its history row (the dated step) inside the
 * caller's transaction; returns the new state. The caller writes the record's new state and its
 * audit row in the same transaction.
 */
export async function transition<S extends string, N extends string, C>(
  tx: Executor,
  ctx: RequestContext,
  machine: Machine<S, N, C, Actor>,
  entity: { type: string; id: string; regionCode: string; state: S },
  name: string,
  context: C,
  step: { on: string; note?: string | null; at: Date },
): Promise<S> {
  const result = applyTransition(machine, entity.state, name, ctx.actor, context);
  if (!result.ok) throw refusal(result.reason);
  await repo.insertHistory(tx, {
    id: newId(),
    regionCode: entity.regionCode,
    entityType: entity.type,
    entityId: entity.id,
    transition: result.transition,
    fromState: result.from,
    toState: result.to,
    onDate: step.on,
    note: step.note ?? null,
    actorId: ctx.actor.userId === '00000000-0000-0000-0000-000000000000' ? null : ctx.actor.userId,
    actorName: ctx.actor.username,
    at: step.at,
  });
  return result.to;
}

/** Checks a transition without writing (for a request that must fail before any work). */
export function check<S extends string, N extends string, C>(
  machine: Machine<S, N, C, Actor>,
  actor: Actor,
  state: S,
  name: string,
  context: C,
): S {
  const result = applyTransition(machine, state, name, actor, context);
  if (!result.ok) throw refusal(result.reason);
  return result.to;
}
