import type { userListQuery, userUpdateRequest } from '@qd/core';
import {
  SEPARATED_DUTIES,
  checkPassword,
  checkRoleCombination,
  maskPhone,
  parseSort,
  type Page,
  type Role,
  type User,
  type UserCreateRequest,
} from '@qd/core';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import { assertInRegion, assertRegionWritable, authorize } from '../../platform/authorize.js';
import { hashPassword } from '../../platform/crypto/password-hash.js';
import { conflict, isUniqueViolation, notFound, ruleViolated } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import type { Executor } from '../../platform/db/database.js';
import { findOrganizationKind, registryNames } from '../registry/index.js';
import * as repo from './identity.repo.js';

const ROLE_ORGANIZATION_KIND: Partial<Record<Role, 'enterprise' | 'institution' | 'department'>> = {
  enterprise: 'enterprise',
  institution: 'institution',
  dept: 'department',
};

/** A role named twice is held once (and must not count twice toward separation of duties). */
const distinct = (roles: Role[]): Role[] => [...new Set(roles)];

export function createUsersService({ database, clock }: ServiceDeps) {
  const { db } = database;

  async function toUser(row: repo.UserRow): Promise<User> {
    const names = await registryNames(db, row.regionCode, row.organizationId);
    return {
      id: row.id,
      username: row.username,
      displayName: row.displayName,
      regionCode: row.regionCode,
      organizationId: row.organizationId,
      organizationName: names.organizationName,
      roles: row.roles,
      status: row.status,
      phone: maskPhone(row.phone),
      lockedUntil: row.lockedUntil && row.lockedUntil > clock.now() ? row.lockedUntil.toISOString() : null,
      lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    };
  }

  async function loadInScope(ctx: RequestContext, id: string): Promise<repo.UserRow> {
    const row = await repo.findUserById(db, id);
    if (!row) throw notFound();
    assertInRegion(ctx.actor, row.regionCode);
    return row;
  }

  /** Role rules: separation of duties, and organization roles tied to an organization of the right kind. */
  async function checkRoles(tx: Executor, roles: Role[], organizationId: string | null | undefined, regionCode: string) {
    const combination = checkRoleCombination(roles);
    if (combination) throw ruleViolated(combination, [{ path: 'roles', message: combination }]);
    const found = organizationId ? await findOrganizationKind(tx, organizationId, regionCode) : null;
    // Whatever the roles, a named organization must exist inside the user's region.
    if (organizationId && !found) throw ruleViolated('notFound', [{ path: 'organizationId', message: 'notFound' }]);
    for (const role of roles) {
      const kind = ROLE_ORGANIZATION_KIND[role];
      if (kind && found !== kind) {
        throw ruleViolated('roles.organizationRequired', [{ path: 'organizationId', message: 'roles.organizationRequired' }]);
      }
    }
  }

  return {
    async list(ctx: RequestContext, query: z.infer<typeof userListQuery>): Promise<Page<User>> {
      authorize(ctx.actor, 'identity.user.read');
      const sort = parseSort(query.sort, ['username', 'createdAt', 'lastLoginAt'] as const, { field: 'username', desc: false });
      const { rows, total } = await repo.listUsers(
        db,
        { scopeRegion: ctx.actor.regionCode, keyword: query.keyword, role: query.role, status: query.status },
        { offset: (query.current - 1) * query.pageSize, limit: query.pageSize, sortField: sort.field, desc: sort.desc },
      );
      return { data: await Promise.all(rows.map(toUser)), total, current: query.current, pageSize: query.pageSize };
    },

    async get(ctx: RequestContext, id: string): Promise<User> {
      authorize(ctx.actor, 'identity.user.read');
      return toUser(await loadInScope(ctx, id));
    },

    async create(ctx: RequestContext, request: UserCreateRequest): Promise<User> {
      authorize(ctx.actor, 'identity.user.manage');
      const input = { ...request, roles: distinct(request.roles) };
      // Granting an administrator role is the security administrator's duty, not the system administrator's.
      if (input.roles.some((r) => SEPARATED_DUTIES.includes(r))) authorize(ctx.actor, 'identity.role.assign');
      assertRegionWritable(ctx.actor, input.regionCode);
      const problem = checkPassword(input.password, input.username);
      if (problem) throw ruleViolated(problem, [{ path: 'password', message: problem }]);
      const passwordHash = await hashPassword(input.password);
      const id = newId();
      try {
        await db.transaction(async (tx) => {
          await checkRoles(tx, input.roles, input.organizationId, input.regionCode);
          const now = new Date();
          await repo.insertUser(tx, {
            id,
            username: input.username,
            displayName: input.displayName,
            passwordHash,
            regionCode: input.regionCode,
            organizationId: input.organizationId ?? null,
            roles: input.roles,
            phone: input.phone ?? null,
            // An account made by someone else starts with a password that person knows.
            mustChangePassword: true,
            passwordChangedAt: now,
            createdAt: now,
            updatedAt: now,
          });
          await appendAudit(tx, ctx, {
            action: 'identity.user.create',
            targetType: 'user',
            targetId: id,
            regionCode: input.regionCode,
            detail: { username: input.username, roles: input.roles, organizationId: input.organizationId ?? null },
          });
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('username.taken', [{ path: 'username', message: 'username.taken' }]);
        throw err;
      }
      return toUser((await repo.findUserById(db, id))!);
    },

    async update(ctx: RequestContext, id: string, patch: z.infer<typeof userUpdateRequest>): Promise<User> {
      authorize(ctx.actor, 'identity.user.manage');
      const row = await loadInScope(ctx, id);
      await db.transaction(async (tx) => {
        const now = new Date();
        if (patch.organizationId !== undefined) await checkRoles(tx, row.roles, patch.organizationId, row.regionCode);
        await repo.updateUser(tx, id, { ...patch, updatedAt: now });
        if (patch.status === 'disabled') await repo.endSessionsOfUser(tx, id, now);
        await appendAudit(tx, ctx, {
          action: 'identity.user.update',
          targetType: 'user',
          targetId: id,
          regionCode: row.regionCode,
          detail: { ...patch, phone: patch.phone ? maskPhone(patch.phone) : patch.phone },
        });
      });
      return toUser((await repo.findUserById(db, id))!);
    },

    async setRoles(ctx: RequestContext, id: string, requested: Role[]): Promise<User> {
      authorize(ctx.actor, 'identity.role.assign');
      const roles = distinct(requested);
      const row = await loadInScope(ctx, id);
      if (id === ctx.actor.userId) throw ruleViolated('auth.forbidden', [{ path: 'roles', message: 'auth.forbidden' }]);
      await db.transaction(async (tx) => {
        await checkRoles(tx, roles, row.organizationId, row.regionCode);
        const now = new Date();
        await repo.updateUser(tx, id, { roles, updatedAt: now });
        await repo.endSessionsOfUser(tx, id, now); // new rights take effect at the next log-in
        await appendAudit(tx, ctx, {
          action: 'identity.user.roles',
          targetType: 'user',
          targetId: id,
          regionCode: row.regionCode,
          detail: { from: row.roles, to: roles },
        });
      });
      return toUser((await repo.findUserById(db, id))!);
    },

    async unlock(ctx: RequestContext, id: string): Promise<User> {
      authorize(ctx.actor, 'identity.user.unlock');
      const row = await loadInScope(ctx, id);
      await db.transaction(async (tx) => {
        await repo.updateUser(tx, id, { lockedUntil: null, updatedAt: new Date() });
        await repo.forgetFailures(tx, row.username);
        await appendAudit(tx, ctx, {
          action: 'identity.user.unlock',
          targetType: 'user',
          targetId: id,
          regionCode: row.regionCode,
        });
      });
      return toUser((await repo.findUserById(db, id))!);
    },

    async resetPassword(ctx: RequestContext, id: string, newPassword: string): Promise<User> {
      authorize(ctx.actor, 'identity.user.unlock');
      const row = await loadInScope(ctx, id);
      const problem = checkPassword(newPassword, row.username);
      if (problem) throw ruleViolated(problem, [{ path: 'newPassword', message: problem }]);
      const passwordHash = await hashPassword(newPassword);
      await db.transaction(async (tx) => {
        const now = new Date();
        await repo.updateUser(tx, id, {
          passwordHash,
          passwordChangedAt: now,
          mustChangePassword: true,
          lockedUntil: null,
          updatedAt: now,
        });
        await repo.endSessionsOfUser(tx, id, now);
        await appendAudit(tx, ctx, {
          action: 'identity.user.password.reset',
          targetType: 'user',
          targetId: id,
          regionCode: row.regionCode,
        });
      });
      return toUser((await repo.findUserById(db, id))!);
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
