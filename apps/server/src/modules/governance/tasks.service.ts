import {
  applyTransition,
  taskMachine,
  transitionOptions,
  type Page,
  type ProgressInput,
  type TaskListQuery,
  type TaskState,
  type TaskTransitionInput,
} from '@qd/core';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import { assertInRegion, authorize, authorizeAny } from '../../platform/authorize.js';
import { DOCUMENT_POLICY, findStoredFiles, readStoredFile, storeFile } from '../../platform/files/file-store.js';
import { notFound } from '../../platform/http/errors.js';
import type { Upload } from '../../platform/http/uploads.js';
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
} from './governance-scope.js';
import * as repo from './tasks.repo.js';
import { toTaskView, type TaskView } from './task-view.js';

export function createTasksService(deps: ServiceDeps) {
  const { db } = deps.database;

  /** A task the caller may see: in their region and, for a department, one it leads or supports. */
  async function loadVisible(ctx: RequestContext, id: string) {
    const row = await repo.findTask(db, id);
    if (!row) throw notFound();
    assertInRegion(ctx.actor, row.regionCode);
    const own = departmentScope(ctx.actor);
    if (own !== undefined && row.leadDepartmentId !== own && !row.supportingDepartmentIds.includes(own)) throw notFound();
    return row;
  }

  const machineActor = (ctx: RequestContext) => ({ ...ctx.actor, organizationId: ctx.actor.organizationId });
  const contextOf = (row: repo.TaskRow, note?: string | null) => ({
    leadDepartmentId: row.leadDepartmentId,
    supportingDepartmentIds: row.supportingDepartmentIds,
    note,
  });

  return {
    async list(ctx: RequestContext, query: TaskListQuery): Promise<Page<TaskView>> {
      authorize(ctx.actor, 'governance.read');
      const today = todayOf(deps);
      const { rows, total } = await repo.listTasks(
        db,
        { ...query, scopeRegion: ctx.actor.regionCode, departmentScope: departmentScope(ctx.actor), today },
        { offset: (query.current - 1) * query.pageSize, limit: query.pageSize },
      );
      const [directory, cal] = await Promise.all([
        departmentDirectory(db, ctx.actor.regionCode),
        calendarOf(db, ctx.actor.regionCode),
      ]);
      return {
        data: rows.map((r) => toTaskView(r, directory, cal, today)),
        total,
        current: query.current,
        pageSize: query.pageSize,
      };
    },

    /** Counts by lead department and state (overdue apart), the most overdue departments first. */
    async board(ctx: RequestContext, year?: number) {
      authorize(ctx.actor, 'governance.read');
      const today = todayOf(deps);
      const rows = await repo.taskBoard(db, {
        scopeRegion: ctx.actor.regionCode,
        departmentScope: departmentScope(ctx.actor),
        year,
        today,
      });
      const directory = await departmentDirectory(db, ctx.actor.regionCode);
      const byDept = new Map<
        string,
        {
          departmentId: string;
          departmentName: string;
          overdue: number;
          total: number;
          states: Partial<Record<TaskState, number>>;
        }
      >();
      for (const r of rows) {
        const entry = byDept.get(r.departmentId) ?? {
          departmentId: r.departmentId,
          departmentName: departmentName(directory, r.departmentId),
          overdue: 0,
          total: 0,
          states: {},
        };
        entry.states[r.state] = (entry.states[r.state] ?? 0) + r.n;
        entry.overdue += r.overdue;
        entry.total += r.n;
        byDept.set(r.departmentId, entry);
      }
      return [...byDept.values()].sort((a, b) => b.overdue - a.overdue || a.departmentName.localeCompare(b.departmentName));
    },

    async get(ctx: RequestContext, id: string) {
      authorize(ctx.actor, 'governance.read');
      const row = await loadVisible(ctx, id);
      const today = todayOf(deps);
      const [directory, cal, progress, history, signals, resolutions, attachments] = await Promise.all([
        departmentDirectory(db, row.regionCode),
        calendarOf(db, row.regionCode),
        repo.listProgress(db, id),
        repo.listTaskHistory(db, id),
        repo.listSignals(db, id),
        repo.resolutionCodes(db, row.resolutionId ? [row.resolutionId] : []),
        repo.listAttachments(db, id),
      ]);
      const files = new Map(
        (
          await findStoredFiles(
            db,
            attachments.map((a) => a.fileId),
          )
        ).map((f) => [f.id, f]),
      );
      return {
        ...toTaskView(row, directory, cal, today),
        resolution: row.resolutionId ? (resolutions.get(row.resolutionId) ?? null) : null,
        progress: progress.map((p) => ({ ...p, departmentName: departmentName(directory, p.departmentId) })),
        history,
        attachments: attachments.map((a) => ({
          fileId: a.fileId,
          progressId: a.progressId,
          departmentId: a.departmentId,
          fileName: files.get(a.fileId)?.fileName ?? null,
          sizeBytes: files.get(a.fileId)?.sizeBytes ?? null,
          sha256: files.get(a.fileId)?.sha256 ?? null,
        })),
        signals: signals.map((s) => ({
          kind: s.kind,
          level: s.level,
          deadline: s.deadline,
          sentOn: s.sentOn,
          recipients: s.recipientIds.length,
        })),
        transitions: transitionOptions(taskMachine, row.state, machineActor(ctx), contextOf(row)).filter(
          (t) => t.name !== 'report',
        ),
        mayReport: transitionOptions(taskMachine, row.state, machineActor(ctx), contextOf(row)).some((t) => t.name === 'report'),
      };
    },

    /** A progress report from the lead or a supporting department. */
    async report(ctx: RequestContext, id: string, input: ProgressInput) {
      authorize(ctx.actor, 'governance.task.report');
      const visible = await loadVisible(ctx, id);
      const today = todayOf(deps);
      await db.transaction(async (tx) => {
        const row = (await repo.lockTask(tx, id))!;
        const result = applyTransition(taskMachine, row.state, 'report', machineActor(ctx), contextOf(row));
        if (!result.ok) throw transitionRefused(result.reason);
        const now = deps.clock.now();
        const departmentId = ctx.actor.organizationId!;
        await repo.insertProgress(tx, {
          id: newId(),
          taskId: id,
          departmentId,
          reportedBy: ctx.actor.userId,
          reportedByName: ctx.actor.displayName,
          note: input.note,
          percent: input.percent,
          reportedOn: today,
          reportedAt: now,
        });
        // The lead department's figure is the task's; a supporting department's report does not move it.
        const lead = departmentId === row.leadDepartmentId;
        await repo.updateTask(tx, id, {
          state: result.to,
          progressPercent: lead ? input.percent : row.progressPercent,
          lastReportedOn: today,
          updatedAt: now,
        });
        if (result.from !== result.to) {
          await repo.insertTaskHistory(tx, {
            id: newId(),
            taskId: id,
            transition: 'report',
            fromState: result.from,
            toState: result.to,
            actorId: ctx.actor.userId,
            actorName: ctx.actor.displayName,
            at: now,
          });
        }
        await appendAudit(tx, ctx, {
          action: 'governance.task.report',
          targetType: 'task',
          targetId: id,
          regionCode: visible.regionCode,
          detail: { code: row.code, percent: input.percent, from: result.from, to: result.to },
        });
      });
      return this.get(ctx, id);
    },

    /** A file of evidence for the task (optionally for one progress report), from an involved department. */
    async attach(ctx: RequestContext, id: string, upload: Upload) {
      authorize(ctx.actor, 'governance.task.report');
      const visible = await loadVisible(ctx, id);
      const progressId = upload.fields.progressId || null;
      await db.transaction(async (tx) => {
        const row = (await repo.lockTask(tx, id))!;
        const result = applyTransition(taskMachine, row.state, 'report', machineActor(ctx), contextOf(row));
        if (!result.ok) throw transitionRefused(result.reason);
        if (progressId && !(await repo.listProgress(tx, id)).some((p) => p.id === progressId)) throw notFound();
        const file = await storeFile(tx, {
          regionCode: row.regionCode,
          fileName: upload.fileName,
          contentType: upload.contentType,
          bytes: upload.bytes,
          createdBy: ctx.actor.userId,
          policy: DOCUMENT_POLICY,
        });
        await repo.insertAttachment(tx, { taskId: id, fileId: file.id, progressId, departmentId: ctx.actor.organizationId });
        await appendAudit(tx, ctx, {
          action: 'governance.task.attach',
          targetType: 'task',
          targetId: id,
          regionCode: visible.regionCode,
          detail: { code: row.code, fileId: file.id, fileName: file.fileName, sha256: file.sha256, progressId },
        });
      });
      return this.get(ctx, id);
    },

    /** An attachment of a task the caller may see. */
    async attachment(ctx: RequestContext, id: string, fileId: string) {
      authorize(ctx.actor, 'governance.read');
      await loadVisible(ctx, id);
      if (!(await repo.findAttachment(db, id, fileId))) throw notFound();
      const found = await readStoredFile(db, fileId);
      if (!found) throw notFound();
      return found;
    },

    /** submit (lead department), accept / return / cancel (office). */
    async transition(ctx: RequestContext, id: string, input: TaskTransitionInput) {
      // Which of the two the step needs, the state machine says (submit: report; accept, return, cancel: manage).
      authorizeAny(ctx.actor, ['governance.task.manage', 'governance.task.report']);
      const visible = await loadVisible(ctx, id);
      if (input.transition === 'report') throw transitionRefused('transition.unknown');
      const today = todayOf(deps);
      await db.transaction(async (tx) => {
        const row = (await repo.lockTask(tx, id))!;
        const result = applyTransition(taskMachine, row.state, input.transition, machineActor(ctx), contextOf(row, input.note));
        if (!result.ok) throw transitionRefused(result.reason);
        const now = deps.clock.now();
        await repo.updateTask(tx, id, {
          state: result.to,
          closedOn: result.to === 'closed' ? today : row.closedOn,
          progressPercent: result.to === 'closed' ? 100 : row.progressPercent,
          updatedAt: now,
        });
        await repo.insertTaskHistory(tx, {
          id: newId(),
          taskId: id,
          transition: result.transition,
          fromState: result.from,
          toState: result.to,
          note: input.note ?? null,
          actorId: ctx.actor.userId,
          actorName: ctx.actor.displayName,
          at: now,
        });
        await appendAudit(tx, ctx, {
          action: `governance.task.${result.transition}`,
          targetType: 'task',
          targetId: id,
          regionCode: visible.regionCode,
          detail: {
            code: row.code,
            from: result.from,
            to: result.to,
            note: input.note ?? null,
            onTime: result.to === 'closed' ? today <= row.deadline : undefined,
          },
        });
      });
      return this.get(ctx, id);
    },
  };
}

export type TasksService = ReturnType<typeof createTasksService>;
