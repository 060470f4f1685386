import { readFileSync } from 'node:fs';
import { CommanderError } from 'commander';
import { JtaiError } from '../errors.js';
import { type CliIo, processIo } from './io.js';
import { makeProgram } from './program.js';

// Written in by the bundler (rolldown.config.mjs); read from package.json when run unbundled (tests).
declare const __JTAI_VERSION__: string | undefined;
const version =
  typeof __JTAI_VERSION__ === 'string'
    ? __JTAI_VERSION__
    : (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

// Commander's messages start "error: "; ours read as one sentence after "jtai: ".
function commanderMessage(e: CommanderError): string {
  return e.message.replace(/^error: /, '').replace(/\n+$/, '');
}

/** A message safe for a terminal: control characters a value brought in are shown, not obeyed. */
export function visible(message: string): string {
// eslint-disable-next-line no-control-regex -- matching control characters is the point
  return message.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Runs jtai with the arguments after "jtai" and returns the exit code; the one place that reports errors. */
export async function main(args: readonly string[], io: CliIo = processIo): Promise<number> {
  const program = makeProgram(io, version);
  try {
    if (args.length === 0) {
      io.writeErr(`jtai: give a command, for example: jtai plan --notified 2019-03-19\n\n${program.helpInformation()}`);
      return 2;
    }
    await program.parseAsync(args, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return 0; // --help, --version
      io.writeErr(`jtai: ${visible(commanderMessage(e))}\nRun "jtai --help" for usage.\n`);
      return 2;
    }
    if (e instanceof JtaiError) {
      if (e.message !== '') io.writeErr(`jtai: ${visible(e.message)}\n`);
      return e.exitCode;
    }
    const detail = io.env.JTAI_DEBUG ? `\n${(e as Error).stack}` : ' (set JTAI_DEBUG=1 for details)';
    io.writeErr(`jtai: internal error: ${visible((e as Error).message)}. This is a bug in jtai; please report it.${detail}\n`);
    return 70;
  }
}

/** The bin's entry: run with the process's arguments and set the exit code, letting output drain. */
export async function run(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2));
}
