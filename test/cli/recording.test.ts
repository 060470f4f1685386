import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { partWords } from '../../src/cli/commands/progress.js';
import { loadRuleSet } from '../../src/io/load-rule-set.js';
import { runCli, said } from '../helpers.js';

// Issue 20: recording progress as people type it. jtai done reads the clock (Date.now()), so
// each test sets it: only Date is faked, timers and the disk are real. Every time below is worked
// out by hand from London's clock (GMT until Sunday 31 March 2019, then BST, +01:00).

const env = { JTAI_CACHE: '0' }; // the user's cache folder stays out of it

afterEach(() => {
  vi.useRealTimers();
});

/** Sets the clock to an instant (ISO, UTC). */
function clockAt(iso: string): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}

async function started(notified = '2019-03-19') {
  const dir = mkdtempSync(join(tmpdir(), 'jtai-recording-'));
  const file = join(dir, 'jtai-inspection.yaml');
  expect((await runCli(['start', '--notified', notified, '--out', file], env)).code).toBe(0);
  const folder = join(dir, 'jtai-inspection.progress');
  // Each command a millisecond after the last, as on a real clock: records fold in the order made.
  const jtai = (...args: string[]) => {
    if (vi.isFakeTimers()) vi.setSystemTime(Date.now() + 1);
    return runCli([...args, '--inspection', file], env);
  };
  const events = () => (existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.json')) : []);
  const log = async () =>
    JSON.parse((await jtai('log', '-f', 'json')).stdout).events as Array<{
      type: string;
      item: string;
      agency: string | null;
      at: string;
      by: string | null;
    }>;
  return { file, folder, jtai, events, log };
}

describe('--at as people mean it', () => {
  test('"16:40" is today at 16:40 in London, said back; the record holds it with its offset', async () => {
    const { jtai, log } = await started();
    clockAt('2019-03-20T17:05:00Z'); // Wednesday 20 March 2019, 17:05 GMT
    const run = await jtai('done', 'children-list', '--at', '16:40', '--by', 'Sam');
    expect([run.code, run.stderr]).toEqual([
      0,
      'jtai: read --at "16:40" as Wed 20 Mar 2019 16:40.\njtai: recorded children-list as done at 2019-03-20 16:40 by Sam.\n',
    ]);
    expect((await log()).map((e) => e.at)).toEqual(['2019-03-20T16:40:00+00:00']);
  });

  test('in summer time "16:40" is 15:40 UTC', async () => {
    const { jtai, log } = await started('2019-04-01');
    clockAt('2019-04-02T17:05:00Z'); // Tuesday 2 April 2019, 18:05 BST
    expect((await jtai('done', 'children-list', '--at', '16:40', '--by', 'Sam')).stderr).toBe(
      'jtai: read --at "16:40" as Tue 2 Apr 2019 16:40.\njtai: recorded children-list as done at 2019-04-02 16:40 by Sam.\n',
    );
    const [event] = await log();
    expect(event!.at).toBe('2019-04-02T16:40:00+01:00');
    expect(Date.parse(event!.at)).toBe(Date.UTC(2019, 3, 2, 15, 40));
  });

  test('"yesterday 16:40" and "today 9am", each said back', async () => {
    const { jtai, log } = await started();
    clockAt('2019-03-20T17:05:00Z');
    const yesterday = await jtai('done', 'children-list', '--at', 'yesterday 16:40', '--by', 'Sam');
    expect(yesterday.stderr).toBe(
      'jtai: read --at "yesterday 16:40" as Tue 19 Mar 2019 16:40.\njtai: recorded children-list as done at 2019-03-19 16:40 by Sam.\n',
    );
    const today = await jtai('done', 'child-level-data', '--at', 'today 9am', '--by', 'Sam');
    expect(today.stderr).toBe(
      'jtai: read --at "today 9am" as Wed 20 Mar 2019 09:00.\njtai: recorded child-level-data as done at 2019-03-20 09:00 by Sam.\n',
    );
    expect((await log()).map((e) => [e.item, e.at])).toEqual([
      ['children-list', '2019-03-19T16:40:00+00:00'],
      ['child-level-data', '2019-03-20T09:00:00+00:00'],
    ]);
  });

  test.each(['2019-03-20', '20/03/2019', 'yesterday'])(
    'a day without a time, %s, is refused, with the day typed in the example, and nothing is recorded',
    async (typed) => {
      const { jtai, folder } = await started();
      clockAt('2019-03-20T17:05:00Z');
      const run = await jtai('done', 'children-list', '--at', typed);
      expect([run.code, said(run.stderr)]).toEqual([
        2,
        `jtai: --at "${typed}" gives the day but not the time; add the time it was done, for example --at "${typed} 14:10".\n`,
      ]);
      expect(existsSync(folder)).toBe(false);
    },
  );

  test('a time later today is in the future: refused unless --force, said back first', async () => {
    const { jtai, events } = await started();
    clockAt('2019-03-20T17:05:00Z');
    const run = await jtai('done', 'children-list', '--at', '18:00');
    expect([run.code, said(run.stderr)]).toEqual([
      2,
      'jtai: read --at "18:00" as Wed 20 Mar 2019 18:00.\njtai: --at "18:00" is in the future; give the time it was done (or --force to record it all the same).\n',
    ]);
    expect(events()).toEqual([]);
    expect((await jtai('done', 'children-list', '--at', '18:00', '--force', '-q')).code).toBe(0);
    expect(events()).toHaveLength(1);
  });
});

describe('what is already done is said, not recorded again', () => {
  test('the whole item: when (London time) and by whom, exit 0, no new event file; --force records a second delivery', async () => {
    const { jtai, events, log } = await started('2019-04-01');
    clockAt('2019-04-02T14:00:00Z'); // Tuesday 2 April 2019, 15:00 BST
    await jtai('done', 'children-list', '--at', '2019-04-02T13:52:00Z', '--by', 'Kim', '-q'); // 14:52 BST
    expect(events()).toHaveLength(1);
    clockAt('2019-04-02T15:00:00Z');
    const again = await jtai('done', 'children-list', '--by', 'Sam');
    expect([again.code, again.stderr]).toEqual([
      0,
      'jtai: children-list is already done (Tue 2 Apr 2019 14:52 by Kim); nothing new was recorded. To record a second delivery, add --force.\n',
    ]);
    const at = await jtai('done', 'children-list', '--at', '2019-04-02 15:30', '--by', 'Sam');
    expect([at.code, at.stderr]).toEqual([
      0,
      'jtai: children-list is already done (Tue 2 Apr 2019 14:52 by Kim); nothing new was recorded. To change when it was done, take it back first (jtai undo children-list); to record a second delivery, add --force.\n',
    ]);
    expect(events()).toHaveLength(1);
    const forced = await jtai(
      'done',
      'children-list',
      '--by',
      'Sam',
      '--note',
      'sent again with the missing file',
      '--force',
    );
    expect([forced.code, forced.stderr]).toEqual([
      0,
      'jtai: recorded children-list as done at 2019-04-02 16:00 by Sam.\n' +
        'jtai: children-list is already done (Tue 2 Apr 2019 14:52 by Kim); --force records it again, as a second delivery.\n',
    ]);
    expect((await log()).map((e) => [e.by, e.at])).toEqual([
      ['Kim', '2019-04-02T14:52:00+01:00'],
      ['Sam', '2019-04-02T16:00:00+01:00'],
    ]);
  });

  test('with several ids the new ones are recorded and the done ones said', async () => {
    const { jtai, events, log } = await started();
    clockAt('2019-03-20T15:00:00Z');
    await jtai('done', 'children-list', '--at', '14:52', '--by', 'Kim', '-q');
    clockAt('2019-03-20T16:00:00Z');
    const run = await jtai('done', 'children-list', 'child-level-data', '--by', 'Sam');
    expect([run.code, run.stderr]).toEqual([
      0,
      'jtai: recorded child-level-data as done at 2019-03-20 16:00 by Sam.\n' +
        'jtai: children-list is already done (Wed 20 Mar 2019 14:52 by Kim); nothing new was recorded. To record a second delivery, add --force.\n',
    ]);
    expect(events()).toHaveLength(2);
    expect((await log()).map((e) => [e.item, e.by])).toEqual([
      ['children-list', 'Kim'],
      ['child-level-data', 'Sam'],
    ]);
  });

  test("an agency's part already done, named as the rule set names it with what was typed", async () => {
    const { jtai, events } = await started();
    clockAt('2019-03-20T15:00:00Z');
    const first = await jtai('done', 'cse-gangs-cases', '--agency', 'icb', '--at', '14:05', '--by', 'Dr Rao');
    expect(first.stderr).toBe(
      'jtai: read --at "14:05" as Wed 20 Mar 2019 14:05.\n' +
        'jtai: recorded Health\'s part (you typed "icb") of cse-gangs-cases as done at 2019-03-20 14:05 by Dr Rao.\n',
    );
    const again = await jtai('done', 'cse-gangs-cases', '--agency', 'nhs', '--agency', 'police', '--by', 'DI Smith');
    expect([again.code, again.stderr]).toEqual([
      0,
      "jtai: recorded Police's part of cse-gangs-cases as done at 2019-03-20 15:00 by DI Smith.\n" +
        'jtai: Health\'s part (you typed "nhs") of cse-gangs-cases is already done (Wed 20 Mar 2019 14:05 by Dr Rao); nothing new was recorded. To record a second delivery, add --force.\n',
    ]);
    expect(events()).toHaveLength(2);
  });

  test('the whole item already done, then a part given: the whole item is said to be done', async () => {
    const { jtai, events } = await started();
    clockAt('2019-03-20T15:00:00Z');
    await jtai('done', 'cse-gangs-cases', '--at', '14:52', '--by', 'Kim', '-q');
    const run = await jtai('done', 'cse-gangs-cases', '--agency', 'police', '--agency', 'schools');
    expect([run.code, run.stderr]).toEqual([
      0,
      "jtai: cse-gangs-cases is already done as a whole (Wed 20 Mar 2019 14:52 by Kim), Police's and Schools' parts with it; nothing new was recorded. To record a second delivery, add --force.\n",
    ]);
    expect(events()).toHaveLength(1);
  });

  test("a member's part counts as done when its group's part is recorded", async () => {
    const { jtai, events } = await started();
    clockAt('2019-03-20T15:00:00Z');
    await jtai('done', 'cse-gangs-cases', '--agency', 'partners', '--at', '14:52', '--by', 'Kim', '-q');
    const run = await jtai('done', 'cse-gangs-cases', '--agency', 'police');
    expect(run.stderr).toBe(
      "jtai: Police's part of cse-gangs-cases is already done, with Partner agencies' part (Wed 20 Mar 2019 14:52 by Kim); nothing new was recorded. To record a second delivery, add --force.\n",
    );
    expect(events()).toHaveLength(1);
  });
});

describe('--agency repeated, and undo of one part', () => {
  test('two --agency values record two parts, and the message names both', async () => {
    const { jtai, log } = await started();
    clockAt('2019-03-20T15:00:00Z');
    const run = await jtai(
      'done',
      'positive-intervention-cases',
      '--agency',
      'police',
      '--agency',
      'nhs',
      '--at',
      '14:00',
      '--by',
      'Kim',
    );
    expect(run.stderr).toBe(
      'jtai: read --at "14:00" as Wed 20 Mar 2019 14:00.\n' +
        'jtai: recorded Police\'s and Health\'s parts (you typed "nhs" for Health) of positive-intervention-cases as done at 2019-03-20 14:00 by Kim.\n',
    );
    expect((await log()).map((e) => [e.item, e.agency, e.at])).toEqual([
      ['positive-intervention-cases', 'police', '2019-03-20T14:00:00+00:00'],
      ['positive-intervention-cases', 'health', '2019-03-20T14:00:00+00:00'],
    ]);
  });

  test('what was typed is not said back when it is the name or the id, whatever the case', async () => {
    const { jtai } = await started();
    clockAt('2019-03-20T15:00:00Z');
    const run = await jtai('done', 'cse-gangs-cases', '-a', 'POLICE', '-a', 'YOT', '-a', 'local Authority', '-q');
    expect(run.code).toBe(0);
    expect((await jtai('undo', 'cse-gangs-cases', '-a', 'Police', '-a', 'yot')).stderr).toBe(
      "jtai: took back Police's and Youth Offending Team (YOT)'s parts of cse-gangs-cases only; Local authority's part still stands.\n",
    );
  });

  test('partWords: a leading "the" or an apostrophe is not another name; several typed names each say theirs', async () => {
    const ruleSet = await loadRuleSet('jtai-2018');
    expect(partWords(ruleSet, [{ agency: 'police', typed: 'the police' }])).toBe("Police's part");
    expect(partWords(ruleSet, [{ agency: 'dcs', typed: 'Director of Childrens Services (DCS)' }])).toBe(
      "Director of Children's Services (DCS)'s part",
    );
    expect(
      partWords(ruleSet, [
        { agency: 'health', typed: 'icb' },
        { agency: 'nps', typed: 'probation' },
        { agency: 'crc', typed: 'probation' },
        { agency: 'schools', typed: 'schools' },
      ]),
    ).toBe(
      'Health\'s, National Probation Service (NPS)\'s, Community Rehabilitation Company (CRC)\'s and Schools\' parts (you typed "icb" for Health, "probation" for National Probation Service (NPS) and Community Rehabilitation Company (CRC))',
    );
  });

  test("undo --agency nps takes back the NPS's part only; the CRC's part stands", async () => {
    const { jtai, log } = await started();
    clockAt('2019-03-20T15:00:00Z');
    await jtai('done', 'probation-cases', '--agency', 'nps', '--agency', 'crc', '--at', '14:00', '-q'); // both services
    expect((await log()).map((e) => e.agency)).toEqual(['nps', 'crc']);
    const undo = await jtai('undo', 'probation-cases', '--agency', 'nps');
    expect([undo.code, undo.stderr]).toEqual([
      0,
      "jtai: took back National Probation Service (NPS)'s part of probation-cases only; Community Rehabilitation Company (CRC)'s part still stands.\n",
    ]);
    const item = JSON.parse((await jtai('plan', '-f', 'json', '--now', '2019-03-20T14:30')).stdout).items.find(
      (i: { id: string }) => i.id === 'probation-cases',
    );
    const owing = item.owing.map((p: { id: string }) => p.id);
    expect([owing.includes('nps'), owing.includes('crc'), item.status]).toEqual([true, false, 'due-today']); // due at 15:00 that day
    const last = await jtai('undo', 'probation-cases', '--agency', 'community rehabilitation company');
    expect(last.stderr).toBe(
      'jtai: took back Community Rehabilitation Company (CRC)\'s part (you typed "community rehabilitation company") of probation-cases; it has no other part recorded.\n',
    );
    expect((await jtai('undo', 'probation-cases', '--agency', 'nps')).stderr).toBe(
      "jtai: National Probation Service (NPS)'s part of probation-cases is not recorded as done; nothing to take back.\n",
    );
  });

  test('an undone item can be recorded done again', async () => {
    const { jtai, events } = await started();
    clockAt('2019-03-20T15:00:00Z');
    await jtai('done', 'children-list', '--at', '14:00', '-q');
    await jtai('undo', 'children-list', '-q');
    const run = await jtai('done', 'children-list', '--at', '14:30', '--by', 'Sam');
    expect(run.stderr).toBe(
      'jtai: read --at "14:30" as Wed 20 Mar 2019 14:30.\njtai: recorded children-list as done at 2019-03-20 14:30 by Sam.\n',
    );
    expect(events()).toHaveLength(3);
  });
});
