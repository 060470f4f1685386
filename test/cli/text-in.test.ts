import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { quoteField } from '../../src/render/csv.js';
import { runCli, said } from '../helpers.js';

// Issue 17: every text jtai accepts follows one rule, whatever the way in (command line,
// inspection file, rule set, environment); what cannot be right is refused where it is; and
// ordinary mishaps (a folder gone, a full disk, stdout closed) are never called a bug.

const BIN = fileURLToPath(new URL('../../bin/jtai.cjs', import.meta.url));
const folder = () => mkdtempSync(join(tmpdir(), 'jtai-text-in-'));
const ESC_TITLE = '\u001b]0;pwned\u0007';

async function started() {
  const file = join(folder(), 'jtai-inspection.yaml');
  expect((await runCli(['start', '--notified', '2019-03-19', '--area', 'My Area', '--out', file])).code).toBe(0);
  return file;
}

describe('the command line', () => {
  test.each([
    [
      '--by',
      ['done', 'children-list', '--by', `Kim${ESC_TITLE}`],
      '--by "Kim\\x1b]0;pwned\\x07" holds an escape (\\x1b) at character 4; type it without control characters or line breaks.',
    ],
    [
      '--note',
      ['done', 'children-list', '--note', 'ok\rEND:VEVENT\rBEGIN:VEVENT'],
      '--note "ok\\x0dEND:VEVENT\\x0dBEGIN:VEVENT" holds a carriage return (\\x0d) at character 3; type it without control characters.',
    ],
    [
      '--at',
      ['done', 'children-list', '--at', '19/03/2019\u009b16:40'],
      '--at "19/03/2019\\x9b16:40" holds a control character (\\x9b) at character 11; type it without control characters or line breaks.',
    ],
    [
      '--agency',
      ['done', 'cse-gangs-cases', '--agency', 'police\u0000'],
      '--agency "police\\x00" holds a NUL (\\x00) at character 7; type it without control characters or line breaks.',
    ],
    [
      'an item id',
      ['done', 'children\u001b[2J-list'],
      'the first argument of jtai done "children\\x1b[2J-list" holds an escape (\\x1b) at character 9; type it without control characters or line breaks.',
    ],
  ])(
    '%s with a control character is refused, named, shown as an escape, and nothing is recorded',
    async (_name, args, message) => {
      const file = await started();
      const before = readFileSync(file, 'utf8');
      const run = await runCli([...args, '--inspection', file]);
      expect([run.code, said(run.stderr)]).toEqual([2, `jtai: ${message}\n`]);
      // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
      expect(run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(readFileSync(file, 'utf8')).toBe(before);
    },
  );

  test('a note may run over lines; --area, --notified, --rules, --out and --now may not hold a control', async () => {
    const file = await started();
    expect((await runCli(['done', 'children-list', '--note', 'line one\nline two', '--inspection', file])).code).toBe(
      0,
    );
    expect(JSON.parse((await runCli(['log', '--inspection', file, '-f', 'json'])).stdout).events[0].note).toBe(
      'line one\nline two',
    );
    for (const args of [
      ['start', '-n', '2019-03-19', '--area', 'Area\f}} body{x}', '--out', join(folder(), 'x.yaml')],
      ['plan', '-n', '2019-03-19\u001b'],
      ['plan', '-n', '2019-03-19', '--rules', 'jtai-2018\n'],
      ['plan', '-n', '2019-03-19', '--out', 'x\u0007.ics'],
      ['plan', '-n', '2019-03-19', '--now', '2019-03-20\t14:10'],
    ]) {
      const run = await runCli(args);
      expect([run.code, run.stderr]).toEqual([2, expect.stringMatching(/^jtai: --\w+ ".*" holds /)]);
    }
  });

  test('an empty value is refused, never taken as "not given": --out "" does not print instead', async () => {
    const run = await runCli(['plan', '-n', '2019-03-19', '--out', '']);
    expect([run.code, run.stdout, said(run.stderr)]).toEqual([
      2,
      '',
      'jtai: --out is empty; give a value, or leave it out.\n',
    ]);
    expect((await runCli(['plan', '-n', '2019-03-19', '--by', ' '])).code).toBe(2); // unknown option wins, still 2
    expect(said((await runCli(['plan', '-n', ''])).stderr)).toBe(
      'jtai: --notified is empty; give a value, or leave it out.\n',
    );
  });
});

describe('the inspection file', () => {
  test.each([
    [
      'area',
      `area: "My Area\\e]0;x\\a"`,
      'area: expected one line of text without control characters; this holds an escape (\\x1b) at character 8, found ',
    ],
    [
      'a contact',
      `contacts:\n  police: { name: "DI Smith\\r\\nSUMMARY:x" }`,
      'contacts.police.name: expected one line of text without control characters; this holds a carriage return (\\x0d) at character 9, found ',
    ],
    [
      'who did it',
      `progress:\n  children-list: [{ done: "2019-03-19T16:00:00+00:00", by: "Sam\\u009b" }]`,
      'progress.children-list[0].by: expected one line of text without control characters; this holds a control character (\\x9b) at character 4, found ',
    ],
    [
      'a note',
      `progress:\n  children-list: [{ done: "2019-03-19T16:00:00+00:00", note: "ok\\rEND:VEVENT" }]`,
      'progress.children-list[0].note: expected text without control characters; this holds a carriage return (\\x0d) at character 3, found ',
    ],
  ])('%s with a control character is refused at its line and column', async (_name, yaml, message) => {
    const file = join(folder(), 'jtai-inspection.yaml');
    writeFileSync(file, `notified: 2019-03-19\n${yaml}\n`);
    const run = await runCli(['plan', '--inspection', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(
        `^jtai: inspection file .* has a problem:\\n.*jtai-inspection\\.yaml:[2-4]:\\d+: ${message.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}".*"\\.\\n`,
      ),
    );
  });
});

describe('values out of range', () => {
  test('SOURCE_DATE_EPOCH past the year 9999, or not a number, is refused by name', async () => {
    for (const epoch of ['999999999999', '12abc', '-5']) {
      const run = await runCli(['plan', '-n', '2019-03-19', '-f', 'ics'], { SOURCE_DATE_EPOCH: epoch });
      expect([run.code, said(run.stderr)]).toEqual([
        1,
        `jtai: SOURCE_DATE_EPOCH "${epoch}" is not a whole number of seconds from 1970 to the end of 9999; set it to one (for example 1552953600) or unset it.\n`,
      ]);
    }
    expect(
      (await runCli(['plan', '-n', '2019-03-19', '-f', 'ics'], { SOURCE_DATE_EPOCH: '253402300799' })).stdout,
    ).toContain('DTSTAMP:99991231T235959Z');
  });

  test('a rule set with minutes: 9999999999999 is refused where it is written', async () => {
    const file = join(folder(), 'rules.yaml');
    writeFileSync(
      file,
      readFileSync(fileURLToPath(new URL('../../schedules/jtai-2018.yaml', import.meta.url)), 'utf8').replace(
        /^items:\n/m,
        'items:\n  - { id: early, kind: submission, title: Early, from: children-list, minutes: 9999999999999, by: [local-authority], source: Ours }\n',
      ),
    );
    const run = await runCli(['check', file]);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toMatch(
      /rules\.yaml:\d+:\d+: error: items\[0\]\.minutes: expected a whole number of minutes from -2880000 to 2880000, found 9999999999999/,
    );
  });

  test('--now and --at outside the years of known clock changes are refused, not read as GMT', async () => {
    const run = await runCli(['next', '-n', '2019-03-19', '--now', '2041-07-01 12:00']);
    expect([run.code, said(run.stderr)]).toEqual([
      2,
      'jtai: --now "2041-07-01 12:00" is outside the years jtai knows the clock changes of Europe/London for (2016 to 2040); give a time in those years.\n',
    ]);
    expect((await runCli(['next', '-n', '2019-03-19', '--now', '2015-07-01T12:00+01:00'])).code).toBe(2);
  });

  test('01:30 on the autumn clock-change day happens twice: the first is taken, and jtai says so', async () => {
    const run = await runCli(['next', '-n', '2019-10-22', '--now', '27/10/2019 01:30', '-f', 'json']);
    expect(JSON.parse(run.stdout).now).toBe('2019-10-27T01:30:00+01:00');
    expect(run.stderr).toBe(
      'jtai: --now "27/10/2019 01:30": 01:30 happens twice on Sunday 27 October 2019, when the clocks go back; read as the first (+01:00). For the second, give 2019-10-27T01:30+00:00.\n',
    );
    const second = await runCli(['next', '-n', '2019-10-22', '--now', '2019-10-27T01:30+00:00', '-f', 'json']);
    expect([JSON.parse(second.stdout).now, second.stderr]).toEqual(['2019-10-27T01:30:00+00:00', '']);
  });
});

describe('ordinary mishaps are not bugs (exit 1 or 2 with a sentence, never 70)', () => {
  const jtai = (args: string[], options: { cwd?: string; shell?: string } = {}) =>
    options.shell
      ? spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" ${args.join(' ')} ${options.shell}`], {
          cwd: options.cwd,
          encoding: 'utf8',
        })
      : spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd, encoding: 'utf8' });

  test('the working folder deleted, even for a JSON plan', () => {
    const dir = folder();
    const run = spawnSync(
      'bash',
      ['-c', `cd "${dir}" && rmdir "${dir}" && "${process.execPath}" "${BIN}" plan -n 2019-03-19 -f json`],
      { encoding: 'utf8' },
    );
    expect([run.status, run.stdout, run.stderr]).toEqual([
      1,
      '',
      'jtai: the working folder no longer exists (it was deleted or moved); change to a folder that does (cd) and run jtai again.\n',
    ]);
  });

  test('stdout on a full disk', () => {
    const run = jtai(['plan', '-n', '2019-03-19'], { shell: '> /dev/full' });
    expect([run.status, said(run.stderr)]).toEqual([
      1,
      'jtai: cannot write to standard output: the disk is full; give --out FILE to write a file instead.\n',
    ]);
  });

  test('stdout closed (>&-) is taken as /dev/null: Node opens it so before jtai runs, as stdio "ignore" and DEVNULL do', () => {
    for (const redirect of ['>&-', '> /dev/null'])
      expect(jtai(['plan', '-n', '2019-03-19', '-q'], { shell: redirect }).status).toBe(0);
  });

  test('an --out name of 250 characters is written; one of 300 is refused', () => {
    const dir = folder();
    expect(jtai(['plan', '-n', '2019-03-19', '-q', '--out', `${'x'.repeat(246)}.ics`], { cwd: dir }).status).toBe(0);
    const long = jtai(['plan', '-n', '2019-03-19', '-q', '--out', `${'x'.repeat(296)}.ics`], { cwd: dir });
    expect([long.status, long.stderr]).toEqual([
      1,
      expect.stringMatching(/: the name is too long; no file was changed\.\n/),
    ]);
  });
});

test('a CSV cell with a semicolon or a tab is quoted, so a spreadsheet splitting on them finds no formula', () => {
  expect(quoteField('Lists;=1+2;x\t=HYPERLINK(1)')).toBe('"Lists;=1+2;x\t=HYPERLINK(1)"');
});

describe('what an attacker tried next (a fresh helper with the inspection file and a shell)', () => {
  const run = (script: string, cwd: string) =>
    spawnSync('bash', ['-c', script], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, J: `"${process.execPath}" "${BIN}"` },
    });

  test('--out never replaces the inspection file or the rule set the plan is read from', async () => {
    const file = await started();
    const before = readFileSync(file, 'utf8');
    const inspection = await runCli(['plan', '--inspection', file, '-f', 'ics', '--out', file]);
    expect([inspection.code, said(inspection.stderr)]).toEqual([
      1,
      `jtai: cannot write ${file}: it is the inspection file this plan is read from (${file}); choose another name.\n`,
    ]);
    const rules = join(folder(), 'r.yaml');
    writeFileSync(
      rules,
      readFileSync(fileURLToPath(new URL('../../schedules/jtai-2018.yaml', import.meta.url)), 'utf8'),
    );
    expect((await runCli(['plan', '-n', '2019-03-19', '-r', rules, '-f', 'ics', '--out', rules])).code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  test('--out /dev/stdout appends where the shell said (>>), and a link planted in /dev/shm is not followed', () => {
    const dir = folder();
    const append = run(
      `printf 'OLD LINE\\n' > log.txt; eval "$J plan -q -n 2019-03-19 --out /dev/stdout -f ics" >> log.txt; head -2 log.txt`,
      dir,
    );
    expect(append.stdout).toBe('OLD LINE\nBEGIN:VCALENDAR\r\n');
    const link = `/dev/shm/jtai-test-${process.pid}.ics`;
    const planted = run(
      `printf 'victim\\n' > victim.txt; ln -sf "$PWD/victim.txt" ${link}; eval "$J plan -q -n 2019-03-19 --out ${link}"; echo "exit $?"; cat victim.txt; rm -f ${link}`,
      dir,
    );
    expect(planted.stdout).toBe('exit 0\nvictim\n'); // the link is replaced by the file, what it pointed to untouched
  });

  test('a named pipe with a reader gets the whole plan every time (one open, no probe that ends its input)', () => {
    const dir = folder();
    const fifo = run(
      'mkfifo ff; for i in 1 2 3 4 5 6; do cat ff > out.txt & eval "$J plan -q -n 2019-03-19 --out ff -f ics"; echo "exit $?"; wait; grep -c BEGIN:VEVENT out.txt; done',
      dir,
    );
    expect(fifo.stdout).toBe('exit 0\n14\n'.repeat(6));
  });

  test('direction overrides are refused on the command line; a line break in a rule-set value never fakes a line of jtai check', async () => {
    const area = await runCli([
      'start',
      '-n',
      '2019-03-19',
      '--area',
      'Leeds\u202e',
      '--out',
      join(folder(), 'x.yaml'),
    ]);
    expect([area.code, said(area.stderr)]).toEqual([
      2,
      'jtai: --area "Leeds\\u{202e}" holds a direction override (\\u{202e}) at character 6; type it without control characters or line breaks.\n',
    ]);
    const dir = folder();
    writeFileSync(join(dir, 'r.yaml'), 'extends: "nofile\\nrules.yaml: valid, 0 warnings\\n"\nid: x\nname: x\n');
    const check = await runCli(['check', join(dir, 'r.yaml')]);
    expect(check.code).toBe(1);
    expect(check.stdout.split('\n').filter((l) => l.startsWith('rules.yaml'))).toEqual([]);
    expect(check.stdout).toContain('nofile\\x0arules.yaml: valid, 0 warnings: no such file');
  });

  test('a reminder beyond four weeks, and an item chained into the repeated autumn hour, are said', async () => {
    expect(said((await runCli(['plan', '-n', '2019-03-19', '-f', 'ics', '--remind', '99999d'])).stderr)).toBe(
      'jtai: --remind "99999d": 99999d is more than four weeks before each deadline; give at most 28d.\n',
    );
    const rules = join(folder(), 'area.yaml');
    writeFileSync(
      rules,
      'extends: jtai-2018\nid: my-area\nname: My area\nitems:\n  - { id: night, kind: submission, title: Night, from: children-list, hours: 104, minutes: 30, by: [local-authority], source: Ours }\n',
    );
    const run = await runCli(['plan', '-n', '2019-10-22', '-r', rules, '-f', 'json']);
    expect(run.stderr).toContain(
      '"Night" (104 h 30 min after children-list) comes to 01:30 on Sun 27 Oct 2019, an hour that happens twice when the clocks go back; jtai takes the first (+01:00).',
    );
  });
});
