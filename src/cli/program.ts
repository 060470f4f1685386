import { Command, Option } from 'commander';
import type { CliIo } from './io.js';

// The command table. Each command's code is imported only when that command runs, so that
// start-up loads no more than it needs.

const PLAN_EXAMPLES = `
Examples:
  $ jtai plan --notified 2019-03-19                 the timetable as an agenda
  $ jtai plan --notified 2019-03-19 --sources       with the briefing's words under each item
  $ jtai plan --notified 2019-03-19 --format json   the same as JSON, for scripts
  $ jtai plan --notified 2019-03-19 --rules my-area.yaml

Times are Europe/London wall-clock times. Day numbers count working days (Monday to
Friday, not England & Wales bank holidays) from the notification day, day 0.`;

export function makeProgram(io: CliIo, version: string): Command {
  const program = new Command('jtai')
    .description('Every deadline of a Joint Targeted Area Inspection (JTAI), worked out from the notification date.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .helpCommand(false)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.writeOut(text),
      writeErr: (text) => io.writeErr(text),
      outputError: () => {}, // errors are printed once, by main's catch
    });

  program
    .command('plan')
    .description('print every submission due and every inspector action for a notification date')
    .requiredOption('-n, --notified <date>', 'the day the area was notified, YYYY-MM-DD')
    .option('-r, --rules <file>', 'a rule-set file, or the name of a built-in rule set', 'jtai-2018')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--sources', "show the source's own words under each item (text format)", false)
    .option('--no-color', 'no colour, even on a terminal (NO_COLOR=1 does the same)')
    .addHelpText('after', PLAN_EXAMPLES)
    .action(async (options) => {
      const { runPlan } = await import('./commands/plan.js');
      await runPlan(options, io);
    });

  return program;
}
