import type { TrackedPlan } from '../core/progress/progress.js';
import { formatShortDate } from '../core/dates/calendar-date.js';
import { type FocusListView, inspectionLine } from '../core/plan/focus.js';
import type { PlanItem } from '../core/plan/plan.js';
import { tellWarnings } from '../core/plan/warnings.js';
import {
  agenciesOf,
  contactLines,
  progressWords,
  kindWord,
  noteOf,
  partyWords,
  planNotes,
  tellWho,
} from './item-text.js';
import {
  WORDS,
  groupFocus,
  tellAnchored,
  tellDayOff,
  tellNamed,
  tellNames,
  tellNothingToDo,
  tellPlanTitle,
  tellRuleSetSource,
  tellTime,
  tellTimes,
} from './words.js';

// The plan as one printable HTML document: inline CSS, no script, nothing fetched, readable in
// any browser and as an email attachment. A compact timetable first (one row per item), then
// what the inspection looks at, notes, warnings, days off, contacts and each item in full.
// Every text from the rule set goes through html() or cssString(): it is data, never markup.

export interface RenderHtmlOptions {
  /** jtai's version, for the generator line. */
  version: string;
}

/** Text as HTML text or attribute value: html('<b> & "x"') is "&lt;b&gt; &amp; &quot;x&quot;". */
export function html(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Text as a CSS string inside a <style> element, by an allow-list: letters, digits, spaces and
 * a little punctuation as they are, every other character as a CSS escape ("\\HEX "), so no
 * text can end the string, the rule or the element: cssString('a"}') is the CSS string "a\\22 \\7D ".
 */
export function cssString(text: string): string {
  let out = '';
  for (const char of text)
    out += /^[A-Za-z0-9 ,.:()!?+_-]$/.test(char) ? char : `\\${char.codePointAt(0)!.toString(16).toUpperCase()} `;
  return `"${out}"`;
}

// The page fetches nothing and runs nothing: no text in it can reach the network.
export const PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const STYLE = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #505a5f; --rule: #b1b4b6; --due: #6a3d00; --insp: #00386b; }
* { box-sizing: border-box; }
body { font: 11pt/1.4 system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: var(--ink); margin: 1.5rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.45rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 1.4rem 0 .4rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1rem; margin: 1rem 0 .2rem; }
p { margin: .3rem 0; }
.meta, .about { color: var(--muted); }
.note { border-left: 4px solid var(--due); padding: .2rem .6rem; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0; font-size: .9rem; }
caption { text-align: left; font-weight: 600; padding-bottom: .2rem; }
th, td { border: 1px solid var(--rule); padding: .2rem .35rem; vertical-align: top; text-align: left; }
th { background: #f3f2f1; }
td.day, td.time { white-space: nowrap; }
td.date { white-space: nowrap; }
.kind { font-weight: 700; }
.kind-submission { color: var(--due); }
.kind-inspector-action { color: var(--insp); }
.done { font-weight: 600; }
.id { color: var(--muted); font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85em; }
blockquote { margin: .3rem 0; padding-left: .6rem; border-left: 3px solid var(--rule); color: var(--muted); }
ul { margin: .2rem 0 .2rem 1.2rem; padding: 0; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; }
  h1 { font-size: 13pt; }
  h2 { font-size: 11pt; break-after: avoid; }
  table { font-size: 8.5pt; }
  thead { display: table-header-group; }
  tr, .item, blockquote, li { break-inside: avoid; }
  .timetable-part { break-after: page; }
}
`;

function row(item: PlanItem, plan: TrackedPlan): string {
  const done = progressWords(item, plan);
  const due = item.due ? ` data-due="${html(item.due)}"` : '';
  const cells = [
    `<td class="day">${item.day === null ? '' : item.day}</td>`,
    `<td class="date">${html(formatShortDate(item.date))}</td>`,
    `<td class="time">${html(tellTime(item))}</td>`,
    `<td><span class="kind kind-${item.kind}">${kindWord(item)}:</span> ${html(item.title)}${done ? ` <span class="done">${html(done)}</span>` : ''}</td>`,
    `<td>${html(agenciesOf(item, plan))}</td>`,
    `<td>${html(item.recipient ? partyWords(item.recipient, plan) : '')}</td>`,
  ];
  return `<tr data-id="${html(item.id)}" data-date="${html(item.date)}"${due}>${cells.join('')}</tr>`;
}

function list(items: string[]): string {
  return items.length === 0 ? '' : `<ul>${items.map((t) => `<li>${html(t)}</li>`).join('')}</ul>`;
}

function section(title: string, body: string): string {
  return body ? `<section><h2>${html(title)}</h2>${body}</section>` : '';
}

function focusList(l: FocusListView): string {
  const points = l.points.map(
    (p) =>
      `<li>${html(p.text)}${p.parties.length > 0 ? ` <em>(${html(tellNames(p.parties))})</em>` : ''}${p.note ? ` <strong>Note:</strong> ${html(p.note)}` : ''}</li>`,
  );
  return [
    `<h3>${html(l.heading)}</h3>`,
    l.parties.length > 0 ? `<p class="meta">${tellNamed(l.parties, html)}</p>` : '',
    l.intro ? `<p>${html(l.intro)}</p>` : '',
    `<ul>${points.join('')}</ul>`,
    l.note ? `<p><strong>Note:</strong> ${html(l.note)}</p>` : '',
    `<p class="meta">Source: ${html(l.source.title)}.</p>`,
  ].join('');
}

function focusSections(plan: TrackedPlan): string {
  return groupFocus(plan)
    .map((g) => section(g.heading, g.lists.map(focusList).join('')))
    .join('');
}

function detail(item: PlanItem, plan: TrackedPlan): string {
  const note = noteOf(item);
  const done = progressWords(item, plan);
  return [
    `<div class="item" id="item-${html(item.id)}"><h3>${html(item.title)}</h3>`,
    `<p><em>${html(tellAnchored(item))}.</em> ${kindWord(item)}: ${html(tellWho(item, plan))}. <span class="id">${html(item.id)}</span></p>`,
    done ? `<p class="done">${html(done)}</p>` : '',
    list(item.details),
    note ? `<p><strong>Note:</strong> ${html(note)}</p>` : '',
    `<blockquote>${html(item.source)}</blockquote></div>`,
  ].join('');
}

// The first printed page: the title, what the times mean, whether the plan may not fit, the table.
function timetablePart(plan: TrackedPlan, title: string): string[] {
  const fit = plan.warnings.filter((w) => w.kind === 'guidance');
  const about = inspectionLine(plan);
  return [
    '<div class="timetable-part">',
    `<h1>${html(title)}</h1>`,
    `<p class="meta">${html(tellTimes(plan.timezone))} ${tellRuleSetSource(plan, (id) => `<span class="id">${html(id)}</span>`, html)}</p>`,
    about ? `<p class="about">${html(about)}</p>` : '',
    ...fit.map((w) => `<p class="note"><strong>May not fit:</strong> ${html(w.message)}</p>`),
    '<table class="timetable"><caption>Timetable</caption>',
    '<thead><tr><th scope="col">Day</th><th scope="col">Date</th><th scope="col">Time</th><th scope="col">What</th><th scope="col">Who</th><th scope="col">To whom</th></tr></thead>',
    `<tbody>${plan.items.map((item) => row(item, plan)).join('')}</tbody></table>`,
    plan.items.length === 0 ? `<p>${tellNothingToDo(plan, html)}</p>` : '',
    '</div>',
  ];
}

/** The plan as one self-contained, printable HTML document. */
export function renderHtml(plan: TrackedPlan, options: RenderHtmlOptions): string {
  const title = tellPlanTitle(plan);
  const pageCss = `@page { size: A4; margin: 16mm 12mm 16mm; @top-left { content: ${cssString(title)}; font: 8pt sans-serif; color: #505a5f; } @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt sans-serif; color: #505a5f; } }`;
  const body = [
    ...timetablePart(plan, title),
    focusSections(plan),
    section('Warnings', list(tellWarnings(plan.warnings.filter((w) => w.kind !== 'guidance')))),
    section('Notes', list(planNotes(plan))),
    section(WORDS.daysOffInDocuments, list(plan.daysOff.map(tellDayOff))),
    section('Contacts', list(contactLines(plan))),
    section('Details', plan.items.map((item) => detail(item, plan)).join('')),
  ].join('\n');
  return [
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${PAGE_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="jtai ${html(options.version)}">`,
    `<title>${html(title)}</title>`,
    `<style>${STYLE}${pageCss}</style>`,
    '</head>',
    '<body>',
    `<main>\n${body}\n</main>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
