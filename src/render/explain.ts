import type { TrackedPlan } from '../core/progress/progress.js';
import { formatLongDate, formatShortDate } from '../core/dates/calendar-date.js';
import type { Explanation, FitExplanation } from '../core/plan/explain.js';
import { letterCheckWords } from '../core/progress/fit-checked.js';
import { movedWords, tellWho } from './item-text.js';
import { partyJson } from './json.js';
import { PLAIN_STYLE, type Style } from './style.js';
import { tellExplainedDue, tellExplainedFrom, tellExplainedTime, tellStep } from './words.js';
import { wrapText } from './wrap.js';

export interface RenderExplainOptions {
  style?: Style;
  /** Column to wrap at. */
  width?: number;
}

/** How one item's date and time were worked out, day by day, as the terminal shows it. */
export function renderExplainText(
  e: Explanation,
  plan: TrackedPlan,
  warnings: string[],
  options: RenderExplainOptions = {},
): string {
  const s = options.style ?? PLAIN_STYLE;
  const width = options.width ?? 80;
  const { item } = e;
  const para = (text: string, mark: (t: string) => string = (t) => t) => wrapText(text, width).map(mark);
  const lines = [
    ...para(`${item.id}: ${item.title}`, s.heading),
    ...para(`Who: ${tellWho(item)}`),
    ...para(tellExplainedFrom(e, plan.ruleSet.id), s.dim),
    '',
  ];
  for (const step of e.steps) {
    const what = tellStep(step);
    lines.push(`  ${s.time(formatShortDate(step.date).padEnd(16))} ${step.kind === 'skipped' ? s.dim(what) : what}`);
  }
  lines.push('');
  // A deadline agreed with the lead inspector replaces what the steps above come to.
  const moved = movedWords(item);
  if (moved) lines.push(...para(`${moved}.`, s.warning));
  else lines.push(...para(tellExplainedTime(e)));
  lines.push(...para(tellExplainedDue(item, plan.timezone), s.heading));
  lines.push(...para(`Source: “${item.source}”`, s.dim));
  if (item.note) lines.push(...para(`Note: ${item.note}`));
  for (const w of warnings) lines.push(...para(`Warning: ${w}`, s.warning));
  return `${lines.join('\n')}\n`;
}

/** The same as data: the steps, the time resolved, the due instant, the source and the warnings. */
export function renderExplainJson(e: Explanation, plan: TrackedPlan, warnings: string[]): string {
  const { item } = e;
  const json = {
    ruleSet: plan.ruleSet.id,
    notified: plan.notified,
    timezone: plan.timezone,
    id: item.id,
    title: item.title,
    agencies: item.agencies.map(partyJson),
    recipient: item.recipient && partyJson(item.recipient),
    anchor: item.anchor,
    at: e.writtenTime,
    steps: e.steps,
    moved: item.moved,
    date: item.date,
    time: item.time,
    timeLabel: item.timeLabel,
    timeNote: item.timeNote,
    due: item.due,
    source: item.source,
    note: item.note,
    warnings,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** The dates a rule set fits, why and where that is written, as the terminal shows it (jtai explain --fit). */
export function renderFitText(e: FitExplanation, options: RenderExplainOptions = {}): string {
  const s = options.style ?? PLAIN_STYLE;
  const width = options.width ?? 80;
  const para = (text: string, mark: (t: string) => string = (t) => t) => wrapText(text, width).map(mark);
  const range = [e.from && `from ${formatLongDate(e.from)}`, e.until && `until ${formatLongDate(e.until)}`];
  const lines = [
    ...para(`${e.ruleSet}: ${e.name}`, s.heading),
    ...(e.guidance ? para(`Written for the ${e.guidance}.`) : []),
    '',
  ];
  if (!e.from && !e.until)
    lines.push(...para(`${e.ruleSet} gives no dates it fits: no plan of it warns that it may not fit.`));
  else lines.push(...para(`It fits notifications ${range.filter(Boolean).join(' ')}.`));
  if (e.source) lines.push(...para(`Source: “${e.source.text}” (${e.source.document.title})`, s.dim));
  const side = (when: string, why: string | null) => [
    '',
    ...para(`A notification ${when} may not fit${why ? `: ${why}` : '.'}`),
  ];
  if (e.from) lines.push(...side(`before ${formatLongDate(e.from)}`, e.before));
  if (e.until) lines.push(...side(`after ${formatLongDate(e.until)}`, e.after));
  if (e.notified) {
    const where = e.falls === 'within' ? 'within the dates it fits' : `${e.falls} the dates it fits`;
    lines.push('', ...para(`Notified ${formatLongDate(e.notified)}: ${where}.`, s.heading));
    if (e.message) lines.push(...para(e.message, e.checked ? (t) => t : s.warning));
    if (e.checked) lines.push(...para(`${letterCheckWords(e.checked)}.`));
  }
  return `${lines.join('\n')}\n`;
}

/** The same as data (jtai explain --fit --format json). */
export function renderFitJson(e: FitExplanation): string {
  return `${JSON.stringify(e, null, 2)}\n`;
}
