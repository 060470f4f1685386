import { InternalError, JtaiError, NonexistentTimeError, type Problem } from '../../errors.js';
import { type Dated, anchorText, dateItems } from './item-dates.js';
import {
  type IsoDate,
  type Weekday,
  addDays,
  capitalise,
  formatLongDate,
  formatShortDate,
  weekdayOf,
} from '../dates/calendar-date.js';
import type { Applies, ItemKind, Party, Quote, RuleItem, RuleSet, SourceDocument } from '../rule-set/rule-set.js';
import { type HolidayCalendar, type SkippedDay, whyNotWorking, workingDayNumber } from '../dates/working-days.js';
import { EUROPE_LONDON } from '../dates/london-zone.js';
import { type AgreedMove, type ItemMove, moveOf, movedTimes } from './moves.js';
import { type ZoneRules, isRepeatedTime, zonedInstant } from '../dates/zone-rules.js';

/** One dated entry of a plan: a submission due or an inspector action. */
export interface PlanItem {
  id: string;
  kind: ItemKind;
  title: string;
  /** Working-day number (for an item counted from another, that of its date if a working day), or null for a weekday of a week. */
  day: number | null;
  /** How the rule set anchors it, in words: "day 1", "Friday of week 2", "1 working day before cse-gangs-cases". */
  anchor: string;
  /** The item it is counted from, or null. */
  from: string | null;
  date: IsoDate;
  weekday: Weekday;
  /** HH:MM wall-clock time, or null for an all-day item. */
  time: string | null;
  /** The source's words for a named time ("end of the day"), or null. */
  timeLabel: string | null;
  /** ISO 8601 instant with its UTC offset, or null for an all-day item. */
  due: string | null;
  agencies: Party[];
  recipient: Party | null;
  details: string[];
  source: string;
  /** The item's own note: where the source is silent or inconsistent. */
  note: string | null;
  /** The note of the named time it uses, if any. */
  timeNote: string | null;
  after: string[];
  /** The weekend days, bank holidays and closures counted past to reach this date. */
  skipped: SkippedDay[];
  /** A deadline agreed with the lead inspector (jtai move), or moved with the item it is counted from; null: the rule set's. */
  moved: ItemMove | null;
}

/** Every item of a rule set worked out for one notification date. */
export interface Plan {
  ruleSet: Pick<
    RuleSet,
    'id' | 'name' | 'source' | 'holidays' | 'notes' | 'parties' | 'sources' | 'inspection' | 'applies' | 'focus'
  >;
  notified: IsoDate;
  timezone: string;
  items: PlanItem[];
  /** Bank holidays and closures on weekdays between notification and the last item. */
  daysOff: SkippedDay[];
  /** Where this date makes the plan differ from what the source expects, each with the rule-set path it concerns. */
  warnings: PlanWarning[];
  /** The agencies a plan is limited to (--agency, --split), or null for the whole plan. */
  filter: {
    agencies: Party[];
    /** Items kept for information only: addressed to them, or inspector actions their deadlines follow. */
    informational?: string[];
  } | null;
  /** That the area has checked this timetable against its notification letter, as its inspection file records it; null if not. */
  fitChecked: FitCheck | null;
}

/** An area's record that it checked the timetable against its notification letter: who and when, where said. */
export interface FitCheck {
  by: string | null;
  on: IsoDate | null;
}

/** A warning about a plan: what kind it is, so that several of a kind can be told as one. */
export interface PlanWarning extends Problem {
  kind: 'guidance' | 'weekday' | 'day-off' | 'order' | 'notification' | 'record';
  /** For "weekday": the item, and the days off skipped before it (not weekends). */
  item?: { title: string; anchor: string; date: IsoDate };
  because?: string[];
}

function dayNumberOf(date: IsoDate, ruleSet: RuleSet, notified: IsoDate, calendar: HolidayCalendar): number | null {
  const n = workingDayNumber(notified, date, calendar);
  return n === undefined ? null : n + ruleSet.notification.day;
}

function partyOf(ruleSet: RuleSet, id: string): Party {
  return ruleSet.parties[id]!;
}

function warningsFor(
  item: PlanItem,
  rule: RuleItem,
  index: number,
  calendar: HolidayCalendar,
  byId: ReadonlyMap<string, PlanItem>,
): PlanWarning[] {
  const a = rule.anchor;
  const when = formatShortDate(item.date);
  if (a.type === 'from') return chainWarnings(item, rule, index, calendar, byId.get(a.from)!);
  if (a.weekday && a.type === 'day' && a.weekday !== item.weekday) {
    const because = item.skipped
      .filter((s) => !/^(Satur|Sun)day$/.test(s.reason))
      .map((s) => `${s.reason} on ${formatShortDate(s.date)}`);
    const why = because.length > 0 ? `; ${because.join(' and ')} ${because.length === 1 ? 'is' : 'are'} skipped` : '';
    const message = `"${item.title}" (${item.anchor}) falls on ${when}, not on a ${capitalise(a.weekday)} as the source says${why}.`;
    return [
      {
        kind: 'weekday',
        path: ['items', index, 'weekday'],
        message,
        item: { title: item.title, anchor: item.anchor, date: item.date },
        because,
      },
    ];
  }
  const off = a.type === 'week' ? whyNotWorking(item.date, calendar) : undefined;
  const message = `"${item.title}" (${item.anchor}) falls on ${when}, which is not a working day (${off}).`;
  return off ? [{ kind: 'day-off', path: ['items', index, 'week'], message }] : [];
}

// An internal deadline counted from another item: on a day off, or after the deadline it
// serves (counted back from it, yet due later), it is worth a warning.
function chainWarnings(
  item: PlanItem,
  rule: RuleItem,
  index: number,
  calendar: HolidayCalendar,
  base: PlanItem,
): PlanWarning[] {
  const a = rule.anchor as Extract<RuleItem['anchor'], { type: 'from' }>;
  const warnings: PlanWarning[] = [];
  const off = whyNotWorking(item.date, calendar);
  const when = `${formatShortDate(item.date)}${item.time ? ` ${item.time}` : ''}`;
  if (off)
    warnings.push({
      kind: 'day-off',
      path: ['items', index, 'from'],
      message: `"${item.title}" (${item.anchor}) falls on ${when}, which is not a working day (${off}).`,
    });
  const serves = a.days <= 0 && a.hours * 60 + a.minutes <= 0;
  const later =
    item.due !== null && base.due !== null ? Date.parse(item.due) > Date.parse(base.due) : item.date > base.date;
  if (serves && later) {
    const message = `"${item.title}" (${when}) falls after "${base.title}" (${formatShortDate(base.date)}${base.time ? ` ${base.time}` : ''}), the deadline it is counted back from.`;
    warnings.push({ kind: 'order', path: ['items', index, 'from'], message });
  }
  return warnings;
}

// Wall-clock time in the rule set's zone: 17:00 stays 17:00 whichever side of a clock change.
// A time worked out by a chain may land in the hour the clocks skip: it moves on by that hour.
// A moved deadline's own offset says which of a time that happens twice it is (the second
// 01:30 of the last Sunday in October, given as 01:30+00:00, is not the first).
function dueOf(zone: ZoneRules, date: IsoDate, time: string, offset?: number): { due: string; moved: boolean } {
  try {
    return { due: zonedInstant(zone, date, time, offset), moved: false };
  } catch (e) {
    if (!(e instanceof NonexistentTimeError)) throw e;
    const later = `${String(Number(time.slice(0, 2)) + 1).padStart(2, '0')}${time.slice(2)}`;
    return { due: zonedInstant(zone, date, later), moved: true };
  }
}

function planItem(
  rule: RuleItem,
  ruleSet: RuleSet,
  notified: IsoDate,
  calendar: HolidayCalendar,
  zone: ZoneRules,
  dated: Dated,
  moved: ItemMove | null = null,
): PlanItem {
  const { date, skipped, at } = dated;
  const clock = at.type === 'clock' ? at : undefined;
  const timed = clock ? dueOf(zone, date, clock.time, dated.offset) : undefined;
  return {
    id: rule.id,
    kind: rule.kind,
    title: rule.title,
    day:
      rule.anchor.type === 'day' && !moved
        ? rule.anchor.day
        : rule.anchor.type === 'from' || moved
          ? dayNumberOf(date, ruleSet, notified, calendar)
          : null,
    anchor: anchorText(rule),
    from: rule.anchor.type === 'from' ? rule.anchor.from : null,
    date,
    weekday: weekdayOf(date),
    time: timed?.moved ? timed.due.slice(11, 16) : (clock?.time ?? null),
    timeLabel: clock?.label ?? null,
    due: timed?.due ?? null,
    agencies: rule.by.map((id) => partyOf(ruleSet, id)),
    recipient: rule.to === undefined ? null : partyOf(ruleSet, rule.to),
    details: rule.details,
    source: rule.source,
    note: rule.note ?? null,
    timeNote: clock?.note ?? null,
    after: rule.after,
    skipped,
    moved,
  };
}

// Order of the day: all-day items first, then by time, then as the rule set lists them.
function compareItems(a: PlanItem, b: PlanItem): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return (a.time ?? '') < (b.time ?? '') ? -1 : (a.time ?? '') > (b.time ?? '') ? 1 : 0;
}

// Items listed in rule-set order, so an item's index is its place in the rule set.
function orderWarnings(items: PlanItem[]): PlanWarning[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  return items.flatMap((item, index) =>
    item.after.flatMap((id, j) => {
      const before = byId.get(id)!;
      const late = before.date > item.date || (before.date === item.date && (before.time ?? '') > (item.time ?? ''));
      const message = `"${item.title}" (${formatShortDate(item.date)}) is due before "${before.title}" (${formatShortDate(before.date)}), which the rule set says comes first.`;
      return late ? [{ kind: 'order' as const, path: ['items', index, 'after', j], message }] : [];
    }),
  );
}

function notificationChecks(ruleSet: RuleSet, notified: IsoDate, calendar: HolidayCalendar): PlanWarning[] {
  const off = whyNotWorking(notified, calendar);
  if (off)
    throw new JtaiError(
      `the notification date ${notified} is not a working day (${off}); JTAI notifications come on working days.`,
    );
  const expected = ruleSet.notification.weekday;
  const actual = weekdayOf(notified);
  const message = `${ruleSet.id} expects notification on a ${capitalise(expected ?? actual)}, but ${notified} is a ${capitalise(actual)}; days are still counted in working days from ${notified}.`;
  return expected && expected !== actual ? [{ kind: 'notification', path: ['notification', 'weekday'], message }] : [];
}

/** Where a notification falls against the dates a rule set fits: fitOf({ until: "2019-12-31" }, "2026-12-01") is "after". */
export function fitOf(applies: Applies | undefined, notified: IsoDate): 'before' | 'within' | 'after' {
  if (applies?.from && notified < applies.from) return 'before';
  if (applies?.until && notified > applies.until) return 'after';
  return 'within';
}

/** Quoted words with the document they come from: the main source, or one of "sources" by id. */
export function quotedSource(
  ruleSet: Pick<RuleSet, 'source' | 'sources'>,
  quote: Quote,
): { text: string; from: string | null; document: SourceDocument } {
  const document = quote.from === undefined ? ruleSet.source : ruleSet.sources[quote.from]!;
  return { text: quote.text, from: quote.from ?? null, document };
}

// "31 December 2019": the weekday of a boundary says nothing to the reader.
const dayMonthYear = (date: IsoDate) => formatLongDate(date).replace(/^\S+ /, '');

/**
 * What a reader should check when a notification falls outside the dates a rule set fits, in
 * plain words and no command: fitMessage(jtai2018, "2026-12-01") is "This timetable follows the
 * JTAI guidance published in July 2018; inspections notified after 31 December 2019 may follow
 * later guidance, so check the timings against your notification letter."; null within them.
 */
export function fitMessage(
  ruleSet: Pick<RuleSet, 'name' | 'inspection' | 'applies'>,
  notified: IsoDate,
): string | null {
  const falls = fitOf(ruleSet.applies, notified);
  if (falls === 'within') return null;
  const follows = ruleSet.inspection ? `the ${ruleSet.inspection.guidance}` : ruleSet.name;
  const edge = dayMonthYear(falls === 'before' ? ruleSet.applies!.from! : ruleSet.applies!.until!);
  const other = falls === 'before' ? 'earlier' : 'later';
  return `This timetable follows ${follows}; inspections notified ${falls} ${edge} may follow ${other} guidance, so check the timings against your notification letter.`;
}

/**
 * A notification outside the dates a rule set fits (its "applies") gets a short warning that the
 * plan may not fit, never a refusal; why, and where that is written, is a note (fitNotes).
 */
function fitWarnings(ruleSet: RuleSet, notified: IsoDate): PlanWarning[] {
  const message = fitMessage(ruleSet, notified);
  if (message === null) return [];
  const path = ['applies', fitOf(ruleSet.applies, notified) === 'before' ? 'from' : 'until'];
  return [{ kind: 'guidance', path, message }];
}

// Why a notification outside the dates may not fit: the dates, the words they rest on and where
// those are written, and the rule set's reason for that side ("before" or "after").
function fitNotes(ruleSet: RuleSet, notified: IsoDate): string[] {
  const a = ruleSet.applies;
  const falls = fitOf(a, notified);
  if (!a || falls === 'within') return [];
  const range = [a.from && `from ${dayMonthYear(a.from)}`, a.until && `to ${dayMonthYear(a.until)}`].filter(Boolean);
  const source = a.source && quotedSource(ruleSet, a.source);
  const cited = source ? ` Its source: "${source.text}" (${source.document.title}).` : '';
  const edge = dayMonthYear(falls === 'before' ? a.from! : a.until!);
  const reason = falls === 'before' ? a.before : a.after;
  return [
    `Why this timetable may not fit: ${ruleSet.id} is written for notifications ${range.join(' ')}.${cited} A notification ${falls} ${edge} may not fit${reason ? ` because ${reason}` : '.'}`,
  ];
}

function weekdaysOff(from: IsoDate, to: IsoDate, calendar: HolidayCalendar): SkippedDay[] {
  const days: SkippedDay[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const reason = whyNotWorking(d, calendar);
    if (reason && !/^(Satur|Sun)day$/.test(reason)) days.push({ date: d, reason });
  }
  return days;
}

/**
 * Works out every item of a rule set for a notification date:
 * computePlan(jtai2018, "2019-03-19", calendar).items[0].due is "2019-03-19T17:00:00+00:00".
 */
export function computePlan(
  ruleSet: RuleSet,
  notified: IsoDate,
  calendar: HolidayCalendar,
  zone: ZoneRules = EUROPE_LONDON,
  moves: Readonly<Record<string, AgreedMove>> = {},
): Plan {
  if (zone.name !== ruleSet.timezone)
    throw new InternalError(`the rule set's zone is ${ruleSet.timezone}, but the zone rules given are ${zone.name}.`);
  const warnings = [...fitWarnings(ruleSet, notified), ...notificationChecks(ruleSet, notified, calendar)];
  const asWritten = dateItems(ruleSet, notified, calendar);
  const moved = movedTimes(moves, zone, new Set(asWritten.keys()));
  const dated = moved.size === 0 ? asWritten : dateItems(ruleSet, notified, calendar, moved);
  const listed = ruleSet.items.map((rule) => {
    const before = asWritten.get(rule.id)!;
    const after = dated.get(rule.id)!;
    const move =
      moved.size === 0
        ? null
        : moveOf(rule.id, ruleSet, moves, before, after, planItem(rule, ruleSet, notified, calendar, zone, before).due);
    return planItem(rule, ruleSet, notified, calendar, zone, after, move);
  });
  const byId = new Map(listed.map((i) => [i.id, i]));
  listed.forEach((item, i) => {
    // Where the lead inspector agreed to put it, the rule set's weekday no longer applies.
    if (!moved.has(item.id)) warnings.push(...warningsFor(item, ruleSet.items[i]!, i, calendar, byId));
    const at = dated.get(item.id)!.at;
    if (at.type === 'clock' && item.time !== at.time) {
      const message = `"${item.title}" (${item.anchor}) comes to ${at.time} on ${formatShortDate(item.date)}, an hour the clocks skip; jtai takes ${item.time}.`;
      warnings.push({ kind: 'day-off', path: ['items', i], message });
    } else if (at.type === 'clock' && isRepeatedTime(zone, item.date, at.time)) {
      const given = dated.get(item.id)!.offset !== undefined; // a move's own offset chose it
      const first = item.due === zonedInstant(zone, item.date, at.time);
      const which = given ? `it is the ${first ? 'first' : 'second'}, as the move gives it` : 'jtai takes the first';
      const message = `"${item.title}" (${item.anchor}) comes to ${at.time} on ${formatShortDate(item.date)}, an hour that happens twice when the clocks go back; ${which} (${item.due!.slice(-6)}).`;
      warnings.push({ kind: 'day-off', path: ['items', i], message });
    }
  });
  warnings.push(...orderWarnings(listed));
  const items = [...listed].sort(compareItems); // Array.prototype.sort is stable
  const last = items.reduce((max, i) => (i.date > max ? i.date : max), notified);
  const { id, name, source, holidays, parties, sources, inspection, applies, focus } = ruleSet;
  // The plan's notes: the rule set's own, then why this date may not fit, if it may not.
  const notes = [...ruleSet.notes, ...fitNotes(ruleSet, notified)];
  return {
    ruleSet: { id, name, source, holidays, notes, parties, sources, inspection, applies, focus },
    notified,
    timezone: ruleSet.timezone,
    items,
    daysOff: weekdaysOff(notified, last, calendar),
    warnings,
    filter: null,
    fitChecked: null,
  };
}
