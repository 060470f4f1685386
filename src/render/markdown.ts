import type { TrackedPlan } from '../core/progress/progress.js';
import { filterWords } from '../core/plan/agencies.js';
import { formatLongDate, formatShortDate } from '../core/dates/calendar-date.js';
import { type FocusListView, focusLists, inspectionLine } from '../core/plan/focus.js';
import { tellWarnings } from '../core/plan/warnings.js';
import type { PlanItem } from '../core/plan/plan.js';
import { agenciesOf, contactLines, doneWords, kindWord, noteOf, partyWords, planNotes } from './item-text.js';
import { markdownText as md } from './markdown-text.js';
import { ganttLines } from './mermaid.js';

export interface RenderMarkdownOptions {
  /** Add a Mermaid gantt chart of the inspection. */
  mermaid?: boolean;
}

// Every text from the rule set or the plan goes through md(): it is data, never markup.

function tableRow(item: PlanItem, plan: TrackedPlan): string {
  const done = doneWords(item, plan);
  const cells = [
    item.day === null ? '' : String(item.day),
    formatShortDate(item.date),
    item.time ?? 'all day',
    `**${kindWord(item)}:** ${md(item.title)}${done ? ` *${md(done)}*` : ''}`,
    md(agenciesOf(item, plan)),
    md(item.recipient ? partyWords(item.recipient, plan) : ''),
  ];
  return `| ${cells.join(' | ')} |`;
}

function detailSection(item: PlanItem, plan: TrackedPlan): string[] {
  const when = `${item.anchor}, ${formatShortDate(item.date)}${item.time ? ` ${item.time}` : ''}`;
  const who = `${agenciesOf(item, plan)}${item.recipient ? ` → ${partyWords(item.recipient, plan)}` : ''}`;
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
function focusSections(plan: TrackedPlan): string[] {
  const lists = focusLists(plan);
  if (lists.length === 0) return [];
  const forWhom = filterWords(plan);
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
export function renderMarkdown(plan: TrackedPlan, options: RenderMarkdownOptions = {}): string {
  const { ruleSet } = plan;
  const forWhom = filterWords(plan);
  const area = plan.area ? `, ${md(plan.area)}` : '';
  const lines = [
    `# ${md(ruleSet.name)}${area}: notified ${formatLongDate(plan.notified)}${forWhom ? `, for ${md(forWhom)}` : ''}`,
    '',
    `Rule set \`${ruleSet.id}\`, from *${md(ruleSet.source.title)}*. Times are ${plan.timezone} local times; day numbers count working days from the notification day (day 0).`,
    '',
    ...(inspectionLine(plan) ? [md(inspectionLine(plan)!), ''] : []),
    '| Day | Date | Time | What | Who | To whom |',
    '| --- | --- | --- | --- | --- | --- |',
    ...plan.items.map((item) => tableRow(item, plan)),
    ...(options.mermaid ? ['', '```mermaid', ...ganttLines(plan), '```'] : []),
    ...focusSections(plan),
    ...bulletSection('Warnings', tellWarnings(plan.warnings)),
    ...bulletSection('Contacts', contactLines(plan)),
    ...bulletSection('Notes', planNotes(plan)),
    ...bulletSection(
      'Bank holidays and closures skipped',
      plan.daysOff.map((d) => `${formatLongDate(d.date)}: ${d.reason}`),
    ),
    '',
    '## Details',
    ...plan.items.flatMap((item) => detailSection(item, plan)),
  ];
  return `${lines.join('\n')}\n`;
}
