import { readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { type ProgressEvent, readEvent } from '../core/progress/events.js';
import { MAX_EVENT_BYTES, eventList, kindOfName, progressFolderName } from '../core/progress/folder.js';
import { InputError } from '../errors.js';
import { shownValue } from '../core/text/text-rules.js';
import { reason } from './file-errors.js';
import { readRegularFile } from './regular-file.js';
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
  return readRegularFile(path, MAX_EVENT_BYTES, `it is larger than ${MAX_EVENT_BYTES / 1024} KiB, more than any event`);
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
  // or changed files are read (and a skipped file, each time). The cache lists the names, the
  // numbers and the events in the folder's order, so that an unchanged folder is taken as it
  // is, file by file, with no table of 2,000 names to build and no key string made for each.
  const cache = cacheFileFor('progress', folder, env);
  const cached = readCache<{ names: unknown; stats: unknown; events: unknown }>(cache);
  const usable =
    Array.isArray(cached?.names) &&
    Array.isArray(cached.events) &&
    Array.isArray(cached.stats) &&
    cached.events.length === cached.names.length &&
    cached.stats.length === 3 * cached.names.length;
  const knownNames = usable ? (cached!.names as string[]) : [];
  const knownStats = usable ? (cached!.stats as number[]) : [];
  const knownEvents = usable ? (cached!.events as ProgressEvent[]) : [];
  let byName: Map<string, number> | undefined; // made only once the folder differs from the cache
  const known = (name: string, stat: readonly number[] | undefined, at: number): ProgressEvent | undefined => {
    if (stat === undefined) return undefined;
    if (byName === undefined && knownNames[at] !== name) byName = new Map(knownNames.map((n, i) => [n, i]));
    const i = byName === undefined ? at : byName.get(name);
    const same =
      i !== undefined &&
      knownStats[3 * i] === stat[0] &&
      knownStats[3 * i + 1] === stat[1] &&
      knownStats[3 * i + 2] === stat[2];
    return same ? knownEvents[i] : undefined;
  };
  const events = eventList();
  const problems: string[] = [];
  const listedNames: string[] = [];
  const listedStats: number[] = [];
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
    let stat: [number, number, number] | undefined;
    try {
      const info = statSync(path, { throwIfNoEntry: false });
      if (info) stat = [info.size, info.mtimeMs, info.ctimeMs];
    } catch {
      // read below, and reported if it cannot be
    }
    const fromCache = known(name, stat, listed.length);
    const event = fromCache ?? readOne(path, problems);
    if (event === undefined) continue;
    if (fromCache === undefined) read++;
    events.add(name, event);
    if (stat === undefined) continue; // read, but not to be known by its times next time
    listedNames.push(name);
    listedStats.push(...stat);
    listed.push(event);
  }
  if (read > 0 || byName !== undefined || listed.length !== knownNames.length)
    writeCache(cache, { names: listedNames, stats: listedStats, events: listed });
  return { events: events.events(), problems };
}
