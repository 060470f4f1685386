import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { computeSchedule } from '../../src/core/schedule.js';
import { loadRuleSet } from '../../src/io/load-rule-set.js';
import { parseRuleSet } from '../../src/io/parse-rule-set.js';
import { foldLine } from '../../src/render/ics-text.js';
import { renderIcs } from '../../src/render/ics.js';
import { calendar } from '../helpers.js';

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
        alarms: v.getAllSubcomponents('valarm').map((a) => (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()),
      };
    }),
  };
}

describe.each(['2019-03-19', '2019-03-26', '2019-10-22'])('ICS for a notification on %s, read back by ical.js', (notified) => {
  const schedule = computeSchedule(jtai2018, notified, calendar);
  const { vcalendar, events } = readBack(renderIcs(schedule, options));

  test('has one event per item, at the JSON due instant', () => {
    expect(events).toHaveLength(schedule.items.length);
    for (const [i, item] of schedule.items.entries()) {
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
    expect(events[0]!.uid).toBe(`jtai-2018-${notified.replace(/-/g, '')}-children-list@jtai`);
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
});

describe('RFC 5545 text', () => {
  const ics = renderIcs(computeSchedule(jtai2018, '2019-03-19', calendar), options);

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
    const ics2 = renderIcs(computeSchedule(tricky, '2019-03-19', calendar), options);
    const { vcalendar, events } = readBack(ics2);
    expect(events[0]!.summary).toBe(`JTAI day 0: ${title}`);
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
    const plain = renderIcs(computeSchedule(jtai2018, '2019-03-19', calendar), { ...options, remindMinutes: null });
    expect(readBack(plain).events.every((e) => e.alarms.length === 0)).toBe(true);
  });

  test('matches the reviewed golden file byte for byte', () => {
    const golden = readFileSync(new URL('./results/jtai-2018-2019-03-19.ics', import.meta.url), 'utf8');
    expect(ics).toBe(golden);
  });
});
