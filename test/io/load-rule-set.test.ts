import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { RuleSetError } from '../../src/errors.js';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILT_IN_DIR, loadRuleSet } from '../../src/io/load-rule-set.js';

const COMPILED_DIR_FROM_DIST = fileURLToPath(new URL('../../dist/schedules/', import.meta.url));
import { parseRuleSet } from '../../src/io/analyse-rule-set-file.js';

const MINIMAL = `id: tiny
name: Tiny
source: { title: A test }
timezone: Europe/London
holidays: england-and-wales
times:
  eod: { time: "17:00", label: end of the day }
parties:
  la: { name: Local authority }
items:
  - id: first
    kind: submission
    title: First list
    day: 0
    at: eod
    by: [la]
    source: the words
`;

function problemsOf(text: string): string {
  try {
    parseRuleSet(text, 'area.yaml');
  } catch (e) {
    if (e instanceof RuleSetError) return e.message;
    throw e;
  }
  throw new Error('expected a RuleSetError');
}

describe('parseRuleSet', () => {
  test('resolves a minimal rule set', () => {
    const ruleSet = parseRuleSet(MINIMAL, 'area.yaml');
    expect(ruleSet.items[0]!.at).toEqual({ type: 'clock', time: '17:00', name: 'eod', label: 'end of the day' });
    expect(ruleSet.items[0]!.anchor).toEqual({ type: 'day', day: 0 });
    expect(ruleSet.notification).toEqual({ day: 0 });
  });

  test('YAML syntax errors name the line and column', () => {
    expect(problemsOf('id: [unclosed\nname: x\n')).toMatchInlineSnapshot(`
      "rule set area.yaml has a problem:
      area.yaml:2:1: Flow sequence in block collection must be sufficiently indented and end with a ] (YAML syntax)."
    `);
  });

  test('a file that is not a mapping', () => {
    expect(problemsOf('- just\n- a list\n')).toMatchInlineSnapshot(`
      "rule set area.yaml has a problem:
      area.yaml:1:1: the file: expected a mapping of "key: value" lines, found ["just","a list"]."
    `);
  });

  test('schema problems are all listed, each where it is written', () => {
    const text = MINIMAL.replace('day: 0', 'day: soon')
      .replace('kind: submission', 'kind: deadline')
      .replace('title: First list', 'titel: First list');
    expect(problemsOf(text)).toMatchInlineSnapshot(`
      "rule set area.yaml has 4 problems:
      area.yaml:11:5: items[0].title is missing; expected text.
      area.yaml:12:11: items[0].kind: expected one of "submission", "inspector-action", found "deadline".
      area.yaml:13:5: items[0]: unknown field "titel"; check its spelling.
      area.yaml:14:10: items[0].day: expected a whole number of working days from -2000 to 2000, found "soon"."
    `);
  });

  test('a bad clock time and a bad closure date', () => {
    const text = MINIMAL.replace('time: "17:00"', 'time: "5pm"').replace(
      'holidays: england-and-wales',
      'holidays: england-and-wales\nclosures: [{ date: 2019-02-30, name: Training }]',
    );
    expect(problemsOf(text)).toMatchInlineSnapshot(`
      "rule set area.yaml has 2 problems:
      area.yaml:6:20: closures[0].date: expected a date like "2019-03-19", found "2019-02-30".
      area.yaml:8:16: times.eod.time: expected a 24-hour time of day like "15:00", found "5pm"."
    `);
  });

  test('names that refer to nothing, and duplicate ids', () => {
    const text = `${MINIMAL}  - id: first
    kind: inspector-action
    title: Second
    week: 2
    at: end-of-dya
    by: [la, police]
    to: lead
    source: more words
    after: [missing]
`;
    expect(problemsOf(text)).toMatchInlineSnapshot(`
      "rule set area.yaml has 6 problems:
      area.yaml:18:9: duplicate item id "first"; item 1 has it already.
      area.yaml:21:11: item "first" has "week" but no "weekday"; say which day of week 2.
      area.yaml:22:9: unknown time "end-of-dya"; expected a clock time like "15:00" or one of "eod", "all-day".
      area.yaml:23:14: unknown party "police" in item "first"; expected one of "la".
      area.yaml:24:9: unknown party "lead" in item "first"; expected one of "la".
      area.yaml:26:13: item "first" comes after "missing", but there is no item "missing"."
    `);
  });

  test('alias bombs are refused', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++)
      bomb.push(`${'bcdefghij'[i]}: &${'bcdefghij'[i]} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(', ')}]`);
    expect(problemsOf(bomb.join('\n'))).toMatch(/area\.yaml:1:1: .*[Aa]lias/);
  });
});

describe('loadRuleSet', () => {
  test('the compiled built-in rule set the bin starts from is exactly what the YAML gives', async () => {
    // npm test builds first (pretest), so dist/schedules/ holds what start-up reads.
    const yaml = readFileSync(join(BUILT_IN_DIR, 'jtai-2018.yaml'), 'utf8');
    const compiled = JSON.parse(readFileSync(join(COMPILED_DIR_FROM_DIST, 'jtai-2018.json'), 'utf8'));
    expect(compiled.yaml).toBe(yaml);
    expect(compiled.ruleSet).toEqual(parseRuleSet(yaml, 'schedules/jtai-2018.yaml'));
    expect(await loadRuleSet('jtai-2018')).toEqual(compiled.ruleSet);
  });

  test('a missing file', async () => {
    await expect(loadRuleSet('no/such/file.yaml')).rejects.toThrowErrorMatchingInlineSnapshot(
      `[InputError: cannot read rule set no/such/file.yaml: no such file (the built-in rule set is "jtai-2018").]`,
    );
  });

  test('the built-in rule set quotes the briefing word for word', async () => {
    // Each sentence or list entry of every item's source, compared as lower-case words, appears
    // in the briefing. A changed or invented word in a quotation makes this fail.
    const words = (text: string) =>
      ` ${text
        .toLowerCase()
        .replace(/[^a-z0-9']+/g, ' ')
        .trim()} `;
    const briefing = words(
      readFileSync(new URL('../../schedules/sources/jtai-briefing-2018.md', import.meta.url), 'utf8'),
    );
    const ruleSet = await loadRuleSet('jtai-2018');
    for (const item of ruleSet.items) {
      for (const part of item.source.split(/[.:;](?:\s|$)/).filter((p) => p.trim())) {
        expect(briefing, `${item.id}: "${part}"`).toContain(words(part));
      }
    }
  });
});
