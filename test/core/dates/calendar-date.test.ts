import { expect, test } from 'vitest';
import {
  addDays,
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
