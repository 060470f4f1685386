import { localDateTime } from '../dates/date-input.js';
import { isoUtc, minutesBetween } from '../dates/calendar-date.js';
import type { TrackedPlan } from './progress.js';
import type { IsoDate } from '../dates/calendar-date.js';
import type { PlanItem } from '../plan/plan.js';
import { isInformational } from '../plan/agencies.js';
import { type ZoneRules, formatOffset, offsetAt } from '../dates/zone-rules.js';

/** An item with how long until (positive) or since (negative) it is due, in minutes. */
export interface TimedItem {
  item: PlanItem;
  /** Minutes from now to the deadline; null for an all-day item. */
  minutesLeft: number | null;
}

export interface NextView {
  /** Now, as local wall-clock time: "2019-03-20T14:10". */
  now: string;
  /** Now as an instant with its UTC offset: "2019-03-20T14:10:00+00:00". */
  nowInstant: string;
  /** Whether every item of the plan has passed: the inspection timetable is over. */
  over: boolean;
  /** Submissions whose deadline has passed and that are not done. */
  overdue: TimedItem[];
  today: TimedItem[];
  next: TimedItem[];
}

function timed(item: PlanItem, nowMs: number): TimedItem {
  return { item, minutesLeft: item.due === null ? null : minutesBetween(isoUtc(nowMs), item.due) };
}

/**
 * Splits a plan at an instant: deadlines passed, those still to come today (London time), and
 * everything on the next day that has items: whatIsNext(plan, Date.parse("2019-03-20T14:10Z"), london).
 */
export function whatIsNext(plan: TrackedPlan, nowMs: number, zone: ZoneRules): NextView {
  const offset = offsetAt(zone, nowMs);
  const local = localDateTime(zone, nowMs);
  const today: IsoDate = local.slice(0, 10);
  const isPast = (i: PlanItem) => (i.due === null ? i.date < today : Date.parse(i.due) < nowMs);
  const isDone = (i: PlanItem) => plan.progress?.items[i.id]?.status === 'done';
  // What is done is not overdue, and an inspector action that has passed is not the area's to do.
  const past = plan.items.filter(
    (i) => isPast(i) && !isDone(i) && i.kind === 'submission' && !isInformational(plan, i),
  );
  const upcoming = plan.items.filter((i) => !isPast(i));
  const laterToday = upcoming.filter((i) => i.date === today);
  const nextDate = upcoming.find((i) => i.date > today)?.date;
  return {
    now: local,
    nowInstant: `${local}:00${formatOffset(offset)}`,
    over: upcoming.length === 0 && plan.items.length > 0,
    overdue: past.map((i) => timed(i, nowMs)),
    today: laterToday.map((i) => timed(i, nowMs)),
    next: upcoming.filter((i) => i.date === nextDate).map((i) => timed(i, nowMs)),
  };
}

/** Minutes as words: formatMinutes(1505) is "1 day 1 h 5 min". */
export function formatMinutes(minutes: number): string {
  const m = Math.abs(minutes);
  const days = Math.floor(m / 1440);
  const hours = Math.floor((m % 1440) / 60);
  const mins = m % 60;
  const parts = [
    days && `${days} day${days === 1 ? '' : 's'}`,
    hours && `${hours} h`,
    (mins || m === 0) && `${mins} min`,
  ].filter(Boolean);
  return parts.join(' ');
}
