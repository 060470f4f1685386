import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

// Issue 17: on a real terminal (a pty, through util-linux's script), no escape sequence that
// the input brought reaches the screen: only the colours jtai itself writes (ESC [ ... m).

const BIN = fileURLToPath(new URL('../../bin/jtai.cjs', import.meta.url));
const hasScript = existsSync('/usr/bin/script');
if (!hasScript && process.env.JTAI_REQUIRE_TOOLS === '1')
  throw new Error('no /usr/bin/script: apt-get install -y bsdutils');
// Nothing here depends on the machine's zone: vitest.config.ts runs it in TZ=UTC only.

/** What a terminal would receive from a jtai command run in `dir`, stdout and stderr together. */
function onTerminal(dir: string, args: string, env: Record<string, string> = {}): string {
  const command = `"${process.execPath}" "${BIN}" ${args}`;
  const run = spawnSync('/usr/bin/script', ['-qec', command, '/dev/null'], {
    cwd: dir,
    encoding: 'latin1',
    env: { ...process.env, TERM: 'xterm-256color', NO_COLOR: '', FORCE_COLOR: '', ...env },
  });
  return run.stdout;
}

/** Every ESC and C1 control of a screen's text that is not one of jtai's colours. */
function foreignControls(screen: string): string[] {
  /* eslint-disable no-control-regex -- finding control characters is the point */
  const foreign = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
  const colour = /\u001b\[[0-9;]*m/g;
  /* eslint-enable no-control-regex */
  return [...screen.replace(colour, '').matchAll(foreign)].map((m) => m[0]);
}

describe.skipIf(!hasScript)('on a terminal, control characters from the input are shown, never obeyed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jtai-terminal-'));
  writeFileSync(
    join(dir, 'bad.yaml'),
    'id: "evil\\e[2J"\nname: x\n"\\e]0;pwned\\a": 1\n"\\e]8;;http://x\\e\\\\link": 2\nitems: []\n',
  );
  writeFileSync(join(dir, 'jtai-inspection.yaml'), 'notified: 2019-03-19\narea: "My Area\\e]0;retitled\\a\\u009b2J"\n');

  test('jtai check: unknown keys and bad ids holding escapes, in colour', () => {
    const screen = onTerminal(dir, 'check bad.yaml');
    expect(screen).toContain('\\x1b]0;pwned\\x07');
    // eslint-disable-next-line no-control-regex -- jtai's own colour codes
    expect(screen).toMatch(/\u001b\[\d+m/); // jtai's own colours are there
    expect(foreignControls(screen)).toEqual([]);
  });

  test('an inspection file whose area holds escapes', () => {
    const screen = onTerminal(dir, 'plan');
    expect(screen).toContain(
      'area: expected one line of text without control characters; this holds an escape (\\x1b) at character 8, found',
    );
    expect(foreignControls(screen)).toEqual([]);
  });

  test('--by and --note holding OSC and CSI sequences', () => {
    const screen = onTerminal(
      dir,
      `done children-list --by "$(printf 'Kim\\033]0;x\\007')" --note "$(printf 'a\\233\\033[2Jb')"`,
    );
    expect(screen).toContain('Kim\\x1b]0;x\\x07');
    expect(foreignControls(screen)).toEqual([]);
  });

  test('with NO_COLOR no escape byte at all reaches the terminal', () => {
    for (const args of ['check bad.yaml', 'plan', 'plan -n 2019-03-19'])
      expect(onTerminal(dir, args, { NO_COLOR: '1' })).not.toContain('\u001b');
  });
});
