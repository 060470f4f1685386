import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { EUROPE_LONDON } from '../../../src/core/dates/london-zone.js';
import { contactsByParty } from '../../../src/core/progress/contacts.js';
import { type ProgressEvent, eventText, readEvent } from '../../../src/core/progress/events.js';
import { eventList, eventsOfFiles, foldRecord, progressFolderName } from '../../../src/core/progress/folder.js';
import { parseInspection } from '../../../src/core/progress/inspection-text.js';
import { doneEvent, moveBackEvent, moveEvent, undoEvent } from '../../../src/core/progress/new-events.js';
import { startOfDay } from '../../../src/core/progress/status.js';
import { trackInspection } from '../../../src/core/progress/track.js';
import { RuleSetError } from '../../../src/errors.js';
import { loadRuleSet } from '../../../src/io/load-rule-set.js';
import { calendar } from '../../helpers.js';

// The record as both faces read and write it (the CLI from the disk, the web page from a folder
// it is given): the inspection file's text, the folder's files, the events made, and the plan
// with them. Notified Tuesday 19 March 2019; the list of children is due that day at 17:30.

const ruleSet = await loadRuleSet('jtai-2018');
const T = Date.parse('2019-03-19T16:40:00Z'); // Tue 19 Mar 2019 16:40 GMT

describe('the events both faces write', () => {
  test('a part done, taken back by naming its record; a move and its move back naming the move', () => {
    const done = doneEvent({
      id: 'e1',
      recordedMs: T,
      item: 'children-list',
      agency: 'police',
      at: '2019-03-19T16:40:00+00:00',
      by: 'Kim',
    });
    expect(eventText(done)).toBe(
      '{\n  "format": "jtai-progress-event/1",\n  "id": "e1",\n  "type": "done",\n  "item": "children-list",\n  "agency": "police",\n  "at": "2019-03-19T16:40:00+00:00",\n  "recorded": "2019-03-19T16:40:00.000Z",\n  "by": "Kim"\n}\n',
    );
    expect(readEvent(eventText(done))).toEqual({ event: done });
    const records = [
      { done: done.at, agency: 'police', event: 'e1' },
      { done: done.at, agency: 'health', event: 'e0' },
    ];
    const undo = undoEvent({
      id: 'e2',
      recordedMs: T + 1,
      item: 'children-list',
      agency: 'police',
      at: done.at,
      records,
    });
    expect(undo.undoes).toEqual(['e1']); // not Health's
    expect(undoEvent({ id: 'e3', recordedMs: T, item: 'x', at: done.at, records }).undoes).toEqual(['e1', 'e0']);
    const move = moveEvent({
      id: 'm1',
      recordedMs: T,
      item: 'case-list',
      at: done.at,
      to: '2019-03-20T17:00:00+00:00',
      note: 'agreed',
    });
    expect(move).not.toHaveProperty('undoes');
    const current = { to: move.to!, why: 'agreed', by: null, at: move.at, event: 'm1' };
    expect(moveBackEvent({ id: 'm2', recordedMs: T, item: 'case-list', at: done.at, current })).toMatchObject({
      type: 'move-back',
      undoes: ['m1'],
    });
  });
});

describe('a calendar issued, as an event', () => {
  const issue = {
    id: 'i1',
    type: 'issue' as const,
    item: 'calendar',
    at: '2019-03-19T16:40:00+00:00',
    recorded: '2019-03-19T16:40:00.000Z',
    calendar: 'jtai.ics',
    notified: '2019-03-19',
    issued: [
      { item: 'children-list', title: 'List', date: '2019-03-19', due: '2019-03-19T17:00:00.000Z', sequence: 7 },
      {
        item: 'children-list',
        title: 'List',
        date: '2019-03-18',
        due: '2019-03-18T17:00:00.000Z',
        sequence: 8,
        cancelled: true,
        why: { kind: 'notified' as const, notified: '2019-03-19' },
        notified: '2019-03-18',
      },
      {
        item: 'yot-cases',
        title: 'YOT',
        date: '2019-03-20',
        due: null,
        sequence: 9,
        cancelled: true,
        why: { kind: 'reassigned' as const, to: ['Police', 'Health'] },
      },
    ],
  };
  test('reads back as written, with its notification date and why each event was cancelled', () => {
    expect(readEvent(eventText(issue))).toEqual({ event: issue });
  });
  test('a reason jtai does not write, or a date that is not one, is said', () => {
    const bad = (change: object) =>
      readEvent(eventText({ ...issue, issued: [{ ...issue.issued[1]!, ...change }] }) as string);
    expect(bad({ why: { kind: 'lost' } })).toHaveProperty('problem');
    expect(bad({ notified: '18/03/2019' })).toHaveProperty('problem');
    expect(readEvent(eventText({ ...issue, notified: 'Monday' }))).toHaveProperty('problem');
  });
});

describe('the progress folder as files', () => {
  test('its name follows the inspection file', () => {
    expect(progressFolderName('jtai-inspection.yaml')).toBe('jtai-inspection.progress');
    expect(progressFolderName('Anyshire.YML')).toBe('Anyshire.progress');
  });

  test('temporaries are ignored; a foreign, damaged or oversized file is said and skipped; the copy under its own name counts', () => {
    const e = doneEvent({ id: 'e1', recordedMs: T, item: 'children-list', at: '2019-03-19T16:40:00+00:00' });
    const copy = { ...e, note: 'edited' };
    const read = eventsOfFiles('p', [
      { name: 'e1 (copy).json', text: eventText(copy) },
      { name: 'e1.json', text: eventText(e) },
      { name: '.e2.tmp', text: '' },
      { name: 'notes.txt', text: 'hi' },
      { name: 'bad.json', text: '{' },
      { name: 'big.json', text: '', size: 65 * 1024 },
    ]);
    expect(read.events).toEqual([e, copy]);
    expect(read.problems).toEqual([
      'p/bad.json was skipped: it is not JSON (damaged, or not written by jtai).',
      'p/big.json was skipped: it is larger than 64 KiB, more than any event.',
      'p/notes.txt is not a jtai event (not a .json file); it was skipped.',
    ]);
    const folded = foldRecord({ 'case-list': [{ done: '2019-03-20T14:00:00+00:00' }] }, read, 'p');
    expect(Object.keys(folded.progress).sort()).toEqual(['case-list', 'children-list']);
    expect(folded.progress['children-list']).toEqual([{ done: '2019-03-19T16:40:00+00:00', event: 'e1' }]);
    expect(folded.problems.at(-1)).toMatch(/^two files in p hold event e1 differently/);
  });

  test('events are listed as one list would hold them, each copy under its own name put first', () => {
    // The order jtai has always given (and sortEvents keeps the first copy of an id by), made
    // here the slow way: each copy under its own name put at the front, any other at the end.
    const arb = fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.boolean()), { maxLength: 40 });
    fc.assert(
      fc.property(arb, (files) => {
        const placed = files.map(([n, own], i) => ({
          name: own ? `e${n}.json` : `e${n} (${i}).json`,
          event: doneEvent({ id: `e${n}`, recordedMs: T + i, item: 'children-list', at: '2019-03-19T16:40:00+00:00' }),
        }));
        const slow: ProgressEvent[] = [];
        for (const { name, event } of placed) {
          if (name === `${event.id}.json`) slow.unshift(event);
          else slow.push(event);
        }
        const list = eventList();
        for (const { name, event } of placed) list.add(name, event);
        expect(list.events()).toEqual(slow);
      }),
    );
  });
});

describe('the inspection file as text', () => {
  test('read, with the rule set as written and contacts keyed by any name of a party', () => {
    const { record } = parseInspection(
      'area: Anyshire\nnotified: 2019-03-19\ncontacts:\n  nhs: { name: Sam }\n',
      'i.yaml',
    );
    expect(record).toMatchObject({ area: 'Anyshire', notified: '2019-03-19', rules: 'jtai-2018' });
    const keyed = contactsByParty(record, ruleSet);
    expect('record' in keyed && keyed.record.contacts).toEqual({ health: [{ name: 'Sam' }] });
    const wrong = contactsByParty({ ...record, contacts: { polise: [{ name: 'X' }] } }, ruleSet);
    expect('wrong' in wrong && wrong.wrong[0]!.message).toMatch(
      /^contacts: there is no party "polise" in jtai-2018\. Did you mean "police"\?/,
    );
  });

  test('a date that does not exist is named with its line and column', () => {
    expect(() => parseInspection('area: X\nnotified: 2019-02-30\n', 'i.yaml')).toThrow(RuleSetError);
    try {
      parseInspection('area: X\nnotified: 2019-02-30\n', 'i.yaml');
    } catch (e) {
      expect((e as RuleSetError).problems[0]!.position).toMatchObject({ file: 'i.yaml', line: 2, column: 11 });
    }
  });
});

describe('the plan of an inspection with its record', () => {
  const record = parseInspection('area: Anyshire\nnotified: 2019-03-19\n', 'i.yaml').record;
  const base = { ruleSet, notified: '2019-03-19', calendar, zone: EUROPE_LONDON };

  test('with no record and not asked, no progress: the same plan at any moment', () => {
    expect(trackInspection({ ...base, nowMs: T, progress: false }).plan.progress).toBeNull();
  });

  test('a moved deadline, a part done, and a move that cannot be planned skipped with a warning', () => {
    const events = [
      moveEvent({
        id: 'm1',
        recordedMs: T,
        item: 'children-list',
        at: '2019-03-19T16:00:00+00:00',
        to: '2019-03-19T18:30:00+00:00',
        note: 'agreed',
      }),
      moveEvent({
        id: 'm2',
        recordedMs: T,
        item: 'yot-cases',
        at: '2019-03-19T16:00:00+00:00',
        to: '1066-10-14T12:00:00+00:00',
        note: 'odd',
      }),
      doneEvent({
        id: 'd1',
        recordedMs: T,
        item: 'cse-gangs-cases',
        agency: 'police',
        at: '2019-03-19T16:40:00+00:00',
      }),
    ];
    const folded = foldRecord({}, { events, problems: [] }, 'p');
    const { plan, warnings } = trackInspection({ ...base, record, folded, nowMs: T + 3_600_000, progress: false });
    expect(plan.items.find((i) => i.id === 'children-list')!.due).toBe('2019-03-19T18:30:00+00:00');
    expect(plan.area).toBe('Anyshire');
    expect(plan.progress!.recorded).toBe(true);
    const part = plan.progress!.items['cse-gangs-cases']!.agencies.find((a) => a.party.id === 'police')!;
    expect(part).toMatchObject({ status: 'done', doneAt: '2019-03-19T16:40:00+00:00', lateByMinutes: null });
    expect(warnings).toEqual([
      'the move of "yot-cases" to 1066-10-14 12:00 (p/m2.json) cannot be planned, so it is skipped; "jtai move yot-cases --back" takes it back.',
    ]);
  });
});

describe('the start of the day a daily status lists deliveries since', () => {
  test.each([
    [Date.UTC(2019, 2, 31, 12), '2019-03-31T00:00:00+00:00'], // Sun 31 Mar 2019: the clocks go forward at 01:00 GMT
    [Date.UTC(2019, 3, 1, 12), '2019-04-01T00:00:00+01:00'], // Mon 1 Apr 2019, BST
    [Date.UTC(2019, 3, 1, 23, 30), '2019-04-02T00:00:00+01:00'], // 00:30 BST on Tue 2 Apr
    [Date.UTC(2019, 9, 27, 0, 30), '2019-10-27T00:00:00+01:00'], // Sun 27 Oct 2019, 01:30 BST: the day began in BST
  ])('%s', (nowMs, expected) => {
    expect(startOfDay(EUROPE_LONDON, nowMs)).toBe(expected);
  });
});
