import { UsageError } from '../../errors.js';
import {
  type IsoDate,
  MONTHS,
  WEEKDAYS,
  addDays,
  formatLongDate,
  formatShortDateTime,
  isIsoDate,
  weekdayOf,
  isoUtc,
} from './calendar-date.js';
import { type ZoneRules, coversInstant, formatOffset, isRepeatedTime, offsetAt, zonedInstant } from './zone-rules.js';

// Dates as people type them: ISO (2019-03-19), "today", UK day-first (19/03/2019, 19-03-2019,
// 19.03.2019) and written (19 March 2019, Tue 19 Mar 2019, Tuesday 19th March 2019, March 19,
// 2019). Anything that could be read two ways, or not at all, is refused with the ISO form to
// type instead: never a silent guess.

/** A date as read from what was typed, and whether it was typed in ISO form. */
export interface DateReading {
  date: IsoDate;
  iso: boolean;
}

const MONTH_NAMES = MONTHS.map((m) => m.toLowerCase());

/** A month from its English name or its first three letters (and "sept"): monthOf("Mar") is 3. */
function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  const i = MONTH_NAMES.findIndex(
    (m) => m === w || (w.length >= 3 && m.startsWith(w) && (w.length === 3 || w === 'sept')),
  );
  return i === -1 ? undefined : i + 1;
}

function weekdayNamed(word: string): (typeof WEEKDAYS)[number] | undefined {
  const w = word.toLowerCase().replace(/[.,]$/, '');
  return WEEKDAYS.find(
    (d) =>
      d === w ||
      (w.length >= 3 && d.startsWith(w) && w.length <= 4) ||
      (w === 'tues' && d === 'tuesday') ||
      (w === 'thurs' && d === 'thursday'),
  );
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A real date from its parts, or a UsageError naming what is impossible. */
function realDate(option: string, text: string, year: number, month: number, day: number): IsoDate {
  if (month < 1 || month > 12) {
    const swapped =
      day >= 1 && day <= 12 && isIsoDate(iso(year, day, month))
        ? ` (dates are day first: for ${month} ${MONTHS[day - 1]} type ${iso(year, day, month)})`
        : '';
    throw new UsageError(`${option} "${text}": ${month} is not a month${swapped}; give the date as YYYY-MM-DD.`);
  }
  const date = iso(year, month, day);
  if (!isIsoDate(date))
    throw new UsageError(
      `${option} "${text}": there is no ${day} ${MONTHS[month - 1]} ${year}; give a real date as YYYY-MM-DD.`,
    );
  return date;
}

function checkWeekday(option: string, text: string, date: IsoDate, said: string | undefined): IsoDate {
  if (said === undefined) return date;
  const weekday = weekdayNamed(said);
  if (weekday === undefined)
    throw new UsageError(
      `${option} "${text}": "${said}" is not a weekday; give the date as YYYY-MM-DD, for example ${date}.`,
    );
  if (weekday !== weekdayOf(date)) {
    throw new UsageError(
      `${option} "${text}": ${formatLongDate(date).replace(/^\w+ /, '')} is a ${formatLongDate(date).split(' ')[0]}, not a ${weekday[0]!.toUpperCase()}${weekday.slice(1)}; type ${date} if that is the day you mean.`,
    );
  }
  return date;
}

/**
 * Reads a date as typed: readDate("--notified", "19/03/2019", "2026-11-25") is
 * { date: "2019-03-19", iso: false }. "today" is the date given as today (London's date).
 */
export function readDate(option: string, text: string, today: IsoDate | (() => IsoDate)): DateReading {
  const t = text.trim().replace(/\s+/g, ' ');
  if (isIsoDate(t)) return { date: t, iso: true };
  if (/^today$/i.test(t)) return { date: typeof today === 'function' ? today() : today, iso: false };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return { date: realDate(option, text, Number(m[1]), Number(m[2]), Number(m[3])), iso: false };
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  if (m) {
    if (m[3]!.length === 2) {
      throw new UsageError(
        `${option} "${text}": a two-digit year could be read more than one way; give the date as YYYY-MM-DD, for example 20${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}.`,
      );
    }
    return { date: realDate(option, text, Number(m[3]), Number(m[2]), Number(m[1])), iso: false };
  }
  // Written: [weekday[,]] day[st|nd|rd|th] [of] month[,] year, or [weekday[,]] month day[st|nd|rd|th][,] year.
  m = /^(?:([A-Za-z]+\.?),? )?(\d{1,2})(?:st|nd|rd|th)? (?:of )?([A-Za-z]+\.?),? (\d{4})$/i.exec(t);
  const n = m ? undefined : /^(?:([A-Za-z]+\.?),? )?([A-Za-z]+\.?) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/i.exec(t);
  const written = m
    ? { weekday: m[1], day: m[2]!, month: m[3]!, year: m[4]! }
    : n
      ? { weekday: n[1], day: n[3]!, month: n[2]!, year: n[4]! }
      : undefined;
  if (written) {
    const month = monthOf(written.month);
    if (month === undefined)
      throw new UsageError(`${option} "${text}": "${written.month}" is not a month; give the date as YYYY-MM-DD.`);
    const date = realDate(option, text, Number(written.year), month, Number(written.day));
    return { date: checkWeekday(option, text, date, written.weekday), iso: false };
  }
  throw new UsageError(
    `${option} "${text}" is not a date jtai can read; give it as YYYY-MM-DD (${option} 2019-03-19), or as 19/03/2019, 19 March 2019 or today.`,
  );
}

/** The wall-clock date and time in a zone at an instant: localDateTime(london, Date.UTC(2019, 3, 2, 15)) is "2019-04-02T16:00". */
export function localDateTime(zone: ZoneRules, utcMs: number): string {
  return isoUtc(utcMs + offsetAt(zone, utcMs) * 60_000).slice(0, 16);
}

function readClock(option: string, text: string, clock: string): string {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/i.exec(clock);
  if (m && (m[2] !== undefined || m[3] !== undefined)) {
    let hour = Number(m[1]);
    const minute = Number(m[2] ?? '0');
    const half = m[3]?.toLowerCase();
    if (half !== undefined && (hour < 1 || hour > 12))
      throw new UsageError(`${option} "${text}": ${clock} is not a time; give a 24-hour time like 14:10.`);
    if (half === 'pm' && hour !== 12) hour += 12;
    if (half === 'am' && hour === 12) hour = 0;
    if (hour <= 23 && minute <= 59) return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  }
  throw new UsageError(`${option} "${text}": "${clock}" is not a time; give a 24-hour time like 14:10.`);
}

// A time of day alone, or after "today" or "yesterday", is on the day that is today in the zone.
const CLOCK = /^\d{1,2}(?:(?:[:.]\d{2})\s*(?:am|pm)?|\s*(?:am|pm))$/i;
// How to type what could not be read: a moment (--now), and a time something was done (--at).
const MOMENT_FORMS =
  'give it as 2019-03-20T14:10 (London time), 20/03/2019 14:10, or with an offset, 2019-03-20T14:10+00:00';
const DELIVERY_FORMS =
  'give the time it was done as 16:40 (today), yesterday 16:40, 20/03/2019 16:40 or 2019-03-20T16:40 (London time)';

/** A wall-clock date and time as typed (no time if none was given), and whether the day was told from today. */
interface WallClock {
  date: IsoDate;
  time: string | undefined;
  fromToday: boolean;
}

// The form scripts and the page give, read without the regular expressions of every other form.
const ISO_WALL_CLOCK = /^(\d{4}-\d{2}-\d{2})[T ]([01]\d|2[0-3]):([0-5]\d)$/;

/** A wall-clock moment as typed; today (the zone's date now) is worked out only if the text needs it. */
function readWallClock(option: string, text: string, t: string, today: () => IsoDate, forms: string): WallClock {
  const iso = ISO_WALL_CLOCK.exec(t);
  if (iso && isIsoDate(iso[1]!)) return { date: iso[1]!, time: `${iso[2]}:${iso[3]}`, fromToday: false };
  if (CLOCK.test(t)) return { date: today(), time: readClock(option, text, t), fromToday: true };
  const u = t.replace(/,? at (?=\d)/i, ' '); // "yesterday at 9am"
  const m = /^(.*?)(?:[T ,]+(\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?|\d{1,2}[:.]\d{2}))?$/i.exec(u)!;
  const [datePart, clockPart] = m[2] !== undefined && /[:.]|am|pm/i.test(m[2]) ? [m[1]!, m[2]] : [u, undefined];
  const yesterday = /^yesterday$/i.test(datePart);
  let date: IsoDate;
  try {
    date = yesterday ? addDays(today(), -1) : readDate(option, datePart, today).date;
  } catch (e) {
    if (!(e instanceof UsageError) || clockPart !== undefined) throw e;
    throw new UsageError(`${option} "${text}" is not a date and time jtai can read; ${forms}.`);
  }
  const time = clockPart === undefined ? undefined : readClock(option, text, clockPart);
  return { date, time, fromToday: yesterday || /^today$/i.test(datePart) };
}

// An ISO instant with its offset (or Z) is taken as it is.
function readOffsetInstant(option: string, text: string, t: string, zone: ZoneRules): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([zZ]|[+-]\d{2}:?\d{2})$/.test(t)) return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : withinZone(option, text, ms, zone);
}

function wallInstant(option: string, text: string, date: IsoDate, time: string, zone: ZoneRules, notes: string[]) {
  const instant = zonedInstant(zone, date, time);
  if (isRepeatedTime(zone, date, time)) {
    const later = formatOffset(offsetAt(zone, Date.parse(instant) + 3_600_000));
    notes.push(
      `${option} "${text}": ${time} happens twice on ${formatLongDate(date)}, when the clocks go back; read as the first (${instant.slice(-6)}). For the second, give ${date}T${time}${later}.`,
    );
  }
  return withinZone(option, text, Date.parse(instant), zone);
}

/**
 * Reads an instant as typed, in a zone's wall-clock time: "now" or "today" (this moment), an
 * ISO instant with an offset or Z, a time of day (today's, or after "today" or "yesterday"), or
 * a date in any form readDate takes with an optional time (14:10, 2:10pm; 00:00 if none):
 * readInstant("--now", "20/03/2019 14:10", now, london) is Date.parse("2019-03-20T14:10:00Z").
 */
export function readInstant(
  option: string,
  text: string,
  nowMs: number,
  zone: ZoneRules,
  notes: string[] = [],
): number {
  const t = text.trim().replace(/\s+/g, ' ');
  if (/^(now|today)$/i.test(t)) return nowMs;
  const exact = readOffsetInstant(option, text, t, zone);
  if (exact !== undefined) return exact;
  const wall = readWallClock(option, text, t, () => localDateTime(zone, nowMs).slice(0, 10), MOMENT_FORMS);
  return wallInstant(option, text, wall.date, wall.time ?? '00:00', zone, notes);
}

/**
 * Reads when something was done, as readInstant does but with a time of day required (a day
 * alone is refused, with an example), and a day told from today said back in notes:
 * readDeliveryTime("--at", "16:40", Date.parse("2019-03-20T17:05Z"), london) is
 * Date.parse("2019-03-20T16:40:00Z"), with the note 'read --at "16:40" as Wed 20 Mar 2019 16:40.'
 */
export function readDeliveryTime(
  option: string,
  text: string,
  nowMs: number,
  zone: ZoneRules,
  notes: string[] = [],
): number {
  const t = text.trim().replace(/\s+/g, ' ');
  if (/^now$/i.test(t)) return nowMs;
  const exact = readOffsetInstant(option, text, t, zone);
  if (exact !== undefined) return exact;
  const wall = readWallClock(option, text, t, () => localDateTime(zone, nowMs).slice(0, 10), DELIVERY_FORMS);
  if (wall.time === undefined)
    throw new UsageError(
      `${option} "${text}" gives the day but not the time; add the time it was done, for example ${option} "${t} 14:10".`,
    );
  const ms = wallInstant(option, text, wall.date, wall.time, zone, notes);
  if (wall.fromToday) notes.push(`read ${option} "${text}" as ${formatShortDateTime(localDateTime(zone, ms))}.`);
  return ms;
}

// Outside the years its table of clock changes holds, a zone's time of day cannot be told.
function withinZone(option: string, text: string, ms: number, zone: ZoneRules): number {
  if (coversInstant(zone, ms)) return ms;
  throw new UsageError(
    `${option} "${text}" is outside the years jtai knows the clock changes of ${zone.name} for (${zone.years[0]} to ${zone.years[1]}); give a time in those years.`,
  );
}

/** Whether a typed moment gives a time of day, as a moved deadline must: hasTimeOfDay("22/03/2019 10:00") is true, hasTimeOfDay("22/03/2019") false. */
export function hasTimeOfDay(text: string): boolean {
  return /\d[:.]\d{2}|\d\s*(am|pm)\b|T\d{2}/i.test(text);
}
