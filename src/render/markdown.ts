import type { TrackedPlan } from '../core/progress/progress.js';
import { formatShortDate } from '../core/dates/calendar-date.js';
import { type FocusListView, inspectionLine } from '../core/plan/focus.js';
import { tellWarnings } from '../core/plan/warnings.js';
import type { PlanItem } from '../core/plan/plan.js';
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
import { markdownText as md } from './markdown-text.js';
import { ganttLines } from './mermaid.js';
import {
  WORDS,
  groupFocus,
  tellAnchored,
  tellDayOff,
  tellNamed,
  tellNames,
  tellPlanTitle,
  tellRuleSetSource,
  tellTime,
  tellTimes,
} from './words.js';

export interface RenderMarkdownOptions {
  /** Add a Mermaid gantt chart of the inspection. */
  mermaid?: boolean;
}

// Every text from the rule set or the plan goes through md(): it is data, never markup.

function tableRow(item: PlanItem, plan: TrackedPlan): string {
  const done = progressWords(item, plan);
  const cells = [
    item.day === null ? '' : String(item.day),
    formatShortDate(item.date),
    tellTime(item),
    `**${kindWord(item)}:** ${md(item.title)}${done ? ` *${md(done)}*` : ''}`,
    md(agenciesOf(item, plan)),
    md(item.recipient ? partyWords(item.recipient, plan) : ''),
  ];
  return `| ${cells.join(' | ')} |`;
}

function detailSection(item: PlanItem, plan: TrackedPlan): string[] {
  const lines = [
    '',
    `### ${md(item.title)}`,
    '',
    `*${md(tellAnchored(item))}.* ${kindWord(item)}: ${md(tellWho(item, plan))}. \`${item.id}\``,
  ];
  if (item.details.length > 0) lines.push('', ...item.details.map((d) => `- ${md(d)}`));
  const note = noteOf(item);
  if (note) lines.push('', `**Note:** ${md(note)}`);
  lines.push('', `> ${md(item.source)}`);
  return lines;
}

function focusList(list: FocusListView): string[] {
  const lines = ['', `### ${md(list.heading)}`, ''];
  if (list.parties.length > 0) lines.push(`*${tellNamed(list.parties, md)}*`, '');
  if (list.intro) lines.push(md(list.intro), '');
  for (const p of list.points)
    lines.push(
      `- ${md(p.text)}${p.parties.length > 0 ? ` (*${md(tellNames(p.parties))}*)` : ''}${p.note ? ` **Note:** ${md(p.note)}` : ''}`,
    );
  if (list.note) lines.push('', `**Note:** ${md(list.note)}`);
  lines.push('', `*Source: ${md(list.source.title)}.*`);
  return lines;
}

/** "What Schools should be ready to show" (the lists naming the plan's agencies), then "What the inspection looks at". */
function focusSections(plan: TrackedPlan): string[] {
  return groupFocus(plan, md).flatMap((g) => ['', `## ${g.heading}`, ...g.lists.flatMap(focusList)]);
}

function bulletSection(title: string, bullets: string[]): string[] {
  return bullets.length === 0 ? [] : ['', `## ${title}`, '', ...bullets.map((b) => `- ${md(b)}`)];
}

/** The plan as Markdown for an email, a Teams post or a wiki: a table, then the details. */
export function renderMarkdown(plan: TrackedPlan, options: RenderMarkdownOptions = {}): string {
  const lines = [
    `# ${tellPlanTitle(plan, 'document', md)}`,
    '',
    `${tellRuleSetSource(
      plan,
      (id) => `\`${id}\``,
      (title) => `*${md(title)}*`,
    )} ${tellTimes(plan.timezone, 'local')}`,
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
    ...bulletSection(WORDS.daysOffInDocuments, plan.daysOff.map(tellDayOff)),
    '',
    '## Details',
    ...plan.items.flatMap((item) => detailSection(item, plan)),
  ];
  return `${lines.join('\n')}\n`;
}
