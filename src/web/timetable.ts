import type { TrackedPlan } from '../core/progress/progress.js';
/// <reference lib="dom" />
import { type IsoDate, formatLongDate, formatShortDate } from '../core/dates/calendar-date.js';
import type { Explanation } from '../core/plan/explain.js';
import type { PlanItem } from '../core/plan/plan.js';
import { agenciesOf, movedWords, noteOf, partyWords, progressWords } from '../render/item-text.js';
import { groupDays, tellNothingToDo, tellStep, tellTime } from '../render/words.js';
import { el } from './dom.js';
import { tellAnchorWords, tellDueWords, tellTimeWords, tellZone } from './page-words.js';
import { statusTag } from './status-tags.js';

// The compact timetable, first on the page: one table, a row group a day under its heading, the
// days off the count passed over in their place, and a row an item (time, what, who acts, to
// whom, where it stands). Each row's details (the briefing's words, notes, and how the date was
// worked out, built when opened) are behind a disclosure named after its item. A row carries
// data-id, data-date, data-due and data-status, for scripts and the fortnight's marking.

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

// What the fortnight changed, on the row itself, so the timetable scans: a moved deadline's old
// time, and who delivered (and when) once the record says so.
function rowNote(item: PlanItem, plan: TrackedPlan): HTMLElement | null {
  const p = plan.progress?.recorded ? plan.progress.items[item.id] : undefined;
  const words = [
    item.moved ? `Moved from ${formatShortDate(item.moved.from.date)} ${item.moved.from.time ?? 'all day'}` : null,
    p?.status === 'done' && p.doneAt
      ? `Done ${formatShortDate(p.doneAt.slice(0, 10))} ${p.doneAt.slice(11, 16)}${p.doneBy ? ` by ${p.doneBy}` : ''}`
      : null,
  ].filter((w) => w !== null);
  return words.length > 0 ? el('span', { class: 'govuk-body-s jtai-row-note' }, words.join('. ')) : null;
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
      rowNote(item, plan),
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
