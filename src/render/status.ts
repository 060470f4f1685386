import { type TrackedPlan, contactsOf } from '../core/progress/progress.js';
import { formatShortDateTime, minutesBetween } from '../core/dates/calendar-date.js';
import { contactWords } from '../core/progress/inspection-words.js';
import type { AgencyStatus, Delivery, StatusView } from '../core/progress/status.js';
import type { Party } from '../core/rule-set/rule-set.js';
import { partyJson } from './json.js';
import { movedWords } from './item-text.js';
import { html } from './html.js';
import { markdownText as md } from './markdown-text.js';
import { PLAIN_STYLE, type Style } from './style.js';
import { type Escape, tellDateTime, tellLate, tellNow, tellPlanTitle, tellTimeLeft } from './words.js';
import { wrapText } from './wrap.js';

// jtai status as text, Markdown and HTML (the daily update a coordinator sends to partners,
// readable as plain text where Markdown is not rendered, and pasted with its table intact into
// an email) and JSON. Every agency is judged by its own part; groups appear as their members.

export interface RenderStatusOptions {
  style?: Style;
  width?: number;
}

const same: Escape = (t) => t;

function heading(plan: TrackedPlan, view: StatusView): [string, string] {
  return [`Status at ${tellNow(view.now, plan.timezone)}`, tellPlanTitle(plan, 'status')];
}

function left(minutes: number | null): string {
  const inWords = tellTimeLeft(minutes);
  return inWords && ` (${inWords})`;
}

function nextWords(a: AgencyStatus): string {
  return a.next
    ? `${tellDateTime(a.next.item)}${left(a.next.minutesLeft)}: ${a.next.item.title}`
    : a.overdue.length > 0
      ? 'nothing more to come'
      : 'nothing to come';
}

/** "done 2 of 6 (1 late)". */
function doneWords(a: AgencyStatus): string {
  return `done ${a.done.length} of ${a.total}${a.late.length > 0 ? ` (${a.late.length} late)` : ''}`;
}

function contactOf(plan: TrackedPlan, partyId: string): string {
  return contactsOf(plan, partyId).map(contactWords).join('; ');
}

/** A party with its first contact's name: "Police (DI Jane Smith)". */
function named(plan: TrackedPlan, party: Party): string {
  const contact = contactsOf(plan, party.id)[0];
  return contact ? `${party.name} (${contact.name})` : party.name;
}

const clock = (instant: string) => formatShortDateTime(instant);

// "still owed by Health, Schools; done: Police (Wed 20 Mar 2019 14:00)", or "owed by Local authority".
function owedWords(plan: TrackedPlan, entry: StatusView['owing'][number]): string {
  const owing = entry.progress.owing.map((p) => named(plan, p)).join(', ');
  const done = entry.progress.agencies.filter((a) => a.status === 'done');
  if (done.length === 0) return `owed by ${owing}`;
  const doneWords = done
    .map(
      (a) => `${a.party.name} (${clock(a.doneAt!)}${a.lateByMinutes !== null ? `, ${tellLate(a.lateByMinutes)}` : ''})`,
    )
    .join(', ');
  return `still owed by ${owing}; done: ${doneWords}`;
}

function stateWord(entry: StatusView['owing'][number]): string {
  const s = entry.progress.status;
  return s === 'overdue' ? 'Overdue' : s === 'due-today' ? 'Due today' : 'To come';
}

// "Wed 20 Mar 2019 14:00: 10 cases of positive intervention ..., from Police, by DI Jane Smith, late by 20 min".
function deliveryWords(d: Delivery, escape: Escape = same): string {
  const from = d.party ? `, from ${escape(d.party.name)}` : ', the whole item';
  const by = d.by ? `, by ${escape(d.by)}` : '';
  const late = d.lateByMinutes !== null ? `, ${tellLate(d.lateByMinutes)}` : '';
  return `${clock(d.at)}: ${escape(d.item.title)}${from}${by}${late}`;
}

function sinceWords(view: StatusView): string {
  return `Delivered since ${clock(view.since!)}`;
}

/** Who owes what, for the terminal. */
export function renderStatusText(plan: TrackedPlan, view: StatusView, options: RenderStatusOptions = {}): string {
  const s = options.style ?? PLAIN_STYLE;
  const width = options.width ?? 80;
  const lines = heading(plan, view).map((l, i) => (i === 0 ? s.heading(l) : s.dim(l)));
  lines.push('', s.day('Not yet delivered'));
  if (view.owing.length === 0) lines.push('  nothing: every submission is done.');
  for (const entry of view.owing) {
    const tag =
      entry.progress.status === 'overdue'
        ? s.warning('OVERDUE  ')
        : entry.progress.status === 'due-today'
          ? s.submission('TODAY    ')
          : 'to come  ';
    const due = `${tellDateTime(entry.item)}${entry.item.due ? left(minutesBetween(view.now, entry.item.due)) : ''}`;
    lines.push(
      ...wrapText(`${due}: ${entry.item.title}`, width - 11).map((l, i) => `  ${i === 0 ? tag : '         '}${l}`),
    );
    const moved = movedWords(entry.item);
    if (moved) lines.push(...wrapText(moved, width - 11).map((l) => `           ${s.warning(l)}`));
    lines.push(
      ...wrapText(`${owedWords(plan, entry)} · ${entry.item.id}`, width - 11).map((l) => `           ${s.dim(l)}`),
    );
  }
  if (view.since !== null) {
    lines.push('', s.day(sinceWords(view)));
    if (view.delivered.length === 0) lines.push('  nothing recorded.');
    for (const d of view.delivered)
      lines.push(...wrapText(deliveryWords(d), width - 4).map((l, i) => `${i === 0 ? '  ✓ ' : '    '}${l}`));
  }
  lines.push('', s.day('By agency'));
  if (view.agencies.length === 0) lines.push('  no agency owes anything in this plan.');
  for (const a of view.agencies) {
    const contact = contactOf(plan, a.party.id);
    lines.push(`  ${s.heading(a.party.name)}${contact ? s.dim(` · ${contact}`) : ''}`);
    const overdue = a.overdue.map((o) => o.item.id).join(', ');
    lines.push(
      ...wrapText(
        `${doneWords(a)}; ${a.overdue.length === 0 ? 'nothing overdue' : `${a.overdue.length} overdue: ${overdue}`}`,
        width - 4,
      ).map((l, i) => `${i === 0 ? '    ' : '      '}${a.overdue.length > 0 ? s.warning(l) : l}`),
    );
    lines.push(...wrapText(`next: ${nextWords(a)}`, width - 4).map((l, i) => `${i === 0 ? '    ' : '      '}${l}`));
  }
  return `${lines.join('\n')}\n`;
}

/** Who owes what, as Markdown for the daily update to partners: lists, so that it reads as plain text too. */
export function renderStatusMarkdown(plan: TrackedPlan, view: StatusView): string {
  const [title, sub] = heading(plan, view);
  const lines = [`# ${md(title)}`, '', md(sub), '', '## Not yet delivered', ''];
  if (view.owing.length === 0) lines.push('Nothing: every submission is done.');
  for (const e of view.owing)
    lines.push(
      `- **${stateWord(e)}**, ${md(tellDateTime(e.item))}: ${md(e.item.title)}. ${md(capital(owedWords(plan, e)))}.${movedWords(e.item) ? ` ${md(movedWords(e.item)!)}.` : ''}`,
    );
  if (view.since !== null) {
    lines.push('', `## ${md(sinceWords(view))}`, '');
    if (view.delivered.length === 0) lines.push('Nothing recorded.');
    for (const d of view.delivered) lines.push(`- ${deliveryWords(d, md)}`);
  }
  lines.push('', '## By agency', '');
  for (const a of view.agencies) {
    const contact = contactOf(plan, a.party.id);
    const overdue =
      a.overdue.length === 0 ? 'nothing overdue' : `overdue: ${a.overdue.map((o) => o.item.title).join('; ')}`;
    lines.push(
      `- **${md(a.party.name)}**${contact ? ` (${md(contact)})` : ''}: ${doneWords(a)}; ${md(overdue)}; next: ${md(nextWords(a))}.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Inline styles only: an email or a Teams message keeps them, and drops <style> and classes.
const CELL = 'style="border:1px solid #b1b4b6;padding:4px 8px;text-align:left;vertical-align:top"';
const OVERDUE = 'style="color:#d4351c;font-weight:bold"';

function tableHtml(head: string[], rows: string[][]): string {
  const tr = (cells: string[], tag: 'th' | 'td') =>
    `<tr>${cells.map((c) => `<${tag} ${CELL}>${c}</${tag}>`).join('')}</tr>`;
  return [
    '<table style="border-collapse:collapse;font-family:Arial,sans-serif;font-size:11pt">',
    `<thead>${tr(head, 'th')}</thead>`,
    `<tbody>${rows.map((r) => tr(r, 'td')).join('\n')}</tbody>`,
    '</table>',
  ].join('\n');
}

/** Who owes what, as an HTML fragment in a page: inline styles, no script, so its tables survive a paste into an email. */
export function renderStatusHtml(plan: TrackedPlan, view: StatusView): string {
  const [title, sub] = heading(plan, view);
  const owing = view.owing.map((e) => [
    e.progress.status === 'overdue' ? `<span ${OVERDUE}>Overdue</span>` : stateWord(e),
    `${html(tellDateTime(e.item))}${movedWords(e.item) ? `<br>${html(movedWords(e.item)!)}` : ''}`,
    html(e.item.title),
    html(capital(owedWords(plan, e))),
  ]);
  const agencies = view.agencies.map((a) => [
    `<strong>${html(a.party.name)}</strong>${contactOf(plan, a.party.id) ? `<br>${html(contactOf(plan, a.party.id))}` : ''}`,
    html(doneWords(a)),
    a.overdue.length === 0 ? 'none' : `<span ${OVERDUE}>${html(a.overdue.map((o) => o.item.title).join('; '))}</span>`,
    html(nextWords(a)),
  ]);
  const body = [
    `<h1 style="font-family:Arial,sans-serif;font-size:16pt">${html(title)}</h1>`,
    `<p style="font-family:Arial,sans-serif">${html(sub)}</p>`,
    '<h2 style="font-family:Arial,sans-serif;font-size:13pt">Not yet delivered</h2>',
    owing.length === 0
      ? '<p style="font-family:Arial,sans-serif">Nothing: every submission is done.</p>'
      : tableHtml(['State', 'Due', 'What', 'Who'], owing),
    ...(view.since === null
      ? []
      : [
          `<h2 style="font-family:Arial,sans-serif;font-size:13pt">${html(sinceWords(view))}</h2>`,
          view.delivered.length === 0
            ? '<p style="font-family:Arial,sans-serif">Nothing recorded.</p>'
            : `<ul style="font-family:Arial,sans-serif">${view.delivered.map((d) => `<li>${deliveryWords(d, html)}</li>`).join('')}</ul>`,
        ]),
    '<h2 style="font-family:Arial,sans-serif;font-size:13pt">By agency</h2>',
    tableHtml(['Agency', 'Done', 'Overdue', 'Next deadline'], agencies),
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${html(title)}</title>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function partJson(p: {
  party: Party;
  status: string;
  doneAt: string | null;
  doneBy: string | null;
  lateByMinutes: number | null;
}) {
  return {
    ...partyJson(p.party),
    status: p.status,
    doneAt: p.doneAt,
    doneBy: p.doneBy,
    late: p.lateByMinutes !== null,
    lateByMinutes: p.lateByMinutes,
  };
}

/** Who owes what, as JSON (documented in docs/json.md). */
export function renderStatusJson(plan: TrackedPlan, view: StatusView): string {
  const json = {
    now: view.now,
    timezone: plan.timezone,
    area: plan.area,
    notified: plan.notified,
    ruleSet: plan.ruleSet.id,
    filter: plan.filter && { agencies: plan.filter.agencies.map(partyJson) },
    agencies: view.agencies.map((a) => ({
      ...partyJson(a.party),
      contacts: contactsOf(plan, a.party.id),
      total: a.total,
      done: a.done.map((m) => m.item.id),
      late: a.late.map((m) => m.item.id),
      overdue: a.overdue.map((m) => m.item.id),
      next: a.next && {
        id: a.next.item.id,
        title: a.next.item.title,
        due: a.next.item.due,
        date: a.next.item.date,
        minutesLeft: a.next.minutesLeft,
        moved: a.next.item.moved,
      },
      parts: a.parts.map(({ item, part }) => {
        const { status, doneAt, doneBy, late, lateByMinutes } = partJson(part);
        return { id: item.id, status, doneAt, doneBy, late, lateByMinutes };
      }),
    })),
    owing: view.owing.map(({ item, progress }) => ({
      id: item.id,
      title: item.title,
      date: item.date,
      due: item.due,
      status: progress.status,
      moved: item.moved,
      owing: progress.owing.map(partyJson),
      agencies: progress.agencies.map(partJson),
      parts: progress.parts.map(({ event: _event, ...part }) => part),
    })),
    since: view.since,
    delivered: view.delivered.map((d) => ({
      id: d.item.id,
      title: d.item.title,
      agency: d.party && partyJson(d.party),
      at: d.at,
      by: d.by,
      note: d.note,
      late: d.lateByMinutes !== null,
      lateByMinutes: d.lateByMinutes,
    })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
