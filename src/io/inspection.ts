import type { FoldedRecord } from '../core/progress/folder.js';
import { contactProblems, contactsByParty } from '../core/progress/contacts.js';
import type { InspectionRecord } from '../core/progress/inspection-record.js';
import type { RuleSet } from '../core/rule-set/rule-set.js';
import { RuleSetError } from '../errors.js';
import { progressFolderOf, readRecord } from './progress-folder.js';
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
  const text = readTextFile(path, () => displayName(path), 'inspection file');
  const file = cacheFileFor('inspections', path, env, true); // its rule set is found from the folder it was reached through
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
  const keyed = contactsByParty(loaded.record, ruleSet);
  if ('wrong' in keyed) {
    const positionOf =
      loaded.positionOf ?? (await import('./inspection-file.js')).readInspection(loaded.path).positionOf!;
    throw new RuleSetError(displayName(loaded.path), contactProblems(keyed.wrong, positionOf), 'inspection file');
  }
  loaded.record = keyed.record;
}

/** The whole record of an inspection: the events of its progress folder, and the "progress:" map an older jtai wrote into the file. */
export type LoadedProgress = FoldedRecord;

/** Reads the progress of an inspection: its folder's events after the file's own map, folded. */
export function loadProgress(loaded: LoadedInspection, env: NodeJS.ProcessEnv = process.env): LoadedProgress {
  const folder = progressFolderOf(loaded.path);
  return readRecord(folder, loaded.record.progress, env);
}
