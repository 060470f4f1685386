import type { TrackedPlan } from '../core/progress/progress.js';
/// <reference lib="dom" />
import { type IsoDate, formatLongDate, formatLongDateTime, formatShortDate } from '../core/dates/calendar-date.js';
import type { Explanation } from '../core/plan/explain.js';
import { type FocusListView, inspectionLine } from '../core/plan/focus.js';
import type { NextView, TimedItem } from '../core/progress/next.js';
import type { PlanItem } from '../core/plan/plan.js';
import { agenciesOf, movedWords, noteOf, partyWords, progressWords } from '../render/item-text.js';
import {
  WORDS,
  groupDays,
  groupFocus,
  tellDateTime,
  tellNamed,
  tellNames,
  tellNextDay,
  tellNothingToDo,
  tellPlanTitle,
  tellStep,
  tellTime,
  tellTimeLeft,
  tellTimetableOver,
} from '../render/words.js';
import { el } from './dom.js';
import { statusTag } from './status-tags.js';
import { isFitNote, linked, tellAnchorWords, tellDueWords, tellTimeWords, tellZone } from './page-words.js';

// The plan as the page shows it, built from the same core as the CLI: the compact timetable
// first (one table, a row group a day, days off in their place, each row's details behind a
// disclosure named after its item), then what is next from now and what the inspection looks
// at. Every status is a word in a tag, never a colour alone.

const ITEM_COLUMNS = 5;

function explanationOf(e: Explanation, plan: TrackedPlan): Node[] {
  const steps = e.steps.map((s) =>
    el('li', {}, el('span', { class: 'jtai-step-date' }, formatShortDate(s.date)), ' ', tellStep(s)),
  );
  return [
    el('p', { class: 'govuk-body-s' }, `Counted as ${tellAnchorWords(e.item, plan)}:`),
    el('ol', { class: 'govuk-list govuk-body-s jtai-steps' }, ...steps),
    el('p', { class: 'govuk-body-s' }, tellTimeWords(e.item)),
    el('p', { class: 'govuk-body-s' }, tellDueWords(e.item, plan.timezone)),
  ];
}

// What a row's disclosure holds: the briefing's details and words, notes, and (opened) how the date was worked out.
function detailsOf(item: PlanItem, plan: TrackedPlan, explain: (id: string) => Explanation): HTMLElement {
  const note = noteOf(item);
  const moved = movedWords(item);
  const said = progressWords(item, plan);
  const how = el('div', { class: 'jtai-how' }, el('h3', { class: 'govuk-heading-s' }, 'How this date was worked out'));
  const details = el(
    'details',
    { class: 'govuk-details jtai-item-details' },
    el(
      'summary',
      { class: 'govuk-details__summary' },
      el(
        'span',
        { class: 'govuk-details__summary-text' },
        'Details',
        el('span', { class: 'govuk-visually-hidden' }, `: ${item.title}`),
      ),
    ),
    el(
      'div',
      { class: 'govuk-details__text' },
      item.details.length > 0
        ? el('ul', { class: 'govuk-list govuk-list--bullet govuk-body-s' }, ...item.details.map((d) => el('li', {}, d)))
        : null,
      said && !moved ? el('p', { class: 'govuk-body-s' }, said) : null,
      moved ? el('p', { class: 'govuk-body-s' }, moved) : null,
      note ? el('p', { class: 'govuk-body-s' }, el('strong', {}, 'Note: '), note) : null,
      el('p', { class: 'govuk-body-s jtai-quote-label' }, 'The briefing says:'),
      el('blockquote', { class: 'jtai-quote govuk-body-s' }, item.source),
      how,
    ),
  );
  details.addEventListener('toggle', () => {
    if (details.open && how.childElementCount === 1) how.append(...explanationOf(explain(item.id), plan));
  });
  return details;
}

function itemRow(item: PlanItem, plan: TrackedPlan, explain: (id: string) => Explanation): HTMLElement {
  const progress = plan.progress?.items[item.id];
  const tag = progress ? statusTag(progress, plan.progress!.recorded) : undefined;
  return el(
    'tr',
    {
      class: `govuk-table__row jtai-item kind-${item.kind}`,
      'data-id': item.id,
      'data-date': item.date,
      'data-due': item.due ?? undefined,
      'data-status': tag?.status,
    },
    el('td', { class: 'govuk-table__cell jtai-time' }, tellTime(item)),
    el(
      'td',
      { class: 'govuk-table__cell jtai-what' },
      el('span', { class: 'jtai-title' }, item.title),
      detailsOf(item, plan, explain),
    ),
    el('td', { class: 'govuk-table__cell jtai-who', 'data-label': 'Who acts' }, agenciesOf(item, plan)),
    el(
      'td',
      { class: 'govuk-table__cell jtai-to', 'data-label': 'To whom' },
      item.recipient ? partyWords(item.recipient, plan) : '',
    ),
    el(
      'td',
      { class: 'govuk-table__cell jtai-status' },
      tag ? el('strong', { class: tag.className }, tag.label) : null,
    ),
  );
}

/** The days off between the first and last item that the count passed over (weekends, bank holidays, closures), by date. */
export function daysOffBetween(plan: TrackedPlan): Array<{ date: IsoDate; reason: string }> {
  const first = plan.items[0]?.date;
  const last = plan.items.at(-1)?.date;
  if (!first || !last) return [];
  const days = new Map<IsoDate, string>();
  for (const d of [...plan.items.flatMap((i) => i.skipped), ...plan.daysOff])
    if (d.date > first && d.date < last && !days.has(d.date)) days.set(d.date, d.reason);
  return [...days].map(([date, reason]) => ({ date, reason })).sort((a, b) => (a.date < b.date ? -1 : 1));
}

function dayOffGroup(day: { date: IsoDate; reason: string }): HTMLElement {
  const why = /^(Satur|Sun)day$/.test(day.reason) ? 'weekend' : day.reason;
  return el(
    'tbody',
    { class: 'govuk-table__body jtai-day-off', 'data-date': day.date },
    el(
      'tr',
      { class: 'govuk-table__row' },
      el(
        'td',
        { class: 'govuk-table__cell', colspan: ITEM_COLUMNS },
        `${formatLongDate(day.date)}: ${why}, not counted`,
      ),
    ),
  );
}

/** The compact timetable: one table, the items of each day under its heading, the days off between them in date order. */
export function timetableNode(plan: TrackedPlan, explain: (id: string) => Explanation): HTMLElement {
  const groups: Array<{ date: IsoDate; node: HTMLElement }> = groupDays(plan).map((day) => ({
    date: day.date,
    node: el(
      'tbody',
      { class: 'govuk-table__body jtai-day', 'data-date': day.date },
      el(
        'tr',
        { class: 'govuk-table__row' },
        el(
          'th',
          { class: 'govuk-table__header jtai-day-heading', scope: 'rowgroup', colspan: ITEM_COLUMNS },
          day.heading,
        ),
      ),
      ...day.items.map((i) => itemRow(i, plan, explain)),
    ),
  }));
  for (const off of daysOffBetween(plan)) groups.push({ date: off.date, node: dayOffGroup(off) });
  groups.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const head = ['Time', 'What', 'Who acts', 'To whom', 'Status'].map((h) =>
    el('th', { class: 'govuk-table__header', scope: 'col' }, h),
  );
  return el(
    'section',
    { id: 'agenda', 'aria-labelledby': 'timetable' },
    el('h2', { class: 'govuk-heading-m', id: 'timetable', tabindex: -1 }, 'Timetable'),
    plan.items.length === 0
      ? el('p', { class: 'govuk-body' }, tellNothingToDo(plan))
      : el(
          'table',
          { class: 'govuk-table jtai-timetable' },
          el(
            'caption',
            { class: 'govuk-table__caption govuk-visually-hidden' },
            `Timetable, ${tellZone(plan.timezone)}`,
          ),
          el('thead', { class: 'govuk-table__head' }, el('tr', { class: 'govuk-table__row' }, ...head)),
          ...groups.map((g) => g.node),
        ),
  );
}

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
