import { formatLongDate, formatShortDate } from '../core/calendar-date.js';
import type { Schedule, ScheduleItem } from '../core/schedule.js';
import { agenciesOf, kindWord, noteOf, planNotes } from './item-text.js';

export interface RenderMarkdownOptions {
  /** Add a Mermaid gantt chart of the inspection. */
  mermaid?: boolean;
}

/** Makes text safe inside a table cell: no pipes or line breaks. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function tableRow(item: ScheduleItem): string {
  const cells = [
    item.day === null ? '' : String(item.day),
    formatShortDate(item.date),
    item.time ?? 'all day',
    `**${kindWord(item)}:** ${item.title}`,
    agenciesOf(item),
    item.recipient?.name ?? '',
  ];
  return `| ${cells.map(cell).join(' | ')} |`;
}

function detailSection(item: ScheduleItem): string[] {
  const when = `${item.anchor}, ${formatShortDate(item.date)}${item.time ? ` ${item.time}` : ''}`;
  const lines = ['', `### ${item.title}`, '', `*${when}.* ${kindWord(item)}: ${agenciesOf(item)}${item.recipient ? ` → ${item.recipient.name}` : ''}.`];
  if (item.details.length > 0) lines.push('', ...item.details.map((d) => `- ${d}`));
  const note = noteOf(item);
  if (note) lines.push('', `**Note:** ${note}`);
  lines.push('', `> ${item.source}`);
  return lines;
}

// Mermaid task names may not contain ":", "#" or ";".
function ganttName(text: string): string {
  return text.replace(/[:#;]/g, ' ').replace(/\s+/g, ' ').trim();
}

function gantt(schedule: Schedule): string[] {
  const task = (i: ScheduleItem) =>
    i.time === null
      ? `    ${ganttName(i.title)} :${i.id}, ${i.date} 00:00, 1d`
      : `    ${ganttName(i.title)} :milestone, ${i.id}, ${i.date} ${i.time}, 0m`;
  const section = (title: string, items: ScheduleItem[]) => (items.length === 0 ? [] : [`    section ${title}`, ...items.map(task)]);
  return [
    '',
    '```mermaid',
    'gantt',
    `    title JTAI notified ${schedule.notified}`,
    '    dateFormat YYYY-MM-DD HH:mm',
    '    axisFormat %a %d %b',
    ...section('The area provides', schedule.items.filter((i) => i.kind === 'submission')),
    ...section('Inspectors act', schedule.items.filter((i) => i.kind === 'inspector-action')),
    '```',
  ];
}

function bulletSection(title: string, bullets: string[]): string[] {
  return bullets.length === 0 ? [] : ['', `## ${title}`, '', ...bullets.map((b) => `- ${b}`)];
}

/** The plan as Markdown for an email, a Teams post or a wiki: a table, then the details. */
export function renderMarkdown(schedule: Schedule, options: RenderMarkdownOptions = {}): string {
  const { ruleSet } = schedule;
  const lines = [
    `# ${ruleSet.name}: notified ${formatLongDate(schedule.notified)}`,
    '',
    `Rule set \`${ruleSet.id}\`, from *${ruleSet.source.title}*. Times are ${schedule.timezone} local times; day numbers count working days from the notification day (day 0).`,
    '',
    '| Day | Date | Time | What | Who | To whom |',
    '| --- | --- | --- | --- | --- | --- |',
    ...schedule.items.map(tableRow),
    ...(options.mermaid ? gantt(schedule) : []),
    ...bulletSection('Warnings', schedule.warnings.map((w) => w.message)),
    ...bulletSection('Notes', planNotes(schedule)),
    ...bulletSection(
      'Bank holidays and closures skipped',
      schedule.daysOff.map((d) => `${formatLongDate(d.date)}: ${d.reason}`),
    ),
    '',
    '## Details',
    ...schedule.items.flatMap(detailSection),
  ];
  return `${lines.join('\n')}\n`;
}
