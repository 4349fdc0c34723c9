import type { GroupMemberInput, GroupRole } from '@qd/core';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import { assertInRegion, authorize } from '../../platform/authorize.js';
import { conflict, notFound, ruleViolated } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import { activeUsersWithRole } from '../identity/index.js';
import { findOrganizationKind } from '../registry/index.js';
import { departmentDirectory, departmentName, todayOf } from './governance-scope.js';
import * as repo from './group.repo.js';

export interface GroupMember {
  id: string;
  departmentId: string;
  departmentName: string;
  groupRole: GroupRole;
  personName: string;
  personTitle: string | null;
  responsibilities: string;
  headUserId: string | null;
  since: string;
  until: string | null;
  endNote: string | null;
  current: boolean;
}

/** The order the group is shown in: leader, deputies, office, members. */
const ROLE_ORDER: Record<GroupRole, number> = { leader: 0, deputy_leader: 1, office: 2, member: 3 };

export function createGroupService(deps: ServiceDeps) {
  const { db } = deps.database;

  async function toMembers(regionCode: string, rows: repo.GroupMemberRow[], today: string): Promise<GroupMember[]> {
    const directory = await departmentDirectory(db, regionCode);
    return rows
      .map((r) => ({
        id: r.id,
        departmentId: r.departmentId,
        departmentName: departmentName(directory, r.departmentId),
        groupRole: r.groupRole,
        personName: r.personName,
        personTitle: r.personTitle,
        responsibilities: r.responsibilities,
        headUserId: r.headUserId,
        since: r.since,
        until: r.until,
        endNote: r.endNote,
        current: r.since <= today && (r.until === null || r.until >= today),
      }))
      .sort((a, b) => ROLE_ORDER[a.groupRole] - ROLE_ORDER[b.groupRole] || a.since.localeCompare(b.since));
  }

  return {
    /** The group as it stood on `on` (default today), or every membership ever with `history`. */
    async list(
      ctx: RequestContext,
      query: { on?: string; history?: boolean },
    ): Promise<{ on: string | null; members: GroupMember[] }> {
      authorize(ctx.actor, 'governance.read');
      const today = todayOf(deps);
      const on = query.history ? undefined : (query.on ?? today);
      const rows = await repo.listMembers(db, ctx.actor.regionCode, on);
      return { on: on ?? null, members: await toMembers(ctx.actor.regionCode, rows, today) };
    },

    async add(ctx: RequestContext, input: GroupMemberInput): Promise<GroupMember> {
      authorize(ctx.actor, 'governance.group.manage');
      const regionCode = ctx.actor.regionCode;
      if ((await findOrganizationKind(db, input.departmentId, regionCode)) !== 'department') {
        throw ruleViolated('governance.group.notDepartment', [
          { path: 'departmentId', message: 'governance.group.notDepartment' },
        ]);
      }
      if (input.headUserId) {
        const officers = await activeUsersWithRole(db, regionCode, 'dept', input.departmentId);
        if (!officers.some((u) => u.id === input.headUserId)) {
          throw ruleViolated('validation.invalid', [{ path: 'headUserId', message: 'validation.invalid' }]);
        }
      }
      const id = newId();
      await db.transaction(async (tx) => {
        if ((await repo.overlappingMemberships(tx, input.departmentId, input.since)).length > 0) {
          throw conflict('governance.group.alreadyMember', [{ path: 'departmentId', message: 'governance.group.alreadyMember' }]);
        }
        await repo.insertMember(tx, {
          id,
          regionCode,
          departmentId: input.departmentId,
          groupRole: input.groupRole,
          personName: input.personName,
          personTitle: input.personTitle ?? null,
          responsibilities: input.responsibilities,
          headUserId: input.headUserId ?? null,
          since: input.since,
          createdAt: deps.clock.now(),
        });
        await appendAudit(tx, ctx, {
          action: 'governance.group.member.add',
          targetType: 'group_member',
          targetId: id,
          regionCode,
          detail: {
            departmentId: input.departmentId,
            groupRole: input.groupRole,
            personName: input.personName,
            since: input.since,
          },
        });
      });
      const [member] = await toMembers(regionCode, [(await repo.findMember(db, id))!], todayOf(deps));
      return member!;
    },

    /** Ends a membership on `until` (the last day it was in force); the record stays for history. */
    async end(ctx: RequestContext, id: string, input: { until: string; note?: string | null }): Promise<GroupMember> {
      authorize(ctx.actor, 'governance.group.manage');
      const row = await repo.findMember(db, id);
      if (!row) throw notFound();
      assertInRegion(ctx.actor, row.regionCode);
      if (row.until !== null) throw conflict('governance.group.ended');
      if (input.until < row.since) {
        throw ruleViolated('governance.group.untilBeforeSince', [
          { path: 'until', message: 'governance.group.untilBeforeSince' },
        ]);
      }
      await db.transaction(async (tx) => {
        await repo.endMember(tx, id, input.until, input.note ?? null);
        await appendAudit(tx, ctx, {
          action: 'governance.group.member.end',
          targetType: 'group_member',
          targetId: id,
          regionCode: row.regionCode,
          detail: { departmentId: row.departmentId, until: input.until, note: input.note ?? null },
        });
      });
      const [member] = await toMembers(row.regionCode, [(await repo.findMember(db, id))!], todayOf(deps));
      return member!;
    },
  };
}

export type GroupService = ReturnType<typeof createGroupService>;

/** Departments seated in the group on a date (the meeting roster, the assessed departments). */
export async function memberDepartmentsOn(db: Parameters<typeof repo.listMembers>[0], regionCode: string, on: string) {
  return repo.listMembers(db, regionCode, on);
}
