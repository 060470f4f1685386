import { basename, dirname, relative, resolve } from 'node:path';
import { parseInspection } from '../core/progress/inspection-text.js';
import type { LoadedInspection } from './inspection.js';
import { builtInPath, displayName, readTextFile } from './read-rule-set-file.js';

// Parsing the inspection file (YAML and zod, loaded only when the cache of it in inspection.ts
// misses or a message needs a line and column), and the file "jtai start" writes.

/** Reads and checks an inspection file's shape; every problem at once, with its line and column. */
export function readInspection(path: string, text?: string): LoadedInspection {
  const shown = displayName(path);
  const { record, positionOf } = parseInspection(text ?? readTextFile(path, shown, 'inspection file'), shown);
  // A rule-set file is named relative to the inspection file.
  if (!builtInPath(record.rules)) record.rules = resolve(dirname(path), record.rules);
  return { path, record, positionOf };
}

/** The commented file "jtai start" writes. */
export function initialInspection(o: {
  area?: string;
  notified: string;
  rules: string;
  target: string;
  parties: string[];
  /** The notification is outside the dates the rule set fits: the file says where to record the letter check. */
  mayNotFit?: boolean;
  /** The timetable has been checked against the notification letter (jtai start --letter-checked). */
  letterChecked?: { by?: string; on: string };
}): string {
  const rules = builtInPath(o.rules) ? o.rules : relative(dirname(resolve(o.target)), resolve(o.rules));
  const quote = (text: string) => JSON.stringify(text);
  const check = o.letterChecked;
  const letter = check
    ? [
        '# The timetable has been checked against the notification letter: a "may not fit" warning is a note.',
        `letterChecked: { ${check.by ? `by: ${quote(check.by)}, ` : ''}on: ${check.on} }`,
        '',
      ]
    : o.mayNotFit
      ? [
          '# This notification is outside the dates the rule set is written for. Once you have checked the',
          '# timetable against your notification letter, say so here, and the warning becomes a note:',
          `# letterChecked: { by: Jane Smith, on: ${o.notified} }`,
          '',
        ]
      : [];
  return [
    "# jtai inspection file: this area's record of one Joint Targeted Area Inspection.",
    '# "jtai plan", "jtai next", "jtai status" and "jtai explain" read it when run in this folder',
    '# (or with --inspection FILE). It is plain YAML: edit it by hand if you like, then run',
    '# "jtai status" to check it. jtai itself writes it only once, here, with "jtai start".',
    '',
    o.area
      ? `area: ${quote(o.area)}`
      : "# area: My Area               # the area's name, for titles, calendars and event ids",
    `notified: ${o.notified}           # the day the area was notified`,
    `rules: ${quote(rules)}${' '.repeat(Math.max(1, 20 - rules.length))}# a built-in rule set, or a rule-set file relative to this one`,
    '',
    ...letter,
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
