import {
  parseSort,
  type DepartmentInput,
  type EnterpriseInput,
  type InstitutionInput,
  type Organization,
  type OrganizationKind,
  type OrganizationListQuery,
  type Page,
  type Permission,
} from '@qd/core';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import { assertInRegion, assertRegionWritable, authorize } from '../../platform/authorize.js';
import { conflict, isUniqueViolation, notFound, ruleViolated } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import type { Executor } from '../../platform/db/database.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import { toOrganization } from './organization-mapper.js';
import { readScope } from './registry-scope.js';
import * as repo from './registry.repo.js';

export interface OrganizationInputs {
  enterprise: EnterpriseInput;
  department: DepartmentInput;
  institution: InstitutionInput;
}

const WRITE_PERMISSION: Record<OrganizationKind, Permission> = {
  enterprise: 'registry.enterprise.write',
  department: 'registry.department.write',
  institution: 'registry.institution.write',
};

/** The columns each kind's input fills; the other kinds' columns are cleared. */
function columnsOf<K extends OrganizationKind>(kind: K, input: OrganizationInputs[K]): Partial<repo.OrganizationInsert> {
  const common = { name: input.name, regionCode: input.regionCode, status: input.status, address: input.address ?? null };
  switch (kind) {
    case 'enterprise': {
      const e = input as EnterpriseInput;
      return {
        ...common,
        creditCode: e.creditCode,
        industrySection: e.industrySection,
        industryCode: e.industryCode,
        size: e.size,
        foundedOn: e.foundedOn,
        legalRepresentative: e.legalRepresentative ?? null,
        mainProducts: e.mainProducts ?? null,
      };
    }
    case 'department': {
      const d = input as DepartmentInput;
      return {
        ...common,
        creditCode: d.creditCode ?? null,
        shortName: d.shortName ?? null,
        inLeadershipGroup: d.inLeadershipGroup,
        leadershipRole: d.inLeadershipGroup ? (d.leadershipRole ?? 'member') : null,
        responsibilities: d.responsibilities ?? null,
      };
    }
    default: {
      const i = input as InstitutionInput;
      return { ...common, creditCode: i.creditCode, nqiCategories: i.nqiCategories, qualifications: i.qualifications ?? null };
    }
  }
}

async function ensureRegionExists(db: Executor, regionCode: string) {
  if (!(await repo.findRegion(db, regionCode))) {
    throw ruleViolated('regionCode.unknown', [{ path: 'regionCode', message: 'regionCode.unknown' }]);
  }
}

const duplicateCreditCode = () => conflict('creditCode.duplicate', [{ path: 'creditCode', message: 'creditCode.duplicate' }]);

export function createOrganizationsService({ database }: ServiceDeps) {
  const { db } = database;

  async function loadInScope(ctx: RequestContext, kind: OrganizationKind, id: string) {
    const scope = readScope(ctx.actor);
    const row = await repo.findOrganization(db, id);
    if (!row || row.kind !== kind) throw notFound();
    assertInRegion(ctx.actor, row.regionCode);
    if (scope.organizationId !== undefined && scope.organizationId !== row.id) throw notFound();
    return row;
  }

  return {
    async list(ctx: RequestContext, kind: OrganizationKind, query: OrganizationListQuery): Promise<Page<Organization>> {
      const scope = readScope(ctx.actor);
      const sort = parseSort(query.sort, repo.ORGANIZATION_SORT_FIELDS, { field: 'createdAt', desc: true });
      const { rows, ...total } = await repo.listOrganizations(
        db,
        { kind, scope, ...query },
        {
          offset: (query.current - 1) * query.pageSize,
          limit: query.pageSize,
          sortField: sort.field,
          desc: sort.desc,
          exactTotal: query.exactTotal === '1',
        },
      );
      return { data: rows.map(toOrganization), ...total, current: query.current, pageSize: query.pageSize };
    },

    async get(ctx: RequestContext, kind: OrganizationKind, id: string): Promise<Organization> {
      return toOrganization(await loadInScope(ctx, kind, id));
    },

    async create<K extends OrganizationKind>(ctx: RequestContext, kind: K, input: OrganizationInputs[K]): Promise<Organization> {
      authorize(ctx.actor, WRITE_PERMISSION[kind]);
      assertRegionWritable(ctx.actor, input.regionCode);
      const id = newId();
      try {
        await db.transaction(async (tx) => {
          await ensureRegionExists(tx, input.regionCode);
          const now = new Date();
          await repo.insertOrganization(tx, {
            ...(columnsOf(kind, input) as repo.OrganizationInsert),
            id,
            kind,
            createdAt: now,
            updatedAt: now,
          });
          await appendAudit(tx, ctx, {
            action: `registry.${kind}.create`,
            targetType: 'organization',
            targetId: id,
            regionCode: input.regionCode,
            detail: { name: input.name, creditCode: (input as { creditCode?: string | null }).creditCode ?? null },
          });
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicateCreditCode();
        throw err;
      }
      return toOrganization((await repo.findOrganization(db, id))!);
    },

    async update<K extends OrganizationKind>(
      ctx: RequestContext,
      kind: K,
      id: string,
      input: OrganizationInputs[K],
    ): Promise<Organization> {
      authorize(ctx.actor, WRITE_PERMISSION[kind]);
      const before = await loadInScope(ctx, kind, id);
      assertRegionWritable(ctx.actor, input.regionCode);
      const columns = columnsOf(kind, input);
      const changed = Object.fromEntries(
        Object.entries(columns).filter(([k, v]) => JSON.stringify((before as Record<string, unknown>)[k]) !== JSON.stringify(v)),
      );
      try {
        await db.transaction(async (tx) => {
          await ensureRegionExists(tx, input.regionCode);
          await repo.updateOrganization(tx, id, { ...columns, updatedAt: new Date() });
          await appendAudit(tx, ctx, {
            action: `registry.${kind}.update`,
            targetType: 'organization',
            targetId: id,
            regionCode: input.regionCode,
            detail: {
              changed: Object.fromEntries(
                Object.keys(changed).map((k) => [k, { from: (before as Record<string, unknown>)[k] ?? null, to: changed[k] }]),
              ),
            },
          });
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicateCreditCode();
        throw err;
      }
      return toOrganization((await repo.findOrganization(db, id))!);
    },
  };
}

export type OrganizationsService = ReturnType<typeof createOrganizationsService>;
