import type { TrackedPlan } from '../core/progress/progress.js';
/// <reference lib="dom" />
import { filterWords } from '../core/plan/agencies.js';
import { formatLongDate, formatShortDate } from '../core/dates/calendar-date.js';
import type { Explanation } from '../core/plan/explain.js';
import { type FocusListView, focusLists, inspectionLine } from '../core/plan/focus.js';
import { type NextView, type TimedItem, formatMinutes } from '../core/progress/next.js';
import type { PlanItem } from '../core/plan/plan.js';
import { tellWarnings } from '../core/plan/warnings.js';
import { planTitle } from '../render/html.js';
import { agenciesOf, kindWord, noteOf, partyWords, planNotes } from '../render/item-text.js';
import { el } from './dom.js';

// The plan as the page shows it, built from the same core as the CLI: the agenda by day, what
// is next from now, each item's explanation, and what the inspection looks at. Nothing relies
// on colour alone: every status is also a word.

function dayHeading(items: PlanItem[], plan: TrackedPlan): string {
  const byDay = items.find((i) => i.day !== null);
  const label = byDay ? `Day ${byDay.day}` : items[0]!.anchor;
  return `${label} · ${formatLongDate(items[0]!.date)}${items[0]!.date === plan.notified ? ' (notification day)' : ''}`;
}

function explanationOf(e: Explanation): Node[] {
  const steps = e.steps.map((s) => {
    const what = s.kind === 'counted' ? `day ${s.day}${s.reason ? `, ${s.reason}` : ''}` : s.kind === 'skipped' ? `skipped: ${s.reason}` : (s.reason ?? '');
    return el('li', {}, el('span', { class: 'step-date' }, formatShortDate(s.date)), ' ', what);
  });
  const item = e.item;
  const time = item.time === null ? 'All day; the source gives no time.' : item.timeLabel ? `"${e.writtenTime}" is ${item.time} ("${item.timeLabel}").` : `${item.time}, as written.`;
  return [el('p', {}, `Anchored: ${item.anchor}, at ${e.writtenTime}.`), el('ol', { class: 'steps' }, ...steps), el('p', {}, `Time: ${time}`), el('p', {}, item.due ? `Due: ${formatLongDate(item.date)} at ${item.time} (${item.due}).` : `Date: ${formatLongDate(item.date)}, all day.`)];
}

function itemNode(item: PlanItem, plan: TrackedPlan, explain: (id: string) => Explanation): HTMLElement {
  const note = noteOf(item);
  const details = el('details', { class: 'explain' }, el('summary', {}, 'How this date was worked out'));
  details.addEventListener('toggle', () => {
    if (details.open && details.childElementCount === 1) details.append(...explanationOf(explain(item.id)));
  });
  const who = `${agenciesOf(item, plan)}${item.recipient ? ` → ${partyWords(item.recipient, plan)}` : ''}`;
  return el(
    'li',
    { class: `item kind-${item.kind}`, 'data-id': item.id, 'data-date': item.date, 'data-due': item.due ?? undefined },
    el('p', { class: 'when' }, el('span', { class: 'time' }, item.time ?? 'all day'), ' ', el('span', { class: 'kind' }, kindWord(item))),
    el('p', { class: 'title' }, item.title),
    el('p', { class: 'who' }, who, ' ', el('span', { class: 'id' }, item.id)),
    item.details.length > 0 ? el('ul', { class: 'details' }, ...item.details.map((d) => el('li', {}, d))) : null,
    note ? el('p', { class: 'note' }, el('strong', {}, 'Note: '), note) : null,
    el('blockquote', {}, item.source),
    details,
  );
}

/** The agenda, a section a day. */
export function agendaNode(plan: TrackedPlan, explain: (id: string) => Explanation): HTMLElement {
  const days: PlanItem[][] = [];
  for (const item of plan.items) {
    const last = days.at(-1);
    if (last && last[0]!.date === item.date) last.push(item);
    else days.push([item]);
  }
  return el(
    'section',
    { id: 'agenda', 'aria-labelledby': 'agenda-h' },
    el('h2', { id: 'agenda-h' }, 'Timetable'),
    plan.items.length === 0 ? el('p', {}, `Nothing to do in this plan${filterWords(plan) ? ` for ${filterWords(plan)}` : ''}.`) : null,
    ...days.map((items) => el('section', { class: 'day', 'data-date': items[0]!.date }, el('h3', {}, dayHeading(items, plan)), el('ol', { class: 'items' }, ...items.map((i) => itemNode(i, plan, explain))))),
  );
}

function timed(t: TimedItem, withDate: boolean): HTMLElement {
  const left = t.minutesLeft === null ? '' : t.minutesLeft >= 0 ? `in ${formatMinutes(t.minutesLeft)}` : `${formatMinutes(t.minutesLeft)} ago`;
  const when = `${withDate ? `${formatShortDate(t.item.date)} ` : ''}${t.item.time ?? 'all day'}`;
  return el('li', { 'data-id': t.item.id }, el('span', { class: 'time' }, when), ' ', el('span', { class: 'kind' }, kindWord(t.item)), ' ', t.item.title, left ? el('span', { class: 'left' }, ` (${left})`) : null);
}

/** What is next from now: passed (overdue unless done), still due today, and the next day with items. */
export function nextNode(view: NextView, plan: TrackedPlan): HTMLElement {
  const [date, time] = view.now.split('T');
  const list = (title: string, items: TimedItem[], withDate: boolean) =>
    el('div', {}, el('h3', {}, title), items.length === 0 ? el('p', {}, 'Nothing.') : el('ul', {}, ...items.map((t) => timed(t, withDate))));
  return el(
    'section',
    { id: 'next', 'aria-labelledby': 'next-h' },
    el('h2', { id: 'next-h' }, 'What is next'),
    el('p', { class: 'meta' }, `From now: ${formatLongDate(date!)}, ${time} (${plan.timezone}).`),
    view.over
      ? el('p', {}, `The timetable is over: all ${plan.items.length} items of this plan have passed. Nothing more is due.`)
      : el(
          'div',
          { class: 'next-lists' },
          list('Passed (overdue unless done)', view.overdue, true),
          list('Still due today', view.today, false),
          view.next.length > 0 ? list(`Next: ${formatLongDate(view.next[0]!.item.date)}`, view.next, false) : el('p', {}, 'Nothing after today.'),
        ),
  );
}

function focusListNode(l: FocusListView): HTMLElement {
  const names = (parties: FocusListView['parties']) => parties.map((p) => p.name).join(', ');
  return el(
    'div',
    { class: 'focus-list' },
    el('h3', {}, l.heading),
    l.parties.length > 0 ? el('p', { class: 'meta' }, `Names: ${names(l.parties)}.`) : null,
    l.intro ? el('p', {}, l.intro) : null,
    el('ul', {}, ...l.points.map((p) => el('li', {}, p.text, p.parties.length > 0 ? el('em', {}, ` (${names(p.parties)})`) : null))),
    l.note ? el('p', { class: 'note' }, el('strong', {}, 'Note: '), l.note) : null,
  );
}

/** What the inspection looks at; with an agency, what it should be ready to show first. */
export function focusNode(plan: TrackedPlan): HTMLElement | null {
  const lists = focusLists(plan);
  if (lists.length === 0) return null;
  const theirs = lists.filter((l) => l.forFilter);
  const rest = lists.filter((l) => !l.forFilter);
  return el(
    'section',
    { id: 'focus', 'aria-labelledby': 'focus-h' },
    el('h2', { id: 'focus-h' }, theirs.length > 0 ? `What ${filterWords(plan)} should be ready to show` : 'What the inspection looks at'),
    ...theirs.map(focusListNode),
    theirs.length > 0 && rest.length > 0 ? el('h2', {}, 'What the inspection looks at') : null,
    ...rest.map(focusListNode),
  );
}

/** The plan's heading, what the inspection is, and its warnings and notes. */
export function headNode(plan: TrackedPlan): HTMLElement {
  const about = inspectionLine(plan);
  const warnings = tellWarnings(plan.warnings);
  return el(
    'div',
    { id: 'plan-head' },
    el('h2', { id: 'plan-title' }, planTitle(plan)),
    el('p', { class: 'meta' }, `Times are ${plan.timezone} wall-clock times; day numbers count working days from the notification day (day 0). Rule set ${plan.ruleSet.id}, from ${plan.ruleSet.source.title}.`),
    about ? el('p', { class: 'meta' }, about) : null,
    warnings.length > 0 ? el('div', { class: 'warnings' }, el('h3', {}, 'Warnings'), el('ul', {}, ...warnings.map((w) => el('li', {}, w)))) : null,
    el('details', { class: 'notes' }, el('summary', {}, 'Notes on the rule set'), el('ul', {}, ...planNotes(plan).map((n) => el('li', {}, n)))),
    plan.daysOff.length > 0 ? el('p', {}, `Days off skipped: ${plan.daysOff.map((d) => `${formatLongDate(d.date)} (${d.reason})`).join('; ')}.`) : null,
  );
}
