import {
  inferRegionCodeType,
  isWithinRegion,
  parentRegionCode,
  regionLevel,
  type Region,
  type RegionNode,
  type RegistrySummary,
} from '@qd/core';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import { assertRegionWritable, authorize } from '../../platform/authorize.js';
import { conflict, notFound, ruleViolated } from '../../platform/http/errors.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import { readScope } from './registry-scope.js';
import * as repo from './registry.repo.js';

function toRegion(row: repo.RegionRow): Region {
  return { code: row.code, name: row.name, parentCode: row.parentCode, level: row.level, codeType: row.codeType };
}

export function buildRegionTree(regions: Region[]): RegionNode[] {
  const nodes = new Map(regions.map((r) => [r.code, { ...r, children: [] as RegionNode[] }]));
  const roots: RegionNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentCode ? nodes.get(node.parentCode) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

export function createRegionsService({ database }: ServiceDeps) {
  const { db } = database;
  return {
    async list(ctx: RequestContext): Promise<Region[]> {
      readScope(ctx.actor);
      return (await repo.listRegions(db, ctx.actor.regionCode)).map(toRegion);
    },

    async tree(ctx: RequestContext): Promise<RegionNode[]> {
      readScope(ctx.actor);
      return buildRegionTree((await repo.listRegions(db, ctx.actor.regionCode)).map(toRegion));
    },

    async create(
      ctx: RequestContext,
      input: { code: string; name: string; codeType?: Region['codeType'] | undefined },
    ): Promise<Region> {
      authorize(ctx.actor, 'registry.region.manage');
      assertRegionWritable(ctx.actor, input.code, 'code');
      const parentCode = parentRegionCode(input.code);
      const row: repo.RegionRow = {
        code: input.code,
        name: input.name,
        parentCode,
        level: regionLevel(input.code),
        codeType: input.codeType ?? inferRegionCodeType(input.code),
      };
      await db.transaction(async (tx) => {
        if (await repo.findRegion(tx, input.code)) throw conflict('conflict', [{ path: 'code', message: 'conflict' }]);
        if (parentCode && !(await repo.findRegion(tx, parentCode))) {
          throw ruleViolated('regionCode.unknown', [{ path: 'code', message: 'regionCode.unknown' }]);
        }
        await repo.insertRegions(tx, [row]);
        await appendAudit(tx, ctx, {
          action: 'registry.region.create',
          targetType: 'region',
          targetId: input.code,
          regionCode: input.code,
          detail: { name: input.name },
        });
      });
      return toRegion(row);
    },

    /** The home page's figures: what the caller's region holds. */
    async summary(ctx: RequestContext): Promise<RegistrySummary> {
      const scope = readScope(ctx.actor);
      const region = await repo.findRegion(db, ctx.actor.regionCode);
      if (!region || !isWithinRegion(ctx.actor.regionCode, region.code)) throw notFound();
      const [byKind, members, bySection, expertCount] = await Promise.all([
        repo.countByKind(db, scope),
        repo.countLeadershipMembers(db, scope),
        repo.enterprisesBySection(db, scope),
        scope.organizationId === undefined ? repo.countExperts(db, ctx.actor.regionCode) : Promise.resolve(0),
      ]);
      return {
        region: toRegion(region),
        enterprises: byKind.enterprise ?? 0,
        departments: byKind.department ?? 0,
        leadershipGroupMembers: members,
        institutions: byKind.institution ?? 0,
        experts: expertCount,
        enterprisesBySection: bySection,
      };
    },
  };
}

export type RegionsService = ReturnType<typeof createRegionsService>;
