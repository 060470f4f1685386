import { tellZone } from './page-words.js';
/// <reference lib="dom" />
import { formatShortDateTime } from '../core/dates/calendar-date.js';
import { chasedOf } from '../core/plan/chased.js';
import { moveNote } from '../core/plan/moves.js';
import type { ProgressEvent } from '../core/progress/events.js';
import type { TrackedPlan } from '../core/progress/progress.js';
import { makeHolidayCalendar } from '../core/dates/bank-holidays.js';
import { tellDue, tellPossessive } from '../render/words.js';
import { el, fill } from './dom.js';
import { type OpenInspection, doneNow, moveBackNow, moveNow, undoNow } from './fortnight.js';

// The forms that record the fortnight in the page: a delivery (the whole item or one agency's
// part) done or taken back, and a deadline moved with the lead inspector (or moved back). Each
// makes one event, as "jtai done", "jtai undo" and "jtai move" do.

/** What the forms held, kept when they are drawn again after a record. */
export interface Kept {
  item: string;
  part: string;
  by: string;
  moveItem: string;
  /** What was being typed when the forms are drawn again as time passes (emptied after a record). */
  typed: Partial<Record<'record-at' | 'record-note' | 'move-to' | 'move-why', string>>;
}

/** Records the event the maker makes of the inspection as the folder holds it now, and says what happened (or, with none, why nothing was). */
export type RecordEvent = (
  make: (now: OpenInspection) => ProgressEvent | undefined,
  done: (e: ProgressEvent) => string,
  none: string,
) => void;

const field = (id: string, label: string, control: HTMLElement, hint?: string) =>
  el(
    'div',
    { class: 'govuk-form-group' },
    el('label', { class: 'govuk-label', for: id }, label),
    hint ? el('div', { class: 'govuk-hint', id: `${id}-hint` }, hint) : null,
    control,
  );

// Where an item stands, after its name in the list to record: " (done)", " (overdue)".
function standing(plan: TrackedPlan, id: string): string {
  const progress = plan.progress?.items[id];
  if (!progress) return '';
  if (progress.status === 'done') return progress.late ? ' (done late)' : ' (done)';
  if (progress.status === 'overdue') return ' (overdue)';
  if (progress.agencies.some((a) => a.status === 'done')) return ' (done in part)';
  return '';
}

const input = (id: string, attrs: Record<string, string> = {}) =>
  el('input', { class: 'govuk-input govuk-input--width-20', id, type: 'text', autocomplete: 'off', ...attrs });

const button = (label: string, id: string, secondary: boolean, run: () => void) => {
  const b = el(
    'button',
    { type: 'button', class: `govuk-button${secondary ? ' govuk-button--secondary' : ''}`, id },
    label,
  );
  b.addEventListener('click', run);
  return b;
};

/** The forms, for the plan on screen; nothing when the folder was opened read only. */
export function recordForms(
  open: OpenInspection,
  plan: TrackedPlan,
  kept: Kept,
  now: () => number,
  record: RecordEvent,
): HTMLElement[] {
  const submissions = plan.items.filter((i) => i.kind === 'submission');
  const title = (id: string) => plan.items.find((i) => i.id === id)?.title ?? id;
  const whose = (e: ProgressEvent) =>
    e.agency ? `${tellPossessive(open.ruleSet.parties[e.agency]?.name ?? e.agency)} part of ` : '';
  const options = (items: typeof submissions) =>
    items.map((i) => el('option', { value: i.id }, `${tellDue(i)}: ${i.title}${standing(plan, i.id)}`));

  const item = el('select', { class: 'govuk-select', id: 'record-item' }, ...options(submissions));
  // The first not yet done, unless one was chosen before.
  const firstOwed = submissions.find((i) => plan.progress?.items[i.id]?.status !== 'done');
  item.value = submissions.some((i) => i.id === kept.item) ? kept.item : ((firstOwed ?? submissions[0])?.id ?? '');
  const part = el('select', { class: 'govuk-select', id: 'record-part' });
  const fillParts = () => {
    const chosen = open.ruleSet.items.find((i) => i.id === item.value);
    const owers = chosen ? chasedOf(chosen.by, open.ruleSet.parties) : [];
    fill(
      part,
      el('option', { value: '' }, owers.length > 1 ? 'The whole item (every agency)' : 'The whole item'),
      ...(owers.length > 1
        ? owers.map((c) => el('option', { value: c.party.id }, `${tellPossessive(c.party.name)} part`))
        : []),
    );
    if ([...part.options].some((p) => p.value === kept.part)) part.value = kept.part;
  };
  item.addEventListener('change', () => {
    kept.item = item.value;
    kept.part = '';
    fillParts();
  });
  fillParts();
  part.addEventListener('change', () => void (kept.part = part.value));
  const at = input('record-at', { value: 'now', 'aria-describedby': 'record-at-hint' });
  const by = input('record-by', { autocomplete: 'name', value: kept.by, 'aria-describedby': 'record-by-hint' });
  by.addEventListener('input', () => void (kept.by = by.value));
  const note = el('textarea', { class: 'govuk-textarea', id: 'record-note', rows: 2 });
  const args = () => ({ item: item.value, by: by.value, note: note.value, ...(part.value && { agency: part.value }) });

  const deadlines = submissions.filter((i) => i.due !== null);
  const moveItem = el('select', { class: 'govuk-select', id: 'move-item' }, ...options(deadlines));
  const firstDue = deadlines.find((i) => plan.progress?.items[i.id]?.status !== 'done') ?? deadlines[0];
  moveItem.value = deadlines.some((i) => i.id === kept.moveItem) ? kept.moveItem : (firstDue?.id ?? '');
  moveItem.addEventListener('change', () => void (kept.moveItem = moveItem.value));
  const to = input('move-to', { 'aria-describedby': 'move-to-hint' });
  const why = el('input', { class: 'govuk-input', id: 'move-why', type: 'text', autocomplete: 'off' });
  const moveBy = input('move-by', { autocomplete: 'name', value: kept.by });
  moveBy.addEventListener('input', () => void (kept.by = moveBy.value));
  const calendar = makeHolidayCalendar(open.ruleSet.closures);
  const movedWords = (e: ProgressEvent) => {
    const note = moveNote(e.to!.slice(0, 10), open.record.notified, calendar);
    return `Moved ${title(e.item)} to ${formatShortDateTime(e.to!.slice(0, 16))}.${note ? ` Note: ${note}` : ''}`;
  };

  // What was being typed survives the forms being drawn again (the page tells the time again each minute).
  for (const [id, control] of [
    ['record-at', at],
    ['record-note', note],
    ['move-to', to],
    ['move-why', why],
  ] as const) {
    const typed = kept.typed[id];
    if (typed !== undefined) control.value = typed;
    control.addEventListener('input', () => void (kept.typed[id] = control.value));
  }
  return [
    el(
      'fieldset',
      { class: 'govuk-fieldset', id: 'record-progress' },
      el('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--m' }, 'Record a delivery'),
      field('record-item', 'What was delivered', item),
      field('record-part', 'Whose part', part),
      field(
        'record-at',
        'When it was delivered',
        at,
        `For example: now, 16:40, yesterday 16:40, 20/03/2019 09:15 (${tellZone(plan.timezone)}).`,
      ),
      field('record-by', 'Your name', by, 'The record says who made it.'),
      field('record-note', 'Note (optional)', note),
      el(
        'div',
        { class: 'govuk-button-group' },
        button('Mark as done', 'mark-done', false, () =>
          record(
            (o) => doneNow(o, { ...args(), at: at.value }, now()),
            (e) => `Recorded ${whose(e)}${title(e.item)} as done at ${formatShortDateTime(e.at.slice(0, 16))}.`,
            '',
          ),
        ),
        button('Take it back', 'undo-done', true, () =>
          record(
            (o) => undoNow(o, args(), now()),
            (e) => `Took back ${whose(e)}${title(e.item)}: it is no longer marked done.`,
            'Nothing of that is recorded as done, so nothing was taken back.',
          ),
        ),
      ),
    ),
    el(
      'fieldset',
      { class: 'govuk-fieldset', id: 'move-deadline-form' },
      el(
        'legend',
        { class: 'govuk-fieldset__legend govuk-fieldset__legend--m' },
        'Move a deadline agreed with the lead inspector',
      ),
      el('p', { class: 'govuk-body' }, 'Whatever is counted from it moves with it.'),
      field('move-item', 'Which deadline', moveItem),
      field(
        'move-to',
        'New deadline',
        to,
        `A date and a time, for example: 21/03/2019 17:00 (${tellZone(plan.timezone)}).`,
      ),
      field('move-why', 'Why', why),
      field('move-by', 'Your name', moveBy),
      el(
        'div',
        { class: 'govuk-button-group' },
        button('Move the deadline', 'move-deadline', false, () =>
          record(
            (o) => moveNow(o, { item: moveItem.value, by: moveBy.value, note: why.value, to: to.value }, now()),
            movedWords,
            '',
          ),
        ),
        button("Move it back to the rule set's time", 'move-back', true, () =>
          record(
            (o) => moveBackNow(o, { item: moveItem.value, by: moveBy.value }, now()),
            (e) => `Moved ${title(e.item)} back to the rule set's time.`,
            "That deadline was not moved; it stays at the rule set's time.",
          ),
        ),
      ),
    ),
  ];
}
