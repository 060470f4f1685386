import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { describe, expect, test } from 'vitest';
import { makeHolidayCalendar } from '../../../src/core/dates/bank-holidays.js';
import { explainItem } from '../../../src/core/plan/explain.js';
import { type RuleSetReader, analyseRuleSet, parseRuleSet } from '../../../src/core/rule-set/analyse.js';
import { computePlan } from '../../../src/core/plan/plan.js';
import { JtaiError } from '../../../src/errors.js';

// Internal deadlines chained to official ones (issue 13), each date and time worked out by hand
// from the built-in timetable. jtai-2018, notified Tuesday 19 March 2019: cse-gangs-cases is
// day 1, Wed 20 Mar 15:00; select-children-to-track day 3, Fri 22 Mar 12:00;
// key-case-file-documents day 5, Tue 26 Mar 17:00.

const BUILT_IN = readFileSync(new URL('../../../schedules/jtai-2018.yaml', import.meta.url), 'utf8');
const reader: RuleSetReader = {
  locate: (ref) => ref,
  read: (file) => {
    if (file !== 'jtai-2018') throw new JtaiError(`no file ${file}`);
    return BUILT_IN;
  },
  show: (file) => file,
};
const calendar = makeHolidayCalendar([]);
const item = (fields: Record<string, unknown>) => ({
  kind: 'submission',
  title: `Internal: ${fields.id}`,
  by: ['police'],
  source: 'Our own deadline.',
  ...fields,
});
const overlay = (items: Array<Record<string, unknown>>) =>
  stringify({ extends: 'jtai-2018', id: 'area', items: items.map(item) });
const planOf = (items: Array<Record<string, unknown>>, notified: string) => {
  const ruleSet = parseRuleSet(overlay(items), 'area.yaml', reader);
  return { ruleSet, plan: computePlan(ruleSet, notified, calendar) };
};
const found = (items: Array<Record<string, unknown>>, notified: string, id: string) => {
  const { plan } = planOf(items, notified);
  const i = plan.items.find((x) => x.id === id)!;
  return { date: i.date, time: i.time, due: i.due, day: i.day, anchor: i.anchor, from: i.from };
};

describe("the issue's own example, notified Tuesday 19 March 2019", () => {
  const items = [
    { id: 'police-cases-to-la', from: 'cse-gangs-cases', days: -1, at: '12:00' },
    { id: 'sign-off', from: 'cse-gangs-cases', hours: -2 },
  ];

  test('1 working day before the 3pm deadline, at noon: Tuesday 19 March 12:00, day 0', () => {
    expect(found(items, '2019-03-19', 'police-cases-to-la')).toEqual({
      date: '2019-03-19',
      time: '12:00',
      due: '2019-03-19T12:00:00+00:00',
      day: 0,
      anchor: '1 working day before cse-gangs-cases',
      from: 'cse-gangs-cases',
    });
  });

  test('2 hours before it, on its day and by its clock: Wednesday 20 March 13:00, day 1', () => {
    expect(found(items, '2019-03-19', 'sign-off')).toEqual({
      date: '2019-03-20',
      time: '13:00',
      due: '2019-03-20T13:00:00+00:00',
      day: 1,
      anchor: '2 hours before cse-gangs-cases',
      from: 'cse-gangs-cases',
    });
  });
});

describe('across a weekend, Easter and a clock change', () => {
  test("1 working day after Friday's selection is Monday 25 March (Saturday and Sunday skipped), day 4", () => {
    expect(
      found([{ id: 'briefing', from: 'select-children-to-track', days: 1 }], '2019-03-19', 'briefing'),
    ).toMatchObject({ date: '2019-03-25', time: '12:00', day: 4 });
  });

  test("2 working days before Tuesday's documents is Friday 22 March, 17:00, day 3", () => {
    expect(
      found([{ id: 'docs-ready', from: 'key-case-file-documents', days: -2 }], '2019-03-19', 'docs-ready'),
    ).toMatchObject({ date: '2019-03-22', time: '17:00', day: 3 });
  });

  test('at Easter (notified 16 April 2019), 1 working day before Tuesday 23 April is Thursday 18 April, in BST', () => {
    expect(
      found([{ id: 'pre-selection', from: 'select-children-to-track', days: -1 }], '2019-04-16', 'pre-selection'),
    ).toMatchObject({
      date: '2019-04-18',
      time: '12:00',
      due: '2019-04-18T12:00:00+01:00',
      day: 2,
    });
  });

  test('across the March clock change (notified 26 March 2019): 3 working days before Tuesday 2 April 17:00 BST is Thursday 28 March 17:00 GMT', () => {
    expect(
      found([{ id: 'docs-draft', from: 'key-case-file-documents', days: -3 }], '2019-03-26', 'docs-draft'),
    ).toMatchObject({
      date: '2019-03-28',
      time: '17:00',
      due: '2019-03-28T17:00:00+00:00',
      day: 2,
    });
  });

  test('hours count by the wall clock: 2 hours before 15:00 BST is 13:00 BST; 18 hours before 17:00 crosses midnight to 23:00 the day before', () => {
    expect(found([{ id: 'x', from: 'cse-gangs-cases', hours: -2 }], '2019-04-02', 'x')).toMatchObject({
      date: '2019-04-03',
      time: '13:00',
      due: '2019-04-03T13:00:00+01:00',
    });
    expect(found([{ id: 'eve', from: 'children-list', hours: -18 }], '2019-03-19', 'eve')).toMatchObject({
      date: '2019-03-18',
      time: '23:00',
      day: -1,
    });
  });

  test('a time in the hour the clocks skip moves on by that hour, with a warning; a day off is a warning too', () => {
    const items = [{ id: 'odd', from: 'key-case-file-documents', hours: -63, minutes: -30 }];
    expect(found(items, '2019-03-26', 'odd')).toMatchObject({
      date: '2019-03-31',
      time: '02:30',
      due: '2019-03-31T02:30:00+01:00',
      day: null,
    });
    const warnings = planOf(items, '2019-03-26').plan.warnings.map((w) => w.message);
    expect(warnings).toContain(
      '"Internal: odd" (63 h 30 min before key-case-file-documents) comes to 01:30 on Sun 31 Mar 2019, an hour the clocks skip; jtai takes 02:30.',
    );
    expect(warnings).toContain(
      '"Internal: odd" (63 h 30 min before key-case-file-documents) falls on Sun 31 Mar 2019 02:30, which is not a working day (Sunday).',
    );
  });

  test('chains of chains: 1 hour before the sign-off, which is 2 hours before the cases', () => {
    const items = [
      { id: 'sign-off', from: 'cse-gangs-cases', hours: -2 },
      { id: 'draft', from: 'sign-off', hours: -1, minutes: -30 },
    ];
    expect(found(items, '2019-03-19', 'draft')).toMatchObject({
      date: '2019-03-20',
      time: '11:30',
      anchor: '1 h 30 min before sign-off',
    });
  });
});

describe('checks', () => {
  const errors = (items: Array<Record<string, unknown>>) =>
    analyseRuleSet(overlay(items), 'area.yaml', reader).errors.map(
      (p) => `${p.position!.line}:${p.position!.column}: ${p.message}`,
    );

  test('an unknown "from" and a cycle are errors at their line and column', () => {
    expect(errors([{ id: 'a', from: 'cse-gang-cases' }])).toEqual([
      '10:11: item "a" is counted from "cse-gang-cases", but there is no item "cse-gang-cases". Did you mean "cse-gangs-cases"?',
    ]);
    expect(
      errors([
        { id: 'a', from: 'b' },
        { id: 'b', from: 'a' },
      ]),
    ).toEqual([
      '10:11: "from" makes a cycle: a -> b -> a; a chain must end at an item with a day or a week.',
      '17:11: "from" makes a cycle: b -> a -> b; a chain must end at an item with a day or a week.',
    ]);
  });

  test('from with day, days without from, and no time without from', () => {
    expect(errors([{ id: 'a', from: 'cse-gangs-cases', day: 2 }])).toEqual([
      '11:10: item "a" has "from" and "day"; it is counted from one item, or from a day or week, not both.',
    ]);
    expect(errors([{ id: 'a', day: 2, days: 1, at: '09:00' }])).toEqual([
      '4:5: item "a" has "days", "hours" or "minutes" but no "from"; they count from another item.',
    ]);
    expect(errors([{ id: 'a', day: 2 }])).toEqual([
      '4:5: item "a" has no "at"; give a clock time like "15:00", a named time or "all-day".',
      '9:9: item "a" is not in jtai-2018, so it is a new item and needs at.',
    ]);
  });

  test('an internal deadline that falls after the deadline it serves is a warning', () => {
    const { plan } = planOf([{ id: 'late', from: 'cse-gangs-cases', at: '16:00' }], '2019-03-19');
    expect(plan.warnings.map((w) => w.message)).toContain(
      '"Internal: late" (Wed 20 Mar 2019 16:00) falls after "10 cases where sexual or criminal exploitation by gangs is a current and significant factor" (Wed 20 Mar 2019 15:00), the deadline it is counted back from.',
    );
  });

  test('hours from an all-day item need a time of their own', () => {
    expect(() => planOf([{ id: 'x', from: 'cqc-document-request', hours: 2 }], '2019-03-19')).toThrow(
      'item "x" moves hours or minutes from "cqc-document-request", which is all day; give it a clock time with "at".',
    ); // found by the checks, before any date
  });
});

describe('explain shows the whole chain', () => {
  test('the root counted day by day, then each link', () => {
    const { ruleSet, plan } = planOf(
      [{ id: 'sign-off', from: 'select-children-to-track', days: 1, hours: -2 }],
      '2019-04-16',
    );
    const steps = explainItem(ruleSet, plan, 'sign-off', calendar).steps.map((s) => [s.date, s.day, s.reason]);
    expect(steps).toEqual([
      ['2019-04-16', 0, 'notification day'],
      ['2019-04-17', 1, null],
      ['2019-04-18', 2, null],
      ['2019-04-19', null, 'Good Friday (bank holiday)'],
      ['2019-04-20', null, 'Saturday'],
      ['2019-04-21', null, 'Sunday'],
      ['2019-04-22', null, 'Easter Monday (bank holiday)'],
      ['2019-04-23', 3, null],
      ['2019-04-23', null, 'select-children-to-track is due at 12:00, day 3; sign-off is counted from it'],
      ['2019-04-24', 4, '1 working day after'],
      ['2019-04-24', null, '2 h before: 10:00'],
    ]);
  });
});
