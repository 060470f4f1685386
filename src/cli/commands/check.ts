import { makeHolidayCalendar } from '../../core/bank-holidays.js';
import { WEEKDAYS, addDays, formatLongDate } from '../../core/calendar-date.js';
import type { RuleSet } from '../../core/rule-set.js';
import { computeSchedule } from '../../core/schedule.js';
import { zoneRulesFor } from '../../core/zones.js';
import { JtaiError, type Problem, formatPosition } from '../../errors.js';
import { inspectRuleSetFile } from '../../io/parse-rule-set.js';
import { displayName, locateRuleSet, readRuleSetFile } from '../../io/read-rule-set-file.js';
import type { CliIo } from '../io.js';
import { checkNotified } from './shared.js';

export interface CheckOptions {
  notified?: string;
}

/** A week with no bank holiday, to try a rule set on when no date is given. */
const SAMPLE_MONDAY = '2019-03-18';

function sampleDate(ruleSet: RuleSet): string {
  return addDays(SAMPLE_MONDAY, WEEKDAYS.indexOf(ruleSet.notification.weekday ?? 'monday'));
}

function line(shown: string, severity: 'error' | 'warning', p: Problem): string {
  return `${formatPosition(shown, p)}: ${severity}: ${p.message}\n`;
}

async function checkOne(ref: string, options: CheckOptions, io: CliIo): Promise<boolean> {
  const path = locateRuleSet(ref);
  const shown = displayName(path);
  let errors: Problem[];
  let warnings: Problem[] = [];
  let sample = '';
  try {
    const inspection = inspectRuleSetFile(readRuleSetFile(path, shown), path);
    errors = inspection.errors;
    if (inspection.ruleSet) {
      const ruleSet = inspection.ruleSet;
      sample = options.notified ?? sampleDate(ruleSet);
      const schedule = computeSchedule(ruleSet, sample, makeHolidayCalendar(ruleSet.closures), await zoneRulesFor(ruleSet.timezone));
      warnings = [...inspection.warnings, ...schedule.warnings.map((w) => ({ ...w, position: inspection.positionOf(w.path) }))];
    }
  } catch (e) {
    if (!(e instanceof JtaiError)) throw e;
    errors = [{ path: [], message: e.message }];
  }
  for (const p of errors) io.writeOut(line(shown, 'error', p));
  for (const p of warnings) io.writeOut(line(shown, 'warning', p));
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const tried = sample && warnings.length > 0 ? ` (tried with a notification on ${formatLongDate(sample)})` : '';
  io.writeOut(
    errors.length > 0 ? `${shown}: ${count(errors.length, 'error')}\n` : `${shown}: valid, ${count(warnings.length, 'warning')}${tried}\n`,
  );
  return errors.length === 0;
}

/** jtai check: validates rule sets; true when every one is valid (warnings allowed). */
export async function runCheck(files: string[], options: CheckOptions, io: CliIo): Promise<boolean> {
  if (options.notified !== undefined) checkNotified(options.notified);
  let ok = true;
  for (const file of files) ok = (await checkOne(file, options, io)) && ok;
  return ok;
}
