import { UsageError } from '../../errors.js';
import {
  type IsoDate,
  type Weekday,
  addDays,
  capitalise,
  mondayOf,
  weekdayOf,
  weekdayOfWeek,
} from '../dates/calendar-date.js';
import type { RuleItem, RuleSet } from '../rule-set/rule-set.js';
import { type FitCheck, type Plan, type PlanItem, fitMessage, fitOf, quotedSource } from './plan.js';
import { didYouMean } from '../text/suggest.js';
import { type HolidayCalendar, whyNotWorking, workingDayNumber } from '../dates/working-days.js';

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
  item: PlanItem;
  /** How the rule set writes the item's time: "15:00", "end-of-day" or "all-day". */
  writtenTime: string;
  steps: ExplainStep[];
}

function dayCountSteps(notified: IsoDate, first: number, last: number, calendar: HolidayCalendar): ExplainStep[] {
  const steps: ExplainStep[] = [
    { kind: 'counted', date: notified, weekday: weekdayOf(notified), day: first, reason: 'notification day' },
  ];
  const step = last < first ? -1 : 1;
  for (let day = first, date = notified; day !== last; ) {
    date = addDays(date, step);
    const off = whyNotWorking(date, calendar);
    if (off === undefined) day += step;
    steps.push({
      kind: off === undefined ? 'counted' : 'skipped',
      date,
      weekday: weekdayOf(date),
      day: off === undefined ? day : null,
      reason: off ?? null,
    });
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
  if (week > 1)
    steps.push({
      kind: 'marker',
      date: addDays(monday, (week - 1) * 7),
      weekday: 'monday',
      day: null,
      reason: `week ${week} starts`,
    });
  steps.push({
    kind: 'marker',
    date: target,
    weekday: weekdayOf(target),
    day: null,
    reason: `${capitalise(weekday)} of week ${week}`,
  });
  return steps;
}

/**
 * Shows how an item was dated: explainItem(jtai2018, plan, "key-case-file-documents", c).steps
 * lists day 0 to day 5, with each weekend day and bank holiday skipped by name.
 */
export function explainItem(ruleSet: RuleSet, plan: Plan, id: string, calendar: HolidayCalendar): Explanation {
  const wanted = id.trim().toLowerCase();
  const rule = ruleSet.items.find((i) => i.id === wanted);
  const item = plan.items.find((i) => i.id === wanted);
  if (!rule || !item) {
    const ids = ruleSet.items.map((i) => i.id);
    throw new UsageError(
      `there is no item "${id}" in ${ruleSet.id}.${didYouMean(id, ids)} Its items are: ${ids.join(', ')}.`,
    );
  }
  const steps = stepsTo(rule, ruleSet, plan, calendar);
  const writtenTime = !rule.at
    ? `the time of ${(rule.anchor as { from: string }).from}`
    : rule.at.type === 'all-day'
      ? 'all-day'
      : (rule.at.name ?? rule.at.time);
  return { item, writtenTime, steps };
}

/** The steps to an item's date: its own counting, or, for a chained item, the whole chain from its root. */
function stepsTo(rule: RuleItem, ruleSet: RuleSet, plan: Plan, calendar: HolidayCalendar): ExplainStep[] {
  const a = rule.anchor;
  if (a.type === 'day') return dayCountSteps(plan.notified, ruleSet.notification.day, a.day, calendar);
  if (a.type === 'week') return weekSteps(plan.notified, a.week, a.weekday);
  const baseRule = ruleSet.items.find((i) => i.id === a.from)!;
  const base = plan.items.find((i) => i.id === a.from)!;
  const item = plan.items.find((i) => i.id === rule.id)!;
  const when = `${base.time ? `at ${base.time}` : 'all day'}${base.day !== null ? `, day ${base.day}` : ''}`;
  const steps = [
    ...stepsTo(baseRule, ruleSet, plan, calendar),
    {
      kind: 'marker' as const,
      date: base.date,
      weekday: weekdayOf(base.date),
      day: null,
      reason: `${base.id} is due ${when}; ${rule.id} is counted from it`,
    },
  ];
  steps.push(...linkSteps(base.date, a.days, plan.notified, ruleSet.notification.day, calendar));
  if (a.hours !== 0 || a.minutes !== 0) {
    const sign = a.hours * 60 + a.minutes < 0 ? 'before' : 'after';
    const amount = [a.hours && `${Math.abs(a.hours)} h`, a.minutes && `${Math.abs(a.minutes)} min`]
      .filter(Boolean)
      .join(' ');
    steps.push({
      kind: 'marker',
      date: item.date,
      weekday: weekdayOf(item.date),
      day: null,
      reason: `${amount} ${sign}: ${item.time ?? 'all day'}`,
    });
  }
  return steps;
}

// The working days of one link of a chain, counted from the base item's date.
function linkSteps(
  from: IsoDate,
  count: number,
  notified: IsoDate,
  firstDay: number,
  calendar: HolidayCalendar,
): ExplainStep[] {
  const steps: ExplainStep[] = [];
  const step = count < 0 ? -1 : 1;
  for (let left = Math.abs(count), date = from; left > 0; ) {
    date = addDays(date, step);
    const off = whyNotWorking(date, calendar);
    if (off === undefined) left--;
    const day = off === undefined ? workingDayNumber(notified, date, calendar)! + firstDay : null;
    const what =
      off === undefined
        ? `${Math.abs(count) - left} working day${Math.abs(count) - left === 1 ? '' : 's'} ${step < 0 ? 'before' : 'after'}`
        : off;
    steps.push({ kind: off === undefined ? 'counted' : 'skipped', date, weekday: weekdayOf(date), day, reason: what });
  }
  return steps;
}

/** The dates a rule set fits, why, and where that is written; with a plan, where its notification falls. */
export interface FitExplanation {
  ruleSet: string;
  name: string;
  /** The guidance the rule set encodes, or null if it does not say. */
  guidance: string | null;
  /** The first and last notification dates it fits, or null on a side it does not limit. */
  from: IsoDate | null;
  until: IsoDate | null;
  /** The words the dates rest on, with the document they come from. */
  source: ReturnType<typeof quotedSource> | null;
  /** Why a notification before "from", or after "until", may not fit. */
  before: string | null;
  after: string | null;
  /** With a plan: its notification date, where it falls, what to check, and the area's letter check. */
  notified: IsoDate | null;
  falls: 'before' | 'within' | 'after' | null;
  message: string | null;
  checked: FitCheck | null;
}

/**
 * The dates a rule set fits and why: explainFit(jtai2018).until is "2019-12-31"; with the plan
 * for 2026-12-01, falls is "after" and message says what to check.
 */
export function explainFit(
  ruleSet: Pick<RuleSet, 'id' | 'name' | 'inspection' | 'applies' | 'source' | 'sources'>,
  plan?: Pick<Plan, 'notified' | 'fitChecked'>,
): FitExplanation {
  const a = ruleSet.applies;
  return {
    ruleSet: ruleSet.id,
    name: ruleSet.name,
    guidance: ruleSet.inspection?.guidance ?? null,
    from: a?.from ?? null,
    until: a?.until ?? null,
    source: a?.source ? quotedSource(ruleSet, a.source) : null,
    before: a?.before ?? null,
    after: a?.after ?? null,
    notified: plan?.notified ?? null,
    falls: plan ? fitOf(a, plan.notified) : null,
    message: plan ? fitMessage(ruleSet, plan.notified) : null,
    checked: plan?.fitChecked ?? null,
  };
}
