import type { TrackedPlan } from '../core/progress/progress.js';
import { formatLongDate, formatShortDate } from '../core/dates/calendar-date.js';
import type { Explanation } from '../core/plan/explain.js';
import { agenciesOf } from './item-text.js';
import { PLAIN_STYLE, type Style } from './style.js';
import { wrapText } from './wrap.js';

export interface RenderExplainOptions {
  style?: Style;
  /** Column to wrap at. */
  width?: number;
}

/** How one item's date and time were worked out, day by day, as the terminal shows it. */
export function renderExplainText(e: Explanation, plan: TrackedPlan, warnings: string[], options: RenderExplainOptions = {}): string {
  const s = options.style ?? PLAIN_STYLE;
  const width = options.width ?? 80;
  const { item } = e;
  const para = (text: string, mark: (t: string) => string = (t) => t) => wrapText(text, width).map(mark);
  const lines = [
    ...para(`${item.id}: ${item.title}`, s.heading),
    ...para(`Who: ${agenciesOf(item)}${item.recipient ? ` → ${item.recipient.name}` : ''}`),
    ...para(`Rule set ${plan.ruleSet.id}: ${item.anchor}, at ${e.writtenTime}.`, s.dim),
    '',
  ];
  for (const step of e.steps) {
    const what = step.kind === 'counted' ? `day ${step.day}${step.reason ? `, ${step.reason}` : ''}` : step.kind === 'skipped' ? `skipped: ${step.reason}` : (step.reason ?? '');
    lines.push(`  ${s.time(formatShortDate(step.date).padEnd(16))} ${step.kind === 'skipped' ? s.dim(what) : what}`);
  }
  lines.push('');
  if (item.time === null) lines.push(...para('Time: all day; the source gives no time.'));
  else if (item.timeLabel) lines.push(...para(`Time: "${e.writtenTime}" is ${item.time} ("${item.timeLabel}").${item.timeNote ? ` ${item.timeNote}` : ''}`));
  else lines.push(...para(`Time: ${item.time}, as written.`));
  lines.push(
    ...para(
      item.due === null ? `Date: ${formatLongDate(item.date)}, all day.` : `Due: ${formatLongDate(item.date)} at ${item.time}, ${plan.timezone} (${item.due}).`,
      s.heading,
    ),
  );
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
    agencies: item.agencies.map((a) => ({ id: a.id, name: a.name })),
    recipient: item.recipient && { id: item.recipient.id, name: item.recipient.name },
    anchor: item.anchor,
    at: e.writtenTime,
    steps: e.steps,
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
