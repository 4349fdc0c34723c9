import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay } from '@qd/core';
import { addUsers, loginAll } from '../../testing/fixtures.js';
import { POSTGRES_MISSING, TEST_DB, call, createTestApp, type Session, type TestApp } from '../../testing/test-app.js';
import { loadWorkingCalendar } from './working-calendar.js';

const API = '/api/v1';

describe.skipIf(POSTGRES_MISSING)(`working-day calendar (${TEST_DB})`, () => {
  let t: TestApp;
  let s: Record<'office' | 'dept' | 'enterprise' | 'auditor' | 'cityoffice', Session>;

  beforeAll(async () => {
    t = await createTestApp({ enterprises: 5 });
    await addUsers(t, '410400', [{ username: 'cityoffice', roles: ['office'] }]);
    s = await loginAll(t.app, ['office', 'dept', 'enterprise', 'auditor', 'cityoffice'] as const);
  });
  afterAll(() => t?.close());

  it('starts from the national schedule shipped in core', async () => {
    const res = await call(t.app, s.enterprise, 'GET', `${API}/calendar`);
    expect(res.statusCode).toBe(200);
    const y2026 = res.json().find((y: { year: number }) => y.year === 2026);
    expect(y2026.source).toBe('national');
    expect(y2026.holidays).toContain('2026-10-01');
  });

  it('lets the office add a local day off, which deadlines then skip; others may not edit', async () => {
    const national = (await call(t.app, s.office, 'GET', `${API}/calendar`))
      .json()
      .find((y: { year: number }) => y.year === 2026);
    const localDay = '2026-12-07'; // a Monday
    const body = { holidays: [...national.holidays, localDay], workdays: national.workdays, complete: true };

    for (const who of ['dept', 'enterprise', 'auditor'] as const) {
      expect((await call(t.app, s[who], 'PUT', `${API}/calendar/2026`, body)).statusCode).toBe(403);
    }
    const saved = await call(t.app, s.office, 'PUT', `${API}/calendar/2026`, body);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ year: 2026, source: 'region', sourceRegionCode: '410471' });

    const cal = await loadWorkingCalendar(t.database.db, '410471');
    expect(isWorkingDay(cal, localDay)).toBe(false);
    expect(addWorkingDays(cal, '2026-12-04', 1)).toBe('2026-12-08'); // Friday + 1 skips the weekend and the local day
    // The city above does not inherit a district's day off; a neighbouring county neither.
    expect(isWorkingDay(await loadWorkingCalendar(t.database.db, '410400'), localDay)).toBe(true);
    expect(isWorkingDay(await loadWorkingCalendar(t.database.db, '410402'), localDay)).toBe(true);

    const audit = await t.database.query<{ action: string }>(`select action from audit_log where action = 'calendar.year.save'`);
    expect(audit).toHaveLength(1);
  });

  it('a city’s edit reaches its districts unless they edited the year themselves', async () => {
    const res = await call(t.app, s.cityoffice, 'PUT', `${API}/calendar/2027`, {
      holidays: ['2027-01-01', '2027-03-08'],
      workdays: [],
      complete: false,
    });
    expect(res.statusCode).toBe(200);
    const district = (await call(t.app, s.office, 'GET', `${API}/calendar`))
      .json()
      .find((y: { year: number }) => y.year === 2027);
    expect(district).toMatchObject({ source: 'ancestor', sourceRegionCode: '410400', complete: false });
    expect(district.holidays).toContain('2027-03-08');
  });

  it('refuses a schedule that contradicts itself, field by field, in the caller’s language', async () => {
    const wrongYear = await call(
      t.app,
      s.office,
      'PUT',
      `${API}/calendar/2026`,
      { holidays: ['2025-05-01'], workdays: [] },
      { 'accept-language': 'en' },
    );
    expect(wrongYear.statusCode).toBe(400);
    expect(wrongYear.json().error.details[0]).toMatchObject({ path: 'holidays.0', message: 'The date is not in this year' });
    const weekdayWorkday = await call(t.app, s.office, 'PUT', `${API}/calendar/2026`, { holidays: [], workdays: ['2026-12-02'] });
    expect(weekdayWorkday.statusCode).toBe(400);
    expect(weekdayWorkday.json().error.details[0].path).toBe('workdays.0');
    const badDate = await call(t.app, s.office, 'PUT', `${API}/calendar/2026`, { holidays: ['2026-02-30'], workdays: [] });
    expect(badDate.statusCode).toBe(400);
    const badYear = await call(t.app, s.office, 'PUT', `${API}/calendar/1900`, { holidays: [], workdays: [] });
    expect(badYear.statusCode).toBe(400);
  });
});
