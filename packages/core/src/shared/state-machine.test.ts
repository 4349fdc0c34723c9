import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MessageKey } from './messages.js';
import {
  applyTransition,
  availableTransitions,
  defineMachine,
  reachableStates,
  terminalStates,
  transitionOptions,
  type MachineActor,
} from './state-machine.js';

interface Ctx {
  paid: boolean;
  ownerId: string;
}
type Actor = MachineActor & { userId: string };

const order = defineMachine({
  states: ['open', 'paid', 'shipped', 'cancelled'],
  transitions: [
    {
      name: 'pay',
      from: 'open',
      to: 'paid',
      permission: 'order.own',
      actorMay: (actor: Actor, ctx: Ctx) => actor.userId === ctx.ownerId,
      guard: (ctx: Ctx): MessageKey | null => (ctx.paid ? null : 'validation.required'),
    },
    { name: 'ship', from: 'paid', to: 'shipped', permission: 'order.ship' },
    { name: 'cancel', from: ['open', 'paid'], to: 'cancelled', roles: ['clerk', 'manager'] },
  ],
});

const customer: Actor = { userId: 'u1', roles: ['customer'], permissions: ['order.own'] };
const stranger: Actor = { userId: 'u2', roles: ['customer'], permissions: ['order.own'] };
const clerk: Actor = { userId: 'c1', roles: ['clerk'], permissions: ['order.ship'] };
const ctx: Ctx = { paid: true, ownerId: 'u1' };

describe('state machines as data', () => {
  it('applies a transition the actor may take from the current state', () => {
    expect(applyTransition(order, 'open', 'pay', customer, ctx)).toEqual({
      ok: true,
      transition: 'pay',
      from: 'open',
      to: 'paid',
    });
    expect(applyTransition(order, 'paid', 'ship', clerk, ctx)).toEqual({
      ok: true,
      transition: 'ship',
      from: 'paid',
      to: 'shipped',
    });
    expect(applyTransition(order, 'paid', 'cancel', clerk, ctx)).toMatchObject({ ok: true, to: 'cancelled' });
  });

  it('refuses a transition from a state it does not leave', () => {
    expect(applyTransition(order, 'shipped', 'ship', clerk, ctx)).toEqual({
      ok: false,
      reason: 'transition.notAllowedFromState',
    });
    expect(applyTransition(order, 'shipped', 'cancel', clerk, ctx)).toEqual({
      ok: false,
      reason: 'transition.notAllowedFromState',
    });
  });

  it('refuses an actor without the permission, the role or the relation to the record', () => {
    expect(applyTransition(order, 'paid', 'ship', customer, ctx)).toEqual({ ok: false, reason: 'transition.forbidden' });
    expect(applyTransition(order, 'open', 'cancel', customer, ctx)).toEqual({ ok: false, reason: 'transition.forbidden' });
    expect(applyTransition(order, 'open', 'pay', stranger, ctx)).toEqual({ ok: false, reason: 'transition.forbidden' });
  });

  it('checks authorization before the state, so a forbidden actor learns nothing about the state', () => {
    expect(applyTransition(order, 'shipped', 'ship', customer, ctx)).toEqual({ ok: false, reason: 'transition.forbidden' });
  });

  it("returns the guard's message key when the rule is not met", () => {
    expect(applyTransition(order, 'open', 'pay', customer, { ...ctx, paid: false })).toEqual({
      ok: false,
      reason: 'validation.required',
    });
  });

  it('refuses a name the machine does not have', () => {
    expect(applyTransition(order, 'open', 'refund', clerk, ctx)).toEqual({ ok: false, reason: 'transition.unknown' });
    expect(applyTransition(order, 'open', 'toString', clerk, ctx)).toEqual({ ok: false, reason: 'transition.unknown' });
  });

  it('lists what the actor may do now, and what is blocked by a rule', () => {
    expect(availableTransitions(order, 'open', customer, ctx)).toEqual([{ name: 'pay', to: 'paid' }]);
    expect(availableTransitions(order, 'open', customer, { ...ctx, paid: false })).toEqual([]);
    expect(transitionOptions(order, 'open', customer, { ...ctx, paid: false })).toEqual([
      { name: 'pay', to: 'paid', blockedBy: 'validation.required' },
    ]);
    expect(availableTransitions(order, 'paid', clerk, ctx)).toEqual([
      { name: 'ship', to: 'shipped' },
      { name: 'cancel', to: 'cancelled' },
    ]);
    expect(availableTransitions(order, 'shipped', clerk, ctx)).toEqual([]);
  });

  it('reads the graph: reachable and terminal states', () => {
    expect(reachableStates(order, 'open')).toEqual(new Set(['open', 'paid', 'shipped', 'cancelled']));
    expect(reachableStates(order, 'open', ['paid'])).toEqual(new Set(['open', 'cancelled']));
    expect(terminalStates(order)).toEqual(['shipped', 'cancelled']);
  });

  it('refuses malformed definitions when they are defined', () => {
    const t = { name: 'go', from: 'a', to: 'b', permission: 'p' } as const;
    expect(() => defineMachine({ states: [], transitions: [] })).toThrow(/no states/);
    expect(() => defineMachine({ states: ['a', 'a'], transitions: [] })).toThrow(/twice/);
    expect(() => defineMachine({ states: ['a', 'b'], transitions: [t, t] })).toThrow(/"go" is declared twice/);
    expect(() => defineMachine({ states: ['a'], transitions: [{ ...t, to: 'b' as 'a' }] })).toThrow(/undeclared state "b"/);
    expect(() => defineMachine({ states: ['a', 'b'], transitions: [{ ...t, from: [] }] })).toThrow(/no source/);
    expect(() => defineMachine({ states: ['a', 'b'], transitions: [{ name: 'go', from: 'a', to: 'b' }] })).toThrow(
      /neither a permission nor roles/,
    );
    expect(() => defineMachine({ states: ['a', 'b'], transitions: [{ name: 'go', from: 'a', to: 'b', roles: [] }] })).toThrow(
      /neither a permission nor roles/,
    );
  });

  it('never leaves the declared states when only available transitions are applied (random machines)', () => {
    const PERMS = ['p0', 'p1', 'p2'];
    const machineArb = fc.integer({ min: 1, max: 8 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        transitions: fc.array(
          fc.record({
            from: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: n }),
            to: fc.integer({ min: 0, max: n - 1 }),
            permission: fc.constantFrom(...PERMS),
            guardFlag: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
          }),
          { maxLength: 12 },
        ),
      }),
    );
    fc.assert(
      fc.property(
        machineArb,
        fc.subarray(PERMS),
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        fc.array(fc.string({ maxLength: 4 }), { maxLength: 5 }),
        ({ n, transitions }, permissions, flags, choices, junkNames) => {
          const states = Array.from({ length: n }, (_, i) => `s${i}`);
          const machine = defineMachine<string, string, boolean[], MachineActor>({
            states,
            transitions: transitions.map((t, i) => ({
              name: `t${i}`,
              from: t.from.map((f) => `s${f}`),
              to: `s${t.to}`,
              permission: t.permission,
              guard: t.guardFlag === null ? undefined : (c: boolean[]) => (c[t.guardFlag!] ? null : 'validation.invalid'),
            })),
          });
          const actor: MachineActor = { roles: [], permissions };
          let state = states[0]!;
          for (const choice of choices) {
            const available = availableTransitions(machine, state, actor, flags);
            const availableNames = new Set(available.map((a) => a.name));
            // Whatever is not offered is refused.
            for (const name of [...machine.transitionNames, ...junkNames]) {
              if (!availableNames.has(name)) expect(applyTransition(machine, state, name, actor, flags).ok).toBe(false);
            }
            if (available.length === 0) break;
            const pick = available[choice % available.length]!;
            const result = applyTransition(machine, state, pick.name, actor, flags);
            expect(result).toEqual({ ok: true, transition: pick.name, from: state, to: pick.to });
            state = pick.to;
            expect(states).toContain(state);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
