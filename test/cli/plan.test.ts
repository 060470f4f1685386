import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers.js';

describe('jtai plan', () => {
  test('prints the agenda on stdout and the briefing warning on stderr', async () => {
    const { code, stdout, stderr } = await runCli(['plan', '--notified', '2019-03-19']);
    expect(code).toBe(0);
    expect(stdout).toContain('Day 0 · Tuesday 19 March 2019 (notification day)');
    expect(stdout).toContain('Day 5 · Tuesday 26 March 2019');
    expect(stdout).toContain('Friday of week 2 · Friday 29 March 2019');
    expect(stdout).not.toContain('\u001b['); // no colour off a terminal
    expect(stderr).toMatch(/^jtai: warning: "Key case-file documents/);
  });

  test('JSON is one object with every item', async () => {
    const { code, stdout } = await runCli(['plan', '--notified', '2019-03-19', '--format', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual([
      'formatVersion',
      'notified',
      'timezone',
      'area',
      'now',
      'schedule',
      'filter',
      'inspection',
      'items',
      'focus',
      'daysOff',
      'warnings',
    ]);
    expect([json.area, json.now, json.items[0].status]).toEqual([null, null, null]); // no inspection file, no --now: no progress
    expect(json.filter).toBeNull();
    expect(json.items).toHaveLength(14);
    expect(json.items[0]).toMatchObject({
      id: 'children-list',
      kind: 'submission',
      day: 0,
      date: '2019-03-19',
      time: '17:00',
      due: '2019-03-19T17:00:00+00:00',
      agencies: [{ id: 'dcs', name: "Director of Children's Services (DCS)" }],
      recipient: { id: 'lead-inspector', name: 'Lead inspector' },
    });
    expect(json.items[0].note).toMatch(/jtai takes 17:00/);
  });

  test('the same input gives the same bytes', async () => {
    const a = await runCli(['plan', '-n', '2019-10-22', '-f', 'json']);
    const b = await runCli(['plan', '-n', '2019-10-22', '-f', 'json']);
    expect(a.stdout).toBe(b.stdout);
  });

  test('colour on a terminal, and never with NO_COLOR or --no-color', async () => {
    expect((await runCli(['plan', '-n', '2019-03-19'], {}, true)).stdout).toContain('\u001b[');
    expect((await runCli(['plan', '-n', '2019-03-19'], { NO_COLOR: '1' }, true)).stdout).not.toContain('\u001b[');
    expect((await runCli(['plan', '-n', '2019-03-19', '--no-color'], {}, true)).stdout).not.toContain('\u001b[');
  });

  test('--sources shows the briefing words', async () => {
    const { stdout } = await runCli(['plan', '-n', '2019-03-19', '--sources']);
    expect(stdout).toContain('Source: “By 3pm on day one (Wednesday)');
  });
});

describe('bad input: one clear message on stderr, nothing on stdout', () => {
  const planHelp = 'Run "jtai plan --help" for its options and examples.\n';
  test.each([
    [
      ['plan', '--notified', '2019-02-30'],
      2,
      `jtai: --notified "2019-02-30": there is no 30 February 2019; give a real date as YYYY-MM-DD.\n${planHelp}`,
    ],
    [
      ['plan', '--notified', 'next tuesday'],
      2,
      `jtai: --notified "next tuesday" is not a date jtai can read; give it as YYYY-MM-DD (--notified 2019-03-19), or as 19/03/2019, 19 March 2019 or today.\n${planHelp}`,
    ],
    [
      ['plan'],
      2,
      `jtai: --notified is missing: give the day the area was notified, for example: jtai plan --notified 2019-03-19 (or run "jtai start --notified DATE" once, here, to keep it in jtai-inspection.yaml).\n${planHelp}`,
    ],
    [
      ['plan', '--notifed', '2019-03-19'],
      2,
      `jtai: jtai plan has no option --notifed. Did you mean "--notified"?\n${planHelp}`,
    ],
    [
      ['plan', '--notify', '2019-03-19'],
      2,
      `jtai: jtai plan has no option --notify. Did you mean "--notified"?\n${planHelp}`,
    ],
    [
      ['plan', '2019-03-19'],
      2,
      `jtai: jtai plan takes the date as an option: did you mean jtai plan --notified 2019-03-19?\n${planHelp}`,
    ],
    [
      ['plan', '-n', '2019-03-19', '--format', 'pdf'],
      2,
      `jtai: --format "pdf" is not one of its choices; give one of: text, json, md, csv, ics, html.\n${planHelp}`,
    ],
    [
      ['plna'],
      2,
      'jtai: there is no command "plna". Did you mean "plan"? The commands are: plan, next, explain, status, start, done, undo, move, log, web, check, init, list, schema.\nRun "jtai --help" for the commands and examples.\n',
    ],
    [
      ['plan', '-n', '2019-03-23'],
      1,
      `jtai: the notification date 2019-03-23 is not a working day (Saturday); JTAI notifications come on working days.\n${planHelp}`,
    ],
    [
      ['plan', '-n', '2045-03-21'],
      1,
      `jtai: the notification date 2045-03-21 is in 2045, a year whose bank holidays jtai does not know (it knows 2016 to 2040), so working days there cannot be counted.\n${planHelp}`,
    ],
    [
      ['plan', '-n', '19/12/2040'],
      1,
      `jtai: --notified "19/12/2040" read as Wednesday 19 December 2040 (2040-12-19).\njtai: the plan for a notification on "19/12/2040" (2040-12-19) runs into 2041, a year whose bank holidays jtai does not know (it knows 2016 to 2040), so working days there cannot be counted.\n${planHelp}`,
    ],
    [
      ['plan', '-n', '2019-03-19', '--rules', 'missing.yaml'],
      1,
      `jtai: cannot read rule set missing.yaml: no such file (the built-in rule set is "jtai-2018").\n${planHelp}`,
    ],
  ])('%j exits %i', async (args, exitCode, message) => {
    const { code, stdout, stderr } = await runCli(args);
    expect(stderr).toBe(message);
    expect(code).toBe(exitCode);
    expect(stdout).toBe('');
  });

  test('an inspection file that is not there says how one is made, not which rule set is built in', async () => {
    const { code, stdout, stderr } = await runCli(['status', '-i', 'missing/jtai-inspection.yaml']);
    expect([code, stdout, stderr]).toEqual([
      1,
      '',
      'jtai: cannot read inspection file missing/jtai-inspection.yaml: no such file ("jtai start --notified DATE" makes one).\nRun "jtai status --help" for its options and examples.\n',
    ]);
  });

  test('a malformed rule file names the file, line and column', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'jtai-')), 'bad.yaml');
    writeFileSync(file, 'id: bad\nname: [\n');
    const { code, stdout, stderr } = await runCli(['plan', '-n', '2019-03-19', '--rules', file]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^jtai: rule set .*bad\.yaml has a problem:\n.*bad\.yaml:3:1: .*\(YAML syntax\)\.\nRun "jtai check .*bad\.yaml" after each fix\.\n$/,
    );
  });
});

describe('the installed command', () => {
  const run = promisify(execFile);
  const bin = new URL('../../bin/jtai.cjs', import.meta.url).pathname;

  test('runs from another folder and exits 0', async () => {
    const { stdout } = await run(process.execPath, [bin, 'plan', '-n', '2019-03-19', '-f', 'json'], { cwd: '/' });
    expect(JSON.parse(stdout).items).toHaveLength(14);
  });

  test('a bad date exits 2 with no stack trace', async () => {
    const failure = await run(process.execPath, [bin, 'plan', '-n', '2019-02-30']).catch(
      (e: { code: number; stderr: string; stdout: string }) => e,
    );
    expect(failure).toMatchObject({ code: 2, stdout: '' });
    // A stack frame, from the bundle (dist/bundle/*.cjs) or anywhere: "    at name (file:line:column)".
    expect((failure as { stderr: string }).stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
  });

  test('--help lists examples', async () => {
    const { stdout } = await run(process.execPath, [bin, 'plan', '--help']);
    expect(stdout).toContain('$ jtai plan --notified 2019-03-19');
  });
});
