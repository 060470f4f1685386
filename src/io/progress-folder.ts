import { closeSync, constants, fstatSync, openSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { type ProgressEvent, readEvent } from '../core/progress/events.js';
import { MAX_EVENT_BYTES, eventList, kindOfName, progressFolderName } from '../core/progress/folder.js';
import { InputError } from '../errors.js';
import { shownValue } from '../core/text/text-rules.js';
import { reason } from './file-errors.js';
import { cacheFileFor, readCache, writeCache } from './user-cache.js';

// The progress record on the disk: a folder beside the inspection file, one file per event,
// each created once and never changed (Maildir's discipline: written under a temporary name,
// flushed, then linked into place, which never replaces a file). Nothing is locked, rewritten
// or deleted, so no update can be lost, on a local disk, a network share or a synced folder.
// This module reads the folder; progress-record.ts writes to it.

/**
 * The progress folder of an inspection file, beside the real file when the path is a link:
 * progressFolderOf("/share/jtai-inspection.yaml") is "/share/jtai-inspection.progress".
 */
export function progressFolderOf(inspectionPath: string): string {
  let real = inspectionPath;
  try {
    real = realpathSync.native(inspectionPath); // one system call; Node's own walks each folder of the path
  } catch {
    // not there (yet): named as given
  }
  return join(dirname(real), progressFolderName(basename(real)));
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
    if (info.size > MAX_EVENT_BYTES)
      throw new InputError(`it is larger than ${MAX_EVENT_BYTES / 1024} KiB, more than any event`);
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

function readOne(path: string, problems: string[]): ProgressEvent | undefined {
  try {
    const read = readEvent(readEventFile(path));
    if ('event' in read) return read.event;
    problems.push(`${shownValue(path)} was skipped: ${read.problem}.`);
  } catch (e) {
    problems.push(`${shownValue(path)} was skipped: ${e instanceof InputError ? e.message : reason(e)}.`);
  }
  return undefined;
}

/** Every event in a progress folder (none if there is no folder); a damaged or foreign file is reported and skipped. */
export function readEvents(folder: string, env: NodeJS.ProcessEnv = process.env): ReadEvents {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { events: [], problems: [] };
    throw new InputError(`cannot read the progress folder ${folder}: ${reason(e)}.`);
  }
  // An event read before is taken from the cache by its file's name, size and times; only new
  // or changed files are read (and a skipped file, each time). The cache lists the keys and the
  // events in the folder's order, so that an unchanged folder is taken as it is, key by key,
  // with no table of 2,000 names to build.
  const cache = cacheFileFor('progress', folder, env);
  const cached = readCache<{ keys: unknown; events: unknown }>(cache);
  const usable =
    Array.isArray(cached?.keys) && Array.isArray(cached.events) && cached.keys.length === cached.events.length;
  const knownKeys = usable ? (cached!.keys as string[]) : [];
  const knownEvents = usable ? (cached!.events as ProgressEvent[]) : [];
  let byKey: Map<string, ProgressEvent> | undefined; // made only once the folder differs from the cache
  const known = (key: string, at: number): ProgressEvent | undefined => {
    if (byKey === undefined && knownKeys[at] === key) return knownEvents[at];
    byKey ??= new Map(knownKeys.map((k, i) => [k, knownEvents[i]!]));
    return byKey.get(key);
  };
  const events = eventList();
  const problems: string[] = [];
  const keys: string[] = [];
  const listed: ProgressEvent[] = [];
  let read = 0;
  const inFolder = folder.endsWith(sep) ? folder : `${folder}${sep}`; // a name is never a path: no join for each
  for (const name of names.sort()) {
    const kind = kindOfName(name);
    if (kind === 'hidden') continue; // a writer's temporary file, or the system's
    const path = `${inFolder}${name}`;
    if (kind === 'foreign') {
      problems.push(`${shownValue(path)} is not a jtai event (not a .json file); it was skipped.`);
      continue;
    }
    // Known by its name, size and times: a file edited by hand, replaced by a sync tool, or
    // made unreadable is read again. The change time (ctime) is set by the system at any
    // change to the file, its content or its permissions, and no program can set it back, as a
    // tool that keeps the modification time (touch, cp -p, rsync, tar) does.
    let key = name;
    try {
      const info = statSync(path, { throwIfNoEntry: false });
      if (info) key = `${name}\u0000${info.size}\u0000${info.mtimeMs}\u0000${info.ctimeMs}`;
    } catch {
      // read below, and reported if it cannot be
    }
    const fromCache = known(key, keys.length);
    const event = fromCache ?? readOne(path, problems);
    if (event === undefined) continue;
    if (fromCache === undefined) read++;
    events.add(name, event);
    keys.push(key);
    listed.push(event);
  }
  if (read > 0 || byKey !== undefined || keys.length !== knownKeys.length) writeCache(cache, { keys, events: listed });
  return { events: events.events(), problems };
}
