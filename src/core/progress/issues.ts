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
  /** Issued as cancelled: the item had gone from the plan (or from this calendar, or from this notification date). */
  cancelled?: boolean;
  /** Why it was issued cancelled (absent in issues recorded before jtai kept it: the item was taken out). */
  why?: CancelReason;
  /** The notification date in its UID, when not its issue's: an event of the inspection as notified before a correction. */
  notified?: string;
  /** A fingerprint of each part of the event's content, to tell a change other than time or title (absent in issues recorded before jtai kept it). */
  content?: EventContent;
}

/**
 * The parts of an event's content a fingerprint is kept for: the whole event (everything but
 * its stamps and SEQUENCE), who must act (names only), the same with their contacts, the
 * details (time's words, contents, note, source), a move with its reason, and the reminders.
 * (Issues recorded by an earlier jtai may hold "progress": calendars carry none now.)
 */
export const CONTENT_PARTS = ['event', 'who', 'contact', 'details', 'moves', 'reminders'] as const;
export type ContentPart = (typeof CONTENT_PARTS)[number];
export type EventContent = Partial<Record<ContentPart, string>>;

/**
 * Why an event was issued cancelled: its item taken out of the plan; the inspection's
 * notification date corrected (to this one), so that its events have other UIDs; or the item
 * still in the plan but no longer for this calendar's agency (now for these, by name).
 */
export type CancelReason =
  | { kind: 'removed' }
  | { kind: 'notified'; notified: string }
  | { kind: 'reassigned'; to: string[] };

/** The last issue of one calendar. */
export interface CalendarIssue {
  calendar: string;
  /** When it was issued, with its UTC offset. */
  at: string;
  /** The notification date its events' UIDs hold (absent in issues recorded before jtai kept it: the plan's). */
  notified?: string;
  events: IssuedEvent[];
}

/** What changed for a calendar since its last issue, and the events to write now. */
export interface CalendarChanges {
  /** The last issue compared with, or null for a first issue. */
  since: CalendarIssue | null;
  moved: Array<{ item: PlanItem; was: IssuedEvent }>;
  renamed: Array<{ item: PlanItem; was: IssuedEvent }>;
  /** At the same time with the same title, but other content: the parts that changed. */
  changed: Array<{ item: PlanItem; was: IssuedEvent; parts: ContentPart[] }>;
  added: PlanItem[];
  /** Gone from this calendar: taken out of the plan, or (why.kind "reassigned") now for other agencies only. */
  removed: IssuedEvent[];
  /** The notification date changed since the last issue: every event is new, and this many old ones are sent as cancelled. */
  renotified: { from: string; to: string; cancelled: number } | null;
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
      issues[e.calendar] = {
        calendar: e.calendar,
        at: e.at,
        ...(e.notified && { notified: e.notified }),
        events: e.issued,
      };
  return issues;
}

/**
 * A short fingerprint of a text, FNV-1a (32 bits) over its UTF-16 code units, as 8 hex digits:
 * fingerprintOf("") is "811c9dc5", fingerprintOf("a") is "e40c292c". Not a secret, only a
 * way to notice that a text is not the one issued before.
 */
export function fingerprintOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The parts of an event's content that differ from those issued: none when the whole event is
 * the same, or when either side has no fingerprint of it (an issue recorded before jtai kept
 * them: content unknown, no change claimed). A contact is told only when who must act is the same.
 */
export function changedParts(was: EventContent | undefined, now: EventContent | undefined): ContentPart[] {
  if (!was?.event || !now?.event || was.event === now.event) return [];
  const parts = CONTENT_PARTS.filter((p) => p !== 'event' && was[p] && now[p] && was[p] !== now[p]);
  const told = parts.includes('who') ? parts.filter((p) => p !== 'contact') : parts;
  return told.length > 0 ? told : ['event'];
}

const MAX_SEQUENCE = 2_147_483_647;
const bump = (n: number) => Math.min(MAX_SEQUENCE, n + 1);

/** What calendarChanges needs besides the items and the last issue. */
export interface CalendarChangesOptions {
  /** The plan's notification date, which its events' UIDs hold. */
  notified: string;
  /**
   * The stamp of this issue as a SEQUENCE (the file's stamp, sequenceOf in render/ics.ts): an
   * event issued for the first time gets it, and a changed or cancelled one at least it, so that
   * neither is ever lower than one a calendar made without the record before it had.
   */
  stamp?: number;
  /** Each event's content now, by item id (from the renderer), to tell a change of content. */
  content?: Readonly<Record<string, EventContent>>;
  /** For a calendar of some agencies: the whole plan's items, to tell an item now for others from one taken out. */
  whole?: readonly PlanItem[];
  /** Each event as issued with its highest SEQUENCE in any calendar of the inspection (newestIssued): a change goes above it. */
  newest?: Readonly<Record<string, IssuedEvent>>;
}

// An event is its UID: the notification date and the item.
const uidKey = (notified: string, item: string) => `${notified} ${item}`;

/**
 * Each event as last issued with its highest SEQUENCE in any calendar of the inspection (by
 * notification date and item): calendars share their events' UIDs (the whole area's and an
 * agency's, one issued from the page and one from the CLI), so a change raises an event above
 * them all, and an event another calendar issued at another time since is issued again above
 * it. newestIssued({}) is {}.
 */
export function newestIssued(issues: Readonly<Record<string, CalendarIssue>>): Record<string, IssuedEvent> {
  const newest: Record<string, IssuedEvent> = {};
  for (const issue of Object.values(issues))
    for (const e of issue.events) {
      const key = uidKey(e.notified ?? issue.notified ?? '', e.item);
      if (!Object.hasOwn(newest, key) || newest[key]!.sequence < e.sequence) newest[key] = e;
    }
  return newest;
}

/**
 * What changed between a calendar's last issue and a plan: an item at another time is moved,
 * one with another title renamed, one with other content (its contact, details, moves or
 * reminders, told by their fingerprints) changed (each with a higher SEQUENCE), a new one added, one
 * gone removed (issued cancelled with a higher SEQUENCE, and kept cancelled in later issues), and
 * every event of another notification date cancelled the same way. A changed or cancelled
 * event's SEQUENCE is one higher and at least `stamp`; an event issued for the first time gets
 * `stamp`; one unchanged keeps its own.
 */
export function calendarChanges(
  items: readonly PlanItem[],
  last: CalendarIssue | null,
  options: CalendarChangesOptions,
): CalendarChanges {
  const { notified, stamp = 0, content = {}, whole = items, newest = {} } = options;
  const dateOf = (e: IssuedEvent) => e.notified ?? last?.notified ?? notified;
  const newestOf = (date: string, item: string) =>
    Object.hasOwn(newest, uidKey(date, item)) ? newest[uidKey(date, item)] : undefined;
  const above = (date: string, item: string) => {
    const other = newestOf(date, item);
    return other ? bump(other.sequence) : 0;
  };
  // A changed event's SEQUENCE: one higher than in this calendar and in any other, and at least this issue's stamp.
  const raise = (n: number, date: string, item: string) => Math.max(bump(n), stamp, above(date, item));
  // Another calendar issued this event since, at another time or under another title (a move
  // it carried, taken back since): issued again above it, so partners who took that one get this.
  const outrun = (was: IssuedEvent, item: PlanItem) => {
    const other = newestOf(notified, item.id);
    return (
      other !== undefined &&
      other.sequence > was.sequence &&
      (other.due !== item.due || other.date !== item.date || other.title !== item.title || other.cancelled === true)
    );
  };
  const before = new Map((last?.events ?? []).map((e) => [uidKey(dateOf(e), e.item), e]));
  const changes: CalendarChanges = {
    since: last,
    moved: [],
    renamed: [],
    changed: [],
    added: [],
    removed: [],
    renotified: null,
    sequences: {},
    cancelled: [],
  };
  for (const item of items) {
    const was = before.get(uidKey(notified, item.id));
    if (!was || was.cancelled) {
      if (was || last) changes.added.push(item);
      changes.sequences[item.id] = was
        ? raise(was.sequence, notified, item.id)
        : Math.max(stamp, above(notified, item.id));
    } else if (was.due !== item.due || was.date !== item.date) {
      changes.moved.push({ item, was });
      changes.sequences[item.id] = raise(was.sequence, notified, item.id);
    } else if (was.title !== item.title) {
      changes.renamed.push({ item, was });
      changes.sequences[item.id] = raise(was.sequence, notified, item.id);
    } else {
      const parts = changedParts(was.content, content[item.id]);
      if (parts.length > 0) changes.changed.push({ item, was, parts });
      changes.sequences[item.id] =
        parts.length > 0 || outrun(was, item) ? raise(was.sequence, notified, item.id) : was.sequence;
    }
  }
  const now = new Set(items.map((i) => uidKey(notified, i.id)));
  const inPlan = new Map(whole.map((i) => [i.id, i]));
  let renotified = 0;
  for (const [key, was] of before) {
    if (now.has(key)) continue;
    const date = dateOf(was);
    const other = date === notified ? {} : { notified: date };
    if (was.cancelled) {
      changes.cancelled.push({ ...was, ...other });
      continue;
    }
    const item = inPlan.get(was.item);
    const why: CancelReason =
      date !== notified
        ? { kind: 'notified', notified }
        : item
          ? { kind: 'reassigned', to: item.agencies.map((a) => a.name) }
          : { kind: 'removed' };
    const gone: IssuedEvent = { ...was, ...other, sequence: raise(was.sequence, date, was.item), cancelled: true, why };
    if (why.kind === 'notified') renotified++;
    else changes.removed.push(gone);
    changes.cancelled.push(gone);
  }
  const from = last?.notified;
  if (from && from !== notified && renotified > 0) changes.renotified = { from, to: notified, cancelled: renotified };
  return changes;
}

/** The events of an issue, to record: issuedEvents(items, changes)[0] is { item, title, date, due, sequence, content }. */
export function issuedEvents(
  items: readonly PlanItem[],
  changes: CalendarChanges,
  content: Readonly<Record<string, EventContent>> = {},
): IssuedEvent[] {
  return [
    ...items.map((i) => ({
      item: i.id,
      title: i.title,
      date: i.date,
      due: i.due,
      sequence: changes.sequences[i.id]!,
      ...(Object.hasOwn(content, i.id) && { content: content[i.id]! }),
    })),
    ...changes.cancelled,
  ];
}
