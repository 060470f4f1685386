import type { PlanItem } from '../plan/plan.js';
import { type ProgressEvent, sortEvents } from './events.js';

// Calendars issued during the fortnight: each ICS written with an inspection file is recorded
// (which items, at which times, at which SEQUENCE), so that the next issue of that calendar says
// what changed, cancels what was removed (STATUS:CANCELLED, a higher SEQUENCE) and raises the
// SEQUENCE of exactly the events that changed. Programs that honour updates (by UID and
// SEQUENCE) then hold exactly the current plan.

/** One event of a calendar as issued. */
export interface IssuedEvent {
  item: string;
  title: string;
  date: string;
  /** The deadline, or null for an all-day item. */
  due: string | null;
  sequence: number;
  /** Issued as cancelled: the item had gone from the plan. */
  cancelled?: boolean;
}

/** The last issue of one calendar. */
export interface CalendarIssue {
  calendar: string;
  /** When it was issued, with its UTC offset. */
  at: string;
  events: IssuedEvent[];
}

/** What changed for a calendar since its last issue, and the events to write now. */
export interface CalendarChanges {
  /** The last issue compared with, or null for a first issue. */
  since: CalendarIssue | null;
  moved: Array<{ item: PlanItem; was: IssuedEvent }>;
  renamed: Array<{ item: PlanItem; was: IssuedEvent }>;
  added: PlanItem[];
  removed: IssuedEvent[];
  /** The SEQUENCE of each event of the plan. */
  sequences: Record<string, number>;
  /** The events gone from the plan, to issue as cancelled (with their new SEQUENCE). */
  cancelled: IssuedEvent[];
}

/** The last issue of each calendar, by its name: foldIssues(events)["jtai.ics"].events[0].item. */
export function foldIssues(events: readonly ProgressEvent[]): Record<string, CalendarIssue> {
  const issues: Record<string, CalendarIssue> = {};
  for (const e of sortEvents(events))
    if (e.type === 'issue' && e.calendar && e.issued)
      issues[e.calendar] = { calendar: e.calendar, at: e.at, events: e.issued };
  return issues;
}

const MAX_SEQUENCE = 2_147_483_647;
const bump = (n: number) => Math.min(MAX_SEQUENCE, n + 1);

/**
 * What changed between a calendar's last issue and a plan: an item at another time is moved,
 * one with another title renamed (each a SEQUENCE higher), a new one added (SEQUENCE 0), one
 * gone removed (issued cancelled, a SEQUENCE higher, and kept cancelled in later issues); an
 * event issued for the first time gets the SEQUENCE `first`.
 */
export function calendarChanges(
  items: readonly PlanItem[],
  last: CalendarIssue | null,
  /** The SEQUENCE of an event issued for the first time: the file's stamp, so that it is never lower than one a calendar issued without the record had. */
  first = 0,
): CalendarChanges {
  const before = new Map((last?.events ?? []).map((e) => [e.item, e]));
  const changes: CalendarChanges = {
    since: last,
    moved: [],
    renamed: [],
    added: [],
    removed: [],
    sequences: {},
    cancelled: [],
  };
  for (const item of items) {
    const was = before.get(item.id);
    if (!was || was.cancelled) {
      if (was) changes.added.push(item);
      else if (last) changes.added.push(item);
      changes.sequences[item.id] = was ? bump(was.sequence) : first;
    } else if (was.due !== item.due || was.date !== item.date) {
      changes.moved.push({ item, was });
      changes.sequences[item.id] = bump(was.sequence);
    } else if (was.title !== item.title) {
      changes.renamed.push({ item, was });
      changes.sequences[item.id] = bump(was.sequence);
    } else changes.sequences[item.id] = was.sequence;
  }
  const now = new Set(items.map((i) => i.id));
  for (const was of before.values()) {
    if (now.has(was.item)) continue;
    if (was.cancelled) changes.cancelled.push(was);
    else {
      changes.removed.push(was);
      changes.cancelled.push({ ...was, sequence: bump(was.sequence), cancelled: true });
    }
  }
  return changes;
}

/** The events of an issue, to record: issuedEvents(items, changes)[0] is { item, title, date, due, sequence }. */
export function issuedEvents(items: readonly PlanItem[], changes: CalendarChanges): IssuedEvent[] {
  return [
    ...items.map((i) => ({ item: i.id, title: i.title, date: i.date, due: i.due, sequence: changes.sequences[i.id]! })),
    ...changes.cancelled,
  ];
}
