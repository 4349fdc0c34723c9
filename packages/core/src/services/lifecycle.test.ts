import { describe, expect, it } from 'vitest';
import { applyTransition, reachableStates, terminalStates } from '../shared/state-machine.js';
import { permissionsOf } from '../identity/permissions.js';
import { requestMachine, requestTransitionAfterAssignments, type RequestTransitionContext } from './lifecycle.js';

const actor = (role: 'office' | 'enterprise' | 'institution' | 'leader') => ({
  roles: [role],
  permissions: permissionsOf([role]),
});
const ctx = (over: Partial<RequestTransitionContext> = {}): RequestTransitionContext => ({
  actorIsOwner: false,
  actorIsAssigned: false,
  ...over,
});

describe('request lifecycle', () => {
  it('runs the whole way with hand-back, transfer and re-open', () => {
    const office = actor('office');
    const inst = actor('institution');
    const ent = actor('enterprise');
    const steps: [string, string, ReturnType<typeof actor>, RequestTransitionContext, string][] = [
      ['submitted', 'accept', office, ctx(), 'accepted'],
      ['accepted', 'dispatch', office, ctx({ institutionCount: 1 }), 'dispatched'],
      ['dispatched', 'hand_back', inst, ctx({ actorIsAssigned: true, reason: '不在业务范围' }), 'accepted'],
      ['accepted', 'dispatch', office, ctx({ institutionCount: 2 }), 'dispatched'],
      ['dispatched', 'transfer', office, ctx({ institutionCount: 1, reason: '误派' }), 'dispatched'],
      ['dispatched', 'start_service', inst, ctx({ actorIsAssigned: true }), 'in_service'],
      ['in_service', 'complete', inst, ctx({ actorIsAssigned: true }), 'completed'],
      ['completed', 'reopen', ent, ctx({ actorIsOwner: true, reason: '报告有误', reopenWindowOpen: true }), 'in_service'],
      ['in_service', 'complete', inst, ctx({ actorIsAssigned: true }), 'completed'],
      ['completed', 'rate', ent, ctx({ actorIsOwner: true, rating: 5 }), 'rated'],
      ['rated', 'close', office, ctx(), 'closed'],
    ];
    for (const [from, name, who, c, to] of steps) {
      const r = applyTransition(requestMachine, from as never, name, who, c);
      expect(r, `${from} --${name}-->`).toEqual({ ok: true, transition: name, from, to });
    }
  });

  it('refuses in the documented order: forbidden, wrong state, guard', () => {
    expect(applyTransition(requestMachine, 'submitted', 'accept', actor('enterprise'), ctx())).toEqual({
      ok: false,
      reason: 'transition.forbidden',
    });
    expect(applyTransition(requestMachine, 'submitted', 'accept', actor('leader'), ctx())).toEqual({
      ok: false,
      reason: 'transition.forbidden',
    });
    expect(applyTransition(requestMachine, 'closed', 'accept', actor('office'), ctx())).toEqual({
      ok: false,
      reason: 'transition.notAllowedFromState',
    });
    expect(applyTransition(requestMachine, 'submitted', 'decline', actor('office'), ctx({ reason: '  ' }))).toEqual({
      ok: false,
      reason: 'services.reason.required',
    });
    expect(applyTransition(requestMachine, 'dispatched', 'start_service', actor('institution'), ctx())).toEqual({
      ok: false,
      reason: 'transition.forbidden',
    });
    expect(
      applyTransition(requestMachine, 'completed', 'rate', actor('enterprise'), ctx({ actorIsOwner: true, rating: 6 })),
    ).toEqual({
      ok: false,
      reason: 'services.rating.range',
    });
    expect(
      applyTransition(
        requestMachine,
        'rated',
        'reopen',
        actor('enterprise'),
        ctx({ actorIsOwner: true, reason: 'x', reopenWindowOpen: false }),
      ),
    ).toEqual({ ok: false, reason: 'services.reopen.windowClosed' });
  });

  it('ends only in closed, and every state can reach it', () => {
    expect(terminalStates(requestMachine)).toEqual(['closed']);
    for (const s of requestMachine.states) expect(reachableStates(requestMachine, s).has('closed')).toBe(true);
    // nothing is rated without having been completed by an institution
    expect(reachableStates(requestMachine, 'submitted', ['completed']).has('rated')).toBe(false);
  });

  it('derives the request step from several institutions', () => {
    expect(requestTransitionAfterAssignments('dispatched', ['pending', 'pending'])).toBeNull();
    expect(requestTransitionAfterAssignments('dispatched', ['accepted', 'pending'])).toBe('start_service');
    expect(requestTransitionAfterAssignments('dispatched', ['handed_back', 'pending'])).toBeNull();
    expect(requestTransitionAfterAssignments('dispatched', ['handed_back', 'handed_back'])).toBe('hand_back');
    expect(requestTransitionAfterAssignments('in_service', ['done', 'accepted'])).toBeNull();
    expect(requestTransitionAfterAssignments('in_service', ['done', 'handed_back', 'done'])).toBe('complete');
    expect(requestTransitionAfterAssignments('in_service', ['handed_back'])).toBe('hand_back');
  });
});
