import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarYearBody, calendarYearInput, calendarYearParams, calendarYearView } from '@qd/core';
import { contextOf } from '../http/authenticate.js';
import { invalidField } from '../http/errors.js';
import type { CalendarService } from './calendar.service.js';
import type { EffectiveCalendarYear } from './working-calendar.js';

const view = (y: EffectiveCalendarYear) => ({ ...y, updatedAt: y.updatedAt?.toISOString() ?? null });

export function calendarRoutes(app: FastifyInstance, calendar: CalendarService) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar'];
  api.get(
    '/calendar',
    {
      schema: {
        tags,
        summary: 'Working-day calendar: every known year as the caller’s region counts it',
        response: { 200: z.array(calendarYearView) },
      },
    },
    async (req) => (await calendar.list(contextOf(req))).map(view),
  );
  api.put(
    '/calendar/:year',
    {
      schema: {
        tags,
        summary: 'Replace one year’s holidays and adjusted working days for the caller’s region',
        params: calendarYearParams,
        body: calendarYearBody,
        response: { 200: calendarYearView },
      },
    },
    async (req) => {
      const body = req.body as { holidays: string[]; workdays: string[]; complete?: boolean };
      const input = calendarYearInput.safeParse({ ...body, year: req.params.year });
      if (!input.success) {
        const issue = input.error.issues[0]!;
        throw invalidField(issue.path.join('.'), issue.message);
      }
      return view(await calendar.save(contextOf(req), input.data));
    },
  );
}
