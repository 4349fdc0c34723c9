import { dayOfWeek } from '@qd/core';

export type DayKind = 'holiday' | 'workday' | 'normal';

/** What a click on a day makes of it: a weekday toggles a day off; a weekend day toggles an adjusted working day. */
export function nextSchedule(date: string, holidays: readonly string[], workdays: readonly string[]) {
  const weekend = [0, 6].includes(dayOfWeek(date));
  const isHoliday = holidays.includes(date);
  const isWorkday = workdays.includes(date);
  const without = (list: readonly string[]) => list.filter((d) => d !== date);
  if (weekend) {
    // normal weekend → adjusted working day → public holiday on a weekend (rare) → normal
    if (!isWorkday && !isHoliday) return { holidays: [...holidays], workdays: [...workdays, date].sort() };
    if (isWorkday) return { holidays: [...holidays, date].sort(), workdays: without(workdays) };
    return { holidays: without(holidays), workdays: [...workdays] };
  }
  return isHoliday
    ? { holidays: without(holidays), workdays: [...workdays] }
    : { holidays: [...holidays, date].sort(), workdays: [...workdays] };
}

export function dayKind(date: string, holidays: readonly string[], workdays: readonly string[]): DayKind {
  if (holidays.includes(date)) return 'holiday';
  if (workdays.includes(date)) return 'workday';
  return 'normal';
}
