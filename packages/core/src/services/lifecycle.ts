import { defineMachine, type MachineActor } from '../shared/state-machine.js';

/**
 * The life of a service request (DOMAIN §4): the case handler accepts or declines it, dispatches
 * it to one or several institutions, an institution accepts and serves it (or hands it back),
 * marks it done, the enterprise confirms and rates it or re-opens it, and the handler closes it.
 * Merged duplicates close at once.
 */
export const REQUEST_STATES = [
  'submitted',
  'accepted',
  'declined',
  'dispatched',
  'in_service',
  'completed',
  'rated',
  'closed',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** States in which the station still owes the enterprise something (Open311 `open`). */
export const OPEN_STATES: readonly RequestState[] = ['submitted', 'accepted', 'dispatched', 'in_service', 'completed', 'rated'];

export interface RequestTransitionContext {
  /** The acting enterprise owns the request / the acting institution holds an active dispatch. */
  actorIsOwner: boolean;
  actorIsAssigned: boolean;
  reason?: string | null | undefined;
  institutionCount?: number;
  rating?: number | null | undefined;
  /** Still within the re-open window after completion (see `reopenAllowed`). */
  reopenWindowOpen?: boolean;
  mergeTargetValid?: boolean;
}

const hasReason = (c: RequestTransitionContext) => (c.reason && c.reason.trim() ? null : ('services.reason.required' as const));

export const requestMachine = defineMachine<RequestState, RequestTransitionName, RequestTransitionContext, MachineActor>({
  states: REQUEST_STATES,
  transitions: [
    { name: 'accept', from: 'submitted', to: 'accepted', permission: 'services.request.handle' },
    { name: 'decline', from: 'submitted', to: 'declined', permission: 'services.request.handle', guard: hasReason },
    {
      name: 'dispatch',
      from: 'accepted',
      to: 'dispatched',
      permission: 'services.request.handle',
      guard: (c) => ((c.institutionCount ?? 0) > 0 ? null : 'services.dispatch.noInstitution'),
    },
    {
      name: 'transfer',
      from: ['dispatched', 'in_service'],
      to: 'dispatched',
      permission: 'services.request.handle',
      guard: (c) => hasReason(c) ?? ((c.institutionCount ?? 0) > 0 ? null : 'services.dispatch.noInstitution'),
    },
    {
      name: 'start_service',
      from: ['dispatched', 'in_service'],
      to: 'in_service',
      permission: 'services.request.assigned',
      actorMay: (_a, c) => c.actorIsAssigned,
    },
    {
      name: 'hand_back',
      from: ['dispatched', 'in_service'],
      to: 'accepted',
      permission: 'services.request.assigned',
      actorMay: (_a, c) => c.actorIsAssigned,
      guard: hasReason,
    },
    {
      name: 'complete',
      from: 'in_service',
      to: 'completed',
      permission: 'services.request.assigned',
      actorMay: (_a, c) => c.actorIsAssigned,
    },
    {
      name: 'rate',
      from: 'completed',
      to: 'rated',
      permission: 'services.request.own',
      actorMay: (_a, c) => c.actorIsOwner,
      guard: (c) => (Number.isInteger(c.rating) && c.rating! >= 1 && c.rating! <= 5 ? null : 'services.rating.range'),
    },
    {
      name: 'reopen',
      from: ['completed', 'rated'],
      to: 'in_service',
      permission: 'services.request.own',
      actorMay: (_a, c) => c.actorIsOwner,
      guard: (c) => hasReason(c) ?? (c.reopenWindowOpen ? null : 'services.reopen.windowClosed'),
    },
    { name: 'close', from: ['completed', 'rated', 'declined'], to: 'closed', permission: 'services.request.handle' },
    {
      name: 'merge',
      from: ['submitted', 'accepted'],
      to: 'closed',
      permission: 'services.request.handle',
      guard: (c) => (c.mergeTargetValid ? null : 'services.merge.target'),
    },
  ],
});

export type RequestTransitionName =
  | 'accept'
  | 'decline'
  | 'dispatch'
  | 'transfer'
  | 'start_service'
  | 'hand_back'
  | 'complete'
  | 'rate'
  | 'reopen'
  | 'close'
  | 'merge';

/** One institution's part of a request. */
export const ASSIGNMENT_STATUSES = ['pending', 'accepted', 'handed_back', 'done', 'withdrawn'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** Assignments still part of the work (a handed-back or withdrawn one is not). */
export function isActiveAssignment(status: AssignmentStatus): boolean {
  return status === 'pending' || status === 'accepted' || status === 'done';
}

/**
 * What an institution's step does to the request as a whole, when several institutions share it:
 * the first acceptance starts the service, the last hand-back returns the request to the handler,
 * and the request is completed when every active institution is done.
 */
export function requestTransitionAfterAssignments(
  state: RequestState,
  assignments: readonly AssignmentStatus[],
): 'start_service' | 'hand_back' | 'complete' | null {
  const active = assignments.filter(isActiveAssignment);
  if (active.length === 0) return state === 'dispatched' || state === 'in_service' ? 'hand_back' : null;
  if (state === 'in_service' && active.every((s) => s === 'done')) return 'complete';
  if (state === 'dispatched' && active.some((s) => s === 'accepted' || s === 'done')) return 'start_service';
  return null;
}
