import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isoUtc } from '../../../src/core/dates/calendar-date.js';
import { EUROPE_LONDON } from '../../../src/core/dates/london-zone.js';
import { formatOffset, offsetAt } from '../../../src/core/dates/zone-rules.js';
import { computePlan } from '../../../src/core/plan/plan.js';
import { loadRuleSet } from '../../../src/io/load-rule-set.js';
import { calendar } from '../../helpers.js';

const jtai2018 = await loadRuleSet('jtai-2018');
const planOf = (notified: string) => computePlan(jtai2018, notified, calendar);
const byId = (notified: string) => new Map(planOf(notified).items.map((i) => [i.id, i]));

// The briefing's timetable for a notification on Tuesday 19 March 2019, worked out by hand:
// day 0 Tue 19, day 1 Wed 20, day 2 Thu 21, day 3 Fri 22, day 5 Tue 26, day 7 Thu 28 March;
// "Friday of week two" is Fri 29 March. GMT (+00:00) throughout: BST starts 31 March 2019.
describe('jtai-2018, notified Tuesday 2019-03-19', () => {
  const items = byId('2019-03-19');
  test.each([
    ['children-list', 'submission', 0, '2019-03-19', '17:00', '2019-03-19T17:00:00+00:00', ['dcs'], 'lead-inspector'],
    [
      'child-level-data',
      'submission',
      0,
      '2019-03-19',
      '17:00',
      '2019-03-19T17:00:00+00:00',
      ['local-authority'],
      'lead-inspector',
    ],
    [
      'cse-gangs-cases',
      'submission',
      1,
      '2019-03-20',
      '15:00',
      '2019-03-20T15:00:00+00:00',
      ['local-authority', 'partner-agencies'],
      'lead-inspector',
    ],
    [
      'positive-intervention-cases',
      'submission',
      1,
      '2019-03-20',
      '15:00',
      '2019-03-20T15:00:00+00:00',
      ['local-authority', 'partner-agencies'],
      'lead-inspector',
    ],
    [
      'yot-cases',
      'submission',
      1,
      '2019-03-20',
      '15:00',
      '2019-03-20T15:00:00+00:00',
      ['local-authority', 'yot'],
      'lead-inspector',
    ],
    [
      'probation-cases',
      'submission',
      1,
      '2019-03-20',
      '15:00',
      '2019-03-20T15:00:00+00:00',
      ['local-authority', 'nps', 'crc'],
      'lead-inspector',
    ],
    [
      'select-20-children',
      'inspector-action',
      1,
      '2019-03-20',
      '17:30',
      '2019-03-20T17:30:00+00:00',
      ['lead-inspector'],
      null,
    ],
    [
      'information-on-20-children',
      'submission',
      2,
      '2019-03-21',
      '16:00',
      '2019-03-21T16:00:00+00:00',
      ['local-agencies'],
      'lead-inspector',
    ],
    [
      'multi-agency-meetings',
      'submission',
      2,
      '2019-03-21',
      '17:00',
      '2019-03-21T17:00:00+00:00',
      ['local-authority'],
      'lead-inspector',
    ],
    [
      'select-children-to-track',
      'inspector-action',
      3,
      '2019-03-22',
      '12:00',
      '2019-03-22T12:00:00+00:00',
      ['lead-inspector'],
      null,
    ],
    [
      'key-case-file-documents',
      'submission',
      5,
      '2019-03-26',
      '17:00',
      '2019-03-26T17:00:00+00:00',
      ['local-agencies'],
      'cqc',
    ],
    [
      'agency-information',
      'submission',
      5,
      '2019-03-26',
      '17:00',
      '2019-03-26T17:00:00+00:00',
      ['local-agencies'],
      'inspectors',
    ],
    [
      'joint-evaluations',
      'submission',
      7,
      '2019-03-28',
      '17:00',
      '2019-03-28T17:00:00+00:00',
      ['local-agencies'],
      'inspectors',
    ],
    ['cqc-document-request', 'inspector-action', null, '2019-03-29', null, null, ['cqc'], 'local-agencies'],
  ])('%s: %s, day %s, %s %s', (id, kind, day, date, time, due, by, to) => {
    const item = items.get(id)!;
    expect(item).toBeDefined();
    expect([item.kind, item.day, item.date, item.time, item.due]).toEqual([kind, day, date, time, due]);
    expect(item.agencies.map((a) => a.id)).toEqual(by);
    expect(item.recipient?.id ?? null).toBe(to);
  });

  test('has exactly the fourteen items of the briefing, in date and time order', () => {
    expect(planOf('2019-03-19').items.map((i) => `${i.date} ${i.time ?? 'all-day'}`)).toEqual([
      ...Array(2).fill('2019-03-19 17:00'),
      ...Array(4).fill('2019-03-20 15:00'),
      '2019-03-20 17:30',
      '2019-03-21 16:00',
      '2019-03-21 17:00',
      '2019-03-22 12:00',
      ...Array(2).fill('2019-03-26 17:00'),
      '2019-03-28 17:00',
      '2019-03-29 all-day',
    ]);
  });

  test("keeps the briefing's numbers and lists in the details", () => {
    expect(items.get('yot-cases')!.details).toEqual(['10 cases where Youth Offending Teams are involved']);
    expect(items.get('multi-agency-meetings')!.details).toHaveLength(4);
    expect(items.get('agency-information')!.details).toEqual([
      'Organisational structures',
      'Internal practice audits',
      'Details of commissioned services and management information reports (amongst other elements)',
    ]);
  });

  test('notes where the briefing gives no clock time', () => {
    expect(items.get('children-list')!.timeNote).toMatch(/without a clock time; jtai takes 17:00/);
    expect(items.get('child-level-data')!.note).toMatch(/gives no deadline/);
    expect(items.get('cqc-document-request')!.note).toMatch(/gives no time/);
    expect(items.get('select-children-to-track')!.timeNote).toBeNull(); // "mid-day" is a clock time
  });

  test('warns that the CQC request comes after the deadline it feeds, and nothing else', () => {
    expect(planOf('2019-03-19').warnings).toEqual([
      {
        kind: 'order',
        path: ['items', 11, 'after', 1], // key-case-file-documents, after: [..., cqc-document-request]
        message:
          '"Key case-file documents for each child being evaluated" (Tue 26 Mar 2019) is due before "CQC requests documents about the children being tracked" (Fri 29 Mar 2019), which the rule set says comes first.',
      },
    ]);
  });

  test('lists no days off in a fortnight without bank holidays', () => {
    expect(planOf('2019-03-19').daysOff).toEqual([]);
  });
});

describe('clock changes keep wall-clock times', () => {
  test('notified 2019-03-26: day 5 is Tuesday 2 April, 17:00 BST', () => {
    const items = byId('2019-03-26');
    expect(items.get('children-list')!.due).toBe('2019-03-26T17:00:00+00:00');
    expect(items.get('key-case-file-documents')!.due).toBe('2019-04-02T17:00:00+01:00');
    expect(items.get('joint-evaluations')!.due).toBe('2019-04-04T17:00:00+01:00');
    expect(items.get('cqc-document-request')!.date).toBe('2019-04-05');
  });

  test('notified 2019-10-22: day 5 is Tuesday 29 October, 17:00 GMT', () => {
    const items = byId('2019-10-22');
    expect(items.get('children-list')!.due).toBe('2019-10-22T17:00:00+01:00');
    expect(items.get('select-children-to-track')!.due).toBe('2019-10-25T12:00:00+01:00');
    expect(items.get('key-case-file-documents')!.due).toBe('2019-10-29T17:00:00+00:00');
  });
});

describe('bank holidays move working days, and the plan says so', () => {
  test('Easter 2019: notified Tue 16 April, day 3 is Tue 23 April', () => {
    const plan = planOf('2019-04-16');
    const items = new Map(plan.items.map((i) => [i.id, i]));
    expect(items.get('select-children-to-track')!.date).toBe('2019-04-23');
    expect(items.get('key-case-file-documents')!.date).toBe('2019-04-25'); // day 5, Thursday
    expect(items.get('joint-evaluations')!.date).toBe('2019-04-29'); // day 7, Monday
    expect(items.get('cqc-document-request')!.date).toBe('2019-04-26'); // Friday of week 2
    expect(plan.daysOff).toEqual([
      { date: '2019-04-19', reason: 'Good Friday (bank holiday)' },
      { date: '2019-04-22', reason: 'Easter Monday (bank holiday)' },
    ]);
    expect(plan.warnings[0]!.message).toBe(
      '"Lead inspector selects five to eight cases for inspectors to track" (day 3) falls on Tue 23 Apr 2019, not on a Friday as the source says; Good Friday (bank holiday) on Fri 19 Apr 2019 and Easter Monday (bank holiday) on Mon 22 Apr 2019 are skipped.',
    );
  });

  test('Christmas 2018: notified Tue 18 December, day 5 is Thu 27 December', () => {
    const items = byId('2018-12-18');
    expect(items.get('select-children-to-track')!.date).toBe('2018-12-21'); // day 3, Friday
    expect(items.get('key-case-file-documents')!.date).toBe('2018-12-27'); // day 5
    expect(items.get('joint-evaluations')!.date).toBe('2018-12-31'); // day 7, Monday
  });

  test('the state funeral of 19 September 2022: notified Tue 13 September, day 5 is Wed 21', () => {
    const items = byId('2022-09-13');
    expect(items.get('key-case-file-documents')!.date).toBe('2022-09-21');
    expect(items.get('joint-evaluations')!.date).toBe('2022-09-23');
  });

  test('the week-two Friday item warns when that Friday is a bank holiday', () => {
    // Notified Tue 2019-04-09: week two's Friday is Good Friday, 19 April 2019.
    expect(planOf('2019-04-09').warnings.map((w) => w.message)).toContain(
      '"CQC requests documents about the children being tracked" (Friday of week 2) falls on Fri 19 Apr 2019, which is not a working day (Good Friday (bank holiday)).',
    );
  });
});

describe('notification dates', () => {
  test('a Monday notification gives a warning, not a shifted plan', () => {
    const plan = planOf('2019-03-18');
    expect(plan.warnings[0]!.message).toBe(
      'jtai-2018 expects notification on a Tuesday, but 2019-03-18 is a Monday; days are still counted in working days from 2019-03-18.',
    );
    expect(plan.items.find((i) => i.id === 'cse-gangs-cases')!.date).toBe('2019-03-19');
  });

  test('a weekend or bank holiday is refused', () => {
    expect(() => planOf('2019-03-23')).toThrow(
      'the notification date 2019-03-23 is not a working day (Saturday); JTAI notifications come on working days.',
    );
    expect(() => planOf('2019-04-22')).toThrow(/Easter Monday/);
  });
});

describe('a moved deadline is the instant the move gives', () => {
  const move = (to: string) => ({ 'yot-cases': { to, why: 'agreed', by: null, at: '2019-03-26T10:00:00+00:00' } });
  const dueOf = (to: string) =>
    computePlan(jtai2018, '2019-03-26', calendar, EUROPE_LONDON, move(to)).items.find((i) => i.id === 'yot-cases')!;

  test('either 01:30 of the Sunday the clocks go back, as its offset says (found by a tester: the second was taken as the first)', () => {
    expect(dueOf('2019-10-27T01:30:00+01:00').due).toBe('2019-10-27T01:30:00+01:00');
    expect(dueOf('2019-10-27T01:30:00+00:00').due).toBe('2019-10-27T01:30:00+00:00');
    const plan = computePlan(jtai2018, '2019-03-26', calendar, EUROPE_LONDON, move('2019-10-27T01:30:00+00:00'));
    expect(plan.warnings.map((w) => w.message)).toContain(
      '"10 cases where the Youth Offending Team is involved" (day 1) comes to 01:30 on Sun 27 Oct 2019, an hour that happens twice when the clocks go back; it is the second, as the move gives it (+00:00).',
    );
  });

  test('for any instant of the years jtai knows London for, on the minute', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2019, 2, 27) / 60_000, max: Date.UTC(2039, 11, 31) / 60_000 }),
        (minute) => {
          const ms = minute * 60_000;
          const offset = offsetAt(EUROPE_LONDON, ms);
          const to = `${isoUtc(ms + offset * 60_000).slice(0, 19)}${formatOffset(offset)}`;
          expect(Date.parse(dueOf(to).due!)).toBe(ms);
        },
      ),
      { numRuns: 300 },
    );
    // Every minute of both hours around the clocks going back and forward in 2019.
    for (const start of [Date.UTC(2019, 9, 26, 23, 0), Date.UTC(2019, 2, 31, 0, 0)])
      for (let ms = start; ms < start + 3 * 3_600_000; ms += 60_000) {
        const offset = offsetAt(EUROPE_LONDON, ms);
        const to = `${isoUtc(ms + offset * 60_000).slice(0, 19)}${formatOffset(offset)}`;
        expect(Date.parse(dueOf(to).due!)).toBe(ms);
      }
  });
});
