import { InternalError } from '../../errors.js';
import { type IsoDate, addDays, capitalise, weekdayOfWeek } from '../dates/calendar-date.js';
import type { At, RuleItem, RuleSet } from '../rule-set/rule-set.js';
import { type HolidayCalendar, type SkippedDay, countWorkingDays } from '../dates/working-days.js';

// When each item falls, as a date and a wall-clock time, before times become instants: a
// working-day number, a weekday of a week, or counted from another item (a chain), whose
// working days skip the rule set's days off and whose clock offset is London wall-clock time.

/** An item's date and wall-clock time, and how it was reached. */
export interface Dated {
  date: IsoDate;
  /** The clock time and what names it, or all-day. */
  at: At;
  /** Days passed over on the way: weekend days, bank holidays and closures. */
  skipped: SkippedDay[];
  /** A moved deadline's UTC offset, in minutes: which of a time that happens twice it is. */
  offset?: number;
}

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function clockOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** An offset in words: offsetWords(1, 30) is "1 h 30 min", offsetWords(2, 0) "2 hours". */
function offsetWords(hours: number, minutes: number): string {
  const h = Math.abs(hours);
  const m = Math.abs(minutes);
  if (m === 0) return `${h} hour${h === 1 ? '' : 's'}`;
  if (h === 0) return `${m} minute${m === 1 ? '' : 's'}`;
  return `${h} h ${m} min`;
}

/**
 * How a rule set anchors an item, in words: "day 3", "Friday of week 2",
 * "1 working day before cse-gangs-cases", "2 hours before sign-off".
 */
export function anchorText(item: RuleItem): string {
  const a = item.anchor;
  if (a.type === 'day') return `day ${a.day}`;
  if (a.type === 'week') return `${capitalise(a.weekday)} of week ${a.week}`;
  const clock = a.hours * 60 + a.minutes;
  const days = a.days === 0 ? '' : `${Math.abs(a.days)} working day${Math.abs(a.days) === 1 ? '' : 's'}`;
  const time = clock === 0 ? '' : offsetWords(Math.trunc(clock / 60), clock % 60);
  if (!days && !time) return `with ${a.from}`;
  const sameWay = !days || !time || Math.sign(a.days) === Math.sign(clock);
  if (sameWay)
    return `${[days, time].filter(Boolean).join(' and ')} ${(a.days || clock) < 0 ? 'before' : 'after'} ${a.from}`;
  return `${days} ${a.days < 0 ? 'before' : 'after'} ${a.from}, ${time} ${clock < 0 ? 'earlier' : 'later'}`;
}

/**
 * Dates every item of a rule set for a notification date (those moved where they were put),
 * each chained item after the item it is counted from: dateItems(jtai2018, "2019-03-19", c).get("cse-gangs-cases") is
 * { date: "2019-03-20", at: { type: "clock", time: "15:00" }, ... }.
 */
export function dateItems(
  ruleSet: RuleSet,
  notified: IsoDate,
  calendar: HolidayCalendar,
  moved: ReadonlyMap<string, { date: IsoDate; time: string; offset?: number }> = new Map(),
): Map<string, Dated> {
  const rules = new Map(ruleSet.items.map((r) => [r.id, r]));
  const dated = new Map<string, Dated>(
    // A deadline agreed with the lead inspector is where it was put; what is counted from it follows.
    [...moved].map(([id, m]) => [
      id,
      {
        date: m.date,
        at: { type: 'clock', time: m.time },
        skipped: [],
        ...(m.offset !== undefined && { offset: m.offset }),
      },
    ]),
  );
  const visiting = new Set<string>();
  const date = (id: string): Dated => {
    const done = dated.get(id);
    if (done) return done;
    const rule = rules.get(id);
    if (!rule)
      throw new InternalError(`there is no item "${id}" to count from: checkRuleSet lets no such rule set through.`);
    if (visiting.has(id))
      throw new InternalError(`"from" makes a cycle through "${id}": checkRuleSet lets no such rule set through.`);
    visiting.add(id);
    const result = dateOne(rule, ruleSet, notified, calendar, date);
    visiting.delete(id);
    dated.set(id, result);
    return result;
  };
  for (const rule of ruleSet.items) date(rule.id);
  return dated;
}

function dateOne(
  rule: RuleItem,
  ruleSet: RuleSet,
  notified: IsoDate,
  calendar: HolidayCalendar,
  dateOf: (id: string) => Dated,
): Dated {
  const a = rule.anchor;
  if (a.type === 'day')
    return {
      ...countWorkingDays(notified, a.day - ruleSet.notification.day, calendar),
      at: rule.at ?? { type: 'all-day' },
    };
  if (a.type === 'week')
    return { date: weekdayOfWeek(notified, a.week, a.weekday), skipped: [], at: rule.at ?? { type: 'all-day' } };
  const base = dateOf(a.from);
  const counted = countWorkingDays(base.date, a.days, calendar);
  const at = rule.at ?? base.at;
  const offset = a.hours * 60 + a.minutes;
  if (offset === 0) return { date: counted.date, at, skipped: counted.skipped };
  if (at.type === 'all-day') {
    throw new InternalError(
      `item "${rule.id}" moves ${offsetWords(a.hours, a.minutes)} from the time of "${a.from}", which is all day; give it a clock time with "at".`,
    );
  }
  // A wall-clock offset: 14:00 - 15 hours is 23:00 the day before (calendar days, not working days).
  const total = minutesOf(at.time) + offset;
  const days = Math.floor(total / 1440);
  return {
    date: addDays(counted.date, days),
    at: { type: 'clock', time: clockOf(total - days * 1440) },
    skipped: counted.skipped,
  };
}
