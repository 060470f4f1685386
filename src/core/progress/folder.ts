import { shownValue } from '../text/text-rules.js';
import type { DoneRecord } from './inspection-record.js';
import {
  type MoveRecord,
  type ProgressEvent,
  differingCopies,
  foldEvents,
  foldMoves,
  legacyEvents,
  readEvent,
  sortEvents,
} from './events.js';

// The progress folder as files, for any reader: the CLI from the disk (src/io/progress-folder.ts),
// the web page from a folder the user opens. One file per event, each named after it; the
// folder is named after the inspection file, beside it.

/** The inspection file's name when nobody chose another. */
export const INSPECTION_FILE = 'jtai-inspection.yaml';

/** The largest event file read; a larger one is not jtai's. */
export const MAX_EVENT_BYTES = 64 * 1024;

/** The largest inspection or rule-set file read: 1 MiB. */
export const MAX_FILE_BYTES = 1024 * 1024;

/**
 * The progress folder's name for an inspection file's:
 * progressFolderName("jtai-inspection.yaml") is "jtai-inspection.progress".
 */
export function progressFolderName(inspectionFile: string): string {
  return `${inspectionFile.replace(/\.ya?ml$/i, '')}.progress`;
}

// What Windows and Office leave in any folder they show or open a file in: passed over quietly.
const SYSTEM_FILE = /^(?:desktop\.ini|thumbs\.db|ehthumbs\.db|icon\r|~\$.*)$/i;

/** What a file of the folder is: a writer's temporary (or the system's) file, an event's, or something else. */
export function kindOfName(name: string): 'hidden' | 'event' | 'foreign' {
  if (name.startsWith('.') || SYSTEM_FILE.test(name)) return 'hidden';
  return name.endsWith('.json') ? 'event' : 'foreign';
}

/**
 * The events read from a folder's files, in the order they are listed: the copies under their
 * events' own names first (the ones that count), the last read first, then the other copies in
 * the order read. Kept in two lists and put together once: putting each own copy at the front
 * of one list moved every event before it, 2 million moves for a folder of 2,000.
 */
export function eventList(): { add(name: string, event: ProgressEvent): void; events(): ProgressEvent[] } {
  const own: ProgressEvent[] = [];
  const others: ProgressEvent[] = [];
  return {
    add: (name, event) => void (name === `${event.id}.json` ? own : others).push(event),
    events: () => [...own].reverse().concat(others),
  };
}

/** The events of a folder's files, by name, and each file that could not be used, and why (as the CLI says it). */
export function eventsOfFiles(
  folder: string,
  files: ReadonlyArray<{ name: string; text: string; size?: number }>,
): { events: ProgressEvent[]; problems: string[] } {
  const events = eventList();
  const problems: string[] = [];
  for (const { name, text, size } of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const kind = kindOfName(name);
    // A name is said as it is, never obeyed: a line break or a direction override in it shown.
    const file = shownValue(`${folder}/${name}`);
    if (kind === 'hidden') continue;
    if (kind === 'foreign') {
      problems.push(`${file} is not a jtai event (not a .json file); it was skipped.`);
      continue;
    }
    if ((size ?? text.length) > MAX_EVENT_BYTES) {
      problems.push(
        `${folder}/${name} was skipped: it is larger than ${MAX_EVENT_BYTES / 1024} KiB, more than any event.`,
      );
      continue;
    }
    const read = readEvent(text);
    if ('event' in read) events.add(name, read.event);
    else problems.push(`${file} was skipped: ${read.problem}.`);
  }
  return { events: events.events(), problems };
}

/** The record of an inspection: its events (an older jtai's "progress:" map first), what is done, what is moved, and what was wrong. */
export interface FoldedRecord {
  /** The folder, as said in messages. */
  folder: string;
  events: ProgressEvent[];
  /** What has been done, by item id: the fold of every event. */
  progress: Record<string, DoneRecord[]>;
  /** The deadlines moved (jtai move), by item id. */
  moves: Record<string, MoveRecord>;
  /** Files of the folder that were skipped, copies that differ, and why. */
  problems: string[];
}

/**
 * What folding a record works out from its events: what is done, what is moved, and the ids
 * of events whose copies differ. The CLI keeps it in its cache with the files it came from.
 */
export interface RecordFold {
  progress: Record<string, DoneRecord[]>;
  moves: Record<string, MoveRecord>;
  differing: string[];
}

/** The fold of a record's events: foldOf([]) is { progress: {}, moves: {}, differing: [] }. */
export function foldOf(events: readonly ProgressEvent[]): RecordFold {
  const sorted = sortEvents(events);
  return { progress: foldEvents(events, sorted), moves: foldMoves(events, sorted), differing: differingCopies(events) };
}

/**
 * A folded record from its fold, with its events listed only when asked for (the CLI's cache
 * holds them as text, and status never asks): recordOf("p", () => [], foldOf([]), []).events is [].
 */
export function recordOf(
  folder: string,
  events: () => ProgressEvent[],
  fold: RecordFold,
  readProblems: readonly string[],
): FoldedRecord {
  let listed: ProgressEvent[] | undefined;
  return {
    folder,
    get events() {
      return (listed ??= events());
    },
    progress: fold.progress,
    moves: fold.moves,
    problems: [
      ...readProblems,
      ...fold.differing.map(
        (id) =>
          `two files in ${folder} hold event ${id} differently (edited by hand, or copies a sync tool kept apart); the one named after it counts.`,
      ),
    ],
  };
}

/** Folds a folder's events after the inspection file's own "progress:" map: foldRecord({}, [], "p").progress is {}. */
export function foldRecord(
  legacy: Readonly<Record<string, readonly DoneRecord[]>>,
  read: { events: readonly ProgressEvent[]; problems: readonly string[] },
  folder: string,
): FoldedRecord {
  const events = [...legacyEvents(legacy), ...read.events];
  return recordOf(folder, () => events, foldOf(events), read.problems);
}
