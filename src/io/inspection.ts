import {
  type MoveRecord,
  type ProgressEvent,
  differingCopies,
  foldEvents,
  foldMoves,
  legacyEvents,
} from '../core/progress/events.js';
import { findParties, partySuggestion } from '../core/plan/agencies.js';
import type { Contact, DoneRecord, InspectionRecord } from '../core/progress/inspection-record.js';
import type { Party, RuleSet } from '../core/rule-set/rule-set.js';
import { type Problem, RuleSetError } from '../errors.js';
import { progressFolderOf, readEvents } from './progress-folder.js';
import { displayName, readTextFile } from './read-rule-set-file.js';
import { cacheFileFor, readCache, writeCache } from './user-cache.js';

// The inspection file as the commands use it, without its parser when it can be spared: a
// file read before (the same text, byte for byte) is taken from a cache in the user's cache
// folder, so that status, next and done need neither YAML nor zod at all. The file itself is
// the truth: any change to its text, and it is parsed again.

export { INSPECTION_FILE, findInspection } from './inspection-path.js';

export interface LoadedInspection {
  path: string;
  record: InspectionRecord;
  /** Where a path of the file (or a key of the mapping there) is written, for messages; absent when read from the cache. */
  positionOf?(path: ReadonlyArray<string | number>, key?: string): { file: string; line: number; column: number };
}

/** Reads an inspection file and checks its shape (every problem at once, with its line and column), from the cache when its text is unchanged. */
export async function loadInspection(path: string, env: NodeJS.ProcessEnv = process.env): Promise<LoadedInspection> {
  const text = readTextFile(path, displayName(path), 'inspection file');
  const file = cacheFileFor('inspections', path, env);
  const entry = readCache<{ text: string; record: InspectionRecord }>(file);
  if (entry?.text === text) return { path, record: entry.record };
  const loaded = (await import('./inspection-file.js')).readInspection(path, text);
  writeCache(file, { text, record: loaded.record });
  return loaded;
}

/**
 * Checks the contacts against the rule set and keys them by party id: a key is any name of a
 * party (`nhs`, `LA`), as --agency takes it; one that means no party, or several, is an error
 * with its line and column. Two keys for one party put their contacts together, in file order.
 */
export async function checkInspection(loaded: LoadedInspection, ruleSet: RuleSet): Promise<void> {
  const resolved = Object.entries(loaded.record.contacts).map(([key, contacts]) => ({
    key,
    contacts,
    found: findParties(ruleSet.parties, key),
  }));
  const wrong = resolved.filter((r) => r.found.length !== 1);
  if (wrong.length > 0) {
    const positionOf =
      loaded.positionOf ?? (await import('./inspection-file.js')).readInspection(loaded.path).positionOf!;
    const problems: Problem[] = wrong.map(({ key, found }) => ({
      path: ['contacts', key],
      message: contactProblem(key, found, ruleSet),
      position: positionOf(['contacts'], key),
    }));
    throw new RuleSetError(displayName(loaded.path), problems, 'inspection file');
  }
  const byParty = new Map<string, Contact[]>();
  for (const { found, contacts } of resolved)
    byParty.set(found[0]!.id, [...(byParty.get(found[0]!.id) ?? []), ...contacts]);
  loaded.record = { ...loaded.record, contacts: Object.fromEntries(byParty) };
}

function contactProblem(key: string, found: readonly Party[], ruleSet: RuleSet): string {
  if (found.length > 1)
    return `contacts: "${key}" means several parties of ${ruleSet.id} (${found.map((p) => p.id).join(', ')}); key them by one of those ids instead.`;
  return `contacts: there is no party "${key}" in ${ruleSet.id}.${partySuggestion(ruleSet.parties, key)}`;
}

/** The whole record of an inspection: the events of its progress folder, and the "progress:" map an older jtai wrote into the file. */
export interface LoadedProgress {
  folder: string;
  events: ProgressEvent[];
  /** What has been done, by item id: the fold of every event. */
  progress: Record<string, DoneRecord[]>;
  /** The deadlines moved (jtai move), by item id. */
  moves: Record<string, MoveRecord>;
  /** Files of the folder that were skipped, and why. */
  problems: string[];
}

/** Reads the progress of an inspection: its folder's events after the file's own map, folded. */
export function loadProgress(loaded: LoadedInspection, env: NodeJS.ProcessEnv = process.env): LoadedProgress {
  const folder = progressFolderOf(loaded.path);
  const read = readEvents(folder, env);
  const events = [...legacyEvents(loaded.record.progress), ...read.events];
  const differ = differingCopies(events).map(
    (id) =>
      `two files in ${folder} hold event ${id} differently (edited by hand, or copies a sync tool kept apart); the one named after it counts.`,
  );
  return {
    folder,
    events,
    progress: foldEvents(events),
    moves: foldMoves(events),
    problems: [...read.problems, ...differ],
  };
}
