import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli, said } from '../helpers.js';

// The "may not fit" warning end to end (issue 20): short on every command, its reasons in the
// notes and in "jtai explain --fit", and acknowledged once in the inspection file.

const AFTER =
  'This timetable follows the JTAI guidance published in July 2018; inspections notified after 31 December 2019 may follow later guidance, so check the timings against your notification letter.';
const ENV = { JTAI_CACHE: '0' };
// Thursday 3 December 2026, 12:00 UTC.
const EPOCH = String(Date.UTC(2026, 11, 3, 12) / 1000);

async function started(args: string[] = []) {
  const file = join(mkdtempSync(join(tmpdir(), 'jtai-fit-')), 'jtai-inspection.yaml');
  const result = await runCli(['start', '-n', '2026-12-01', '--out', file, ...args], {
    ...ENV,
    SOURCE_DATE_EPOCH: EPOCH,
  });
  expect(result.code, result.stderr).toBe(0);
  return { file, result };
}

const planJson = async (file: string) => {
  const { code, stdout, stderr } = await runCli(['plan', '-i', file, '-f', 'json'], ENV);
  expect(code, stderr).toBe(0);
  return { json: JSON.parse(stdout), stderr };
};

describe('jtai plan for a notification after the dates jtai-2018 fits', () => {
  test('the warning is the short text, first on stderr; the agenda on a terminal has it at the top', async () => {
    const { code, stderr } = await runCli(['plan', '-n', '2026-12-01'], ENV);
    expect(code).toBe(0);
    expect(stderr.split('\n')[0]).toBe(`jtai: warning: ${AFTER}`);
    const tty = await runCli(['plan', '-n', '2026-12-01', '--no-color'], ENV, true);
    const top = tty.stdout.slice(0, tty.stdout.indexOf('Day 0'));
    expect(top.replace(/\s+/g, ' ')).toContain(` Note: ${AFTER} `);
  });

  test('the JSON: the warning among the warnings, the reasons with their citations among the notes', async () => {
    const { stdout } = await runCli(['plan', '-n', '2026-12-01', '-f', 'json'], ENV);
    const json = JSON.parse(stdout);
    expect(json.warnings[0]).toBe(AFTER);
    const why = json.schedule.notes.find((n: string) => n.startsWith('Why this timetable may not fit'));
    expect(why).toContain('written for notifications from 1 September 2018 to 31 December 2019');
    expect(why).toContain('"The next round of inspections will start in September 2018."');
    expect(why).toContain('JTAI guidance from 2022 names three inspectorates, without HM Inspectorate of Probation');
    expect(json.inspection).toMatchObject({ fits: false, fitChecked: false });
    expect(json.inspection.inspectoratesSource.text).toContain('Under section 20 of the Children Act 2004.');
  });
});

describe('the letter checked, once, in the inspection file', () => {
  test('jtai start says what to check and where to record it; the file shows how', async () => {
    const { file, result } = await started();
    expect(result.stderr).toContain(`${AFTER} Once you have, set letterChecked in ${file}.\n`);
    expect(readFileSync(file, 'utf8')).toContain('\n# letterChecked: { by: Jane Smith, on: 2026-12-01 }\n');
    const { json } = await planJson(file);
    expect(json.warnings).toContain(AFTER);
  });

  test('written by hand, with who and when: a note, not a warning; fits stays false', async () => {
    const { file } = await started();
    writeFileSync(file, `${readFileSync(file, 'utf8')}letterChecked: { by: Sam Smith, on: 2026-12-02 }\n`);
    const { json, stderr } = await planJson(file);
    expect(json.warnings).not.toContain(AFTER);
    expect(stderr).not.toContain('This timetable follows');
    expect(json.schedule.notes).toContain(
      `${AFTER} Checked against the notification letter by Sam Smith on Wednesday 2 December 2026.`,
    );
    expect(json.inspection).toMatchObject({ fits: false, fitChecked: true });
  });

  test('"letterChecked: true" will do; "letterChecked: soon" is an error at its line', async () => {
    const { file } = await started();
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `${text}letterChecked: true\n`);
    const { json } = await planJson(file);
    expect(json.schedule.notes).toContain(`${AFTER} Checked against the notification letter.`);
    writeFileSync(file, `${text}letterChecked: soon\n`);
    const bad = await runCli(['plan', '-i', file], ENV);
    expect(bad.code).toBe(1);
    expect(said(bad.stderr)).toMatch(
      /jtai-inspection\.yaml:\d+:16: letterChecked: expected true, or who checked it and when: \{ by: NAME, on: DATE \}, found "soon"\.\n$/,
    );
  });

  test('jtai start --letter-checked records it, today (SOURCE_DATE_EPOCH: Thu 3 Dec 2026)', async () => {
    const { file, result } = await started(['--letter-checked']);
    expect(result.stderr).not.toContain('This timetable follows');
    expect(readFileSync(file, 'utf8')).toMatch(/\nletterChecked: \{ (by: "[^"]+", )?on: 2026-12-03 \}\n/);
    const { json, stderr } = await planJson(file);
    expect(stderr).not.toContain('This timetable follows');
    expect(json.warnings).not.toContain(AFTER);
    expect(json.inspection).toMatchObject({ fits: false, fitChecked: true });
    expect(json.schedule.notes.at(-1)).toMatch(
      /Checked against the notification letter( by .+)? on Thursday 3 December 2026\.$/,
    );
  });
});

describe('jtai explain --fit', () => {
  test('the dates, why, and where it is written', async () => {
    const { code, stdout } = await runCli(['explain', '--fit'], ENV);
    expect(code).toBe(0);
    const text = stdout.replace(/\s+/g, ' ');
    expect(text).toContain(
      'jtai-2018: JTAI timetable (2018 guidance) Written for the JTAI guidance published in July 2018.',
    );
    expect(text).toContain('It fits notifications from Saturday 1 September 2018 until Tuesday 31 December 2019.');
    expect(text).toContain(
      "Source: “The next round of inspections will start in September 2018.” (Children's Safeguarding Briefing No.1, August 2018:",
    );
    expect(text).toContain(
      'A notification before Saturday 1 September 2018 may not fit: the JTAIs before this round looked at other deep-dive themes',
    );
    expect(text).toContain(
      'A notification after Tuesday 31 December 2019 may not fit: the briefing gives this round no end date',
    );
    expect(text).not.toContain('Notified');
  });

  test('with a date: where it falls and what to check; with the inspection file, who checked', async () => {
    const dated = await runCli(['explain', '--fit', '-n', '2026-12-01'], ENV);
    expect(dated.stdout.replace(/\s+/g, ' ')).toContain(
      `Notified Tuesday 1 December 2026: after the dates it fits. ${AFTER}`,
    );
    const { file } = await started();
    writeFileSync(file, `${readFileSync(file, 'utf8')}letterChecked: { by: Sam Smith, on: 2026-12-02 }\n`);
    const json = JSON.parse((await runCli(['explain', '--fit', '-i', file, '-f', 'json'], ENV)).stdout);
    expect(json).toMatchObject({
      ruleSet: 'jtai-2018',
      from: '2018-09-01',
      until: '2019-12-31',
      notified: '2026-12-01',
      falls: 'after',
      message: AFTER,
      checked: { by: 'Sam Smith', on: '2026-12-02' },
    });
    expect(json.after).toContain('https://www.gov.uk/government/publications/joint-targeted-area-inspection');
  });

  test('an item or --fit, one of them', async () => {
    const none = await runCli(['explain', '-n', '2019-03-19'], ENV);
    expect(none.code).toBe(2);
    expect(said(none.stderr)).toBe(
      'jtai: give the id of an item, as the agenda shows it (jtai explain cse-gangs-cases), or --fit for the dates the rule set fits.\n',
    );
    const both = await runCli(['explain', 'children-list', '--fit', '-n', '2019-03-19'], ENV);
    expect(both.code).toBe(2);
    expect(said(both.stderr)).toBe(
      'jtai: give an item id or --fit, not both: jtai explain children-list, or jtai explain --fit.\n',
    );
  });
});
