import {
  applyTransition,
  meetingMachine,
  taskDeadline,
  transitionOptions,
  type AttendanceInput,
  type MeetingInput,
  type MeetingState,
  type Page,
  type ResolutionInput,
} from '@qd/core';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import { assertInRegion, authorize } from '../../platform/authorize.js';
import type { Executor } from '../../platform/db/database.js';
import { conflict, notFound, ruleViolated } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import {
  calendarOf,
  departmentDirectory,
  departmentName,
  departmentScope,
  todayOf,
  transitionRefused,
  yearOf,
} from './governance-scope.js';
import { memberDepartmentsOn } from './group.service.js';
import * as repo from './meetings.repo.js';
import * as tasksRepo from './tasks.repo.js';
import { toTaskView } from './task-view.js';

const EDITABLE: MeetingState[] = ['planned', 'held'];

export function createMeetingsService(deps: ServiceDeps) {
  const { db } = deps.database;

  async function load(ctx: RequestContext, id: string) {
    const row = await repo.findMeeting(db, id);
    if (!row) throw notFound();
    assertInRegion(ctx.actor, row.regionCode);
    return row;
  }

  /** The member departments expected at the meeting and those not yet marked. */
  async function roster(tx: Executor, meeting: repo.MeetingRow) {
    const members = await memberDepartmentsOn(tx, meeting.regionCode, meeting.scheduledOn);
    const attendance = await repo.listAttendance(tx, meeting.id);
    const marked = new Set(attendance.map((a) => a.departmentId));
    const expected = [...new Set(members.map((m) => m.departmentId))];
    return { expected, attendance, missing: expected.filter((d) => !marked.has(d)) };
  }

  async function contextOf(tx: Executor, meeting: repo.MeetingRow) {
    const r = await roster(tx, meeting);
    return {
      attendanceMissing: r.missing.length,
      minutes: meeting.minutes,
      resolutions: await repo.countResolutions(tx, meeting.id),
    };
  }

  return {
    async list(
      ctx: RequestContext,
      query: { current: number; pageSize: number; year?: number; keyword?: string },
    ): Promise<Page<repo.MeetingRow>> {
      authorize(ctx.actor, 'governance.read');
      const { rows, total } = await repo.listMeetings(db, ctx.actor.regionCode, query, {
        offset: (query.current - 1) * query.pageSize,
        limit: query.pageSize,
      });
      return { data: rows, total, current: query.current, pageSize: query.pageSize };
    },

    async get(ctx: RequestContext, id: string) {
      authorize(ctx.actor, 'governance.read');
      const meeting = await load(ctx, id);
      const directory = await departmentDirectory(db, meeting.regionCode);
      const r = await roster(db, meeting);
      const byDept = new Map(r.attendance.map((a) => [a.departmentId, a]));
      const resolutions = await repo.listResolutions(db, [meeting.id]);
      const { rows: taskRows } = await tasksRepo.listTasks(
        db,
        {
          scopeRegion: ctx.actor.regionCode,
          departmentScope: departmentScope(ctx.actor),
          resolutionIds: resolutions.map((x) => x.id),
          today: todayOf(deps),
        },
        { offset: 0, limit: 500 },
      );
      const cal = await calendarOf(db, meeting.regionCode);
      const tasks = taskRows.map((t) => toTaskView(t, directory, cal, todayOf(deps)));
      const context = await contextOf(db, meeting);
      return {
        ...meeting,
        attendance: [...new Set([...r.expected, ...byDept.keys()])].map((departmentId) => ({
          departmentId,
          departmentName: departmentName(directory, departmentId),
          attendance: byDept.get(departmentId)?.attendance ?? null,
          attendeeName: byDept.get(departmentId)?.attendeeName ?? null,
        })),
        resolutions: resolutions.map((res) => ({ ...res, tasks: tasks.filter((t) => t.resolutionId === res.id) })),
        history: await repo.listMeetingHistory(db, meeting.id),
        transitions: transitionOptions(meetingMachine, meeting.state, ctx.actor, context),
      };
    },

    async create(ctx: RequestContext, input: MeetingInput) {
      authorize(ctx.actor, 'governance.meeting.manage');
      const regionCode = ctx.actor.regionCode;
      const id = newId();
      const year = yearOf(input.scheduledOn);
      await db.transaction(async (tx) => {
        const n = await repo.nextMeetingNumber(tx, regionCode, year);
        const code = `LX-${year}-${String(n).padStart(2, '0')}`;
        const now = deps.clock.now();
        await repo.insertMeeting(tx, {
          id,
          regionCode,
          code,
          year,
          kind: input.kind,
          title: input.title,
          scheduledOn: input.scheduledOn,
          location: input.location ?? null,
          agenda: input.agenda,
          state: 'planned',
          createdAt: now,
          updatedAt: now,
        });
        await appendAudit(tx, ctx, {
          action: 'governance.meeting.create',
          targetType: 'meeting',
          targetId: id,
          regionCode,
          detail: { code, kind: input.kind, title: input.title, scheduledOn: input.scheduledOn },
        });
      });
      return this.get(ctx, id);
    },

    async recordAttendance(ctx: RequestContext, id: string, input: AttendanceInput) {
      authorize(ctx.actor, 'governance.meeting.manage');
      const before = await load(ctx, id);
      await db.transaction(async (tx) => {
        const meeting = (await repo.lockMeeting(tx, id))!;
        if (!EDITABLE.includes(meeting.state)) throw conflict('governance.meeting.notEditable');
        const { expected } = await roster(tx, meeting);
        input.entries.forEach((e, i) => {
          if (!expected.includes(e.departmentId)) {
            throw ruleViolated('governance.group.departmentNotMember', [
              { path: `entries.${i}.departmentId`, message: 'governance.group.departmentNotMember' },
            ]);
          }
        });
        await repo.upsertAttendance(
          tx,
          input.entries.map((e) => ({
            meetingId: id,
            departmentId: e.departmentId,
            attendance: e.attendance,
            attendeeName: e.attendeeName ?? null,
          })),
        );
        await repo.updateMeeting(tx, id, { updatedAt: deps.clock.now() });
        await appendAudit(tx, ctx, {
          action: 'governance.meeting.attendance',
          targetType: 'meeting',
          targetId: id,
          regionCode: before.regionCode,
          detail: { entries: input.entries.map((e) => ({ departmentId: e.departmentId, attendance: e.attendance })) },
        });
      });
      return this.get(ctx, id);
    },

    async recordMinutes(ctx: RequestContext, id: string, minutes: string) {
      authorize(ctx.actor, 'governance.meeting.manage');
      const before = await load(ctx, id);
      await db.transaction(async (tx) => {
        const meeting = (await repo.lockMeeting(tx, id))!;
        if (!EDITABLE.includes(meeting.state)) throw conflict('governance.meeting.notEditable');
        await repo.updateMeeting(tx, id, { minutes, updatedAt: deps.clock.now() });
        await appendAudit(tx, ctx, {
          action: 'governance.meeting.minutes',
          targetType: 'meeting',
          targetId: id,
          regionCode: before.regionCode,
          detail: { length: minutes.length },
        });
      });
      return this.get(ctx, id);
    },

    async transition(ctx: RequestContext, id: string, transition: string) {
      authorize(ctx.actor, 'governance.meeting.manage');
      const before = await load(ctx, id);
      await db.transaction(async (tx) => {
        const meeting = (await repo.lockMeeting(tx, id))!;
        const result = applyTransition(meetingMachine, meeting.state, transition, ctx.actor, await contextOf(tx, meeting));
        if (!result.ok) throw transitionRefused(result.reason);
        const now = deps.clock.now();
        await repo.updateMeeting(tx, id, { state: result.to, updatedAt: now });
        await repo.insertMeetingHistory(tx, {
          id: newId(),
          meetingId: id,
          transition: result.transition,
          fromState: result.from,
          toState: result.to,
          actorId: ctx.actor.userId,
          at: now,
        });
        await appendAudit(tx, ctx, {
          action: `governance.meeting.${result.transition}`,
          targetType: 'meeting',
          targetId: id,
          regionCode: before.regionCode,
          detail: { code: meeting.code, from: result.from, to: result.to },
        });
      });
      return this.get(ctx, id);
    },

    /** A resolution and the supervised tasks it gives rise to, in one transaction. */
    async addResolution(ctx: RequestContext, id: string, input: ResolutionInput) {
      authorize(ctx.actor, 'governance.meeting.manage');
      authorize(ctx.actor, 'governance.task.manage');
      const before = await load(ctx, id);
      const cal = await calendarOf(db, before.regionCode);
      await db.transaction(async (tx) => {
        const meeting = (await repo.lockMeeting(tx, id))!;
        if (meeting.state !== 'held') throw conflict('governance.meeting.notHeld');
        const { expected } = await roster(tx, meeting);
        input.tasks.forEach((t, i) => {
          [t.leadDepartmentId, ...t.supportingDepartmentIds].forEach((d, j) => {
            if (!expected.includes(d)) {
              const path = j === 0 ? `tasks.${i}.leadDepartmentId` : `tasks.${i}.supportingDepartmentIds.${j - 1}`;
              throw ruleViolated('governance.group.departmentNotMember', [
                { path, message: 'governance.group.departmentNotMember' },
              ]);
            }
          });
          if (t.deadline.date && t.deadline.date < meeting.scheduledOn) {
            throw ruleViolated('governance.task.deadlineBeforeMeeting', [
              { path: `tasks.${i}.deadline.date`, message: 'governance.task.deadlineBeforeMeeting' },
            ]);
          }
        });
        const resolutionId = newId();
        const n = (await repo.countResolutions(tx, id)) + 1;
        const code = `${meeting.code}-R${n}`;
        const now = deps.clock.now();
        await repo.insertResolution(tx, {
          id: resolutionId,
          regionCode: meeting.regionCode,
          meetingId: id,
          code,
          text: input.text,
          createdAt: now,
        });
        let next = (await tasksRepo.countTasksOfYear(tx, meeting.regionCode, meeting.year)) + 1;
        const rows: tasksRepo.TaskInsert[] = input.tasks.map((t) => ({
          id: newId(),
          regionCode: meeting.regionCode,
          code: `DB-${meeting.year}-${String(next++).padStart(4, '0')}`,
          year: meeting.year,
          resolutionId,
          title: t.title,
          leadDepartmentId: t.leadDepartmentId,
          supportingDepartmentIds: t.supportingDepartmentIds,
          assignedOn: meeting.scheduledOn,
          deadline: taskDeadline(cal, meeting.scheduledOn, t.deadline),
          deadlineWorkingDays: t.deadline.date ? null : (t.deadline.workingDays ?? null),
          expectedOutput: t.expectedOutput,
          priority: t.priority,
          state: 'assigned',
          createdAt: now,
          updatedAt: now,
        }));
        await tasksRepo.insertTasks(tx, rows);
        await appendAudit(tx, ctx, {
          action: 'governance.resolution.create',
          targetType: 'resolution',
          targetId: resolutionId,
          regionCode: meeting.regionCode,
          detail: {
            meeting: meeting.code,
            code,
            tasks: rows.map((r) => ({ id: r.id, code: r.code, lead: r.leadDepartmentId, deadline: r.deadline })),
          },
        });
      });
      return this.get(ctx, id);
    },
  };
}

export type MeetingsService = ReturnType<typeof createMeetingsService>;
