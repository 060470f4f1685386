import { isIsoDate } from '../../core/calendar-date.js';
import { makeHolidayCalendar } from '../../core/bank-holidays.js';
import { computeSchedule } from '../../core/schedule.js';
import { UsageError } from '../../errors.js';
import { loadRuleSet } from '../../io/load-rule-set.js';
import { renderJson } from '../../render/json.js';
import { renderText } from '../../render/text.js';
import type { CliIo } from '../io.js';
import { makeStyle, wantsColor } from '../style.js';

export const FORMATS = ['text', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export interface PlanOptions {
  notified: string;
  rules: string;
  format: Format;
  color: boolean;
  sources: boolean;
}

export function checkNotified(value: string): string {
  if (!isIsoDate(value)) {
    throw new UsageError(`--notified "${value}" is not a real date; give it as YYYY-MM-DD, for example --notified 2019-03-19.`);
  }
  return value;
}

/** jtai plan: the whole timetable for one notification date. */
export async function runPlan(options: PlanOptions, io: CliIo): Promise<void> {
  const notified = checkNotified(options.notified);
  const ruleSet = await loadRuleSet(options.rules);
  const schedule = computeSchedule(ruleSet, notified, makeHolidayCalendar(ruleSet.closures));
  if (options.format === 'json') {
    io.writeOut(renderJson(schedule));
  } else {
    const style = makeStyle(wantsColor(io, options.color));
    const width = io.stdoutIsTty && io.columns ? Math.min(io.columns, 100) : 80;
    io.writeOut(renderText(schedule, { style, width, sources: options.sources }));
  }
  for (const w of schedule.warnings) io.writeErr(`jtai: warning: ${w}\n`);
}
