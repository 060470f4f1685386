import { readFileSync } from 'node:fs';
import { type Command, CommanderError } from 'commander';
import { readDate } from '../core/dates/date-input.js';
import { didYouMean } from '../core/text/suggest.js';
import { visible, visibleKeepingColour } from '../core/text/text-rules.js';
import { JtaiError, RuleSetError } from '../errors.js';
import { reason } from '../io/file-errors.js';
import { type CliIo, processIo } from './process-io.js';
import { commandNamed, commandOf, makeProgram } from './program.js';

// Written in by the bundler (rolldown.config.mjs); read from package.json when run unbundled (tests).
declare const __JTAI_VERSION__: string | undefined;
const version =
  typeof __JTAI_VERSION__ === 'string'
    ? __JTAI_VERSION__
    : (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * The process's io with every text shown as data: on stderr, and on stdout when it is a
 * terminal, a control character that a value brought in is shown as a visible escape, never
 * obeyed (jtai's own colours are kept). Files and pipes get the format's own escaping.
 */
function safeIo(io: CliIo): CliIo {
  return {
    writeOut: (text) => io.writeOut(io.stdoutIsTty ? visibleKeepingColour(text) : text),
    writeErr: (text) => io.writeErr(visible(text)),
    get stdoutIsTty() {
      return io.stdoutIsTty;
    },
    get columns() {
      return io.columns;
    },
    env: io.env,
  };
}

/** An error of the system, not of jtai (the working folder gone, a disk full), in words; undefined for anything else. */
function systemProblem(e: unknown): string | undefined {
  const err = e as NodeJS.ErrnoException;
  if (typeof err?.code !== 'string' || typeof err.syscall !== 'string') return undefined;
  if (err.syscall === 'uv_cwd')
    return 'the working folder no longer exists (it was deleted or moved); change to a folder that does (cd) and run jtai again.';
  return `cannot ${err.syscall}${err.path ? ` ${err.path}` : ''}: ${reason(err)}.`;
}

function longOptions(command: Command): string[] {
  return command.options.flatMap((o) => (o.long ? [o.long] : []));
}

// Commander's messages start "error: "; ours read as one sentence after "jtai: ", and say
// what was probably meant.
// Options people type by another word than jtai's: "jtai move --reason" is "--why".
const SAID_OTHERWISE: Readonly<Record<string, readonly string[]>> = {
  '--reason': ['--why', '--note'],
  '--output': ['--out'],
  '--date': ['--notified', '--to', '--at'],
  '--time': ['--at', '--now'],
  '--when': ['--at', '--now'],
  '--deadline': ['--to'],
  '--who': ['--by'],
  '--file': ['--out', '--inspection'],
};

function commanderMessage(e: CommanderError, command: Command | undefined, args: readonly string[]): string {
  const plain = e.message.replace(/^error: /, '').replace(/\n+$/, '');
  const name = command ? `jtai ${command.name()}` : 'jtai';
  if (e.code === 'commander.unknownOption' && command) {
    const flag = /'([^']+)'/.exec(plain)?.[1] ?? '';
    const meant = SAID_OTHERWISE[flag.replace(/=.*$/, '')]?.find((o) => longOptions(command).includes(o));
    return `${name} has no option ${flag}.${meant ? ` Did you mean "${meant}"?` : didYouMean(flag, longOptions(command))}`;
  }
  if (e.code === 'commander.excessArguments' && command) {
    const extra = args.slice(args.indexOf(command.name()) + 1).find((a) => !a.startsWith('-') && looksLikeDate(a));
    if (extra && longOptions(command).includes('--notified'))
      return `${name} takes the date as an option: did you mean ${name} --notified ${extra}?`;
  }
  return jtaiWords(e, plain, command) ?? plain.replace(/\s*\(Did you mean (.*)\?\)$/, '. Did you mean $1?');
}

/** The flag people type for an option commander names by its flags: "-f, --format <format>" is "--format". */
function flagOf(flags: string): string {
  return /--[\w-]+/.exec(flags)?.[0] ?? flags;
}

// Commander's other messages, in jtai's voice: the value, what it should be, and the choices.
function jtaiWords(e: CommanderError, plain: string, command: Command | undefined): string | undefined {
  const choice = /^option '([^']+)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/.exec(plain);
  if (choice) return `${flagOf(choice[1]!)} "${choice[2]}" is not one of its choices; give one of: ${choice[3]}.`;
  const missing = /^option '([^']+)' argument missing$/.exec(plain);
  if (missing) return `${flagOf(missing[1]!)} needs a value after it (${missing[1]}).`;
  const argument = /^missing required argument '([^']+)'$/.exec(plain);
  if (argument && command)
    return `jtai ${command.name()} needs ${argument[1]}: jtai ${command.name()} ${command.registeredArguments.map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`)).join(' ')}.`;
  return undefined;
}

function looksLikeDate(text: string): boolean {
  try {
    readDate('', text, '2000-01-01');
    return true;
  } catch {
    return false;
  }
}

function helpHint(command: Command | undefined): string {
  return command
    ? `Run "jtai ${command.name()} --help" for its options and examples.`
    : 'Run "jtai --help" for the commands and examples.';
}

/** Runs jtai with the arguments after "jtai" and returns the exit code; the one place that reports errors. */
export async function main(args: readonly string[], processOrTestIo: CliIo = processIo): Promise<number> {
  const io = safeIo(processOrTestIo);
  const program = makeProgram(io, version, commandNamed(args));
  const command = commandOf(program, args);
  const noCommand = (name: string) => {
    const names = program.commands.map((c) => c.name());
    io.writeErr(
      `jtai: there is no command "${name}".${didYouMean(name, names)} The commands are: ${names.join(', ')}.\n${helpHint(undefined)}\n`,
    );
    return 2;
  };
  try {
    if (args.length === 0) {
      io.writeErr(`jtai: give a command, for example: jtai plan --notified 2019-03-19\n\n${program.helpInformation()}`);
      return 2;
    }
    if (args[0] === 'help' && args[1] !== undefined && !command) return noCommand(args[1]);
    await program.parseAsync(args, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return 0; // --help, --version
      if (e.code === 'commander.help') return 2; // "jtai help" without a command: usage shown, as for no command
      if (e.code === 'commander.unknownCommand') return noCommand(/'([^']*)'/.exec(e.message)?.[1] ?? '');
      io.writeErr(`jtai: ${commanderMessage(e, command, args)}\n${helpHint(command)}\n`);
      return 2;
    }
    if (e instanceof JtaiError) {
      if (e.message === '') return e.exitCode; // already reported (jtai check)
      const hint =
        e instanceof RuleSetError
          ? e.what === 'rule set'
            ? `Run "jtai check ${e.file}" after each fix.`
            : `Run "jtai status" after each fix.`
          : helpHint(command);
      io.writeErr(`jtai: ${e.message}\n${hint}\n`);
      return e.exitCode;
    }
    const system = systemProblem(e);
    if (system) {
      io.writeErr(`jtai: ${system}\n`);
      return 1;
    }
    const detail = io.env.JTAI_DEBUG ? `\n${(e as Error).stack}` : ' (set JTAI_DEBUG=1 for details)';
    io.writeErr(`jtai: internal error: ${(e as Error).message}. This is a bug in jtai; please report it.${detail}\n`);
    return 70;
  }
}

/** The bin's entry: run with the process's arguments and set the exit code, letting output drain. */
export async function run(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2));
}
