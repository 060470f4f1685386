import { isUtf8 } from 'node:buffer';
import { closeSync, constants, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_FILE_BYTES } from '../core/progress/folder.js';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleSetReader } from '../core/rule-set/analyse.js';
import { InputError } from '../errors.js';
import { linkToNothing } from './file-errors.js';

/** The folder of the built-in rule sets, found from this module so jtai runs from any folder. */
export const BUILT_IN_DIR = fileURLToPath(new URL('../../schedules/', import.meta.url));
export const DEFAULT_RULE_SET = 'jtai-2018';
const MAX_BYTES = MAX_FILE_BYTES;

/** The file of a built-in rule set, if the name is one: builtInPath("jtai-2018") ends in schedules/jtai-2018.yaml. */
export function builtInPath(name: string): string | undefined {
  const path = `${BUILT_IN_DIR}${name}.yaml`;
  return /^[a-z0-9-]+$/.test(name) && existsSync(path) ? path : undefined;
}

/** Where a rule-set reference points: a built-in name, or a path relative to a folder. */
export function locateRuleSet(ref: string, fromDir: string = process.cwd()): string {
  return builtInPath(ref) ?? resolve(fromDir, ref);
}

/** How a file is named in messages: as the user would open it, relative to the working folder or absolute. */
export function displayName(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !rel.startsWith('/') ? rel : path;
}

// A newline byte is never part of a multi-byte UTF-8 character, so lines can be tried one by one.
function firstBadLine(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    const end = bytes.indexOf(10, start) === -1 ? bytes.length : bytes.indexOf(10, start);
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    start = end + 1;
  }
  return 1;
}

// Checked by Node's own validator and decoded as Buffer does (a TextDecoder costs a start-up
// more), with a byte order mark dropped as a TextDecoder drops it.
function decode(bytes: Buffer, shown: () => string, what: string): string {
  if (isUtf8(bytes)) {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    return bytes.toString('utf8', bom);
  }
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? ' (it looks like UTF-16)' : '';
  throw new InputError(
    `${what} ${shown()} is not UTF-8 text${utf16}: line ${firstBadLine(bytes)} has bytes that are not UTF-8; save the file as UTF-8.`,
  );
}

// Up to limit + 1 bytes, so that a file grown past the limit since fstat is seen to be; the
// buffer starts at the size fstat gave (not the limit: a 1 MiB buffer for a 2 KiB file cost
// more than the rest of reading it) and grows only for a file that grew.
function readAtMost(fd: number, size: number, limit: number): Buffer {
  let buffer = Buffer.allocUnsafe(Math.min(size, limit) + 1);
  let length = 0;
  for (let n = -1; n !== 0 && length <= limit; length += n) {
    if (length === buffer.length)
      buffer = Buffer.concat([buffer, Buffer.allocUnsafe(Math.min(buffer.length, limit + 1 - length))]);
    n = readSync(fd, buffer, length, buffer.length - length, null);
  }
  return buffer.subarray(0, length);
}

/**
 * Reads a rule-set file: only a regular file of at most 1 MiB, as UTF-8. A folder, a device
 * (/dev/zero), a pipe or a socket is refused without reading from it or waiting on it.
 */
export function readRuleSetFile(path: string, shown: string = displayName(path)): string {
  return readTextFile(path, shown, 'rule set');
}

// What to do about a file that is not there, by what it is.
const NO_SUCH_FILE_HINT: Record<string, string> = {
  'rule set': ` (the built-in rule set is "${DEFAULT_RULE_SET}")`,
  'inspection file': ' ("jtai start --notified DATE" makes one)',
};

/**
 * Reads a small text file safely (see readRuleSetFile); `what` names it in messages ("inspection
 * file"), and `shown` the file, worked out only for a message when given as a function.
 */
export function readTextFile(path: string, shownAs: string | (() => string), what: string): string {
  const shown = typeof shownAs === 'function' ? shownAs : () => shownAs;
  const fail = (why: string) => new InputError(`cannot read ${what} ${shown()}: ${why}.`);
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise wait for ever.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw fail(linkToNothing(path) ?? `no such file${NO_SUCH_FILE_HINT[what] ?? ''}`);
    if (code === 'EACCES' || code === 'EPERM') throw fail('permission denied');
    if (code === 'EISDIR') throw fail('it is a folder, not a file');
    if (code === 'ENOTDIR') throw fail('a part of the path is not a folder');
    throw fail((e as Error).message);
  }
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw fail('it is a folder, not a file');
    if (!info.isFile()) throw fail('it is not a regular file (a device, a pipe or a socket); give a .yaml file');
    if (info.size > MAX_BYTES)
      throw new InputError(`${what} ${shown()} is ${info.size} bytes; ${what}s are limited to 1 MiB.`);
    const bytes = readAtMost(fd, info.size, MAX_BYTES);
    if (bytes.length > MAX_BYTES)
      throw new InputError(`${what} ${shown()} is over 1 MiB; ${what}s are limited to 1 MiB.`);
    return decode(bytes, shown, what);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw fail((e as Error).message);
  } finally {
    closeSync(fd);
  }
}

/** Rule-set files on the disk: built-in names, paths relative to the file that names them. */
export const diskReader: RuleSetReader = {
  locate: (ref, from) => locateRuleSet(ref, dirname(from)),
  read: (file) => readRuleSetFile(file),
  show: displayName,
  extendsHint: '"extends" names a built-in rule set or a file relative to this one',
};
