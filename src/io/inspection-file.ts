import { basename, dirname, relative, resolve } from 'node:path';
import { type DoneRecord, type InspectionRecord, InspectionFileSchema, resolveInspection } from '../core/progress/inspection-record.js';
import type { RuleSet } from '../core/rule-set/rule-set.js';
import { type ProgressEvent, foldEvents, legacyEvents } from '../core/progress/events.js';
import { didYouMean } from '../core/text/suggest.js';
import { parseYaml } from '../core/text/yaml-positions.js';
import { schemaProblem } from '../core/text/schema-problems.js';
import type { z } from 'zod';
import { type Problem, RuleSetError } from '../errors.js';
import { progressFolderOf, readEvents } from './progress-folder.js';
import { builtInPath, displayName, readTextFile } from './read-rule-set-file.js';

// The inspection file on the disk: found in the working folder (or named), read and checked
// with line:column positions, and changed under a lock with its comments kept.

export { INSPECTION_FILE, findInspection } from './inspection-path.js';

export interface LoadedInspection {
  path: string;
  record: InspectionRecord;
  /** Where a path of the file (or a key of the mapping there) is written, for messages. */
  positionOf(path: ReadonlyArray<string | number>, key?: string): { file: string; line: number; column: number };
}

function schemaProblems(issues: readonly z.core.$ZodIssue[], data: unknown, positionOf: LoadedInspection['positionOf']): Problem[] {
  return issues.map((i) => schemaProblem(i, data, (path, key) => ({ path, position: positionOf(path, key) })));
}

/** Reads and checks an inspection file's shape; every problem at once, with its line and column. */
export function readInspection(path: string): LoadedInspection {
  const shown = displayName(path);
  const { parsed, problems } = parseYaml(readTextFile(path, shown, 'inspection file'), shown);
  if (!parsed) throw new RuleSetError(shown, problems, 'inspection file');
  const result = InspectionFileSchema.safeParse(parsed.data ?? {});
  if (!result.success) throw new RuleSetError(shown, schemaProblems(result.error.issues, parsed.data, parsed.positionOf), 'inspection file');
  const record = resolveInspection(result.data);
  // A rule-set file is named relative to the inspection file.
  if (!builtInPath(record.rules)) record.rules = resolve(dirname(path), record.rules);
  return { path, record, positionOf: parsed.positionOf };
}

/** The contacts' parties that the rule set does not have: an error, with its line and column. */
export function checkInspection(loaded: LoadedInspection, ruleSet: RuleSet): void {
  const parties = Object.keys(ruleSet.parties);
  const problems: Problem[] = Object.keys(loaded.record.contacts).flatMap((id): Problem[] =>
    parties.includes(id) ? [] : [{ path: ['contacts', id], message: `contacts: there is no party "${id}" in ${ruleSet.id}.${didYouMean(id, parties)}`, position: loaded.positionOf(['contacts'], id) }],
  );
  if (problems.length > 0) throw new RuleSetError(displayName(loaded.path), problems, 'inspection file');
}

/** The whole record of an inspection: the events of its progress folder, and the "progress:" map an older jtai wrote into the file. */
export interface LoadedProgress {
  folder: string;
  events: ProgressEvent[];
  /** What has been done, by item id: the fold of every event. */
  progress: Record<string, DoneRecord[]>;
  /** Files of the folder that were skipped, and why. */
  problems: string[];
}

/** Reads the progress of an inspection: its folder's events after the file's own map, folded. */
export function loadProgress(loaded: LoadedInspection): LoadedProgress {
  const folder = progressFolderOf(loaded.path);
  const read = readEvents(folder);
  const events = [...legacyEvents(loaded.record.progress), ...read.events];
  return { folder, events, progress: foldEvents(events), problems: read.problems };
}

/** The commented file "jtai start" writes. */
export function initialInspection(o: { area?: string; notified: string; rules: string; target: string; parties: string[] }): string {
  const rules = builtInPath(o.rules) ? o.rules : relative(dirname(resolve(o.target)), resolve(o.rules));
  const quote = (text: string) => JSON.stringify(text);
  return [
    '# jtai inspection file: this area\'s record of one Joint Targeted Area Inspection.',
    '# "jtai plan", "jtai next", "jtai status" and "jtai explain" read it when run in this folder',
    '# (or with --inspection FILE). It is plain YAML: edit it by hand if you like, then run',
    '# "jtai status" to check it. jtai itself writes it only once, here, with "jtai start".',
    '',
    o.area ? `area: ${quote(o.area)}` : '# area: My Area               # the area\'s name, for titles, calendars and event ids',
    `notified: ${o.notified}           # the day the area was notified`,
    `rules: ${quote(rules)}${' '.repeat(Math.max(1, 20 - rules.length))}# a built-in rule set, or a rule-set file relative to this one`,
    '',
    '# Whom to contact in each agency, by party id: one person, or a list. For example:',
    '#   police: { name: DI Jane Smith, role: MASH, email: jane.smith@example.org, phone: "01234 567890" }',
    `# The parties: ${o.parties.join(', ')}.`,
    'contacts: {}',
    '',
    `# What has been done is kept beside this file, in ${basename(o.target).replace(/\.ya?ml$/i, '')}.progress/: one small file`,
    '# for each "jtai done" or "jtai undo", never changed, so that no update is ever lost.',
    '# "jtai log" lists them all, with who, when and why.',
    '',
  ].join('\n');
}
