import { randomBytes } from 'node:crypto';
import { closeSync, constants, fchmodSync, fchownSync, fstatSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, readdirSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { type ProgressEvent, eventName, eventText, readEvent } from '../core/progress/events.js';
import { InputError } from '../errors.js';
import { reason } from './file-errors.js';

// The progress record on the disk: a folder beside the inspection file, one file per event,
// each created once and never changed (Maildir's discipline: written under a temporary name,
// flushed, then linked into place, which never replaces a file). Nothing is locked, rewritten
// or deleted, so no update can be lost, on a local disk, a network share or a synced folder.

/** The largest event file read; a larger one is not jtai's. */
const MAX_EVENT_BYTES = 64 * 1024;
/** A temporary file older than this was left by a writer that died; the next writer removes it. */
const STALE_TEMP_MS = 60 * 60 * 1000;

/**
 * The progress folder of an inspection file, beside the real file when the path is a link:
 * progressFolderOf("/share/jtai-inspection.yaml") is "/share/jtai-inspection.progress".
 */
export function progressFolderOf(inspectionPath: string): string {
  let real = inspectionPath;
  try {
    real = realpathSync(inspectionPath);
  } catch {
    // not there (yet): named as given
  }
  return join(dirname(real), `${basename(real).replace(/\.ya?ml$/i, '')}.progress`);
}

/** What reading the folder found: the events, and each file that could not be used, and why. */
export interface ReadEvents {
  events: ProgressEvent[];
  problems: string[];
}

// A regular file, opened without waiting (a FIFO planted in the folder must not hang jtai).
function readEventFile(path: string): string {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw new InputError('it is a folder');
    if (!info.isFile()) throw new InputError('it is not a regular file (a device, a pipe or a socket)');
    if (info.size > MAX_EVENT_BYTES) throw new InputError(`it is larger than ${MAX_EVENT_BYTES / 1024} KiB, more than any event`);
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/** Every event in a progress folder (none if there is no folder); a damaged or foreign file is reported and skipped. */
export function readEvents(folder: string): ReadEvents {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { events: [], problems: [] };
    throw new InputError(`cannot read the progress folder ${folder}: ${reason(e)}.`);
  }
  const events: ProgressEvent[] = [];
  const problems: string[] = [];
  for (const name of names.sort()) {
    if (name.startsWith('.')) continue; // a writer's temporary file, or the system's
    if (!name.endsWith('.json')) {
      problems.push(`${join(folder, name)} is not a jtai event (not a .json file); it was skipped.`);
      continue;
    }
    try {
      const read = readEvent(readEventFile(join(folder, name)));
      if ('event' in read) events.push(read.event);
      else problems.push(`${join(folder, name)} was skipped: ${read.problem}.`);
    } catch (e) {
      problems.push(`${join(folder, name)} was skipped: ${e instanceof InputError ? e.message : reason(e)}.`);
    }
  }
  return { events, problems };
}

/** Who may read and write the inspection file: its events are made as open, and no more. */
function accessOf(file: string): { mode: number; gid: number } | undefined {
  try {
    const info = statSync(file);
    return { mode: info.mode & 0o777, gid: info.gid };
  } catch {
    return undefined;
  }
}

// Gives a new file or folder the inspection file's access, whatever the writer's umask: a
// teammate with umask 077 must not make records the rest of the team cannot read. The group
// is kept where the writer may give it; else the file gets none of the group's access.
function shareWith(fd: number, mode: number, gid: number): void {
  let wanted = mode;
  try {
    if (fstatSync(fd).gid !== gid) fchownSync(fd, -1, gid);
  } catch {
    wanted &= ~0o070;
  }
  try {
    fchmodSync(fd, wanted);
  } catch {
    // a share that keeps no modes
  }
}

// The progress folder, made with the inspection file's access (and search where it may be read).
function makeFolder(folder: string, access: { mode: number; gid: number } | undefined): void {
  try {
    mkdirSync(folder);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    mkdirSync(folder, { recursive: true });
  }
  if (!access) return;
  const fd = openSync(folder, 'r');
  try {
    shareWith(fd, access.mode | ((access.mode & 0o444) >> 2) | (statSync(folder).mode & 0o2000), access.gid);
  } finally {
    closeSync(fd);
  }
}

/** The next event's unique id: the time, this host, this process and 32 random bits. */
export function newEventId(nowMs: number): string {
  return eventName(nowMs, hostname(), process.pid, randomBytes(4).toString('hex'));
}

// Temporary files of writers that died long ago: invisible to readers, removed by the next writer.
function removeStaleTemporaries(folder: string, nowMs: number): void {
  for (const name of readdirSync(folder)) {
    if (!name.startsWith('.') || !name.endsWith('.tmp')) continue;
    try {
      if (nowMs - statSync(join(folder, name)).mtimeMs > STALE_TEMP_MS) unlinkSync(join(folder, name));
    } catch {
      // another writer got there first, or it is not ours to remove
    }
  }
}

function writeAllSync(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}

/**
 * Records one event as a new file of the folder (made if missing), and returns its path: the
 * text is written and flushed under a temporary name, then linked to its own name, which
 * fails rather than replace a file; nothing is ever left half-written under an event's name.
 */
export function recordEvent(folder: string, event: ProgressEvent, nowMs: number, like?: string): string {
  const path = join(folder, `${event.id}.json`);
  const temp = join(folder, `.${event.id}.tmp`);
  const access = like === undefined ? undefined : accessOf(like);
  try {
    makeFolder(folder, access);
    const fd = openSync(temp, 'wx');
    try {
      writeAllSync(fd, eventText(event));
      if (access) shareWith(fd, access.mode & 0o666, access.gid);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    placeFile(temp, path);
  } catch (e) {
    throw new InputError(`cannot record progress in ${folder}: ${reason(e)}; nothing was recorded.`);
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // never made, or already gone
    }
  }
  flushFolder(folder);
  removeStaleTemporaries(folder, nowMs);
  return path;
}

// A link never replaces a file; a share that cannot link (some SMB and FAT ones) gets a
// rename, safe too, as no other writer can choose the same unique name.
function placeFile(temp: string, path: string): void {
  try {
    linkSync(temp, path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
    renameSync(temp, path);
  }
}

// The new name is on the disk once its folder is flushed too (where the system allows it).
function flushFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // some systems and shares cannot flush a folder; the file itself is flushed
  }
}
