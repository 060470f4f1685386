import { DateTime } from 'luxon';

/** A calendar date as written in ISO 8601, "YYYY-MM-DD". No time, no zone. */
export type IsoDate = string;

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

// Dates are worked out in UTC, where every day has 24 hours; the zone only enters with a time.
function toDateTime(date: IsoDate): DateTime {
  return DateTime.fromISO(date, { zone: 'UTC' });
}

/** Whether text is a real calendar date in YYYY-MM-DD form: isIsoDate("2019-02-30") is false. */
export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && toDateTime(text).isValid;
}

/** The day after or before: addDays("2019-03-29", 3) is "2019-04-01". */
export function addDays(date: IsoDate, days: number): IsoDate {
  return toDateTime(date).plus({ days }).toISODate()!;
}

/** The weekday of a date: weekdayOf("2019-03-19") is "tuesday". */
export function weekdayOf(date: IsoDate): Weekday {
  return WEEKDAYS[toDateTime(date).weekday - 1]!;
}

/** The Monday of the week (Monday to Sunday) a date is in: mondayOf("2019-03-24") is "2019-03-18". */
export function mondayOf(date: IsoDate): IsoDate {
  return toDateTime(date).startOf('week').toISODate()!;
}

/** The year of a date: yearOf("2019-03-19") is 2019. */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** A long English form: formatLongDate("2019-03-19") is "Tuesday 19 March 2019". */
export function formatLongDate(date: IsoDate): string {
  return toDateTime(date).setLocale('en-GB').toFormat('cccc d LLLL yyyy');
}

/** A short English form: formatShortDate("2019-03-19") is "Tue 19 Mar 2019". */
export function formatShortDate(date: IsoDate): string {
  return toDateTime(date).setLocale('en-GB').toFormat('ccc d LLL yyyy');
}

/** Capitalised weekday: capitalise("tuesday") is "Tuesday". */
export function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
