import { describe, expect, it } from 'vitest';
import { permissionsOf, type Actor, type Role } from '../identity/permissions.js';
import { applyTransition, reachableStates, terminalStates } from '../shared/state-machine.js';
import {
  inspectionMachine,
  planMachine,
  productCheckMachine,
  rectificationMachine,
  signalMachine,
  type PlanContext,
  type ProductCheckContext,
} from './lifecycle.js';

const actor = (role: Role): Actor => ({
  userId: role,
  username: role,
  displayName: role,
  regionCode: '410471',
  organizationId: null,
  roles: [role],
  permissions: permissionsOf([role]),
});
const office = actor('office');
const dept = actor('dept');
const firm = actor('enterprise');
const leader = actor('leader');

describe('plan and draw', () => {
  const ctx: PlanContext = { today: '2026-03-10', poolSize: 10, seedAnnouncedOn: '2026-03-10', openInspections: 0 };
  it('runs commit → seed → draw targets → draw inspectors → close, forward only', () => {
    let state = 'draft' as const as Parameters<typeof applyTransition>[1];
    for (const t of ['commit', 'enterSeed', 'drawTargets', 'drawInspectors', 'close']) {
      const r = applyTransition(planMachine, state as never, t, office, ctx);
      expect(r.ok, t).toBe(true);
      if (r.ok) state = r.to;
    }
    expect(state).toBe('closed');
    expect(terminalStates(planMachine)).toEqual(['closed']);
    // No transition leads back to a state before the draw: a draw cannot be re-run.
    for (const s of ['drawn', 'assigned', 'closed'] as const) {
      expect([...reachableStates(planMachine, s)].some((x) => ['draft', 'committed', 'seeded'].includes(x))).toBe(false);
    }
    expect(applyTransition(planMachine, 'drawn', 'drawTargets', office, ctx)).toEqual({
      ok: false,
      reason: 'transition.notAllowedFromState',
    });
  });
  it('refuses an empty pool, a seed before its day, and closing with open inspections', () => {
    expect(applyTransition(planMachine, 'draft', 'commit', office, { ...ctx, poolSize: 0 })).toMatchObject({
      reason: 'supervision.plan.emptyPool',
    });
    expect(applyTransition(planMachine, 'committed', 'enterSeed', office, { ...ctx, today: '2026-03-09' })).toMatchObject({
      reason: 'supervision.seed.tooEarly',
    });
    expect(applyTransition(planMachine, 'assigned', 'close', office, { ...ctx, openInspections: 2 })).toMatchObject({
      reason: 'supervision.plan.openInspections',
    });
  });
  it('leaves the draw to the office', () => {
    for (const who of [dept, firm, leader]) {
      expect(applyTransition(planMachine, 'draft', 'commit', who, ctx)).toEqual({ ok: false, reason: 'transition.forbidden' });
    }
  });
});

describe('inspection', () => {
  it('is recorded by the office or an inspector drawn for it, nobody else', () => {
    expect(applyTransition(inspectionMachine, 'assigned', 'record', office, { actorIsAssigned: false }).ok).toBe(true);
    expect(applyTransition(inspectionMachine, 'assigned', 'record', dept, { actorIsAssigned: true }).ok).toBe(true);
    expect(applyTransition(inspectionMachine, 'assigned', 'record', dept, { actorIsAssigned: false })).toMatchObject({
      reason: 'transition.forbidden',
    });
    expect(applyTransition(inspectionMachine, 'recorded', 'record', office, { actorIsAssigned: false })).toMatchObject({
      reason: 'transition.notAllowedFromState',
    });
  });
});

describe('product spot check', () => {
  const ctx: ProductCheckContext = {
    today: '2026-03-10',
    actorOwnsFirm: true,
    receivedOn: '2026-03-02',
    conclusion: 'fail',
    objectedBefore: false,
    objectionDeadline: '2026-03-17',
  };
  it('lets the firm object within the window, once, and only its own check', () => {
    expect(applyTransition(productCheckMachine, 'notified', 'object', firm, ctx).ok).toBe(true);
    expect(applyTransition(productCheckMachine, 'notified', 'object', firm, { ...ctx, today: '2026-03-18' })).toMatchObject({
      reason: 'supervision.objection.late',
    });
    expect(applyTransition(productCheckMachine, 'notified', 'object', firm, { ...ctx, objectedBefore: true })).toMatchObject({
      reason: 'supervision.objection.once',
    });
    expect(applyTransition(productCheckMachine, 'notified', 'object', firm, { ...ctx, actorOwnsFirm: false })).toMatchObject({
      reason: 'transition.forbidden',
    });
    expect(applyTransition(productCheckMachine, 'notified', 'object', office, ctx)).toMatchObject({
      reason: 'transition.forbidden',
    });
  });
  it('re-tests once: after a re-test the check is closed, with no way back to an objection', () => {
    expect(reachableStates(productCheckMachine, 'retesting').has('objected')).toBe(false);
    expect(reachableStates(productCheckMachine, 'closed').size).toBe(1);
  });
  it('lets the office correct recorded results until the firm objects or the check is closed', () => {
    for (const from of ['tested', 'notified'] as const) {
      expect(applyTransition(productCheckMachine, from, 'correctResults', office, ctx)).toMatchObject({ ok: true, to: 'tested' });
      expect(applyTransition(productCheckMachine, from, 'correctResults', firm, ctx)).toMatchObject({
        reason: 'transition.forbidden',
      });
    }
    for (const from of ['sampled', 'objected', 'retesting', 'closed'] as const) {
      expect(applyTransition(productCheckMachine, from, 'correctResults', office, ctx).ok).toBe(false);
    }
  });
  it('closes a failure only after the objection window', () => {
    expect(applyTransition(productCheckMachine, 'notified', 'close', office, ctx)).toMatchObject({
      reason: 'supervision.objection.windowOpen',
    });
    expect(applyTransition(productCheckMachine, 'notified', 'close', office, { ...ctx, today: '2026-03-18' }).ok).toBe(true);
    expect(applyTransition(productCheckMachine, 'notified', 'close', office, { ...ctx, conclusion: 'pass' }).ok).toBe(true);
  });
});

describe('rectification chain', () => {
  const ctx = { today: '2026-04-01', correctBy: '2026-03-31', actorOwnsFirm: true };
  it('goes order → re-inspection → notice → suspension → revocation, each by the office', () => {
    let state = 'ordered' as Parameters<typeof applyTransition>[1];
    for (const t of ['reinspectFail', 'publishNotice', 'suspend', 'revoke']) {
      const r = applyTransition(rectificationMachine, state as never, t, office, ctx);
      expect(r.ok, t).toBe(true);
      if (r.ok) state = r.to;
    }
    expect(state).toBe('revoked');
  });
  it('finds "not corrected" only after the deadline; the firm submits evidence for its own order', () => {
    expect(
      applyTransition(rectificationMachine, 'ordered', 'reinspectFail', office, { ...ctx, today: '2026-03-31' }),
    ).toMatchObject({
      reason: 'supervision.rectification.notDue',
    });
    expect(applyTransition(rectificationMachine, 'ordered', 'submitEvidence', firm, ctx).ok).toBe(true);
    expect(
      applyTransition(rectificationMachine, 'ordered', 'submitEvidence', firm, { ...ctx, actorOwnsFirm: false }),
    ).toMatchObject({
      reason: 'transition.forbidden',
    });
    expect(applyTransition(rectificationMachine, 'evidenceSubmitted', 'reinspectPass', office, ctx)).toMatchObject({
      to: 'corrected',
    });
  });
  it('ends in corrected or revoked', () => {
    expect(terminalStates(rectificationMachine).sort()).toEqual(['corrected', 'revoked']);
  });
});

describe('risk signal', () => {
  it('becomes a targeted plan only once graded above low, and has no re-test route', () => {
    expect(applyTransition(signalMachine, 'graded', 'plan', office, { grade: 'low' })).toMatchObject({
      reason: 'supervision.signal.gradeTooLow',
    });
    expect(applyTransition(signalMachine, 'graded', 'plan', office, { grade: 'high' }).ok).toBe(true);
    expect(signalMachine.transitionNames.some((n) => /retest|object/i.test(n))).toBe(false);
  });
});
