import { checkCalendarYear, type CalendarYearInput } from '@qd/core';
import { appendAudit } from '../audit/audit-writer.js';
import { authorize } from '../authorize.js';
import { ruleViolated } from '../http/errors.js';
import type { RequestContext } from '../request-context.js';
import type { ServiceDeps } from '../services.js';
import { upsertCalendarYear } from './calendar.repo.js';
import { effectiveCalendarYears, type EffectiveCalendarYear } from './working-calendar.js';

export function createCalendarService({ database, clock }: ServiceDeps) {
  const { db } = database;
  return {
    /** Every known year as the caller's region counts it (any signed-in user: deadlines are shown to all). */
    async list(ctx: RequestContext): Promise<EffectiveCalendarYear[]> {
      return effectiveCalendarYears(db, ctx.actor.regionCode);
    },

    /** Replaces one year's schedule for the caller's own region. */
    async save(ctx: RequestContext, input: CalendarYearInput): Promise<EffectiveCalendarYear> {
      authorize(ctx.actor, 'calendar.manage');
      const found = checkCalendarYear(input);
      if (found) throw ruleViolated(found.problem, [{ path: 'holidays', message: found.problem }]);
      const regionCode = ctx.actor.regionCode;
      const holidays = [...new Set(input.holidays)].sort();
      const workdays = [...new Set(input.workdays)].sort();
      const updatedAt = clock.now();
      await db.transaction(async (tx) => {
        const before = (await effectiveCalendarYears(tx, regionCode)).find((y) => y.year === input.year);
        await upsertCalendarYear(tx, {
          regionCode,
          year: input.year,
          holidays,
          workdays,
          complete: input.complete,
          updatedBy: ctx.actor.userId,
          updatedAt,
        });
        await appendAudit(tx, ctx, {
          action: 'calendar.year.save',
          targetType: 'calendar_year',
          targetId: `${regionCode}:${input.year}`,
          regionCode,
          detail: {
            year: input.year,
            added: holidays.filter((d) => !before?.holidays.includes(d)),
            removed: (before?.holidays ?? []).filter((d) => !holidays.includes(d)),
            workdays,
            complete: input.complete,
          },
        });
      });
      return {
        year: input.year,
        holidays,
        workdays,
        complete: input.complete,
        source: 'region',
        sourceRegionCode: regionCode,
        updatedAt,
      };
    },
  };
}
export type CalendarService = ReturnType<typeof createCalendarService>;
