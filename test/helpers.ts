import { makeHolidayCalendar } from '../src/core/dates/bank-holidays.js';
import type { CliIo } from '../src/cli/process-io.js';
import { main } from '../src/cli/main.js';

export const calendar = makeHolidayCalendar([]);

/** Runs the CLI in-process and collects what it printed. */
export async function runCli(args: string[], env: Record<string, string> = {}, tty = false) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    writeOut: (t) => void (stdout += t),
    writeErr: (t) => void (stderr += t),
    stdoutIsTty: tty,
    columns: 100,
    env,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** What an error said, without the closing pointer at the help: stderr minus its last "Run ..." line. */
export function said(stderr: string): string {
  return stderr.replace(
    /Run "jtai [^"]*" (for its options and examples|for the commands and examples|after each fix)\.\n$/,
    '',
  );
}
