import { describe, expect, test } from 'vitest';
import { isWholeDate, partsOf, readDateParts } from '../../src/web/date-field.js';
import { statusTag } from '../../src/web/status-tags.js';

// The page's two small pure pieces, without a browser: where an item stands as a tag, and the
// Day / Month / Year boxes read with the GOV.UK Design System's error messages.

describe('statusTag', () => {
  test.each([
    [{ status: 'done', late: false }, true, 'done', 'Done'],
    [{ status: 'done', late: true }, true, 'late', 'Done late'],
    [{ status: 'overdue', late: false }, true, 'overdue', 'Overdue'],
    [{ status: 'overdue', late: false }, false, 'passed', 'Passed'], // no record: nobody knows it was not delivered
    [{ status: 'passed', late: false }, true, 'passed', 'Passed'],
    [{ status: 'due-today', late: false }, false, 'due-today', 'Due today'],
    [{ status: 'upcoming', late: false }, false, 'upcoming', 'Upcoming'],
  ] as const)('%j, recorded %s: %s "%s"', (progress, recorded, status, label) => {
    expect(statusTag(progress, recorded)).toMatchObject({ status, label });
    expect(statusTag(progress, recorded).className).toMatch(/^govuk-tag( govuk-tag--\w+)?$/);
  });
});

describe('readDateParts', () => {
  test.each([
    [['19', '3', '2019'], { kind: 'date', date: '2019-03-19' }], // a Tuesday
    [[' 16 ', '04', '2019'], { kind: 'date', date: '2019-04-16' }],
    [['29', '2', '2020'], { kind: 'date', date: '2020-02-29' }], // a leap year
    [['', '', ''], { kind: 'empty' }],
    [['30', '2', '2019'], { kind: 'error', message: 'Notification date must be a real date', parts: ['day', 'month'] }],
    [
      ['19', '13', '2019'],
      { kind: 'error', message: 'Notification date must be a real date', parts: ['day', 'month'] },
    ],
    [['19', 'March', '2019'], { kind: 'error', message: 'Notification date must be a real date', parts: ['month'] }],
    [['19', '3', '19'], { kind: 'error', message: 'Year must include 4 numbers', parts: ['year'] }],
    [['19', '', '2019'], { kind: 'error', message: 'Notification date must include a month', parts: ['month'] }],
    [
      ['', '', '2019'],
      { kind: 'error', message: 'Notification date must include a day and month', parts: ['day', 'month'] },
    ],
  ] as const)('%j is %j', ([day, month, year], reading) => {
    expect(readDateParts({ day, month, year })).toEqual(reading);
  });

  test('a whole date is a day, a month and four digits of year; partsOf fills the boxes', () => {
    expect(isWholeDate({ day: '19', month: '3', year: '201' })).toBe(false);
    expect(isWholeDate({ day: '31', month: '2', year: '2019' })).toBe(true);
    expect(partsOf('2019-03-09')).toEqual({ day: '9', month: '3', year: '2019' });
  });
});
