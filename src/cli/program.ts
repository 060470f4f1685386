import { Command, Option } from 'commander';
import { ReportedFailure } from '../errors.js';
import { checkCommandLine } from './command-line.js';
import { FORMATS } from './formats.js';
import { INSPECTION_FILE } from '../io/inspection-path.js';
import type { CliIo } from './process-io.js';

// The command table. Each command's code is imported only when that command runs, so that
// start-up loads no more than it needs. Help is written for people who have never opened a
// terminal: what each command is for, the options that matter, and examples to copy.

const HELP_WIDTH = 80;

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Options several commands share, defined once. */
const option = {
  notified: (required = true) =>
    new Option(
      '-n, --notified <date>',
      `${required ? '(required unless an inspection file gives it) ' : ''}the day the area was notified: 2019-03-19, 19/03/2019, 19 March 2019 or today`,
    ),
  rules: () =>
    new Option(
      '-r, --rules <file>',
      "a rule-set file, or the name of a built-in rule set (default: the inspection file's, else jtai-2018)",
    ),
  inspection: () =>
    new Option('-i, --inspection <file>', `the inspection file (default: ${INSPECTION_FILE} here, if there is one)`),
  now: () =>
    new Option(
      '--now <time>',
      "the moment to tell progress from: 2019-03-20T14:10, 20/03/2019 14:10 (the rule set's time, London's for the built-in), or with an offset (default: now)",
    ),
  agency: () =>
    new Option(
      '-a, --agency <name>',
      'only what this agency must do; repeat for more: police, health, schools, yot, probation, la...',
    ).argParser(collect),
  agencyPart: () =>
    new Option(
      '-a, --agency <name>',
      "only this agency's part of items several agencies must do; repeat for more",
    ).argParser(collect),
  format: (choices: readonly string[]) =>
    new Option('-f, --format <format>', 'output format').choices(choices).default('text'),
  color: () => new Option('--no-color', 'no colour, even on a terminal (NO_COLOR=1 does the same)'),
  quiet: () => new Option('-q, --quiet', 'no warnings and no "wrote ..." messages'),
};

/** Examples as help shows them: what it does, then the command to copy under it. */
function examples(lines: ReadonlyArray<readonly [string, string]>, after = ''): string {
  const rows = lines.map(([cmd, what]) => `  ${what}:\n    $ ${cmd}`);
  return `\nExamples:\n${rows.join('\n')}\n${after ? `\n${after}\n` : ''}`;
}

const DAYS_NOTE = `Times are Europe/London wall-clock times. Day numbers count working days
(Monday to Friday, not England & Wales bank holidays) from the notification day,
day 0.`;

const PLAN_EXAMPLES = examples(
  [
    ['jtai plan --notified 2019-03-19', 'the timetable, as an agenda'],
    ['jtai plan --notified 19/03/2019 --sources', "with the briefing's own words"],
    ['jtai plan --notified 2019-03-19 --agency schools --focus', 'what schools must do and be ready to show'],
    ['jtai plan --notified 2019-03-19 --out jtai.ics', 'a calendar file for Outlook'],
    ['jtai plan --notified 2019-03-19 --out timetable.html', 'a page to print or email'],
    ['jtai plan --notified 2019-03-19 --agency police', 'only what the police must do'],
    ['jtai plan --notified 2019-03-19 --format md --mermaid', 'Markdown with a gantt chart'],
    ['jtai plan --notified 2019-03-19 --format json', 'JSON, for scripts'],
    ['jtai plan --notified 2019-03-19 --split agency --out-dir calendars', 'one calendar per agency'],
    ['jtai plan --out jtai.ics --changes', 'what changed since jtai.ics was last issued, for the email'],
    ['jtai plan --notified 2019-03-19 --rules my-area.yaml', 'your own rule set'],
  ],
  DAYS_NOTE,
);

const MAIN_HELP = `
The options of jtai plan that matter most:
  -n, --notified <date>  the day the area was notified (or run jtai start once)
  -o, --out <file>       a file: .ics (Outlook), .html, .md, .csv, .json or .txt
  -a, --agency <name>    only what one agency must do: police, health, schools
${examples([
  ['jtai plan --notified 2019-03-19', 'the whole timetable'],
  ['jtai plan --notified 2019-03-19 --out jtai.ics', 'a calendar for Outlook'],
  ['jtai next --notified 2019-03-19', 'what is due next, from now'],
  ['jtai explain cse-gangs-cases --notified 2019-03-19', 'how one date was worked out'],
  ['jtai help plan', 'every option of jtai plan'],
])}`;

type DefineCommand = (program: Command, io: CliIo, version: string) => void;

// The commands, in the order help lists them. Only the one being run is built (all of them for
// help, or for a line that names none): building the whole table is most of commander's time.
const COMMANDS: Record<string, DefineCommand> = {
  plan: (program, io, version) =>
    program
      .command('plan')
      .description('print every submission due and every inspector action for a notification date')
      .addOption(option.notified())
      .addOption(option.rules())
      .addOption(option.inspection())
      .addOption(option.now())
      .addOption(new Option('-f, --format <format>', 'output format (default: from --out, else text)').choices(FORMATS))
      .option(
        '-o, --out <file>',
        'write to this file instead of the screen; .ics .md .csv .json .html .txt set the format',
      )
      .option(
        '--force',
        'write --out even if its extension names another format than --format, or the file is read-only',
      )
      .addOption(option.agency())
      .addOption(
        new Option('--split <by>', 'one file per agency, into --out-dir (ics unless --format)').choices(['agency']),
      )
      .option('--out-dir <folder>', 'the folder for --split')
      .option('--remind <times>', 'ICS reminders before each deadline: 90m, 2h, 1d, several as 1d,2h, or none', '60m')
      .option('--cancel', 'an ICS that cancels every event of the plan, for calendars that honour it (METHOD:CANCEL)')
      .option('--changes', 'with an inspection file: what changed since the calendar was last issued; writes nothing')
      .option('--mermaid', 'add a Mermaid gantt chart (md)', false)
      .option('--sources', "show the source's own words under each item (text)", false)
      .option('--focus', 'add what the inspection looks at, and what the --agency must be ready to show (text)', false)
      .addOption(option.quiet())
      .addOption(option.color())
      .addHelpText('after', PLAN_EXAMPLES)
      .action(async (options) => {
        const { runPlan } = await import('./commands/plan.js');
        await runPlan(options, io, version);
      }),
  next: (program, io) =>
    program
      .command('next')
      .description('what has passed, what is still due today and what comes next')
      .addOption(option.notified())
      .addOption(option.now())
      .addOption(option.rules())
      .addOption(option.inspection())
      .addOption(option.agency())
      .addOption(option.format(['text', 'json']))
      .addOption(option.quiet())
      .addOption(option.color())
      .addHelpText(
        'after',
        examples([
          ['jtai next --notified 2019-03-19', 'from now'],
          ['jtai next --notified 2019-03-19 --now "20/03/2019 14:10"', 'from another moment'],
          ['watch -n 300 jtai next --notified 2019-03-19 --agency police', 'every 5 minutes'],
        ]),
      )
      .action(async (options) => {
        const { runNext } = await import('./commands/next.js');
        await runNext(options, io);
      }),
  explain: (program, io) =>
    program
      .command('explain')
      .description("show how one item's date and time were worked out, day by day; or the dates the rule set fits")
      .argument('[id]', 'the item id, as the agenda shows it (cse-gangs-cases); any case')
      .option(
        '--fit',
        'instead of an item: the notification dates the rule set is written for, why, and where that is written; with a notification date, whether it fits',
      )
      .addOption(option.notified())
      .addOption(option.rules())
      .addOption(option.inspection())
      .addOption(option.format(['text', 'json']))
      .addOption(option.quiet())
      .addOption(option.color())
      .addHelpText(
        'after',
        examples([
          ['jtai explain select-children-to-track --notified 2019-04-16', 'across Easter'],
          ['jtai explain sign-off --notified 2019-03-19 --rules my-area.yaml', 'your own item'],
          ['jtai explain --fit --notified 2026-12-01', 'whether the timetable fits that date, and why'],
        ]),
      )
      .action(async (id: string | undefined, options) => {
        const { runExplain } = await import('./commands/explain.js');
        await runExplain(id, options, io);
      }),
  status: (program, io) =>
    program
      .command('status')
      .description(
        'who owes what: per agency, its own part done, overdue and next; per item, who still owes it; what came in today',
      )
      .addOption(option.notified())
      .addOption(option.now())
      .option(
        '--since <time>',
        'list what was delivered after this moment: 09:00, yesterday 17:00, 20/03/2019 09:00 (default: the start of today)',
      )
      .addOption(option.rules())
      .addOption(option.inspection())
      .addOption(option.agency())
      .addOption(
        new Option('-f, --format <format>', 'output format (default: text, or what --out is named)').choices([
          'text',
          'json',
          'md',
          'html',
        ]),
      )
      .option('-o, --out <file>', 'write it to a file: .md, .html, .json or .txt')
      .option('--force', 'replace a read-only --out file, or write a format its name does not say')
      .addOption(option.color())
      .addOption(option.quiet())
      .addHelpText(
        'after',
        examples([
          ['jtai status', 'from the inspection file here, now'],
          ['jtai status --format md > status.md', 'the daily update to partners, to paste'],
          ['jtai status --out status.html', 'a page whose tables paste into an email or a Teams message'],
          ['jtai status --since "yesterday 17:00"', 'what came in since last night'],
          ['jtai status --agency police --now "20/03/2019 17:00"', 'one agency, at another moment'],
        ]),
      )
      .action(async (options) => {
        const { runStatus } = await import('./commands/status.js');
        await runStatus(options, io);
      }),
  start: (program, io) =>
    program
      .command('start')
      .description(`write ${INSPECTION_FILE} here: this inspection's date, rule set, area, contacts and progress`)
      .addOption(option.notified())
      .addOption(option.rules())
      .option('--area <name>', 'the area inspected, for titles, calendar names and file names')
      .option('-o, --out <file>', 'write the inspection file elsewhere', INSPECTION_FILE)
      .option(
        '--letter-checked',
        'record that you have checked the timetable against the notification letter (by you, today): a "may not fit" warning is then a note',
      )
      .addOption(option.quiet())
      .addHelpText(
        'after',
        examples([
          ['jtai start --notified 2019-03-19 --area "My Area"', 'then: jtai plan, jtai done ID, jtai status'],
          ['jtai start --notified 2019-03-19 --rules my-area.yaml --area "My Area"', 'with your rule set'],
        ]),
      )
      .action(async (options) => {
        const { runStart } = await import('./commands/progress.js');
        await runStart(options, io);
      }),
  done: (program, io) =>
    program
      .command('done')
      .description("record that items (or one agency's part of them) are done, in the inspection's record")
      .argument('<ids...>', 'the items done, as the agenda shows their ids')
      .option('--by <name>', 'who did it, or who records it')
      .option(
        '--at <time>',
        "when, in the rule set's time (London's for the built-in): 14:52 (today), yesterday 16:40, 20/03/2019 14:52; a day alone is refused (default: now)",
      )
      .option('--note <text>', 'anything worth saying: how it was sent, what is missing')
      .option(
        '--force',
        'record it all the same: an --at in the future or before the notification, or a second delivery of what is done',
      )
      .addOption(option.agencyPart())
      .addOption(option.inspection())
      .addOption(option.quiet())
      .addHelpText(
        'after',
        examples([
          ['jtai done children-list --by "Jane Smith"', 'now'],
          ['jtai done children-list --at "yesterday 16:40"', 'yesterday at 16:40'],
          ['jtai done cse-gangs-cases --agency police --at 14:52', "the police's part, today at 14:52"],
          ['jtai done cse-gangs-cases -a police -a nhs --at "20/03/2019 14:52"', 'two parts at once'],
        ]),
      )
      .action(async (ids: string[], options) => {
        const { runDone } = await import('./commands/progress.js');
        await runDone(ids, options, io);
      }),
  undo: (program, io) =>
    program
      .command('undo')
      .description('take back a "done" (recorded as a change of its own: the record keeps both)')
      .argument('<ids...>', 'the items to mark as not done')
      .option('--by <name>', 'who takes it back')
      .option('--note <text>', 'why')
      .addOption(option.agencyPart())
      .addOption(option.inspection())
      .addOption(option.quiet())
      .addHelpText(
        'after',
        examples([
          ['jtai undo children-list', 'no longer done'],
          ['jtai undo probation-cases --agency nps', "only the NPS's part; the other parts stand"],
        ]),
      )
      .action(async (ids: string[], options) => {
        const { runUndo } = await import('./commands/progress.js');
        await runUndo(ids, options, io);
      }),
  move: (program, io) =>
    program
      .command('move')
      .description("record a deadline agreed with the lead inspector; every output then shows it beside the rule set's")
      .argument('<id>', 'the item whose deadline moved, as the agenda shows its id')
      .option(
        '--to <time>',
        "the new deadline: 22/03/2019 10:00, 2019-03-22T10:00, today 16:00 (in the rule set's time, London's for the built-in)",
      )
      .option('--why <text>', 'why it moved, shown beside it: "agreed with the lead inspector, Kim"')
      .option('--by <name>', 'who agreed it, or who records it')
      .option('--back', "return the item to the rule set's time")
      .addOption(option.inspection())
      .addOption(option.quiet())
      .addHelpText(
        'after',
        examples([
          [
            'jtai move multi-agency-meetings --to "22/03/2019 10:00" --why "agreed with the lead inspector, Kim"',
            'a new deadline; what is counted from it moves too',
          ],
          ['jtai move multi-agency-meetings --back', "the rule set's time again"],
        ]),
      )
      .action(async (id: string, options) => {
        const { runMove } = await import('./commands/move.js');
        await runMove(id, options, io);
      }),
  log: (program, io) =>
    program
      .command('log')
      .description('every change recorded, oldest first: what, when, who and why (the audit trail)')
      .option('--item <id>', 'only the changes to this item')
      .option('-a, --agency <id>', "only the changes to this agency's parts")
      .addOption(option.format(['text', 'json', 'md']))
      .addOption(option.inspection())
      .addHelpText(
        'after',
        examples([
          ['jtai log', 'everything, in this folder'],
          ['jtai log --item children-list', 'who sent the list of children, and when'],
          ['jtai log --format md > record.md', 'to send to the lead inspector'],
        ]),
      )
      .action(async (options) => {
        const { runLog } = await import('./commands/log.js');
        await runLog(options, io);
      }),
  web: (program, io) =>
    program
      .command('web')
      .description('write the whole of jtai as one web page, for people without a terminal: it works offline')
      .option('-o, --out <file>', 'the file to write', 'jtai.html')
      .addOption(option.quiet())
      .addHelpText(
        'after',
        examples(
          [
            ['jtai web', 'writes jtai.html: open it, email it, put it on the intranet'],
            ['jtai web --out //shared/jtai/jtai.html', 'straight onto a shared drive'],
          ],
          'Send a link that opens on a plan: jtai.html?notified=2019-03-19&agency=police',
        ),
      )
      .action(async (options) => {
        const { runWeb } = await import('./commands/web.js');
        await runWeb(options, io);
      }),
  check: (program, io) =>
    program
      .command('check')
      .description('check rule sets: errors and warnings with file:line:column; exit 1 on any error')
      .argument('<files...>', 'rule-set files, or names of built-in rule sets')
      .addOption(option.notified(false).default(undefined, 'a sample week without bank holidays'))
      .addOption(option.color())
      .addHelpText(
        'after',
        examples([
          ['jtai check my-area.yaml', 'after every edit'],
          ['jtai check jtai-2018', 'the built-in rule set'],
          ['jtai check my-area.yaml --notified 2019-04-16', 'tried on an Easter notification'],
        ]),
      )
      .action(async (files: string[], options) => {
        const { runCheck } = await import('./commands/check.js');
        if (!(await runCheck(files, options, io))) throw new ReportedFailure();
      }),
  init: (program, io) =>
    program
      .command('init')
      .description('write a commented starting rule set to edit (never overwrites a file)')
      .argument('[file]', 'the file to create', 'jtai-rules.yaml')
      .addHelpText('after', examples([['jtai init my-area.yaml', 'then edit it, and: jtai check my-area.yaml']]))
      .action(async (file: string) => {
        const { runInit } = await import('./commands/init.js');
        await runInit(file, io);
      }),
  list: (program, io) =>
    program
      .command('list')
      .description('list the built-in rule sets')
      .addOption(option.format(['text', 'json']))
      .addHelpText('after', examples([['jtai list', 'the rule sets jtai has built in']]))
      .action(async (options) => {
        const { runList } = await import('./commands/list.js');
        await runList(options, io);
      }),
  schema: (program, io) =>
    program
      .command('schema')
      .description('print the JSON Schema of rule-set files, for editors')
      .addHelpText('after', examples([['jtai schema > rule-set.schema.json', 'save it for your editor']]))
      .action(async () => {
        const { runSchema } = await import('./commands/schema.js');
        runSchema(io);
      }),
};

/**
 * The command a line of arguments starts with (or asks help for), the only one makeProgram then
 * needs: commandNamed(["help", "plan"]) is "plan". Anything before it ("--help plan" is jtai's
 * own help) needs the whole table: undefined.
 */
export function commandNamed(args: readonly string[]): string | undefined {
  const name = args[0] === 'help' ? args[1] : args[0];
  return name !== undefined && Object.hasOwn(COMMANDS, name) ? name : undefined;
}

/** Builds the command table, with only the command `only` if given; `io` receives everything commander prints. */
export function makeProgram(io: CliIo, version: string, only?: string): Command {
  const program = new Command('jtai')
    .description('Every deadline of a Joint Targeted Area Inspection (JTAI), worked out from the notification date.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .helpCommand('help [command]', 'show help for a command')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureHelp({ sortSubcommands: false, helpWidth: HELP_WIDTH })
    .configureOutput({
      writeOut: (text) => io.writeOut(text),
      writeErr: (text) => io.writeErr(text),
      getOutHelpWidth: () => HELP_WIDTH,
      getErrHelpWidth: () => HELP_WIDTH,
      outputError: () => {}, // errors are printed once, by main's catch
    })
    .addHelpText('after', MAIN_HELP)
    .hook('preAction', (_program, command) => checkCommandLine(command));

  for (const [name, define] of Object.entries(COMMANDS))
    if (only === undefined || name === only) define(program, io, version);
  return program;
}

/** The command a line of arguments runs, if it names one: commandOf(program, ["plan", "-n", "x"]) is "plan". */
export function commandOf(program: Command, args: readonly string[]): Command | undefined {
  const first = args.find((a) => !a.startsWith('-'));
  if (first === 'help') return program.commands.find((c) => c.name() === args[args.indexOf(first) + 1]);
  return program.commands.find((c) => c.name() === first);
}
