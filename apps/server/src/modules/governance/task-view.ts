import { taskFollowUp, type WorkingCalendar } from '@qd/core';
import type { DepartmentSummary } from '../registry/index.js';
import { departmentName } from './governance-scope.js';
import type { TaskRow } from './tasks.repo.js';

/** A task as the API shows it: names beside ids, and its lateness as of today. */
export function toTaskView(row: TaskRow, directory: Map<string, DepartmentSummary>, cal: WorkingCalendar, today: string) {
  const followUp = taskFollowUp(cal, row, today);
  return {
    id: row.id,
    code: row.code,
    year: row.year,
    resolutionId: row.resolutionId,
    title: row.title,
    leadDepartmentId: row.leadDepartmentId,
    leadDepartmentName: departmentName(directory, row.leadDepartmentId),
    supportingDepartments: row.supportingDepartmentIds.map((id) => ({ id, name: departmentName(directory, id) })),
    assignedOn: row.assignedOn,
    deadline: row.deadline,
    deadlineWorkingDays: row.deadlineWorkingDays,
    expectedOutput: row.expectedOutput,
    priority: row.priority,
    state: row.state,
    progressPercent: row.progressPercent,
    lastReportedOn: row.lastReportedOn,
    closedOn: row.closedOn,
    escalationLevel: row.escalationLevel,
    overdue: followUp.overdue,
    daysOverdue: followUp.daysOverdue,
  };
}
export type TaskView = ReturnType<typeof toTaskView>;
