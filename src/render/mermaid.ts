import type { TrackedPlan } from '../core/progress/progress.js';
import type { PlanItem } from '../core/plan/plan.js';

// A Mermaid gantt chart of the plan. Mermaid reads a task line's start as a keyword
// ("section", "title", "click", "call", "excludes", a date, "%%"...) and strips "%%{...}%%"
// directives and "#name;" entities from anywhere in the text, so rule-set text is written with
// Mermaid's own entity codes (#58; for ":") wherever it could be read as anything but text.

// Characters Mermaid's lexer or pre-pass treats specially in a task name or title, and the
// backtick, which could close the Markdown fence around the chart.
const SPECIAL = /[#:;%`<>"\\]/g;
// Words the gantt lexer matches at the start of a token, before it tries task text.
const KEYWORD_START =
  /^(gantt|dateformat|inclusiveenddates|topaxis|axisformat|tickinterval|includes|excludes|todaymarker|weekday|weekend|title|accdescr|acctitle|accdescription|section|call|click|href|\d{4}-\d\d-\d\d)/i;

function entity(char: string): string {
  return `#${char.codePointAt(0)};`;
}

/** Text as a Mermaid gantt task name or title: mermaidText("Section 11: audit") is "#83;ection 11#58; audit". */
export function mermaidText(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const escaped = oneLine.replace(SPECIAL, entity);
  return KEYWORD_START.test(escaped) ? escaped.replace(/^./u, entity) : escaped;
}

function task(item: PlanItem): string {
  const name = `    ${mermaidText(item.title)} `;
  return item.time === null
    ? `${name}:${item.id}, ${item.date} 00:00, 1d`
    : `${name}:milestone, ${item.id}, ${item.date} ${item.time}, 0m`;
}

function section(title: string, items: PlanItem[]): string[] {
  return items.length === 0 ? [] : [`    section ${mermaidText(title)}`, ...items.map(task)];
}

/**
 * The plan as the lines of a Mermaid gantt chart (without the Markdown fence): a milestone per
 * deadline, a day bar per all-day item, weekends and the days off shaded as excluded days.
 */
export function ganttLines(plan: TrackedPlan): string[] {
  const daysOff = plan.daysOff.map((d) => d.date);
  return [
    'gantt',
    `    title ${mermaidText(`JTAI notified ${plan.notified}`)}`,
    '    dateFormat YYYY-MM-DD HH:mm',
    '    axisFormat %a %d %b',
    `    excludes ${['weekends', ...daysOff].join(', ')}`,
    ...section(
      'The area provides',
      plan.items.filter((i) => i.kind === 'submission'),
    ),
    ...section(
      'Inspectors act',
      plan.items.filter((i) => i.kind === 'inspector-action'),
    ),
  ];
}
