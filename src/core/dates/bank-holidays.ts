import type { IsoDate } from './calendar-date.js';
import { BANK_HOLIDAYS, FIRST_YEAR, LAST_YEAR } from './bank-holidays-data.js';
import type { HolidayCalendar } from './working-days.js';

/** The holiday calendars a rule set can name. */
export const HOLIDAY_CALENDARS = ['england-and-wales'] as const;

/** A local closure day declared by a rule set. */
export interface ClosureDay {
  date: IsoDate;
  name: string;
}

/**
 * The England & Wales bank holidays (substitute and one-off days included) plus a rule set's
 * closure days: makeHolidayCalendar([]).daysOff.get("2022-09-19") is the state funeral's name.
 */
export function makeHolidayCalendar(closures: readonly ClosureDay[]): HolidayCalendar {
  const daysOff = new Map<IsoDate, string>();
  for (const [date, name] of BANK_HOLIDAYS) daysOff.set(date, `${name} (bank holiday)`);
  for (const c of closures) daysOff.set(c.date, `${c.name} (local closure)`);
  return { daysOff, firstYear: FIRST_YEAR, lastYear: LAST_YEAR };
}
