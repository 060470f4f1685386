import type { TrackedPlan } from '../core/progress/progress.js';
/// <reference lib="dom" />
import { formatShortDate } from '../core/dates/calendar-date.js';
import type { Explanation } from '../core/plan/explain.js';
import { type FocusListView, inspectionLine } from '../core/plan/focus.js';
import type { NextView, TimedItem } from '../core/progress/next.js';
import type { PlanItem } from '../core/plan/plan.js';
import { tellWarnings } from '../core/plan/warnings.js';
import { kindWord, noteOf, planNotes, tellWho } from '../render/item-text.js';
import {
  WORDS,
  groupDays,
  groupFocus,
  tellDateTime,
  tellDayOff,
  tellExplainedDue,
  tellExplainedFrom,
  tellExplainedTime,
  tellNamed,
  tellNames,
  tellNextDay,
  tellNothingToDo,
  tellNow,
  tellPlanTitle,
  tellRuleSetSource,
  tellStep,
  tellTime,
  tellTimeLeft,
  tellTimes,
  tellTimetableOver,
} from '../render/words.js';
import { el } from './dom.js';

// The plan as the page shows it, built from the same core as the CLI: the agenda by day, what
// is next from now, each item's explanation, and what the inspection looks at. Every phrase is
// the CLI's own (src/render/words.ts). Nothing relies on colour alone: every status is a word.

function explanationOf(e: Explanation, plan: TrackedPlan): Node[] {
  const steps = e.steps.map((s) =>
    el('li', {}, el('span', { class: 'step-date' }, formatShortDate(s.date)), ' ', tellStep(s)),
  );
  return [
    el('p', {}, tellExplainedFrom(e, plan.ruleSet.id)),
    el('ol', { class: 'steps' }, ...steps),
    el('p', {}, tellExplainedTime(e)),
    el('p', {}, tellExplainedDue(e.item, plan.timezone)),
  ];
}

function itemNode(item: PlanItem, plan: TrackedPlan, explain: (id: string) => Explanation): HTMLElement {
  const note = noteOf(item);
  const details = el('details', { class: 'explain' }, el('summary', {}, 'How this date was worked out'));
  details.addEventListener('toggle', () => {
    if (details.open && details.childElementCount === 1) details.append(...explanationOf(explain(item.id), plan));
  });
  return el(
    'li',
    { class: `item kind-${item.kind}`, 'data-id': item.id, 'data-date': item.date, 'data-due': item.due ?? undefined },
    el(
      'p',
      { class: 'when' },
      el('span', { class: 'time' }, tellTime(item)),
      ' ',
      el('span', { class: 'kind' }, kindWord(item)),
    ),
    el('p', { class: 'title' }, item.title),
    el('p', { class: 'who' }, tellWho(item, plan), ' ', el('span', { class: 'id' }, item.id)),
    item.details.length > 0 ? el('ul', { class: 'details' }, ...item.details.map((d) => el('li', {}, d))) : null,
    note ? el('p', { class: 'note' }, el('strong', {}, 'Note: '), note) : null,
    el('blockquote', {}, item.source),
    details,
  );
}

// A part of the page with its heading, named by it: section("agenda", "Timetable", ...).
function section(id: string, heading: string, ...children: Array<Node | null>): HTMLElement {
  return el('section', { id, 'aria-labelledby': `${id}-h` }, el('h2', { id: `${id}-h` }, heading), ...children);
}

/** The agenda, a section a day. */
export function agendaNode(plan: TrackedPlan, explain: (id: string) => Explanation): HTMLElement {
  return section(
    'agenda',
    'Timetable',
    plan.items.length === 0 ? el('p', {}, tellNothingToDo(plan)) : null,
    ...groupDays(plan).map((day) =>
      el(
        'section',
        { class: 'day', 'data-date': day.date },
        el('h3', {}, day.heading),
        el('ol', { class: 'items' }, ...day.items.map((i) => itemNode(i, plan, explain))),
      ),
    ),
  );
}

function timed(t: TimedItem, withDate: boolean): HTMLElement {
  const left = tellTimeLeft(t.minutesLeft);
  const when = withDate ? tellDateTime(t.item) : tellTime(t.item);
  return el(
    'li',
    { 'data-id': t.item.id },
    el('span', { class: 'time' }, when),
    ' ',
    el('span', { class: 'kind' }, kindWord(t.item)),
    ' ',
    t.item.title,
    left ? el('span', { class: 'left' }, ` (${left})`) : null,
  );
}

function nextLists(view: NextView): HTMLElement {
  const list = (title: string, items: TimedItem[], withDate: boolean) =>
    el(
      'div',
      {},
      el('h3', {}, title),
      items.length === 0 ? el('p', {}, WORDS.nothingInList) : el('ul', {}, ...items.map((t) => timed(t, withDate))),
    );
  return el(
    'div',
    { class: 'next-lists' },
    list(WORDS.passed, view.overdue, true),
    list(WORDS.stillDueToday, view.today, false),
    view.next.length > 0
      ? list(tellNextDay(view.next[0]!.item.date), view.next, false)
      : el('p', {}, WORDS.nothingAfterToday),
  );
}

/** What is next from now: passed (overdue unless done), still due today, and the next day with items. */
export function nextNode(view: NextView, plan: TrackedPlan): HTMLElement {
  return section(
    'next',
    'What is next',
    el('p', { class: 'meta' }, `Now: ${tellNow(view.now, plan.timezone)}`),
    view.over ? el('p', {}, tellTimetableOver(plan, view.overdue.length)) : nextLists(view),
  );
}

function focusListNode(l: FocusListView): HTMLElement {
  const point = (p: FocusListView['points'][number]) =>
    el(
      'li',
      {},
      p.text,
      p.parties.length > 0 ? el('em', {}, ` (${tellNames(p.parties)})`) : null,
      ...(p.note ? [' ', el('strong', {}, 'Note:'), ` ${p.note}`] : []),
    );
  return el(
    'div',
    { class: 'focus-list' },
    el('h3', {}, l.heading),
    l.parties.length > 0 ? el('p', { class: 'meta' }, tellNamed(l.parties)) : null,
    l.intro ? el('p', {}, l.intro) : null,
    el('ul', {}, ...l.points.map(point)),
    l.note ? el('p', { class: 'note' }, el('strong', {}, 'Note: '), l.note) : null,
    el('p', { class: 'meta' }, `Source: ${l.source.title}.`),
  );
}

/** What the inspection looks at; with an agency, what it should be ready to show first. */
export function focusNode(plan: TrackedPlan): HTMLElement | null {
  const [first, ...more] = groupFocus(plan);
  if (!first) return null;
  return section(
    'focus',
    first.heading,
    ...first.lists.map(focusListNode),
    ...more.flatMap((g) => [el('h2', {}, g.heading), ...g.lists.map(focusListNode)]),
  );
}

/** The plan's heading, what the inspection is, its warnings and notes, and the days off the count skipped. */
export function headNode(plan: TrackedPlan): HTMLElement {
  const about = inspectionLine(plan);
  const warnings = tellWarnings(plan.warnings);
  return el(
    'div',
    { id: 'plan-head' },
    el('h2', { id: 'plan-title' }, tellPlanTitle(plan)),
    el('p', { class: 'meta' }, `${tellTimes(plan.timezone)} ${tellRuleSetSource(plan)}`),
    about ? el('p', { class: 'meta' }, about) : null,
    warnings.length > 0
      ? el(
          'div',
          { class: 'warnings' },
          el('h3', {}, 'Warnings'),
          el('ul', {}, ...warnings.map((w) => el('li', {}, w))),
        )
      : null,
    el(
      'details',
      { class: 'notes' },
      el('summary', {}, 'Notes on the rule set'),
      el('ul', {}, ...planNotes(plan).map((n) => el('li', {}, n))),
    ),
    plan.daysOff.length > 0
      ? el(
          'div',
          { class: 'days-off' },
          el('h3', {}, WORDS.daysOff),
          el('ul', {}, ...plan.daysOff.map((d) => el('li', {}, tellDayOff(d)))),
        )
      : null,
  );
}
