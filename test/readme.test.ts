import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { runCli } from './helpers.js';

// What the README promises about itself: it starts with the two set-up commands, stays short,
// shows the five commands a coordinator needs and what jtai prints, and sends every other
// reader to a page of docs/. Every command it shows is run, and its sample compared line by
// line with the real output, by test/docs.test.ts, as for every page of docs/.

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const lines = README.split('\n');
const once = process.env.TZ === 'UTC';

describe('the README', () => {
  test('starts with the two set-up commands, exactly', () => {
    expect(lines[0]).toMatch(/^# jtai\b/);
    expect(lines.slice(1, 5)).toEqual([
      '',
      '    npm install && npx jtai plan --notified 2019-03-19',
      '    npm test',
      '',
    ]);
  });

  test('is short: about 150 lines', () => {
    expect(lines.length).toBeLessThanOrEqual(175);
  });

  test('links every page of docs/, and ARCHITECTURE.md', () => {
    const pages = readdirSync(new URL('../docs/', import.meta.url)).filter((f) => f.endsWith('.md'));
    expect(pages.length).toBeGreaterThan(8);
    for (const page of [...pages.map((p) => `docs/${p}`), 'ARCHITECTURE.md'])
      expect(README, page).toContain(`](${page})`);
  });

  test('shows the five commands a coordinator needs, in one block that starts an inspection', () => {
    const block = /```\n(jtai start [\s\S]*?)```/.exec(README)![1]!;
    const names = block
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(' ')[1]);
    expect(names).toEqual(['start', 'plan', 'next', 'done', 'status']);
  });

  test('its extends example is the one docs/rule-sets.md explains, word for word', () => {
    const overlay = (text: string) =>
      /```yaml\n((?: {3})?# yaml-language-server[^\n]*\n(?: {3})?extends: jtai-2018[\s\S]*?) *```/
        .exec(text)![1]!
        .replace(/^ {3}/gm, '');
    expect(overlay(README)).toBe(overlay(readFileSync(new URL('../docs/rule-sets.md', import.meta.url), 'utf8')));
  });

  // test/docs.test.ts compares the sample through the built bin, line by line; this reads it
  // against the CLI run in-process, off a terminal (80 columns, no colour), so it holds unbuilt.
  test.runIf(once)('shows what jtai plan --notified 2019-03-19 prints: every line it shows, in order', async () => {
    const sample = /```\n\$ jtai plan --notified 2019-03-19\n([\s\S]*?)```/
      .exec(README)![1]!
      .split('\n')
      .filter((l) => l !== '' && l.trim() !== '...');
    expect(sample.length).toBeGreaterThan(10);
    const { code, stdout } = await runCli(['plan', '--notified', '2019-03-19']);
    expect(code).toBe(0);
    const real = stdout.split('\n');
    let at = 0;
    const missing = sample.filter((line) => {
      const found = real.indexOf(line, at);
      if (found === -1) return true;
      at = found + 1;
      return false;
    });
    expect(missing).toEqual([]);
  });
});
