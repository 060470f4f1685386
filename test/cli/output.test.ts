import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { writeFilesAtomically } from '../../src/io/write-files.js';
import { runCli, said } from '../helpers.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'jtai-out-'));

describe('--out', () => {
  test('takes the format from the extension and prints nothing on stdout', async () => {
    const dir = tempDir();
    const file = join(dir, 'plan.ics');
    const { code, stdout, stderr } = await runCli(['plan', '-n', '2019-03-19', '--out', file]);
    expect([code, stdout]).toEqual([0, '']);
    expect(stderr).toContain(
      `jtai: wrote 14 items to ${file}; no jtai-inspection.yaml here, so this issue is not recorded and a re-issue cannot say what changed\n`,
    );
    const events = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8'))).getAllSubcomponents('vevent');
    expect(events).toHaveLength(14);
    expect(readdirSync(dir)).toEqual(['plan.ics']); // no temporary file left behind
    // -q silences it, as the rest; another format is never recorded, so it says nothing of it.
    expect((await runCli(['plan', '-n', '2019-03-19', '--out', file, '-q'])).stderr).toBe('');
    expect((await runCli(['plan', '-n', '2019-03-19', '--out', join(dir, 'plan.md')])).stderr).toContain(
      `jtai: wrote 14 items to ${join(dir, 'plan.md')}\n`,
    );
  });

  test('--format wins over the extension; a CSV file starts with a byte order mark', async () => {
    const dir = tempDir();
    await runCli(['plan', '-n', '2019-03-19', '--out', join(dir, 'plan.txt'), '--format', 'csv']);
    expect(readFileSync(join(dir, 'plan.txt'), 'utf8').startsWith('\uFEFFid,kind,day')).toBe(true);
  });

  test('an unknown extension without --format is refused before anything is written', async () => {
    const dir = tempDir();
    const { code, stderr } = await runCli(['plan', '-n', '2019-03-19', '--out', join(dir, 'plan.pdf')]);
    expect(code).toBe(2);
    expect(said(stderr)).toMatch(
      /^jtai: cannot tell the format of ".*plan\.pdf" from its extension; use \.ics, \.md, \.csv, \.json, \.html or \.txt, or give --format\.\n$/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  test('a failed run leaves the previous file as it was', async () => {
    const dir = tempDir();
    const file = join(dir, 'plan.json');
    writeFileSync(file, 'previous');
    const { code } = await runCli(['plan', '-n', '2019-02-30', '--out', file]);
    expect(code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe('previous');
    const missing = await runCli(['plan', '-n', '2019-03-19', '--out', join(dir, 'no-such-folder', 'x.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot write .*x\.json: no such folder; no file was changed\./);
  });
});

describe('--agency and --split', () => {
  test('--agency keeps what that agency must do (and, marked, what it follows or receives), in every format', async () => {
    const json = JSON.parse((await runCli(['plan', '-n', '2019-03-19', '-f', 'json', '--agency', 'YOT'])).stdout);
    expect(
      json.items.filter((i: { forInformation: boolean }) => i.forInformation).map((i: { id: string }) => i.id),
    ).toEqual(['select-20-children', 'select-children-to-track', 'cqc-document-request']);
    expect(
      json.items.filter((i: { forInformation: boolean }) => !i.forInformation).map((i: { id: string }) => i.id),
    ).toEqual([
      'cse-gangs-cases',
      'positive-intervention-cases',
      'yot-cases',
      'information-on-20-children',
      'key-case-file-documents',
      'agency-information',
      'joint-evaluations',
    ]);
    const csv = (await runCli(['plan', '-n', '2019-03-19', '-f', 'csv', '-a', 'police', '-a', 'nps'])).stdout;
    expect(csv.trim().split('\r\n')).toHaveLength(1 + 7 + 3); // and the three for their information
  });

  test('an unknown agency gets the closest names and the full list, inspectors included', async () => {
    const { code, stderr } = await runCli(['plan', '-n', '2019-03-19', '--agency', 'polise']);
    expect(code).toBe(2);
    expect(said(stderr)).toBe(
      'jtai: --agency "polise" is not a party of jtai-2018. Did you mean "police"? The parties are: ' +
        "dcs (Director of Children's Services (DCS)), local-authority (Local authority), partner-agencies (Partner agencies), " +
        'local-agencies (All local agencies), police, health, schools, yot (Youth Offending Team (YOT)), nps (National Probation Service (NPS)), ' +
        'crc (Community Rehabilitation Company (CRC)), lead-inspector (Lead inspector), inspectors, cqc (Care Quality Commission (CQC)).\n',
    );
  });

  test('--split agency writes one calendar per agency that owes something (no group), named with the notification date and the agency', async () => {
    const dir = join(tempDir(), 'calendars');
    const { code, stdout } = await runCli(['plan', '-n', '2019-03-19', '--split', 'agency', '--out-dir', dir]);
    expect([code, stdout]).toEqual([0, '']);
    expect(readdirSync(dir).sort()).toEqual(
      ['crc', 'dcs', 'health', 'local-authority', 'nps', 'police', 'schools', 'yot'].map(
        (p) => `jtai-2019-03-19-${p}.ics`,
      ),
    );
    const police = new ICAL.Component(ICAL.parse(readFileSync(join(dir, 'jtai-2019-03-19-police.ics'), 'utf8')));
    expect(police.getFirstPropertyValue('x-wr-calname')).toBe(
      'JTAI notified 2019-03-19 (JTAI timetable (2018 guidance)): Police',
    );
    expect(police.getAllSubcomponents('vevent')).toHaveLength(6 + 3); // and three for information
  });

  test('--split needs --out-dir', async () => {
    const { code, stderr } = await runCli(['plan', '-n', '2019-03-19', '--split', 'agency']);
    expect([code, said(stderr)]).toEqual([
      2,
      'jtai: --split needs --out-dir, the folder to write one file per agency into.\n',
    ]);
  });
});

describe('writeFilesAtomically', () => {
  test('when one write fails part-way, no file is replaced and no temporary file is left', async () => {
    const dir = tempDir();
    const files = ['a.ics', 'b.ics', 'c.ics'].map((n) => ({ path: join(dir, n), content: `new ${n}` }));
    for (const f of files) writeFileSync(f.path, 'old');
    let calls = 0;
    const failing = (async (path: string, content: string, opts: { flag: string }) => {
      if (++calls === 2) {
        writeFileSync(path, content.slice(0, 3), opts); // half a file, then the disk fills up
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      }
      writeFileSync(path, content, opts);
    }) as unknown as typeof import('node:fs/promises').writeFile;
    await expect(writeFilesAtomically(files, failing)).rejects.toThrow(
      /cannot write .*b\.ics: the disk is full; no file was changed\./,
    );
    expect(files.map((f) => readFileSync(f.path, 'utf8'))).toEqual(['old', 'old', 'old']);
    expect(readdirSync(dir).sort()).toEqual(['a.ics', 'b.ics', 'c.ics']);
  });
});

describe('ICS options', () => {
  test('--remind sets or drops the reminder', async () => {
    const alarms = (ics: string) =>
      new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').flatMap((e) => e.getAllSubcomponents('valarm'));
    const twoHours = alarms((await runCli(['plan', '-n', '2019-03-19', '-f', 'ics', '--remind', '2h'])).stdout);
    expect((twoHours[0]!.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()).toBe(-7200);
    expect(alarms((await runCli(['plan', '-n', '2019-03-19', '-f', 'ics', '--remind', 'none'])).stdout)).toEqual([]);
    // Several: a day before and two hours before each timed deadline (13 timed items: 26 alarms), the earliest first.
    const two = alarms((await runCli(['plan', '-n', '2019-03-19', '-f', 'ics', '--remind', '2h,1d'])).stdout);
    expect(two).toHaveLength(26);
    expect(two.slice(0, 2).map((a) => (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds())).toEqual([
      -86400, -7200,
    ]);
    const bad = await runCli(['plan', '-n', '2019-03-19', '-f', 'ics', '--remind', '1d,soon']);
    expect([bad.code, said(bad.stderr)]).toEqual([
      2,
      'jtai: --remind "1d,soon": "soon" is not a duration; give minutes, hours or days like 90m, 2h or 1d (several with commas: 1d,2h), or "none".\n',
    ]);
  });

  test('SOURCE_DATE_EPOCH makes the file reproducible', async () => {
    const env = { SOURCE_DATE_EPOCH: '1553000000' };
    const a = await runCli(['plan', '-n', '2019-03-19', '-f', 'ics'], env);
    const b = await runCli(['plan', '-n', '2019-03-19', '-f', 'ics'], env);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toContain('DTSTAMP:20190319T125320Z\r\n');
  });
});

describe('--cancel', () => {
  test('writes a calendar that cancels every event of the plan; only as ICS', async () => {
    const file = join(tempDir(), 'cancel.ics');
    expect((await runCli(['plan', '-n', '2019-03-19', '--cancel', '--out', file])).code).toBe(0);
    const cal = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
    expect(cal.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(cal.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('status'))).toEqual(
      Array(14).fill('CANCELLED'),
    );
    const md = await runCli(['plan', '-n', '2019-03-19', '--cancel', '--format', 'md']);
    expect([md.code, said(md.stderr)]).toEqual([
      2,
      "jtai: --cancel writes a calendar (ICS) that cancels the plan's events; give --out FILE.ics, or leave out --format.\n",
    ]);
  });
});
