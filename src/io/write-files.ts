import { randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, statSync, writeSync } from 'node:fs';
import { chmod, chown, copyFile, link, lstat, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { REASONS, cannotLink, reason } from './file-errors.js';

export { reason };

export interface OutputFile {
  path: string;
  content: string;
}

// The longest file name most file systems take, in bytes (NAME_MAX).
const NAME_MAX = 255;

/** The longest start of `text` that is at most `bytes` bytes in UTF-8, never splitting a character. */
function fitBytes(text: string, bytes: number): string {
  let used = 0;
  let end = 0;
  for (const char of text) {
    used += Buffer.byteLength(char);
    if (used > bytes) break;
    end += char.length;
  }
  return text.slice(0, end);
}

/** A temporary file beside `path`, in the same folder (so it is renamed, not copied, and takes the folder's group), whose name always fits in NAME_MAX bytes. */
function tempPathFor(path: string): string {
  const tail = `.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  return join(dirname(path), `.${fitBytes(basename(path), NAME_MAX - 1 - tail.length)}${tail}`);
}

/** Removes temporary files, ignoring any failure: a clean-up never hides the error that caused it. */
async function discard(paths: readonly string[]): Promise<void> {
  await Promise.all(paths.map((p) => rm(p, { force: true }).catch(() => undefined)));
}

/**
 * How a target is written: replaced atomically (a new or regular file, or a symlink, which is
 * replaced, never followed), or written straight into (a device or a pipe). A regular file
 * that is replaced brings its mode and group, which the new file keeps.
 */
type Target =
  | { kind: 'replace'; old?: { mode: number; gid: number } }
  | { kind: 'device' }
  | { kind: 'stdio'; fd: number };

/** A mode as it is written in octal: 0o444 is "0444". */
const octal = (mode: number) => (mode & 0o7777).toString(8).padStart(4, '0');

// The names of jtai's own standard output and error: written through the descriptor it has,
// so that "--out /dev/stdout >> log.txt" appends as the shell asked, and nothing is reopened.
const STDIO = /^\/(?:dev\/(?:std(out|err)|fd\/([12]))|proc\/self\/fd\/([12]))$/;
// The system's device folders: renaming over an entry there would replace the system's own.
// /dev/shm is a folder for ordinary files, and is treated as one.
const DEVICE_FOLDERS = /^\/(dev\/(?!shm\/)|proc\/)/;

async function systemTarget(path: string, devices: boolean): Promise<Target> {
  const stdio = STDIO.exec(resolve(path));
  if (stdio && devices)
    return { kind: 'stdio', fd: stdio[1] === 'err' || stdio[2] === '2' || stdio[3] === '2' ? 2 : 1 };
  const info = await lstat(path).catch(() => undefined);
  if (info?.isSymbolicLink())
    throw new InputError(`cannot write ${path}: it is a link in a system folder; jtai will not follow it.`);
  if (info && devices && (info.isCharacterDevice() || info.isFIFO())) return { kind: 'device' };
  throw new InputError(`cannot write ${path}: it is in a system device folder; jtai will not replace it.`);
}

async function targetOf(path: string, devices: boolean, force: boolean): Promise<Target> {
  if (/[/\\]$/.test(path)) throw new InputError(`cannot write ${path}: it names a folder; give a file name.`);
  if (Buffer.byteLength(basename(path)) > NAME_MAX)
    throw new InputError(`cannot write ${path}: ${REASONS.ENAMETOOLONG}; no file was changed.`);
  if (DEVICE_FOLDERS.test(resolve(path))) return systemTarget(path, devices);
  let info;
  try {
    info = await lstat(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'replace' };
    throw new InputError(`cannot write ${path}: ${reason(e)}; no file was changed.`);
  }
  if (info.isDirectory()) throw new InputError(`cannot write ${path}: it is a folder; give a file name inside it.`);
  if (info.isSymbolicLink()) {
    const target = await stat(path).catch(() => undefined);
    if (target?.isDirectory())
      throw new InputError(`cannot write ${path}: it is a link to a folder; give a file name.`);
    return { kind: 'replace' }; // the link itself is replaced by the file: what it points to is never written, nor its mode copied
  }
  if (info.isFile()) {
    if ((info.mode & 0o222) === 0 && !force)
      throw new InputError(
        `cannot write ${path}: it is read-only (mode ${octal(info.mode)}); give --force to replace it, or choose another name.`,
      );
    return { kind: 'replace', old: { mode: info.mode & 0o7777, gid: info.gid } };
  }
  if (devices && (info.isCharacterDevice() || info.isFIFO())) return { kind: 'device' };
  throw new InputError(
    `cannot write ${path}: it is not a regular file (a device, a pipe or a socket); jtai will not replace it.`,
  );
}

/** Waits a little without spinning: for a pipe that is full for now. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

// Writes all of a text to a descriptor that may be non-blocking (a pipe): a full pipe is waited on.
function writeAllTo(fd: number, content: string): void {
  const bytes = Buffer.from(content, 'utf8');
  for (let done = 0; done < bytes.length; ) {
    try {
      done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      pause(5);
    }
  }
}

// A device (/dev/null, a terminal) or a named pipe is written into, never replaced, through
// one open that does not wait: a pipe nobody reads is refused at once (ENXIO), and a reader
// sees one writer, not a probe that ends its input before the text comes.
function writeDevice(path: string, content: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_NONBLOCK);
    if (fstatSync(fd).isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    writeAllTo(fd, content);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(
      `cannot write ${path}: ${code === 'ENXIO' ? 'no program is reading from the pipe' : reason(e)}.`,
    );
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function writeStdio(path: string, fd: number, content: string): void {
  try {
    writeAllTo(fd, content);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EPIPE') return; // the reader has gone: "| head"
    throw new InputError(`cannot write ${path}: ${reason(e)}.`);
  }
}

/** Gives a temporary file the group (where the writer may) and then the mode of the file it will replace. */
async function keepAccess(temp: string, old: { mode: number; gid: number }): Promise<void> {
  const now = await stat(temp);
  let mode = old.mode;
  if (now.gid !== old.gid) {
    await chown(temp, -1, old.gid).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPERM' && e.code !== 'EINVAL') throw e;
      // Not one of the writer's groups: the folder's group stays, and is given none of the old
      // group's access, so that the file is never open to people it was closed to.
      mode &= ~0o070;
    });
  }
  if ((now.mode & 0o7777) !== mode || now.gid !== old.gid) await chmod(temp, mode); // after chown, which may clear setgid
}

/** The function that writes a temporary file: node's writeFile, or a stand-in in tests. */
export type Writer = typeof writeFile;

/** How writeFilesAtomically writes: `force` replaces a read-only file; `writer` writes each temporary file. */
export interface WriteOptions {
  force?: boolean;
  writer?: Writer;
}

/**
 * Writes files so that a failure leaves every one of them as it was: each is written to a
 * temporary file beside it, and only when all are written are they renamed into place. A
 * replaced file keeps its mode and, where the writer may, its group; a read-only one is
 * refused unless `force`. A symlink at a target is replaced, not followed; a folder or a
 * device is refused, except that one file (--out) may go straight into a device or a pipe
 * (--out /dev/stdout). The second argument may also be the writer alone, as it once was.
 */
export async function writeFilesAtomically(
  files: readonly OutputFile[],
  options: WriteOptions | Writer = {},
): Promise<void> {
  const { force = false, writer = writeFile } = typeof options === 'function' ? { writer: options } : options;
  const targets = await Promise.all(files.map((f) => targetOf(f.path, files.length === 1, force)));
  const first = targets[0];
  if (first?.kind === 'device') return writeDevice(files[0]!.path, files[0]!.content);
  if (first?.kind === 'stdio') return writeStdio(files[0]!.path, first.fd, files[0]!.content);
  const temps: string[] = [];
  try {
    for (const [i, file] of files.entries()) {
      const temp = tempPathFor(file.path);
      temps.push(temp);
      const target = targets[i]!;
      const old = target.kind === 'replace' ? target.old : undefined;
      // Over an old file, the temporary one starts readable by its writer alone, never wider than the file it replaces.
      await writer(temp, file.content, old ? { flag: 'wx', mode: 0o600 } : { flag: 'wx' });
      if (old) await keepAccess(temp, old);
    }
  } catch (e) {
    await discard(temps);
    const failed = files[temps.length - 1]?.path ?? '';
    throw new InputError(`cannot write ${failed}: ${reason(e)}; no file was changed.`);
  }
  for (const [i, file] of files.entries()) {
    try {
      await rename(temps[i]!, file.path);
    } catch (e) {
      await discard(temps.slice(i));
      const done = i === 0 ? '; no file was changed' : `; ${i} of ${files.length} files were written before it`;
      throw new InputError(`cannot write ${file.path}: ${reason(e)}${done}.`);
    }
  }
}

// A file's identity on the disk, through any links: two names of one file are one.
function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/**
 * Refuses to write over a file the command is reading (the inspection file, the rule set) or
 * into a folder it reads (the progress record, whose every file is an event).
 */
export function refuseInputs(
  outputs: readonly string[],
  inputs: ReadonlyArray<{ path: string; what: string; folder?: boolean }>,
): void {
  for (const out of outputs) {
    const input = inputs.find((i) => sameFile(i.folder ? dirname(resolve(out)) : out, i.path));
    if (input)
      throw new InputError(
        `cannot write ${out}: it is ${input.what} this plan is read from (${input.path}); choose another name.`,
      );
  }
}

/** Creates a folder and its parents if missing; refuses a path that is a file. */
export async function ensureFolder(path: string): Promise<void> {
  try {
    await mkdir(path, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(
      `cannot create folder ${path}: ${code === 'EEXIST' || code === 'ENOTDIR' ? 'a file has that name' : reason(e)}.`,
    );
  }
}

/**
 * Creates a new file and never replaces one: the text is written to a temporary file that is
 * then linked into place, which fails if the name is taken, so there is no half-written file.
 * A disk that cannot link (a USB stick's FAT or exFAT, some shares) gets a copy made only if
 * the name is free.
 */
export async function writeNewFile(path: string, content: string, command = 'jtai init'): Promise<void> {
  const temp = tempPathFor(path);
  try {
    await writeFile(temp, content, { flag: 'wx' });
    await link(temp, path).catch((e: NodeJS.ErrnoException) => {
      if (!cannotLink(e)) throw e;
      return copyFile(temp, path, constants.COPYFILE_EXCL);
    });
  } catch (e) {
    const exists = (e as NodeJS.ErrnoException).code === 'EEXIST';
    throw new InputError(
      exists
        ? `${path} already exists; ${command} does not overwrite files. Choose another name or remove it.`
        : `cannot write ${path}: ${reason(e)}.`,
    );
  } finally {
    await discard([temp]);
  }
}
