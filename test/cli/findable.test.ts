import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, test, vi } from 'vitest';
import { runCli, said } from '../helpers.js';

// Issue 11: a command people can find and use without reading the code.

const tempDir = () => mkdtempSync(join(tmpdir(), 'jtai-find-'));
const COMMANDS = [
  'plan',
  'next',
  'explain',
  'status',
  'start',
  'done',
  'undo',
  'log',
  'web',
  'check',
  'init',
  'list',
  'schema',
];

describe('help that teaches', () => {
  test('jtai --help shows the commands, the main options of plan and examples; jtai help is the same', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const command of COMMANDS) expect(stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    expect(stdout).toContain(
      'The options of jtai plan that matter most:\n  -n, --notified <date>  the day the area was notified (or run jtai start once)\n',
    );
    expect(stdout).toContain('Examples:\n  the whole timetable:\n    $ jtai plan --notified 2019-03-19\n');
    expect((await runCli(['help'])).stdout).toBe(stdout);
  });

  test.each(COMMANDS)(
    'jtai help %s equals jtai %s --help, has examples, and fits 80 columns without breaking a word',
    async (command) => {
      const help = (await runCli(['help', command])).stdout;
      expect(help).toBe((await runCli([command, '--help'])).stdout);
      expect(help).toMatch(/\nExamples:\n {2}\S.*:\n {4}\$ (jtai|watch) /);
      for (const line of help.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
      // Commander wraps only at spaces: every word of every option's description is there whole.
      const flat = help.replace(/\s+/g, ' ');
      const { makeProgram } = await import('../../src/cli/program.js');
      const cmd = makeProgram(
        { writeOut() {}, writeErr() {}, stdoutIsTty: false, columns: 80, env: {} },
        '0',
      ).commands.find((c) => c.name() === command)!;
      for (const o of cmd.options) for (const word of o.description.split(/\s+/)) expect(flat).toContain(word);
    },
  );

  test('--notified is marked required where it is', async () => {
    for (const command of ['plan', 'next', 'explain'])
      expect((await runCli([command, '--help'])).stdout.replace(/\s+/g, ' ')).toContain(
        '-n, --notified <date> (required unless an inspection file gives it) the day the area was notified',
      );
    // check tries a rule set on a sample week: its --notified is plain, with no "(required ...)" marker.
    const check = (await runCli(['check', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(check).toContain('-n, --notified <date> the day the area was notified');
    expect(check).not.toContain('required');
  });

  test('jtai help with a misspelt command says which it may be', async () => {
    const { code, stderr } = await runCli(['help', 'paln']);
    expect([code, stderr]).toEqual([
      2,
      'jtai: there is no command "paln". Did you mean "plan"? The commands are: plan, next, explain, status, start, done, undo, move, log, web, check, init, list, schema.\nRun "jtai --help" for the commands and examples.\n',
    ]);
  });

  test.each([
    [
      ['move', 'x', '--to', '2019-03-22T10:00', '--reason', 'agreed'],
      'jtai move has no option --reason. Did you mean "--why"?',
    ],
    [['done', 'x', '--reason', 'late'], 'jtai done has no option --reason. Did you mean "--note"?'],
    [['plan', '--date', '2019-03-19'], 'jtai plan has no option --date. Did you mean "--notified"?'],
    [['plan', '--output=x.ics'], 'jtai plan has no option --output=x.ics. Did you mean "--out"?'],
    [['done', 'x', '--who', 'Kim'], 'jtai done has no option --who. Did you mean "--by"?'],
    [['done', 'x', '--when', '16:40'], 'jtai done has no option --when. Did you mean "--at"?'],
    [['move', 'x', '--date', '22/03/2019 10:00'], 'jtai move has no option --date. Did you mean "--to"?'],
  ])("an option typed in other words (%j) is pointed at jtai's", async (args, said) => {
    const { code, stderr } = await runCli(args);
    expect([code, stderr.split('\n')[0]]).toEqual([2, `jtai: ${said}`]);
  });

  test('errors in next and explain point at their own help', async () => {
    expect((await runCli(['next', '--notifed', '2019-03-19'])).stderr).toBe(
      'jtai: jtai next has no option --notifed. Did you mean "--notified"?\nRun "jtai next --help" for its options and examples.\n',
    );
    expect((await runCli(['explain', 'x'])).stderr).toMatch(
      /\nRun "jtai explain --help" for its options and examples\.\n$/,
    );
  });
});

describe('forgiving dates, never a silent guess', () => {
  const iso = async () => (await runCli(['plan', '-n', '2019-03-19', '-f', 'json'])).stdout;

  test.each([
    '19/03/2019',
    '19-03-2019',
    '19.03.2019',
    '19 March 2019',
    'Tue 19 Mar 2019',
    'Tuesday, 19th March 2019',
    'March 19, 2019',
  ])('--notified "%s" gives the same plan as 2019-03-19 and says how it was read', async (typed) => {
    const { code, stdout, stderr } = await runCli(['plan', '-n', typed, '-f', 'json']);
    expect(code).toBe(0);
    expect(stdout).toBe(await iso());
    expect(stderr).toMatch(
      new RegExp(`^jtai: --notified "${typed}" read as Tuesday 19 March 2019 \\(2019-03-19\\)\\.\\n`),
    );
  });

  test("today is London's date, whatever the date is in UTC or on the machine", async () => {
    // 23:30 UTC on Sunday 30 June 2019 is already Monday 1 July in London (BST); 13:00 UTC on
    // Monday 1 July is Tuesday 2 July in Auckland; 23:30 UTC on Monday 7 January is still Monday in London (GMT).
    const cases = [
      ['2019-06-30T23:30:00Z', '2019-07-01'],
      ['2019-07-01T13:00:00Z', '2019-07-01'],
      ['2019-01-07T23:30:00Z', '2019-01-07'],
    ];
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      for (const [now, london] of cases) {
        vi.setSystemTime(new Date(now!));
        const { code, stdout, stderr } = await runCli(['next', '-n', 'today', '-f', 'json', '--now', 'now']);
        expect(code, stderr).toBe(0);
        expect(JSON.parse(stdout).notified, now).toBe(london);
      }
    } finally {
      vi.useRealTimers();
    }
  });

  test.each([
    [
      '03/19/2019',
      '19 is not a month (dates are day first: for 19 March type 2019-03-19); give the date as YYYY-MM-DD.',
    ],
    [
      '19/03/19',
      'a two-digit year could be read more than one way; give the date as YYYY-MM-DD, for example 2019-03-19.',
    ],
    ['Wed 19 Mar 2019', '19 March 2019 is a Tuesday, not a Wednesday; type 2019-03-19 if that is the day you mean.'],
    ['31/02/2019', 'there is no 31 February 2019; give a real date as YYYY-MM-DD.'],
  ])('--notified "%s" is refused with the ISO form to type', async (typed, why) => {
    const { code, stderr } = await runCli(['plan', '-n', typed]);
    expect([code, said(stderr)]).toEqual([2, `jtai: --notified "${typed}": ${why}\n`]);
  });

  test('--now takes the same forms, with a time', async () => {
    const now = async (typed: string) =>
      JSON.parse((await runCli(['next', '-n', '2019-03-19', '--now', typed, '-f', 'json'])).stdout).now;
    expect(await now('20/03/2019 14:10')).toBe('2019-03-20T14:10:00+00:00');
    expect(await now('20 March 2019 2:10pm')).toBe('2019-03-20T14:10:00+00:00');
    expect(await now('2 April 2019 16:00')).toBe('2019-04-02T16:00:00+01:00'); // after the clocks went forward
  });
});

describe('agencies as people call them', () => {
  const filter = async (name: string) => {
    const json = JSON.parse((await runCli(['plan', '-n', '2019-03-19', '-f', 'json', '--agency', name])).stdout);
    return json.filter.agencies.map((a: { id: string }) => a.id);
  };

  test.each([
    ['probation', ['nps', 'crc']],
    ['Probation', ['nps', 'crc']],
    ['school', ['schools']],
    ['education', ['schools']],
    ['youth offending', ['yot']],
    ['Youth-Offending Service', ['yot']],
    ['la', ['local-authority']],
    ['council', ['local-authority']],
    ['nhs', ['health']],
    ['health', ['health']],
    ['YOT', ['yot']],
    ['Police', ['police']],
    ['inspectors', ['inspectors']],
  ])('--agency "%s" means %j', async (name, ids) => {
    expect(await filter(name)).toEqual(ids);
  });

  test('a rule set may declare aliases of its own', async () => {
    const dir = tempDir();
    const file = join(dir, 'area.yaml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      file,
      'extends: jtai-2018\nid: area\nparties:\n  police: { aliases: [Heddlu, north wales police] }\n',
    );
    const json = JSON.parse(
      (await runCli(['plan', '-n', '2019-03-19', '-f', 'json', '-r', file, '-a', 'heddlu'])).stdout,
    );
    expect(json.filter.agencies).toEqual([{ id: 'police', name: 'Police' }]);
  });
});

describe('outputs that say what they are', () => {
  test('a plan for one agency says so in the agenda, the Markdown title, the calendar name and the JSON', async () => {
    const run = async (format: string) =>
      (await runCli(['plan', '-n', '2019-03-19', '-f', format, '-a', 'police'])).stdout;
    expect((await run('text')).split('\n')[0]).toBe('JTAI timetable (2018 guidance), for Police');
    expect((await run('md')).split('\n')[0]).toBe(
      '# JTAI timetable (2018 guidance): notified Tuesday 19 March 2019, for Police',
    );
    expect(new ICAL.Component(ICAL.parse(await run('ics'))).getFirstPropertyValue('x-wr-calname')).toBe(
      'JTAI notified 2019-03-19 (JTAI timetable (2018 guidance)): Police',
    );
    expect(JSON.parse(await run('json')).filter).toEqual({ agencies: [{ id: 'police', name: 'Police' }] });
    const both = JSON.parse(
      (await runCli(['plan', '-n', '2019-03-19', '-f', 'json', '-a', 'police', '-a', 'health'])).stdout,
    );
    expect(both.filter.agencies.map((a: { id: string }) => a.id)).toEqual(['police', 'health']);
  });

  test('--agency limits --split to those agencies; an alias for two gives two files', async () => {
    const dir = tempDir();
    expect(
      (await runCli(['plan', '-n', '2019-03-19', '--split', 'agency', '--out-dir', dir, '-a', 'police'])).code,
    ).toBe(0);
    expect(readdirSync(dir)).toEqual(['jtai-2019-03-19-police.ics']);
    const probation = tempDir();
    await runCli([
      'plan',
      '-n',
      '2019-03-19',
      '--split',
      'agency',
      '--out-dir',
      probation,
      '-a',
      'probation',
      '-f',
      'csv',
    ]);
    expect(readdirSync(probation).sort()).toEqual(['jtai-2019-03-19-crc.csv', 'jtai-2019-03-19-nps.csv']);
  });

  test('an agency with nothing to do gets a clear message and no empty file', async () => {
    const dir = tempDir();
    const out = await runCli(['plan', '-n', '2019-03-19', '-a', 'inspectors', '--out', join(dir, 'x.ics')]);
    expect([out.code, out.stderr.split('\n')[0]]).toEqual([
      0,
      `jtai: Inspectors has nothing to do in jtai-2018 for a notification on 2019-03-19; ${join(dir, 'x.ics')} was not written.`,
    ]);
    const split = await runCli(['plan', '-n', '2019-03-19', '-a', 'inspectors', '--split', 'agency', '--out-dir', dir]);
    expect(split.stderr.split('\n')[0]).toBe(
      'jtai: Inspectors has nothing to do in jtai-2018 for a notification on 2019-03-19; no file was written for it.',
    );
    expect(readdirSync(dir)).toEqual([]);
    expect((await runCli(['plan', '-n', '2019-03-19', '-a', 'inspectors'])).stdout).toContain(
      '\nNothing to do in this plan for Inspectors.\n',
    );
  });

  test("the agenda and the Markdown show each item's id", async () => {
    expect((await runCli(['plan', '-n', '2019-03-19'])).stdout).toContain(
      "                     Director of Children's Services (DCS) → Lead inspector\n                     children-list\n",
    );
    expect((await runCli(['plan', '-n', '2019-03-19', '-f', 'md'])).stdout).toContain(
      "*day 0, Tue 19 Mar 2019 17:00.* Due: Director of Children's Services (DCS) → Lead inspector. `children-list`",
    );
  });
});

describe('each warning once', () => {
  const EASTER = '2019-04-16';
  const weekdayWarning =
    /4 items fall on another weekday than the source gives, because Good Friday \(bank holiday\) on Fri 19 Apr 2019 and Easter Monday \(bank holiday\) on Mon 22 Apr 2019 are skipped: /;

  test('on a terminal, in the agenda and not on stderr', async () => {
    const { stdout, stderr } = await runCli(['plan', '-n', EASTER, '--no-color'], {}, true);
    expect(stdout).toContain('\nWarnings\n');
    expect(stdout.replace(/\s+/g, ' ')).toMatch(weekdayWarning);
    expect(stderr).toBe('');
  });

  test('through a pipe, on stderr (the four weekday warnings told as one) and not in the agenda', async () => {
    const { stdout, stderr } = await runCli(['plan', '-n', EASTER]);
    expect(stdout).not.toContain('Warnings');
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^jtai: warning: ${weekdayWarning.source}`));
    expect(lines[1]).toMatch(/^jtai: warning: "Key case-file documents/);
  });

  test('--quiet silences them everywhere but in the data', async () => {
    for (const args of [['-f', 'json'], [], ['--out', join(tempDir(), 'p.ics')]])
      expect((await runCli(['plan', '-n', EASTER, '-q', ...args])).stderr).toBe('');
    expect((await runCli(['plan', '-n', EASTER, '-q'], {}, true)).stdout).not.toContain('Warnings');
    expect(JSON.parse((await runCli(['plan', '-n', EASTER, '-q', '-f', 'json'])).stdout).warnings).toHaveLength(5);
  });

  test('a text file keeps its warnings, which stderr also shows', async () => {
    const file = join(tempDir(), 'plan.txt');
    const { stderr } = await runCli(['plan', '-n', EASTER, '--out', file]);
    expect(readFileSync(file, 'utf8')).toContain('\nWarnings\n');
    expect(stderr).toMatch(/jtai: warning: 4 items/);
  });
});

describe('next, explain and check follow the agenda', () => {
  test('next says when the timetable is over instead of listing it all as overdue', async () => {
    const { stdout } = await runCli(['next', '-n', '2019-03-19', '--now', '2026-11-25T10:00']);
    expect(stdout).toBe(
      'Now: Wednesday 25 November 2026, 10:00 (Europe/London)\n\nThe timetable is over: all 14 items of this plan have passed, the last on Friday\n29 March 2019. Nothing more is due.\n',
    );
    expect(
      JSON.parse((await runCli(['next', '-n', '2019-03-19', '--now', '2026-11-25T10:00', '-f', 'json'])).stdout).over,
    ).toBe(true);
  });

  test('next shows who must act on each line, wraps to 80 columns, and colours only on a terminal', async () => {
    const { stdout } = await runCli(['next', '-n', '2019-03-19', '--now', '2019-03-20T14:10']);
    expect(stdout).toContain(
      '                      Local authority, Partner agencies → Lead inspector ·\n                      cse-gangs-cases\n',
    );
    for (const line of stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(stdout).not.toContain('\u001b[');
    expect((await runCli(['next', '-n', '2019-03-19', '--now', '2019-03-20T14:10'], {}, true)).stdout).toContain(
      '\u001b[',
    );
  });

  test('explain says who must act; check colours only on a terminal', async () => {
    expect((await runCli(['explain', 'cse-gangs-cases', '-n', '2019-03-19'])).stdout).toContain(
      '\nWho: Local authority, Partner agencies → Lead inspector\n',
    );
    expect((await runCli(['check', 'jtai-2018'])).stdout).not.toContain('\u001b[');
    expect((await runCli(['check', 'jtai-2018'], {}, true)).stdout).toContain('\u001b[');
  });
});
