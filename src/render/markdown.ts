import { filterWords } from '../core/agencies.js';
import { formatLongDate, formatShortDate } from '../core/calendar-date.js';
import { type FocusListView, focusLists, inspectionLine } from '../core/focus.js';
import { tellWarnings } from '../core/warnings.js';
import type { Schedule, ScheduleItem } from '../core/schedule.js';
import { agenciesOf, contactLines, doneWords, kindWord, noteOf, partyWords, planNotes } from './item-text.js';
import { markdownText as md } from './markdown-text.js';
import { ganttLines } from './mermaid.js';

export interface RenderMarkdownOptions {
  /** Add a Mermaid gantt chart of the inspection. */
  mermaid?: boolean;
}

// Every text from the rule set or the plan goes through md(): it is data, never markup.

function tableRow(item: ScheduleItem, schedule: Schedule): string {
  const done = doneWords(item, schedule);
  const cells = [
    item.day === null ? '' : String(item.day),
    formatShortDate(item.date),
    item.time ?? 'all day',
    `**${kindWord(item)}:** ${md(item.title)}${done ? ` *${md(done)}*` : ''}`,
    md(agenciesOf(item, schedule)),
    md(item.recipient ? partyWords(item.recipient, schedule) : ''),
  ];
  return `| ${cells.join(' | ')} |`;
}

function detailSection(item: ScheduleItem, schedule: Schedule): string[] {
  const when = `${item.anchor}, ${formatShortDate(item.date)}${item.time ? ` ${item.time}` : ''}`;
  const who = `${agenciesOf(item, schedule)}${item.recipient ? ` → ${partyWords(item.recipient, schedule)}` : ''}`;
  const lines = ['', `### ${md(item.title)}`, '', `*${md(when)}.* ${kindWord(item)}: ${md(who)}. \`${item.id}\``];
  if (item.details.length > 0) lines.push('', ...item.details.map((d) => `- ${md(d)}`));
  const note = noteOf(item);
  if (note) lines.push('', `**Note:** ${md(note)}`);
  lines.push('', `> ${md(item.source)}`);
  return lines;
}

function focusList(list: FocusListView): string[] {
  const names = (parties: FocusListView['parties']) => parties.map((p) => p.name).join(', ');
  const lines = ['', `### ${md(list.heading)}`, ''];
  if (list.parties.length > 0) lines.push(`*Names: ${md(names(list.parties))}.*`, '');
  if (list.intro) lines.push(md(list.intro), '');
  for (const p of list.points) lines.push(`- ${md(p.text)}${p.parties.length > 0 ? ` (*${md(names(p.parties))}*)` : ''}${p.note ? ` **Note:** ${md(p.note)}` : ''}`);
  if (list.note) lines.push('', `**Note:** ${md(list.note)}`);
  lines.push('', `*Source: ${md(list.source.title)}.*`);
  return lines;
}

/** "What Schools should be ready to show" (the lists naming the plan's agencies), then "What the inspection looks at". */
function focusSections(schedule: Schedule): string[] {
  const lists = focusLists(schedule);
  if (lists.length === 0) return [];
  const forWhom = filterWords(schedule);
  const theirs = lists.filter((l) => l.forFilter);
  const rest = lists.filter((l) => !l.forFilter);
  return [
    ...(theirs.length > 0 ? ['', `## What ${md(forWhom ?? '')} should be ready to show`, ...theirs.flatMap(focusList)] : []),
    ...(rest.length > 0 ? ['', '## What the inspection looks at', ...rest.flatMap(focusList)] : []),
  ];
}

function bulletSection(title: string, bullets: string[]): string[] {
  return bullets.length === 0 ? [] : ['', `## ${title}`, '', ...bullets.map((b) => `- ${md(b)}`)];
}

/** The plan as Markdown for an email, a Teams post or a wiki: a table, then the details. */
export function renderMarkdown(schedule: Schedule, options: RenderMarkdownOptions = {}): string {
  const { ruleSet } = schedule;
  const forWhom = filterWords(schedule);
  const area = schedule.area ? `, ${md(schedule.area)}` : '';
  const lines = [
    `# ${md(ruleSet.name)}${area}: notified ${formatLongDate(schedule.notified)}${forWhom ? `, for ${md(forWhom)}` : ''}`,
    '',
    `Rule set \`${ruleSet.id}\`, from *${md(ruleSet.source.title)}*. Times are ${schedule.timezone} local times; day numbers count working days from the notification day (day 0).`,
    '',
    ...(inspectionLine(schedule) ? [md(inspectionLine(schedule)!), ''] : []),
    '| Day | Date | Time | What | Who | To whom |',
    '| --- | --- | --- | --- | --- | --- |',
    ...schedule.items.map((item) => tableRow(item, schedule)),
    ...(options.mermaid ? ['', '```mermaid', ...ganttLines(schedule), '```'] : []),
    ...focusSections(schedule),
    ...bulletSection('Warnings', tellWarnings(schedule.warnings)),
    ...bulletSection('Contacts', contactLines(schedule)),
    ...bulletSection('Notes', planNotes(schedule)),
    ...bulletSection(
      'Bank holidays and closures skipped',
      schedule.daysOff.map((d) => `${formatLongDate(d.date)}: ${d.reason}`),
    ),
    '',
    '## Details',
    ...schedule.items.flatMap((item) => detailSection(item, schedule)),
  ];
  return `${lines.join('\n')}\n`;
}
