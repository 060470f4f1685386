import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

// Every jtai command the README shows runs as written, in a fresh folder that holds the
// README's own my-area.yaml: through bash, with jtai defined as the bin, so quoting, pipes and
// redirections are read as a shell reads them. (jq and watch are stood in for: not installed.)
const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const BIN = fileURLToPath(new URL('../bin/jtai.cjs', import.meta.url));
const once = process.env.TZ === 'UTC';

const blocks = [...README.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((m) => m[1]!);
const commandsOf = (block: string) => block.split('\n').map((l) => l.trim().replace(/^\$ /, '').replace(/\s+#.*$/, '')).filter((l) => /^(jtai|watch) /.test(l));
// A block that starts an inspection is a sequence: its commands run in order, in one folder.
const sequences = blocks.map(commandsOf).filter((c) => c.some((l) => l.startsWith('jtai start')));
const fromBlocks = blocks.filter((b) => !commandsOf(b).some((l) => l.startsWith('jtai start'))).flatMap(commandsOf);
// Inline code also names commands in passing (`jtai plan`, a table's `jtai plan --format json`);
// those that are whole commands to copy have a date, or need none.
const WRONG = 'jtai plan 2019-03-19'; // shown as the mistake that gets "did you mean"
const inline = [...README.matchAll(/`((?:jtai|watch) [^`]+)`/g)]
  .map((m) => m[1]!)
  .filter((c) => c !== WRONG && (/--notified \S/.test(c) || /^jtai (list|schema|help|--help|--version|(check|init) \S+)/.test(c)));
// Placeholders (FILE, DATE, [--now TIME]) are not commands to run.
const commands = [...new Set([...fromBlocks, ...inline].map((c) => c.replace(/\s+#.*$/, '').trim()))].filter((c) => !/\b[A-Z]{2,}\b|\[|\.\.\./.test(c));
const overlay = /```yaml\n((?: {3})?# yaml-language-server[^\n]*\n(?: {3})?extends: jtai-2018[\s\S]*?) *```/.exec(README)![1]!.replace(/^ {3}/gm, '');

describe.skipIf(!once)('the README', () => {
  test(`the mistake it shows, "${WRONG}", gets the suggestion it promises`, () => {
    const run = spawnSync(process.execPath, [BIN, ...WRONG.split(' ').slice(1)], { encoding: 'utf8' });
    expect([run.status, run.stderr.split('\n')[0]]).toEqual([2, 'jtai: jtai plan takes the date as an option: did you mean jtai plan --notified 2019-03-19?']);
  });

  test('shows enough commands to be worth checking', () => {
    expect(commands.length).toBeGreaterThan(20);
    expect(commands).toContain('jtai plan --notified 2019-03-19 --rules ./my-area.yaml');
  });

  const run = (lines: string[], dir: string) => {
    const script = `set -eo pipefail\njtai() { node ${JSON.stringify(BIN)} "$@"; }\njq() { cat > /dev/null; }\nwatch() { shift 2; "$@"; }\n${lines.join('\n')}\n`;
    return spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  };

  test.each(commands)('$ %s', (command) => {
    const dir = mkdtempSync(join(tmpdir(), 'jtai-readme-'));
    if (!/\binit\b/.test(command)) writeFileSync(join(dir, 'my-area.yaml'), overlay);
    const result = run([command], dir);
    expect(result.status, `${command}\n${result.stderr}`).toBe(0);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  test.each(sequences.map((lines) => [lines.join(' && '), lines]))('$ %s', (_name, lines) => {
    const result = run(lines as string[], mkdtempSync(join(tmpdir(), 'jtai-readme-')));
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  });
});
