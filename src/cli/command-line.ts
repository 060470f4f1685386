import type { Command } from 'commander';
import { shownValue, textProblem } from '../core/text/text-rules.js';
import { UsageError } from '../errors.js';

// Every value typed on the command line follows the rule every text jtai accepts follows
// (core/text-rules.ts), checked once here before any command runs: options, arguments and
// file names alike. Only --note may run over lines.

const FREE_TEXT_OPTIONS = new Set(['--note']);

function checkValue(where: string, value: string, kind: 'text' | 'line'): void {
  if (value.trim() === '') throw new UsageError(`${where} is empty; give a value, or leave it out.`);
  const problem = textProblem(value, kind);
  if (problem)
    throw new UsageError(
      `${where} "${shownValue(value)}" ${problem}; type it without control characters${kind === 'line' ? ' or line breaks' : ''}.`,
    );
}

/** Refuses an empty value, or one with a control character, in any option or argument of the command about to run. */
export function checkCommandLine(command: Command): void {
  for (const option of command.options) {
    if (command.getOptionValueSource(option.attributeName()) !== 'cli') continue; // defaults are jtai's own
    const value: unknown = command.getOptionValue(option.attributeName());
    const values =
      typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];
    const flag = option.long ?? option.flags;
    for (const v of values) checkValue(flag, v, FREE_TEXT_OPTIONS.has(flag) ? 'text' : 'line');
  }
  for (const [i, arg] of command.args.entries())
    checkValue(`the ${ordinal(i + 1)} argument of jtai ${command.name()}`, arg, 'line');
}

function ordinal(n: number): string {
  return ['first', 'second', 'third'][n - 1] ?? `${n}th`;
}
