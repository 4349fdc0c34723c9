import type { expertListQuery } from '@qd/core';
import { can, isWithinRegion, maskEmail, maskPhone, parseSort, type Expert, type ExpertInput, type Page } from '@qd/core';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import { assertInRegion, assertRegionWritable, authorize } from '../../platform/authorize.js';
import { forbidden, notFound, ruleViolated } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import * as repo from './registry.repo.js';

function toExpert(row: repo.ExpertRow): Expert {
  return {
    id: row.id,
    name: row.name,
    regionCode: row.regionCode,
    title: row.title,
    specialties: row.specialties,
    industrySections: row.industrySections,
    affiliationOrganizationId: row.affiliationOrganizationId,
    affiliationName: row.affiliationName,
    pastEmployments: row.pastEmployments,
    phone: maskPhone(row.phone),
    email: maskEmail(row.email),
    status: row.status,
    createdAt: row.createdAt.toISOString(),
  };
}

export function createExpertsService({ database }: ServiceDeps) {
  const { db } = database;

  /** Officers see the pool of their region; an expert sees only their own record. */
  function onlyOwn(ctx: RequestContext): string | null | undefined {
    if (can(ctx.actor, 'registry.read')) return undefined;
    if (can(ctx.actor, 'registry.own.read')) return ctx.actor.userId;
    throw forbidden();
  }

  async function checkAffiliation(input: ExpertInput, ctx: RequestContext) {
    if (!input.affiliationOrganizationId) return;
    const org = await repo.findOrganization(db, input.affiliationOrganizationId);
    if (!org || !isWithinRegion(ctx.actor.regionCode, org.regionCode)) {
      throw ruleViolated('notFound', [{ path: 'affiliationOrganizationId', message: 'notFound' }]);
    }
  }

  function columns(input: ExpertInput) {
    return {
      name: input.name,
      regionCode: input.regionCode,
      title: input.title,
      specialties: input.specialties,
      industrySections: input.industrySections,
      affiliationOrganizationId: input.affiliationOrganizationId ?? null,
      affiliationName: input.affiliationName,
      pastEmployments: input.pastEmployments.map((p) => ({
        ...p,
        creditCode: p.creditCode ?? null,
        from: p.from ?? null,
        to: p.to ?? null,
      })),
      phone: input.phone ?? null,
      email: input.email ?? null,
      status: input.status,
    };
  }

  return {
    async list(ctx: RequestContext, query: z.infer<typeof expertListQuery>): Promise<Page<Expert>> {
      const own = onlyOwn(ctx);
      const sort = parseSort(query.sort, repo.EXPERT_SORT_FIELDS, { field: 'name', desc: false });
      const { rows, total } = await repo.listExperts(
        db,
        {
          scopeRegion: ctx.actor.regionCode,
          keyword: query.keyword,
          status: query.status,
          industrySection: query.industrySection,
          onlyId: own,
        },
        { offset: (query.current - 1) * query.pageSize, limit: query.pageSize, sortField: sort.field, desc: sort.desc },
      );
      return { data: rows.map(toExpert), total, current: query.current, pageSize: query.pageSize };
    },

    async get(ctx: RequestContext, id: string): Promise<Expert> {
      const own = onlyOwn(ctx);
      const row = await repo.findExpert(db, id);
      if (!row) throw notFound();
      assertInRegion(ctx.actor, row.regionCode);
      if (own !== undefined && row.userId !== own) throw notFound();
      return toExpert(row);
    },

    async create(ctx: RequestContext, input: ExpertInput): Promise<Expert> {
      authorize(ctx.actor, 'registry.expert.write');
      assertRegionWritable(ctx.actor, input.regionCode);
      await checkAffiliation(input, ctx);
      const id = newId();
      await db.transaction(async (tx) => {
        const now = new Date();
        await repo.insertExpert(tx, { id, ...columns(input), createdAt: now, updatedAt: now });
        await appendAudit(tx, ctx, {
          action: 'registry.expert.create',
          targetType: 'expert',
          targetId: id,
          regionCode: input.regionCode,
          detail: { name: input.name, affiliationName: input.affiliationName },
        });
      });
      return toExpert((await repo.findExpert(db, id))!);
    },

    async update(ctx: RequestContext, id: string, input: ExpertInput): Promise<Expert> {
      authorize(ctx.actor, 'registry.expert.write');
      const before = await repo.findExpert(db, id);
      if (!before) throw notFound();
      assertInRegion(ctx.actor, before.regionCode);
      assertRegionWritable(ctx.actor, input.regionCode);
      await checkAffiliation(input, ctx);
      await db.transaction(async (tx) => {
        // Phone and e-mail travel masked: absent keeps the stored value, null clears it.
        await repo.updateExpert(tx, id, {
          ...columns(input),
          phone: input.phone === undefined ? before.phone : input.phone,
          email: input.email === undefined ? before.email : input.email,
          updatedAt: new Date(),
        });
        await appendAudit(tx, ctx, {
          action: 'registry.expert.update',
          targetType: 'expert',
          targetId: id,
          regionCode: input.regionCode,
          // Ties to organizations matter to conflict checks later: record how they changed.
          detail: {
            name: input.name,
            pastEmployments: { from: before.pastEmployments.length, to: input.pastEmployments.length },
          },
        });
      });
      return toExpert((await repo.findExpert(db, id))!);
    },
  };
}

export type ExpertsService = ReturnType<typeof createExpertsService>;
