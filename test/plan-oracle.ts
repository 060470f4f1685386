import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { BANK_HOLIDAYS, FIRST_YEAR, LAST_YEAR } from '../src/core/dates/bank-holidays-data.js';

// An oracle for a plan's dates and times that shares no code with src/: the rule set as written
// (a YAML file read with the yaml package, not jtai's parser), the bank holidays as GOV.UK
// publishes them, calendar days stepped with luxon, working days counted by a plain walk, one
// day at a time, and London's clock read from luxon's instant-to-wall-clock conversion.
// Tests only: its answers are what properties.test.ts holds the plan to.

const GOV_UK = JSON.parse(
  readFileSync(new URL('./data/gov-uk-bank-holidays-england-and-wales.json', import.meta.url), 'utf8'),
) as {
  years: [number, number];
  events: Array<{ date: string }>;
};
const yearOf = (date: string) => Number(date.slice(0, 4));
/**
 * England & Wales bank holidays: GOV.UK's own list for the years it covers (2016 to 2027); after
 * those, the only list there is, the table jtai ships (date-holidays), for the years it knows.
 */
export const BANK_HOLIDAY_DATES: ReadonlySet<string> = new Set([
  ...GOV_UK.events.map((e) => e.date),
  ...BANK_HOLIDAYS.map(([date]) => date).filter((date) => yearOf(date) > GOV_UK.years[1]),
]);

const day = (date: string) => DateTime.fromISO(date, { zone: 'UTC' });
/** The date `n` calendar days on (or back). */
export const plusDays = (date: string, n: number): string => day(date).plus({ days: n }).toISODate()!;

/** The days a working-day count skips: weekends, bank holidays and the given closure days. */
export function dayOff(date: string, closures: ReadonlySet<string>): boolean {
  if (yearOf(date) < FIRST_YEAR || yearOf(date) > LAST_YEAR)
    throw new Error(`the oracle knows no bank holidays in ${yearOf(date)}`);
  return day(date).weekday > 5 || BANK_HOLIDAY_DATES.has(date) || closures.has(date);
}

/** `n` working days on from `start` (back, for a negative n), one day at a time. */
export function walkWorkingDays(start: string, n: number, closures: ReadonlySet<string>): string {
  let date = start;
  for (let left = Math.abs(n); left > 0; ) {
    date = plusDays(date, Math.sign(n));
    if (!dayOff(date, closures)) left--;
  }
  return date;
}

/** The signed number of working days from `start` to `date`, or null if `date` is not a working day. */
export function workingDaysBetween(start: string, date: string, closures: ReadonlySet<string>): number | null {
  if (dayOff(date, closures)) return null;
  let n = 0;
  if (date >= start) for (let d = plusDays(start, 1); d <= date; d = plusDays(d, 1)) n += dayOff(d, closures) ? 0 : 1;
  else for (let d = date; d < start; d = plusDays(d, 1)) n -= dayOff(d, closures) ? 0 : 1;
  return n;
}

const LONDON = 'Europe/London';
/**
 * A London wall-clock time as an instant with its offset, the way the plan gives it: the first of
 * a repeated time (October), and an hour later for a time the clocks skip (March). Found by
 * trying the two offsets London has and keeping those that luxon shows at that wall-clock time.
 */
export function londonDue(date: string, time: string): { time: string; due: string } {
  for (const [hh, mm] of [
    [Number(time.slice(0, 2)), Number(time.slice(3, 5))],
    [Number(time.slice(0, 2)) + 1, Number(time.slice(3, 5))],
  ]) {
    const wall = `${date}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
    const asUtc = day(date).set({ hour: hh, minute: mm }).toMillis();
    for (const offset of [60, 0]) {
      if (DateTime.fromMillis(asUtc - offset * 60_000, { zone: LONDON }).toFormat("yyyy-MM-dd'T'HH:mm") === wall) {
        return { time: wall.slice(11), due: `${wall}:00+0${offset / 60}:00` };
      }
    }
  }
  throw new Error(`no London instant for ${date} ${time}`);
}

/** The fields of a rule set as written in YAML that say when its items fall. */
export interface WrittenRuleSet {
  timezone: string;
  closures?: Array<{ date: string }>;
  notification?: { day?: number };
  times?: Record<string, { time: string }>;
  items: Array<{
    id: string;
    day?: number;
    week?: number;
    weekday?: string;
    from?: string;
    days?: number;
    hours?: number;
    minutes?: number;
    at?: string;
  }>;
}

/** When the oracle says an item falls: the fields of a plan item it can check. */
export interface OracleItem {
  date: string;
  /** HH:MM, moved on an hour if the clocks skip it; null all day. */
  time: string | null;
  due: string | null;
  day: number | null;
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Every item of a written rule set, dated for a notification date, without any of jtai's code. */
export function oraclePlan(
  written: WrittenRuleSet,
  notified: string,
  extraClosures: readonly string[] = [],
): Map<string, OracleItem> {
  if (written.timezone !== LONDON) throw new Error('the oracle knows London time only');
  const closures = new Set([...(written.closures ?? []).map((c) => String(c.date)), ...extraClosures]);
  const notificationDay = written.notification?.day ?? 0;
  const byId = new Map(written.items.map((i) => [i.id, i]));
  // Each item's date and its wall-clock time before any clock-change move, which chains count from.
  const found = new Map<string, { date: string; wall: string | null; day: number | null }>();
  const clockOf = (at: string): string | null =>
    at === 'all-day' ? null : /^\d\d:\d\d$/.test(at) ? at : written.times![at]!.time;
  const dateOf = (id: string): { date: string; wall: string | null; day: number | null } => {
    const known = found.get(id);
    if (known) return known;
    const item = byId.get(id)!;
    let result: { date: string; wall: string | null; day: number | null };
    if (item.day !== undefined && item.day !== null) {
      result = {
        date: walkWorkingDays(notified, item.day - notificationDay, closures),
        wall: clockOf(item.at!),
        day: item.day,
      };
    } else if (item.week !== undefined && item.week !== null) {
      const monday = day(notified).startOf('week').toISODate()!;
      result = {
        date: plusDays(monday, (item.week - 1) * 7 + WEEKDAYS.indexOf(item.weekday!)),
        wall: clockOf(item.at!),
        day: null,
      };
    } else {
      const base = dateOf(item.from!);
      const counted = walkWorkingDays(base.date, item.days ?? 0, closures);
      const wall = item.at !== undefined ? clockOf(item.at) : base.wall;
      const offset = (item.hours ?? 0) * 60 + (item.minutes ?? 0);
      let date = counted;
      let clock = wall;
      if (offset !== 0) {
        if (wall === null) throw new Error(`${item.id} moves hours from an all-day time`);
        const total = Number(wall.slice(0, 2)) * 60 + Number(wall.slice(3, 5)) + offset;
        const days = Math.floor(total / 1440);
        const minutes = total - days * 1440;
        date = plusDays(counted, days);
        clock = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      }
      const n = workingDaysBetween(notified, date, closures);
      result = { date, wall: clock, day: n === null ? null : n + notificationDay };
    }
    found.set(id, result);
    return result;
  };
  return new Map(
    written.items.map((item) => {
      const { date, wall, day: n } = dateOf(item.id);
      const timed = wall === null ? null : londonDue(date, wall);
      return [item.id, { date, time: timed?.time ?? null, due: timed?.due ?? null, day: n }];
    }),
  );
}

/** The weekdays off (bank holidays and closures, not weekends) from the notification day to the last date. */
export function oracleDaysOff(notified: string, last: string, closures: ReadonlySet<string>): string[] {
  const days: string[] = [];
  for (let d = notified; d <= last; d = plusDays(d, 1)) if (day(d).weekday <= 5 && dayOff(d, closures)) days.push(d);
  return days;
}
