/// <reference lib="dom" />
import { el, fill } from './dom.js';

// What the user must fix, as the GOV.UK Design System shows it: an error summary at the top,
// each problem a link to its field, and the same message on the field, which is marked.

/** One thing to fix, said in the error summary and on its field. */
export interface Problem {
  message: string;
  field: 'notified' | 'rules' | 'rules-file' | 'agency' | 'folder';
}

// Each field's form group, its error message and the control a summary link moves to.
const FIELD_OF: Record<
  Problem['field'],
  { group: string; error: string; focus: string; marked: string[]; mark: string }
> = {
  notified: {
    group: 'notified-group',
    error: 'notified-error',
    focus: 'notified-day',
    marked: ['notified-day', 'notified-month', 'notified-year'],
    mark: 'govuk-input--error',
  },
  rules: { group: 'rules-group', error: 'rules-error', focus: 'rules', marked: ['rules'], mark: 'govuk-select--error' },
  'rules-file': {
    group: 'file-row',
    error: 'rules-file-error',
    focus: 'rules-file',
    marked: ['rules-file'],
    mark: 'govuk-file-upload--error',
  },
  folder: {
    group: 'folder-group',
    error: 'folder-error',
    focus: 'folder-files',
    marked: ['folder-files'],
    mark: 'govuk-file-upload--error',
  },
  agency: {
    group: 'agency-group',
    error: 'agency-error',
    focus: 'agency',
    marked: ['agency'],
    mark: 'govuk-select--error',
  },
};

const byId = (id: string) => document.getElementById(id)!;

/** Shows the problems (none: the summary hidden, every field unmarked), moving focus to the summary if asked. */
export function showProblems(problems: readonly Problem[], focus: boolean): void {
  const summary = byId('errors');
  fill(
    byId('error-list'),
    ...problems.map((p) =>
      el('li', {}, el('a', { href: `#${FIELD_OF[p.field].focus}`, 'data-field': p.field }, p.message)),
    ),
  );
  summary.hidden = problems.length === 0;
  for (const [field, ids] of Object.entries(FIELD_OF)) {
    const mine = problems.filter((p) => p.field === field);
    byId(ids.group).classList.toggle('govuk-form-group--error', mine.length > 0);
    for (const id of ids.marked) byId(id).classList.toggle(ids.mark, mine.length > 0);
    const error = byId(ids.error);
    fill(
      error,
      ...(mine.length > 0
        ? [el('span', { class: 'govuk-visually-hidden' }, 'Error: '), joinedMessages(mine.map((p) => p.message))]
        : []),
    );
    error.hidden = mine.length === 0;
  }
  const dateWrong = problems.some((p) => p.field === 'notified');
  byId('notified-day')
    .closest('fieldset')!
    .setAttribute('aria-describedby', dateWrong ? 'notified-hint notified-error' : 'notified-hint');
  if (focus && problems.length > 0) summary.focus();
}

/** Follows a summary link without changing the address (no #fragment): the field scrolled to and focused. */
export function followProblemLink(event: Event): void {
  const link = (event.target as HTMLElement).closest('a');
  if (!link?.dataset.field) return;
  event.preventDefault();
  const target = byId(FIELD_OF[link.dataset.field as Problem['field']].focus);
  target.closest('.govuk-form-group')?.scrollIntoView();
  target.focus();
}

/** Messages under one field, each ending once: "a.", "b" are "a. b"; one message is as it is. */
function joinedMessages(messages: string[]): string {
  return messages.map((m, i) => (i < messages.length - 1 && !/[.!?]$/.test(m) ? `${m}.` : m)).join(' ');
}
