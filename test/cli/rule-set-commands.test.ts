import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli, said } from '../helpers.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'jtai-rules-'));
}

const BASE = `id: tiny
name: Tiny
source: { title: A test }
timezone: Europe/London
holidays: england-and-wales
notification: { day: 0, weekday: tuesday }
times:
  eod: { time: "17:00", label: end of the day }
parties:
  la: { name: Local authority }
  police: { name: Police }
items:
  - id: first
    kind: submission
    title: First list
    day: 0
    at: eod
    by: [la]
    source: the words
`;

function writeRules(text: string, name = 'area.yaml'): string {
  const file = join(tempDir(), name);
  writeFileSync(file, text);
  return file;
}

const item = (fields: string) => `  - ${fields.trim().split('\n').join('\n    ')}\n`;

describe('jtai check', () => {
  test('the built-in rule set is valid, with the briefing inconsistency as a located warning', async () => {
    const { code, stdout } = await runCli(['check', 'jtai-2018']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      'schedules/jtai-2018.yaml:303:39: warning: "Key case-file documents for each child being evaluated" (Tue 26 Mar 2019) is due before "CQC requests documents about the children being tracked" (Fri 29 Mar 2019), which the rule set says comes first.\n' +
        'schedules/jtai-2018.yaml: valid, 1 warning (tried with a notification on Tuesday 19 March 2019)\n',
    );
  });

  test.each([
    [
      'duplicate ids',
      item('id: first\nkind: submission\ntitle: Again\nday: 1\nat: eod\nby: [la]\nsource: s'),
      ':20:9: error: duplicate item id "first"; item 1 has it already.',
    ],
    [
      'an unknown named time',
      item('id: second\nkind: submission\ntitle: Two\nday: 1\nat: end-of-day\nby: [la]\nsource: s'),
      ':24:9: error: unknown time "end-of-day"; expected a clock time like "15:00" or one of "eod", "all-day".',
    ],
    [
      'an unknown party',
      item('id: second\nkind: submission\ntitle: Two\nday: 1\nat: eod\nby: [la, health]\nsource: s'),
      ':25:14: error: unknown party "health" in item "second"; expected one of "la", "police".',
    ],
    [
      'a reference to an item that does not exist',
      item('id: second\nkind: submission\ntitle: Two\nday: 1\nat: eod\nby: [la]\nsource: s\nafter: [zeroth]'),
      ':27:13: error: item "second" comes after "zeroth", but there is no item "zeroth".',
    ],
  ])('finds %s, with its line and column', async (_what, extra, expected) => {
    const file = writeRules(BASE + extra);
    const { code, stdout } = await runCli(['check', file]);
    expect(code).toBe(1);
    expect(stdout).toBe(`${file}${expected}\n${file}: 1 error\n`);
  });

  test('finds a cycle of "after"', async () => {
    const text =
      BASE.replace('    source: the words\n', '    source: the words\n    after: [second]\n') +
      item('id: second\nkind: submission\ntitle: Two\nday: 1\nat: eod\nby: [la]\nsource: s\nafter: [first]');
    const file = writeRules(text);
    const { code, stdout } = await runCli(['check', file]);
    expect(code).toBe(1);
    expect(stdout).toContain(
      `${file}:20:12: error: "after" makes a cycle: first -> second -> first; no order can keep it.\n`,
    );
  });

  test('warns about an item dated before one it comes after, for the sample date and for --notified', async () => {
    const text =
      BASE +
      item('id: early\nkind: submission\ntitle: Early\nday: 0\nat: "09:00"\nby: [la]\nsource: s\nafter: [first]');
    const file = writeRules(text);
    const { code, stdout } = await runCli(['check', file]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      `${file}:27:13: warning: "Early" (Tue 19 Mar 2019) is due before "First list" (Tue 19 Mar 2019), which the rule set says comes first.\n` +
        `${file}: valid, 1 warning (tried with a notification on Tuesday 19 March 2019)\n`,
    );
    const monday = await runCli(['check', file, '--notified', '2019-03-18']);
    expect(monday.stdout).toContain(
      `${file}:6:34: warning: tiny expects notification on a Tuesday, but 2019-03-18 is a Monday`,
    );
  });

  test('several files: exit 1 if any has an error, every file reported', async () => {
    const good = writeRules(BASE, 'good.yaml');
    const bad = writeRules(BASE.replace('kind: submission', 'kind: deadline'), 'bad.yaml');
    const { code, stdout } = await runCli(['check', good, bad]);
    expect(code).toBe(1);
    expect(stdout).toContain(`${good}: valid, 0 warnings\n`);
    expect(stdout).toContain(
      `${bad}:14:11: error: items[0].kind: expected one of "submission", "inspector-action", found "deadline".\n`,
    );
  });

  test('a missing file is an error line, not a crash', async () => {
    const { code, stdout } = await runCli(['check', 'nope.yaml']);
    expect(code).toBe(1);
    expect(stdout).toBe(
      'nope.yaml: error: cannot read rule set nope.yaml: no such file (the built-in rule set is "jtai-2018").\nnope.yaml: 1 error\n',
    );
  });
});

describe('extends', () => {
  const overlay = `extends: jtai-2018
id: my-area
name: My Area
remove: [child-level-data]
closures: [{ date: 2019-03-22, name: Council staff day }]
times:
  end-of-day: { time: "16:30", label: end of the day, note: My Area sends everything by 16:30. }
parties:
  police: { name: Anyshire Police }
items:
  - id: cse-gangs-cases
    at: "14:00"
  - id: sign-off
    kind: submission
    title: Internal sign-off of the case lists
    day: 1
    at: "13:00"
    by: [local-authority]
    source: Our own deadline.
`;

  test('adds, removes and changes items, times, parties and closures of the built-in rule set', async () => {
    const file = writeRules(overlay);
    const { code, stdout } = await runCli(['plan', '-n', '2019-03-19', '--rules', file, '-f', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    const byId = new Map(json.items.map((i: { id: string }) => [i.id, i]));
    expect(json.schedule.id).toBe('my-area');
    expect(byId.has('child-level-data')).toBe(false);
    expect(byId.get('children-list')).toMatchObject({ time: '16:30', due: '2019-03-19T16:30:00+00:00' });
    expect(byId.get('cse-gangs-cases')).toMatchObject({
      time: '14:00',
      title: '10 cases where sexual or criminal exploitation by gangs is a current and significant factor',
    });
    expect(byId.get('sign-off')).toMatchObject({ date: '2019-03-20', time: '13:00' });
    expect(byId.get('select-children-to-track')).toMatchObject({ date: '2019-03-25' }); // the staff day is skipped
    expect(json.items.length).toBe(14);
  });

  test('problems are reported in the file that has them', async () => {
    const file = writeRules(
      overlay
        .replace('    at: "13:00"', '    at: "1pm"')
        .replace('remove: [child-level-data]', 'remove: [child-level-data, nothing]'),
    );
    const { code, stdout } = await runCli(['check', file]);
    expect(code).toBe(1);
    expect(stdout).toContain(`${file}:4:28: error: remove: there is no item "nothing" in jtai-2018.\n`);
    const fixed = writeRules(overlay.replace('    at: "13:00"', '    at: "1pm"'));
    expect((await runCli(['check', fixed])).stdout).toContain(`${fixed}:17:9: error: unknown time "1pm"`);
  });

  test('a missing base and a cycle are clear errors', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), 'extends: ./b.yaml\nid: a\n');
    writeFileSync(join(dir, 'b.yaml'), 'extends: ./a.yaml\nid: b\n');
    const cycle = await runCli(['check', join(dir, 'a.yaml')]);
    expect(cycle.stdout).toContain(
      'b.yaml:1:10: error: "extends: ./a.yaml" makes a cycle: a rule set cannot extend itself.',
    );
    writeFileSync(join(dir, 'c.yaml'), 'extends: ./missing.yaml\nid: c\n');
    const missing = await runCli(['check', join(dir, 'c.yaml')]);
    expect(missing.stdout).toMatch(
      /c\.yaml:1:10: error: cannot read rule set .*missing\.yaml: no such file .*; "extends" names a built-in rule set or a file relative to this one\.\n/,
    );
  });
});

describe('jtai init', () => {
  test('writes a commented rule set that passes check, and never overwrites', async () => {
    const file = join(tempDir(), 'rules.yaml');
    expect((await runCli(['init', file])).code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=.*schedules\/rule-set\.schema\.json\n/);
    expect(text).toContain('#   kind          "submission": the area must provide something.');
    expect(text).toContain('\nid: my-area\n');
    const check = await runCli(['check', file]);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain(`${file}: valid, 1 warning`);
    writeFileSync(file, 'mine');
    const again = await runCli(['init', file]);
    expect([again.code, said(again.stderr)]).toEqual([
      1,
      `jtai: ${file} already exists; jtai init does not overwrite files. Choose another name or remove it.\n`,
    ]);
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });
});

describe('jtai explain', () => {
  test('counts the working days one by one across Easter, naming each day skipped', async () => {
    const { code, stdout } = await runCli(['explain', 'select-children-to-track', '-n', '2019-04-16', '-f', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(
      json.steps.map((s: { date: string; day: number | null; reason: string | null }) => [s.date, s.day, s.reason]),
    ).toEqual([
      ['2019-04-16', 0, 'notification day'],
      ['2019-04-17', 1, null],
      ['2019-04-18', 2, null],
      ['2019-04-19', null, 'Good Friday (bank holiday)'],
      ['2019-04-20', null, 'Saturday'],
      ['2019-04-21', null, 'Sunday'],
      ['2019-04-22', null, 'Easter Monday (bank holiday)'],
      ['2019-04-23', 3, null],
    ]);
    expect(json).toMatchObject({ at: 'midday', time: '12:00', timeLabel: 'mid-day', due: '2019-04-23T12:00:00+01:00' });
    expect(json.warnings[0]).toMatch(/not on a Friday as the source says/);
  });

  test('text shows the named time resolved and the source', async () => {
    const { stdout } = await runCli(['explain', 'joint-evaluations', '-n', '2019-03-19']);
    expect(stdout).toContain('  Sat 23 Mar 2019  skipped: Saturday\n');
    expect(stdout).toContain('  Thu 28 Mar 2019  day 7\n');
    expect(stdout).toContain('Time: "end-of-day" is 17:00 ("end of the day").');
    expect(stdout).toContain('Due: Thursday 28 March 2019 at 17:00, Europe/London (2019-03-28T17:00:00+00:00).');
  });

  test('an unknown id lists the ids; a misspelt one gets "did you mean"; any case is fine', async () => {
    const { code, stderr } = await runCli(['explain', 'nope', '-n', '2019-03-19']);
    expect(code).toBe(2); // a usage error, as in done and undo
    expect(stderr).toMatch(
      /^jtai: there is no item "nope" in jtai-2018\. Its items are: children-list, child-level-data, /,
    );
    expect((await runCli(['explain', 'cse-gang-cases', '-n', '2019-03-19'])).stderr).toMatch(
      /^jtai: there is no item "cse-gang-cases" in jtai-2018\. Did you mean "cse-gangs-cases"\? /,
    );
    const upper = await runCli(['explain', 'CSE-Gangs-Cases', '-n', '2019-03-19', '-f', 'json']);
    expect(JSON.parse(upper.stdout).id).toBe('cse-gangs-cases');
  });
});

describe('jtai next', () => {
  test('what has passed, what is still due today and what comes next', async () => {
    const { code, stdout } = await runCli(['next', '-n', '2019-03-19', '--now', '2019-03-20T14:10', '-f', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.now).toBe('2019-03-20T14:10:00+00:00');
    expect(json.over).toBe(false);
    expect(json.overdue[0].agencies).toEqual([{ id: 'dcs', name: "Director of Children's Services (DCS)" }]);
    expect(json.overdue.map((i: { id: string }) => i.id)).toEqual(['children-list', 'child-level-data']);
    expect(json.today.map((i: { minutesLeft: number }) => i.minutesLeft)).toEqual([50, 50, 50, 50, 200]);
    expect(json.next.map((i: { id: string }) => i.id)).toEqual(['information-on-20-children', 'multi-agency-meetings']);
  });

  test('an instant with an offset, after the clocks change, and for one agency', async () => {
    const { stdout } = await runCli([
      'next',
      '-n',
      '2019-03-26',
      '--now',
      '2019-04-02T15:00:00Z',
      '-a',
      'police',
      '-f',
      'json',
    ]);
    const json = JSON.parse(stdout);
    expect(json.now).toBe('2019-04-02T16:00:00+01:00'); // 15:00 UTC is 16:00 BST
    expect(json.today).toEqual([
      expect.objectContaining({ id: 'key-case-file-documents', minutesLeft: 60 }),
      expect.objectContaining({ id: 'agency-information', minutesLeft: 60 }),
    ]);
  });

  test('a bad --now is a usage error', async () => {
    const { code, stderr } = await runCli(['next', '-n', '2019-03-19', '--now', 'teatime']);
    expect([code, said(stderr)]).toEqual([
      2,
      'jtai: --now "teatime" is not a date and time jtai can read; give it as 2019-03-20T14:10 (London time), 20/03/2019 14:10, or with an offset, 2019-03-20T14:10+00:00.\n',
    ]);
  });
});

describe('jtai list and jtai schema', () => {
  test('lists the built-in rule sets', async () => {
    const json = JSON.parse((await runCli(['list', '-f', 'json'])).stdout);
    expect(json).toEqual([
      expect.objectContaining({ id: 'jtai-2018', name: 'JTAI timetable (2018 guidance)', items: 14 }),
    ]);
  });

  test('prints the JSON Schema that is shipped', async () => {
    const shipped = readFileSync(new URL('../../schedules/rule-set.schema.json', import.meta.url), 'utf8');
    expect((await runCli(['schema'])).stdout).toBe(shipped);
  });
});
