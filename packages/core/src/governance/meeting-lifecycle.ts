import { defineMachine, type MachineActor } from '../shared/state-machine.js';

/**
 * A joint meeting (联席会议): planned with its agenda, held (attendance and minutes recorded,
 * resolutions adopted), then its minutes are published and the record is final.
 *
 *   planned → held → published
 *   planned → cancelled
 */
export const MEETING_STATES = ['planned', 'held', 'published', 'cancelled'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];

export const MEETING_KINDS = ['regular', 'ad_hoc'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const ATTENDANCE_VALUES = ['present', 'delegated', 'absent'] as const;
export type Attendance = (typeof ATTENDANCE_VALUES)[number];

export interface MeetingContext {
  /** Member departments without an attendance entry. */
  attendanceMissing: number;
  minutes: string | null;
  resolutions: number;
}

export const meetingMachine = defineMachine<MeetingState, 'hold' | 'publish' | 'cancel', MeetingContext, MachineActor>({
  states: MEETING_STATES,
  transitions: [
    {
      name: 'hold',
      from: 'planned',
      to: 'held',
      permission: 'governance.meeting.manage',
      // Attendance is what the assessment's "meetings attended" indicator counts: every member is marked.
      guard: (c) => (c.attendanceMissing > 0 ? 'governance.meeting.attendanceIncomplete' : null),
    },
    {
      name: 'publish',
      from: 'held',
      to: 'published',
      permission: 'governance.meeting.manage',
      guard: (c) => (!c.minutes || c.minutes.trim() === '' ? 'governance.meeting.minutesMissing' : null),
    },
    { name: 'cancel', from: 'planned', to: 'cancelled', permission: 'governance.meeting.manage' },
  ],
});
export type MeetingTransition = (typeof meetingMachine.transitionNames)[number];

/** Attendance counts for the assessment: a delegate attends on the department's behalf. */
export function attended(value: Attendance): boolean {
  return value !== 'absent';
}
