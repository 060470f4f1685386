import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { type FileHandle, chmod, chown, link, lstat, mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { REASONS, reason } from './file-errors.js';

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
type Target = { kind: 'replace'; old?: { mode: number; gid: number } } | { kind: 'device' };

/** A mode as it is written in octal: 0o444 is "0444". */
const octal = (mode: number) => (mode & 0o7777).toString(8).padStart(4, '0');

// The system's device folders: /dev/stdout is a symlink to /proc/self/fd/1, which may be a
// pipe, a terminal or a regular file; renaming over it would replace the system's own entry.
const DEVICE_FOLDERS = /^\/(dev|proc)\//;

async function targetOf(path: string, devices: boolean, force: boolean): Promise<Target> {
  if (/[/\\]$/.test(path)) throw new InputError(`cannot write ${path}: it names a folder; give a file name.`);
  if (Buffer.byteLength(basename(path)) > NAME_MAX) throw new InputError(`cannot write ${path}: ${REASONS.ENAMETOOLONG}; no file was changed.`);
  if (DEVICE_FOLDERS.test(resolve(path))) {
    if (devices) return { kind: 'device' };
    throw new InputError(`cannot write ${path}: it is in a system device folder; jtai will not replace it.`);
  }
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
    if (target?.isDirectory()) throw new InputError(`cannot write ${path}: it is a link to a folder; give a file name.`);
    return { kind: 'replace' }; // the link itself is replaced by the file: what it points to is never written, nor its mode copied
  }
  if (info.isFile()) {
    if ((info.mode & 0o222) === 0 && !force) throw new InputError(`cannot write ${path}: it is read-only (mode ${octal(info.mode)}); give --force to replace it, or choose another name.`);
    return { kind: 'replace', old: { mode: info.mode & 0o7777, gid: info.gid } };
  }
  if (devices && (info.isCharacterDevice() || info.isFIFO())) return { kind: 'device' };
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

/** Gives a temporary file the group (where the writer may) and then the mode of the file it will replace. */
async function keepAccess(temp: string, old: { mode: number; gid: number }): Promise<void> {
  const now = await stat(temp);
  if (now.gid !== old.gid) {
    await chown(temp, -1, old.gid).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPERM' && e.code !== 'EINVAL') throw e; // not one of the writer's groups: the folder's group stays
    });
  }
  if ((now.mode & 0o7777) !== old.mode || now.gid !== old.gid) await chmod(temp, old.mode); // after chown, which may clear setgid
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
export async function writeFilesAtomically(files: readonly OutputFile[], options: WriteOptions | Writer = {}): Promise<void> {
  const { force = false, writer = writeFile } = typeof options === 'function' ? { writer: options } : options;
  const targets = await Promise.all(files.map((f) => targetOf(f.path, files.length === 1, force)));
  if (targets[0]?.kind === 'device') return writeDevice(files[0]!.path, files[0]!.content);
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
    await discard([temp]);
  }
}
