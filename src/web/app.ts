import { type TrackedPlan, untracked } from '../core/progress/progress.js';
/// <reference lib="dom" />
import { filterByAgency, findParties, submittingParties } from '../core/plan/agencies.js';
import { makeHolidayCalendar } from '../core/dates/bank-holidays.js';
import { formatLongDate } from '../core/dates/calendar-date.js';
import { localDateTime, readDate } from '../core/dates/date-input.js';
import { explainItem } from '../core/plan/explain.js';
import { EUROPE_LONDON } from '../core/dates/london-zone.js';
import { whatIsNext } from '../core/progress/next.js';
import type { RuleSet } from '../core/rule-set/rule-set.js';
import { computePlan } from '../core/plan/plan.js';
import { zoneRulesFor } from '../core/dates/zones.js';
import { JtaiError } from '../errors.js';
import { renderCsv } from '../render/csv.js';
import { renderHtml } from '../render/html.js';
import { renderIcs } from '../render/ics.js';
import { renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { readPageData } from './data.js';
import { el, fill } from './dom.js';
import { openRuleSet } from './rule-sets.js';
import { agendaNode, focusNode, headNode, nextNode } from './view.js';
import { mountFortnight } from './fortnight-view.js';
import { trackedAt } from './fortnight.js';
import { forAgencies } from '../core/progress/progress.js';

// The page: the whole of jtai in the browser, offline. The choices live in the address
// (?notified=2019-03-19&agency=police&rules=jtai-2018), so a coordinator can send partners a
// link that opens on their plan. Nothing is fetched and nothing is sent anywhere.

const data = readPageData();
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = {
  notified: $<HTMLInputElement>('notified'),
  rules: $<HTMLSelectElement>('rules'),
  fileRow: $<HTMLDivElement>('file-row'),
  file: $<HTMLInputElement>('rules-file'),
  agency: $<HTMLSelectElement>('agency'),
  errors: $<HTMLDivElement>('errors'),
  plan: $<HTMLDivElement>('plan'),
  downloads: $<HTMLElement>('downloads'),
};

interface State {
  notified: string;
  rules: string;
  agency: string;
  opened?: { name: string; ruleSet: RuleSet };
}

const today = () => localDateTime(EUROPE_LONDON, Date.now()).slice(0, 10);
let current: TrackedPlan | undefined;

function ruleSetOf(state: State): RuleSet {
  if (state.rules === 'file' && state.opened) return state.opened.ruleSet;
  return (data.builtIns.find((b) => b.id === state.rules) ?? data.builtIns[0]!).ruleSet;
}

// What the inspection folder's reading or recording found wrong: kept until the next attempt, whatever is drawn meanwhile.
let folderProblems: string[] = [];

function showErrors(shown: string[]): void {
  const lines = [...shown, ...folderProblems];
  fill(
    form.errors,
    ...(lines.length > 0
      ? [el('h2', {}, 'Something needs fixing'), el('ul', {}, ...lines.map((l) => el('li', {}, l)))]
      : []),
  );
  form.errors.hidden = lines.length === 0;
}

function fillAgencies(ruleSet: RuleSet, chosen: string): void {
  const all = Object.values(ruleSet.parties);
  const options = [
    el('option', { value: '' }, 'All agencies'),
    ...all.map((p) => el('option', { value: p.id, selected: p.id === chosen }, p.name)),
  ];
  fill(form.agency, ...options);
  form.agency.value = all.some((p) => p.id === chosen) ? chosen : '';
}

function writeAddress(state: State): void {
  const params = new URLSearchParams();
  params.set('notified', state.notified);
  if (state.rules !== 'file' && state.rules !== data.builtIns[0]!.id) params.set('rules', state.rules);
  if (state.agency) params.set('agency', state.agency);
  history.replaceState(null, '', `${location.pathname}?${params}`);
}

function readState(): { state: State; problems: string[] } {
  const params = new URLSearchParams(location.search);
  const problems: string[] = [];
  let notified = today();
  const asked = params.get('notified');
  if (asked) {
    try {
      notified = readDate('notified', asked, today()).date;
    } catch (e) {
      problems.push(`In the address: ${(e as Error).message}`);
    }
  }
  const rules = params.get('rules') ?? data.builtIns[0]!.id;
  if (!data.builtIns.some((b) => b.id === rules))
    problems.push(`In the address: there is no built-in rule set "${rules}"; showing ${data.builtIns[0]!.id}.`);
  const state: State = {
    notified,
    rules: data.builtIns.some((b) => b.id === rules) ? rules : data.builtIns[0]!.id,
    agency: '',
  };
  const agency = params.get('agency');
  if (agency) {
    const found = findParties(ruleSetOf(state).parties, agency);
    if (found.length > 0) state.agency = found[0]!.id;
    else problems.push(`In the address: "${agency}" is not an agency of ${state.rules}; showing every agency.`);
  }
  return { state, problems };
}

const fortnight = mountFortnight($('inspection'), {
  builtIns: data.builtIns,
  now: () => Date.now(),
  changed: () => void render(shown),
  download: (name, type, text) => {
    const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
    const a = el('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
  problems: (lines) => {
    folderProblems = lines;
    showErrors([]);
  },
});
let shown: State;

async function render(state: State, problems: string[] = []): Promise<void> {
  shown = state;
  const open = fortnight.current();
  if (open) {
    let tracked;
    try {
      tracked = trackedAt(open, Date.now()).plan;
    } catch (e) {
      if (!(e instanceof JtaiError)) throw e;
      folderProblems = [e.message];
      showErrors([]);
      return;
    }
    const plan = state.agency && open.ruleSet.parties[state.agency] ? forAgencies(tracked, [state.agency]) : tracked;
    current = plan;
    fillAgencies(open.ruleSet, state.agency);
    form.notified.value = open.record.notified;
    const explain = (id: string) => explainItem(open.ruleSet, tracked, id, makeHolidayCalendar(open.ruleSet.closures));
    fill(
      form.plan,
      headNode(plan),
      nextNode(whatIsNext(plan, Date.now(), open.zone), plan),
      agendaNode(plan, explain),
      focusNode(plan),
    );
    form.downloads.hidden = false;
    fortnight.show(plan);
    return;
  }
  fortnight.show(undefined);
  const ruleSet = ruleSetOf(state);
  fillAgencies(ruleSet, state.agency);
  form.notified.value = state.notified;
  writeAddress(state);
  try {
    const calendar = makeHolidayCalendar(ruleSet.closures);
    const zone = await zoneRulesFor(ruleSet.timezone);
    const full = untracked(computePlan(ruleSet, state.notified, calendar, zone));
    const plan = state.agency ? filterByAgency(full, [state.agency]) : full;
    current = plan;
    const explain = (id: string) => explainItem(ruleSet, full, id, calendar);
    fill(
      form.plan,
      headNode(plan),
      nextNode(whatIsNext(plan, Date.now(), zone), plan),
      agendaNode(plan, explain),
      focusNode(plan),
    );
    form.downloads.hidden = false;
    showErrors(problems);
    if (performance.getEntriesByName('jtai-first-plan').length === 0) performance.mark('jtai-first-plan'); // for tests: the first plan on screen
  } catch (e) {
    if (!(e instanceof JtaiError)) throw e;
    current = undefined;
    fill(form.plan);
    form.downloads.hidden = true;
    showErrors([...problems, `${e.message.charAt(0).toUpperCase()}${e.message.slice(1)}`]);
  }
}

const FILES: Record<string, { ext: string; type: string; make: (s: TrackedPlan) => string }> = {
  ics: {
    ext: 'ics',
    type: 'text/calendar',
    make: (s) => renderIcs(s, { stamp: new Date(), remindMinutes: 60, version: data.version }),
  },
  csv: { ext: 'csv', type: 'text/csv', make: (s) => renderCsv(s, { bom: true }) },
  md: { ext: 'md', type: 'text/markdown', make: (s) => renderMarkdown(s) },
  json: { ext: 'json', type: 'application/json', make: (s) => renderJson(s) },
  html: { ext: 'html', type: 'text/html', make: (s) => renderHtml(s, { version: data.version }) },
};

/** Downloads a plan in a format, made by the same renderer as "jtai plan --out". */
function download(format: string): void {
  const file = FILES[format];
  if (!current || !file) return;
  const agency = current.filter ? `-${current.filter.agencies.map((a) => a.id).join('-')}` : '';
  const url = URL.createObjectURL(new Blob([file.make(current)], { type: `${file.type};charset=utf-8` }));
  const a = el('a', { href: url, download: `jtai-${current.notified}${agency}.${file.ext}` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function openFile(state: State): Promise<void> {
  const chosen = form.file.files?.[0];
  if (!chosen) return;
  const opened = openRuleSet(await chosen.text(), chosen.name, data.builtIns);
  if (!opened.ruleSet) {
    current = undefined;
    fill(form.plan);
    form.downloads.hidden = true;
    showErrors(opened.problems);
    return;
  }
  state.opened = { name: chosen.name, ruleSet: opened.ruleSet };
  await render(state);
}

function start(): void {
  const { state, problems } = readState();
  $('choices').addEventListener('submit', (event) => event.preventDefault()); // Enter must not reload the page
  fill(
    form.rules,
    ...data.builtIns.map((b) => el('option', { value: b.id }, `${b.name} (${b.id})`)),
    el('option', { value: 'file' }, 'A rule-set file of my own…'),
  );
  form.rules.value = state.rules;
  form.notified.addEventListener('change', () => {
    if (!form.notified.value) return;
    state.notified = form.notified.value;
    void render(state);
  });
  form.rules.addEventListener('change', () => {
    state.rules = form.rules.value;
    form.fileRow.hidden = state.rules !== 'file';
    if (state.rules === 'file') {
      if (state.opened) void render(state);
      else form.file.focus();
    } else void render(state);
  });
  form.file.addEventListener('change', () => void openFile(state));
  form.agency.addEventListener('change', () => {
    state.agency = form.agency.value;
    void render(state);
  });
  form.downloads.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest('button');
    if (!button) return;
    if (button.dataset.format) download(button.dataset.format);
    else if (button.id === 'print') window.print();
  });
  $('today-note').textContent = `Today in London is ${formatLongDate(today())}.`;
  void render(state, problems);
}

start();
// For people who script against the page: every plan is also there as data.
(window as unknown as { jtai: unknown }).jtai = {
  plan: () => current,
  submittingParties: () => (current ? submittingParties(current).map((p) => p.id) : []),
};
