import type { TrackedPlan } from '../../src/core/progress/progress.js';
import { spawnSync } from 'node:child_process';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, test } from 'vitest';
import { renderIcs, uidOf } from '../../src/render/ics.js';
import { HOSTILE_PAYLOADS, INJECTED, type Payload, hostilePlan } from '../data/hostile-inspection.js';

// The input refuses control characters, but the ICS renderer must be safe on its own: a plan
// with a control character, a line break or a whole injected event inside every text must give
// a file whose lines are all CRLF-ended and control-free, and that three real parsers (ical.js,
// python's icalendar and vobject) read as exactly the plan's events.

const PYTHON = '/usr/bin/python3';
const ALL: Payload = { name: 'every payload at once', text: HOSTILE_PAYLOADS.map((p) => `[${p.text}]`).join('') };
const CASES = [...HOSTILE_PAYLOADS, ALL].map((p) => {
  const plan = hostilePlan(p.text);
  return {
    ...p,
    plan,
    ics: renderIcs(plan, { stamp: new Date(Date.UTC(2019, 2, 19)), remindMinutes: 60, version: 'test' }),
  };
});
const each = test.each(CASES.map((c) => [c.name, c] as const));
/** A control that no read-back text may hold: all of C0 but TAB and LF (the newline escape \n), DEL and C1. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** What a plan's events must be: each item's UID and start (an instant in ms, or the all-day date). */
const expected = (plan: TrackedPlan) =>
  plan.items
    .map((i) => ({ uid: uidOf(plan, i), start: i.due === null ? i.date : Date.parse(i.due) }))
    .sort((a, b) => a.uid.localeCompare(b.uid));
/** A start as a parser gives it, in the same terms: "2019-04-16" for a date, else ms since the epoch. */
const startOf = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : Date.parse(iso));

interface ReadEvent {
  uid: string;
  start: string;
  summary: string;
  alarms: number;
}
interface ReadBack {
  error?: string;
  calendars: string[];
  top: string[];
  events: ReadEvent[];
}

/** The printable runs of a payload, which must read back as text: "ok", "END:VEVENT", "UID:evil@x"... */
// eslint-disable-next-line no-control-regex -- splitting at control characters is the point
const wordsOf = (payload: string) => payload.split(/[\u0000-\u001f\u007f-\u009f]+/).filter((w) => w.length > 1);

function expectExactlyThePlan(plan: TrackedPlan, payload: string, read: ReadBack) {
  expect(read.error).toBeUndefined();
  expect(read.calendars).toEqual(['VCALENDAR']);
  expect(read.top).toEqual(plan.items.map(() => 'VEVENT')); // no other component beside the events
  const events = read.events
    .map((e) => ({ uid: e.uid, start: startOf(e.start) }))
    .sort((a, b) => a.uid.localeCompare(b.uid));
  expect(events).toEqual(expected(plan));
  for (const e of read.events) {
    expect(e.uid).not.toBe(INJECTED.uid);
    expect(e.summary).not.toBe(INJECTED.summary);
    expect(e.summary, JSON.stringify(e.summary)).not.toMatch(CONTROL);
    expect(e.summary).not.toContain('\r');
    for (const word of wordsOf(payload)) expect(e.summary).toContain(word); // carried as text, not dropped
  }
  const alarms = Object.fromEntries(read.events.map((e) => [e.uid, e.alarms]));
  expect(alarms).toEqual(Object.fromEntries(plan.items.map((i) => [uidOf(plan, i), i.due === null ? 0 : 1]))); // one reminder per timed item, none injected
}

describe('ICS of a plan with a control character or an injection in every text: the raw bytes', () => {
  each(
    '%s: every line ends with CRLF and holds no CR, LF or control character but TAB, within 75 octets',
    (_name, { plan, ics }) => {
      expect(Buffer.from(ics, 'utf8').toString('utf8')).toBe(ics); // well-formed UTF-8: no lone surrogate
      expect(ics.endsWith('\r\n')).toBe(true);
      const lines = ics.slice(0, -2).split('\r\n');
      for (const [n, line] of lines.entries()) {
        // eslint-disable-next-line no-control-regex -- CR and LF included
        expect(line, `line ${n + 1}: ${JSON.stringify(line)}`).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/);
        expect(Buffer.byteLength(line, 'utf8'), `line ${n + 1}`).toBeLessThanOrEqual(75);
      }
      expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(plan.items.length);
      expect(lines.filter((l) => l === 'END:VCALENDAR')).toEqual(['END:VCALENDAR']);
      expect(lines.at(-1)).toBe('END:VCALENDAR');
    },
  );
});

type Component = InstanceType<typeof ICAL.Component>;
/** The top-level components ical.js reads: ICAL.parse gives one jCal, or a list of them. */
const rootsOf = (ics: string): Component[] => {
  const parsed = ICAL.parse(ics) as unknown[];
  return (typeof parsed[0] === 'string' ? [parsed] : parsed).map((j) => new ICAL.Component(j as unknown[]));
};
const walk = (c: Component): Component[] => [c, ...c.getAllSubcomponents().flatMap(walk)];

describe('the same files read back by ical.js', () => {
  const readWithIcalJs = (ics: string): ReadBack => {
    const roots = rootsOf(ics);
    const events = roots.flatMap(walk).filter((c) => c.name === 'vevent');
    return {
      calendars: roots.map((r) => r.name.toUpperCase()),
      top: roots.flatMap((r) => r.getAllSubcomponents().map((c) => c.name.toUpperCase())),
      events: events.map((e) => {
        const start = e.getFirstPropertyValue('dtstart') as InstanceType<typeof ICAL.Time>;
        return {
          uid: String(e.getFirstPropertyValue('uid')),
          start: start.isDate ? start.toString() : start.toJSDate().toISOString(),
          summary: String(e.getFirstPropertyValue('summary')),
          alarms: e.getAllSubcomponents('valarm').length,
        };
      }),
    };
  };

  each(
    "%s: exactly the plan's events, each with its UID, start and one reminder; each SUMMARY carries the text but no control",
    (_name, { plan, text, ics }) => {
      expectExactlyThePlan(plan, text, readWithIcalJs(ics));
    },
  );

  each('%s: no text value of any property reads back with a control character', (_name, { ics }) => {
    for (const component of rootsOf(ics).flatMap(walk)) {
      for (const property of component.getAllProperties()) {
        for (const value of property.getValues().filter((v): v is string => typeof v === 'string')) {
          expect(value, `${component.name} ${property.name}: ${JSON.stringify(value)}`).not.toMatch(CONTROL);
          expect(value).not.toContain('\r');
        }
      }
    }
  });
});

// One python run per library reads every file: a JSON list in, a JSON list of what was read out.
const PYTHON_READERS = {
  icalendar: `
import icalendar
def read(text):
    cals = icalendar.Calendar.from_ical(text, multiple=True)
    events = [e for c in cals for e in c.walk('VEVENT')]
    return {'calendars': [c.name for c in cals], 'top': [s.name for c in cals for s in c.subcomponents],
            'errors': [e for c in cals for x in c.walk() for e in x.errors],
            'events': [{'uid': str(e.get('uid')), 'start': e.decoded('dtstart').isoformat(), 'summary': str(e.get('summary')),
                        'alarms': len([s for s in e.subcomponents if s.name == 'VALARM'])} for e in events]}
`,
  vobject: `
import vobject
def walk(c):
    yield c
    for child in c.getChildren():
        if isinstance(child, vobject.base.Component):
            yield from walk(child)
def read(text):
    cals = list(vobject.readComponents(text))
    events = [e for c in cals for e in walk(c) if e.name == 'VEVENT']
    return {'calendars': [c.name for c in cals], 'top': [s.name for c in cals for s in c.getChildren() if isinstance(s, vobject.base.Component)],
            'events': [{'uid': e.uid.value, 'start': e.dtstart.value.isoformat(), 'summary': e.summary.value,
                        'alarms': len([s for s in e.getChildren() if s.name == 'VALARM'])} for e in events]}
`,
} as const;
const RUN_ALL = `
import json, sys
out = []
for text in json.load(sys.stdin):
    try:
        out.append(read(text))
    except Exception as e:
        out.append({'error': repr(e)})
print(json.dumps(out))
`;
// .ci/run installs Debian's python3-icalendar and python3-vobject and sets JTAI_REQUIRE_TOOLS=1,
// so that CI fails rather than skips; elsewhere a missing library skips its tests.
const pythonHas = (library: string) => {
  const has = spawnSync(PYTHON, ['-c', `import ${library}`]).status === 0;
  if (!has && process.env.JTAI_REQUIRE_TOOLS === '1')
    throw new Error(`${PYTHON} cannot import ${library}: apt-get install -y python3-${library}`);
  return has;
};

describe.each(Object.keys(PYTHON_READERS) as Array<keyof typeof PYTHON_READERS>)(
  'the same files read back by python %s',
  (library) => {
    let results: Array<ReadBack & { errors?: string[] }> = [];
    beforeAll(() => {
      if (!pythonHas(library)) return;
      const run = spawnSync(PYTHON, ['-c', PYTHON_READERS[library] + RUN_ALL], {
        input: JSON.stringify(CASES.map((c) => c.ics)),
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      });
      expect(run.stderr).toBe('');
      results = JSON.parse(run.stdout);
    }, 60_000);

    test.skipIf(!pythonHas(library)).each(CASES.map((c, n) => [c.name, n] as const))(
      "%s: exactly the plan's events, each with its UID, start and one reminder; each SUMMARY carries the text but no control",
      (_name, n) => {
        const read = results[n]!;
        expectExactlyThePlan(CASES[n]!.plan, CASES[n]!.text, read);
        if (read.errors) expect(read.errors).toEqual([]);
      },
    );
  },
);
