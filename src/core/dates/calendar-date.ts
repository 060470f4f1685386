/** A calendar date as written in ISO 8601, "YYYY-MM-DD". No time, no zone. */
export type IsoDate = string;

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The months' English names, January first: MONTHS[2] is "March". */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
const DAY_MS = 86_400_000;

// Calendar dates are worked out as UTC midnights, where every day has 24 hours and the
// machine's zone never enters; zones matter only once a clock time is added (see plan.ts).
// By numbers, not by parsing and printing strings: these run at every step of every count.
function toUtc(date: IsoDate): Date {
  const d = new Date(0);
  // setUTCFullYear takes the year as given (Date.UTC reads 0-99 as 1900-1999) and rolls 30 February over.
  d.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return d;
}

function fromUtc(d: Date): IsoDate {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return `${y < 1000 ? String(y).padStart(4, '0') : y}-${m < 10 ? '0' : ''}${m}-${day < 10 ? '0' : ''}${day}`;
}

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * An instant as Date's toISOString writes it, in UTC: isoUtc(0) is "1970-01-01T00:00:00.000Z".
 * Read from the UTC fields: Node 20's V8 works out the machine's own zone for toISOString (ICU
 * reading /etc/localtime, 0.25 ms at the first call), though it never shows it.
 */
export function isoUtc(ms: number): string {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  if (!(y >= 0 && y <= 9999)) return d.toISOString(); // the six-digit years, and RangeError for no time, as it has them
  const milli = d.getUTCMilliseconds();
  return `${String(y).padStart(4, '0')}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}T${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
}

/** Whether text is a real calendar date in YYYY-MM-DD form: isIsoDate("2019-02-30") is false. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = toUtc(text);
  return !Number.isNaN(d.getTime()) && fromUtc(d) === text;
}

/** The day after or before: addDays("2019-03-29", 3) is "2019-04-01". */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(new Date(toUtc(date).getTime() + days * DAY_MS));
}

/** The weekday of a date: weekdayOf("2019-03-19") is "tuesday". */
export function weekdayOf(date: IsoDate): Weekday {
  return WEEKDAYS[(toUtc(date).getUTCDay() + 6) % 7]!;
}

/** The Monday of the week (Monday to Sunday) a date is in: mondayOf("2019-03-24") is "2019-03-18". */
export function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, -WEEKDAYS.indexOf(weekdayOf(date)));
}

/**
 * A weekday of a numbered week, week 1 being the Monday-to-Sunday week a date is in:
 * weekdayOfWeek("2019-03-19", 2, "friday") is "2019-03-29".
 */
export function weekdayOfWeek(date: IsoDate, week: number, weekday: Weekday): IsoDate {
  return addDays(mondayOf(date), (week - 1) * 7 + WEEKDAYS.indexOf(weekday));
}

/** The year of a date: yearOf("2019-03-19") is 2019. */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** Capitalised word: capitalise("tuesday") is "Tuesday". */
export function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function parts(date: IsoDate) {
  const d = toUtc(date);
  return {
    weekday: capitalise(weekdayOf(date)),
    day: d.getUTCDate(),
    month: MONTHS[d.getUTCMonth()]!,
    year: d.getUTCFullYear(),
  };
}

/** A long English form: formatLongDate("2019-03-19") is "Tuesday 19 March 2019". */
export function formatLongDate(date: IsoDate): string {
  const p = parts(date);
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** A short English form: formatShortDate("2019-03-19") is "Tue 19 Mar 2019". */
export function formatShortDate(date: IsoDate): string {
  const p = parts(date);
  return `${p.weekday.slice(0, 3)} ${p.day} ${p.month.slice(0, 3)} ${p.year}`;
}

/** A month and its year: formatMonth("2019-03-19") is "March 2019". */
export function formatMonth(date: IsoDate): string {
  return `${MONTHS[Number(date.slice(5, 7)) - 1]} ${yearOf(date)}`;
}

// A wall-clock reading is "YYYY-MM-DDTHH:MM" in some zone; an instant written with its offset
// ("2019-03-20T14:52:00+00:00") starts with one, and the two below read only that start.

/** A wall-clock reading in long form: formatLongDateTime("2019-03-20T14:10") is "Wednesday 20 March 2019, 14:10". */
export function formatLongDateTime(local: string): string {
  return `${formatLongDate(local.slice(0, 10))}, ${local.slice(11, 16)}`;
}

/** A wall-clock reading in short form: formatShortDateTime("2019-03-20T14:52:00+00:00") is "Wed 20 Mar 2019 14:52". */
export function formatShortDateTime(local: string): string {
  return `${formatShortDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

/** Whole minutes from one instant to another: minutesBetween("2019-03-20T14:10:00+00:00", "2019-03-20T17:00:00+00:00") is 170. */
export function minutesBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 60_000);
}
