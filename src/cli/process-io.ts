import { fstatSync, statSync, writeSync } from 'node:fs';
import { InputError } from '../errors.js';
import { reason } from '../io/file-errors.js';

/** What a command may touch of the process: passed in, so tests can run commands in-process. */
export interface CliIo {
  writeOut(text: string): void;
  writeErr(text: string): void;
  /** Whether stdout is a terminal, and how wide. */
  stdoutIsTty: boolean;
  columns: number | undefined;
  env: Readonly<Record<string, string | undefined>>;
}

/** Wait a little without spinning: for a pipe that is full for now. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Writes all of a text to a file descriptor, synchronously. process.stdout would load Node's
 * stream, net and tty modules at every start (a few milliseconds); a plain write does not. A
 * pipe set to non-blocking by another program may be full for a moment (EAGAIN): wait and go
 * on. A reader that has gone away (EPIPE: "jtai plan | head -1") ends the output quietly.
 */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let done = 0; done < bytes.length; ) {
    try {
      done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') pause(5);
      else if (code === 'EPIPE') return;
      else if (fd === 2)
        return; // nowhere left to say it
      else
        throw new InputError(`cannot write to standard output: ${reason(e)}; give --out FILE to write a file instead.`);
    }
  }
}

// A standard output closed when jtai starts ("jtai plan >&-") cannot be told from one sent to
// /dev/null: Node opens /dev/null read-write in its place before any of jtai runs, just as
// Python's subprocess.DEVNULL and Node's stdio "ignore" open it. Both are taken as "discard".

// Only a character device can be a terminal; the tty module (which loads net and streams) is
// loaded only for one that is not /dev/null, to ask isatty and, later, the width.
function isTerminal(fd: number): boolean {
  try {
    const info = fstatSync(fd);
    if (!info.isCharacterDevice()) return false;
    if (process.platform !== 'win32' && info.rdev === statSync('/dev/null').rdev) return false;
    return process.getBuiltinModule('node:tty').isatty(fd);
  } catch {
    return false;
  }
}

let tty: boolean | undefined;

export const processIo: CliIo = {
  writeOut: (text) => writeAll(1, text),
  writeErr: (text) => writeAll(2, text),
  get stdoutIsTty() {
    tty ??= isTerminal(1);
    return tty;
  },
  get columns() {
    return this.stdoutIsTty ? process.stdout.columns : undefined;
  },
  env: process.env,
};
