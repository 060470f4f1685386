import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { type FileHandle, link, lstat, mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';

export interface OutputFile {
  path: string;
  content: string;
}

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'no such folder',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links in the path',
  EXDEV: 'it is on another disk than its folder',
  EBUSY: 'the file is busy',
};

/** Why a file operation failed, in words: reason({ code: "ENOSPC" }) is "the disk is full". */
export function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return (err.code && REASONS[err.code]) ?? err.message;
}

/** How a target is written: replaced atomically (a new or regular file, or a symlink, which is replaced, never followed), or written straight into (a device or a pipe). */
type Target = 'replace' | 'device';

// The system's device folders: /dev/stdout is a symlink to /proc/self/fd/1, which may be a
// pipe, a terminal or a regular file; renaming over it would replace the system's own entry.
const DEVICE_FOLDERS = /^\/(dev|proc)\//;

async function targetOf(path: string, devices: boolean): Promise<Target> {
  if (/[/\\]$/.test(path)) throw new InputError(`cannot write ${path}: it names a folder; give a file name.`);
  if (DEVICE_FOLDERS.test(resolve(path))) {
    if (devices) return 'device';
    throw new InputError(`cannot write ${path}: it is in a system device folder; jtai will not replace it.`);
  }
  let info;
  try {
    info = await lstat(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'replace';
    throw new InputError(`cannot write ${path}: ${reason(e)}; no file was changed.`);
  }
  if (info.isDirectory()) throw new InputError(`cannot write ${path}: it is a folder; give a file name inside it.`);
  if (info.isSymbolicLink()) {
    const target = await stat(path).catch(() => undefined);
    if (target?.isDirectory()) throw new InputError(`cannot write ${path}: it is a link to a folder; give a file name.`);
    return 'replace'; // the link itself is replaced by the file: what it points to is never written
  }
  if (info.isFile()) return 'replace';
  if (devices && (info.isCharacterDevice() || info.isFIFO())) return 'device';
  throw new InputError(`cannot write ${path}: it is not a regular file (a device, a pipe or a socket); jtai will not replace it.`);
}

// A device (/dev/null, /dev/stdout, a terminal) or a pipe is written into, never replaced. A
// named pipe with no reader would block for ever, so it is first opened without waiting.
async function writeDevice(path: string, content: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    if (info.isFIFO()) {
      const probe = await open(path, constants.O_WRONLY | constants.O_NONBLOCK);
      await probe.close();
    }
    handle = await open(path, 'w');
    await handle.writeFile(content);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`cannot write ${path}: ${code === 'ENXIO' ? 'no program is reading from the pipe' : reason(e)}.`);
  } finally {
    await handle?.close();
  }
}

/**
 * Writes files so that a failure leaves every one of them as it was: each is written to a
 * temporary file beside it, and only when all are written are they renamed into place. A
 * symlink at a target is replaced, not followed; a folder or a device is refused, except that
 * one file (--out) may go straight into a device or a pipe (--out /dev/stdout).
 */
export async function writeFilesAtomically(files: readonly OutputFile[], writer = writeFile): Promise<void> {
  const targets = await Promise.all(files.map((f) => targetOf(f.path, files.length === 1)));
  if (targets[0] === 'device') return writeDevice(files[0]!.path, files[0]!.content);
  const temps: string[] = [];
  try {
    for (const file of files) {
      const temp = tempPathFor(file.path);
      temps.push(temp);
      await writer(temp, file.content, { flag: 'wx' });
    }
  } catch (e) {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    const failed = files[temps.length - 1]?.path ?? '';
    throw new InputError(`cannot write ${failed}: ${reason(e)}; no file was changed.`);
  }
  for (const [i, file] of files.entries()) {
    try {
      await rename(temps[i]!, file.path);
    } catch (e) {
      await Promise.all(temps.slice(i).map((t) => rm(t, { force: true })));
      const done = i === 0 ? '; no file was changed' : `; ${i} of ${files.length} files were written before it`;
      throw new InputError(`cannot write ${file.path}: ${reason(e)}${done}.`);
    }
  }
}

/** Creates a folder and its parents if missing; refuses a path that is a file. */
export async function ensureFolder(path: string): Promise<void> {
  try {
    await mkdir(path, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`cannot create folder ${path}: ${code === 'EEXIST' || code === 'ENOTDIR' ? 'a file has that name' : reason(e)}.`);
  }
}

/**
 * Creates a new file and never replaces one: the text is written to a temporary file that is
 * then linked into place, which fails if the name is taken, so there is no half-written file.
 */
export async function writeNewFile(path: string, content: string, command = 'jtai init'): Promise<void> {
  const temp = tempPathFor(path);
  try {
    await writeFile(temp, content, { flag: 'wx' });
    await link(temp, path);
  } catch (e) {
    const exists = (e as NodeJS.ErrnoException).code === 'EEXIST';
    throw new InputError(exists ? `${path} already exists; ${command} does not overwrite files. Choose another name or remove it.` : `cannot write ${path}: ${reason(e)}.`);
  } finally {
    await rm(temp, { force: true });
  }
}
