import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FIRST_YEAR, LAST_YEAR } from '../../../src/core/dates/bank-holidays-data.js';
import { EUROPE_LONDON } from '../../../src/core/dates/london-zone.js';
import { computeZoneRules } from '../../../src/core/dates/zone-rules-luxon.js';
import { luxonInstant } from '../../luxon-oracle.js';
import { offsetAt, zonedInstant } from '../../../src/core/dates/zone-rules.js';

const dateArb = fc
  .date({ min: new Date(Date.UTC(FIRST_YEAR, 0, 1)), max: new Date(Date.UTC(LAST_YEAR, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const timeArb = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

// The hour that is skipped or repeated on a change day: luxon's reading of a repeated time
// depends on the date it runs on, so those are tested by hand below instead.
function nearChange(rules: typeof EUROPE_LONDON, date: string, time: string): boolean {
  const approx = Date.parse(`${date}T${time}:00Z`) - offsetAt(rules, Date.parse(`${date}T${time}:00Z`)) * 60_000;
  return rules.transitions.some(([at]) => Math.abs(at - approx) < 2 * 3_600_000);
}

describe('Europe/London offsets', () => {
  test('the committed table is what the IANA data gives now (run `npm run generate:zone` if not)', () => {
    expect(EUROPE_LONDON).toEqual(computeZoneRules('Europe/London', FIRST_YEAR, LAST_YEAR));
  });

  test('the offset changes at the very millisecond of each change in the table, and not before', () => {
    const { initialOffset, transitions } = EUROPE_LONDON;
    expect(transitions.length).toBe(50); // two a year, 2016 to 2040
    expect(offsetAt(EUROPE_LONDON, transitions[0]![0] - 1)).toBe(initialOffset);
    transitions.forEach(([at, offset], i) => {
      expect(offsetAt(EUROPE_LONDON, at - 1)).toBe(i === 0 ? initialOffset : transitions[i - 1]![1]);
      expect(offsetAt(EUROPE_LONDON, at)).toBe(offset);
      expect(offsetAt(EUROPE_LONDON, at + 1)).toBe(offset);
    });
    // 2019: GMT until 01:00 UTC on 31 March, BST until 01:00 UTC on 27 October (worked by hand).
    expect(offsetAt(EUROPE_LONDON, Date.UTC(2019, 2, 31, 0, 59, 59, 999))).toBe(0);
    expect(offsetAt(EUROPE_LONDON, Date.UTC(2019, 2, 31, 1))).toBe(60);
    expect(offsetAt(EUROPE_LONDON, Date.UTC(2019, 9, 27, 0, 59, 59, 999))).toBe(60);
    expect(offsetAt(EUROPE_LONDON, Date.UTC(2019, 9, 27, 1))).toBe(0);
    expect(offsetAt({ ...EUROPE_LONDON, transitions: [] }, Date.UTC(2019, 6, 1))).toBe(initialOffset);
  });

  test('hand-worked instants either side of the 2019 changes (31 March, 27 October)', () => {
    expect(zonedInstant(EUROPE_LONDON, '2019-03-29', '17:00')).toBe('2019-03-29T17:00:00+00:00');
    expect(zonedInstant(EUROPE_LONDON, '2019-04-01', '17:00')).toBe('2019-04-01T17:00:00+01:00');
    expect(zonedInstant(EUROPE_LONDON, '2019-10-25', '12:00')).toBe('2019-10-25T12:00:00+01:00');
    expect(zonedInstant(EUROPE_LONDON, '2019-10-28', '12:00')).toBe('2019-10-28T12:00:00+00:00');
    expect(offsetAt(EUROPE_LONDON, Date.UTC(2019, 2, 31, 0, 59))).toBe(0);
    expect(offsetAt(EUROPE_LONDON, Date.UTC(2019, 2, 31, 1, 0))).toBe(60);
  });

  test('a time the clocks skip is refused; a repeated one is its first occurrence', () => {
    expect(() => zonedInstant(EUROPE_LONDON, '2019-03-31', '01:30')).toThrow(
      '2019-03-31 01:30 does not exist in Europe/London: the clocks go forward then; choose another time.',
    );
    expect(zonedInstant(EUROPE_LONDON, '2019-10-27', '01:30')).toBe('2019-10-27T01:30:00+01:00');
    expect(zonedInstant(EUROPE_LONDON, '2019-10-27', '02:00')).toBe('2019-10-27T02:00:00+00:00');
  });

  test('an offset given picks which of a repeated time, and is passed over where the time has only one', () => {
    expect(zonedInstant(EUROPE_LONDON, '2019-10-27', '01:30', 0)).toBe('2019-10-27T01:30:00+00:00');
    expect(zonedInstant(EUROPE_LONDON, '2019-10-27', '01:30', 60)).toBe('2019-10-27T01:30:00+01:00');
    expect(zonedInstant(EUROPE_LONDON, '2019-10-25', '12:00', 0)).toBe('2019-10-25T12:00:00+01:00');
    expect(() => zonedInstant(EUROPE_LONDON, '2019-03-31', '01:30', 0)).toThrow('does not exist');
  });

  test('agrees with luxon for any date and time from 2016 to 2040', () => {
    fc.assert(
      fc.property(dateArb, timeArb, (date, time) => {
        fc.pre(!nearChange(EUROPE_LONDON, date, time));
        expect(zonedInstant(EUROPE_LONDON, date, time)).toBe(luxonInstant('Europe/London', date, time));
      }),
      { numRuns: 2000 },
    );
  });
});

test('other zones, read through luxon, agree with luxon too', () => {
  for (const name of ['America/Los_Angeles', 'Australia/Lord_Howe', 'Asia/Kolkata']) {
    const rules = computeZoneRules(name, 2019, 2021);
    fc.assert(
      fc.property(
        fc
          .date({ min: new Date(Date.UTC(2019, 0, 1)), max: new Date(Date.UTC(2021, 11, 31)), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
        timeArb,
        (date, time) => {
          fc.pre(!nearChange(rules, date, time));
          expect(zonedInstant(rules, date, time)).toBe(luxonInstant(name, date, time));
        },
      ),
      { numRuns: 300 },
    );
  }
});
