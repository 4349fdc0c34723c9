import { addDays, buildWorkingCalendar, type CalendarYear, type WorkingCalendar } from './working-days.js';

/**
 * The national holiday schedules the platform starts with. Each year's days off and adjusted
 * working days are fixed by the State Council's yearly notice (国务院办公厅关于 20XX 年部分节假日
 * 安排的通知, 国办发明电), usually published in November of the year before. These are defaults:
 * the server stores calendars per year and an administrator corrects or completes them there.
 *
 * `verify: true` — entered from memory of the notice, not copied from it: check every date
 * against the official text before relying on it (DOMAIN: "(verify)" facts stay editable).
 */
export interface HolidaySchedule extends CalendarYear {
  complete: boolean;
  verify: boolean;
  /** Where the dates come from and what is missing. */
  note: string;
}

/** Every date from `first` to `last`, inclusive. */
function span(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) out.push(d);
  return out;
}

export const CN_HOLIDAYS_2025: HolidaySchedule = {
  year: 2025,
  holidays: [
    '2025-01-01', // 元旦
    ...span('2025-01-28', '2025-02-04'), // 春节, 除夕 to 正月初七
    ...span('2025-04-04', '2025-04-06'), // 清明节
    ...span('2025-05-01', '2025-05-05'), // 劳动节
    ...span('2025-05-31', '2025-06-02'), // 端午节
    ...span('2025-10-01', '2025-10-08'), // 国庆节、中秋节
  ],
  workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  complete: true,
  verify: true,
  note: '国务院办公厅关于2025年部分节假日安排的通知 (verify against the official text)',
};

export const CN_HOLIDAYS_2026: HolidaySchedule = {
  year: 2026,
  holidays: [
    ...span('2026-01-01', '2026-01-03'), // 元旦
    ...span('2026-02-15', '2026-02-23'), // 春节, 腊月廿八 to 正月初七 (除夕 2/16, 初一 2/17)
    ...span('2026-04-04', '2026-04-06'), // 清明节 (清明 4/5)
    ...span('2026-05-01', '2026-05-05'), // 劳动节
    ...span('2026-06-19', '2026-06-21'), // 端午节 (五月初五 6/19)
    ...span('2026-09-25', '2026-09-27'), // 中秋节 (八月十五 9/25)
    ...span('2026-10-01', '2026-10-07'), // 国庆节
  ],
  workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  complete: true,
  verify: true,
  note: '国务院办公厅关于2026年部分节假日安排的通知 (verify against the official text)',
};

/**
 * 2027: only the statutory holidays themselves (全国年节及纪念日放假办法, 2024 revision), not the
 * notice's bridging days off and adjusted working days, which are unknown until it is
 * published. The lunar and solar-term dates are astronomical: 春节 follows the new moon of
 * 2027-02-06 at about 23:57 Beijing time — minutes before midnight, so some software (ICU's approximate
 * Chinese calendar) puts 正月初一 on 02-07; the official almanac's date must be checked.
 */
export const CN_HOLIDAYS_2027: HolidaySchedule = {
  year: 2027,
  holidays: [
    '2027-01-01', // 元旦
    ...span('2027-02-05', '2027-02-08'), // 春节: 除夕, 正月初一 to 初三 (verify: see above)
    '2027-04-05', // 清明节 (the solar term falls at about 08:17 Beijing time)
    '2027-05-01', // 劳动节
    '2027-05-02',
    '2027-06-09', // 端午节 (五月初五)
    '2027-09-15', // 中秋节 (八月十五)
    ...span('2027-10-01', '2027-10-03'), // 国庆节
  ],
  workdays: [],
  complete: false,
  verify: true,
  note: 'Statutory holidays only; days off in lieu and adjusted working days come with the notice for 2027 (not yet entered)',
};

export const CN_HOLIDAY_SCHEDULES: readonly HolidaySchedule[] = [CN_HOLIDAYS_2025, CN_HOLIDAYS_2026, CN_HOLIDAYS_2027];

/** The national calendar as shipped: 2025 and 2026 complete, 2027 statutory days only. */
export function defaultWorkingCalendar(): WorkingCalendar {
  return buildWorkingCalendar(CN_HOLIDAY_SCHEDULES);
}
