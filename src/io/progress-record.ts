import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { type ProgressEvent, eventName, eventText } from '../core/progress/events.js';
import { InputError } from '../errors.js';
import { cannotLink, reason } from './file-errors.js';

// Writing to the progress record: one new file per event (see progress-folder.ts), made with
// the inspection file's access, never replacing a file.

/** A temporary file older than this was left by a writer that died; the next writer removes it. */
const STALE_TEMP_MS = 60 * 60 * 1000;

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
    if (!cannotLink(e)) throw e;
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
