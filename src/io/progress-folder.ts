import { type Stats, readdirSync, realpathSync, statSync, statfsSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { type ProgressEvent, eventText, legacyEvents, readEvent } from '../core/progress/events.js';
import {
  type FoldedRecord,
  MAX_EVENT_BYTES,
  type RecordFold,
  eventList,
  foldOf,
  kindOfName,
  progressFolderName,
  recordOf,
} from '../core/progress/folder.js';
import type { DoneRecord } from '../core/progress/inspection-record.js';
import { InputError } from '../errors.js';
import { shownValue } from '../core/text/text-rules.js';
import { linkToNothing, reason } from './file-errors.js';
import { readRegularFile } from './regular-file.js';
import { cacheFileFor, readCacheWithTail, writeCache } from './user-cache.js';

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
    const gone = (e as NodeJS.ErrnoException).code === 'ENOENT'; // removed since listed, or a link to nothing
    const why =
      e instanceof InputError ? e.message : gone ? (linkToNothing(path) ?? 'it is no longer there') : reason(e);
    problems.push(`${shownValue(path)} was skipped: ${why}.`);
  }
  return undefined;
}

/**
 * A record left behind by a renamed inspection file: a progress folder beside this one's place
 * whose inspection file is not there. The record is found by the inspection file's name, so a
 * file renamed without its folder starts again from nothing, and says so.
 */
function leftBehind(folder: string): string[] {
  const here = dirname(folder);
  let names: string[];
  try {
    names = readdirSync(here);
  } catch {
    return [];
  }
  const owned = new Set(names.map(progressFolderName));
  return names
    .filter((n) => n.endsWith('.progress') && !owned.has(n))
    .map(
      (n) =>
        `nothing is recorded for this inspection file yet (there is no ${shownValue(basename(folder))} beside it), but ${shownValue(join(here, n))} is the record of an inspection file that is gone. If this file was renamed, rename that folder to ${shownValue(basename(folder))} as well, and its record counts again.`,
    );
}

// The folder's cache: each file's name, and its size and times as numbers, in the folder's
// order, and the fold of the files' events after the inspection file's own map; after them, the
// events as a JSON list, read only when a file is new or changed, or when the events are asked
// for (status never asks). An unchanged folder is taken as it is, file by file, with no table
// of 2,000 names to build, no key made for each, and nothing folded again.
interface FolderCache {
  names: string[];
  stats: number[];
  fold?: { legacy: string; of: RecordFold };
}

function isFolderCache(cached: unknown): cached is FolderCache {
  const c = cached as FolderCache | undefined;
  return Array.isArray(c?.names) && Array.isArray(c.stats) && c.stats.length === 3 * c.names.length;
}

/** What a reading of the folder found, with its events worked out only when asked for. */
interface Scan {
  events(): ProgressEvent[];
  problems: string[];
  /** The fold the cache holds, if the folder is unchanged since (every file the one it knows, in its order). */
  fold?: FolderCache['fold'];
  /** Keeps what was read, and a fold of it, in the cache, if either is new (or a recent file has aged). */
  keep(fold?: FolderCache['fold']): void;
}

const MAYBE_GONE = { throwIfNoEntry: false } as const;

// A file changed in the last seconds may change again with the same size and times: on a disk
// that keeps times to the second (ext2, a USB stick's FAT to two, some network shares), an
// edit in the same second as a read leaves them all as they were. Such a file is not known by
// its numbers (git's "racily clean" entries): it is read again at each run until it is older,
// and while it says what the cache holds, the folder counts as unchanged (nothing is written,
// nothing folded again), until its numbers can be kept.
const RECENT_MS = 3000;
const RECENT = -1; // a recent file's size, time and change time in the cache: it never matches

// Disks where a file's change time is not one (Linux's magic numbers of them): FAT and exFAT
// have none, and Linux shows the modification or creation time, which touch -r sets back with
// an edit; a FUSE disk (exFAT on a USB stick, cloud drives) shows what its program says. There
// every file is read at every run, as if changed in the last seconds, and the cache only spares
// folding them again when they say what it holds.
const NO_CHANGE_TIME = new Set([0x4d44, 0x2011bab0, 0x65735546]); // msdos/vfat, exfat, fuse
function changeTimeKept(folder: string): boolean {
  if (process.platform !== 'linux') return true; // other systems number their disks otherwise
  try {
    return !NO_CHANGE_TIME.has(statfsSync(folder).type);
  } catch {
    return true;
  }
}

function scanFolder(folder: string, env: NodeJS.ProcessEnv, nowMs: number): Scan {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // A link to a share not connected is not an empty record: every item would show as owed.
    const link = code === 'ENOENT' ? linkToNothing(folder) : undefined;
    if (link)
      throw new InputError(`cannot read the progress folder ${folder}: ${link}; nothing of the record can be shown.`);
    if (code === 'ENOENT') return { events: () => [], problems: leftBehind(folder), keep: () => undefined };
    const why =
      code === 'ENOTDIR' ? 'it is not a folder, where jtai keeps the record in a folder of that name' : reason(e);
    throw new InputError(`cannot read the progress folder ${folder}: ${why}.`);
  }
  // Not "progress", where a jtai before this one keeps its own list: two installs used in turn
  // would each take the other's for a damaged one, and read every file again.
  const cache = cacheFileFor('progress-folders', folder, env);
  const found = readCacheWithTail<unknown>(cache);
  const cached = found && isFolderCache(found.data) ? found.data : undefined;
  const knownNames = cached?.names ?? [];
  const knownStats = cached?.stats ?? [];
  let parsed: unknown[] | undefined;
  const knownEvent = (i: number): ProgressEvent | undefined => {
    if (parsed === undefined) {
      try {
        const list: unknown = JSON.parse(found!.tail());
        parsed = Array.isArray(list) && list.length === knownNames.length ? list : [];
      } catch {
        parsed = [];
      }
    }
    return parsed[i] as ProgressEvent | undefined;
  };
  let byName: Map<string, number> | undefined; // made only once the folder differs from the cache
  const problems: string[] = [];
  // Each event of the folder, in its order: its place in the cache (a number), or as read now;
  // listed, with its numbers in listedStats, when it can be known by them next time.
  const order: Array<{ name: string; event: ProgressEvent | number; listed: boolean }> = [];
  const listedStats: number[] = [];
  let listedCount = 0;
  const kept = changeTimeKept(folder);
  let read = 0;
  let settled = 0; // recent files the cache holds as they are, now old enough to be known by their numbers
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
    // tool that keeps the modification time (touch, cp -p, rsync, tar) does; on a disk that has
    // none (NO_CHANGE_TIME), every file is read.
    let info: Stats | undefined;
    try {
      info = statSync(path, MAYBE_GONE);
    } catch {
      // read below, and reported if it cannot be
    }
    const at = listedCount;
    if (info !== undefined && byName === undefined && knownNames[at] !== name)
      byName = new Map(knownNames.map((n, i) => [n, i]));
    const i = info === undefined ? undefined : byName === undefined ? at : byName.get(name);
    const same =
      kept &&
      i !== undefined &&
      knownStats[3 * i] === info!.size &&
      knownStats[3 * i + 1] === info!.mtimeMs &&
      knownStats[3 * i + 2] === info!.ctimeMs;
    const recent = info !== undefined && (!kept || Math.max(info.mtimeMs, info.ctimeMs) > nowMs - RECENT_MS);
    let event: ProgressEvent | number;
    if (same) event = i;
    else {
      const fresh = readOne(path, problems);
      if (fresh === undefined) continue;
      const held = i !== undefined && knownStats[3 * i] === RECENT ? knownEvent(i) : undefined;
      if (held !== undefined && eventText(held) === eventText(fresh)) {
        event = i!;
        if (!recent) settled++;
      } else {
        read++;
        event = fresh;
      }
    }
    order.push({ name, event, listed: info !== undefined }); // a file read without its numbers: not known by them next time
    if (info === undefined) continue;
    listedCount++;
    if (recent) listedStats.push(RECENT, RECENT, RECENT);
    else listedStats.push(info.size, info.mtimeMs, info.ctimeMs);
  }
  const unchanged = read === 0 && byName === undefined && listedCount === knownNames.length;
  // A cache whose events do not parse (damaged by hand) gives way to the file itself.
  const resolved = (e: ProgressEvent | number, name: string) =>
    typeof e !== 'number' ? e : (knownEvent(e) ?? readOne(`${inFolder}${name}`, []));
  return {
    events() {
      const events = eventList();
      for (const { name, event } of order) {
        const e = resolved(event, name);
        if (e !== undefined) events.add(name, e);
      }
      return events.events();
    },
    problems,
    fold: unchanged ? cached?.fold : undefined,
    keep(fold) {
      if (unchanged && settled === 0 && fold?.legacy === cached?.fold?.legacy) return;
      const listed = order.filter((o) => o.listed);
      // Made again even when the folder is unchanged (the map changed): a damaged list is not kept.
      const events = JSON.stringify(listed.map((o) => resolved(o.event, o.name)));
      writeCache(cache, { names: listed.map((o) => o.name), stats: listedStats, ...(fold && { fold }) }, events);
    },
  };
}

/** Every event in a progress folder (none if there is no folder); a damaged or foreign file is reported and skipped. The CLI reads the folded record (readRecord). */
export function readEvents(folder: string, env: NodeJS.ProcessEnv = process.env, nowMs = Date.now()): ReadEvents {
  const scan = scanFolder(folder, env, nowMs);
  scan.keep(scan.fold);
  return { events: scan.events(), problems: scan.problems };
}

/**
 * The record of a progress folder, folded after the inspection file's own "progress:" map
 * (legacy), as foldRecord folds it: from the cache, events and fold, when no file of the folder
 * has changed since.
 */
export function readRecord(
  folder: string,
  legacy: Readonly<Record<string, readonly DoneRecord[]>>,
  env: NodeJS.ProcessEnv = process.env,
  nowMs = Date.now(),
): FoldedRecord {
  const scan = scanFolder(folder, env, nowMs);
  const events = () => [...legacyEvents(legacy), ...scan.events()];
  const legacyKey = JSON.stringify(legacy);
  if (scan.fold?.legacy === legacyKey) {
    scan.keep(scan.fold); // only if a recent file can now be known by its numbers
    return recordOf(folder, events, scan.fold.of, scan.problems);
  }
  const all = events();
  const fold = foldOf(all);
  scan.keep({ legacy: legacyKey, of: fold });
  return recordOf(folder, () => all, fold, scan.problems);
}
