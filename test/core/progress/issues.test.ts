import { describe, expect, test } from 'vitest';
import type { PlanItem } from '../../../src/core/plan/plan.js';
import {
  type CalendarIssue,
  type EventContent,
  calendarChanges,
  changedParts,
  fingerprintOf,
  issuedEvents,
} from '../../../src/core/progress/issues.js';

// A calendar issued on Tuesday 19 March 2019 with two events, then issued again. calendarChanges
// reads only an item's id, title, date and deadline; the content is what the renderer gives.

const notified = '2019-03-19';
const item = (id: string, title: string, due: string): PlanItem =>
  ({ id, title, date: due.slice(0, 10), due }) as unknown as PlanItem;
const list = item('children-list', 'List of children', '2019-03-19T17:00:00.000Z'); // Tue 19 Mar 2019 17:00
const yot = item('yot-cases', '10 YOT cases', '2019-03-20T15:00:00.000Z'); // Wed 20 Mar 2019 15:00
const parts = (event: string, contact: string): EventContent => ({
  event,
  who: '00000001',
  contact,
  details: '00000002',
  moves: '00000003',
  reminders: '00000004',
});
const content = { 'children-list': parts('aaaaaaaa', '11111111'), 'yot-cases': parts('bbbbbbbb', '22222222') };

function firstIssue(withContent: boolean): CalendarIssue {
  const changes = calendarChanges([list, yot], null, { notified, stamp: 100 });
  return {
    calendar: 'jtai.ics',
    at: '2019-03-19T09:10:00+00:00',
    notified,
    events: issuedEvents([list, yot], changes, withContent ? content : {}),
  };
}

describe('fingerprintOf', () => {
  test('is FNV-1a of 32 bits, as 8 hex digits', () => {
    // The published test vectors of FNV-1a (32 bits).
    expect([fingerprintOf(''), fingerprintOf('a'), fingerprintOf('foobar')]).toEqual([
      '811c9dc5',
      'e40c292c',
      'bf9cf968',
    ]);
  });
});

describe('calendarChanges with content', () => {
  test('a first issue records each event with its content and the SEQUENCE given', () => {
    expect(firstIssue(true).events[1]).toEqual({
      item: 'yot-cases',
      title: '10 YOT cases',
      date: '2019-03-20',
      due: '2019-03-20T15:00:00.000Z',
      sequence: 100,
      content: content['yot-cases'],
    });
  });

  test('issued again unchanged: every SEQUENCE kept, nothing changed', () => {
    const c = calendarChanges([list, yot], firstIssue(true), { notified, stamp: 200, content });
    expect(c.sequences).toEqual({ 'children-list': 100, 'yot-cases': 100 });
    expect([c.moved, c.renamed, c.changed, c.added, c.removed]).toEqual([[], [], [], [], []]);
  });

  test("a contact changed: only that event's SEQUENCE rises, to this issue's stamp, told as the contact", () => {
    const now = { ...content, 'yot-cases': parts('cccccccc', '33333333') };
    // max(100 + 1, 200): never below a calendar made without the record between the two (stamp 150).
    const c = calendarChanges([list, yot], firstIssue(true), { notified, stamp: 200, content: now });
    expect(c.sequences).toEqual({ 'children-list': 100, 'yot-cases': 200 });
    expect(c.changed.map((x) => [x.item.id, x.parts])).toEqual([['yot-cases', ['contact']]]);
    expect(issuedEvents([list, yot], c, now)[1]).toMatchObject({ sequence: 200, content: now['yot-cases'] });
  });

  test('changed again at the same stamp, or at a stamp behind (a clock set back): one higher', () => {
    const now = { ...content, 'yot-cases': parts('cccccccc', '33333333') };
    const c = calendarChanges([list, yot], firstIssue(true), { notified, stamp: 200, content: now });
    const second: CalendarIssue = { ...firstIssue(true), events: issuedEvents([list, yot], c, now) };
    const again = { ...content, 'yot-cases': parts('dddddddd', '44444444') };
    for (const stamp of [200, 50]) // max(200 + 1, 200) and max(200 + 1, 50)
      expect(calendarChanges([list, yot], second, { notified, stamp, content: again }).sequences).toEqual({
        'children-list': 100,
        'yot-cases': 201,
      });
  });

  test('moved wins over a change of content: one rise, told once', () => {
    const later = item('yot-cases', '10 YOT cases', '2019-03-20T14:00:00.000Z'); // Wed 20 Mar 2019 14:00
    const c = calendarChanges([list, later], firstIssue(true), {
      notified,
      stamp: 200,
      content: { ...content, 'yot-cases': parts('cccccccc', '33333333') },
    });
    expect([c.moved.length, c.changed.length, c.sequences['yot-cases']]).toEqual([1, 0, 200]);
  });

  test('an issue recorded before jtai kept content: no change claimed, SEQUENCE kept', () => {
    const c = calendarChanges([list, yot], firstIssue(false), { notified, stamp: 200, content });
    expect([c.changed, c.sequences]).toEqual([[], { 'children-list': 100, 'yot-cases': 100 }]);
    // ... and this issue records the content, so the next one can tell.
    expect(issuedEvents([list, yot], c, content)[0]!.content).toEqual(content['children-list']);
  });
});

describe('calendarChanges when the notification date is corrected', () => {
  // Issued notified Monday 18 March at SEQUENCE 100, then the plan is of Tuesday 19 March.
  const monday = (): CalendarIssue => ({ ...firstIssue(true), notified: '2019-03-18' });

  test('every event new at this stamp, each old one cancelled at this stamp under its own date', () => {
    const c = calendarChanges([list, yot], monday(), { notified, stamp: 200, content });
    expect(c.renotified).toEqual({ from: '2019-03-18', to: '2019-03-19', cancelled: 2 });
    expect([c.sequences, c.added.map((i) => i.id), c.moved, c.removed]).toEqual([
      { 'children-list': 200, 'yot-cases': 200 },
      ['children-list', 'yot-cases'],
      [],
      [],
    ]);
    expect(c.cancelled.map((e) => [e.item, e.notified, e.sequence, e.cancelled, e.why])).toEqual([
      ['children-list', '2019-03-18', 200, true, { kind: 'notified', notified: '2019-03-19' }], // max(100 + 1, 200)
      ['yot-cases', '2019-03-18', 200, true, { kind: 'notified', notified: '2019-03-19' }],
    ]);
  });

  test('issued again: the old events carried cancelled as they were, nothing changed', () => {
    const c = calendarChanges([list, yot], monday(), { notified, stamp: 200, content });
    const again = calendarChanges(
      [list, yot],
      {
        calendar: 'jtai.ics',
        at: '2019-03-19T10:00:00+00:00',
        notified,
        events: issuedEvents([list, yot], c, content),
      },
      { notified, stamp: 300, content },
    );
    expect([again.renotified, again.added, again.removed, again.sequences]).toEqual([
      null,
      [],
      [],
      { 'children-list': 200, 'yot-cases': 200 },
    ]);
    expect(again.cancelled).toEqual(c.cancelled);
  });

  test("an issue recorded before jtai kept its date is taken as of the plan's date", () => {
    const old: CalendarIssue = monday();
    delete old.notified;
    expect(calendarChanges([list, yot], old, { notified, stamp: 200, content }).renotified).toBeNull();
  });
});

describe('changedParts', () => {
  const was = parts('aaaaaaaa', '11111111');
  test('the parts that differ; a contact is not told beside who must act', () => {
    expect(changedParts(was, { ...was, event: 'ffffffff', contact: '99999999' })).toEqual(['contact']);
    expect(changedParts(was, { ...was, event: 'ffffffff', who: '99999999', contact: '99999999' })).toEqual(['who']);
    expect(changedParts(was, { ...was, event: 'ffffffff', details: '99999999', moves: '99999999' })).toEqual([
      'details',
      'moves',
    ]);
  });
  test('an issue recorded when calendars carried progress: compared by the parts both know', () => {
    const old = { event: 'aaaaaaaa', who: '00000001', contact: '11111111', progress: '00000003' } as EventContent;
    expect(changedParts(old, { ...was, event: 'ffffffff' })).toEqual(['event']);
    expect(changedParts(old, { ...was, event: 'ffffffff', contact: '99999999' })).toEqual(['contact']);
  });
  test('the whole event changed and no part known to differ: its content', () => {
    expect(changedParts(was, { ...was, event: 'ffffffff' })).toEqual(['event']);
    expect(changedParts({ event: 'aaaaaaaa' }, { ...was, event: 'ffffffff' })).toEqual(['event']);
  });
  test('the same event, or a side without a fingerprint: nothing', () => {
    expect(changedParts(was, { ...was, contact: '99999999' })).toEqual([]); // the event's own fingerprint decides
    expect(changedParts(undefined, was)).toEqual([]);
    expect(changedParts(was, undefined)).toEqual([]);
  });
});
