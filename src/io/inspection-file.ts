import { dirname, relative, resolve } from 'node:path';
import { type Document, isMap, isSeq, parseDocument } from 'yaml';
import { type InspectionRecord, InspectionFileSchema, resolveInspection } from '../core/progress/inspection-record.js';
import type { RuleSet } from '../core/rule-set/rule-set.js';
import { partiesOfItem } from '../core/progress/progress.js';
import { didYouMean } from '../core/text/suggest.js';
import { parseYaml } from '../core/text/yaml-positions.js';
import { schemaProblem } from '../core/text/schema-problems.js';
import type { z } from 'zod';
import { type Problem, RuleSetError } from '../errors.js';
import { withLock } from './file-lock.js';
import { builtInPath, displayName, readTextFile } from './read-rule-set-file.js';
import { writeFilesAtomically } from './write-files.js';

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

/** The names an inspection file uses that its rule set does not have: contacts' parties, progress items and agencies. */
export function checkInspection(loaded: LoadedInspection, ruleSet: RuleSet): void {
  const { record, positionOf } = loaded;
  const parties = Object.keys(ruleSet.parties);
  const items = new Map(ruleSet.items.map((i) => [i.id, i]));
  const problems: Problem[] = [
    ...Object.keys(record.contacts).flatMap((id): Problem[] =>
      parties.includes(id) ? [] : [{ path: ['contacts', id], message: `contacts: there is no party "${id}" in ${ruleSet.id}.${didYouMean(id, parties)}` }],
    ),
    ...Object.entries(record.progress).flatMap(([id, records]): Problem[] => {
      const item = items.get(id);
      if (!item) return [{ path: ['progress', id], message: `progress: there is no item "${id}" in ${ruleSet.id}.${didYouMean(id, items.keys())}` }];
      const allowed = partiesOfItem(item.by, ruleSet.parties);
      return records.flatMap((r, i): Problem[] =>
        r.agency === undefined || allowed.has(r.agency)
          ? []
          : [{ path: ['progress', id, i, 'agency'], message: `progress: "${r.agency}" is not one of the agencies that must act on "${id}" (${item.by.join(', ')}, and their members).` }],
      );
    }),
  ].map((p) => {
    // A name that is wrong is shown where the name is written: the key, not its value.
    const atKey = p.path.length === 2 && typeof p.path[1] === 'string';
    return { ...p, position: atKey ? positionOf(p.path.slice(0, 1), p.path[1] as string) : positionOf(p.path) };
  });
  if (problems.length > 0) throw new RuleSetError(displayName(loaded.path), problems, 'inspection file');
}

/** The commented file "jtai start" writes. */
export function initialInspection(o: { area?: string; notified: string; rules: string; target: string; parties: string[] }): string {
  const rules = builtInPath(o.rules) ? o.rules : relative(dirname(resolve(o.target)), resolve(o.rules));
  const quote = (text: string) => JSON.stringify(text);
  return [
    '# jtai inspection file: this area\'s record of one Joint Targeted Area Inspection.',
    '# "jtai plan", "jtai next", "jtai status" and "jtai explain" read it when run in this folder',
    '# (or with --inspection FILE); "jtai done ID" and "jtai undo ID" record progress in it.',
    '# It is plain YAML: edit it by hand if you like, then run "jtai status" to check it.',
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
    '# What has been done, by item id: "jtai done ID" writes it, with who and when; "agency:"',
    '# marks one agency\'s part of an item several must do.',
    'progress: {}',
    '',
  ].join('\n');
}

/**
 * Changes an inspection file under its lock: reads it afresh, lets `change` edit the YAML
 * document (comments are kept), checks the result, and writes it atomically.
 */
export async function updateInspection(path: string, change: (doc: Document, record: InspectionRecord) => void, say: (message: string) => void): Promise<InspectionRecord> {
  return withLock(
    path,
    async () => {
      const shown = displayName(path);
      const doc = parseDocument(readTextFile(path, shown, 'inspection file'));
      if (doc.errors.length > 0) readInspection(path); // reports the syntax problems with their positions
      change(doc, readInspection(path).record);
      for (const key of ['contacts', 'progress']) {
        const node = doc.get(key, true);
        if (isMap(node)) node.flow = false; // an empty "{}" that now has entries: written as a block
      }
      const text = doc.toString({ lineWidth: 0 });
      const data: unknown = parseDocument(text).toJS();
      const checked = InspectionFileSchema.safeParse(data);
      if (!checked.success) throw new RuleSetError(shown, schemaProblems(checked.error.issues, data, () => ({ file: shown, line: 1, column: 1 })), 'inspection file');
      await writeFilesAtomically([{ path, content: text }]);
      return resolveInspection(checked.data);
    },
    { say },
  );
}

/** Adds one record to an item's progress in the YAML document, as a block list entry. */
export function addDone(doc: Document, id: string, entry: Record<string, string>): void {
  if (!isMap(doc.get('progress', true))) doc.set('progress', doc.createNode({}));
  const list = doc.getIn(['progress', id], true);
  if (isSeq(list)) list.add(doc.createNode(entry));
  else doc.setIn(['progress', id], doc.createNode([entry]));
}

/** Removes an item's records (all, or one agency's); true if there were any. */
export function removeDone(doc: Document, id: string, agency?: string): boolean {
  const list = doc.getIn(['progress', id], true);
  if (!isSeq(list)) return false;
  const before = list.items.length;
  list.items = list.items.filter((n) => agency !== undefined && (n as { get?: (k: string) => unknown }).get?.('agency') !== agency);
  if (list.items.length === 0) doc.deleteIn(['progress', id]);
  return list.items.length < before;
}
