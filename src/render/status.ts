import { type TrackedPlan, contactsOf } from '../core/progress/progress.js';
import { minutesBetween } from '../core/dates/calendar-date.js';
import { contactWords } from '../core/progress/inspection-words.js';
import type { AgencyStatus, StatusView } from '../core/progress/status.js';
import { partyJson } from './json.js';
import { markdownText as md } from './markdown-text.js';
import { PLAIN_STYLE, type Style } from './style.js';
import { tellDateTime, tellNow, tellPlanTitle, tellTimeLeft } from './words.js';
import { wrapText } from './wrap.js';

// jtai status as text, Markdown (the daily update a coordinator pastes to partners) and JSON.

export interface RenderStatusOptions {
  style?: Style;
  width?: number;
}

function heading(plan: TrackedPlan, view: StatusView): string[] {
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

function contactOf(plan: TrackedPlan, partyId: string): string {
  return contactsOf(plan, partyId).map(contactWords).join('; ');
}

// "Local authority (Sam Smith); Partner agencies (Police done)": who still owes an item, with
// the parts of a group already done.
function owedBy(plan: TrackedPlan, entry: StatusView['owing'][number]): string {
  const parties = plan.ruleSet.parties;
  const doneIds = new Set(entry.progress.parts.flatMap((r) => (r.agency ? [r.agency] : [])));
  const names = entry.progress.owing.map((p) => {
    const contact = contactsOf(plan, p.id)[0];
    const doneMembers = p.members.filter((m) => doneIds.has(m)).map((m) => parties[m]?.name ?? m);
    const extra = [contact?.name, doneMembers.length > 0 ? `${doneMembers.join(', ')} done` : undefined]
      .filter(Boolean)
      .join('; ');
    return extra ? `${p.name} (${extra})` : p.name;
  });
  return names.join('; ');
}

/** Who owes what, for the terminal. */
export function renderStatusText(plan: TrackedPlan, view: StatusView, options: RenderStatusOptions = {}): string {
  const s = options.style ?? PLAIN_STYLE;
  const width = options.width ?? 80;
  const lines = heading(plan, view).map((l, i) => (i === 0 ? s.heading(l) : s.dim(l)));
  lines.push('', s.day('By agency'));
  for (const a of view.agencies) {
    const contact = contactOf(plan, a.party.id);
    lines.push(`  ${s.heading(a.party.name)}${contact ? s.dim(` · ${contact}`) : ''}`);
    lines.push(
      `    done ${a.done.length} of ${a.total}; ${a.overdue.length === 0 ? 'nothing overdue' : s.warning(`${a.overdue.length} overdue: ${a.overdue.map((i) => i.id).join(', ')}`)}`,
    );
    lines.push(...wrapText(`next: ${nextWords(a)}`, width - 4).map((l, i) => `${i === 0 ? '    ' : '      '}${l}`));
  }
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
    lines.push(
      ...wrapText(`owed by ${owedBy(plan, entry)} · ${entry.item.id}`, width - 11).map((l) => `           ${s.dim(l)}`),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Who owes what, as Markdown for the daily update to partners. */
export function renderStatusMarkdown(plan: TrackedPlan, view: StatusView): string {
  const [title, sub] = heading(plan, view);
  const cell = (t: string) => md(t);
  const lines = [
    `# ${md(title!)}`,
    '',
    `*${md(sub!)}*`,
    '',
    '| Agency | Contact | Done | Overdue | Next deadline |',
    '| --- | --- | --- | --- | --- |',
    ...view.agencies.map(
      (a) =>
        `| ${cell(a.party.name)} | ${cell(contactOf(plan, a.party.id))} | ${a.done.length} of ${a.total} | ${a.overdue.length === 0 ? 'none' : cell(a.overdue.map((i) => i.title).join('; '))} | ${cell(nextWords(a))} |`,
    ),
    '',
    '## Not yet delivered',
    '',
    ...(view.owing.length === 0
      ? ['Nothing: every submission is done.']
      : view.owing.map(
          (e) =>
            `- **${e.progress.status === 'overdue' ? 'Overdue' : e.progress.status === 'due-today' ? 'Due today' : 'To come'}**, ${md(tellDateTime(e.item))}: ${md(e.item.title)}. Owed by ${md(owedBy(plan, e))}.`,
        )),
  ];
  return `${lines.join('\n')}\n`;
}

/** Who owes what, as JSON. */
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
      done: a.done.map((i) => i.id),
      overdue: a.overdue.map((i) => i.id),
      next: a.next && {
        id: a.next.item.id,
        title: a.next.item.title,
        due: a.next.item.due,
        date: a.next.item.date,
        minutesLeft: a.next.minutesLeft,
      },
    })),
    owing: view.owing.map(({ item, progress }) => ({
      id: item.id,
      title: item.title,
      date: item.date,
      due: item.due,
      status: progress.status,
      owing: progress.owing.map(partyJson),
      parts: progress.parts.map(({ event: _event, ...part }) => part),
    })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
