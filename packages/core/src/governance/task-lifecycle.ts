import { defineMachine, type MachineActor } from '../shared/state-machine.js';

/**
 * The supervised task's workflow (督办). A joint-meeting resolution assigns the task to a lead
 * department (with supporting departments); the departments report progress; the lead
 * department submits it for acceptance; the office accepts (closed) or returns it for rework.
 *
 *   assigned → in_progress → submitted → closed
 *        ↘          ↑            ↓
 *         ↘      returned ←──────┘
 *   cancelled: by the office from any open state
 *
 * Being overdue is not a state: it follows from the deadline and today (see task-deadline.ts),
 * so a task that is late is still in_progress, and escalation is recorded beside it.
 */
export const TASK_STATES = ['assigned', 'in_progress', 'submitted', 'returned', 'closed', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];
export const OPEN_TASK_STATES: readonly TaskState[] = ['assigned', 'in_progress', 'submitted', 'returned'];

export const TASK_PRIORITIES = ['high', 'normal', 'low'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

export interface TaskActor extends MachineActor {
  readonly organizationId: string | null;
}

export interface TaskContext {
  leadDepartmentId: string;
  supportingDepartmentIds: readonly string[];
  /** The note of a return for rework (required). */
  note?: string | null;
}

const isLead = (actor: TaskActor, c: TaskContext) => actor.organizationId === c.leadDepartmentId;
const isInvolved = (actor: TaskActor, c: TaskContext) =>
  isLead(actor, c) || (actor.organizationId !== null && c.supportingDepartmentIds.includes(actor.organizationId));

export const taskMachine = defineMachine<TaskState, 'report' | 'submit' | 'accept' | 'return' | 'cancel', TaskContext, TaskActor>(
  {
    states: TASK_STATES,
    transitions: [
      // A progress report moves a fresh or returned task into work; later reports keep it there.
      {
        name: 'report',
        from: ['assigned', 'in_progress', 'returned'],
        to: 'in_progress',
        permission: 'governance.task.report',
        actorMay: isInvolved,
      },
      // Only the lead department answers for the task as a whole.
      {
        name: 'submit',
        from: ['assigned', 'in_progress', 'returned'],
        to: 'submitted',
        permission: 'governance.task.report',
        actorMay: isLead,
      },
      { name: 'accept', from: 'submitted', to: 'closed', permission: 'governance.task.manage' },
      {
        name: 'return',
        from: 'submitted',
        to: 'returned',
        permission: 'governance.task.manage',
        guard: (c) => (c.note && c.note.trim().length > 0 ? null : 'governance.task.returnNeedsReason'),
      },
      {
        name: 'cancel',
        from: ['assigned', 'in_progress', 'submitted', 'returned'],
        to: 'cancelled',
        permission: 'governance.task.manage',
      },
    ],
  },
);
export type TaskTransition = (typeof taskMachine.transitionNames)[number];
