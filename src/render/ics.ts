import { type TrackedPlan, contactsOf } from '../core/progress/progress.js';
import { addDays, formatLongDate, isoUtc } from '../core/dates/calendar-date.js';
import { filterWords, isInformational, partyAndMembers } from '../core/plan/agencies.js';
import { chasedAgencies } from '../core/plan/chased.js';
import { contactWords } from '../core/progress/inspection-words.js';
import { inspectionLine } from '../core/plan/focus.js';
import type { PlanItem } from '../core/plan/plan.js';
import { escapeText, joinLines } from './ics-text.js';
import { type ContentPart, type EventContent, type IssuedEvent, fingerprintOf } from '../core/progress/issues.js';
import { agenciesOf, contactLines, movedWords, noteOf, partyWords } from './item-text.js';
import { tellAnchor } from './words.js';

export interface RenderIcsOptions {
  /** DTSTAMP as an instant: the time the file is made, or SOURCE_DATE_EPOCH. */
  stamp: Date;
  /** Minutes before a timed item to remind (one reminder, or several), or null for none. */
  remindMinutes: number | readonly number[] | null;
  /** The calendar's name; by default from the rule set and notification date. */
  calendarName?: string;
  /** jtai's version, for PRODID. */
  version: string;
  /** Cancel every event of the plan (METHOD:CANCEL, STATUS:CANCELLED) instead of publishing it. */
  cancel?: boolean;
  /** Each event's SEQUENCE, from the record of the calendar's issues (default: from the stamp). */
  sequences?: Readonly<Record<string, number>>;
  /** Events issued before whose items are gone: written again as cancelled. */
  cancelled?: readonly IssuedEvent[];
}

const SEQUENCE_EPOCH = Date.UTC(2016, 0, 1);

/**
 * SEQUENCE, the version of an event: jtai keeps no history, so it is the file's stamp in
 * seconds since 2016, which rises with every newer file (and is fixed by SOURCE_DATE_EPOCH).
 * A calendar that honours it replaces the older event of the same UID instead of adding one.
 */
export function sequenceOf(stamp: Date): number {
  // RFC 5545's INTEGER stops at 2147483647 (in 2084): a later stamp keeps that value.
  return Math.min(2_147_483_647, Math.max(0, Math.floor((stamp.getTime() - SEQUENCE_EPOCH) / 1000)));
}

/** Where the SEQUENCE of a recorded issue starts: above every calendar made without the record until 2047. */
export const RECORDED_SEQUENCE_BASE = 1_000_000_000;

/**
 * The SEQUENCE an issue recorded in the inspection's record takes from its stamp: a billion
 * above a calendar made without the record at the same moment (the web page's download, a
 * calendar written in the wrong folder), so that such a calendar, made later, never outranks
 * the coordinator's issues in a program that honours SEQUENCE: recordedSequenceOf(stamp) is
 * sequenceOf(stamp) + 1,000,000,000 (at most 2147483647, from 2052).
 */
export function recordedSequenceOf(stamp: Date): number {
  return Math.min(2_147_483_647, RECORDED_SEQUENCE_BASE + sequenceOf(stamp));
}

// Every time is written in UTC with Z: no VTIMEZONE to get wrong, nothing floating, and each
// calendar program shows it in its user's own zone (the London wall-clock time, in London).
function utcStamp(instant: Date): string {
  return isoUtc(instant.getTime())
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function compactDate(date: string): string {
  return date.replace(/-/g, '');
}

/**
 * A UID that stays the event's for the whole inspection: the notification date and the item's
 * id, uidOf(plan, item) is "jtai-20190319-children-list@jtai", whatever is renamed around it
 * (the area, the rule set's id, an overlay, "jtai start" run after the first calendars went out).
 */
export function uidOf(plan: Pick<TrackedPlan, 'notified'>, item: Pick<PlanItem, 'id'>): string {
  return `jtai-${compactDate(plan.notified)}-${item.id}@jtai`;
}

// The time in the title too: a deadline shows as an instant, and some programs show an instant's
// time only on opening it. "JTAI day 1 by 15:00: 10 cases ...", "JTAI day 1 at 17:30: ... (inspectors)".
function summaryOf(item: PlanItem): string {
  const day = item.day === null ? 'JTAI' : `JTAI day ${item.day}`;
  const time = item.time === null ? '' : item.kind === 'submission' ? ` by ${item.time}` : ` at ${item.time}`;
  const suffix = item.kind === 'submission' ? '' : ' (inspectors)';
  return `${day}${time}: ${item.title}${suffix}`;
}

type Tagged = ReadonlyArray<readonly [ContentPart, string]>;

// The description's lines, each with the part of the content it tells (for its fingerprint).
function descriptionLines(item: PlanItem, plan: TrackedPlan): Tagged {
  const when = item.time === null ? 'All day' : `${item.kind === 'submission' ? 'Due by' : 'At'} ${item.time}`;
  const label = item.timeLabel ? ` ("${item.timeLabel}")` : '';
  const lines: Array<[ContentPart, string]> = [
    ['details', `${when}${label}, ${formatLongDate(item.date)} (${tellAnchor(item)}).`],
  ];
  const part = yourPart(item, plan);
  if (part) lines.push(['who', part]);
  lines.push(['who', `Who must act: ${agenciesOf(item, plan)}`]);
  if (item.recipient) lines.push(['who', `To: ${partyWords(item.recipient, plan)}`]);
  // The plan only, never progress (done, overdue, late): a calendar is imported once and then
  // kept, so a status in it would go stale, and would change at every issue. Status is jtai status.
  if (isInformational(plan, item)) lines.push(['who', `For information: not for ${filterWords(plan)} to do`]);
  const moved = movedWords(item);
  if (moved) lines.push(['moves', moved]);
  if (item.details.length > 0)
    lines.push(['details', ''], ...item.details.map((d): [ContentPart, string] => ['details', `- ${d}`]));
  const note = noteOf(item);
  if (note) lines.push(['details', ''], ['details', `Note: ${note}`]);
  lines.push(['details', ''], ['details', `Source: "${item.source}"`]);
  return lines;
}

function descriptionOf(item: PlanItem, plan: TrackedPlan): string {
  return descriptionLines(item, plan)
    .map(([, line]) => line)
    .join('\n');
}

const linesOf = (tagged: Tagged, part: ContentPart) =>
  tagged
    .filter(([p]) => p === part)
    .map(([, line]) => line)
    .join('\n');

/**
 * The fingerprint of each part of each event's content, by item id, to record with an issue
 * and tell a change of content at the next: contentOf(plan, options)["children-list"].contact
 * is 8 hex digits that change when the DCS's contact does.
 */
export function contentOf(plan: TrackedPlan, options: RenderIcsOptions): Record<string, EventContent> {
  const uncontacted: TrackedPlan = { ...plan, contacts: {} };
  const content: Record<string, EventContent> = {};
  for (const item of plan.items) {
    const lines = eventLines(plan, item, options);
    const tagged = descriptionLines(item, plan);
    content[item.id] = {
      event: fingerprintOf(lines.filter((l) => !/^(DTSTAMP|LAST-MODIFIED|SEQUENCE):/.test(l)).join('\n')),
      who: fingerprintOf(
        [
          linesOf(descriptionLines(item, uncontacted), 'who'),
          categoriesOf(item),
          String(isInformational(plan, item)),
        ].join('\n'),
      ),
      contact: fingerprintOf(linesOf(tagged, 'who')),
      details: fingerprintOf(linesOf(tagged, 'details')),
      moves: fingerprintOf(linesOf(tagged, 'moves')),
      reminders: fingerprintOf(alarmLines(plan, item, options).join('\n')),
    };
  }
  return content;
}

// In an agency's own calendar, what in each event is that agency's, with its contact:
// "Your part (Police): DI Jane Smith, 01234 567890. With: Local authority, Health, ...".
function yourPart(item: PlanItem, plan: TrackedPlan): string | undefined {
  if (!plan.filter || isInformational(plan, item)) return undefined;
  // Its own part, and that of a member acting for it (the DCS, for the local authority).
  const asked = new Set(plan.filter.agencies.flatMap((p) => [...partyAndMembers(plan.ruleSet.parties, p.id)]));
  const owers = chasedAgencies(item, plan.ruleSet.parties);
  const mine = owers.filter((p) => asked.has(p.id));
  if (mine.length === 0) return undefined;
  const others = owers.filter((p) => !asked.has(p.id));
  const contacts = mine.flatMap((p) => contactsOf(plan, p.id).map(contactWords));
  return `Your part (${mine.map((p) => p.name).join(', ')})${contacts.length > 0 ? `: ${contacts.join('; ')}` : ''}.${others.length > 0 ? ` With: ${others.map((p) => p.name).join(', ')}.` : ''}`;
}

// One CATEGORIES property, its values separated by commas; a comma or semicolon inside a party
// name is escaped (RFC 5545 3.3.11), so "Schools, academies" stays one category.
function categoriesOf(item: PlanItem): string {
  const kind = item.kind === 'submission' ? 'Submission' : 'Inspector action';
  return ['JTAI', kind, ...item.agencies.map((a) => a.name)].map(escapeText).join(',');
}

// One reminder each --remind gives, before a deadline; what is only for information has none:
// nothing is to be done by then.
function alarmLines(plan: TrackedPlan, item: PlanItem, o: RenderIcsOptions): string[] {
  const reminders =
    o.remindMinutes === null ? [] : typeof o.remindMinutes === 'number' ? [o.remindMinutes] : o.remindMinutes;
  if (item.due === null || o.cancel || isInformational(plan, item)) return [];
  return reminders.flatMap((minutes) => [
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeText(summaryOf(item))}`,
    `TRIGGER:-PT${minutes}M`,
    'END:VALARM',
  ]);
}

function eventLines(plan: TrackedPlan, item: PlanItem, o: RenderIcsOptions): string[] {
  const timing =
    item.due === null
      ? [`DTSTART;VALUE=DATE:${compactDate(item.date)}`, `DTEND;VALUE=DATE:${compactDate(addDays(item.date, 1))}`]
      : // A deadline is an instant: no DTEND, so it ends when it starts (RFC 5545 3.6.1), as a
        // deadline does, rather than a block of time that would say when to do the work.
        [`DTSTART:${utcStamp(new Date(item.due))}`];
  const lines = [
    'BEGIN:VEVENT',
    `UID:${uidOf(plan, item)}`,
    `DTSTAMP:${utcStamp(o.stamp)}`,
    `LAST-MODIFIED:${utcStamp(o.stamp)}`,
    `SEQUENCE:${o.sequences?.[item.id] ?? sequenceOf(o.stamp)}`,
    ...timing,
    `SUMMARY:${escapeText(`${o.cancel ? 'Cancelled: ' : isInformational(plan, item) ? 'For information: ' : ''}${summaryOf(item)}`)}`,
    `DESCRIPTION:${escapeText(descriptionOf(item, plan))}`,
    `CATEGORIES:${categoriesOf(item)}`,
    ...(o.cancel ? ['STATUS:CANCELLED'] : []),
    'TRANSP:TRANSPARENT',
    'X-MICROSOFT-CDO-BUSYSTATUS:FREE',
  ];
  return [...lines, ...alarmLines(plan, item, o), 'END:VEVENT'];
}

// Why an event is sent cancelled, in its description.
function cancelledWords(was: IssuedEvent): string {
  const why = was.why ?? { kind: 'removed' };
  if (why.kind === 'notified')
    return `No longer in the plan: the notification date was corrected to ${formatLongDate(why.notified)}, and the inspection's events are issued again under that date.`;
  if (why.kind === 'reassigned')
    return `No longer yours: now for ${why.to.join(', ')}. It is still in the inspection's plan, only no longer in this calendar.`;
  return 'No longer in the plan: it was taken out when this calendar was issued again.';
}

// An event issued before whose item has gone from the plan (or from this calendar, or from this
// notification date): cancelled, so that programs that honour updates take it out.
function cancelledLines(plan: TrackedPlan, was: IssuedEvent, o: RenderIcsOptions): string[] {
  const timing =
    was.due === null
      ? [`DTSTART;VALUE=DATE:${compactDate(was.date)}`, `DTEND;VALUE=DATE:${compactDate(addDays(was.date, 1))}`]
      : [`DTSTART:${utcStamp(new Date(was.due))}`];
  return [
    'BEGIN:VEVENT',
    `UID:${uidOf({ notified: was.notified ?? plan.notified }, { id: was.item })}`,
    `DTSTAMP:${utcStamp(o.stamp)}`,
    `LAST-MODIFIED:${utcStamp(o.stamp)}`,
    `SEQUENCE:${was.sequence}`,
    ...timing,
    `SUMMARY:${escapeText(`Cancelled: ${was.title}`)}`,
    `DESCRIPTION:${escapeText(cancelledWords(was))}`,
    'STATUS:CANCELLED',
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

/** The default calendar name: "JTAI notified 2019-03-19 (JTAI timetable (2018 guidance))", then ": Police" for a plan limited to the police. */
export function defaultCalendarName(plan: TrackedPlan): string {
  const forWhom = filterWords(plan);
  return `JTAI${plan.area ? ` ${plan.area}` : ''} notified ${plan.notified} (${plan.ruleSet.name})${forWhom ? `: ${forWhom}` : ''}`;
}

/** The calendar's description: the rule set, what the inspection is, and whether the plan may not fit its guidance. */
function calendarDescription(plan: TrackedPlan): string {
  const { ruleSet } = plan;
  const about = inspectionLine(plan);
  const fit = plan.warnings.find((w) => w.kind === 'guidance');
  return [
    `${ruleSet.name}${ruleSet.inspection ? `: ${ruleSet.inspection.guidance}` : ''}. Notified ${formatLongDate(plan.notified)}.`,
    ...(about ? [about.replace(' · ', '. ')] : []),
    `Source: ${ruleSet.source.title}.`,
    ...(fit ? [`Note: ${fit.message}`] : []),
    ...(contactLines(plan).length > 0 ? ['Contacts:', ...contactLines(plan)] : []),
  ].join('\n');
}

/** The plan as an iCalendar file (RFC 5545): one VEVENT per item, times in UTC, CRLF line ends. */
export function renderIcs(plan: TrackedPlan, options: RenderIcsOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//jtai//jtai ${options.version}//EN`,
    'CALSCALE:GREGORIAN',
    options.cancel ? 'METHOD:CANCEL' : 'METHOD:PUBLISH',
    // An X- property is TEXT by default (RFC 5545 3.8.8.2), but parsers such as ical.js read an
    // unknown property raw; VALUE=TEXT says how to unescape it ("My Area\, North" reads "My Area, North").
    `X-WR-CALNAME;VALUE=TEXT:${escapeText(options.calendarName ?? defaultCalendarName(plan))}`,
    `X-WR-CALDESC;VALUE=TEXT:${escapeText(calendarDescription(plan))}`,
    ...plan.items.flatMap((item) => eventLines(plan, item, options)),
    ...(options.cancelled ?? []).flatMap((was) => cancelledLines(plan, was, options)),
    'END:VCALENDAR',
  ];
  return joinLines(lines);
}
