import { isoUtc } from '../core/dates/calendar-date.js';
import { filterWords } from '../core/plan/agencies.js';
import type { PlanItem } from '../core/plan/plan.js';
import type { ProgressEvent } from '../core/progress/events.js';
import {
  type CalendarChanges,
  type CalendarIssue,
  type IssuedEvent,
  calendarChanges,
  newestIssued,
  issuedEvents,
} from '../core/progress/issues.js';
import type { TrackedPlan } from '../core/progress/progress.js';
import { type RenderIcsOptions, contentOf, recordedSequenceOf } from './ics.js';

// The next issue of a calendar of an inspection, for the CLI ("jtai plan --out") and the web
// page (its calendar downloaded with the inspection folder open) alike: what changed since it
// was last issued, how the ICS writes that (each event's SEQUENCE, what is sent cancelled), and
// the "issue" event that records it.

export interface NextIssue {
  /** How the record knows the calendar. */
  key: string;
  /** How the summary names it. */
  name: string;
  notified: string;
  /** For a calendar with nothing left in it: whom it was for. */
  whom?: string;
  changes: CalendarChanges;
  events: IssuedEvent[];
  /** What the ICS renderer is given: each event's SEQUENCE, and the events to send cancelled. */
  settings: Required<Pick<RenderIcsOptions, 'sequences' | 'cancelled'>>;
}

/**
 * The next issue of the calendar known as `key` in the record's issues (`last`, foldIssues of
 * its events; an issue recorded before jtai kept paths is found by `legacyName`), for the plan
 * it will hold; `whole` is the inspection's whole plan, to tell an item that is no longer an
 * agency's from one taken out of the plan.
 */
export function nextIssue(o: {
  last: Readonly<Record<string, CalendarIssue>>;
  key: string;
  legacyName?: string;
  name: string;
  plan: TrackedPlan;
  whole: readonly PlanItem[];
  ics: Pick<RenderIcsOptions, 'stamp' | 'remindMinutes' | 'version'>;
}): NextIssue {
  const old = o.legacyName === undefined ? undefined : o.last[o.legacyName];
  const since = Object.hasOwn(o.last, o.key) ? o.last[o.key]! : old && !old.notified ? old : null;
  // What each event says, as the calendar will write it, to tell a change of content.
  const content = contentOf(o.plan, o.ics);
  const changes = calendarChanges(o.plan.items, since, {
    notified: o.plan.notified,
    stamp: recordedSequenceOf(o.ics.stamp),
    content,
    whole: o.whole,
    newest: newestIssued(o.last),
  });
  return {
    key: o.key,
    name: o.name,
    notified: o.plan.notified,
    ...(o.plan.items.length === 0 && o.plan.filter && { whom: filterWords(o.plan) }),
    changes,
    events: issuedEvents(o.plan.items, changes, content),
    settings: { sequences: changes.sequences, cancelled: changes.cancelled },
  };
}

/** The event that records an issue: issueEvent(issue, { id, recordedMs, at }).type is "issue". */
export function issueEvent(issue: NextIssue, e: { id: string; recordedMs: number; at: string }): ProgressEvent {
  return {
    id: e.id,
    type: 'issue',
    item: 'calendar', // the calendar's own name is in "calendar": any file name
    at: e.at,
    recorded: isoUtc(e.recordedMs),
    calendar: issue.key,
    notified: issue.notified,
    issued: issue.events,
  };
}
