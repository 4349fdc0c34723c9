import { defineMachine, type MachineActor } from '../shared/state-machine.js';

/**
 * A year's assessment: the scheme is drafted, computed (as often as needed while inputs and
 * appeals are settled), then approved and locked. Once locked the stored results are the record:
 * nothing recomputes them, so a changed input afterwards does not change a locked result.
 *
 *   draft → computed ⟲ → locked
 */
export const ASSESSMENT_STATES = ['draft', 'computed', 'locked'] as const;
export type AssessmentState = (typeof ASSESSMENT_STATES)[number];

export interface AssessmentContext {
  openAppeals: number;
}

export const assessmentMachine = defineMachine<AssessmentState, 'compute' | 'lock', AssessmentContext, MachineActor>({
  states: ASSESSMENT_STATES,
  transitions: [
    { name: 'compute', from: ['draft', 'computed'], to: 'computed', permission: 'governance.assessment.manage' },
    {
      name: 'lock',
      from: 'computed',
      to: 'locked',
      permission: 'governance.assessment.manage',
      guard: (c) => (c.openAppeals > 0 ? 'governance.assessment.appealsOpen' : null),
    },
  ],
});
