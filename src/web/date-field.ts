import { type IsoDate, isIsoDate } from '../core/dates/calendar-date.js';

// The notification date as the GOV.UK date input takes it: day, month and year in three boxes,
// read only once they make a whole date, with the Design System's error messages.

/** What the three boxes hold, as typed. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export type PartName = keyof DateParts;

/** The boxes read: empty, a real date, or what is wrong and in which boxes. */
export type DateReading =
  | { kind: 'empty' }
  | { kind: 'date'; date: IsoDate }
  | { kind: 'error'; message: string; parts: PartName[] };

const NAMES: PartName[] = ['day', 'month', 'year'];

function missing(parts: PartName[]): string {
  const words = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
  return `Notification date must include a ${words}`;
}

/**
 * Reads the three boxes: readDateParts({ day: "19", month: "3", year: "2019" }) is
 * { kind: "date", date: "2019-03-19" }; { day: "30", month: "2", year: "2019" } is the error
 * "Notification date must be a real date".
 */
export function readDateParts(parts: DateParts): DateReading {
  const t = { day: parts.day.trim(), month: parts.month.trim(), year: parts.year.trim() };
  const empty = NAMES.filter((n) => t[n] === '');
  if (empty.length === 3) return { kind: 'empty' };
  if (empty.length > 0) return { kind: 'error', message: missing(empty), parts: empty };
  const notNumbers = NAMES.filter((n) => !/^\d+$/.test(t[n]));
  if (notNumbers.length > 0)
    return { kind: 'error', message: 'Notification date must be a real date', parts: notNumbers };
  if (t.year.length !== 4) return { kind: 'error', message: 'Year must include 4 numbers', parts: ['year'] };
  const date = `${t.year}-${t.month.padStart(2, '0')}-${t.day.padStart(2, '0')}`;
  if (t.day.length > 2 || t.month.length > 2 || !isIsoDate(date))
    return { kind: 'error', message: 'Notification date must be a real date', parts: ['day', 'month'] };
  return { kind: 'date', date };
}

/** Whether the boxes hold as much as a whole date (a day, a month and a four-digit year), right or wrong. */
export function isWholeDate(parts: DateParts): boolean {
  return parts.day.trim() !== '' && parts.month.trim() !== '' && parts.year.trim().length >= 4;
}

/** A date in the three boxes: partsOf("2019-03-19") is { day: "19", month: "3", year: "2019" }. */
export function partsOf(date: IsoDate): DateParts {
  const [year, month, day] = date.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year: year! };
}
