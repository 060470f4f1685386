import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { readInspection } from '../../src/io/inspection-file.js';
import { loadProgress } from '../../src/io/inspection.js';
import { runCli, said } from '../helpers.js';

// Issue 13: running the fortnight with an inspection file. Figures worked out by hand for a
// notification on Tuesday 19 March 2019 (jtai-2018): children-list and child-level-data are
// due Tue 19 Mar 17:00; cse-gangs-cases and three other case lists Wed 20 Mar 15:00.

const BIN = fileURLToPath(new URL('../../bin/jtai.cjs', import.meta.url));
const folder = () => mkdtempSync(join(tmpdir(), 'jtai-fortnight-'));
const CONTACTS =
  'contacts:\n  police: { name: DI Jane Smith, role: MASH, email: jane.smith@example.org, phone: "01234 567890" }';
/** What has been done, by item: the inspection file's records, folded (jtai-inspection.progress/). */
const progressOf = (file: string) => loadProgress(readInspection(file)).progress;

/** A folder with an inspection file started in it, and a way to run jtai there. */
async function started(extra = '') {
  const dir = folder();
  const file = join(dir, 'jtai-inspection.yaml');
  const start = await runCli(['start', '--notified', '19/03/2019', '--area', 'Barking & Dagenham', '--out', file]);
  expect(start.code).toBe(0);
  writeFileSync(file, readFileSync(file, 'utf8').replace('contacts: {}', CONTACTS) + extra);
  const jtai = (...args: string[]) => runCli([...args, '--inspection', file]);
  return { dir, file, jtai };
}

describe('jtai start and the inspection file', () => {
  test('writes plain, commented YAML that reads back as what was asked, and never overwrites it', async () => {
    const dir = folder();
    const file = join(dir, 'jtai-inspection.yaml');
    const { code, stderr } = await runCli(['start', '--notified', '2019-03-19', '--area', 'My Area', '--out', file]);
    expect([code, stderr.split('\n')[0]]).toEqual([
      0,
      `jtai: wrote ${file} for the inspection notified on Tuesday 19 March 2019 (My Area), with jtai-2018.`,
    ]);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^# jtai inspection file: /);
    expect(parse(text)).toEqual({ area: 'My Area', notified: '2019-03-19', rules: 'jtai-2018', contacts: {} });
    expect(readInspection(file).record).toEqual({
      area: 'My Area',
      notified: '2019-03-19',
      rules: 'jtai-2018',
      contacts: {},
      progress: {},
    });
    const again = await runCli(['start', '--notified', '2019-03-19', '--out', file]);
    expect([again.code, said(again.stderr)]).toEqual([
      1,
      `jtai: ${file} already exists; jtai start does not overwrite files. Choose another name or remove it.\n`,
    ]);
    expect(readFileSync(file, 'utf8')).toBe(text);
    const quiet = await runCli(['start', '-q', '--notified', '2019-03-19', '--out', join(dir, 'quiet.yaml')]);
    expect([quiet.code, quiet.stdout, quiet.stderr]).toEqual([0, '', '']); // -q as every other command has it
    expect(parse(readFileSync(join(dir, 'quiet.yaml'), 'utf8')).notified).toBe('2019-03-19');
  });

  test('round-trips: what done records reads back; the file, comments and all, is left as it was', async () => {
    const { file, jtai } = await started();
    const text = readFileSync(file, 'utf8');
    await jtai('done', 'children-list', '--by', 'Sam', '--at', '19/03/2019 16:40', '--note', 'by secure email');
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(text).toContain('# Whom to contact in each agency');
    expect(progressOf(file)).toEqual({
      'children-list': [
        expect.objectContaining({ done: '2019-03-19T16:40:00+00:00', by: 'Sam', note: 'by secure email' }),
      ],
    });
    expect(readInspection(file).record.contacts).toEqual({
      police: [{ name: 'DI Jane Smith', role: 'MASH', email: 'jane.smith@example.org', phone: '01234 567890' }],
    });
  });

  test('is checked like a rule set: every problem with its line and column', async () => {
    const { file, jtai } = await started('');
    writeFileSync(
      file,
      'notified: 2019-02-30\ncontacts:\n  polise: { name: X }\nprogress:\n  childen-list: [{ done: yesterday }]\n',
    );
    const bad = await jtai('plan');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /^jtai: inspection file .*jtai-inspection\.yaml has 2 problems:\n.*:1:11: notified: expected a date like "2019-03-19", found "2019-02-30"\.\n.*:5:26: progress\.childen-list\[0\]\.done: expected a date and time with its offset, like "2019-03-20T14:52:00\+00:00", found "yesterday"\.\nRun "jtai status" after each fix\.\n$/,
    );
    writeFileSync(
      file,
      'notified: 2019-03-19\ncontacts:\n  polise: { name: X }\nprogress:\n  childen-list: [{ done: "2019-03-19T16:00:00+00:00" }]\n',
    );
    const names = await jtai('plan');
    expect([names.code, names.stderr]).toEqual([
      1,
      expect.stringContaining(':3:3: contacts: there is no party "polise" in jtai-2018. Did you mean "police"?'),
    ]);
    // A record of an item the rule set does not have is a warning, never a refusal (test/cli/record.test.ts).
    writeFileSync(file, 'notified: 2019-03-19\nprogress:\n  childen-list: [{ done: "2019-03-19T16:00:00+00:00" }]\n');
    const records = await jtai('plan');
    expect([records.code, records.stderr]).toEqual([
      0,
      expect.stringContaining('jtai: warning: 1 record names an item no longer in jtai-2018: "childen-list"'),
    ]);
  });
});

describe('the commands use it', () => {
  test('plan, next, explain and status take the date, rule set, area and contacts from it', async () => {
    const { jtai } = await started();
    const json = JSON.parse((await jtai('plan', '-f', 'json')).stdout);
    expect([json.notified, json.area]).toEqual(['2019-03-19', 'Barking & Dagenham']);
    expect(json.items.find((i: { id: string }) => i.id === 'cse-gangs-cases').agencies).toEqual([
      { id: 'local-authority', name: 'Local authority', contacts: [] },
      { id: 'partner-agencies', name: 'Partner agencies', contacts: [] },
    ]);
    expect((await jtai('explain', 'children-list')).stdout).toContain('Due: Tuesday 19 March 2019 at 17:00');
    expect(JSON.parse((await jtai('next', '--now', '2019-03-20T14:10', '-f', 'json')).stdout).now).toBe(
      '2019-03-20T14:10:00+00:00',
    );
  });

  test('found in the working folder; an explicit --notified with another date wins, and says so', async () => {
    const { dir } = await started();
    const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8' });
    expect(JSON.parse(run(['plan', '-f', 'json']).stdout).area).toBe('Barking & Dagenham');
    const other = run(['plan', '-f', 'json', '-n', '2019-03-26']);
    expect(JSON.parse(other.stdout)).toMatchObject({ notified: '2019-03-26', area: null });
    expect(other.stderr).toContain(
      'jtai: not using jtai-inspection.yaml here (notified 2019-03-19): --notified gives another date.',
    );
  });

  test('the area goes into titles and the calendar name, not the UIDs; contacts with their agency', async () => {
    const { jtai } = await started();
    expect((await jtai('plan')).stdout.split('\n')[0]).toBe('JTAI timetable (2018 guidance) · Barking & Dagenham');
    expect((await jtai('plan', '-f', 'md')).stdout.split('\n')[0]).toBe(
      '# JTAI timetable (2018 guidance), Barking & Dagenham: notified Tuesday 19 March 2019',
    );
    const cal = new ICAL.Component(ICAL.parse((await jtai('plan', '-f', 'ics')).stdout));
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe(
      'JTAI Barking & Dagenham notified 2019-03-19 (JTAI timetable (2018 guidance))',
    );
    expect(cal.getAllSubcomponents('vevent')[0]!.getFirstPropertyValue('uid')).toBe('jtai-20190319-children-list@jtai');
    expect(cal.getFirstPropertyValue('x-wr-caldesc')).toContain(
      'Contacts:\nPolice: DI Jane Smith, MASH, jane.smith@example.org, 01234 567890',
    );
    const police = (await jtai('plan', '-a', 'police')).stdout;
    expect(police).toContain('Local authority, Partner agencies → Lead inspector');
    expect(police).toContain('\nContacts\n  • Police: DI Jane Smith, MASH, jane.smith@example.org, 01234 567890\n');
    expect((await jtai('plan', '-f', 'md')).stdout).toContain(
      '## Contacts\n\n- Police: DI Jane Smith, MASH, jane.smith@example.org, 01234 567890\n',
    );
    const out = folder();
    await jtai('plan', '--split', 'agency', '--out-dir', out, '-a', 'police');
    expect(readdirSync(out)).toEqual(['jtai-barking-dagenham-2019-03-19-police.ics']);
    const json = JSON.parse((await jtai('status', '-f', 'json', '-a', 'police', '--now', '2019-03-20T14:10')).stdout);
    expect(json.agencies[0].contacts).toEqual([
      { name: 'DI Jane Smith', role: 'MASH', email: 'jane.smith@example.org', phone: '01234 567890' },
    ]);
  });
});

describe('marking done', () => {
  test("done and undo, whole items and one agency's part; every output shows it", async () => {
    const { jtai } = await started();
    expect((await jtai('done', 'children-list', '--by', 'Sam', '--at', '19/03/2019 16:40')).stderr).toBe(
      'jtai: recorded children-list as done at 2019-03-19 16:40 by Sam.\n',
    );
    await jtai('done', 'cse-gangs-cases', '--agency', 'police', '--by', 'DI Jane Smith', '--at', '2019-03-20T14:05');
    const items = JSON.parse((await jtai('plan', '-f', 'json', '--now', '2019-03-20T14:30')).stdout).items;
    const byId = (id: string) => items.find((i: { id: string }) => i.id === id);
    expect(byId('children-list')).toMatchObject({
      status: 'done',
      doneAt: '2019-03-19T16:40:00+00:00',
      doneBy: 'Sam',
      owing: [],
    });
    expect(byId('child-level-data')).toMatchObject({ status: 'overdue', doneAt: null });
    expect(byId('cse-gangs-cases')).toMatchObject({
      status: 'due-today',
      // The agencies still owing their part: the partner agencies as their members, the police's part done.
      owing: [
        { id: 'local-authority', name: 'Local authority' },
        { id: 'health', name: 'Health' },
        { id: 'schools', name: 'Schools' },
        { id: 'yot', name: 'Youth Offending Team (YOT)' },
        { id: 'nps', name: 'National Probation Service (NPS)' },
        { id: 'crc', name: 'Community Rehabilitation Company (CRC)' },
      ],
    });
    expect(byId('information-on-20-children')).toMatchObject({ status: 'upcoming' });
    expect((await jtai('plan', '--now', '2019-03-20T14:30')).stdout).toContain(
      '                     children-list\n                     ✓ Done Tue 19 Mar 2019 16:40 by Sam\n',
    );
    const next = JSON.parse((await jtai('next', '--now', '2019-03-20T14:30', '-f', 'json')).stdout);
    expect(next.overdue.map((i: { id: string }) => i.id)).toEqual(['child-level-data']); // children-list is done: not overdue
    await jtai('undo', 'children-list');
    expect(
      JSON.parse((await jtai('next', '--now', '2019-03-20T14:30', '-f', 'json')).stdout).overdue.map(
        (i: { id: string }) => i.id,
      ),
    ).toEqual(['children-list', 'child-level-data']);
    expect((await jtai('undo', 'children-list')).stderr).toBe(
      'jtai: children-list was not marked done; nothing to take back.\n',
    );
  });

  test('an item several agencies share is done when each has done its part, groups through their members', async () => {
    const { jtai } = await started();
    for (const agency of ['local-authority', 'police', 'health', 'schools', 'yot', 'nps', 'crc'])
      await jtai('done', 'cse-gangs-cases', '--agency', agency, '--at', '2019-03-20T14:00');
    const item = JSON.parse((await jtai('plan', '-f', 'json', '--now', '2019-03-20T14:30')).stdout).items.find(
      (i: { id: string }) => i.id === 'cse-gangs-cases',
    );
    expect(item).toMatchObject({ status: 'done', owing: [] });
  });

  test('unknown ids get "did you mean", all at once; an agency that does not act on the item is refused', async () => {
    const { jtai } = await started();
    const { code, stderr } = await jtai('done', 'childen-list', 'cse-gang-cases');
    expect(code).toBe(2);
    expect(said(stderr)).toMatch(
      /^jtai: there is no item "childen-list" \(did you mean "children-list"\?\), "cse-gang-cases" \(did you mean "cse-gangs-cases"\?\) in jtai-2018\. Its items are: /,
    );
    expect(said((await jtai('done', 'children-list', '--agency', 'police')).stderr)).toBe(
      'jtai: --agency "police" does not owe a part of "children-list": only Director of Children\'s Services (DCS) does; give that, or leave --agency out to record it whole.\n',
    );
  });

  test('without an inspection file, done says how to start one', async () => {
    const dir = folder();
    const run = spawnSync(process.execPath, [BIN, 'done', 'children-list'], { cwd: dir, encoding: 'utf8' });
    expect([run.status, run.stderr.split('\n')[0]]).toEqual([
      1,
      'jtai: there is no jtai-inspection.yaml here to record progress in; write one with: jtai start --notified DATE --area NAME (or give --inspection FILE).',
    ]);
  });
});

describe('who owes what: jtai status, checked by hand at Wednesday 20 March 2019, 14:30', () => {
  test('per agency and per item', async () => {
    const { jtai } = await started();
    await jtai('done', 'children-list', '--at', '19/03/2019 16:40', '--by', 'Sam');
    await jtai('done', 'cse-gangs-cases', '--agency', 'police', '--at', '2019-03-20T14:05', '--by', 'DI Jane Smith');
    const json = JSON.parse((await jtai('status', '--now', '20/03/2019 14:30', '-f', 'json')).stdout);
    const agency = (id: string) => json.agencies.find((a: { id: string }) => a.id === id);
    // The police owe a part of 6 submissions (as a partner agency and a local agency); their part
    // of cse-gangs-cases is done, so their next is positive-intervention-cases at 15:00.
    expect(agency('police')).toMatchObject({
      total: 6,
      done: ['cse-gangs-cases'],
      overdue: [],
      next: { id: 'positive-intervention-cases', minutesLeft: 30 },
    });
    // The DCS answers for its own list only (the local authority, an agency in its own right, for the rest).
    expect(agency('dcs')).toMatchObject({ total: 1, done: ['children-list'], overdue: [] });
    expect(agency('local-authority')).toMatchObject({ total: 10, done: [], overdue: ['child-level-data'] });
    expect(json.owing.map((o: { id: string; status: string }) => `${o.id}:${o.status}`)).toEqual([
      'child-level-data:overdue',
      'cse-gangs-cases:due-today',
      'positive-intervention-cases:due-today',
      'yot-cases:due-today',
      'probation-cases:due-today',
      'information-on-20-children:upcoming',
      'multi-agency-meetings:upcoming',
      'key-case-file-documents:upcoming',
      'agency-information:upcoming',
      'joint-evaluations:upcoming',
    ]);
    expect(json.owing[1].parts).toEqual([{ done: '2019-03-20T14:05:00+00:00', agency: 'police', by: 'DI Jane Smith' }]);
    const md = (await jtai('status', '--now', '20/03/2019 14:30', '-f', 'md')).stdout;
    expect(md).toContain(
      '- **Police** (DI Jane Smith, MASH, jane.smith@example.org, 01234 567890): done 1 of 6; nothing overdue; next: Wed 20 Mar 2019 15:00 (in 30 min): 10 cases of positive intervention with the child and family.',
    );
    expect(md).toContain(
      '- **Due today**, Wed 20 Mar 2019 15:00: 10 cases where sexual or criminal exploitation by gangs is a current and significant factor. Still owed by Local authority, Health, Schools, Youth Offending Team (YOT), National Probation Service (NPS), Community Rehabilitation Company (CRC); done: Police (Wed 20 Mar 2019 14:05).',
    );
    const text = (await jtai('status', '--now', '20/03/2019 14:30', '-a', 'police')).stdout;
    expect(text.split('\n').slice(0, 2)).toEqual([
      'Status at Wednesday 20 March 2019, 14:30 (Europe/London)',
      'JTAI timetable (2018 guidance) · Barking & Dagenham · notified Tuesday 19 March 2019 · for Police',
    ]);
  });
});

describe('several people, one file on a shared drive', () => {
  test('20 processes each marking a different item at the same moment leave all 20 recorded', async () => {
    const dir = folder();
    const extra = Array.from(
      { length: 6 },
      (_, i) =>
        `  - { id: extra-${i}, kind: submission, title: Extra ${i}, day: 2, at: "12:00", by: [police], source: Ours. }`,
    ).join('\n');
    writeFileSync(join(dir, 'area.yaml'), `extends: jtai-2018\nid: area\nitems:\n${extra}\n`);
    const file = join(dir, 'jtai-inspection.yaml');
    expect((await runCli(['start', '-n', '2019-03-19', '-r', join(dir, 'area.yaml'), '--out', file])).code).toBe(0);
    // The built-in 14 items and the 6 added: 20 different items.
    const twenty: string[] = JSON.parse((await runCli(['plan', '-f', 'json', '--inspection', file])).stdout).items.map(
      (i: { id: string }) => i.id,
    );
    expect(twenty).toHaveLength(20);
    const runs = twenty.map(
      (id: string) =>
        new Promise<{ code: number | null; stderr: string }>((resolve) => {
          const child = spawn(
            process.execPath,
            [BIN, 'done', id, '--inspection', file, '--by', id, '--at', '2019-03-20T10:00'],
            { stdio: ['ignore', 'ignore', 'pipe'] },
          );
          let stderr = '';
          child.stderr.on('data', (d) => (stderr += d));
          child.on('close', (code) => resolve({ code, stderr }));
        }),
    );
    const results = await Promise.all(runs);
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const progress = progressOf(file);
    expect(Object.keys(progress).sort()).toEqual([...twenty].sort());
    for (const id of twenty)
      expect(progress[id]).toEqual([expect.objectContaining({ done: '2019-03-20T10:00:00+00:00', by: id })]);
    expect(readdirSync(dir).sort()).toEqual(['area.yaml', 'jtai-inspection.progress', 'jtai-inspection.yaml']); // no lock left
    const records = readdirSync(join(dir, 'jtai-inspection.progress'));
    expect([records.length, records.filter((f) => !f.endsWith('.json'))]).toEqual([20, []]); // one record each, no temporary file
  }, 60_000);

  // A writer killed while it writes, and a stale lock of the old design: test/cli/record.test.ts.
});
