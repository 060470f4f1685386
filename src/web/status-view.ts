import { tellZone } from './page-words.js';
/// <reference lib="dom" />
import { formatShortDateTime } from '../core/dates/calendar-date.js';
import { contactWords } from '../core/progress/inspection-words.js';
import { type TrackedPlan, contactsOf } from '../core/progress/progress.js';
import type { StatusView } from '../core/progress/status.js';
import { renderStatusHtml, renderStatusMarkdown, renderStatusText } from '../render/status.js';
import { tellDue, tellLate } from '../render/words.js';
import { el } from './dom.js';

// The status of an inspection as the page shows it, from the same StatusView as "jtai status":
// each agency's figures, what is still owed and by whom, whom to contact, and the day's status
// to copy into an email or download, made by the status renderers the CLI uses.

const numeric = 'govuk-table__cell govuk-table__cell--numeric';

function agencyTable(view: StatusView): HTMLElement {
  const rows = view.agencies.map((a) =>
    el(
      'tr',
      { class: 'govuk-table__row', 'data-agency': a.party.id },
      el('th', { class: 'govuk-table__header', scope: 'row' }, a.party.name),
      el('td', { class: numeric, 'data-label': 'Done' }, `${a.done.length} of ${a.total}`),
      el('td', { class: numeric, 'data-label': 'Late' }, `${a.late.length}`),
      el('td', { class: numeric, 'data-label': 'Overdue' }, `${a.overdue.length}`),
      el(
        'td',
        { class: 'govuk-table__cell', 'data-label': 'Next deadline' },
        a.next ? `${a.next.item.title} (${tellDue(a.next.item)})` : 'Nothing left',
      ),
    ),
  );
  const head = ['Agency', 'Done', 'Late', 'Overdue', 'Next deadline'].map((h, i) =>
    el('th', { class: `govuk-table__header${i > 0 && i < 4 ? ' govuk-table__header--numeric' : ''}`, scope: 'col' }, h),
  );
  // A narrow screen scrolls the table, not the page; the region can be reached by keyboard to scroll it.
  return el(
    'div',
    { class: 'jtai-table-scroll', role: 'region', 'aria-labelledby': 'status-h', tabindex: 0 },
    el(
      'table',
      { class: 'govuk-table', id: 'status-table' },
      el('thead', { class: 'govuk-table__head' }, el('tr', { class: 'govuk-table__row' }, ...head)),
      el('tbody', { class: 'govuk-table__body' }, ...rows),
    ),
  );
}

// What is still owed, in date order, with who owes it and who has done their part.
function owedList(plan: TrackedPlan, view: StatusView): HTMLElement {
  if (view.owing.length === 0) return el('p', { class: 'govuk-body' }, 'Nothing: every submission is done.');
  return el(
    'ul',
    { class: 'govuk-list govuk-list--spaced', id: 'still-owed' },
    ...view.owing.map(({ item, progress }) => {
      const done = progress.agencies.filter((a) => a.status === 'done');
      return el(
        'li',
        { 'data-id': item.id },
        el(
          'strong',
          {},
          `${progress.status === 'overdue' ? 'Overdue: ' : progress.status === 'due-today' ? 'Due today: ' : ''}${tellDue(item)}`,
        ),
        ` ${item.title}. Still owed by ${progress.owing.map((p) => p.name).join(', ')}.`,
        done.length > 0
          ? ` Done: ${done.map((a) => `${a.party.name} (${formatShortDateTime(a.doneAt!.slice(0, 16))}${a.lateByMinutes !== null ? `, ${tellLate(a.lateByMinutes)}` : ''})`).join(', ')}.`
          : null,
      );
    }),
  );
}

function contactList(plan: TrackedPlan, view: StatusView): HTMLElement | null {
  const rows = view.agencies.flatMap((a) => {
    const contacts = contactsOf(plan, a.party.id);
    return contacts.length === 0
      ? []
      : [
          el(
            'div',
            { class: 'govuk-summary-list__row' },
            el('dt', { class: 'govuk-summary-list__key' }, a.party.name),
            el('dd', { class: 'govuk-summary-list__value' }, contacts.map(contactWords).join('; ')),
          ),
        ];
  });
  if (rows.length === 0) return null;
  return el(
    'div',
    {},
    el('h3', { class: 'govuk-heading-m' }, 'Whom to contact'),
    el('dl', { class: 'govuk-summary-list', id: 'contacts' }, ...rows),
  );
}

export interface StatusActions {
  copy(html: string, text: string): void;
  download(name: string, type: string, text: string): void;
}

/** The status of the plan on screen, with the day's status to copy or download. */
export function statusNode(plan: TrackedPlan, view: StatusView, actions: StatusActions): HTMLElement {
  const asAt = view.now.slice(0, 10);
  const name = `jtai-status-${asAt}${plan.filter ? `-${plan.filter.agencies.map((a) => a.id).join('-')}` : ''}`;
  const button = (label: string, run: () => void) => {
    const b = el('button', { type: 'button', class: 'govuk-button govuk-button--secondary' }, label);
    b.addEventListener('click', run);
    return b;
  };
  return el(
    'div',
    {},
    el('h3', { class: 'govuk-heading-m', id: 'status-h' }, 'Status by agency'),
    el(
      'p',
      { class: 'govuk-body' },
      `As at ${formatShortDateTime(view.now.slice(0, 16))} (${tellZone(plan.timezone)}).`,
    ),
    agencyTable(view),
    el('h3', { class: 'govuk-heading-m' }, 'Still owed'),
    owedList(plan, view),
    contactList(plan, view),
    el('h3', { class: 'govuk-heading-m' }, "Send the day's status"),
    el(
      'p',
      { class: 'govuk-body' },
      'The same status as jtai status gives: what is owed, by agency, and what was delivered today.',
    ),
    el(
      'div',
      { class: 'govuk-button-group' },
      button('Copy the status for an email', () =>
        actions.copy(renderStatusHtml(plan, view), renderStatusText(plan, view)),
      ),
      button('Download it for an email (.html)', () =>
        actions.download(`${name}.html`, 'text/html', renderStatusHtml(plan, view)),
      ),
      button('Download as text (.txt)', () =>
        actions.download(`${name}.txt`, 'text/plain', renderStatusText(plan, view)),
      ),
      button('Download as Markdown (.md)', () =>
        actions.download(`${name}.md`, 'text/markdown', renderStatusMarkdown(plan, view)),
      ),
    ),
  );
}
