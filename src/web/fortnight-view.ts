/// <reference lib="dom" />
import { formatLongDate } from '../core/dates/calendar-date.js';
import { type ProgressEvent, sortEvents } from '../core/progress/events.js';
import { type TrackedPlan, forAgencies } from '../core/progress/progress.js';
import { startOfDay, statusOf } from '../core/progress/status.js';
import { JtaiError } from '../errors.js';
import { tellDue } from '../render/words.js';
import type { BuiltIn } from './data.js';
import { el, fill } from './dom.js';
import { type OpenedFolder, canRecord, pickFolder, readPickedFiles } from './folder.js';
import { type OpenInspection, issueCalendar, openInspection, problemLines, trackedAt } from './fortnight.js';
import { type Kept, recordForms } from './record-form.js';
import { statusNode } from './status-view.js';

// The fortnight in the page, as elements: open the inspection folder, see what it is and the
// status by agency, record a delivery (or take it back), move a deadline with the lead
// inspector, and send the day's status. Built with textContent only (dom.ts).

export interface FortnightHooks {
  builtIns: readonly BuiltIn[];
  /** The moment now (the clock; a test's clock). */
  now(): number;
  /** An inspection opened, recorded in, or closed: the page shows its plan again. */
  changed(open: OpenInspection | undefined): void;
  /** Problems opening the folder, for the page's error summary (none: clear it). */
  problems(lines: string[]): void;
  /** Saves a file (the page's own downloads). */
  download(name: string, type: string, text: string): void;
}

export interface Fortnight {
  /** The inspection open, if any. */
  current(): OpenInspection | undefined;
  /** Reads the folder again, where the browser can (what others recorded meanwhile); the page then draws it. */
  refresh(): Promise<void>;
  /** With the folder open to record in: downloads the plan's calendar as an issue of it, recorded, and says what changed since the last; false if it cannot record. */
  issue(plan: TrackedPlan, name: string, version: string): boolean;
  /** Shows the status and the forms for the plan on screen (the inspection's, maybe for one agency). */
  show(plan: TrackedPlan | undefined): void;
}

function aboutNode(o: OpenInspection, plan: TrackedPlan): HTMLElement {
  const row = (key: string, ...value: Array<Node | string>) =>
    el(
      'div',
      { class: 'govuk-summary-list__row' },
      el('dt', { class: 'govuk-summary-list__key' }, key),
      el('dd', { class: 'govuk-summary-list__value' }, ...value),
    );
  const moved = plan.items.filter((i) => i.moved && !i.moved.with);
  return el(
    'dl',
    { class: 'govuk-summary-list' },
    row('Area', o.record.area ?? 'Not named in the inspection file'),
    row('Notified', formatLongDate(o.record.notified)),
    row('Rule set', `${o.ruleSet.name} (${o.ruleSet.id})`),
    row('Folder', o.folder.name),
    row(
      'Changes recorded',
      `${sortEvents(o.folded.events).length} (deliveries, things taken back, deadlines moved, calendars issued)`,
    ),
    row(
      'Deadlines moved',
      moved.length === 0
        ? 'None'
        : el(
            'ul',
            { class: 'govuk-list' },
            ...moved.map((i) =>
              el('li', {}, `${i.title}: ${tellDue(i)}, was ${tellDue(i.moved!.from)} (${i.moved!.why})`),
            ),
          ),
    ),
    row(
      'Recording',
      o.folder.record
        ? 'On: what you record here is saved in this folder.'
        : 'Off: this folder was opened read only. To record, open it with "Open the inspection folder" in Edge or Chrome.',
    ),
  );
}

// What went wrong reading the folder, in words; anything else is a bug, thrown on.
function problemOf(e: unknown): string[] {
  if (e instanceof JtaiError) return problemLines(e);
  if (e instanceof DOMException) return [`The folder could not be read (${e.message}).`];
  throw e;
}

/** Mounts the fortnight's part of the page in its section. */
export function mountFortnight(root: HTMLElement, hooks: FortnightHooks): Fortnight {
  let open: OpenInspection | undefined;
  const kept: Kept = { item: '', part: '', by: '', moveItem: '', typed: {} };
  // What the last action did, said where the forms are (and focused: a keyboard user carries on from it).
  const said = el('p', { class: 'govuk-body', role: 'status', id: 'record-said', tabindex: -1 });
  // What is wrong with what was typed, said beside the forms (the page's error summary is far above).
  const wrong = el('div', {
    class: 'govuk-error-summary',
    id: 'record-error',
    role: 'alert',
    tabindex: -1,
    hidden: true,
  });
  const about = el('div', { id: 'inspection-about' });
  const status = el('div', { id: 'agency-status' });
  const forms = el('div', { id: 'record-forms' });

  const pick = el('button', { type: 'button', class: 'govuk-button', id: 'open-folder' }, 'Open the inspection folder');
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
    else {
      hooks.problems(['The folder chosen is empty: choose the folder that holds the inspection file.']);
      hooks.changed(open);
    }
    picked.value = ''; // choosing the same folder again reads it again
  });

  const tell = (text: string) => {
    said.textContent = text;
    if (text) said.focus();
  };
  const showWrong = (lines: string[]) => {
    fill(
      wrong,
      ...(lines.length > 0
        ? [
            el('h3', { class: 'govuk-error-summary__title' }, 'There is a problem'),
            el('ul', { class: 'govuk-list govuk-error-summary__list' }, ...lines.map((l) => el('li', {}, l))),
          ]
        : []),
    );
    wrong.hidden = lines.length === 0;
    if (lines.length > 0) wrong.focus();
  };

  async function opening(reading: Promise<OpenedFolder | undefined>): Promise<void> {
    try {
      const folder = await reading;
      if (folder) await openFolder(folder, `Opened ${folder.name}.`, undefined, false);
    } catch (e) {
      close(problemOf(e)); // another folder was chosen: the one open before is closed, as for a file that cannot be read
    }
  }

  // The inspection as the folder holds it now (what others recorded since it was read), or,
  // when it cannot be read again, closed with why.
  async function reread(): Promise<OpenInspection | undefined> {
    const was = open;
    if (!was?.folder.reread) return undefined;
    try {
      open = await openInspection(await was.folder.reread(), hooks.builtIns);
      return open;
    } catch (e) {
      close(problemOf(e));
      return undefined;
    }
  }

  // Closes what was open, and says why (with, after a record, that the record itself is saved).
  function close(lines: string[], saved?: string): void {
    open = undefined;
    said.textContent = '';
    hooks.problems(saved ? [`${saved} It is saved, but the folder cannot be read again now:`, ...lines] : lines);
    hooks.changed(undefined);
  }

  async function openFolder(
    reading: OpenedFolder | (() => Promise<OpenedFolder>),
    saying: string,
    saved?: string,
    focus = true,
  ) {
    try {
      const folder = typeof reading === 'function' ? await reading() : reading;
      open = await openInspection(folder, hooks.builtIns);
    } catch (e) {
      return close(problemOf(e), saved);
    }
    hooks.problems([]);
    hooks.changed(open);
    // Opened: the keyboard stays on the button pressed; after a record, on what was done.
    if (focus) tell(saying);
    else said.textContent = saying;
  }

  async function record(
    make: (now: OpenInspection) => ProgressEvent | undefined,
    done: (e: ProgressEvent) => string,
    none: string,
  ) {
    if (!open?.folder.record) return;
    said.textContent = '';
    // As the folder holds it now: what colleagues recorded since it was read counts (already done, a later move).
    const now = await reread();
    if (!now) return;
    let event: ProgressEvent | undefined;
    try {
      event = make(now);
      if (event) await now.folder.record!(event);
    } catch (e) {
      showWrong(
        e instanceof DOMException
          ? [`The record could not be written (${e.message}); nothing was recorded.`]
          : problemOf(e),
      );
      hooks.changed(open); // what others recorded shows, with the problem
      return;
    }
    showWrong([]);
    if (!event) {
      hooks.changed(open);
      return tell(none);
    }
    kept.typed = {}; // recorded: the next record starts afresh (the item, part and name stay)
    // Read back what is in the folder now: what this page wrote, and what others did meanwhile.
    await openFolder(now.folder.reread!, done(event), done(event));
  }

  async function copy(html: string, text: string): Promise<void> {
    try {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob([text], { type: 'text/plain' }),
        }),
      ]);
      tell('The status is copied: paste it into your email.');
    } catch {
      tell('This browser did not let the page copy; download the status instead, and paste it from there.');
    }
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
    el(
      'div',
      { class: 'govuk-form-group', id: 'folder-group' },
      el(
        'label',
        { class: 'govuk-label', for: 'folder-files' },
        canRecord() ? 'Or choose the folder to look at it (read only)' : 'Choose the folder to look at it (read only)',
      ),
      el(
        'div',
        { class: 'govuk-hint', id: 'folder-files-hint' },
        'Your browser may ask you to confirm that the page can read the folder. Nothing leaves your computer.',
      ),
      el('p', { class: 'govuk-error-message', id: 'folder-error', hidden: true }),
      picked,
    ),
    about,
    status,
    wrong,
    said,
    forms,
  );

  return {
    current: () => open,
    async refresh() {
      await reread();
    },
    issue(plan, name, version) {
      if (!open?.folder.record) return false;
      let summary = '';
      // Issued from the folder as it is now: what was issued since (from the CLI, another page) counts.
      void record(
        (now) => {
          const whole = trackedAt(now, hooks.now()).plan;
          const ids = plan.filter?.agencies.map((a) => a.id);
          const made = issueCalendar(now, ids ? forAgencies(whole, ids) : whole, name, version, hooks.now());
          hooks.download(name, 'text/calendar', made.text);
          summary = made.summary;
          return made.event;
        },
        () => summary,
        '',
      );
      return true;
    },
    show(plan) {
      if (!open || !plan?.progress) {
        fill(about);
        fill(status);
        fill(forms);
        return;
      }
      const o = open;
      fill(about, aboutNode(o, plan));
      const view = statusOf(plan, { since: startOfDay(o.zone, Date.parse(plan.progress.now)) });
      fill(status, statusNode(plan, view, { copy: (h, t) => void copy(h, t), download: hooks.download }));
      fill(forms, ...(o.folder.record ? recordForms(o, plan, kept, hooks.now, (m, d, n) => void record(m, d, n)) : []));
    },
  };
}
