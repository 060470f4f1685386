import { formatLongDate, formatShortDate } from '../../core/calendar-date.js';
import { type Explanation, explainItem } from '../../core/explain.js';
import type { CliIo } from '../io.js';
import { planFor } from './shared.js';

export interface ExplainOptions {
  notified: string;
  rules: string;
  format: 'text' | 'json';
}

function renderText(e: Explanation, ruleSetId: string, timezone: string, warnings: string[]): string {
  const { item } = e;
  const lines = [`${item.id}: ${item.title}`, `Rule set ${ruleSetId}: ${item.anchor}, at ${e.writtenTime}.`, ''];
  for (const s of e.steps) {
    const what = s.kind === 'counted' ? `day ${s.day}${s.reason ? `, ${s.reason}` : ''}` : s.kind === 'skipped' ? `skipped: ${s.reason}` : s.reason;
    lines.push(`  ${formatShortDate(s.date).padEnd(16)} ${what}`);
  }
  lines.push('');
  if (item.time === null) lines.push('Time: all day; the source gives no time.');
  else if (item.timeLabel) lines.push(`Time: "${e.writtenTime}" is ${item.time} ("${item.timeLabel}").${item.timeNote ? ` ${item.timeNote}` : ''}`);
  else lines.push(`Time: ${item.time}, as written.`);
  lines.push(
    item.due === null
      ? `Date: ${formatLongDate(item.date)}, all day.`
      : `Due: ${formatLongDate(item.date)} at ${item.time}, ${timezone} (${item.due}).`,
  );
  lines.push(`Source: “${item.source}”`);
  if (item.note) lines.push(`Note: ${item.note}`);
  for (const w of warnings) lines.push(`Warning: ${w}`);
  return `${lines.join('\n')}\n`;
}

/** jtai explain: how one item's date and time were worked out. */
export async function runExplain(id: string, options: ExplainOptions, io: CliIo): Promise<void> {
  const { ruleSet, calendar, schedule } = await planFor(options.rules, options.notified);
  const explanation = explainItem(ruleSet, schedule, id, calendar);
  const index = ruleSet.items.findIndex((i) => i.id === id);
  const warnings = schedule.warnings.filter((w) => w.path[0] === 'items' && w.path[1] === index).map((w) => w.message);
  if (options.format === 'json') {
    const { item } = explanation;
    const json = {
      ruleSet: ruleSet.id,
      notified: schedule.notified,
      timezone: schedule.timezone,
      id: item.id,
      title: item.title,
      anchor: item.anchor,
      at: explanation.writtenTime,
      steps: explanation.steps,
      date: item.date,
      time: item.time,
      timeLabel: item.timeLabel,
      timeNote: item.timeNote,
      due: item.due,
      source: item.source,
      note: item.note,
      warnings,
    };
    io.writeOut(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    io.writeOut(renderText(explanation, ruleSet.id, schedule.timezone, warnings));
  }
}
