import { describe, expect, test } from 'vitest';
import { addWorkingDays, countWorkingDays, isWorkingDay, whyNotWorking } from '../../../src/core/dates/working-days.js';
import { calendar } from '../../helpers.js';

describe('isWorkingDay', () => {
  test.each([
    ['2019-03-19', true], // Tuesday
    ['2019-03-23', false], // Saturday
    ['2019-03-24', false], // Sunday
    ['2019-04-19', false], // Good Friday
    ['2019-04-22', false], // Easter Monday
    ['2019-12-25', false], // Christmas Day, Wednesday
    ['2020-05-08', false], // VE Day: the early May bank holiday moved to a Friday
    ['2020-05-04', true], // the Monday it usually falls on
    ['2020-12-28', false], // Boxing Day substitute, Monday
    ['2022-06-03', false], // Platinum Jubilee, one-off, Friday
    ['2022-09-19', false], // State funeral of Queen Elizabeth II, one-off, Monday
    ['2023-05-08', false], // Coronation of King Charles III, one-off, Monday
  ])('%s is a working day: %s', (date, expected) => {
    expect(isWorkingDay(date, calendar)).toBe(expected);
  });
});

describe('addWorkingDays', () => {
  test.each([
    ['2019-03-19', 1, '2019-03-20'], // Tue + 1 = Wed
    ['2019-03-22', 1, '2019-03-25'], // Fri + 1 = Mon
    ['2019-03-19', 5, '2019-03-26'], // Tue + 5 = next Tue
    ['2019-03-25', -1, '2019-03-22'], // Mon - 1 = Fri
    ['2019-04-18', 1, '2019-04-23'], // Thu before Easter + 1 = Tue after Easter Monday
    ['2019-12-24', 1, '2019-12-27'], // Tue Christmas Eve + 1 = Fri (Christmas, Boxing Day skipped)
    ['2022-09-16', 1, '2022-09-20'], // Fri + 1 = Tue (state funeral Monday skipped)
    ['2023-05-05', 1, '2023-05-09'], // Fri + 1 = Tue (coronation Monday skipped)
    ['2019-03-19', 0, '2019-03-19'],
  ])('%s %s working days is %s', (start, n, expected) => {
    expect(addWorkingDays(start, n, calendar)).toBe(expected);
  });

  test('lists the days it skips, with their names', () => {
    expect(countWorkingDays('2019-04-18', 1, calendar).skipped).toEqual([
      { date: '2019-04-19', reason: 'Good Friday (bank holiday)' },
      { date: '2019-04-20', reason: 'Saturday' },
      { date: '2019-04-21', reason: 'Sunday' },
      { date: '2019-04-22', reason: 'Easter Monday (bank holiday)' },
    ]);
  });

  test('skips local closure days', async () => {
    const { makeHolidayCalendar } = await import('../../../src/core/dates/bank-holidays.js');
    const local = makeHolidayCalendar([{ date: '2019-03-20', name: 'Staff training day' }]);
    expect(addWorkingDays('2019-03-19', 1, local)).toBe('2019-03-21');
    expect(whyNotWorking('2019-03-20', local)).toBe('Staff training day (local closure)');
  });

  test('refuses years whose bank holidays it does not know', () => {
    expect(() => addWorkingDays('2040-12-28', 5, calendar)).toThrowErrorMatchingInlineSnapshot(
      `[UnknownYearError: 2041 is outside the years whose bank holidays jtai knows (2016 to 2040), so its working days cannot be counted.]`,
    );
    expect(() => isWorkingDay('2015-06-01', calendar)).toThrow(/outside the years/);
  });
});
