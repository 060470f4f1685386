import type { TrackedPlan } from '../core/progress/progress.js';
import { filterWords } from '../core/plan/agencies.js';
import {
  type IsoDate,
  formatLongDate,
  formatLongDateTime,
  formatShortDate,
  formatShortDateTime,
} from '../core/dates/calendar-date.js';
import type { Explanation, ExplainStep } from '../core/plan/explain.js';
import { type FocusListView, focusLists } from '../core/plan/focus.js';
import { formatMinutes } from '../core/progress/next.js';
import type { PlanItem } from '../core/plan/plan.js';

// The words jtai writes in more than one place, each written once here, so that the terminal,
// the documents and the web page say the same thing the same way. A format that escapes text
// passes its escape: only the data in a phrase (names, areas) goes through it, never jtai's
// own words, so each format's bytes are what they were when it wrote the phrase itself.

/** How a format makes data safe to put in its text: html(), markdownText(), or nothing. */
export type Escape = (text: string) => string;

const same: Escape = (text) => text;

/** Fixed words more than one view uses. */
export const WORDS = {
  passed: 'Passed (overdue unless done)',
  passedRecorded: 'Passed, not done',
  stillDueToday: 'Still due today',
  nothingInList: 'nothing',
  nothingAfterToday: 'Nothing after today.',
  focus: 'What the inspection looks at',
  daysOff: 'Days off skipped',
  daysOffInDocuments: 'Bank holidays and closures skipped',
} as const;

/** How a title is laid out: documents and the page, the terminal agenda (the date on its own line), the status lines. */
export type TitleLayout = 'document' | 'agenda' | 'status';

// What goes before the area, the notification date (null: not in the title) and the agencies.
const TITLE_MARKS: Record<TitleLayout, readonly [string, string | null, string]> = {
  document: [', ', ': notified ', ', for '],
  agenda: [' · ', null, ', for '],
  status: [' · ', ' · notified ', ' · for '],
};

/** A plan's title: tellPlanTitle(plan) is "JTAI timetable (2018 guidance), My Area: notified Tuesday 19 March 2019, for Police". */
export function tellPlanTitle(plan: TrackedPlan, layout: TitleLayout = 'document', escape: Escape = same): string {
  const [area, notified, forWhom] = TITLE_MARKS[layout];
  const filter = filterWords(plan);
  return [
    escape(plan.ruleSet.name),
    plan.area ? `${area}${escape(plan.area)}` : '',
    notified ? `${notified}${formatLongDate(plan.notified)}` : '',
    filter ? `${forWhom}${escape(filter)}` : '',
  ].join('');
}

/** What times and day numbers mean: tellTimes("Europe/London") is "Times are Europe/London wall-clock times; day numbers count working days from the notification day (day 0)." */
export function tellTimes(timezone: string, kind: 'wall-clock' | 'local' = 'wall-clock'): string {
  return `Times are ${timezone} ${kind} times; day numbers count working days from the notification day (day 0).`;
}

/** Where the plan's rules come from: tellRuleSetSource(plan) is "Rule set jtai-2018, from Joint targeted area inspections (2018)." */
export function tellRuleSetSource(plan: TrackedPlan, markId: Escape = same, markTitle: Escape = same): string {
  return `Rule set ${markId(plan.ruleSet.id)}, from ${markTitle(plan.ruleSet.source.title)}.`;
}

/** What an empty plan says: tellNothingToDo(plan for Police) is "Nothing to do in this plan for Police." */
export function tellNothingToDo(plan: TrackedPlan, escape: Escape = same): string {
  const filter = filterWords(plan);
  return `Nothing to do in this plan${filter ? ` for ${escape(filter)}` : ''}.`;
}

/** One day of the agenda: its date, its heading and its items. */
export interface AgendaDay {
  date: IsoDate;
  heading: string;
  items: PlanItem[];
}

/** The agenda's days: groupDays(plan)[0].heading is "Day 0 · Tuesday 19 March 2019 (notification day)". */
export function groupDays(plan: TrackedPlan): AgendaDay[] {
  const days: AgendaDay[] = [];
  for (const item of plan.items) {
    const last = days.at(-1);
    if (last && last.date === item.date) last.items.push(item);
    else days.push({ date: item.date, heading: '', items: [item] });
  }
  for (const day of days) {
    const byDay = day.items.find((i) => i.day !== null);
    // A day only moved deadlines fall on (a weekend the lead inspector agreed) has no day number, and no rule set's anchor to name it.
    const label = byDay ? `Day ${byDay.day} · ` : day.items.every((i) => i.moved) ? '' : `${day.items[0]!.anchor} · `;
    day.heading = `${label}${formatLongDate(day.date)}${day.date === plan.notified ? ' (notification day)' : ''}`;
  }
  return days;
}

/** An item's time: tellTime(item) is "17:00", or "all day" for an item without one. */
export function tellTime(item: Pick<PlanItem, 'time'>): string {
  return item.time ?? 'all day';
}

/** An item's date and time: tellDateTime(item) is "Wed 20 Mar 2019 17:00", or "Wed 20 Mar 2019 all day". */
export function tellDateTime(item: Pick<PlanItem, 'date' | 'time'>): string {
  return `${formatShortDate(item.date)} ${tellTime(item)}`;
}

/** What an item is anchored to, and when it falls: tellAnchored(item) is "day 1, Wed 20 Mar 2019 17:00" (no time when all day); a moved one "moved; in the rule set, day 2, Fri 22 Mar 2019 10:00". */
export function tellAnchored(item: Pick<PlanItem, 'anchor' | 'date' | 'time' | 'moved'>): string {
  return `${tellAnchor(item)}, ${formatShortDate(item.date)}${item.time ? ` ${item.time}` : ''}`;
}

/** How an item is anchored: "day 2", or for a moved one "moved; in the rule set, day 2". */
export function tellAnchor(item: Pick<PlanItem, 'anchor' | 'moved'>): string {
  return item.moved ? `moved; in the rule set, ${item.anchor}` : item.anchor;
}

/** How long until or since a deadline: tellTimeLeft(185) is "in 3 h 5 min", tellTimeLeft(-120) "2 h ago", tellTimeLeft(0) "due now", tellTimeLeft(null) "". */
export function tellTimeLeft(minutes: number | null): string {
  if (minutes === null) return '';
  if (minutes === 0) return 'due now';
  return minutes > 0 ? `in ${formatMinutes(minutes)}` : `${formatMinutes(minutes)} ago`;
}

/** A moment in the plan's zone: tellNow("2019-03-20T14:10", "Europe/London") is "Wednesday 20 March 2019, 14:10 (Europe/London)". */
export function tellNow(local: string, timezone: string): string {
  return `${formatLongDateTime(local)} (${timezone})`;
}

/** The heading of the next day with items: tellNextDay("2019-03-21") is "Next: Thursday 21 March 2019". */
export function tellNextDay(date: IsoDate): string {
  return `Next: ${formatLongDate(date)}`;
}

/** When every item has passed: tellTimetableOver(plan, 0) is "The timetable is over: all 12 items of this plan have passed, the last on Friday 29 March 2019 at 17:00. Nothing more is due." */
export function tellTimetableOver(plan: TrackedPlan, notDone: number): string {
  const last = plan.items.at(-1)!;
  const when = `${formatLongDate(last.date)}${last.time ? ` at ${last.time}` : ''}`;
  const open =
    plan.progress?.recorded && notDone > 0 ? ` ${notDone} ${notDone === 1 ? 'was' : 'were'} not marked done.` : '';
  return `The timetable is over: all ${plan.items.length} items of this plan have passed, the last on ${when}. Nothing more is due.${open}`;
}

/** A day the count skipped: tellDayOff({ date: "2019-04-19", reason: "Good Friday (bank holiday)" }) is "Friday 19 April 2019: Good Friday (bank holiday)". */
export function tellDayOff(day: { date: IsoDate; reason: string }): string {
  return `${formatLongDate(day.date)}: ${day.reason}`;
}

/** Parties' names in a row: tellNames([police, schools]) is "Police, Schools". */
export function tellNames(parties: ReadonlyArray<{ name: string }>): string {
  return parties.map((p) => p.name).join(', ');
}

/** The parties a focus list names: tellNamed(list.parties) is "Names: Police, Schools." */
export function tellNamed(parties: ReadonlyArray<{ name: string }>, escape: Escape = same): string {
  return `Names: ${escape(tellNames(parties))}.`;
}

/** The focus lists under their headings, those naming the plan's agencies first: groupFocus(plan for Schools)[0].heading is "What Schools should be ready to show". */
export function groupFocus(
  plan: TrackedPlan,
  escape: Escape = same,
): Array<{ heading: string; lists: FocusListView[] }> {
  const lists = focusLists(plan);
  const theirs = lists.filter((l) => l.forFilter);
  const rest = lists.filter((l) => !l.forFilter);
  return [
    ...(theirs.length > 0
      ? [{ heading: `What ${escape(filterWords(plan) ?? '')} should be ready to show`, lists: theirs }]
      : []),
    ...(rest.length > 0 ? [{ heading: WORDS.focus, lists: rest }] : []),
  ];
}

/** One day of an explanation: tellStep({ kind: "skipped", reason: "Saturday", ... }) is "skipped: Saturday"; a counted one "day 1". */
export function tellStep(step: ExplainStep): string {
  if (step.kind === 'counted') return `day ${step.day}${step.reason ? `, ${step.reason}` : ''}`;
  return step.kind === 'skipped' ? `skipped: ${step.reason}` : (step.reason ?? '');
}

/** Where an explanation starts: tellExplainedFrom(e, "jtai-2018") is "Rule set jtai-2018: day 1 from notification, at end-of-day." */
export function tellExplainedFrom(e: Explanation, ruleSetId: string): string {
  return `Rule set ${ruleSetId}: ${e.item.anchor}, at ${e.writtenTime}.`;
}

/** How an item's time was read: tellExplainedTime(e) is 'Time: "end-of-day" is 17:00 ("end of day").', or "Time: 15:00, as written." */
export function tellExplainedTime(e: Explanation): string {
  const { item } = e;
  if (item.time === null) return 'Time: all day; the source gives no time.';
  if (item.timeLabel)
    return `Time: "${e.writtenTime}" is ${item.time} ("${item.timeLabel}").${item.timeNote ? ` ${item.timeNote}` : ''}`;
  return `Time: ${item.time}, as written.`;
}

/** An item's date or deadline: tellExplainedDue(item, "Europe/London") is "Due: Wednesday 20 March 2019 at 17:00, Europe/London (2019-03-20T17:00:00+00:00)." */
export function tellExplainedDue(item: PlanItem, timezone: string): string {
  if (item.due === null) return `Date: ${formatLongDate(item.date)}, all day.`;
  return `Due: ${formatLongDate(item.date)} at ${item.time}, ${timezone} (${item.due}).`;
}

/** A delivery after its deadline: tellLate(20) is "late by 20 min", tellLate(1505) "late by 1 day 1 h 5 min". */
export function tellLate(minutes: number): string {
  return `late by ${formatMinutes(minutes)}`;
}

/** A deadline, or the day of an all-day item: tellDue({ date, due: "2019-03-20T15:00:00+00:00" }) is "Wed 20 Mar 2019 15:00", "Fri 29 Mar 2019 all day" without one. */
export function tellDue(x: { date: IsoDate; due: string | null }): string {
  return x.due ? formatShortDateTime(x.due) : `${formatShortDate(x.date)} all day`;
}

/** A name's possessive, as the record's messages say whose part: tellPossessive("Police") is "Police's", tellPossessive("Schools") is "Schools'". */
export function tellPossessive(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}
