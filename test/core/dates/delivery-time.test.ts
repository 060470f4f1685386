import { describe, expect, test } from 'vitest';
import { readDeliveryTime, readInstant } from '../../../src/core/dates/date-input.js';
import { EUROPE_LONDON } from '../../../src/core/dates/london-zone.js';

// Issue 20: "--at" as people type it. Every expectation is worked out by hand from London's
// clock: GMT (+00:00) until 01:00 UTC on Sunday 31 March 2019, BST (+01:00) until 01:00 UTC on
// Sunday 27 October 2019.

const NOW = {
  'Wed 20 Mar 17:05 GMT': Date.UTC(2019, 2, 20, 17, 5),
  'Tue 2 Apr 18:05 BST': Date.UTC(2019, 3, 2, 17, 5),
  'Wed 3 Apr 00:30 BST': Date.UTC(2019, 3, 2, 23, 30), // still the 2nd in UTC
};
const WED_20_MAR_1705 = NOW['Wed 20 Mar 17:05 GMT'];
const TUE_2_APR_1805 = NOW['Tue 2 Apr 18:05 BST'];
const WED_3_APR_0030 = NOW['Wed 3 Apr 00:30 BST'];

/** readDeliveryTime as an ISO instant in UTC, with what it said back. */
function read(text: string, nowMs: number) {
  const notes: string[] = [];
  const ms = readDeliveryTime('--at', text, nowMs, EUROPE_LONDON, notes);
  return { at: new Date(ms).toISOString(), notes };
}

describe('readDeliveryTime: a time of day is today in London', () => {
  test.each([
    // [typed, now in London, instant (UTC), said back]
    ['16:40', 'Wed 20 Mar 17:05 GMT', '2019-03-20T16:40:00.000Z', 'Wed 20 Mar 2019 16:40'],
    ['4:40pm', 'Wed 20 Mar 17:05 GMT', '2019-03-20T16:40:00.000Z', 'Wed 20 Mar 2019 16:40'],
    ['9am', 'Wed 20 Mar 17:05 GMT', '2019-03-20T09:00:00.000Z', 'Wed 20 Mar 2019 09:00'],
    ['today 9am', 'Wed 20 Mar 17:05 GMT', '2019-03-20T09:00:00.000Z', 'Wed 20 Mar 2019 09:00'],
    ['today 16:40', 'Wed 20 Mar 17:05 GMT', '2019-03-20T16:40:00.000Z', 'Wed 20 Mar 2019 16:40'],
    ['yesterday 16:40', 'Wed 20 Mar 17:05 GMT', '2019-03-19T16:40:00.000Z', 'Tue 19 Mar 2019 16:40'],
    ['Yesterday at 4.40pm', 'Wed 20 Mar 17:05 GMT', '2019-03-19T16:40:00.000Z', 'Tue 19 Mar 2019 16:40'],
    // In summer time 16:40 in London is 15:40 UTC.
    ['16:40', 'Tue 2 Apr 18:05 BST', '2019-04-02T15:40:00.000Z', 'Tue 2 Apr 2019 16:40'],
    ['yesterday 16:40', 'Tue 2 Apr 18:05 BST', '2019-04-01T15:40:00.000Z', 'Mon 1 Apr 2019 16:40'],
    // Just after midnight in London, "today" is London's 3 April, though it is still 2 April in UTC.
    ['00:10', 'Wed 3 Apr 00:30 BST', '2019-04-02T23:10:00.000Z', 'Wed 3 Apr 2019 00:10'],
    ['yesterday 16:40', 'Wed 3 Apr 00:30 BST', '2019-04-02T15:40:00.000Z', 'Tue 2 Apr 2019 16:40'],
  ] as const)('%s, on %s, is %s, said back as %s', (typed, now, instant, shown) => {
    expect(read(typed, NOW[now])).toEqual({ at: instant, notes: [`read --at "${typed}" as ${shown}.`] });
  });

  test('a date with its time is read as before, and not said back (the "recorded" message shows it)', () => {
    expect(read('20/03/2019 14:52', WED_20_MAR_1705)).toEqual({ at: '2019-03-20T14:52:00.000Z', notes: [] });
    expect(read('2019-04-02T14:52', TUE_2_APR_1805)).toEqual({ at: '2019-04-02T13:52:00.000Z', notes: [] });
    expect(read('2019-04-02T14:52+00:00', TUE_2_APR_1805)).toEqual({ at: '2019-04-02T14:52:00.000Z', notes: [] });
    expect(read('now', WED_20_MAR_1705)).toEqual({ at: '2019-03-20T17:05:00.000Z', notes: [] });
  });

  test('the repeated hour of the autumn change is read as the first, and said', () => {
    const sun27Oct = Date.UTC(2019, 9, 27, 12); // Sunday 27 October 2019, 12:00 GMT
    expect(read('01:30', sun27Oct)).toEqual({
      at: '2019-10-27T00:30:00.000Z',
      notes: [
        '--at "01:30": 01:30 happens twice on Sunday 27 October 2019, when the clocks go back; read as the first (+01:00). For the second, give 2019-10-27T01:30+00:00.',
        'read --at "01:30" as Sun 27 Oct 2019 01:30.',
      ],
    });
  });
});

describe('readDeliveryTime refuses what it would have to guess', () => {
  test.each(['2019-03-20', '20/03/2019', 'yesterday', 'today', 'Wed 20 March 2019'])(
    'a day without a time, %s, is refused with an example using that day',
    (typed) => {
      expect(() => read(typed, WED_20_MAR_1705)).toThrow(
        `--at "${typed}" gives the day but not the time; add the time it was done, for example --at "${typed} 14:10".`,
      );
    },
  );

  test('what is not a time says which forms are', () => {
    expect(() => read('teatime', WED_20_MAR_1705)).toThrow(
      '--at "teatime" is not a date and time jtai can read; give the time it was done as 16:40 (today), yesterday 16:40, 20/03/2019 16:40 or 2019-03-20T16:40 (London time).',
    );
    expect(() => read('25:00', WED_20_MAR_1705)).toThrow(
      '--at "25:00": "25:00" is not a time; give a 24-hour time like 14:10.',
    );
    expect(() => read('yesterday 13pm', WED_20_MAR_1705)).toThrow(
      '--at "yesterday 13pm": 13pm is not a time; give a 24-hour time like 14:10.',
    );
  });
});

describe('readInstant (--now) keeps its forms, and takes the new ones', () => {
  const now = (text: string, nowMs = WED_20_MAR_1705) =>
    new Date(readInstant('--now', text, nowMs, EUROPE_LONDON)).toISOString();

  test('a date alone is still its midnight, and "today" still this moment', () => {
    expect(now('2019-03-20')).toBe('2019-03-20T00:00:00.000Z');
    expect(now('20/03/2019')).toBe('2019-03-20T00:00:00.000Z');
    expect(now('today')).toBe('2019-03-20T17:05:00.000Z');
    expect(now('2019-04-02', TUE_2_APR_1805)).toBe('2019-04-01T23:00:00.000Z'); // midnight BST
  });

  test('a time of day is today, and "yesterday" takes a time, in London', () => {
    expect(now('16:40')).toBe('2019-03-20T16:40:00.000Z');
    expect(now('yesterday 16:40')).toBe('2019-03-19T16:40:00.000Z');
    expect(now('16:40', TUE_2_APR_1805)).toBe('2019-04-02T15:40:00.000Z');
    expect(now('00:10', WED_3_APR_0030)).toBe('2019-04-02T23:10:00.000Z');
  });

  test('what it cannot read is refused in the words it used before', () => {
    expect(() => now('teatime')).toThrow(
      '--now "teatime" is not a date and time jtai can read; give it as 2019-03-20T14:10 (London time), 20/03/2019 14:10, or with an offset, 2019-03-20T14:10+00:00.',
    );
  });
});
