import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

// Issue 23: "jtai check jtai-2018" uses what the build found checking the built-in rule set
// (dist/schedules/jtai-2018.check.json), without the YAML parser and zod. It must say exactly
// what checking the file afresh says, for any notification date, and check an edited copy afresh.

const BIN = fileURLToPath(new URL('../../bin/jtai.cjs', import.meta.url));
const BUILT_IN = fileURLToPath(new URL('../../schedules/jtai-2018.yaml', import.meta.url));
const once = process.env.TZ === 'UTC';

const check = (file: string, ...more: string[]) => {
  const run = spawnSync(process.execPath, [BIN, 'check', file, ...more], { encoding: 'utf8', cwd: '/' }); // files named by their whole path
  return { code: run.status, out: run.stdout.replaceAll(file.slice(1), 'FILE') };
};

describe.runIf(once)('jtai check of a built-in rule set, from the build', () => {
  // A copy is not the built-in file: it is checked afresh, with the parser.
  const copy = join(mkdtempSync(join(tmpdir(), 'jtai-check-')), 'jtai-2018.yaml');
  copyFileSync(BUILT_IN, copy);

  test.each([[[]], [['-n', '2019-04-16']], [['-n', '2019-10-22']], [['-n', '2016-03-15']], [['-n', '2020-12-22']]])(
    'says what a fresh check says, line for line and position for position %j',
    (more) => {
      const fromBuild = check(BUILT_IN, ...more);
      const afresh = check(copy, ...more);
      expect(fromBuild.code).toBe(afresh.code);
      expect(fromBuild.out).toBe(afresh.out);
      expect(fromBuild.out).toMatch(/^FILE:\d+:\d+: warning: /);
    },
  );
});
