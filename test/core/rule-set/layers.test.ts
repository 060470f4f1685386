import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, test } from 'vitest';
import { type RuleSetReader, analyseRuleSet, parseRuleSet } from '../../../src/core/rule-set/analyse.js';
import { checkRuleSet } from '../../../src/core/rule-set/checks.js';
import type { RuleItem, RuleSet } from '../../../src/core/rule-set/rule-set.js';
import { JtaiError } from '../../../src/errors.js';

// Overlays ("extends") checked with an in-memory reader: the parser is pure, so these tests
// need no disk, and the page (src/web) can read rule sets the same way.

const BUILT_IN = readFileSync(new URL('../../../schedules/jtai-2018.yaml', import.meta.url), 'utf8');
const README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

function readerOf(files: Record<string, string>): RuleSetReader {
  return {
    locate: (ref) => ref,
    read: (file) => {
      if (!Object.hasOwn(files, file)) throw new JtaiError(`cannot read rule set ${file}: no such file.`);
      return files[file]!;
    },
    show: (file) => file,
  };
}

const reader = readerOf({ 'jtai-2018': BUILT_IN });
const base = parseRuleSet(BUILT_IN, 'jtai-2018', reader);
const baseItem = (id: string) => base.items.find((i) => i.id === id)!;

function inspect(text: string, name = 'my-area.yaml') {
  const inspection = analyseRuleSet(text, name, reader);
  const lines = (ps: typeof inspection.errors) =>
    ps.map((p) => `${p.position!.file}:${p.position!.line}:${p.position!.column}: ${p.message}`);
  return { ...inspection, errorLines: lines(inspection.errors), warningLines: lines(inspection.warnings) };
}

function resolved(text: string): RuleSet {
  const { ruleSet, errorLines } = inspect(text);
  expect(errorLines).toEqual([]);
  return ruleSet!;
}

/** The README's own overlay example, exactly as printed under "Write your own rule set". */
const readmeExample = /```yaml\n((?: {3})?# yaml-language-server[^\n]*\n(?: {3})?extends: jtai-2018[\s\S]*?) *```/
  .exec(README)![1]!
  .replace(/^ {3}/gm, '');

describe("the README's extends example, run as written", () => {
  const ruleSet = resolved(readmeExample);
  const item = (id: string) => ruleSet.items.find((i) => i.id === id);

  test('changes only the time of cse-gangs-cases, keeping every other field of the base item', () => {
    const before = baseItem('cse-gangs-cases');
    const after = item('cse-gangs-cases')!;
    expect(after.at).toEqual({ type: 'clock', time: '14:00' });
    for (const field of ['id', 'kind', 'title', 'anchor', 'by', 'to', 'details', 'source', 'note', 'after'] as const) {
      expect(after[field], field).toEqual(before[field]);
    }
    expect(after.details).toHaveLength(1); // the bug this guards against: details: [] after the overlay
  });

  test('keeps every base item it does not name, except for the named time it replaces and the item it removes', () => {
    expect(item('child-level-data')).toBeUndefined();
    for (const before of base.items.filter((i) => !['cse-gangs-cases', 'child-level-data'].includes(i.id))) {
      const after = item(before.id)!;
      const expected: RuleItem = { ...before, after: before.after.filter((id) => id !== 'child-level-data') };
      if (before.at?.type === 'clock' && before.at.name === 'end-of-day') {
        expected.at = {
          type: 'clock',
          time: '16:30',
          name: 'end-of-day',
          label: 'end of the day',
          note: 'My Area sends everything by 16:30.',
        };
      }
      expect(after, before.id).toEqual(expected);
    }
  });

  test('keeps the base ordering of "after", so the briefing warning is still raised', () => {
    expect(item('key-case-file-documents')!.after).toEqual(baseItem('key-case-file-documents').after);
    expect(item('key-case-file-documents')!.after).toContain('cqc-document-request');
  });

  test('renames the police and keeps every other party, group members included', () => {
    expect(ruleSet.parties.police).toEqual({ ...base.parties.police, name: 'Anyshire Police' }); // its aliases too
    expect({ ...ruleSet.parties, police: base.parties.police }).toEqual(base.parties);
  });

  test('adds the closure and the new item, and keeps the rest of the rule set', () => {
    expect(ruleSet.closures).toEqual([{ date: '2019-03-22', name: 'Council staff day' }]);
    expect(item('sign-off')).toEqual({
      id: 'sign-off',
      kind: 'submission',
      title: 'Internal sign-off of the day-one case lists',
      anchor: { type: 'day', day: 1 },
      at: { type: 'clock', time: '13:00' },
      by: ['local-authority'],
      details: [],
      source: "My Area's own deadline, two hours before the 3pm submission.",
      after: [],
    });
    expect([ruleSet.notification, ruleSet.source, ruleSet.notes, ruleSet.timezone]).toEqual([
      base.notification,
      base.source,
      base.notes,
      base.timezone,
    ]);
  });
});

describe('an overlay changes exactly the fields it gives', () => {
  const written = parse(BUILT_IN) as {
    items: Array<Record<string, unknown>>;
    times: Record<string, Record<string, unknown>>;
    parties: Record<string, Record<string, unknown>>;
    notification: Record<string, unknown>;
    source: Record<string, unknown>;
  };
  const overlay = (fields: Record<string, unknown>) => stringify({ extends: 'jtai-2018', id: 'jtai-2018', ...fields });

  test('restating any fields of any base item with their own values changes nothing (property)', () => {
    const restated = fc
      .integer({ min: 0, max: written.items.length - 1 })
      .chain((i) => fc.subarray(Object.keys(written.items[i]!).filter((k) => k !== 'id')).map((keys) => ({ i, keys })));
    fc.assert(
      fc.property(restated, ({ i, keys }) => {
        const item = written.items[i]!;
        const fields = Object.fromEntries([['id', item.id], ...keys.map((k) => [k, item[k]])]);
        expect(resolved(overlay({ items: [fields] }))).toEqual(base);
      }),
      { numRuns: 100 },
    );
  });

  test('restating any fields of named times, parties, notification and source changes nothing (property)', () => {
    const sections = ['times', 'parties', 'notification', 'source'] as const;
    const restated = fc.constantFrom(...sections).chain((section) => {
      if (section === 'notification' || section === 'source')
        return fc
          .subarray(Object.keys(written[section]))
          .map((keys) => ({ [section]: Object.fromEntries(keys.map((k) => [k, written[section][k]])) }));
      return fc.constantFrom(...Object.keys(written[section])).chain((id) =>
        fc.subarray(Object.keys(written[section][id]!)).map((keys) => ({
          [section]: { [id]: Object.fromEntries(keys.map((k) => [k, written[section][id]![k]])) },
        })),
      );
    });
    fc.assert(
      fc.property(restated, (fields) => void expect(resolved(overlay(fields))).toEqual(base)),
      { numRuns: 100 },
    );
  });

  test('a party given only a new name keeps its members; a named time given only a new label keeps its time and note', () => {
    const ruleSet = resolved(
      overlay({
        parties: { 'partner-agencies': { name: 'Partners' } },
        times: { 'end-of-day': { label: 'close of play' } },
      }),
    );
    expect(ruleSet.parties['partner-agencies']).toEqual({ ...base.parties['partner-agencies'], name: 'Partners' });
    expect(ruleSet.items[0]!.at).toEqual({ ...baseItem('children-list').at, label: 'close of play' });
  });

  test('notification given only a weekday keeps the day number; source given only a reference keeps the title', () => {
    const ruleSet = resolved(
      overlay({ notification: { weekday: 'wednesday' }, source: { reference: 'our copy.pdf' } }),
    );
    expect(ruleSet.notification).toEqual({ ...base.notification, weekday: 'wednesday' });
    expect(ruleSet.source).toEqual({ ...base.source, reference: 'our copy.pdf' });
  });

  test('null removes a base field: a day-anchored item becomes week-anchored, a note goes', () => {
    const ruleSet = resolved(
      overlay({ items: [{ id: 'select-children-to-track', day: null, weekday: 'monday', week: 2, note: null }] }),
    );
    const expected: RuleItem = {
      ...baseItem('select-children-to-track'),
      anchor: { type: 'week', week: 2, weekday: 'monday' },
    };
    delete expected.note;
    expect(ruleSet.items.find((i) => i.id === 'select-children-to-track')).toEqual(expected);
  });

  test('null removes a named time, a party field, the base notes; a required field set to null is missing, in the overlay', () => {
    const ruleSet = resolved(
      overlay({ notes: null, parties: { 'partner-agencies': { members: null } }, description: null }),
    );
    expect([ruleSet.notes, ruleSet.parties['partner-agencies']!.members, ruleSet.description]).toEqual([
      [],
      [],
      undefined,
    ]);
    const { errorLines } = inspect(
      'extends: jtai-2018\nid: a\ntimes:\n  midday: null\nitems:\n  - id: cse-gangs-cases\n    title: null\n',
    );
    expect(errorLines).toEqual([
      'my-area.yaml:7:12: items[0].title is missing; expected text.',
      'jtai-2018:257:9: unknown time "midday"; expected a clock time like "15:00" or one of "end-of-day", "all-day".',
    ]);
  });

  test('an overlay of an overlay keeps what neither changes', () => {
    const files = {
      'jtai-2018': BUILT_IN,
      'area.yaml': 'extends: jtai-2018\nid: area\nitems:\n  - id: cse-gangs-cases\n    at: "14:00"\n',
      'team.yaml': 'extends: area.yaml\nid: team\nitems:\n  - id: cse-gangs-cases\n    to: cqc\n',
    };
    const ruleSet = parseRuleSet(files['team.yaml'], 'team.yaml', readerOf(files));
    const item = ruleSet.items.find((i) => i.id === 'cse-gangs-cases')!;
    expect(item).toEqual({ ...baseItem('cse-gangs-cases'), at: { type: 'clock', time: '14:00' }, to: 'cqc' });
  });
});

describe('problems are reported where they are written, all at once', () => {
  test('an incomplete new item is reported in the overlay, with what a new item needs and the base id it may mean', () => {
    const { errorLines } = inspect(
      'extends: jtai-2018\nid: my-area\nitems:\n  - id: cse-gang-cases\n    at: "14:00"\n',
    );
    expect(errorLines).toEqual([
      'my-area.yaml:4:5: items[0].kind is missing; expected one of "submission", "inspector-action".',
      'my-area.yaml:4:5: items[0].title is missing; expected text.',
      'my-area.yaml:4:5: items[0].by is missing; expected a list.',
      'my-area.yaml:4:5: items[0].source is missing; expected text.',
      'my-area.yaml:4:5: item "cse-gang-cases" has neither "day", "week" nor "from"; give a working-day number, a week and weekday, or the item it is counted from.',
      'my-area.yaml:4:9: item "cse-gang-cases" is not in jtai-2018, so it is a new item and needs kind, title, by, source. Did you mean "cse-gangs-cases"?',
    ]);
  });

  test('shape errors and reference errors together, in one pass', () => {
    const text = [
      'extends: jtai-2018',
      'id: my-area',
      'items:',
      '  - id: new-thing',
      '    kind: deadline',
      '    title: Something',
      '    day: 1',
      '    at: "25:00"',
      '    by: [nobody]',
      '    source: s',
      '    after: [nothing]',
      '  - id: cse-gangs-cases',
      '    at: 15',
      '',
    ].join('\n');
    expect(inspect(text).errorLines).toEqual([
      'my-area.yaml:5:11: items[0].kind: expected one of "submission", "inspector-action", found "deadline".',
      'my-area.yaml:8:9: unknown time "25:00"; expected a clock time like "15:00" or one of "end-of-day", "midday", "all-day".',
      expect.stringMatching(/^my-area\.yaml:9:10: unknown party "nobody" in item "new-thing"; expected one of "dcs", /),
      'my-area.yaml:11:13: item "new-thing" comes after "nothing", but there is no item "nothing".',
      'my-area.yaml:13:9: items[1].at: expected text, found 15.',
    ]);
  });

  test('a problem in a field the base gives is reported in the base, by its own path', () => {
    const files = {
      'jtai-2018': BUILT_IN,
      'base.yaml': BUILT_IN.replace('    at: "15:00"\n', '    at: "3pm"\n'),
      'area.yaml': 'extends: base.yaml\nid: area\n',
    };
    const { errors } = analyseRuleSet(files['area.yaml'], 'area.yaml', readerOf(files));
    expect(errors.map((p) => `${p.position!.file}:${p.position!.line}: ${p.message}`)).toEqual([
      'base.yaml:139: unknown time "3pm"; expected a clock time like "15:00" or one of "end-of-day", "midday", "all-day".',
    ]);
  });

  test('remove naming nothing, and an item both removed and changed', () => {
    const { errorLines } = inspect(
      'extends: jtai-2018\nid: a\nremove: [nothing, cse-gangs-cases]\nitems:\n  - id: cse-gangs-cases\n    at: "14:00"\n',
    );
    expect(errorLines).toEqual([
      'my-area.yaml:3:10: remove: there is no item "nothing" in jtai-2018.',
      'my-area.yaml:5:9: item "cse-gangs-cases" is both removed (remove) and changed (items); keep one of them.',
    ]);
  });

  test('an item changed twice in one overlay is a duplicate id, not a silent loss', () => {
    const { errorLines } = inspect(
      'extends: jtai-2018\nid: a\nitems:\n  - id: midday-case\n    at: "14:00"\n  - { id: cse-gangs-cases, at: "14:00" }\n  - { id: cse-gangs-cases, at: "16:00" }\n',
    );
    expect(errorLines).toContain('my-area.yaml:7:11: duplicate item id "cse-gangs-cases"; item 3 has it already.');
  });

  test('a new named time in an overlay needs its time and label, reported in the overlay', () => {
    const { errorLines } = inspect('extends: jtai-2018\nid: a\ntimes:\n  early: { label: early }\n');
    expect(errorLines).toEqual([
      'my-area.yaml:4:10: times.early.time is missing; expected a 24-hour time of day like "15:00".',
    ]);
  });

  test('changing the clock time of a named time but not its note is a warning', () => {
    const { errorLines, warningLines } = inspect(
      'extends: jtai-2018\nid: a\ntimes:\n  end-of-day: { time: "16:00" }\n',
    );
    expect(errorLines).toEqual([]);
    expect(warningLines).toEqual([
      'my-area.yaml:4:23: times.end-of-day: the time changes to "16:00", but the note from the base, which explains "17:00", is kept; give a note of your own.',
    ]);
  });
});

describe('hostile keys', () => {
  test('"__proto__" anywhere is an unknown field, never a prototype', () => {
    const text =
      'extends: jtai-2018\nid: a\n__proto__: { timezone: America/New_York }\ntimes:\n  __proto__: { time: "09:00", label: x }\nparties:\n  __proto__: { name: P }\n';
    expect(inspect(text).errorLines).toEqual([
      'my-area.yaml:3:1: the file: unknown field "__proto__"; check its spelling.',
      'my-area.yaml:5:3: times: unknown field "__proto__"; check its spelling.',
      'my-area.yaml:7:3: parties: unknown field "__proto__"; check its spelling.',
    ]);
  });

  test('names of Object.prototype members are unknown names, not found ones', () => {
    const text =
      'extends: jtai-2018\nid: a\nitems:\n  - { id: x, kind: submission, title: X, day: 1, at: constructor, by: [constructor], to: hasownproperty, source: s, after: [constructor] }\n';
    expect(inspect(text).errorLines.map((l) => l.replace(/; expected.*/, ''))).toEqual([
      'my-area.yaml:4:54: unknown time "constructor"',
      'my-area.yaml:4:72: unknown party "constructor" in item "x"',
      'my-area.yaml:4:90: unknown party "hasownproperty" in item "x"',
      'my-area.yaml:4:125: item "x" comes after "constructor", but there is no item "constructor".',
    ]);
  });
});

describe('size', () => {
  test('a chain of 100,000 "after" is checked without exhausting the stack, and a cycle at its end is found', () => {
    const n = 100_000;
    const items = Array.from({ length: n }, (_, i) => ({ id: `c${i}`, after: [i === 0 ? `c${n - 1}` : `c${i - 1}`] }));
    const problems = checkRuleSet({ items }).filter((p) => p.message.includes('cycle'));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/^"after" makes a cycle: c0 -> c99999 -> c99998 -> /);
  });
});
