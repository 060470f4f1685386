import { UnknownYearError } from '../../errors.js';
import { type IsoDate, addDays, capitalise, weekdayOf, yearOf } from './calendar-date.js';

/** The days off that working-day arithmetic skips besides weekends. */
export interface HolidayCalendar {
  /** Bank holidays and local closure days, by date, with their names. */
  readonly daysOff: ReadonlyMap<IsoDate, string>;
  /** The years whose bank holidays are known; arithmetic outside them is refused. */
  readonly firstYear: number;
  readonly lastYear: number;
}

/** One day that working-day arithmetic passed over, and why. */
export interface SkippedDay {
  date: IsoDate;
  reason: string;
}

function checkCovered(date: IsoDate, calendar: HolidayCalendar): void {
  const year = yearOf(date);
  if (year < calendar.firstYear || year > calendar.lastYear) {
    throw new UnknownYearError(year, calendar.firstYear, calendar.lastYear);
  }
}

/** Why a date is not a working day, or undefined if it is: whyNotWorking("2019-04-19", c) is "Good Friday". */
export function whyNotWorking(date: IsoDate, calendar: HolidayCalendar): string | undefined {
  checkCovered(date, calendar);
  const weekday = weekdayOf(date);
  if (weekday === 'saturday' || weekday === 'sunday') return capitalise(weekday);
  return calendar.daysOff.get(date);
}

/** Monday to Friday and not a day off: isWorkingDay("2019-03-19", c) is true. */
export function isWorkingDay(date: IsoDate, calendar: HolidayCalendar): boolean {
  return whyNotWorking(date, calendar) === undefined;
}

/**
 * Counts working days forward (or back, for a negative count) and lists the days skipped:
 * countWorkingDays("2019-04-18", 1, c).date is "2019-04-23" (Good Friday, the weekend and Easter Monday skipped).
 */
export function countWorkingDays(
  start: IsoDate,
  count: number,
  calendar: HolidayCalendar,
): { date: IsoDate; skipped: SkippedDay[] } {
  const step = count < 0 ? -1 : 1;
  const skipped: SkippedDay[] = [];
  let date = start;
  for (let left = Math.abs(count); left > 0; ) {
    date = addDays(date, step);
    const reason = whyNotWorking(date, calendar);
    if (reason === undefined) left--;
    else skipped.push({ date, reason });
  }
  return { date, skipped };
}

/** The date a number of working days away: addWorkingDays("2019-03-22", 1, c) is "2019-03-25" (Friday to Monday). */
export function addWorkingDays(start: IsoDate, count: number, calendar: HolidayCalendar): IsoDate {
  return countWorkingDays(start, count, calendar).date;
}

/**
 * The working-day number of a date counted from a start, day 0 being the start:
 * workingDayNumber("2019-03-19", "2019-03-25", c) is 4 (Tuesday to the next Monday). Undefined
 * if the date is not a working day.
 */
export function workingDayNumber(start: IsoDate, date: IsoDate, calendar: HolidayCalendar): number | undefined {
  if (!isWorkingDay(date, calendar)) return undefined;
  const step = date < start ? -1 : 1;
  let n = 0;
  for (let d = start; d !== date; ) {
    d = addDays(d, step);
    if (isWorkingDay(d, calendar)) n += step;
  }
  return n;
}
