import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers.js';

// Issue 20: a status partners can trust. Every agency is judged by its own part, groups appear
// as their members, late is a state, and --since lists what came in. Worked out by hand for a
// notification on Tuesday 19 March 2019 (jtai-2018, GMT): children-list and child-level-data
// due Tue 19 Mar 17:00; the four case lists Wed 20 Mar 15:00 (cse-gangs-cases and
// positive-intervention-cases by the local authority and the six partner agencies, yot-cases by
// the LA and YOT, probation-cases by the LA, NPS and CRC); information-on-20-children Thu 21 Mar
// 16:00 by all local agencies.

const once = process.env.TZ === 'UTC'; // in-process, --now fixed: nothing depends on the zone

async function started() {
  const dir = mkdtempSync(join(tmpdir(), 'jtai-status-'));
  const file = join(dir, 'jtai-inspection.yaml');
  expect((await runCli(['start', '--notified', '2019-03-19', '--area', 'My Area', '--out', file])).code).toBe(0);
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(
      'contacts: {}',
      'contacts:\n  health: { name: Sam Patel }\n  police: { name: DI Jane Smith }',
    ),
  );
  const jtai = async (...args: string[]) => {
    const run = await runCli([...args, '--inspection', file]);
    if (run.code !== 0) throw new Error(`jtai ${args.join(' ')}: ${run.stderr}`);
    return run;
  };
  return { dir, file, jtai };
}

/** The fortnight as recorded by 15:30 on Wednesday 20 March 2019. */
async function recorded() {
  const s = await started();
  const done = (id: string, at: string, ...more: string[]) => s.jtai('done', id, '--at', at, ...more);
  await done('children-list', '2019-03-19T16:40', '--by', 'Kim Lee'); // in time
  await done('child-level-data', '2019-03-19T17:20', '--by', 'Kim Lee'); // 20 min late
  await done('cse-gangs-cases', '2019-03-20T14:00', '--agency', 'police', '--by', 'DI Jane Smith');
  await done('cse-gangs-cases', '2019-03-20T15:20', '--agency', 'nhs'); // 20 min late
  await done('yot-cases', '2019-03-20T14:50', '--agency', 'la');
  await done('yot-cases', '2019-03-20T14:59', '--agency', 'yot'); // the last part, in time
  await done('probation-cases', '2019-03-20T15:10', '--agency', 'nps', '--agency', 'crc'); // NPS and CRC, 10 min late
  return s;
}

const NOW = ['--now', '2019-03-20T15:30'];

describe.runIf(once)('status by each agency’s own part, worked out by hand at Wed 20 Mar 2019 15:30', () => {
  let jtai: Awaited<ReturnType<typeof recorded>>['jtai'];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let json: any;
  beforeAll(async () => {
    ({ jtai } = await recorded());
    json = JSON.parse((await jtai('status', ...NOW, '-f', 'json')).stdout);
  });
  const agency = (id: string) => json.agencies.find((a: { id: string }) => a.id === id);
  const owing = (id: string) => json.owing.find((o: { id: string }) => o.id === id);

  test('rows are the agencies people chase: no group has a row, and the DCS answers only for its own list', () => {
    expect(json.agencies.map((a: { id: string }) => a.id)).toEqual([
      'dcs',
      'local-authority',
      'police',
      'health',
      'schools',
      'yot',
      'nps',
      'crc',
    ]);
    expect(agency('dcs')).toMatchObject({ total: 1, done: ['children-list'], late: [], overdue: [], next: null });
  });

  test("each agency's figures, overdue list and next deadline come from its own part", () => {
    const next = { id: 'information-on-20-children', minutesLeft: 24 * 60 + 30 };
    expect(agency('police')).toMatchObject({
      total: 6,
      done: ['cse-gangs-cases'],
      late: [],
      overdue: ['positive-intervention-cases'],
      next,
    });
    expect(agency('health')).toMatchObject({
      total: 6,
      done: ['cse-gangs-cases'],
      late: ['cse-gangs-cases'],
      overdue: ['positive-intervention-cases'],
      next,
    });
    expect(agency('health').parts[0]).toEqual({
      id: 'cse-gangs-cases',
      status: 'done',
      doneAt: '2019-03-20T15:20:00+00:00',
      doneBy: expect.any(String),
      late: true,
      lateByMinutes: 20,
    });
    expect(agency('schools')).toMatchObject({ done: [], overdue: ['cse-gangs-cases', 'positive-intervention-cases'] });
    expect(agency('yot')).toMatchObject({
      total: 7,
      done: ['yot-cases'],
      overdue: ['cse-gangs-cases', 'positive-intervention-cases'],
    });
    expect(agency('nps')).toMatchObject({ total: 7, done: ['probation-cases'], late: ['probation-cases'] });
    expect(agency('local-authority')).toMatchObject({
      total: 10,
      done: ['child-level-data', 'yot-cases'],
      late: ['child-level-data'],
      overdue: ['cse-gangs-cases', 'positive-intervention-cases', 'probation-cases'],
      next: { id: 'information-on-20-children' },
    });
  });

  test('an item several must provide says who still owes it, and who has delivered', () => {
    expect(owing('cse-gangs-cases').owing.map((p: { id: string }) => p.id)).toEqual([
      'local-authority',
      'schools',
      'yot',
      'nps',
      'crc',
    ]);
    expect(owing('probation-cases')).toMatchObject({ status: 'overdue', owing: [{ id: 'local-authority' }] });
    expect(owing('yot-cases')).toBeUndefined(); // every part done
    expect(json.owing.map((o: { id: string }) => o.id)).toEqual([
      'cse-gangs-cases',
      'positive-intervention-cases',
      'probation-cases',
      'information-on-20-children',
      'multi-agency-meetings',
      'key-case-file-documents',
      'agency-information',
      'joint-evaluations',
    ]);
  });

  test('--since lists exactly the deliveries after it (default: the start of today)', async () => {
    const today = json.delivered.map((d: { id: string; agency: { id: string } | null; at: string }) =>
      [d.id, d.agency?.id ?? 'whole', d.at.slice(11, 16)].join(' '),
    );
    expect(json.since).toBe('2019-03-20T00:00:00+00:00');
    expect(today).toEqual([
      'cse-gangs-cases police 14:00',
      'yot-cases local-authority 14:50',
      'yot-cases yot 14:59',
      'probation-cases nps 15:10',
      'probation-cases crc 15:10',
      'cse-gangs-cases health 15:20',
    ]);
    const later = JSON.parse((await jtai('status', ...NOW, '--since', '20/03/2019 14:55', '-f', 'json')).stdout);
    expect(
      later.delivered.map((d: { id: string; lateByMinutes: number | null }) => `${d.id} ${d.lateByMinutes}`),
    ).toEqual(['yot-cases null', 'probation-cases 10', 'probation-cases 10', 'cse-gangs-cases 20']);
  });

  test('late is a state of the item in the plan: late by 20 min in every format', async () => {
    const plan = JSON.parse((await jtai('plan', ...NOW, '-f', 'json')).stdout);
    const item = (id: string) => plan.items.find((i: { id: string }) => i.id === id);
    expect(item('child-level-data')).toMatchObject({ status: 'done', late: true, lateByMinutes: 20 });
    expect(item('children-list')).toMatchObject({ status: 'done', late: false, lateByMinutes: null });
    expect(item('yot-cases')).toMatchObject({ status: 'done', doneAt: '2019-03-20T14:59:00+00:00', late: false });
    for (const format of ['text', 'md', 'html'])
      expect((await jtai('plan', ...NOW, '-f', format)).stdout).toContain('late by 20 min');
    expect((await jtai('plan', ...NOW, '-f', 'csv')).stdout).toMatch(/child-level-data.*,20,/);
  });

  test('overdue shows wherever progress is known, with who still owes it', async () => {
    const text = (await jtai('plan', ...NOW)).stdout.replace(/\s+/g, ' '); // as read, across its wrapped lines
    expect(text).toContain(
      'Overdue: still owed by Local authority, Schools, Youth Offending Team (YOT), National Probation Service (NPS), Community Rehabilitation Company (CRC) (done: Police, Health)',
    );
    expect((await jtai('plan', ...NOW, '-f', 'md')).stdout).toContain('Overdue: owed by Local authority, Police');
    const next = (await jtai('next', ...NOW)).stdout;
    expect(next).toMatch(/Wed 20 Mar 2019 15:00 {2}OVERDUE {4}10 cases of positive intervention/);
    expect(next).not.toMatch(/15:00 {2}DUE/);
  });

  test('inspector actions are never overdue for the area: passed, or to come', async () => {
    const at = async (now: string) =>
      JSON.parse((await jtai('plan', '--now', now, '-f', 'json')).stdout).items.find(
        (i: { id: string }) => i.id === 'select-20-children',
      ).status;
    expect(await at('2019-03-20T15:30')).toBe('due-today');
    expect(await at('2019-03-21T09:00')).toBe('passed');
    const next = JSON.parse((await jtai('next', '--now', '2019-03-21T09:00', '-f', 'json')).stdout);
    expect(next.overdue.map((i: { id: string }) => i.id)).not.toContain('select-20-children');
  });

  test('the text, Markdown and HTML say the same figures', async () => {
    const text = (await jtai('status', ...NOW)).stdout;
    expect(text).toContain('  Health · Sam Patel\n    done 1 of 6 (1 late); 1 overdue: positive-intervention-cases\n');
    expect(text.replace(/\s+/g, ' ')).toContain(
      '✓ Wed 20 Mar 2019 15:20: 10 cases where sexual or criminal exploitation by gangs is a current and significant factor, from Health, by ',
    );
    const md = (await jtai('status', ...NOW, '-f', 'md')).stdout;
    expect(md).toContain(
      '- **Overdue**, Wed 20 Mar 2019 15:00: 6 cases where the National Probation Service or the Community Rehabilitation Company is involved. Still owed by Local authority; done: National Probation Service (NPS) (Wed 20 Mar 2019 15:10, late by 10 min), Community Rehabilitation Company (CRC) (Wed 20 Mar 2019 15:10, late by 10 min).',
    );
    expect(md).toContain(
      '- **Police** (DI Jane Smith): done 1 of 6; overdue: 10 cases of positive intervention with the child and family; next: Thu 21 Mar 2019 16:00 (in 1 day 30 min): Additional information on the 20 selected children.',
    );
    expect(md).not.toMatch(/^\|/m); // lists, not a table: it reads as plain text where Markdown is not rendered
    const html = (await jtai('status', ...NOW, '-f', 'html')).stdout;
    expect(html).not.toMatch(/<script|<style|class=/);
    expect(html).toContain(
      '<td style="border:1px solid #b1b4b6;padding:4px 8px;text-align:left;vertical-align:top">done 1 of 6 (1 late)</td>',
    );
  });

  test('--agency keeps the rows it asks for: a group its members', async () => {
    const partners = JSON.parse((await jtai('status', ...NOW, '-a', 'partners', '-f', 'json')).stdout);
    expect(partners.agencies.map((a: { id: string }) => a.id)).toEqual([
      'police',
      'health',
      'schools',
      'yot',
      'nps',
      'crc',
    ]);
    const police = JSON.parse((await jtai('status', ...NOW, '-a', 'the police', '-f', 'json')).stdout);
    expect(police.agencies.map((a: { id: string }) => a.id)).toEqual(['police']);
    expect(police.owing.map((o: { id: string }) => o.id)).not.toContain('probation-cases');
  });
});

describe.runIf(once)('found playing the fortnight through', () => {
  test("an agency's own plan and next judge its own part: the police's part done is not overdue for the police", async () => {
    const { jtai } = await recorded();
    const plan = JSON.parse((await jtai('plan', ...NOW, '-a', 'police', '-f', 'json')).stdout);
    const cse = plan.items.find((i: { id: string }) => i.id === 'cse-gangs-cases');
    expect(cse).toMatchObject({ status: 'done', doneAt: '2019-03-20T14:00:00+00:00', owing: [] });
    const positive = plan.items.find((i: { id: string }) => i.id === 'positive-intervention-cases');
    expect(positive).toMatchObject({ status: 'overdue', owing: [{ id: 'police' }] });
    const next = JSON.parse((await jtai('next', ...NOW, '-a', 'police', '-f', 'json')).stdout);
    expect(next.overdue.map((i: { id: string }) => i.id)).toEqual(['positive-intervention-cases']);
  });

  test('at the minute of a deadline it is due now, not overdue; a minute later it is', async () => {
    const { jtai } = await started();
    const at = async (now: string) =>
      JSON.parse((await jtai('status', '--now', now, '-f', 'json')).stdout).owing.find(
        (o: { id: string }) => o.id === 'cse-gangs-cases',
      ).status;
    expect(await at('2019-03-20T15:00')).toBe('due-today');
    expect(await at('2019-03-20T15:01')).toBe('overdue');
    expect((await jtai('status', '--now', '2019-03-20T15:00')).stdout).toContain('Wed 20 Mar 2019 15:00 (due now)');
  });

  test('a name for several agencies is not recorded on a guess; done whole says it is every part', async () => {
    const { file, jtai } = await started();
    const guess = await runCli(['done', 'probation-cases', '--agency', 'probation', '--inspection', file]);
    expect([guess.code, guess.stderr.split('\n')[0]]).toEqual([
      2,
      'jtai: --agency "probation" means National Probation Service (NPS) and Community Rehabilitation Company (CRC); give --agency nps, --agency crc for each that delivered.',
    ]);
    const whole = await jtai('done', 'yot-cases', '--at', '2019-03-20T14:00', '--by', 'Kim');
    expect(whole.stderr).toBe(
      'jtai: recorded yot-cases as done at 2019-03-20 14:00 by Kim. That is every agency\'s part of yot-cases; for one agency\'s part, take it back with "jtai undo yot-cases" and give --agency.\n',
    );
    const typo = await runCli(['done', 'yot-cases', '--agency', 'poilce', '--inspection', file]);
    expect(typo.stderr.split('\n')[0]).toBe(
      'jtai: --agency "poilce" is not a party of jtai-2018. Did you mean "police"? "yot-cases" is owed by Local authority and Youth Offending Team (YOT).',
    );
  });

  test("the log names agencies as the rule set does, and an agency sees its group's records", async () => {
    const { jtai } = await started();
    await jtai('done', 'agency-information', '--agency', 'partners', '--at', '2019-03-26T16:30', '--by', 'Kim');
    const log = (await jtai('log', '--agency', 'health')).stdout;
    expect(log).toContain('done: agency-information (part from Partner agencies), by Kim');
  });
});

describe.runIf(once)('jtai status --out', () => {
  test('writes the format its name says, and says so', async () => {
    const { dir, jtai } = await recorded();
    const out = join(dir, 'status.html');
    const run = await jtai('status', ...NOW, '--out', out);
    expect(run.stderr).toBe(`jtai: wrote the status at 2019-03-20 15:30 to ${out}\n`);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect((await jtai('status', ...NOW, '--out', join(dir, 'status.md'), '--quiet')).stderr).toBe('');
    const wrong = await runCli([
      'status',
      ...NOW,
      '--out',
      join(dir, 'status.ics'),
      '--inspection',
      join(dir, 'jtai-inspection.yaml'),
    ]);
    expect([wrong.code, wrong.stderr.split('\n')[0]]).toEqual([
      2,
      `jtai: jtai status writes text, JSON, Markdown or HTML; --out ${join(dir, 'status.ics')} asks for ics: name it .txt, .json, .md or .html.`,
    ]);
  });

  test('a --since after the moment of the status is refused', async () => {
    const { file } = await recorded();
    const run = await runCli(['status', ...NOW, '--since', '2019-03-20T16:00', '--inspection', file]);
    expect([run.code, run.stderr.split('\n')[0]]).toEqual([
      2,
      'jtai: --since "2019-03-20T16:00" is after the moment of the status (2019-03-20 15:30); give an earlier time, or a later --now.',
    ]);
  });

  test('never into the progress record: every file there is an event', async () => {
    const { dir, jtai } = await recorded();
    const folder = join(dir, 'jtai-inspection.progress');
    for (const command of ['status', 'plan']) {
      const out = join(folder, 'status.json');
      const run = await runCli([
        command,
        ...NOW,
        '--out',
        out,
        '-f',
        'json',
        '--inspection',
        join(dir, 'jtai-inspection.yaml'),
      ]);
      expect([run.code, run.stderr.split('\n')[0]], command).toEqual([
        1,
        `jtai: cannot write ${out}: it is the progress record this plan is read from (${folder}); choose another name.`,
      ]);
    }
    expect((await jtai('status', ...NOW)).stderr).toBe('');
  });

  test('a record written with another offset is told in London time', async () => {
    const { dir, jtai } = await started();
    const folder = join(dir, 'jtai-inspection.progress');
    (await import('node:fs')).mkdirSync(folder);
    const event = {
      id: '20190319T210000000Z-ny-1-dddddddd',
      type: 'done' as const,
      item: 'children-list',
      at: '2019-03-19T16:00:00-05:00',
      recorded: '2019-03-19T21:00:00.000Z',
      by: 'Kim',
    };
    writeFileSync(
      join(folder, `${event.id}.json`),
      (await import('../../src/core/progress/events.js')).eventText(event),
    );
    const item = JSON.parse((await jtai('plan', ...NOW, '-f', 'json')).stdout).items[0];
    expect(item).toMatchObject({
      id: 'children-list',
      doneAt: '2019-03-19T21:00:00+00:00',
      late: true,
      lateByMinutes: 240,
    });
  });
});
