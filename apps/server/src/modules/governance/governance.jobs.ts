import { addDays, taskFollowUp } from '@qd/core';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import type { Executor } from '../../platform/db/database.js';
import type { JobDefinition } from '../../platform/jobs/job-definition.js';
import { newId } from '../../platform/ids.js';
import { notify } from '../../platform/notifications/index.js';
import { systemContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import { activeUsersWithRole } from '../identity/index.js';
import { calendarOf, todayOf } from './governance-scope.js';
import { memberDepartmentsOn } from './group.service.js';
import * as repo from './tasks.repo.js';

/** Who hears of a task at each step: reminders and level 1 go to the lead department, level 2 to the leader. */
async function recipientsOf(db: Executor, task: repo.TaskRow, kind: 'reminder' | 'escalation', level: number, today: string) {
  if (kind === 'escalation' && level === 2) return (await activeUsersWithRole(db, task.regionCode, 'leader')).map((u) => u.id);
  if (kind === 'escalation') {
    // The department's head in the group, when the office named one; else all its officers.
    const seat = (await memberDepartmentsOn(db, task.regionCode, today)).find((m) => m.departmentId === task.leadDepartmentId);
    if (seat?.headUserId) return [seat.headUserId];
  }
  return (await activeUsersWithRole(db, task.regionCode, 'dept', task.leadDepartmentId)).map((u) => u.id);
}

function titleOf(task: repo.TaskRow, kind: 'reminder' | 'escalation', level: number): { zh: string; en: string } {
  if (kind === 'reminder') return { zh: `督办任务 ${task.code} 即将到期`, en: `Supervised task ${task.code} is due soon` };
  return level === 2
    ? {
        zh: `督办任务 ${task.code} 逾期未办结，提请领导督办`,
        en: `Supervised task ${task.code} is overdue: escalated to the leader`,
      }
    : {
        zh: `督办任务 ${task.code} 已逾期，请部门负责人督促办理`,
        en: `Supervised task ${task.code} is overdue: escalated to the department head`,
      };
}

/**
 * Reminders before the deadline and escalations after it, for every open task. Each signal is
 * recorded under a unique key (task, kind, level, deadline) in the same transaction as its audit
 * row, and only a newly recorded signal is sent: running twice, or after a crash, sends nothing
 * twice. A task whose deadline moves gets a fresh reminder for the new date.
 */
export async function runTaskFollowUp(deps: ServiceDeps): Promise<{ reminders: number; escalations: number }> {
  const { db } = deps.database;
  const today = todayOf(deps);
  // Three working days are never more than two calendar weeks, whatever the holidays: a safe superset.
  const horizon = addDays(today, 14);
  const open = await repo.openTasksDueBy(db, horizon);
  let reminders = 0;
  let escalations = 0;
  const calendars = new Map<string, Awaited<ReturnType<typeof calendarOf>>>();
  for (const task of open) {
    let cal = calendars.get(task.regionCode);
    if (!cal) calendars.set(task.regionCode, (cal = await calendarOf(db, task.regionCode)));
    const followUp = taskFollowUp(cal, task, today);
    const signals: { kind: 'reminder' | 'escalation'; level: number }[] = [];
    if (followUp.reminderDue) signals.push({ kind: 'reminder', level: 0 });
    for (let level = 1; level <= followUp.escalationLevel; level++) signals.push({ kind: 'escalation', level });
    if (signals.length === 0) continue;
    await db.transaction(async (tx) => {
      for (const s of signals) {
        const recipientIds = await recipientsOf(tx, task, s.kind, s.level, today);
        const recorded = await repo.recordSignal(tx, {
          id: newId(),
          regionCode: task.regionCode,
          taskId: task.id,
          kind: s.kind,
          level: s.level,
          deadline: task.deadline,
          recipientIds,
          sentOn: today,
          sentAt: deps.clock.now(),
        });
        if (!recorded) continue;
        for (const userId of recipientIds) {
          await notify(tx, {
            userId,
            regionCode: task.regionCode,
            kind: `governance.task.${s.kind}`,
            title: titleOf(task, s.kind, s.level),
            body: `${task.title}（期限 ${task.deadline}）`,
            link: `/governance/tasks/${task.id}`,
            dedupeKey: `governance.task.${s.kind}:${task.id}:${s.level}:${task.deadline}:${userId}`,
            at: deps.clock.now(),
          });
        }
        if (s.kind === 'reminder') reminders++;
        else escalations++;
        if (s.kind === 'escalation' && s.level > task.escalationLevel)
          await repo.updateTask(tx, task.id, { escalationLevel: s.level });
        await appendAudit(tx, systemContext(task.regionCode, 'job:governance.tasks.follow-up'), {
          action: s.kind === 'reminder' ? 'governance.task.remind' : 'governance.task.escalate',
          targetType: 'task',
          targetId: task.id,
          regionCode: task.regionCode,
          detail: {
            code: task.code,
            level: s.level,
            deadline: task.deadline,
            daysOverdue: followUp.daysOverdue,
            recipients: recipientIds.length,
          },
        });
      }
    });
  }
  return { reminders, escalations };
}

export const governanceJobs: readonly JobDefinition[] = [
  {
    name: 'governance.tasks.follow-up',
    // 01:10 UTC = 09:10 in Asia/Shanghai, at the start of the working day; hourly runs would be harmless too.
    cron: '10 1 * * *',
    run: async (deps) => runTaskFollowUp(deps),
  },
];
