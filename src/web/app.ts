import { type TrackedPlan, forAgencies, untracked, withProgress } from '../core/progress/progress.js';
/// <reference lib="dom" />
import { filterByAgency, findParties, submittingParties } from '../core/plan/agencies.js';
import { makeHolidayCalendar } from '../core/dates/bank-holidays.js';
import { type IsoDate, formatLongDate } from '../core/dates/calendar-date.js';
import { localDateTime } from '../core/dates/date-input.js';
import { explainItem } from '../core/plan/explain.js';
import { EUROPE_LONDON } from '../core/dates/london-zone.js';
import { whatIsNext } from '../core/progress/next.js';
import type { RuleSet } from '../core/rule-set/rule-set.js';
import { computePlan } from '../core/plan/plan.js';
import { tellWarnings } from '../core/plan/warnings.js';
import { zoneRulesFor } from '../core/dates/zones.js';
import { JtaiError } from '../errors.js';
import { cssString } from '../render/html.js';
import { type Choices, queryOf, readAddress } from './address.js';
import { readPageData } from './data.js';
import { type DateParts, isWholeDate, partsOf, readDateParts } from './date-field.js';
import { el, fill } from './dom.js';
import { download, fileName, saveText } from './downloads.js';
import { tellShown, tellTabTitle } from './page-words.js';
import { type Problem, followProblemLink, showProblems } from './problems.js';
import { openRuleSet } from './rule-sets.js';
import { timetableNode } from './timetable.js';
import { aboutNode, focusNode, headNode, nextNode, notesNode } from './view.js';
import { type Fortnight, mountFortnight } from './fortnight-view.js';
import { type OpenInspection, trackedAt } from './fortnight.js';

// The page: the whole of jtai in the browser, offline. The choices live in the address
// (address.ts: ?notified=2019-03-19&agency=police&rules=jtai-2018), so a coordinator can send partners a
// link that opens on their plan. A plan is shown only once it is asked for: a whole date typed,
// or a good address. An address the page cannot read is said, shows no plan, and is left as it
// was, so the link can be checked. Nothing is fetched and nothing is sent anywhere.

const data = readPageData();
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = {
  choices: $<HTMLFormElement>('choices'),
  day: $<HTMLInputElement>('notified-day'),
  month: $<HTMLInputElement>('notified-month'),
  year: $<HTMLInputElement>('notified-year'),
  rules: $<HTMLSelectElement>('rules'),
  fileRow: $<HTMLDivElement>('file-row'),
  file: $<HTMLInputElement>('rules-file'),
  agency: $<HTMLSelectElement>('agency'),
  errorList: $<HTMLUListElement>('error-list'),
  announce: $<HTMLParagraphElement>('announce'),
  plan: $<HTMLDivElement>('plan'),
  head: $<HTMLDivElement>('plan-head'),
  body: $<HTMLDivElement>('plan-body'),
  downloads: $<HTMLElement>('downloads'),
  fileNote: $<HTMLDivElement>('file-note'),
  skip: document.querySelector<HTMLAnchorElement>('.govuk-skip-link')!,
};

interface State extends Choices {
  opened?: { name: string; ruleSet: RuleSet };
  address: Problem[];
  date: Problem | null;
  file: Problem[];
  /** What opening the inspection folder, or recording in it, found wrong. */
  folder: Problem[];
}

/** What is on screen: the plan the page shows (with progress), and the plan the downloads are made from (as "jtai plan" makes it). */
interface Shown {
  plan: TrackedPlan;
  forDownload: TrackedPlan;
}

const today = () => localDateTime(EUROPE_LONDON, Date.now()).slice(0, 10);
const defaultRules = data.builtIns[0]!.id;
let shown: Shown | undefined;
let fortnight: Fortnight;

function ruleSetOf(state: State): RuleSet | undefined {
  if (state.rules === 'file') return state.opened?.ruleSet;
  return data.builtIns.find((b) => b.id === state.rules)?.ruleSet;
}

function fillAgencies(ruleSet: RuleSet | undefined, chosen: string): void {
  const all = ruleSet ? Object.values(ruleSet.parties) : [];
  fill(
    form.agency,
    el('option', { value: '' }, 'All agencies'),
    ...all.map((p) => el('option', { value: p.id, selected: p.id === chosen }, p.name)),
  );
  form.agency.value = all.some((p) => p.id === chosen) ? chosen : '';
}

function hidePlan(): void {
  const had = shown !== undefined;
  shown = undefined;
  form.plan.hidden = true;
  fill(form.head);
  fill(form.body);
  form.skip.href = '#main-content';
  form.skip.textContent = 'Skip to main content';
  if (had) form.announce.textContent = 'Timetable removed.';
}

async function showPlan(
  state: State,
  ruleSet: RuleSet,
  notified: IsoDate,
  open?: OpenInspection,
): Promise<Problem | null> {
  try {
    const calendar = makeHolidayCalendar(ruleSet.closures);
    const zone = await zoneRulesFor(ruleSet.timezone);
    // With the inspection folder open: its plan, with its moves, contacts and progress, as "jtai plan" there.
    const full = open ? undefined : computePlan(ruleSet, notified, calendar, zone);
    const tracked = full ? withProgress(full, undefined, Date.now(), zone) : trackedAt(open!, Date.now()).plan;
    const plan = state.agency ? forAgencies(tracked, [state.agency]) : tracked;
    // Downloads as "jtai plan" makes them: with no inspection file, a plan told at no moment.
    const forDownload = !full ? plan : state.agency ? filterByAgency(untracked(full), [state.agency]) : untracked(full);
    const explain = (id: string) => explainItem(ruleSet, tracked, id, calendar);
    fill(form.head, headNode(plan));
    fill(
      form.body,
      timetableNode(plan, explain),
      aboutNode(plan),
      notesNode(plan, (p) => tellWarnings(p.warnings.filter((w) => w.kind !== 'guidance'))),
      nextNode(whatIsNext(plan, Date.now(), zone), plan),
      focusNode(plan),
    );
    shown = { plan, forDownload };
    fortnight.show(open ? plan : undefined);
    form.plan.hidden = false;
    form.fileNote.hidden = state.rules !== 'file';
    form.fileNote.textContent =
      state.rules === 'file' && state.opened
        ? `This timetable comes from your own rule-set file, ${state.opened.name}. A link to this page does not carry the file: whoever opens the link needs the file too, and must choose it here.`
        : '';
    form.skip.href = '#timetable';
    form.skip.textContent = 'Skip to the timetable';
    form.announce.textContent = tellShown(plan);
    $('print-title').textContent =
      `@page { @top-left { content: ${cssString(tellTabTitle(plan, false))}; font: 8pt sans-serif; color: #505a5f; } }`;
    return null;
  } catch (e) {
    if (!(e instanceof JtaiError)) throw e;
    return {
      field: open ? 'folder' : 'notified',
      message: `${e.message.charAt(0).toUpperCase()}${e.message.slice(1).replace(/\.$/, '')}`,
    };
  }
}

/** Shows what the state asks for: its problems and no plan, or the plan, or (nothing asked yet) neither. */
async function render(state: State, focusErrors: boolean, typing = false): Promise<void> {
  const open = fortnight.current();
  const ruleSet = open?.ruleSet ?? ruleSetOf(state);
  const notified = open?.record.notified ?? state.notified;
  // An inspection folder open gives the date and the rule set: what the form said of them is set aside.
  const problems = [
    ...(open ? [] : state.address),
    ...(state.date && !open ? [state.date] : []),
    ...(state.rules === 'file' && !open ? state.file : []),
    ...state.folder,
  ];
  let planProblem: Problem | null = null;
  if (problems.length === 0 && ruleSet && notified) planProblem = await showPlan(state, ruleSet, notified, open);
  if (problems.length > 0 || planProblem || !ruleSet || !notified) {
    hidePlan();
    fortnight.show(undefined);
  }
  const all = typing
    ? problems.filter((p) => p.field !== 'notified') // the date's own, said when the box is left
    : planProblem
      ? [...problems, planProblem]
      : problems;
  showProblems(all, focusErrors);
  document.title = tellTabTitle(shown?.plan, all.length > 0);
  document.body.dataset.state = all.length > 0 ? 'error' : shown ? 'plan' : 'empty'; // for scripts: what the page shows
  if (shown && performance.getEntriesByName('jtai-first-plan').length === 0) performance.mark('jtai-first-plan'); // for tests and the bench
}

const partsNow = (): DateParts => ({ day: form.day.value, month: form.month.value, year: form.year.value });

// While typing: a plan once the boxes make a whole real date, none while they do not; an error only once a whole date is wrong.
function readTyped(state: State): void {
  const parts = partsNow();
  const reading = readDateParts(parts);
  state.notified = reading.kind === 'date' ? reading.date : null;
  if (reading.kind !== 'error') state.date = null;
  else if (isWholeDate(parts)) state.date = { field: 'notified', message: reading.message };
}

// Submitted: the date must be there and whole.
function readSubmitted(state: State): void {
  const reading = readDateParts(partsNow());
  state.notified = reading.kind === 'date' ? reading.date : null;
  state.date =
    reading.kind === 'date'
      ? null
      : { field: 'notified', message: reading.kind === 'empty' ? 'Enter the notification date' : reading.message };
}

async function openFile(state: State): Promise<void> {
  const chosen = form.file.files?.[0];
  if (!chosen) return;
  const text = await chosen.text();
  form.file.value = ''; // so that choosing the same file again, once fixed, reads it again
  const opened = await openRuleSet(text, chosen.name, data.builtIns);
  state.opened = opened.ruleSet ? { name: chosen.name, ruleSet: opened.ruleSet } : undefined;
  state.file = opened.problems.map((message) => ({ field: 'rules-file' as const, message }));
  state.address = state.address.filter((p) => p.field !== 'rules-file');
  if (state.opened && state.pendingAgency) {
    const found = findParties(state.opened.ruleSet.parties, state.pendingAgency);
    state.agency = found[0]?.id ?? '';
    state.pendingAgency = undefined;
  }
  fillAgencies(ruleSetOf(state), state.agency);
}

// The form follows the inspection folder open: its date and rule set, fixed while it is open.
function followInspection(state: State, open: OpenInspection | undefined): void {
  for (const input of [form.day, form.month, form.year, form.rules]) input.disabled = open !== undefined;
  $('notified-from-folder').hidden = open === undefined;
  if (!open) return;
  state.notified = open.record.notified;
  state.date = null;
  const builtIn = data.builtIns.some((b) => b.id === open.record.rules);
  state.rules = builtIn ? open.record.rules : 'file';
  if (!builtIn) state.opened = { name: open.record.rules, ruleSet: open.ruleSet };
  const parts = partsOf(open.record.notified);
  [form.day.value, form.month.value, form.year.value] = [parts.day, parts.month, parts.year];
  form.rules.value = state.rules;
  form.fileRow.hidden = true;
  fillAgencies(open.ruleSet, state.agency);
}

function writeAddress(state: State): void {
  history.replaceState(null, '', `${location.pathname}${queryOf(state, defaultRules)}`);
}

function start(): void {
  form.choices.hidden = false; // without JavaScript the form would be empty: the <noscript> message says why instead
  const { choices, problems } = readAddress(location.search, data.builtIns, today());
  const state: State = { ...choices, address: problems, date: null, file: [], folder: [] };
  fill(
    form.rules,
    ...data.builtIns.map((b) => el('option', { value: b.id }, b.name)),
    el('option', { value: 'file' }, 'A rule-set file of my own…'),
  );
  form.rules.value = state.rules;
  form.fileRow.hidden = state.rules !== 'file';
  fillAgencies(ruleSetOf(state), state.agency);
  // The date as the address gives it, even one that is wrong ("2019-02-30"), to be put right in place.
  const typed = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(new URLSearchParams(location.search).get('notified') ?? '');
  const parts = state.notified
    ? partsOf(state.notified)
    : typed && { day: typed[3]!, month: typed[2]!, year: typed[1]! };
  if (parts) [form.day.value, form.month.value, form.year.value] = [parts.day, parts.month, parts.year];
  if (state.rules === 'file' && state.address.length === 0 && state.notified)
    state.address.push({
      field: 'rules-file',
      message: 'This link was made with a rule-set file of its own: choose that file to see the timetable',
    });
  $('today-note').textContent = `Today in London is ${formatLongDate(today())}.`;

  // Every change the user makes: the address's problems are theirs to replace, and the address follows.
  const changed = async (focusErrors: boolean, typing = false) => {
    state.address = [];
    await render(state, focusErrors, typing);
    writeAddress(state);
  };
  // While a date is typed, a plan comes as soon as it is a good one, but what is wrong with it
  // is said only when the form is sent or the date left for another field: typing 26 over 19
  // passes through the 2nd, a Saturday, which must not flash up (and be announced) as an
  // error. Not when the date is left for the Show button, or for nowhere (a click on a button
  // that takes no focus): the summary appearing then would move the button from under the click.
  const stillOnTheDate: readonly EventTarget[] = [form.day, form.month, form.year, $('show')];
  for (const input of [form.day, form.month, form.year]) {
    input.addEventListener('input', () => {
      readTyped(state);
      void changed(false, true);
    });
    input.addEventListener('focusout', (event) => {
      const next = event.relatedTarget;
      if (next === null || stillOnTheDate.includes(next)) return;
      readTyped(state);
      void changed(false);
    });
  }
  form.choices.addEventListener('submit', (event) => {
    event.preventDefault(); // Enter must not reload the page
    readSubmitted(state);
    void changed(true).then(() => {
      if (shown) $('timetable').focus();
    });
  });
  form.rules.addEventListener('change', () => {
    state.rules = form.rules.value;
    form.fileRow.hidden = state.rules !== 'file';
    fillAgencies(ruleSetOf(state), state.agency);
    void changed(state.file.length > 0 && state.rules === 'file');
    if (state.rules === 'file' && !state.opened) form.file.focus();
  });
  form.file.addEventListener('change', () => void openFile(state).then(() => changed(state.file.length > 0)));
  form.agency.addEventListener('change', () => {
    state.agency = form.agency.value;
    void changed(false);
  });
  form.errorList.addEventListener('click', followProblemLink);
  fortnight = mountFortnight($('inspection'), {
    builtIns: data.builtIns,
    now: () => Date.now(),
    problems: (lines) => void (state.folder = lines.map((message) => ({ field: 'folder' as const, message }))),
    changed: (open) => {
      followInspection(state, open);
      void changed(state.folder.length > 0);
    },
    download: saveText,
  });
  form.downloads.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest('button');
    if (!button) return;
    // With the inspection folder open to record in, the calendar is an issue of it, as "jtai plan --out" makes one.
    if (
      button.dataset.format === 'ics' &&
      shown &&
      fortnight.issue(shown.forDownload, fileName(shown.forDownload, 'ics'), data.version)
    )
      return;
    if (button.dataset.format && shown) download(button.dataset.format, shown.forDownload, data.version);
    else if (button.id === 'print') window.print();
  });
  void render(state, state.address.length > 0);
  // The page stays open all day: what is due, overdue and next is told again each minute, and
  // when the page is looked at again, with the folder read again (what others recorded meanwhile).
  const refresh = async () => {
    if (!shown || document.hidden) return;
    const focused = document.activeElement?.id;
    $('today-note').textContent = `Today in London is ${formatLongDate(today())}.`;
    await fortnight.refresh();
    await render(state, false);
    if (focused && document.activeElement?.id !== focused)
      document.getElementById(focused)?.focus({ preventScroll: true });
  };
  setInterval(() => void refresh(), 60_000);
  document.addEventListener('visibilitychange', () => void refresh());
}

document.head.append(el('style', { id: 'print-title' }));
start();
// For people who script against the page: every plan is also there as data.
(window as unknown as { jtai: unknown }).jtai = {
  plan: () => shown?.plan,
  submittingParties: () => (shown ? submittingParties(shown.plan).map((p) => p.id) : []),
};
