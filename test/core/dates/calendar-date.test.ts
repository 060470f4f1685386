import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  addDays,
  isoUtc,
  formatLongDate,
  formatShortDate,
  isIsoDate,
  mondayOf,
  weekdayOf,
  weekdayOfWeek,
} from '../../../src/core/dates/calendar-date.js';

test.each([
  ['2019-03-19', true],
  ['2020-02-29', true], // leap year
  ['2019-02-29', false],
  ['2019-02-30', false],
  ['2019-13-01', false],
  ['2019-3-19', false],
  ['19/03/2019', false],
  ['', false],
])('isIsoDate(%j) is %s', (text, expected) => {
  expect(isIsoDate(text)).toBe(expected);
});

test('date arithmetic across month, year and clock-change boundaries', () => {
  expect(addDays('2019-03-29', 3)).toBe('2019-04-01');
  expect(addDays('2019-12-31', 1)).toBe('2020-01-01');
  expect(addDays('2019-03-31', 1)).toBe('2019-04-01'); // BST starts: still one calendar day
  expect(addDays('2019-10-27', -1)).toBe('2019-10-26'); // GMT returns
  expect(weekdayOf('2019-03-19')).toBe('tuesday');
  expect(weekdayOf('2019-03-24')).toBe('sunday');
  expect(mondayOf('2019-03-24')).toBe('2019-03-18');
  expect(mondayOf('2019-03-18')).toBe('2019-03-18');
  expect(weekdayOfWeek('2019-03-19', 2, 'friday')).toBe('2019-03-29'); // Friday of week two
  expect(weekdayOfWeek('2019-03-24', 1, 'tuesday')).toBe('2019-03-19'); // a Sunday is still in week 1
  expect(formatLongDate('2019-03-19')).toBe('Tuesday 19 March 2019');
  expect(formatShortDate('2019-04-02')).toBe('Tue 2 Apr 2019');
});

describe('isoUtc', () => {
  test("writes an instant as Date's toISOString does, without asking the machine's zone", () => {
    expect(isoUtc(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(isoUtc(Date.UTC(2019, 2, 19, 16, 40, 5, 7))).toBe('2019-03-19T16:40:05.007Z');
    expect(isoUtc(Date.UTC(2019, 2, 31, 0, 59, 59, 999))).toBe('2019-03-31T00:59:59.999Z');
    expect(isoUtc(-1)).toBe('1969-12-31T23:59:59.999Z');
    expect(isoUtc(-62167219200000)).toBe('0000-01-01T00:00:00.000Z');
    expect(isoUtc(-62167219200001)).toBe('-000001-12-31T23:59:59.999Z');
    expect(isoUtc(8.64e15)).toBe('+275760-09-13T00:00:00.000Z');
    expect(() => isoUtc(NaN)).toThrow(RangeError);
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => {
        expect(isoUtc(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2050, 0, 1) }), (ms) => {
        expect(isoUtc(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 5000 },
    );
  });
});
