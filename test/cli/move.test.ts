import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { eventText } from '../../src/core/progress/events.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers.js';

// Issue 20: deadlines agreed with the lead inspector. "jtai move" records one as an event of the
// progress record; every output shows the new time beside the rule set's and why, what is counted
// from it moves with it, and nothing drops it silently. Notified Tuesday 19 March 2019 (GMT).

const once = process.env.TZ === 'UTC';
const CHAINED = fileURLToPath(new URL('../data/chained-rule-set.yaml', import.meta.url));

async function started(rules = 'jtai-2018') {
  const dir = mkdtempSync(join(tmpdir(), 'jtai-move-'));
  const file = join(dir, 'jtai-inspection.yaml');
  expect((await runCli(['start', '-n', '2019-03-19', '--area', 'My Area', '-r', rules, '--out', file])).code).toBe(0);
  const jtai = (...args: string[]) => runCli([...args, '--inspection', file]);
  const item = async (id: string, ...more: string[]) =>
    JSON.parse((await jtai('plan', '-f', 'json', ...more)).stdout).items.find((i: { id: string }) => i.id === id);
  return { dir, file, jtai, item };
}

const WHY = 'agreed with the lead inspector';

describe.runIf(once)('jtai move', () => {
  test('the new time in every output, beside the rule set’s and the reason', async () => {
    const { jtai, item } = await started();
    const run = await jtai('move', 'multi-agency-meetings', '--to', '22/03/2019 10:00', '--why', WHY, '--by', 'Kim');
    expect([run.code, run.stderr]).toEqual([
      0,
      "jtai: moved multi-agency-meetings to Fri 22 Mar 2019 10:00 (the rule set's time: Thu 21 Mar 2019 17:00).\n",
    ]);
    const moved = await item('multi-agency-meetings');
    expect(moved).toMatchObject({
      date: '2019-03-22',
      time: '10:00',
      due: '2019-03-22T10:00:00+00:00',
      day: 3,
      timeLabel: null,
      moved: {
        from: { date: '2019-03-21', time: '17:00', due: '2019-03-21T17:00:00+00:00' },
        why: WHY,
        by: 'Kim',
        with: null,
      },
    });
    const words =
      /Moved from Thu 21 Mar 2019 17:00: agreed with the lead inspector \(Kim, \w{3} \d{1,2} \w{3} \d{4} \d{2}:\d{2}\)/;
    for (const format of ['text', 'md', 'html', 'csv']) {
      const out = (await jtai('plan', '-f', format)).stdout.replace(/\s+/g, ' ');
      expect(out, format).toMatch(words);
    }
    const ics = new ICAL.Component(ICAL.parse((await jtai('plan', '-f', 'ics')).stdout));
    const event = ics
      .getAllSubcomponents('vevent')
      .find((e) => String(e.getFirstPropertyValue('summary')).includes('multi-agency meetings'))!;
    expect(event.getFirstPropertyValue('dtstart')!.toString()).toBe('2019-03-22T10:00:00Z');
    expect(String(event.getFirstPropertyValue('description'))).toMatch(words);
    for (const format of ['text', 'md', 'html']) {
      const status = (await jtai('status', '--now', '2019-03-21T09:00', '-f', format)).stdout.replace(/\s+/g, ' ');
      expect(status, `status ${format}`).toMatch(words);
    }
    const statusJson = JSON.parse((await jtai('status', '--now', '2019-03-21T09:00', '-f', 'json')).stdout);
    expect(statusJson.owing.find((o: { id: string }) => o.id === 'multi-agency-meetings').moved).toMatchObject({
      why: WHY,
    });
    expect(String(event.getFirstPropertyValue('description'))).toContain(
      'Friday 22 March 2019 (moved; in the rule set, day 2).',
    );
    const explained = (await jtai('explain', 'multi-agency-meetings')).stdout.replace(/\s+/g, ' ');
    expect(explained).toMatch(words);
    expect(explained).toContain('Due: Friday 22 March 2019 at 10:00');
    expect(JSON.parse((await jtai('explain', 'multi-agency-meetings', '-f', 'json')).stdout).moved).toMatchObject({
      why: WHY,
    });
    const log = (await jtai('log')).stdout;
    expect(log).toContain('deadline moved: multi-agency-meetings to 2019-03-22 10:00, by Kim');
    expect(log).toContain(WHY);
  });

  test('status judges the moved deadline: not overdue before the new time', async () => {
    const { jtai } = await started();
    const owing = async () =>
      JSON.parse((await jtai('status', '--now', '2019-03-21T17:30', '-f', 'json')).stdout).owing.find(
        (o: { id: string }) => o.id === 'multi-agency-meetings',
      ).status;
    expect(await owing()).toBe('overdue');
    await jtai('move', 'multi-agency-meetings', '--to', '2019-03-22T10:00', '--why', WHY);
    expect(await owing()).toBe('upcoming');
  });

  test.each([
    [
      '19/03/2031 10:00',
      'Wednesday 19 March 2031 is 4,383 days after the notification (Tuesday 19 March 2019); check the year and the month.',
    ],
    [
      '18/03/2019 10:00',
      'Monday 18 March 2019 is before the notification (Tuesday 19 March 2019); check that it is the day agreed.',
    ],
    [
      '17/04/2019 10:00',
      'Wednesday 17 April 2019 is 29 days after the notification (Tuesday 19 March 2019); check the year and the month.',
    ],
    ['16/04/2019 10:00', ''], // the 28th day after: still the inspection's (a fortnight, and as long again), a working day
  ])('a deadline moved to %s is said to look mistyped when it is outside the inspection', async (to, note) => {
    // 12 years of 365 days and 3 leap days (2020, 2024, 2028): 4,383.
    const { jtai } = await started();
    const moved = await jtai('move', 'multi-agency-meetings', '--to', to, '--why', WHY);
    expect(moved.code).toBe(0);
    if (note) expect(moved.stderr).toContain(` Note: ${note}\n`);
    else expect(moved.stderr).not.toContain('Note:');
  });

  test('a deadline moved onto a Sunday is said to be on a day off, and headed by its date alone', async () => {
    const { jtai } = await started();
    const moved = await jtai('move', 'multi-agency-meetings', '--to', '24/03/2019 10:00', '--why', WHY);
    expect(moved.stderr).toMatch(
      / Note: Sunday 24 March 2019 is not a working day; check that it is the day agreed\.\n$/,
    );
    const agenda = (await jtai('plan', '-q')).stdout;
    expect(agenda).toMatch(/^Sunday 24 March 2019$/m); // no day number: Sunday is none of the inspection's days
    expect(agenda).not.toMatch(/day 2 · Sunday/);
  });

  test('--back returns to the rule set’s time, and says so', async () => {
    const { jtai, item } = await started();
    await jtai('move', 'multi-agency-meetings', '--to', '22/03/2019 10:00', '--why', WHY);
    const back = await jtai('move', 'multi-agency-meetings', '--back');
    expect(back.stderr).toBe(
      "jtai: moved multi-agency-meetings back to the rule set's time, Thu 21 Mar 2019 17:00 (it was Fri 22 Mar 2019 10:00).\n",
    );
    expect(await item('multi-agency-meetings')).toMatchObject({ due: '2019-03-21T17:00:00+00:00', moved: null });
    expect((await jtai('move', 'multi-agency-meetings', '--back')).stderr).toBe(
      "jtai: multi-agency-meetings was not moved; it stays at Thu 21 Mar 2019 17:00, the rule set's time.\n",
    );
  });

  test('internal deadlines counted from a moved item move with it', async () => {
    const { jtai, item } = await started(CHAINED);
    // Worked by hand: cases is day 2 (Wed 20 Mar) 15:00; cases-to-la 1 working day before at
    // 12:00; sign-off 2 h before cases; draft 1 h 30 min before sign-off; overnight 34 h after
    // cases. Cases moved to Thu 21 Mar 10:00; said in date order. Overnight now falls on the
    // rule set's closure of Fri 22 Mar, said at once.
    const run = await jtai('move', 'cases', '--to', '21/03/2019 10:00', '--why', WHY);
    expect(run.stderr).toBe(
      "jtai: moved cases to Thu 21 Mar 2019 10:00 (the rule set's time: Wed 20 Mar 2019 15:00). Counted from it, and moved with it: cases-to-la (now Wed 20 Mar 2019 12:00), draft (now Thu 21 Mar 2019 06:30), sign-off (now Thu 21 Mar 2019 08:00), overnight (now Fri 22 Mar 2019 20:00).\n" +
        'jtai: warning: "Overnight" (34 hours after cases) falls on Fri 22 Mar 2019 20:00, which is not a working day (Council staff day (local closure)).\n',
    );
    expect(await item('draft')).toMatchObject({
      due: '2019-03-21T06:30:00+00:00',
      moved: { from: { date: '2019-03-20', time: '11:30' }, with: 'cases', why: WHY },
    });
    expect((await jtai('plan')).stdout.replace(/\s+/g, ' ')).toContain('Moved with cases, from Wed 20 Mar 2019 11:30');
  });

  test('a changed rule set never silently drops a move: a warning while its item is gone, back when it returns', async () => {
    const { dir, file, jtai, item } = await started();
    await jtai('move', 'multi-agency-meetings', '--to', '22/03/2019 10:00', '--why', WHY);
    writeFileSync(join(dir, 'area.yaml'), 'extends: jtai-2018\nid: area\nremove: [multi-agency-meetings]\n');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^rules: .*$/m, `rules: ${JSON.stringify(join(dir, 'area.yaml'))}`));
    const run = await jtai('status', '--now', '2019-03-20T12:00');
    expect(run.stderr).toContain(
      'jtai: warning: a deadline was moved for "multi-agency-meetings", no longer in area; the move is kept, and counts again if the item comes back ("jtai move ID --back" takes it back).',
    );
    writeFileSync(file, text);
    expect(await item('multi-agency-meetings')).toMatchObject({ due: '2019-03-22T10:00:00+00:00' });
    expect(readdirSync(join(dir, 'jtai-inspection.progress'))).toHaveLength(1);
  });

  test('what it needs is asked for plainly', async () => {
    const { jtai } = await started();
    const first = async (...args: string[]) => {
      const run = await jtai(...args);
      return [run.code, run.stderr.split('\n')[0]];
    };
    expect(await first('move', 'multi-agency-meetings', '--to', '22/03/2019 10:00')).toEqual([
      2,
      'jtai: --why is missing: say why the deadline moved (for example --why "agreed with the lead inspector, Kim"); every output shows it beside the new time.',
    ]);
    expect(await first('move', 'multi-agency-meetings', '--to', '22/03/2019', '--why', WHY)).toEqual([
      2,
      'jtai: --to "22/03/2019" has no time of day; give the new deadline with its time, for example --to "22/03/2019 10:00".',
    ]);
    expect(await first('move', 'multi-agency-meeting', '--to', '22/03/2019 10:00', '--why', WHY)).toEqual([
      2,
      expect.stringMatching(
        /^jtai: there is no item "multi-agency-meeting" \(did you mean "multi-agency-meetings"\?\)/,
      ),
    ]);
  });

  test('a move that cannot be planned is refused before anything is written; one written by hand is skipped, named, and --back works', async () => {
    const { dir, jtai, item } = await started(CHAINED);
    const folder = join(dir, 'jtai-inspection.progress');
    // overnight is counted 34 h after cases: cases on 31 Dec 2040 puts it in 2041, whose bank holidays are not known.
    const refused = await jtai('move', 'cases', '--to', '2040-12-31T16:00', '--why', WHY);
    expect([refused.code, refused.stderr.split('\n')[0]]).toEqual([
      2,
      expect.stringMatching(/^jtai: --to "2040-12-31T16:00" cannot be planned: /),
    ]);
    expect(readdirSync(dir)).not.toContain('jtai-inspection.progress');
    const event = {
      id: '20190320T090000000Z-hand-1-aaaaaaaa',
      type: 'move' as const,
      item: 'cases',
      at: '2019-03-20T09:00:00+00:00',
      to: '2040-12-31T16:00:00+00:00',
      recorded: '2019-03-20T09:00:00.000Z',
      note: WHY,
    };
    (await import('node:fs')).mkdirSync(folder);
    writeFileSync(join(folder, `${event.id}.json`), eventText(event));
    const status = await jtai('status', '--now', '2019-03-20T12:00');
    expect(status.code).toBe(0);
    expect(status.stderr).toContain(
      `jtai: warning: the move of "cases" to 2040-12-31 16:00 (${folder}/${event.id}.json) cannot be planned, so it is skipped; "jtai move cases --back" takes it back.`,
    );
    expect(await item('cases')).toMatchObject({ due: '2019-03-20T15:00:00+00:00', moved: null });
    const back = await jtai('move', 'cases', '--back');
    expect([back.code, back.stderr]).toEqual([
      0,
      "jtai: moved cases back to the rule set's time, Wed 20 Mar 2019 15:00 (it was Mon 31 Dec 2040 16:00).\n",
    ]);
    expect((await jtai('status', '--now', '2019-03-20T12:00')).stderr).not.toContain('cannot be planned');
  });

  test('a move back counts whichever computer’s clock ran fast: it names the move it takes back', async () => {
    const { dir, jtai, item } = await started();
    const folder = join(dir, 'jtai-inspection.progress');
    const fast = {
      id: '20990101T000000000Z-fast-1-bbbbbbbb',
      type: 'move' as const,
      item: 'multi-agency-meetings',
      at: '2019-03-20T09:00:00+00:00',
      to: '2019-03-22T10:00:00+00:00',
      recorded: '2099-01-01T00:00:00.000Z',
      note: WHY,
    };
    (await import('node:fs')).mkdirSync(folder);
    writeFileSync(join(folder, `${fast.id}.json`), eventText(fast)); // recorded "in 2099" by a clock far ahead
    expect(await item('multi-agency-meetings')).toMatchObject({ due: '2019-03-22T10:00:00+00:00' });
    await jtai('move', 'multi-agency-meetings', '--back');
    expect(await item('multi-agency-meetings')).toMatchObject({ due: '2019-03-21T17:00:00+00:00', moved: null });
  });

  test('an undo takes back records of its own item only, whatever ids it names', async () => {
    const { dir, jtai, item } = await started();
    await jtai('done', 'children-list', '--at', '2019-03-19T16:40', '-q');
    const folder = join(dir, 'jtai-inspection.progress');
    const [done] = readdirSync(folder);
    const undo = {
      id: '20190320T100000000Z-hand-1-cccccccc',
      type: 'undo' as const,
      item: 'yot-cases',
      at: '2019-03-20T10:00:00+00:00',
      recorded: '2019-03-20T10:00:00.000Z',
      undoes: [done!.replace(/\.json$/, '')],
    };
    writeFileSync(join(folder, `${undo.id}.json`), eventText(undo));
    expect(await item('children-list', '--now', '2019-03-20T12:00')).toMatchObject({ status: 'done' });
  });

  test('a move that puts a deadline after what depends on it says so at once, as the next plan does', async () => {
    const { jtai } = await started();
    // The gangs cases (due Wed 20 Mar 2019 15:00) come before the lead inspector's selection of
    // 20 children from the case lists that day at 17:30; moved to Fri 22 Mar 2019 10:00, after it.
    const warning =
      'jtai: warning: "Lead inspector selects 20 children and asks for more information on them" (Wed 20 Mar 2019) is due before "10 cases where sexual or criminal exploitation by gangs is a current and significant factor" (Fri 22 Mar 2019), which the rule set says comes first.\n';
    const run = await jtai('move', 'cse-gangs-cases', '--to', '22/03/2019 10:00', '--why', WHY);
    expect(run.stderr).toBe(
      `jtai: moved cse-gangs-cases to Fri 22 Mar 2019 10:00 (the rule set's time: Wed 20 Mar 2019 15:00).\n${warning}`,
    );
    expect((await jtai('plan')).stderr).toContain(warning);
    // Moved again, still after it: said again; a warning about other items, never.
    expect((await jtai('move', 'cse-gangs-cases', '--to', '22/03/2019 11:00', '--why', WHY)).stderr).toContain(warning);
    expect(
      (await jtai('move', 'multi-agency-meetings', '--to', '22/03/2019 10:00', '--why', WHY)).stderr,
    ).not.toContain('warning');
    // Moved back before it: nothing to say.
    expect((await jtai('move', 'cse-gangs-cases', '--to', '20/03/2019 14:00', '--why', WHY)).stderr).not.toContain(
      'warning',
    );
  });
});
