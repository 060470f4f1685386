import { oneLine, visible } from '../../core/text/text-rules.js';
import { makeHolidayCalendar } from '../../core/dates/bank-holidays.js';
import { WEEKDAYS, addDays, formatLongDate } from '../../core/dates/calendar-date.js';
import type { RuleSet } from '../../core/rule-set/rule-set.js';
import { computePlan } from '../../core/plan/plan.js';
import { zoneRulesFor } from '../../core/dates/zones.js';
import { JtaiError, type Problem, formatPosition } from '../../errors.js';
import { compiledCheck } from '../../io/compiled-check.js';
import { displayName, locateRuleSet, readRuleSetFile } from '../../io/read-rule-set-file.js';
import type { CliIo } from '../process-io.js';
import { readDate } from '../../core/dates/date-input.js';
import type { Style } from '../../render/style.js';
import { wrapText } from '../../render/wrap.js';
import { makeStyle, wantsColor } from '../style.js';
import { londonToday } from './shared.js';

export interface CheckOptions {
  notified?: string;
  color?: boolean;
}

/** A week with no bank holiday, to try a rule set on when no date is given. */
const SAMPLE_MONDAY = '2019-03-18';

function sampleDate(ruleSet: RuleSet): string {
  return addDays(SAMPLE_MONDAY, WEEKDAYS.indexOf(ruleSet.notification.weekday ?? 'monday'));
}

// One finding a line, "file:line:column: severity: message", as editors and CI tools read it;
// on a terminal, wrapped under its position and coloured.
// A name or key the file holds is said back with any control character shown as an escape,
// on a terminal or not: "jtai check x.yaml | less -R" must not obey one either.
function line(shown: string, severity: 'error' | 'warning', p: Problem, s: Style, width: number | undefined): string {
  const head = `${visible(oneLine(formatPosition(shown, p)))}: ${severity === 'error' ? s.warning(severity) : s.submission(severity)}:`;
  const message = visible(oneLine(p.message));
  if (width === undefined) return `${head} ${message}\n`;
  return `${head}\n${wrapText(message, width - 4)
    .map((l) => `    ${l}`)
    .join('\n')}\n`;
}

async function checkOne(ref: string, options: CheckOptions, io: CliIo, s: Style): Promise<boolean> {
  const path = locateRuleSet(ref);
  const shown = displayName(path);
  let errors: Problem[];
  let warnings: Problem[] = [];
  let sample = '';
  try {
    const text = readRuleSetFile(path, shown);
    // A built-in rule set as the build checked it; any other file (or an edited one) is checked now.
    const inspection =
      compiledCheck(path, text, shown) ??
      (await import('../../io/analyse-rule-set-file.js')).analyseRuleSetFile(text, path);
    errors = inspection.errors;
    if (inspection.ruleSet) {
      const ruleSet = inspection.ruleSet;
      sample = options.notified ?? sampleDate(ruleSet);
      const plan = computePlan(
        ruleSet,
        sample,
        makeHolidayCalendar(ruleSet.closures),
        await zoneRulesFor(ruleSet.timezone),
      );
      warnings = [
        ...inspection.warnings,
        ...plan.warnings.map((w) => ({ ...w, position: inspection.positionOf(w.path) })),
      ];
    }
  } catch (e) {
    if (!(e instanceof JtaiError)) throw e;
    errors = [{ path: [], message: e.message }];
  }
  const width = io.stdoutIsTty ? Math.min(io.columns ?? 80, 100) : undefined;
  for (const p of errors) io.writeOut(line(shown, 'error', p, s, width));
  for (const p of warnings) io.writeOut(line(shown, 'warning', p, s, width));
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const tried = sample && warnings.length > 0 ? ` (tried with a notification on ${formatLongDate(sample)})` : '';
  io.writeOut(
    errors.length > 0
      ? `${shown}: ${count(errors.length, 'error')}\n`
      : `${shown}: valid, ${count(warnings.length, 'warning')}${tried}\n`,
  );
  return errors.length === 0;
}

/** jtai check: validates rule sets; true when every one is valid (warnings allowed). */
export async function runCheck(files: string[], options: CheckOptions, io: CliIo): Promise<boolean> {
  const notified =
    options.notified === undefined ? undefined : readDate('--notified', options.notified, () => londonToday()).date;
  const s = await makeStyle(wantsColor(io, options.color !== false));
  let ok = true;
  for (const file of files) ok = (await checkOne(file, { ...options, notified }, io, s)) && ok;
  return ok;
}
