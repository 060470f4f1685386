import { type TrackedPlan, forAgencies, untracked, withProgress } from '../core/progress/progress.js';
/// <reference lib="dom" />
import { filterByAgency, findParties, partySuggestion, submittingParties } from '../core/plan/agencies.js';
import { makeHolidayCalendar } from '../core/dates/bank-holidays.js';
import { type IsoDate, formatLongDate } from '../core/dates/calendar-date.js';
import { localDateTime, readDate } from '../core/dates/date-input.js';
import { explainItem } from '../core/plan/explain.js';
import { EUROPE_LONDON } from '../core/dates/london-zone.js';
import { whatIsNext } from '../core/progress/next.js';
import type { RuleSet } from '../core/rule-set/rule-set.js';
import { computePlan } from '../core/plan/plan.js';
import { tellWarnings } from '../core/plan/warnings.js';
import { zoneRulesFor } from '../core/dates/zones.js';
import { JtaiError } from '../errors.js';
import { cssString } from '../render/html.js';
import { readPageData } from './data.js';
import { type DateParts, isWholeDate, partsOf, readDateParts } from './date-field.js';
import { el, fill } from './dom.js';
import { download } from './downloads.js';
import { tellShown, tellTabTitle } from './page-words.js';
import { openRuleSet } from './rule-sets.js';
import { aboutNode, focusNode, headNode, nextNode, notesNode, timetableNode } from './view.js';

// The page: the whole of jtai in the browser, offline. The choices live in the address
// (?notified=2019-03-19&agency=police&rules=jtai-2018), so a coordinator can send partners a
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
  errors: $<HTMLDivElement>('errors'),
  errorList: $<HTMLUListElement>('error-list'),
  announce: $<HTMLParagraphElement>('announce'),
  plan: $<HTMLDivElement>('plan'),
  head: $<HTMLDivElement>('plan-head'),
  body: $<HTMLDivElement>('plan-body'),
  downloads: $<HTMLElement>('downloads'),
  fileNote: $<HTMLDivElement>('file-note'),
  skip: document.querySelector<HTMLAnchorElement>('.govuk-skip-link')!,
};

/** One thing to fix, said in the error summary and on its field (by the field's id). */
interface Problem {
  message: string;
  field: 'notified' | 'rules' | 'rules-file' | 'agency';
}

interface State {
  notified: IsoDate | null;
  rules: string;
  agency: string;
  /** An agency the address names for a rule-set file not opened yet. */
  pendingAgency?: string;
  opened?: { name: string; ruleSet: RuleSet };
  address: Problem[];
  date: Problem | null;
  file: Problem[];
}

/** What is on screen: the plan the page shows (with progress), and the plan the downloads are made from (as "jtai plan" makes it). */
interface Shown {
  plan: TrackedPlan;
  forDownload: TrackedPlan;
}

const FIELD_OF: Record<Problem['field'], { group: string; error: string; focus: string }> = {
  notified: { group: 'notified-group', error: 'notified-error', focus: 'notified-day' },
  rules: { group: 'rules-group', error: 'rules-error', focus: 'rules' },
  'rules-file': { group: 'file-row', error: 'rules-file-error', focus: 'rules-file' },
  agency: { group: 'agency-group', error: 'agency-error', focus: 'agency' },
};

const today = () => localDateTime(EUROPE_LONDON, Date.now()).slice(0, 10);
const defaultRules = data.builtIns[0]!.id;
let shown: Shown | undefined;

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

/** The address's choices, and what in it cannot be read: every parameter at most once, each value known. */
function readAddress(): State {
  const params = new URLSearchParams(location.search);
  const state: State = { notified: null, rules: defaultRules, agency: '', address: [], date: null, file: [] };
  const once = (name: string, field: Problem['field'], what: string): string | undefined => {
    const all = params.getAll(name);
    if (all.length > 1)
      state.address.push({
        field,
        message: `The link gives more than one ${what} (${all.join(', ')}): it can give one`,
      });
    return all.length === 1 ? all[0] : undefined;
  };
  const notified = once('notified', 'notified', 'notification date');
  if (notified !== undefined) {
    try {
      state.notified = readDate('notified', notified, today()).date;
    } catch (e) {
      if (!(e instanceof JtaiError)) throw e;
      const why = e.message.replace(/^notified "[^"]*": /, '').replace(/;.*$|\.$/, '');
      state.address.push({
        field: 'notified',
        message: `Notification date in the link must be a real date: "${notified}" is not (${why})`,
      });
    }
  }
  const rules = once('rules', 'rules', 'rule set');
  if (rules === 'file') state.rules = 'file';
  else if (rules !== undefined) {
    if (data.builtIns.some((b) => b.id === rules)) state.rules = rules;
    else
      state.address.push({
        field: 'rules',
        message: `The link names a rule set this page does not have ("${rules}"): choose one of ${data.builtIns.map((b) => b.name).join(', ')}`,
      });
  }
  const agency = once('agency', 'agency', 'agency');
  if (agency !== undefined) {
    const ruleSet = ruleSetOf(state);
    if (state.rules === 'file') state.pendingAgency = agency;
    else if (ruleSet) {
      const found = findParties(ruleSet.parties, agency);
      if (found.length > 0) state.agency = found[0]!.id;
      else
        state.address.push({
          field: 'agency',
          message: `The link names an agency that ${ruleSet.name} does not have ("${agency}").${partySuggestion(ruleSet.parties, agency)} Choose an agency`,
        });
    }
  }
  return state;
}

function writeAddress(state: State): void {
  const params = new URLSearchParams();
  if (state.notified) params.set('notified', state.notified);
  if (state.rules !== defaultRules) params.set('rules', state.rules);
  if (state.agency) params.set('agency', state.agency);
  const query = params.toString();
  history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}`);
}

function showProblems(problems: Problem[], focus: boolean): void {
  fill(
    form.errorList,
    ...problems.map((p) =>
      el('li', {}, el('a', { href: `#${FIELD_OF[p.field].focus}`, 'data-field': p.field }, p.message)),
    ),
  );
  form.errors.hidden = problems.length === 0;
  for (const [field, ids] of Object.entries(FIELD_OF)) {
    const mine = problems.filter((p) => p.field === field);
    $(ids.group).classList.toggle('govuk-form-group--error', mine.length > 0);
    const error = $(ids.error);
    fill(
      error,
      ...(mine.length > 0
        ? [el('span', { class: 'govuk-visually-hidden' }, 'Error: '), mine.map((p) => p.message).join('. ')]
        : []),
    );
    error.hidden = mine.length === 0;
  }
  const dateParts = problems.some((p) => p.field === 'notified');
  for (const input of [form.day, form.month, form.year]) input.classList.toggle('govuk-input--error', dateParts);
  form.agency.classList.toggle(
    'govuk-select--error',
    problems.some((p) => p.field === 'agency'),
  );
  form.rules.classList.toggle(
    'govuk-select--error',
    problems.some((p) => p.field === 'rules'),
  );
  form.file.classList.toggle(
    'govuk-file-upload--error',
    problems.some((p) => p.field === 'rules-file'),
  );
  const fieldset = form.day.closest('fieldset')!;
  fieldset.setAttribute('aria-describedby', dateParts ? 'notified-hint notified-error' : 'notified-hint');
  if (focus && problems.length > 0) form.errors.focus();
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

async function showPlan(state: State, ruleSet: RuleSet, notified: IsoDate): Promise<Problem | null> {
  try {
    const calendar = makeHolidayCalendar(ruleSet.closures);
    const zone = await zoneRulesFor(ruleSet.timezone);
    const full = computePlan(ruleSet, notified, calendar, zone);
    const tracked = withProgress(full, undefined, Date.now(), zone);
    const plan = state.agency ? forAgencies(tracked, [state.agency]) : tracked;
    const forDownload = state.agency ? filterByAgency(untracked(full), [state.agency]) : untracked(full);
    const explain = (id: string) => explainItem(ruleSet, full, id, calendar);
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
      field: 'notified',
      message: `${e.message.charAt(0).toUpperCase()}${e.message.slice(1).replace(/\.$/, '')}`,
    };
  }
}

/** Shows what the state asks for: its problems and no plan, or the plan, or (nothing asked yet) neither. */
async function render(state: State, focusErrors: boolean): Promise<void> {
  const ruleSet = ruleSetOf(state);
  const problems = [
    ...state.address,
    ...(state.date ? [state.date] : []),
    ...(state.rules === 'file' ? state.file : []),
  ];
  let planProblem: Problem | null = null;
  if (problems.length === 0 && ruleSet && state.notified) planProblem = await showPlan(state, ruleSet, state.notified);
  if (problems.length > 0 || planProblem || !ruleSet || !state.notified) hidePlan();
  const all = planProblem ? [...problems, planProblem] : problems;
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
  const opened = openRuleSet(text, chosen.name, data.builtIns);
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

function start(): void {
  form.choices.hidden = false; // without JavaScript the form would be empty: the <noscript> message says why instead
  const state = readAddress();
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
  const changed = async (focusErrors: boolean) => {
    state.address = [];
    await render(state, focusErrors);
    writeAddress(state);
  };
  for (const input of [form.day, form.month, form.year])
    input.addEventListener('input', () => {
      readTyped(state);
      void changed(false);
    });
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
  form.errorList.addEventListener('click', (event) => {
    const link = (event.target as HTMLElement).closest('a');
    if (!link?.dataset.field) return;
    event.preventDefault(); // the address stays as it is: no #fragment
    const target = $(FIELD_OF[link.dataset.field as Problem['field']].focus);
    target.closest('.govuk-form-group')?.scrollIntoView();
    target.focus();
  });
  form.downloads.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest('button');
    if (!button) return;
    if (button.dataset.format && shown) download(button.dataset.format, shown.forDownload, data.version);
    else if (button.id === 'print') window.print();
  });
  void render(state, state.address.length > 0);
}

document.head.append(el('style', { id: 'print-title' }));
start();
// For people who script against the page: every plan is also there as data.
(window as unknown as { jtai: unknown }).jtai = {
  plan: () => shown?.plan,
  submittingParties: () => (shown ? submittingParties(shown.plan).map((p) => p.id) : []),
};
