import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { BuiltIn } from '../../src/web/data.js';
import { openRuleSet } from '../../src/web/rule-sets.js';

// A rule-set file opened in the page, checked without a browser: the page has no disk, so
// "extends" can name only a built-in rule set, and the message says so once.

const compiled = JSON.parse(readFileSync(new URL('../../dist/schedules/jtai-2018.json', import.meta.url), 'utf8'));
const builtIns: BuiltIn[] = [
  { id: 'jtai-2018', name: compiled.ruleSet.name, yaml: compiled.yaml, ruleSet: compiled.ruleSet },
];

describe('a rule-set file opened in the page', () => {
  test('extending a built-in rule set gives its plan', async () => {
    const opened = await openRuleSet('extends: jtai-2018\nid: my-area\nname: My Area\n', 'my-area.yaml', builtIns);
    expect([opened.problems, opened.ruleSet?.name, opened.ruleSet?.items.length]).toEqual([[], 'My Area', 14]);
  });

  test('extending a file says, once, that the page can extend only a built-in rule set', async () => {
    const opened = await openRuleSet('extends: ./base.yaml\nid: my-area\nname: My Area\n', 'my-area.yaml', builtIns);
    expect(opened.problems).toEqual([
      'my-area.yaml:1:10: cannot read rule set ./base.yaml: the page opens one file, so "extends" can name a built-in rule set (jtai-2018) but not another file.',
    ]);
  });
});
