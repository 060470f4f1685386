import { untracked } from '../../src/core/progress/progress.js';
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { computePlan as computeBarePlan } from '../../src/core/plan/plan.js';
import { loadRuleSet } from '../../src/io/load-rule-set.js';
import { parseRuleSet } from '../../src/io/analyse-rule-set-file.js';
import { foldLine } from '../../src/render/ics-text.js';
import { renderIcs } from '../../src/render/ics.js';
import { calendar } from '../helpers.js';

// A plan as the renderers take it, with nothing from an inspection file.
const computePlan = (...args: Parameters<typeof computeBarePlan>) => untracked(computeBarePlan(...args));

const jtai2018 = await loadRuleSet('jtai-2018');
const STAMP = new Date('2019-03-19T09:00:00Z');
const options = { stamp: STAMP, remindMinutes: 60, version: '0.0.0-test' };

/** Reads an ICS text with ical.js, an independent parser, into plain values per event. */
function readBack(ics: string) {
  const vcalendar = new ICAL.Component(ICAL.parse(ics));
  return {
    vcalendar,
    events: vcalendar.getAllSubcomponents('vevent').map((v) => {
      const start = v.getFirstPropertyValue('dtstart') as ICAL.Time;
      return {
        uid: v.getFirstPropertyValue('uid') as string,
        summary: v.getFirstPropertyValue('summary') as string,
        description: v.getFirstPropertyValue('description') as string,
        isDate: start.isDate,
        start: start.isDate ? start.toString() : start.toJSDate().toISOString(),
        hasEnd: v.hasProperty('dtend') || v.hasProperty('duration'),
        categories: v.getFirstProperty('categories')?.getValues() as string[] | undefined,
        names: v.getAllProperties().map((p) => p.name),
        alarms: v
          .getAllSubcomponents('valarm')
          .map((a) => (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()),
      };
    }),
  };
}

describe.each(['2019-03-19', '2019-03-26', '2019-10-22'])(
  'ICS for a notification on %s, read back by ical.js',
  (notified) => {
    const plan = computePlan(jtai2018, notified, calendar);
    const { vcalendar, events } = readBack(renderIcs(plan, options));

    test('has one event per item, at the JSON due instant', () => {
      expect(events).toHaveLength(plan.items.length);
      for (const [i, item] of plan.items.entries()) {
        const event = events[i]!;
        if (item.due === null) {
          expect([event.isDate, event.start]).toEqual([true, item.date]);
        } else {
          expect(event.isDate).toBe(false);
          expect(event.start).toBe(new Date(item.due).toISOString());
          expect(event.hasEnd).toBe(false); // a deadline is an instant
        }
      }
    });

    test('publishes, with stable UIDs and a UTC DTSTAMP', () => {
      expect(vcalendar.getFirstPropertyValue('method')).toBe('PUBLISH');
      expect(vcalendar.getFirstPropertyValue('version')).toBe('2.0');
      expect(events[0]!.uid).toBe(`jtai-${notified.replace(/-/g, '')}-children-list@jtai`);
      expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
      const stamp = vcalendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('dtstamp') as ICAL.Time;
      expect(stamp.zone?.tzid).toBe('UTC');
      expect(stamp.toJSDate().toISOString()).toBe(STAMP.toISOString());
    });

    test('each event carries who, to whom, the note and the source; free time; the alarm last', () => {
      const first = events[0]!;
      expect(first.description).toContain("Who must act: Director of Children's Services (DCS)");
      expect(first.description).toContain('To: Lead inspector');
      expect(first.description).toContain('jtai takes 17:00');
      expect(first.description).toContain('Source: "By the end of the day that the area is notified');
      expect(first.categories).toEqual(['JTAI', 'Submission', "Director of Children's Services (DCS)"]);
      expect(first.names).toEqual(expect.arrayContaining(['transp', 'x-microsoft-cdo-busystatus']));
      expect(first.alarms).toEqual([-3600]);
      const allDay = events.find((e) => e.isDate)!;
      expect(allDay.alarms).toEqual([]);
    });
  },
);

describe('RFC 5545 text', () => {
  const ics = renderIcs(computePlan(jtai2018, '2019-03-19', calendar), options);

  test('ends every line, the last too, with CRLF and folds at 75 octets', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  test('folds without splitting a UTF-8 character', () => {
    const text = `SUMMARY:${'é'.repeat(40)}🚸${'x'.repeat(40)}`;
    const folded = foldLine(text);
    for (const line of folded.split('\r\n')) {
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line); // no broken sequence
    }
    expect(folded.replace(/\r\n /g, '')).toBe(text);
  });

  test('folds ASCII at exactly 75 octets a line, the leading space counted, as any other text', () => {
    for (const length of [0, 1, 74, 75, 76, 148, 149, 150, 223, 224, 300]) {
      for (const text of ['x'.repeat(length), `${'x'.repeat(length)}\t`, `${'x'.repeat(length)}é`]) {
        const lines = foldLine(text).split('\r\n');
        expect(lines.join('\r\n').replace(/\r\n /g, '')).toBe(text);
        lines.slice(1).forEach((line) => expect(line.startsWith(' ')).toBe(true));
        lines.forEach((line) => expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75));
        if (text.length === length) lines.slice(0, -1).forEach((line) => expect(line.length).toBe(75));
      }
    }
  });

  test('escapes accents, commas, semicolons, backslashes, newlines and emoji so they read back exactly', () => {
    const title = 'Café, réunion; planning \\ “agenda”\nline two 🚸';
    const tricky = parseRuleSet(
      `id: tricky
name: "Odd, name; here"
source: { title: t }
timezone: Europe/London
holidays: england-and-wales
parties: { la: { name: "LA, north; east" } }
items:
  - { id: one, kind: submission, title: ${JSON.stringify(title)}, day: 0, at: "09:00", by: [la], source: s }
`,
      'tricky.yaml',
    );
    const ics2 = renderIcs(computePlan(tricky, '2019-03-19', calendar), options);
    const { vcalendar, events } = readBack(ics2);
    expect(events[0]!.summary).toBe(`JTAI day 0 by 09:00: ${title}`);
    expect(events[0]!.categories).toEqual(['JTAI', 'Submission', 'LA, north; east']);
    expect(vcalendar.getFirstPropertyValue('x-wr-calname')).toBe('JTAI notified 2019-03-19 (Odd, name; here)');
    for (const line of ics2.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  test('puts each VALARM after the event properties, just before END:VEVENT', () => {
    const events = ics.split('BEGIN:VEVENT\r\n').slice(1);
    for (const e of events.filter((e) => e.includes('VALARM'))) expect(e).toMatch(/END:VALARM\r\nEND:VEVENT\r\n/);
    expect(events.filter((e) => e.includes('VALARM'))).toHaveLength(13);
  });

  test('without reminders there is no VALARM', () => {
    const plain = renderIcs(computePlan(jtai2018, '2019-03-19', calendar), { ...options, remindMinutes: null });
    expect(readBack(plain).events.every((e) => e.alarms.length === 0)).toBe(true);
  });

  test('matches the reviewed golden file byte for byte', () => {
    const golden = readFileSync(new URL('./results/jtai-2018-2019-03-19.ics', import.meta.url), 'utf8');
    expect(ics).toBe(golden);
  });
});

describe('when the plan changes', () => {
  const plan = computePlan(jtai2018, '2019-03-19', calendar);
  const read = (ics: string) => new ICAL.Component(ICAL.parse(ics));

  test('events keep their UIDs and carry SEQUENCE and LAST-MODIFIED, higher in a newer file', () => {
    const older = read(renderIcs(plan, { ...options, stamp: new Date('2019-03-19T09:00:00Z') }));
    const newer = read(renderIcs(plan, { ...options, stamp: new Date('2019-03-20T09:00:00Z') }));
    const of = (cal: ICAL.Component) =>
      cal
        .getAllSubcomponents('vevent')
        .map((e) => [
          e.getFirstPropertyValue('uid'),
          e.getFirstPropertyValue('sequence'),
          (e.getFirstPropertyValue('last-modified') as ICAL.Time).toJSDate().toISOString(),
        ]);
    // 2016-01-01 to 2019-03-19 is 366 + 365 + 365 + 77 = 1,173 days: 1,173 x 86,400 + 9 h x 3,600
    // = 101,379,600 seconds at 09:00 UTC; a day later, 86,400 more.
    expect(of(older)[0]).toEqual(['jtai-20190319-children-list@jtai', 101_379_600, '2019-03-19T09:00:00.000Z']);
    expect(of(newer)[0]).toEqual(['jtai-20190319-children-list@jtai', 101_466_000, '2019-03-20T09:00:00.000Z']);
    expect(of(older).map((e) => e[0])).toEqual(of(newer).map((e) => e[0]));
  });

  test('--cancel: METHOD:CANCEL, every event of the plan STATUS:CANCELLED, by the same UIDs, without reminders', () => {
    const published = read(renderIcs(plan, options));
    const cancelled = read(renderIcs(plan, { ...options, stamp: new Date('2019-03-21T09:00:00Z'), cancel: true }));
    expect(cancelled.getFirstPropertyValue('method')).toBe('CANCEL');
    const events = cancelled.getAllSubcomponents('vevent');
    expect(events.map((e) => e.getFirstPropertyValue('uid'))).toEqual(
      published.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid')),
    );
    for (const e of events) {
      expect(e.getFirstPropertyValue('status')).toBe('CANCELLED');
      expect(e.getAllSubcomponents('valarm')).toEqual([]);
      expect(e.getFirstPropertyValue('summary')).toMatch(/^Cancelled: JTAI/);
    }
  });
});
