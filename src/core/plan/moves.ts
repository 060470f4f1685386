import { type IsoDate, formatLongDate } from '../dates/calendar-date.js';
import { type HolidayCalendar, whyNotWorking } from '../dates/working-days.js';
import { localDateTime } from '../dates/date-input.js';
import { type ZoneRules, offsetAt } from '../dates/zone-rules.js';
import type { RuleSet } from '../rule-set/rule-set.js';
import type { Dated } from './item-dates.js';

// Deadlines agreed with the lead inspector during the inspection ("send the meeting details by
// 10am Friday"): each is kept beside the rule set's own time and survives any recalculation;
// what is counted from a moved item moves with it.

/** A moved deadline as the record gives it to the plan. */
export interface AgreedMove {
  /** The new deadline, an instant with its UTC offset. */
  to: string;
  why: string;
  by: string | null;
  /** When it was agreed, with its UTC offset. */
  at: string;
}

/** How an item's time differs from its rule set's: moved itself, or with the item it is counted from. */
export interface ItemMove {
  /** The rule set's date, time (null: all day) and deadline (null: all day). */
  from: { date: IsoDate; time: string | null; due: string | null };
  why: string;
  by: string | null;
  /** When it was agreed, with its UTC offset. */
  at: string;
  /** The moved item this one is counted from and moved with, or null when it was moved itself. */
  with: string | null;
}

/**
 * The wall-clock date and time of each move, and its UTC offset (which of a time that happens
 * twice it is): movedTimes({ a: { to: "2019-03-22T10:00:00+00:00" } }) has a at 2019-03-22 10:00, offset 0.
 */
export function movedTimes(
  moves: Readonly<Record<string, AgreedMove>>,
  zone: ZoneRules,
  known: ReadonlySet<string>,
): Map<string, { date: IsoDate; time: string; offset: number }> {
  return new Map(
    Object.entries(moves)
      .filter(([id]) => known.has(id))
      .map(([id, m]) => {
        const ms = Date.parse(m.to);
        const local = localDateTime(zone, ms);
        return [id, { date: local.slice(0, 10), time: local.slice(11, 16), offset: offsetAt(zone, ms) }];
      }),
  );
}

/** The item a chained item is counted from that was moved, if any, following its chain. */
function movedRoot(id: string, ruleSet: RuleSet, moves: Readonly<Record<string, AgreedMove>>): string | null {
  const rules = new Map(ruleSet.items.map((r) => [r.id, r]));
  const seen = new Set<string>();
  for (let a = rules.get(id)?.anchor; a?.type === 'from' && !seen.has(a.from); a = rules.get(a.from)?.anchor) {
    seen.add(a.from);
    if (Object.hasOwn(moves, a.from)) return a.from;
  }
  return null;
}

/**
 * What moved for one item, comparing its dates with and without the moves, or null when it is
 * where the rule set puts it.
 */
export function moveOf(
  id: string,
  ruleSet: RuleSet,
  moves: Readonly<Record<string, AgreedMove>>,
  before: Dated,
  after: Dated,
  dueBefore: string | null,
): ItemMove | null {
  const time = (d: Dated) => (d.at.type === 'clock' ? d.at.time : null);
  const own = Object.hasOwn(moves, id) ? moves[id]! : undefined;
  if (!own && before.date === after.date && time(before) === time(after)) return null;
  const root = own ? null : movedRoot(id, ruleSet, moves);
  const cause = own ?? (root ? moves[root]! : undefined);
  if (!cause) return null;
  return {
    from: { date: before.date, time: time(before), due: dueBefore },
    why: cause.why,
    by: cause.by,
    at: cause.at,
    with: root,
  };
}

/**
 * What to say of a deadline moved onto a day that is not a working day, or undefined: the lead
 * inspector may have agreed it, but a slip of the keyboard is likelier.
 * dayOffNote("2019-03-24", calendar) is "Sunday 24 March 2019 is not a working day; check that it is the day agreed."
 */
export function dayOffNote(date: IsoDate, calendar: HolidayCalendar): string | undefined {
  const why = whyNotWorking(date, calendar);
  if (why === undefined) return undefined;
  const day = formatLongDate(date);
  return `${day} is not a working day${day.startsWith(why) ? '' : ` (${why})`}; check that it is the day agreed.`;
}

/** How far after the notification a moved deadline may be before it is said to look mistyped: the fortnight, and as long again. */
const FAR_DAYS = 28;

/**
 * What to check about a moved deadline's day, if anything: a day off (dayOffNote), or a day
 * outside the inspection, before the notification or weeks after it (a mistyped year or
 * month): moveNote("2031-03-19", "2019-03-19", calendar) is "Wednesday 19 March 2031 is
 * 4,383 days after the notification (Tuesday 19 March 2019); check the year and the month."
 */
export function moveNote(date: IsoDate, notified: IsoDate, calendar: HolidayCalendar): string | undefined {
  const days = Math.round((Date.parse(`${date}T00:00Z`) - Date.parse(`${notified}T00:00Z`)) / 86_400_000);
  const told = `the notification (${formatLongDate(notified)})`;
  if (days < 0) return `${formatLongDate(date)} is before ${told}; check that it is the day agreed.`;
  if (days > FAR_DAYS)
    return `${formatLongDate(date)} is ${String(days).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} days after ${told}; check the year and the month.`;
  return dayOffNote(date, calendar);
}
