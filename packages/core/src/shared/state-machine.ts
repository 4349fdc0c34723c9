import type { MessageKey } from './messages.js';

/**
 * Workflows as data. A machine lists its states and its named transitions; each transition says
 * from which states it may be taken, where it leads, who may take it and, optionally, a business
 * rule (guard) that must hold. The runner is pure: the server loads the record, builds the
 * context, applies the transition here, then writes the new state and a history row in one
 * transaction; the web app asks the same machine which buttons to show.
 *
 * Order of the checks in `applyTransition`, and how the server maps the refusals:
 *   1. unknown transition name           → 'transition.unknown'            (400)
 *   2. actor lacks permission / role, or
 *      the actor-relation check fails    → 'transition.forbidden'          (403)
 *   3. not allowed from the current state → 'transition.notAllowedFromState' (409)
 *   4. the guard returns a message key   → that key                        (422)
 * Authorization comes first so that someone who may never take a transition learns nothing
 * about the record's state from the answer.
 */

/** What the runner needs to know about who acts; identity's `Actor` fits. */
export interface MachineActor {
  readonly roles: readonly string[];
  readonly permissions: readonly string[];
}

export interface TransitionDefinition<S extends string, N extends string, C, A extends MachineActor> {
  readonly name: N;
  /** The state or states the transition may be taken from. */
  readonly from: S | readonly S[];
  readonly to: S;
  /** The actor must hold this permission. */
  readonly permission?: string;
  /** The actor must hold at least one of these roles. */
  readonly roles?: readonly string[];
  /**
   * A relation between the actor and this record that authorization needs (the enterprise owns
   * the application, the expert leads its review group). false → 'transition.forbidden'.
   */
  readonly actorMay?: (actor: A, context: C) => boolean;
  /** A business rule: null when it holds, else the message key saying why not (→ 422). */
  readonly guard?: (context: C, actor: A) => MessageKey | null;
}

export interface MachineDefinition<S extends string, N extends string, C, A extends MachineActor> {
  readonly states: readonly S[];
  readonly transitions: readonly TransitionDefinition<S, N, C, A>[];
}

export interface Machine<S extends string, N extends string, C, A extends MachineActor> extends MachineDefinition<S, N, C, A> {
  readonly transitionNames: readonly N[];
  /** The definition of a transition by name, or undefined for a name the machine does not have. */
  transition(name: string): TransitionDefinition<S, N, C, A> | undefined;
  isState(value: string): value is S;
}

export type TransitionRefusal = 'transition.unknown' | 'transition.forbidden' | 'transition.notAllowedFromState' | MessageKey;

export type TransitionResult<S extends string, N extends string> =
  { ok: true; transition: N; from: S; to: S } | { ok: false; reason: TransitionRefusal };

/** The graph of a machine: all that helpers reading only states and edges need. */
interface MachineGraph<S extends string> {
  readonly states: readonly S[];
  readonly transitions: readonly { readonly from: S | readonly S[]; readonly to: S }[];
}

export function fromStates<S extends string>(t: { readonly from: S | readonly S[] }): readonly S[] {
  return typeof t.from === 'string' ? [t.from as S] : (t.from as readonly S[]);
}

/**
 * Checks the definition and returns the machine. A malformed definition is a programming error,
 * so it throws at module load rather than failing a request later: empty or repeated states,
 * repeated transition names, a state a transition names but the machine does not declare, and a
 * transition that nobody is authorized by (neither permission nor roles).
 */
export function defineMachine<const S extends string, const N extends string, C = unknown, A extends MachineActor = MachineActor>(
  definition: MachineDefinition<S, N, C, A>,
): Machine<S, N, C, A> {
  const { states, transitions } = definition;
  if (states.length === 0) throw new Error('state machine: no states');
  const stateSet = new Set<string>(states);
  if (stateSet.size !== states.length) throw new Error('state machine: a state is declared twice');
  const byName = new Map<string, TransitionDefinition<S, N, C, A>>();
  for (const t of transitions) {
    if (byName.has(t.name)) throw new Error(`state machine: transition "${t.name}" is declared twice`);
    const from = fromStates(t);
    if (from.length === 0) throw new Error(`state machine: transition "${t.name}" has no source state`);
    for (const s of [...from, t.to]) {
      if (!stateSet.has(s)) throw new Error(`state machine: transition "${t.name}" names undeclared state "${s}"`);
    }
    if (t.permission === undefined && (t.roles === undefined || t.roles.length === 0)) {
      throw new Error(`state machine: transition "${t.name}" names neither a permission nor roles`);
    }
    byName.set(t.name, t);
  }
  return Object.freeze({
    states: Object.freeze([...states]),
    transitions: Object.freeze([...transitions]),
    transitionNames: Object.freeze(transitions.map((t) => t.name)),
    transition: (name: string) => byName.get(name),
    isState: (value: string): value is S => stateSet.has(value),
  });
}

/** Whether the actor is authorized for the transition on this record (permission, role, relation). */
export function mayTake<C, A extends MachineActor>(t: TransitionDefinition<string, string, C, A>, actor: A, context: C): boolean {
  if (t.permission !== undefined && !actor.permissions.includes(t.permission)) return false;
  if (t.roles !== undefined && !t.roles.some((r) => actor.roles.includes(r))) return false;
  if (t.actorMay !== undefined && !t.actorMay(actor, context)) return false;
  return true;
}

export function applyTransition<S extends string, N extends string, C, A extends MachineActor>(
  machine: Machine<S, N, C, A>,
  state: S,
  transitionName: string,
  actor: A,
  context: C,
): TransitionResult<S, N> {
  const t = machine.transition(transitionName);
  if (!t) return { ok: false, reason: 'transition.unknown' };
  if (!mayTake(t, actor, context)) return { ok: false, reason: 'transition.forbidden' };
  if (!fromStates(t).includes(state)) return { ok: false, reason: 'transition.notAllowedFromState' };
  const problem = t.guard ? t.guard(context, actor) : null;
  if (problem !== null) return { ok: false, reason: problem };
  return { ok: true, transition: t.name, from: state, to: t.to };
}

export interface TransitionOption<S extends string, N extends string> {
  name: N;
  to: S;
  /** null when the transition can be taken now, else the guard's message key (a disabled button's tooltip). */
  blockedBy: MessageKey | null;
}

/**
 * The transitions out of `state` that the actor is authorized for, each with the guard's verdict:
 * the UI shows them as buttons, disabled with the reason when the guard says no. Transitions the
 * actor may never take are left out.
 */
export function transitionOptions<S extends string, N extends string, C, A extends MachineActor>(
  machine: Machine<S, N, C, A>,
  state: S,
  actor: A,
  context: C,
): TransitionOption<S, N>[] {
  return machine.transitions
    .filter((t) => fromStates(t).includes(state) && mayTake(t, actor, context))
    .map((t) => ({ name: t.name, to: t.to, blockedBy: t.guard ? t.guard(context, actor) : null }));
}

/** The transitions `applyTransition` would accept now, in declaration order. */
export function availableTransitions<S extends string, N extends string, C, A extends MachineActor>(
  machine: Machine<S, N, C, A>,
  state: S,
  actor: A,
  context: C,
): { name: N; to: S }[] {
  return transitionOptions(machine, state, actor, context)
    .filter((o) => o.blockedBy === null)
    .map(({ name, to }) => ({ name, to }));
}

/**
 * States reachable from `from` along transitions, ignoring who acts and the guards (the graph
 * only); `avoiding` states are never entered. For tests such as "no path skips the eligibility
 * review" and for drawing the workflow.
 */
export function reachableStates<S extends string>(machine: MachineGraph<S>, from: S, avoiding: readonly S[] = []): Set<S> {
  const seen = new Set<S>([from]);
  const queue: S[] = [from];
  while (queue.length > 0) {
    const state = queue.shift()!;
    for (const t of machine.transitions) {
      const to = t.to;
      if (fromStates(t).includes(state) && !seen.has(to) && !avoiding.includes(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return seen;
}

/** States no transition leaves: where a record's workflow ends. */
export function terminalStates<S extends string>(machine: MachineGraph<S>): S[] {
  return machine.states.filter((s) => !machine.transitions.some((t) => fromStates(t).includes(s)));
}
