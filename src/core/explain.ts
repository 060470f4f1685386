import { InputError } from '../errors.js';
import { type IsoDate, type Weekday, addDays, capitalise, mondayOf, weekdayOf, weekdayOfWeek } from './calendar-date.js';
import type { RuleSet } from './rule-set.js';
import type { Schedule, ScheduleItem } from './schedule.js';
import { didYouMean } from './suggest.js';
import { type HolidayCalendar, whyNotWorking } from './working-days.js';

/** One day passed on the way to an item's date: counted as a working day, or skipped and why. */
export interface ExplainStep {
  /** counted: a working day that gets a number; skipped: not a working day; marker: a week boundary or the target. */
  kind: 'counted' | 'skipped' | 'marker';
  date: IsoDate;
  weekday: string;
  /** The working-day number this date gets, or null when it is skipped or only passed. */
  day: number | null;
  /** Why the day is not counted, or what it marks. */
  reason: string | null;
}

/** How one item's date and time were worked out. */
export interface Explanation {
  item: ScheduleItem;
  /** How the rule set writes the item's time: "15:00", "end-of-day" or "all-day". */
  writtenTime: string;
  steps: ExplainStep[];
}

function dayCountSteps(notified: IsoDate, first: number, last: number, calendar: HolidayCalendar): ExplainStep[] {
  const steps: ExplainStep[] = [{ kind: 'counted', date: notified, weekday: weekdayOf(notified), day: first, reason: 'notification day' }];
  const step = last < first ? -1 : 1;
  for (let day = first, date = notified; day !== last; ) {
    date = addDays(date, step);
    const off = whyNotWorking(date, calendar);
    if (off === undefined) day += step;
    steps.push({ kind: off === undefined ? 'counted' : 'skipped', date, weekday: weekdayOf(date), day: off === undefined ? day : null, reason: off ?? null });
  }
  return steps;
}

function weekSteps(notified: IsoDate, week: number, weekday: Weekday): ExplainStep[] {
  const monday = mondayOf(notified);
  const target = weekdayOfWeek(notified, week, weekday);
  const steps: ExplainStep[] = [
    { kind: 'marker', date: notified, weekday: weekdayOf(notified), day: null, reason: 'notification day' },
    { kind: 'marker', date: monday, weekday: 'monday', day: null, reason: 'week 1 starts (the week of notification)' },
  ];
  if (week > 1) steps.push({ kind: 'marker', date: addDays(monday, (week - 1) * 7), weekday: 'monday', day: null, reason: `week ${week} starts` });
  steps.push({ kind: 'marker', date: target, weekday: weekdayOf(target), day: null, reason: `${capitalise(weekday)} of week ${week}` });
  return steps;
}

/**
 * Shows how an item was dated: explainItem(jtai2018, schedule, "key-case-file-documents", c).steps
 * lists day 0 to day 5, with each weekend day and bank holiday skipped by name.
 */
export function explainItem(ruleSet: RuleSet, schedule: Schedule, id: string, calendar: HolidayCalendar): Explanation {
  const wanted = id.trim().toLowerCase();
  const rule = ruleSet.items.find((i) => i.id === wanted);
  const item = schedule.items.find((i) => i.id === wanted);
  if (!rule || !item) {
    const ids = ruleSet.items.map((i) => i.id);
    throw new InputError(`there is no item "${id}" in ${ruleSet.id}.${didYouMean(id, ids)} Its items are: ${ids.join(', ')}.`);
  }
  const a = rule.anchor;
  const steps =
    a.type === 'day'
      ? dayCountSteps(schedule.notified, ruleSet.notification.day, a.day, calendar)
      : weekSteps(schedule.notified, a.week, a.weekday);
  const writtenTime = rule.at.type === 'all-day' ? 'all-day' : (rule.at.name ?? rule.at.time);
  return { item, writtenTime, steps };
}
