import { describe, expect, it } from 'vitest';
import { applyTransition, reachableStates, terminalStates } from '../shared/state-machine.js';
import { permissionsOf } from '../identity/permissions.js';
import { attended, meetingMachine } from './meeting-lifecycle.js';
import { taskMachine, type TaskActor, type TaskContext } from './task-lifecycle.js';

const LEAD = '00000000-0000-7000-8000-000000000001';
const SUPPORT = '00000000-0000-7000-8000-000000000002';
const OTHER = '00000000-0000-7000-8000-000000000003';

const dept = (organizationId: string): TaskActor => ({ roles: ['dept'], permissions: permissionsOf(['dept']), organizationId });
const office: TaskActor = { roles: ['office'], permissions: permissionsOf(['office']), organizationId: null };
const leader: TaskActor = { roles: ['leader'], permissions: permissionsOf(['leader']), organizationId: null };
const ctx = (note?: string): TaskContext => ({ leadDepartmentId: LEAD, supportingDepartmentIds: [SUPPORT], note });

describe('supervised task lifecycle', () => {
  it('runs assigned → in_progress → submitted → returned → submitted → closed', () => {
    expect(applyTransition(taskMachine, 'assigned', 'report', dept(SUPPORT), ctx())).toMatchObject({
      ok: true,
      to: 'in_progress',
    });
    expect(applyTransition(taskMachine, 'in_progress', 'submit', dept(LEAD), ctx())).toMatchObject({ ok: true, to: 'submitted' });
    expect(applyTransition(taskMachine, 'submitted', 'return', office, ctx('补充佐证材料'))).toMatchObject({
      ok: true,
      to: 'returned',
    });
    expect(applyTransition(taskMachine, 'returned', 'submit', dept(LEAD), ctx())).toMatchObject({ ok: true, to: 'submitted' });
    expect(applyTransition(taskMachine, 'submitted', 'accept', office, ctx())).toMatchObject({ ok: true, to: 'closed' });
  });

  it('lets only involved departments report and only the lead submit', () => {
    expect(applyTransition(taskMachine, 'assigned', 'report', dept(OTHER), ctx())).toEqual({
      ok: false,
      reason: 'transition.forbidden',
    });
    expect(applyTransition(taskMachine, 'in_progress', 'submit', dept(SUPPORT), ctx())).toEqual({
      ok: false,
      reason: 'transition.forbidden',
    });
    expect(applyTransition(taskMachine, 'submitted', 'accept', dept(LEAD), ctx())).toEqual({
      ok: false,
      reason: 'transition.forbidden',
    });
    expect(applyTransition(taskMachine, 'submitted', 'accept', leader, ctx())).toEqual({
      ok: false,
      reason: 'transition.forbidden',
    });
  });

  it('refuses a return without reason, and steps from the wrong state', () => {
    expect(applyTransition(taskMachine, 'submitted', 'return', office, ctx('  '))).toEqual({
      ok: false,
      reason: 'governance.task.returnNeedsReason',
    });
    expect(applyTransition(taskMachine, 'closed', 'report', dept(LEAD), ctx())).toEqual({
      ok: false,
      reason: 'transition.notAllowedFromState',
    });
    expect(applyTransition(taskMachine, 'assigned', 'accept', office, ctx())).toEqual({
      ok: false,
      reason: 'transition.notAllowedFromState',
    });
  });

  it('ends only in closed or cancelled, and closing always passes through submission', () => {
    expect(terminalStates(taskMachine).sort()).toEqual(['cancelled', 'closed']);
    expect(reachableStates(taskMachine, 'assigned', ['submitted']).has('closed')).toBe(false);
  });
});

describe('joint meeting lifecycle', () => {
  const actor = { roles: ['office'], permissions: permissionsOf(['office']) };
  it('holds only with complete attendance and publishes only with minutes', () => {
    expect(
      applyTransition(meetingMachine, 'planned', 'hold', actor, { attendanceMissing: 2, minutes: null, resolutions: 0 }),
    ).toEqual({
      ok: false,
      reason: 'governance.meeting.attendanceIncomplete',
    });
    expect(
      applyTransition(meetingMachine, 'planned', 'hold', actor, { attendanceMissing: 0, minutes: null, resolutions: 0 }),
    ).toMatchObject({
      ok: true,
      to: 'held',
    });
    expect(
      applyTransition(meetingMachine, 'held', 'publish', actor, { attendanceMissing: 0, minutes: '', resolutions: 1 }),
    ).toEqual({
      ok: false,
      reason: 'governance.meeting.minutesMissing',
    });
    expect(
      applyTransition(meetingMachine, 'held', 'publish', actor, { attendanceMissing: 0, minutes: '纪要', resolutions: 1 }),
    ).toMatchObject({
      ok: true,
      to: 'published',
    });
    expect(
      applyTransition(meetingMachine, 'held', 'cancel', actor, { attendanceMissing: 0, minutes: null, resolutions: 0 }),
    ).toEqual({
      ok: false,
      reason: 'transition.notAllowedFromState',
    });
  });

  it('refuses departments', () => {
    const d = { roles: ['dept'], permissions: permissionsOf(['dept']) };
    expect(
      applyTransition(meetingMachine, 'planned', 'cancel', d, { attendanceMissing: 0, minutes: null, resolutions: 0 }),
    ).toEqual({
      ok: false,
      reason: 'transition.forbidden',
    });
  });

  it('counts a delegate as attending', () => {
    expect([attended('present'), attended('delegated'), attended('absent')]).toEqual([true, true, false]);
  });
});

describe('assessment lifecycle', () => {
  const actor = { roles: ['office'], permissions: permissionsOf(['office']) };
  it('recomputes until locked, locks only without open appeals, and never leaves locked', async () => {
    const { assessmentMachine } = await import('./assessment-lifecycle.js');
    expect(applyTransition(assessmentMachine, 'computed', 'compute', actor, { openAppeals: 0 })).toMatchObject({ ok: true });
    expect(applyTransition(assessmentMachine, 'computed', 'lock', actor, { openAppeals: 1 })).toEqual({
      ok: false,
      reason: 'governance.assessment.appealsOpen',
    });
    expect(applyTransition(assessmentMachine, 'locked', 'compute', actor, { openAppeals: 0 })).toEqual({
      ok: false,
      reason: 'transition.notAllowedFromState',
    });
    expect(terminalStates(assessmentMachine)).toEqual(['locked']);
  });
});
