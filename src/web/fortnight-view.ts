/// <reference lib="dom" />
import { formatShortDateTime } from '../core/dates/calendar-date.js';
import { chasedOf } from '../core/plan/chased.js';
import type { ProgressEvent } from '../core/progress/events.js';
import type { TrackedPlan } from '../core/progress/progress.js';
import { type StatusView, startOfDay, statusOf } from '../core/progress/status.js';
import { JtaiError } from '../errors.js';
import { renderStatusHtml, renderStatusMarkdown, renderStatusText } from '../render/status.js';
import { tellDue } from '../render/words.js';
import type { BuiltIn } from './data.js';
import { el, fill } from './dom.js';
import { type OpenedFolder, canRecord, pickFolder, readPickedFiles } from './folder.js';
import {
  type OpenInspection,
  doneNow,
  moveBackNow,
  moveNow,
  openInspection,
  problemLines,
  undoNow,
} from './fortnight.js';

// The fortnight in the page, as elements: open the inspection folder, see the status by agency,
// record a delivery (or take it back), move a deadline with the lead inspector, and download the
// day's status for partners. Built with textContent only (dom.ts).

export interface FortnightHooks {
  builtIns: readonly BuiltIn[];
  /** The moment now (the clock; a test's clock). */
  now(): number;
  /** An inspection opened, recorded in, or closed: the page shows its plan again. */
  changed(open: OpenInspection | undefined): void;
  /** Problems to show in the page's error summary (none: clear it). */
  problems(lines: string[]): void;
}

export interface Fortnight {
  /** The inspection open, if any. */
  current(): OpenInspection | undefined;
  /** Shows the status and the recording form for the plan on screen (the inspection's, maybe for one agency). */
  show(plan: TrackedPlan | undefined): void;
  /** Opens a folder (the page's own pickers use this; so do tests). */
  open(folder: OpenedFolder): Promise<void>;
}

const field = (id: string, label: string, control: HTMLElement, hint?: string) =>
  el(
    'div',
    { class: 'govuk-form-group' },
    el('label', { class: 'govuk-label', for: id }, label),
    hint ? el('div', { class: 'govuk-hint', id: `${id}-hint` }, hint) : null,
    control,
  );

const download = (name: string, type: string, text: string) => {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

// Where an item stands, after its name in the list to record: " (done)", " (overdue)".
function standing(plan: TrackedPlan, id: string): string {
  const progress = plan.progress?.items[id];
  if (!progress) return '';
  if (progress.status === 'done') return progress.late ? ' (done late)' : ' (done)';
  if (progress.status === 'overdue') return ' (overdue)';
  if (progress.agencies.some((a) => a.status === 'done')) return ' (done in part)';
  return '';
}

/** Mounts the fortnight's part of the page in its section. */
export function mountFortnight(root: HTMLElement, hooks: FortnightHooks): Fortnight {
  let open: OpenInspection | undefined;
  let plan: TrackedPlan | undefined;
  // What the form held, kept when it is drawn again after a record (the same item, part and name).
  const kept = { item: '', part: '', by: '' };
  const said = el('p', { class: 'govuk-body', role: 'status', 'aria-live': 'polite', id: 'record-said' });
  const about = el('div', { id: 'inspection-about' });
  const status = el('div', { id: 'agency-status' });
  const recordForm = el('div', { id: 'record-progress' });

  const pick = el(
    'button',
    { type: 'button', class: 'govuk-button govuk-button--secondary', id: 'open-folder' },
    'Open the inspection folder',
  );
  const picked = el('input', {
    type: 'file',
    id: 'folder-files',
    class: 'govuk-file-upload',
    webkitdirectory: true,
    'aria-describedby': 'folder-files-hint',
  });
  pick.hidden = !canRecord();
  pick.addEventListener('click', () => void opening(pickFolder()));
  picked.addEventListener('change', () => {
    if (picked.files && picked.files.length > 0) void opening(readPickedFiles(picked.files));
    picked.value = ''; // choosing the same folder again reads it again
  });

  async function opening(reading: Promise<OpenedFolder | undefined>): Promise<void> {
    try {
      const folder = await reading;
      if (folder) await openFolder(folder);
    } catch (e) {
      if (!(e instanceof JtaiError)) throw e;
      hooks.problems(problemLines(e));
    }
  }

  async function openFolder(folder: OpenedFolder): Promise<void> {
    try {
      open = await openInspection(folder, hooks.builtIns);
    } catch (e) {
      if (!(e instanceof JtaiError)) throw e;
      open = undefined;
      hooks.problems(problemLines(e));
      hooks.changed(undefined);
      return;
    }
    said.textContent = `Opened ${folder.name}: ${open.folded.events.length} records read.`;
    hooks.problems([]);
    hooks.changed(open);
  }

  async function record(make: () => ProgressEvent | undefined, done: (e: ProgressEvent) => string, none: string) {
    if (!open?.folder.record) return;
    let event: ProgressEvent | undefined;
    try {
      event = make();
      if (!event) {
        said.textContent = none;
        return;
      }
      await open.folder.record(event);
    } catch (e) {
      if (!(e instanceof JtaiError) && !(e instanceof DOMException)) throw e;
      hooks.problems(
        e instanceof JtaiError
          ? problemLines(e)
          : [`The record could not be written (${e.message}); nothing was recorded.`],
      );
      return;
    }
    hooks.problems([]);
    // Read back what is in the folder now: what this page wrote, and what others did meanwhile.
    await openFolder(await open.folder.reread!());
    said.textContent = done(event);
  }

  fill(
    root,
    el('h2', { class: 'govuk-heading-l', id: 'inspection-h' }, 'Your inspection folder'),
    el(
      'p',
      { class: 'govuk-body' },
      'Open the shared folder that holds the inspection file (jtai-inspection.yaml) to see who has delivered what. In Microsoft Edge or Google Chrome you can also record deliveries and agreed changes to deadlines: they are saved in that folder, exactly as the jtai command saves them, so everyone sees the same record.',
    ),
    pick,
    field(
      'folder-files',
      'Or choose the folder to look at it (read only)',
      picked,
      'Your browser may ask you to confirm that the page can read the folder. Nothing leaves your computer.',
    ),
    said,
    about,
    status,
    recordForm,
  );

  function showAbout(o: OpenInspection): void {
    const row = (key: string, value: string) =>
      el(
        'div',
        { class: 'govuk-summary-list__row' },
        el('dt', { class: 'govuk-summary-list__key' }, key),
        el('dd', { class: 'govuk-summary-list__value' }, value),
      );
    fill(
      about,
      el(
        'dl',
        { class: 'govuk-summary-list' },
        row('Area', o.record.area ?? 'Not named in the inspection file'),
        row('Folder', o.folder.name),
        row('Records', `${o.folded.events.length}`),
        row(
          'Recording',
          o.folder.record
            ? 'On: what you record here is saved in this folder.'
            : 'Off: this folder was opened read only. To record, open it with "Open the inspection folder" in Edge or Chrome.',
        ),
      ),
    );
  }

  function showStatus(p: TrackedPlan, view: StatusView): void {
    const rows = view.agencies.map((a) =>
      el(
        'tr',
        { class: 'govuk-table__row', 'data-agency': a.party.id },
        el('th', { class: 'govuk-table__header', scope: 'row' }, a.party.name),
        el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, `${a.done.length} of ${a.total}`),
        el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, `${a.late.length}`),
        el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, `${a.overdue.length}`),
        el(
          'td',
          { class: 'govuk-table__cell' },
          a.next ? `${a.next.item.title} (${tellDue(a.next.item)})` : 'Nothing left',
        ),
      ),
    );
    const name = `jtai-status-${p.notified}${p.filter ? `-${p.filter.agencies.map((a) => a.id).join('-')}` : ''}`;
    const button = (label: string, make: () => void) => {
      const b = el('button', { type: 'button', class: 'govuk-button govuk-button--secondary' }, label);
      b.addEventListener('click', make);
      return b;
    };
    fill(
      status,
      el('h3', { class: 'govuk-heading-m' }, 'Status by agency'),
      el(
        'p',
        { class: 'govuk-body' },
        `As at ${formatShortDateTime(view.now.slice(0, 16).replace('T', ' ').replace(' ', 'T'))}.`,
      ),
      el(
        'table',
        { class: 'govuk-table', id: 'status-table' },
        el('caption', { class: 'govuk-table__caption govuk-visually-hidden' }, 'Deliveries by agency'),
        el(
          'thead',
          { class: 'govuk-table__head' },
          el(
            'tr',
            { class: 'govuk-table__row' },
            ...['Agency', 'Done', 'Late', 'Overdue', 'Next deadline'].map((h, i) =>
              el(
                'th',
                { class: `govuk-table__header${i > 0 && i < 4 ? ' govuk-table__header--numeric' : ''}`, scope: 'col' },
                h,
              ),
            ),
          ),
        ),
        el('tbody', { class: 'govuk-table__body' }, ...rows),
      ),
      el(
        'div',
        { class: 'govuk-button-group' },
        button(
          'Copy the status for an email',
          () => void copyStatus(renderStatusHtml(p, view), renderStatusText(p, view)),
        ),
        button("Download today's status for email (.html)", () =>
          download(`${name}.html`, 'text/html', renderStatusHtml(p, view)),
        ),
        button('Download as text (.txt)', () => download(`${name}.txt`, 'text/plain', renderStatusText(p, view))),
        button('Download as Markdown (.md)', () =>
          download(`${name}.md`, 'text/markdown', renderStatusMarkdown(p, view)),
        ),
      ),
    );
  }

  // To paste into an email: the tables as HTML (inline styles, no script), and as plain text for a plain-text email.
  async function copyStatus(html: string, text: string): Promise<void> {
    try {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob([text], { type: 'text/plain' }),
        }),
      ]);
      said.textContent = 'The status is copied: paste it into your email.';
    } catch {
      said.textContent =
        'This browser did not let the page copy; download the status instead, and paste it from there.';
    }
  }

  function showRecordForm(o: OpenInspection, p: TrackedPlan): void {
    if (!o.folder.record) {
      fill(recordForm);
      return;
    }
    const submissions = p.items.filter((i) => i.kind === 'submission');
    const item = el(
      'select',
      { class: 'govuk-select', id: 'record-item' },
      ...submissions.map((i) => el('option', { value: i.id }, `${tellDue(i)}: ${i.title}${standing(p, i.id)}`)),
    );
    const part = el('select', { class: 'govuk-select', id: 'record-part' });
    const fillParts = () => {
      const chosen = o.ruleSet.items.find((i) => i.id === item.value);
      const owers = chosen ? chasedOf(chosen.by, o.ruleSet.parties) : [];
      fill(
        part,
        el('option', { value: '' }, owers.length > 1 ? 'The whole item (every agency)' : 'The whole item'),
        ...(owers.length > 1 ? owers.map((c) => el('option', { value: c.party.id }, `${c.party.name}'s part`)) : []),
      );
    };
    if (submissions.some((i) => i.id === kept.item)) item.value = kept.item;
    item.addEventListener('change', () => {
      kept.item = item.value;
      kept.part = '';
      fillParts();
    });
    fillParts();
    if ([...part.options].some((p) => p.value === kept.part)) part.value = kept.part;
    part.addEventListener('change', () => void (kept.part = part.value));
    const at = el('input', {
      class: 'govuk-input govuk-input--width-20',
      id: 'record-at',
      type: 'text',
      value: 'now',
      'aria-describedby': 'record-at-hint',
      autocomplete: 'off',
    });
    const by = el('input', {
      class: 'govuk-input govuk-input--width-20',
      id: 'record-by',
      type: 'text',
      autocomplete: 'name',
      value: kept.by,
    });
    by.addEventListener('input', () => void (kept.by = by.value));
    const note = el('textarea', { class: 'govuk-textarea', id: 'record-note', rows: 2 });
    const to = el('input', {
      class: 'govuk-input govuk-input--width-20',
      id: 'move-to',
      type: 'text',
      'aria-describedby': 'move-to-hint',
      autocomplete: 'off',
    });
    const why = el('input', { class: 'govuk-input', id: 'move-why', type: 'text', autocomplete: 'off' });
    const title = (id: string) => submissions.find((i) => i.id === id)?.title ?? id;
    const whose = (e: ProgressEvent) => (e.agency ? `${o.ruleSet.parties[e.agency]?.name ?? e.agency}'s part of ` : '');
    const action = (label: string, id: string, secondary: boolean, run: () => void) => {
      const b = el(
        'button',
        { type: 'button', class: `govuk-button${secondary ? ' govuk-button--secondary' : ''}`, id },
        label,
      );
      b.addEventListener('click', run);
      return b;
    };
    const args = () => ({
      item: item.value,
      by: by.value,
      note: note.value,
      ...(part.value && { agency: part.value }),
    });
    fill(
      recordForm,
      el('h3', { class: 'govuk-heading-m' }, 'Record progress'),
      field('record-item', 'What', item),
      field('record-part', 'Whose part', part),
      field(
        'record-at',
        'When it was delivered',
        at,
        'For example: now, 16:40, yesterday 16:40, 20/03/2019 09:15 (UK time).',
      ),
      field('record-by', 'Your name (optional)', by),
      field('record-note', 'Note (optional)', note),
      el(
        'div',
        { class: 'govuk-button-group' },
        action(
          'Mark as done',
          'mark-done',
          false,
          () =>
            void record(
              () => doneNow(o, { ...args(), at: at.value }, hooks.now()),
              (e) => `Recorded ${whose(e)}${title(e.item)} as done at ${formatShortDateTime(e.at)}.`,
              '',
            ),
        ),
        action(
          'Take it back',
          'undo-done',
          true,
          () =>
            void record(
              () => undoNow(o, args(), hooks.now()),
              (e) => `Took back ${whose(e)}${title(e.item)}: it is no longer marked done.`,
              'Nothing of that is recorded as done; nothing was taken back.',
            ),
        ),
      ),
      el('h3', { class: 'govuk-heading-m' }, 'Move a deadline agreed with the lead inspector'),
      el(
        'p',
        { class: 'govuk-body' },
        'Choose the item above, then give its new deadline and why. Whatever is counted from it moves with it.',
      ),
      field('move-to', 'New deadline', to, 'For example: 21/03/2019 17:00 (UK time).'),
      field('move-why', 'Why', why),
      el(
        'div',
        { class: 'govuk-button-group' },
        action(
          'Move the deadline',
          'move-deadline',
          false,
          () =>
            void record(
              () => moveNow(o, { item: item.value, by: by.value, note: why.value, to: to.value }, hooks.now()),
              (e) => `Moved ${title(e.item)} to ${formatShortDateTime(e.to!)}.`,
              '',
            ),
        ),
        action(
          "Move it back to the rule set's time",
          'move-back',
          true,
          () =>
            void record(
              () => moveBackNow(o, { item: item.value, by: by.value }, hooks.now()),
              (e) => `Moved ${title(e.item)} back to the rule set's time.`,
              "That deadline was not moved; it stays at the rule set's time.",
            ),
        ),
      ),
    );
  }

  return {
    current: () => open,
    open: openFolder,
    show(p) {
      plan = p;
      if (!open || !plan?.progress) {
        fill(about);
        fill(status);
        fill(recordForm);
        return;
      }
      showAbout(open);
      showStatus(plan, statusOf(plan, { since: startOfDay(open.zone, Date.parse(plan.progress.now)) }));
      showRecordForm(open, plan);
    },
  };
}
