import type { TrackedPlan } from '../core/progress/progress.js';
/// <reference lib="dom" />
import { formatLongDate, formatLongDateTime } from '../core/dates/calendar-date.js';
import { type FocusListView, inspectionLine } from '../core/plan/focus.js';
import type { NextView, TimedItem } from '../core/progress/next.js';
import {
  WORDS,
  groupFocus,
  tellDateTime,
  tellNamed,
  tellNames,
  tellNextDay,
  tellPlanTitle,
  tellTime,
  tellTimeLeft,
  tellTimetableOver,
} from '../render/words.js';
import { el } from './dom.js';
import { isFitNote, linked, tellZone } from './page-words.js';

// The plan as the page shows it around the timetable (timetable.ts), built from the same core as
// the CLI: its heading and the warning that the rule set may not fit, what it is for, what to
// check, what is next from now and what the inspection looks at.

function summaryRow(key: string, ...value: Array<Node | string | null>): HTMLElement {
  return el(
    'div',
    { class: 'govuk-summary-list__row' },
    el('dt', { class: 'govuk-summary-list__key' }, key),
    el('dd', { class: 'govuk-summary-list__value' }, ...value),
  );
}

/** The plan's heading, and the warning that the rule set may not fit this date. */
export function headNode(plan: TrackedPlan): HTMLElement {
  const fit = plan.warnings.filter((w) => w.kind === 'guidance');
  const why = plan.ruleSet.notes.find(isFitNote);
  return el(
    'div',
    { id: 'plan-head' },
    el('h2', { class: 'govuk-heading-m', id: 'plan-title' }, tellPlanTitle(plan)),
    ...fit.map((w) =>
      el(
        'div',
        { class: 'govuk-warning-text' },
        el('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
        el(
          'div',
          { class: 'govuk-warning-text__text' },
          el('span', { class: 'govuk-visually-hidden' }, 'Warning: '),
          w.message,
          why
            ? el(
                'details',
                { class: 'govuk-details jtai-why' },
                el(
                  'summary',
                  { class: 'govuk-details__summary' },
                  el('span', { class: 'govuk-details__summary-text' }, 'Why it may not fit'),
                ),
                el('div', { class: 'govuk-details__text govuk-body-s' }, ...linked(why)),
              )
            : null,
        ),
      ),
    ),
  );
}

/** What the plan is for: a summary list of the date, the agency, the rule set, the times and the inspection. */
export function aboutNode(plan: TrackedPlan): HTMLElement {
  const about = inspectionLine(plan);
  return el(
    'section',
    { id: 'about', 'aria-labelledby': 'about-h' },
    el('h2', { class: 'govuk-heading-m', id: 'about-h' }, 'About this timetable'),
    el(
      'dl',
      { class: 'govuk-summary-list jtai-about' },
      summaryRow('Notified', `${formatLongDate(plan.notified)} (day 0)`),
      summaryRow('For', plan.filter ? tellNames(plan.filter.agencies) : 'All agencies'),
      summaryRow('Rule set', `${plan.ruleSet.name}, from ${plan.ruleSet.source.title}`),
      summaryRow('Times', `${tellZone(plan.timezone)}. Day numbers count working days from the notification day.`),
      about ? summaryRow('Inspection', about) : null,
    ),
  );
}

/** The warnings other than the fit, and the rule set's notes, after the timetable. */
export function notesNode(plan: TrackedPlan, tellWarnings: (p: TrackedPlan) => string[]): HTMLElement {
  const warnings = tellWarnings(plan);
  const notes = plan.ruleSet.notes.filter((n) => !isFitNote(n));
  const timeNotes = new Map<string, string>();
  for (const i of plan.items) if (i.timeNote && i.time) timeNotes.set(`"${i.timeLabel}" is ${i.time}`, i.timeNote);
  const all = [...[...timeNotes].map(([k, v]) => `${k}: ${v}`), ...notes];
  return el(
    'section',
    { id: 'notes', 'aria-labelledby': 'notes-h' },
    el('h2', { class: 'govuk-heading-m', id: 'notes-h' }, 'Things to check'),
    warnings.length > 0
      ? el('ul', { class: 'govuk-list govuk-list--bullet jtai-warnings' }, ...warnings.map((w) => el('li', {}, w)))
      : el('p', { class: 'govuk-body' }, 'Nothing about this date needs checking beyond the notes.'),
    el(
      'details',
      { class: 'govuk-details' },
      el(
        'summary',
        { class: 'govuk-details__summary' },
        el('span', { class: 'govuk-details__summary-text' }, 'Notes on the rule set'),
      ),
      el(
        'div',
        { class: 'govuk-details__text' },
        el(
          'ul',
          { class: 'govuk-list govuk-list--bullet govuk-body-s' },
          ...all.map((n) => el('li', {}, ...linked(n))),
        ),
      ),
    ),
  );
}

function timed(t: TimedItem, withDate: boolean): HTMLElement {
  const left = tellTimeLeft(t.item.due ? t.minutesLeft : null);
  const when = withDate ? tellDateTime(t.item) : tellTime(t.item);
  return el(
    'li',
    { 'data-id': t.item.id },
    el('span', { class: 'jtai-time' }, when),
    ' ',
    t.item.title,
    left ? ` (${left})` : null,
  );
}

/** What is next from now: passed, still due today, and the next day with items. */
export function nextNode(view: NextView, plan: TrackedPlan): HTMLElement {
  const list = (title: string, items: TimedItem[], withDate: boolean) =>
    el(
      'div',
      { class: 'jtai-next-list' },
      el('h3', { class: 'govuk-heading-s' }, title),
      items.length === 0
        ? el('p', { class: 'govuk-body' }, WORDS.nothingInList)
        : el('ul', { class: 'govuk-list' }, ...items.map((t) => timed(t, withDate))),
    );
  return el(
    'section',
    { id: 'next', 'aria-labelledby': 'next-h' },
    el('h2', { class: 'govuk-heading-m', id: 'next-h' }, 'What is next'),
    el('p', { class: 'govuk-body jtai-now' }, `Now: ${formatLongDateTime(view.now)}, ${tellZone(plan.timezone)}`),
    view.over
      ? el('p', { class: 'govuk-body' }, tellTimetableOver(plan, view.overdue.length))
      : el(
          'div',
          { class: 'jtai-next-lists' },
          list(plan.progress?.recorded ? WORDS.passedRecorded : 'Passed', view.overdue, true),
          list(WORDS.stillDueToday, view.today, false),
          view.next.length > 0
            ? list(tellNextDay(view.next[0]!.item.date), view.next, false)
            : el('p', { class: 'govuk-body' }, WORDS.nothingAfterToday),
        ),
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
    { class: 'jtai-focus-list' },
    el('h3', { class: 'govuk-heading-s' }, l.heading),
    l.parties.length > 0 ? el('p', { class: 'govuk-body-s jtai-meta' }, tellNamed(l.parties)) : null,
    l.intro ? el('p', { class: 'govuk-body' }, l.intro) : null,
    el('ul', { class: 'govuk-list govuk-list--bullet' }, ...l.points.map(point)),
    l.note ? el('p', { class: 'govuk-body' }, el('strong', {}, 'Note: '), l.note) : null,
    el('p', { class: 'govuk-body-s jtai-meta' }, `Source: ${l.source.title}.`),
  );
}

/** What the inspection looks at; with an agency, what it should be ready to show first. */
export function focusNode(plan: TrackedPlan): HTMLElement | null {
  const [first, ...more] = groupFocus(plan);
  if (!first) return null;
  return el(
    'section',
    { id: 'focus', 'aria-labelledby': 'focus-h' },
    el('h2', { class: 'govuk-heading-m', id: 'focus-h' }, first.heading),
    ...first.lists.map(focusListNode),
    ...more.flatMap((g) => [el('h2', { class: 'govuk-heading-m' }, g.heading), ...g.lists.map(focusListNode)]),
  );
}
