import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers.js';

// Issue 21: calendars that stay right when the plan changes. Played as a coordinator issues
// them: a calendar on the morning of day 0 with no inspection file, then jtai start, the area
// renamed, the area's own overlay; each event keeps its UID, and a re-issue cancels what was
// removed and raises the SEQUENCE of exactly what changed. Notified Tuesday 19 March 2019.

const once = process.env.TZ === 'UTC';
const PYTHON = '/usr/bin/python3';

interface Read {
  uid: string;
  sequence: number;
  status: string | null;
  start: string;
}

function readIcs(text: string): Read[] {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => ({
    uid: String(e.getFirstPropertyValue('uid')),
    sequence: Number(e.getFirstPropertyValue('sequence')),
    status: (e.getFirstPropertyValue('status') as string | null) ?? null,
    start: String(e.getFirstPropertyValue('dtstart')),
  }));
}

/** The UIDs as python's icalendar reads them, when it is installed (.ci/run installs it). */
function pythonUids(text: string): string[] | undefined {
  if (spawnSync(PYTHON, ['-c', 'import icalendar']).status !== 0) {
    if (process.env.JTAI_REQUIRE_TOOLS === '1') throw new Error('python3-icalendar is missing');
    return undefined;
  }
  const run = spawnSync(
    PYTHON,
    [
      '-c',
      'import sys, icalendar, json; print(json.dumps([str(e["UID"]) for e in icalendar.Calendar.from_ical(sys.stdin.read()).walk("VEVENT")]))',
    ],
    { input: text, encoding: 'utf8' },
  );
  return JSON.parse(run.stdout);
}

describe.runIf(once)('calendars issued through the fortnight', () => {
  test('one UID per item for the whole inspection: no file → start --area → area renamed → an overlay', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jtai-calendars-'));
    const file = join(dir, 'jtai-inspection.yaml');
    const ics = async (...args: string[]) => (await runCli(['plan', '-f', 'ics', ...args])).stdout;
    const uids = (text: string) => readIcs(text).map((e) => e.uid);
    const before = await ics('-n', '2019-03-19');
    expect(uids(before)[0]).toBe('jtai-20190319-children-list@jtai');
    expect(pythonUids(before) ?? uids(before)).toEqual(uids(before));
    await runCli(['start', '-n', '2019-03-19', '--area', 'My Area', '--out', file]);
    const started = await ics('-i', file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('area: "My Area"', 'area: "My Area North"'));
    const renamed = await ics('-i', file);
    writeFileSync(join(dir, 'area.yaml'), 'extends: jtai-2018\nid: my-area\nname: My Area timetable\n');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^rules: .*$/m, 'rules: "area.yaml"'));
    const overlaid = await ics('-i', file);
    for (const text of [started, renamed, overlaid]) {
      expect(uids(text)).toEqual(uids(before));
      expect(pythonUids(text) ?? uids(text)).toEqual(uids(before));
    }
  });

  test('issued through the chain: no file → start --area → area renamed → an overlay that moves, adds and removes', async () => {
    // Stamps an hour apart from Tue 19 Mar 2019 00:00 UTC (1552953600): SEQUENCE is the stamp in
    // seconds since 2016-01-01 (1451606400), 101347200 for the first, made without the record; a
    // recorded issue's is a billion higher (1101350800 for the first, an hour later).
    const at = (hours: number) => ({ SOURCE_DATE_EPOCH: String(1552953600 + hours * 3600) });
    const dir = mkdtempSync(join(tmpdir(), 'jtai-chain-'));
    const file = join(dir, 'jtai-inspection.yaml');
    const out = join(dir, 'jtai.ics');
    const read = () => readIcs(readFileSync(out, 'utf8'));
    const before = readIcs((await runCli(['plan', '-n', '2019-03-19', '-f', 'ics'], at(0))).stdout);
    expect(new Set(before.map((e) => e.sequence))).toEqual(new Set([101347200]));
    await runCli(['start', '-n', '2019-03-19', '--area', 'My Area', '--out', file]);
    const jtai = (hours: number, ...args: string[]) => runCli([...args, '--inspection', file], at(hours));
    // The first issue with the record: the stamp an hour later, so higher than the calendar before jtai start.
    expect((await jtai(1, 'plan', '--out', out)).stderr).toContain('jtai.ics: issued for the first time, 14 events.\n');
    const first = read();
    expect(first.map((e) => [e.uid, e.sequence])).toEqual(before.map((e) => [e.uid, 1101350800]));
    writeFileSync(file, readFileSync(file, 'utf8').replace('area: "My Area"', 'area: "My Area North"'));
    expect((await jtai(2, 'plan', '--out', out)).stderr).toMatch(
      /jtai\.ics: since it was issued on .*, nothing changed\.\n/,
    );
    expect(read()).toEqual(first);
    writeFileSync(
      join(dir, 'area.yaml'),
      [
        'extends: jtai-2018',
        'id: my-area',
        'remove: [joint-evaluations]',
        'items:',
        '  - { id: cse-gangs-cases, at: "14:00" }',
        '  - { id: sign-off, kind: submission, title: Internal sign-off, day: 1, at: "13:00", by: [local-authority], source: Our own. }',
        '',
      ].join('\n'),
    );
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^rules: .*$/m, 'rules: "area.yaml"'));
    const third = await jtai(3, 'plan', '--out', out);
    expect(third.stderr).toMatch(
      new RegExp(
        'jtai\\.ics: since it was issued on [^\\n]*, moved: 1, added: 1, removed: 1\\.\\n' +
          // Wednesday 20 March 2019 is day 1; Thursday 28 March, day 7.
          '  moved: 10 cases where sexual or criminal exploitation by gangs is a current and significant factor \\(cse-gangs-cases\\), Wed 20 Mar 2019 15:00 → Wed 20 Mar 2019 14:00\\n' +
          '  added: Internal sign-off \\(sign-off\\), Wed 20 Mar 2019 13:00\\n' +
          "  removed: Joint evaluations of children's experiences \\(joint-evaluations\\), was Thu 28 Mar 2019 17:00; sent as cancelled\\n",
      ),
    );
    const now = read();
    const text = readFileSync(out, 'utf8');
    expect(pythonUids(text) ?? now.map((e) => e.uid)).toEqual(now.map((e) => e.uid));
    const uid = (id: string) => `jtai-20190319-${id}@jtai`;
    expect(new Set(now.map((e) => e.uid))).toEqual(new Set([...before.map((e) => e.uid), uid('sign-off')]));
    const by = (id: string) => now.find((e) => e.uid === uid(id))!;
    // Changed two hours after the first issue: max(1101350800 + 1, this issue's stamp 1101358000).
    expect(by('joint-evaluations')).toMatchObject({ status: 'CANCELLED', sequence: 1101358000 });
    expect(by('cse-gangs-cases')).toMatchObject({ status: null, sequence: 1101358000, start: '2019-03-20T14:00:00Z' });
    expect(by('sign-off')).toMatchObject({ status: null, sequence: 1101358000 }); // new: this file's stamp
    const unchanged = now.filter(
      (e) => !['joint-evaluations', 'cse-gangs-cases', 'sign-off'].some((id) => e.uid === uid(id)),
    );
    expect(unchanged.map((e) => [e.uid, e.sequence])).toEqual(
      first
        .filter((e) => !['joint-evaluations', 'cse-gangs-cases'].some((id) => e.uid === uid(id)))
        .map((e) => [e.uid, 1101350800]),
    );
  });

  test("a change of contact, of an item's details or of its title raises the SEQUENCE of exactly those events", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jtai-content-'));
    const file = join(dir, 'jtai-inspection.yaml');
    const out = join(dir, 'jtai.ics');
    await runCli(['start', '-n', '2019-03-19', '--out', file]);
    // Every issue at one stamp, Tue 19 Mar 2019 00:00 UTC (SEQUENCE 1101347200): a change is then
    // max(1101347200 + 1, 1101347200), one higher.
    const jtai = (...args: string[]) => runCli([...args, '--inspection', file], { SOURCE_DATE_EPOCH: '1552953600' });
    await jtai('plan', '--out', out);
    const issued = readIcs(readFileSync(out, 'utf8'));
    const first = issued[0]!.sequence;
    expect(first).toBe(1101347200);
    // Issued again with nothing changed: every SEQUENCE kept.
    expect((await jtai('plan', '--out', out)).stderr).toMatch(/, nothing changed\.\n/);
    expect(readIcs(readFileSync(out, 'utf8'))).toEqual(issued);
    // The YOT's contact (it acts in yot-cases only, by name), one item's details, another's title.
    writeFileSync(file, readFileSync(file, 'utf8').replace('contacts: {}', 'contacts:\n  yot: { name: Sam Patel }'));
    writeFileSync(
      join(dir, 'area.yaml'),
      [
        'extends: jtai-2018',
        'id: my-area',
        'items:',
        '  - { id: positive-intervention-cases, details: [Chosen by the local authority] }',
        '  - { id: cse-gangs-cases, title: 10 cases of exploitation by gangs }',
        '',
      ].join('\n'),
    );
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^rules: .*$/m, 'rules: "area.yaml"'));
    const summary = (await jtai('plan', '--out', out, '--changes')).stdout;
    expect(summary.replace(/issued on [^,]*,/, 'issued on …,')).toBe(
      'jtai.ics: since it was issued on …, renamed: 1, changed: 2.\n' +
        '  renamed: 10 cases where sexual or criminal exploitation by gangs is a current and significant factor → 10 cases of exploitation by gangs (cse-gangs-cases)\n' +
        '  changed: 10 cases of positive intervention with the child and family (positive-intervention-cases): the details\n' +
        '  changed: 10 cases where the Youth Offending Team is involved (yot-cases): the contact\n',
    );
    expect((await jtai('plan', '--out', out)).stderr).toContain(summary);
    const now = readIcs(readFileSync(out, 'utf8'));
    const raised = ['cse-gangs-cases', 'positive-intervention-cases', 'yot-cases'].map(
      (id) => `jtai-20190319-${id}@jtai`,
    );
    expect(now.map((e) => [e.uid, e.sequence])).toEqual(
      issued.map((e) => [e.uid, raised.includes(e.uid) ? first + 1 : first]),
    );
    expect((await jtai('plan', '--out', out)).stderr).toMatch(/, nothing changed\.\n/);
    expect(readIcs(readFileSync(out, 'utf8'))).toEqual(now);
  });

  test('a re-issue cancels what was removed, raises the SEQUENCE of what moved, and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jtai-reissue-'));
    const file = join(dir, 'jtai-inspection.yaml');
    const out = join(dir, 'jtai.ics');
    await runCli(['start', '-n', '2019-03-19', '--area', 'My Area', '--out', file]);
    // Issued first at Tue 19 Mar 2019 00:00 UTC (1552953600, SEQUENCE 1101347200), then again an
    // hour later (1552957200, 1101350800).
    let stamp = 1552953600;
    const jtai = (...args: string[]) => runCli([...args, '--inspection', file], { SOURCE_DATE_EPOCH: String(stamp) });
    const firstIssue = await jtai('plan', '--out', out);
    expect(firstIssue.stderr).toContain('jtai.ics: issued for the first time, 14 events.\n');
    const issued = readIcs(readFileSync(out, 'utf8'));
    // Issued first with the file's stamp as SEQUENCE, so never lower than a calendar issued before jtai start.
    const first = issued[0]!.sequence;
    expect(first).toBe(1101347200);
    expect(new Set(issued.map((e) => e.sequence))).toEqual(new Set([first]));
    stamp = 1552957200;
    await jtai('move', 'multi-agency-meetings', '--to', '22/03/2019 10:00', '--why', 'agreed with the lead inspector');
    writeFileSync(join(dir, 'area.yaml'), 'extends: jtai-2018\nid: my-area\nremove: [joint-evaluations]\n');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^rules: .*$/m, 'rules: "area.yaml"'));
    const summary =
      'jtai.ics: since it was issued on ' +
      /since it was issued on (.*?), moved/.exec((await jtai('plan', '--out', out, '--changes')).stdout)![1] +
      ', moved: 1, removed: 1.\n' +
      '  moved: Details of multi-agency meetings in the fieldwork week (multi-agency-meetings), Thu 21 Mar 2019 17:00 → Fri 22 Mar 2019 10:00\n' +
      "  removed: Joint evaluations of children's experiences (joint-evaluations), was Thu 28 Mar 2019 17:00; sent as cancelled\n";
    expect((await jtai('plan', '--out', out, '--changes')).stdout).toBe(summary);
    expect(readIcs(readFileSync(out, 'utf8'))).toEqual(issued); // --changes writes nothing
    const second = await jtai('plan', '--out', out);
    expect(second.stderr).toContain(summary);
    const now = readIcs(readFileSync(out, 'utf8'));
    const by = (uid: string) => now.find((e) => e.uid === `jtai-20190319-${uid}@jtai`)!;
    // max(1101347200 + 1, 1101350800): this issue's stamp.
    expect(by('joint-evaluations')).toMatchObject({ status: 'CANCELLED', sequence: 1101350800 });
    expect(by('multi-agency-meetings')).toMatchObject({
      status: null,
      sequence: 1101350800,
      start: '2019-03-22T10:00:00Z',
    });
    expect(now.filter((e) => e.sequence === first)).toHaveLength(12); // everything else: unchanged, its SEQUENCE kept
    // Issued again with nothing changed: the cancelled event is sent again, and no SEQUENCE rises.
    const third = await jtai('plan', '--out', out);
    expect(third.stderr).toMatch(/jtai\.ics: since it was issued on .*, nothing changed\.\n/);
    expect(readIcs(readFileSync(out, 'utf8'))).toEqual(now);
    expect((await jtai('log')).stdout).toMatch(/calendar issued: jtai\.ics \(14 events\)/);
  });

  test('calendars sharing events: one issued again after another carried a move since taken back goes above it', async () => {
    // Hours after Tue 19 Mar 2019 00:00 UTC: a recorded issue's SEQUENCE is 1101347200 + 3600 a hour.
    const at = (hours: number) => ({ SOURCE_DATE_EPOCH: String(1552953600 + hours * 3600) });
    const dir = mkdtempSync(join(tmpdir(), 'jtai-shared-'));
    const file = join(dir, 'jtai-inspection.yaml');
    await runCli(['start', '-n', '2019-03-19', '--out', file]);
    const jtai = (hours: number, ...args: string[]) => runCli([...args, '--inspection', file], at(hours));
    const a = join(dir, 'jtai-2019-03-19.ics'); // as the page names its calendar
    const b = join(dir, 'jtai.ics');
    const seq = (path: string) =>
      readIcs(readFileSync(path, 'utf8')).find((e) => e.uid === 'jtai-20190319-key-case-file-documents@jtai')!.sequence;
    await jtai(0, 'plan', '--out', a, '-q');
    await jtai(1, 'move', 'key-case-file-documents', '--to', '27/03/2019 12:00', '--why', 'agreed', '-q');
    await jtai(1, 'plan', '--out', b, '-q');
    await jtai(2, 'move', 'key-case-file-documents', '--back', '-q');
    await jtai(3, 'plan', '--out', a, '-q');
    // Worked out: b's moved event at hour 1 is 1101350800; a, unchanged by its own record
    // (1101347200) but behind b's since, is issued again at its stamp, hour 3: 1101358000.
    expect([seq(a), seq(b)]).toEqual([1101358000, 1101350800]);
  });

  test('a recorded re-issue outranks a calendar made without the record before it', async () => {
    // Recorded at Tue 19 Mar 2019 00:00 UTC (SEQUENCE 1101347200: a recorded issue's stamp in
    // seconds since 2016, plus a billion); a calendar made an hour later in a folder with no
    // inspection file (101350800 for every event: its stamp alone); then a deadline moved and the
    // recorded calendar issued again two hours after the first: the moved event gets
    // max(1101347200 + 1, 1101354400) = 1101354400, the others keep theirs, and every one is above
    // the stray calendar's, made after the first issue.
    const at = (hours: number) => ({ SOURCE_DATE_EPOCH: String(1552953600 + hours * 3600) });
    const dir = mkdtempSync(join(tmpdir(), 'jtai-stray-'));
    const file = join(dir, 'jtai-inspection.yaml');
    const out = join(dir, 'jtai.ics');
    await runCli(['start', '-n', '2019-03-19', '--out', file]);
    const jtai = (hours: number, ...args: string[]) => runCli([...args, '--inspection', file], at(hours));
    await jtai(0, 'plan', '--out', out, '-q');
    const strayFile = join(dir, 'stray.ics');
    const made = await runCli(['plan', '-n', '2019-03-19', '--out', strayFile], at(1));
    expect(made.stderr).toContain(
      `jtai: wrote 14 items to ${strayFile}; no jtai-inspection.yaml here, so this issue is not recorded and a re-issue cannot say what changed\n`,
    );
    const stray = readIcs(readFileSync(strayFile, 'utf8'));
    expect(new Set(stray.map((e) => e.sequence))).toEqual(new Set([101350800]));
    await jtai(
      2,
      'move',
      'multi-agency-meetings',
      '--to',
      '22/03/2019 10:00',
      '--why',
      'agreed with the lead inspector',
    );
    await jtai(2, 'plan', '--out', out, '-q');
    const now = readIcs(readFileSync(out, 'utf8'));
    const moved = 'jtai-20190319-multi-agency-meetings@jtai';
    expect(now.map((e) => [e.uid, e.sequence])).toEqual(
      stray.map((e) => [e.uid, e.uid === moved ? 1101354400 : 1101347200]),
    );
    expect(Math.min(...now.map((e) => e.sequence))).toBeGreaterThan(Math.max(...stray.map((e) => e.sequence)));
  });

  test('a corrected notification date cancels every old event under its own UID, and says so', async () => {
    // Issued notified Monday 18 March 2019 at a stamp of Tue 19 Mar 2019 00:00 UTC (1552953600:
    // SEQUENCE 1101347200, seconds since 2016), then the date corrected to Tuesday 19 March and
    // issued again an hour later (SEQUENCE 1101350800).
    const at = (hours: number) => ({ SOURCE_DATE_EPOCH: String(1552953600 + hours * 3600) });
    const dir = mkdtempSync(join(tmpdir(), 'jtai-renotified-'));
    const file = join(dir, 'jtai-inspection.yaml');
    const out = join(dir, 'jtai.ics');
    await runCli(['start', '-n', '2019-03-18', '--area', 'Anyshire', '--out', file]);
    const jtai = (hours: number, ...args: string[]) => runCli([...args, '--inspection', file], at(hours));
    await jtai(0, 'plan', '--out', out, '-q');
    const first = readIcs(readFileSync(out, 'utf8'));
    expect(first).toHaveLength(14);
    expect(first.every((e) => e.uid.startsWith('jtai-20190318-') && e.sequence === 1101347200)).toBe(true);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^notified: 2019-03-18/m, 'notified: 2019-03-19'));
    const said =
      'the notification date changed from Mon 18 Mar 2019 to Tue 19 Mar 2019: every event is new, and the 14 old ones are sent as cancelled.\n';
    expect((await jtai(1, 'plan', '--out', out, '--changes')).stdout).toMatch(
      new RegExp(`^jtai\\.ics: since it was issued on [^,]*, ${said.replace(/[.()]/g, '\\$&')}$`),
    );
    expect((await jtai(1, 'plan', '--out', out)).stderr).toContain(said);
    const now = readIcs(readFileSync(out, 'utf8'));
    const ids = first.map((e) => e.uid.slice('jtai-20190318-'.length));
    // The 14 new events, first issued, then the 14 old ones cancelled at this issue's stamp.
    expect(now.map((e) => [e.uid, e.sequence, e.status])).toEqual([
      ...ids.map((id) => [`jtai-20190319-${id}`, 1101350800, null]),
      ...ids.map((id) => [`jtai-20190318-${id}`, 1101350800, 'CANCELLED']), // max(1101347200 + 1, 1101350800)
    ]);
    const text = readFileSync(out, 'utf8');
    const cancelled = new ICAL.Component(ICAL.parse(text))
      .getAllSubcomponents('vevent')
      .find((e) => e.getFirstPropertyValue('uid') === 'jtai-20190318-children-list@jtai')!;
    expect(cancelled.getFirstPropertyValue('description')).toBe(
      "No longer in the plan: the notification date was corrected to Tuesday 19 March 2019, and the inspection's events are issued again under that date.",
    );
    // Issued again: nothing changed, the old events still sent cancelled with their SEQUENCE.
    expect((await jtai(2, 'plan', '--out', out)).stderr).toMatch(
      /jtai\.ics: since it was issued on .*, nothing changed\.\n/,
    );
    expect(readIcs(readFileSync(out, 'utf8'))).toEqual(now);
  });

  test('a calendar to stdout with an inspection file is said not to be recorded, once; -q silences it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jtai-stdout-'));
    const file = join(dir, 'jtai-inspection.yaml');
    await runCli(['start', '-n', '2019-03-19', '--out', file]);
    const run = await runCli(['plan', '-f', 'ics', '--inspection', file]);
    expect(readIcs(run.stdout)).toHaveLength(14);
    const said =
      'jtai: a calendar written to stdout is not recorded as issued and carries no cancellations of what was removed; to issue it, use --out FILE.ics.';
    expect(run.stderr.split('\n').filter((line) => line === said)).toHaveLength(1);
    expect((await runCli(['plan', '-f', 'ics', '--inspection', file, '-q'])).stderr).toBe('');
    expect((await runCli(['log', '--inspection', file])).stdout).not.toContain('calendar issued');
    // Without an inspection file there is no record to speak of: nothing said.
    expect((await runCli(['plan', '-n', '2019-03-19', '-f', 'ics'])).stderr).not.toContain('stdout');
  });

  test('calendars carry the plan, not progress: a delivery or a deadline passed changes nothing in them', async () => {
    // Issued at Tue 19 Mar 2019 00:00 UTC; the list of children (due 17:00 that day) delivered
    // at 16:40, and the calendar issued again on Thu 21 Mar 2019 00:00, with other deadlines passed.
    const dir = mkdtempSync(join(tmpdir(), 'jtai-no-progress-'));
    const file = join(dir, 'jtai-inspection.yaml');
    const out = join(dir, 'jtai.ics');
    await runCli(['start', '-n', '2019-03-19', '--out', file]);
    const jtai = (epoch: number, ...args: string[]) =>
      runCli([...args, '--inspection', file], { SOURCE_DATE_EPOCH: String(epoch) });
    await jtai(1552953600, 'plan', '--out', out, '-q');
    const issued = readFileSync(out, 'utf8');
    await jtai(1552953600, 'done', 'children-list', '--at', '19/03/2019 16:40', '--by', 'Sam Smith');
    const again = await jtai(1553126400, 'plan', '--out', out);
    expect(again.stderr).toMatch(/jtai\.ics: since it was issued on .*, nothing changed\.\n/);
    const text = readFileSync(out, 'utf8');
    expect(text.replace(/^(DTSTAMP|LAST-MODIFIED):.*$/gm, '')).toBe(
      issued.replace(/^(DTSTAMP|LAST-MODIFIED):.*$/gm, ''),
    );
    const descriptions = new ICAL.Component(ICAL.parse(text))
      .getAllSubcomponents('vevent')
      .map((e) => String(e.getFirstPropertyValue('description')));
    for (const d of descriptions) expect(d).not.toMatch(/✓|Done |[Oo]verdue|[Oo]wed by|late by/);
  });

  test('a calendar is known by its path from the inspection folder: a preview elsewhere keeps its own record', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jtai-paths-'));
    const file = join(dir, 'jtai-inspection.yaml');
    const out = join(dir, 'jtai.ics');
    mkdirSync(join(dir, 'preview'));
    const outside = join(mkdtempSync(join(tmpdir(), 'jtai-outside-')), 'jtai.ics');
    await runCli(['start', '-n', '2019-03-19', '--out', file]);
    const jtai = (...args: string[]) => runCli([...args, '--inspection', file]);
    await jtai('plan', '--out', out, '-q');
    await jtai('move', 'multi-agency-meetings', '--to', '22/03/2019 09:00', '--why', 'agreed with Kim');
    const moved = /moved: 1\.\n {2}moved: .*\(multi-agency-meetings\)/;
    expect((await jtai('plan', '--out', out, '--changes')).stdout).toMatch(moved);
    expect((await jtai('plan', '--out', join(dir, 'preview', 'jtai.ics'))).stderr).toContain(
      'preview/jtai.ics: issued for the first time, 14 events.\n',
    );
    expect((await jtai('plan', '--out', outside)).stderr).toContain(
      `${outside}: issued for the first time, 14 events.\n`,
    );
    // The real one still says what changed since it was issued.
    expect((await jtai('plan', '--out', out, '--changes')).stdout).toMatch(
      new RegExp(`^jtai\\.ics: since .*, ${moved.source}`),
    );
    expect((await jtai('log')).stdout).toContain('calendar issued: preview/jtai.ics (14 events)');
  });

  test('an issue recorded before calendars were known by path is read by its file name, as before', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jtai-old-key-'));
    const file = join(dir, 'jtai-inspection.yaml');
    mkdirSync(join(dir, 'preview'));
    const preview = join(dir, 'preview', 'jtai.ics');
    await runCli(['start', '-n', '2019-03-19', '--out', file]);
    const jtai = (...args: string[]) => runCli([...args, '--inspection', file]);
    await jtai('plan', '--out', preview, '-q');
    // As an older jtai recorded it: keyed "jtai.ics", without the notification date.
    const folder = join(dir, 'jtai-inspection.progress');
    const [name] = readdirSync(folder).filter((f) => f.endsWith('.json'));
    const event = JSON.parse(readFileSync(join(folder, name!), 'utf8'));
    delete event.notified;
    writeFileSync(join(folder, name!), JSON.stringify({ ...event, calendar: 'jtai.ics' }, null, 2));
    expect((await jtai('plan', '--out', preview, '--changes')).stdout).toMatch(
      /^preview\/jtai\.ics: since it was issued on [^,]*, nothing changed\.\n$/,
    );
  });

  test('--changes needs an inspection file and a calendar', async () => {
    const run = await runCli(['plan', '-n', '2019-03-19', '--out', join(tmpdir(), 'x.ics'), '--changes']);
    expect([run.code, run.stderr.split('\n')[0]]).toEqual([
      2,
      'jtai: --changes compares a calendar with the one last issued from this inspection: it needs an inspection file and a calendar (--out FILE.ics, or --split agency --out-dir FOLDER).',
    ]);
  });

  test('partner calendars are known by their agency: a long area name, renamed, still gets its cancellations', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jtai-split-issue-'));
    const file = join(dir, 'jtai-inspection.yaml');
    const out = join(dir, 'calendars');
    await runCli([
      'start',
      '-n',
      '2019-03-19',
      '--area',
      'Anyshire County Council Children and Families',
      '--out',
      file,
    ]);
    const jtai = (...args: string[]) => runCli([...args, '--inspection', file]);
    await jtai('plan', '--split', 'agency', '--out-dir', out, '-q');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^area: .*$/m, 'area: "Anyshire"'));
    writeFileSync(join(dir, 'area.yaml'), 'extends: jtai-2018\nid: my-area\nremove: [child-level-data]\n');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^rules: .*$/m, 'rules: "area.yaml"'));
    const again = await jtai('plan', '--split', 'agency', '--out-dir', out);
    expect(again.stderr).toContain('jtai-anyshire-2019-03-19-local-authority.ics: since it was issued on ');
    expect(again.stderr).toContain(
      'removed: Further lists of child-level data (child-level-data), was Tue 19 Mar 2019 17:00; sent as cancelled',
    );
    const la = readIcs(readFileSync(join(out, 'jtai-anyshire-2019-03-19-local-authority.ics'), 'utf8'));
    expect(la.find((e) => e.uid === 'jtai-20190319-child-level-data@jtai')).toMatchObject({ status: 'CANCELLED' });
    expect((await jtai('status', '--now', '2019-03-20T12:00')).stderr).not.toContain('skipped');
  });

  test('an agency calendar left with nothing is written with every earlier event cancelled, and said', async () => {
    // The DCS's only item, the list of children (Tue 19 Mar 2019 17:00), given to the local
    // authority by the area's overlay. Issued at Tue 19 Mar 2019 00:00 UTC (SEQUENCE 1101347200),
    // then an hour later (1101350800).
    const at = (hours: number) => ({ SOURCE_DATE_EPOCH: String(1552953600 + hours * 3600) });
    const dir = mkdtempSync(join(tmpdir(), 'jtai-emptied-'));
    const file = join(dir, 'jtai-inspection.yaml');
    const out = join(dir, 'cal');
    const dcs = join(out, 'jtai-anyshire-2019-03-19-dcs.ics');
    await runCli(['start', '-n', '2019-03-19', '--area', 'Anyshire', '--out', file]);
    const jtai = (hours: number, ...args: string[]) => runCli([...args, '--inspection', file], at(hours));
    await jtai(0, 'plan', '--split', 'agency', '--out-dir', out, '-q');
    const own = join(dir, 'dcs.ics');
    await jtai(0, 'plan', '-a', 'dcs', '--out', own, '-q');
    const list = 'jtai-20190319-children-list@jtai';
    expect(readIcs(readFileSync(dcs, 'utf8')).map((e) => [e.uid, e.sequence, e.status])).toEqual([
      [list, 1101347200, null],
    ]);
    writeFileSync(
      join(dir, 'area.yaml'),
      'extends: jtai-2018\nid: anyshire\nitems:\n  - { id: children-list, by: [local-authority] }\n',
    );
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^rules: .*$/m, 'rules: "area.yaml"'));
    // Still in the plan, only no longer the DCS's: said so, not "taken out".
    const said =
      "jtai-anyshire-2019-03-19-dcs.ics: nothing left for Director of Children's Services (DCS); its event is sent as cancelled.\n" +
      '  removed: List of children in need and children on a child protection plan (children-list), was Tue 19 Mar 2019 17:00; no longer yours, now for Local authority; sent as cancelled\n';
    expect((await jtai(1, 'plan', '--split', 'agency', '--out-dir', out, '--changes')).stdout).toContain(said);
    const again = await jtai(1, 'plan', '--split', 'agency', '--out-dir', out);
    expect(again.stderr).toContain(said);
    expect(again.stderr).toContain('jtai: wrote 8 files to ');
    // max(1101347200 + 1, 1101350800)
    expect(readIcs(readFileSync(dcs, 'utf8')).map((e) => [e.uid, e.sequence, e.status])).toEqual([
      [list, 1101350800, 'CANCELLED'],
    ]);
    const event = new ICAL.Component(ICAL.parse(readFileSync(dcs, 'utf8'))).getFirstSubcomponent('vevent')!;
    expect(event.getFirstPropertyValue('description')).toBe(
      "No longer yours: now for Local authority. It is still in the inspection's plan, only no longer in this calendar.",
    );
    // Issued again: still written, the event still cancelled as it was.
    expect((await jtai(2, 'plan', '--split', 'agency', '--out-dir', out)).stderr).toContain(
      "jtai-anyshire-2019-03-19-dcs.ics: nothing left for Director of Children's Services (DCS); its event is sent as cancelled.\n",
    );
    expect(readIcs(readFileSync(dcs, 'utf8')).map((e) => [e.uid, e.sequence, e.status])).toEqual([
      [list, 1101350800, 'CANCELLED'],
    ]);
    // --agency dcs --out: the same.
    expect((await jtai(1, 'plan', '-a', 'dcs', '--out', own)).stderr).toContain(
      `jtai: wrote 0 items to ${own}\n${said.replace('jtai-anyshire-2019-03-19-dcs.ics', 'dcs.ics')}`,
    );
  });

  test("an item given to other agencies leaves the police's calendar as no longer theirs, not taken out", async () => {
    const at = (hours: number) => ({ SOURCE_DATE_EPOCH: String(1552953600 + hours * 3600) });
    const dir = mkdtempSync(join(tmpdir(), 'jtai-reassigned-'));
    const file = join(dir, 'jtai-inspection.yaml');
    const out = join(dir, 'police.ics');
    await runCli(['start', '-n', '2019-03-19', '--out', file]);
    const jtai = (hours: number, ...args: string[]) => runCli([...args, '--inspection', file], at(hours));
    await jtai(0, 'plan', '-a', 'police', '--out', out, '-q');
    writeFileSync(
      join(dir, 'area.yaml'),
      'extends: jtai-2018\nid: my-area\nitems:\n  - { id: agency-information, by: [local-authority, health] }\n',
    );
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^rules: .*$/m, 'rules: "area.yaml"'));
    // Due on day 5, Tuesday 26 March 2019.
    const summary = (await jtai(1, 'plan', '-a', 'police', '--out', out)).stderr;
    expect(summary).toMatch(/police\.ics: since it was issued on [^,]*, removed: 1\.\n/);
    expect(summary).toContain(
      '  removed: Information to help inspectors understand the work of agencies in the area (agency-information), was Tue 26 Mar 2019 17:00; no longer yours, now for Local authority, Health; sent as cancelled\n',
    );
    const gone = new ICAL.Component(ICAL.parse(readFileSync(out, 'utf8')))
      .getAllSubcomponents('vevent')
      .find((e) => e.getFirstPropertyValue('uid') === 'jtai-20190319-agency-information@jtai')!;
    expect([gone.getFirstPropertyValue('status'), gone.getFirstPropertyValue('description')]).toEqual([
      'CANCELLED',
      "No longer yours: now for Local authority, Health. It is still in the inspection's plan, only no longer in this calendar.",
    ]);
  });

  test("each partner's calendar says its part and contact, and what it follows or receives, for information", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jtai-partner-'));
    const file = join(dir, 'jtai-inspection.yaml');
    await runCli(['start', '-n', '2019-03-19', '--out', file]);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('contacts: {}', 'contacts:\n  police: { name: DI Jane Smith }'),
    );
    const ics = (await runCli(['plan', '-f', 'ics', '-a', 'police', '--inspection', file])).stdout;
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
    const of = (id: string) =>
      events.find((e) => String(e.getFirstPropertyValue('uid')) === `jtai-20190319-${id}@jtai`)!;
    // The police's own six, each with its part; then, for information: the selections its deadlines follow, and the CQC's request to all local agencies.
    expect(events).toHaveLength(9);
    expect(String(of('cse-gangs-cases').getFirstPropertyValue('description'))).toContain(
      'Your part (Police): DI Jane Smith. With: Local authority, Health, Schools, Youth Offending Team (YOT), National Probation Service (NPS), Community Rehabilitation Company (CRC).',
    );
    for (const id of ['select-20-children', 'select-children-to-track', 'cqc-document-request']) {
      expect(String(of(id).getFirstPropertyValue('summary'))).toMatch(/^For information: /);
      expect(of(id).getAllSubcomponents('valarm')).toEqual([]);
    }
    expect(of('cse-gangs-cases').getAllSubcomponents('valarm')).toHaveLength(1);
  });

  test('every --split calendar names its agency in each of its own events', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jtai-split-parts-'));
    const out = join(dir, 'calendars');
    expect((await runCli(['plan', '-n', '2019-03-19', '--split', 'agency', '--out-dir', out, '-q'])).code).toBe(0);
    const names: Record<string, string> = {
      dcs: "Director of Children's Services (DCS)",
      'local-authority': 'Local authority',
      police: 'Police',
      health: 'Health',
      schools: 'Schools',
      yot: 'Youth Offending Team (YOT)',
      nps: 'National Probation Service (NPS)',
      crc: 'Community Rehabilitation Company (CRC)',
    };
    for (const [id, name] of Object.entries(names)) {
      const events = new ICAL.Component(ICAL.parse(readFileSync(join(out, `jtai-2019-03-19-${id}.ics`), 'utf8')))
        .getAllSubcomponents('vevent')
        .filter((e) => !String(e.getFirstPropertyValue('summary')).startsWith('For information: '));
      expect(events.length, id).toBeGreaterThan(0);
      // The local authority's calendar also holds its DCS's list: the DCS's part, the DCS acting for it.
      const theirs = id === 'local-authority' ? [name, names.dcs!] : [name];
      for (const e of events)
        expect(
          theirs.some((n) => String(e.getFirstPropertyValue('description')).includes(`Your part (${n})`)),
          `${id}: ${String(e.getFirstPropertyValue('summary'))}`,
        ).toBe(true);
    }
  });
});
