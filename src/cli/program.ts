import { Command, Option } from 'commander';
import { ReportedFailure } from '../errors.js';
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

const CHECK_EXAMPLES = `
Examples:
  $ jtai check my-area.yaml
  $ jtai check jtai-2018                 the built-in rule set: the briefing's own inconsistencies as warnings
  $ jtai check *.yaml --notified 2019-04-16`;

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
    .option('--force', 'write --out even if its extension names another format than --format')
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

  program
    .command('check')
    .description('check rule sets: errors and warnings with file:line:column; exit 1 on any error')
    .argument('<files...>', 'rule-set files, or names of built-in rule sets')
    .option('-n, --notified <date>', 'the notification date to try the rule set on (default: a sample week without bank holidays)')
    .addHelpText('after', CHECK_EXAMPLES)
    .action(async (files: string[], options) => {
      const { runCheck } = await import('./commands/check.js');
      if (!(await runCheck(files, options, io))) throw new ReportedFailure();
    });

  program
    .command('explain')
    .description('show how one item\'s date and time were worked out')
    .argument('<id>', 'the item id, as in the JSON output or the rule set')
    .requiredOption('-n, --notified <date>', 'the day the area was notified, YYYY-MM-DD')
    .option('-r, --rules <file>', 'a rule-set file, or the name of a built-in rule set', 'jtai-2018')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExample:\n  $ jtai explain key-case-file-documents --notified 2019-04-16')
    .action(async (id: string, options) => {
      const { runExplain } = await import('./commands/explain.js');
      await runExplain(id, options, io);
    });

  program
    .command('next')
    .description('what has passed, what is still due today and what comes next')
    .requiredOption('-n, --notified <date>', 'the day the area was notified, YYYY-MM-DD')
    .option('--now <time>', 'the time to look from, 2019-03-20T14:10 (London) or with an offset (default: now)')
    .option('-r, --rules <file>', 'a rule-set file, or the name of a built-in rule set', 'jtai-2018')
    .option('-a, --agency <name>', 'only what this agency must do (repeatable)', collect)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExamples:\n  $ jtai next --notified 2019-03-19 --now 2019-03-20T14:10\n  $ watch -n 300 jtai next --notified 2019-03-19 --agency police')
    .action(async (options) => {
      const { runNext } = await import('./commands/next.js');
      await runNext(options, io);
    });

  program
    .command('init')
    .description('write a commented starting rule set (never overwrites a file)')
    .argument('[file]', 'the file to create', 'jtai-rules.yaml')
    .action(async (file: string) => {
      const { runInit } = await import('./commands/init.js');
      await runInit(file, io);
    });

  program
    .command('schema')
    .description('print the JSON Schema of rule-set files')
    .action(async () => {
      const { runSchema } = await import('./commands/schema.js');
      runSchema(io);
    });

  program
    .command('list')
    .description('list the built-in rule sets')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options) => {
      const { runList } = await import('./commands/list.js');
      await runList(options, io);
    });

  return program;
}
