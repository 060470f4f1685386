import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli, said } from '../helpers.js';

// Errors are part of the interface: the same kind of mistake gets the same exit code and the
// same form of message in every command, commander's own included.

describe('one exit code for one kind of mistake', () => {
  test('an unknown item id is a usage error (exit 2) in explain, done and undo alike', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'jtai-errors-')), 'jtai-inspection.yaml');
    expect((await runCli(['start', '-n', '2019-03-19', '--out', file])).code).toBe(0);
    for (const args of [
      ['explain', 'childen-list', '-n', '2019-03-19'],
      ['done', 'childen-list', '--inspection', file],
      ['undo', 'childen-list', '--inspection', file],
    ]) {
      const run = await runCli(args);
      expect([args[0], run.code]).toEqual([args[0], 2]);
      expect(run.stderr).toMatch(/^jtai: there is no item "childen-list".* \(?did you mean "children-list"\?\)?/i);
    }
  });
});

describe("commander's messages in jtai's voice", () => {
  test('a value outside the choices names the option, the value and the choices', async () => {
    const run = await runCli(['plan', '-n', '2019-03-19', '-f', 'xml']);
    expect([run.code, said(run.stderr)]).toEqual([
      2,
      'jtai: --format "xml" is not one of its choices; give one of: text, json, md, csv, ics, html.\n',
    ]);
  });

  test('an option without its value', async () => {
    const run = await runCli(['plan', '-n']);
    expect([run.code, said(run.stderr)]).toEqual([
      2,
      'jtai: --notified needs a value after it (-n, --notified <date>).\n',
    ]);
  });

  test('a command without its argument shows how it is written', async () => {
    const run = await runCli(['move', '--to', '22/03/2019 10:00']);
    expect([run.code, said(run.stderr)]).toEqual([2, 'jtai: jtai move needs id: jtai move <id>.\n']);
  });

  test('an unknown command gets the closest and the list, as "jtai help" does', async () => {
    const run = await runCli(['plna', '-n', '2019-03-19']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^jtai: there is no command "plna"\. Did you mean "plan"\? The commands are: plan, next, explain, status, start, done, undo, move, log, web, check, init, list, schema\.\n/,
    );
    expect(run.stderr).toBe((await runCli(['help', 'plna'])).stderr);
  });
});

describe('jtai check finds what only computing a plan used to find', () => {
  test('hours counted from an all-day item, with its line and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jtai-errors-'));
    const file = join(dir, 'area.yaml');
    writeFileSync(
      file,
      [
        'extends: jtai-2018',
        'id: my-area',
        'name: My area',
        'items:',
        '  - id: brief-the-team',
        '    kind: submission',
        '    title: Brief the team',
        '    from: cqc-document-request',
        '    hours: -2',
        '    by: [local-authority]',
        '    source: Ours',
        '',
      ].join('\n'),
    );
    const run = await runCli(['check', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `${file}:8:11: error: item "brief-the-team" moves hours or minutes from "cqc-document-request", which is all day; give it a clock time with "at".`,
    );
    const plan = await runCli(['plan', '-n', '2019-03-19', '--rules', file]);
    expect([plan.code, plan.stderr]).toEqual([
      1,
      expect.stringContaining(`${file}:8:11: item "brief-the-team" moves hours or minutes`),
    ]);
  });

  test('hours counted onto an item that is all day itself is an error where it is written, not a crash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jtai-errors-'));
    const file = join(dir, 'area.yaml');
    writeFileSync(
      file,
      'extends: jtai-2018\nid: my-area\nname: My area\nitems:\n  - { id: x, kind: submission, title: X, from: children-list, hours: 2, at: all-day, by: [local-authority], source: Ours }\n',
    );
    for (const args of [
      ['check', file],
      ['plan', '-n', '2019-03-19', '--rules', file],
    ]) {
      const run = await runCli(args);
      expect([args[0], run.code]).toEqual([args[0], 1]);
      expect(run.stdout + run.stderr).toContain(
        'item "x" moves hours or minutes from "children-list" but is all day itself; give it a clock time with "at", or leave out hours and minutes.',
      );
    }
  });

  test('a chain of 5,000 items is checked in a moment (linear, not cubic)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jtai-errors-'));
    const file = join(dir, 'chain.yaml');
    const items = Array.from({ length: 5000 }, (_, i) =>
      i === 0
        ? '  - { id: i0, kind: submission, title: T, day: 1, at: "09:00", by: [la], source: S }'
        : `  - { id: i${i}, kind: submission, title: T, from: i${i - 1}, minutes: 1, by: [la], source: S }`,
    );
    writeFileSync(
      file,
      [
        'id: chain',
        'name: Chain',
        'source: { title: S }',
        'timezone: Europe/London',
        'holidays: england-and-wales',
        'parties: { la: { name: LA } }',
        'items:',
        ...items,
        '',
      ].join('\n'),
    );
    const started = performance.now();
    const run = await runCli(['check', file]);
    expect([run.code, run.stdout.split('\n').at(-2)]).toEqual([0, `${file}: valid, 0 warnings`]);
    expect(performance.now() - started).toBeLessThan(20_000); // 136 s before; a guard against going back, not a benchmark
  }, 60_000);
});
