import { Command, Option } from 'commander';
import { FORMATS } from './formats.js';
import type { CliIo } from './io.js';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

// The command table. Each command's code is imported only when that command runs, so that
// start-up loads no more than it needs.

const PLAN_EXAMPLES = `
Examples:
  $ jtai plan --notified 2019-03-19                       the timetable as an agenda
  $ jtai plan --notified 2019-03-19 --sources             with the briefing's words
  $ jtai plan --notified 2019-03-19 --format json         JSON for scripts
  $ jtai plan --notified 2019-03-19 --out jtai.ics        a calendar for Outlook
  $ jtai plan --notified 2019-03-19 --format md --mermaid Markdown with a gantt chart
  $ jtai plan --notified 2019-03-19 --agency police       only what the police must do
  $ jtai plan --notified 2019-03-19 --split agency --out-dir calendars/
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
    .addOption(new Option('-f, --format <format>', 'output format (default: from --out, else text)').choices(FORMATS))
    .option('-o, --out <file>', 'write to this file instead of stdout; .ics .md .csv .json .txt set the format')
    .option('-a, --agency <name>', 'only what this agency must do (repeatable): police, health, yot...', collect)
    .addOption(new Option('--split <by>', 'one file per agency, into --out-dir (ics unless --format)').choices(['agency']))
    .option('--out-dir <folder>', 'the folder for --split')
    .option('--remind <time>', 'ICS reminder before each deadline: minutes, 90m, 2h, or none', '60m')
    .option('--mermaid', 'add a Mermaid gantt chart (md)', false)
    .option('--sources', "show the source's own words under each item (text)", false)
    .option('--no-color', 'no colour, even on a terminal (NO_COLOR=1 does the same)')
    .addHelpText('after', PLAN_EXAMPLES)
    .action(async (options) => {
      const { runPlan } = await import('./commands/plan.js');
      await runPlan(options, io, version);
    });

  return program;
}
