import { untracked } from '../src/core/progress/progress.js';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { parse, stringify } from 'yaml';
import { describe, expect, test } from 'vitest';
import { makeHolidayCalendar } from '../src/core/dates/bank-holidays.js';
import { computePlan as computeBarePlan } from '../src/core/plan/plan.js';
import type { RuleSet } from '../src/core/rule-set/rule-set.js';
import { luxonInstant } from './luxon-oracle.js';
import {
  BANK_HOLIDAY_DATES,
  type WrittenRuleSet,
  dayOff,
  oracleDaysOff,
  oraclePlan,
  plusDays,
  walkWorkingDays,
} from './plan-oracle.js';
import { parseRuleSet } from '../src/io/analyse-rule-set-file.js';
import { BUILT_IN_DIR, loadRuleSet } from '../src/io/load-rule-set.js';
import { renderCsv } from '../src/render/csv.js';
import { renderIcs } from '../src/render/ics.js';
import { renderJson } from '../src/render/json.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { renderText } from '../src/render/text.js';

// A plan as the renderers take it, with nothing from an inspection file.
const computePlan = (...args: Parameters<typeof computeBarePlan>) => untracked(computeBarePlan(...args));

// Properties of every built-in rule set, and of a rule set with chains of "from", closures and
// weeks (test/data/chained-rule-set.yaml), over notification dates from 2016 to 2040: plain
// random days, days near a clock change and days before a bank holiday. Dates are checked
// against an oracle that shares no code with src/ (test/plan-oracle.ts): the rule set as
// written, GOV.UK's bank holidays and a day-by-day walk.
// JTAI_PROPERTY_RUNS=5000 npm test runs them longer.
const RUNS = Number(process.env.JTAI_PROPERTY_RUNS ?? 150);
const TIMEOUT = 20_000 + RUNS * 50;
const NO_CLOSURES: ReadonlySet<string> = new Set();
const CHAINED = fileURLToPath(new URL('./data/chained-rule-set.yaml', import.meta.url));

const RULE_SETS: Array<{ name: string; ruleSet: RuleSet; written: WrittenRuleSet }> = [
  ...(await Promise.all(
    readdirSync(BUILT_IN_DIR)
      .filter((f) => f.endsWith('.yaml'))
      .map(async (f) => ({
        name: f.replace(/\.yaml$/, ''),
        ruleSet: await loadRuleSet(f.replace(/\.yaml$/, '')),
        written: parse(readFileSync(join(BUILT_IN_DIR, f), 'utf8')) as WrittenRuleSet,
      })),
  )),
  {
    name: 'chained (test/data)',
    ruleSet: parseRuleSet(readFileSync(CHAINED, 'utf8'), CHAINED),
    written: parse(readFileSync(CHAINED, 'utf8')) as WrittenRuleSet,
  },
];

const isoOf = (d: Date) => d.toISOString().slice(0, 10);
const workingDay = (d: string) => !dayOff(d, NO_CLOSURES);
const holidays = [...BANK_HOLIDAY_DATES];
/** Working days from `min` to `max`: random days, the fortnight of a clock change, the fortnight before a bank holiday. */
const notifiedBetween = (min: string, max: string) =>
  fc
    .oneof(
      fc.date({ min: new Date(`${min}T00:00Z`), max: new Date(`${max}T00:00Z`), noInvalidDate: true }).map(isoOf),
      // The fortnights around the clock changes (the last Sundays of March and October).
      fc
        .tuple(fc.integer({ min: 2016, max: 2040 }), fc.constantFrom(3, 10), fc.integer({ min: 14, max: 31 }))
        .map(([y, m, d]) => isoOf(new Date(Date.UTC(y, m - 1, d)))),
      // Up to 12 days before a bank holiday, or 2 after it.
      fc.tuple(fc.constantFrom(...holidays), fc.integer({ min: -12, max: 2 })).map(([h, k]) => plusDays(h, k)),
    )
    .filter((d) => d >= min && d <= max && workingDay(d));
// A fortnight's timetable stays inside the years jtai knows bank holidays for (2016 to 2040).
const notifiedArb = notifiedBetween('2016-01-15', '2040-11-15');

/** Closure days near the notification (never on it): before it, and through the fortnight. */
const closuresArb = fc
  .uniqueArray(fc.integer({ min: -3, max: 25 }), { maxLength: 4 })
  .map((ks) => ks.filter((k) => k !== 0));

const planOf = (ruleSet: RuleSet, notified: string, extra: readonly string[] = []) =>
  computePlan(
    ruleSet,
    notified,
    makeHolidayCalendar([...ruleSet.closures, ...extra.map((date) => ({ date, name: 'Extra closure' }))]),
  );

/** What the plan and the oracle say of each item, in the rule set's order. */
function compared(ruleSet: RuleSet, written: WrittenRuleSet, notified: string, extra: readonly string[] = []) {
  const plan = planOf(ruleSet, notified, extra);
  const oracle = oraclePlan(written, notified, extra);
  const byId = new Map(plan.items.map((i) => [i.id, i]));
  const actual = written.items.map(({ id }) => ({
    id,
    date: byId.get(id)?.date,
    time: byId.get(id)?.time,
    due: byId.get(id)?.due,
    day: byId.get(id)?.day,
  }));
  const expected = written.items.map(({ id }) => ({ id, ...oracle.get(id)! }));
  return { plan, oracle, actual, expected };
}

describe.each(RULE_SETS)('rule set $name', ({ ruleSet, written }) => {
  const closures = new Set((written.closures ?? []).map((c) => String(c.date)));
  const notifiedHere = notifiedArb.filter((d) => !closures.has(d)); // a closure is no day to be notified on
  const property = (check: (notified: string) => void, numRuns = RUNS) =>
    fc.assert(fc.property(notifiedHere, check), { numRuns });

  test(
    'every item falls on the date, time and day number a day-by-day walk over the GOV.UK bank holidays gives, extra closures too',
    () => {
      fc.assert(
        fc.property(notifiedHere, closuresArb, (notified, ks) => {
          const extra = ks.map((k) => plusDays(notified, k)).filter(workingDay);
          const { plan, actual, expected } = compared(ruleSet, written, notified, extra);
          expect(actual).toEqual(expected);
          const last = plan.items.reduce((max, i) => (i.date > max ? i.date : max), notified);
          expect(plan.daysOff.map((d) => d.date)).toEqual(
            oracleDaysOff(notified, last, new Set([...closures, ...extra])),
          );
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  test(
    'every working-day item lands on a working day, that many working days on',
    () => {
      property((notified) => {
        for (const item of planOf(ruleSet, notified).items.filter(
          (i) => written.items.find((w) => w.id === i.id)?.day !== undefined,
        )) {
          expect(dayOff(item.date, closures), `${item.id} on ${item.date}`).toBe(false);
          expect(walkWorkingDays(notified, item.day! - ruleSet.notification.day, closures), item.id).toBe(item.date);
        }
      });
    },
    TIMEOUT,
  );

  test(
    'day order and date order agree',
    () => {
      property((notified) => {
        const days = planOf(ruleSet, notified).items.filter((i) => i.day !== null);
        for (const a of days) for (const b of days) if (a.day! < b.day!) expect(a.date < b.date).toBe(true);
      });
    },
    TIMEOUT,
  );

  test(
    'every item that comes before one it is declared to follow is warned about, and no other',
    () => {
      property((notified) => {
        const plan = planOf(ruleSet, notified);
        const byId = new Map(plan.items.map((i) => [i.id, i]));
        const key = (i: { date: string; time: string | null }) => `${i.date} ${i.time ?? ''}`;
        const broken = plan.items.flatMap((i) =>
          i.after.filter((id) => key(byId.get(id)!) > key(i)).map((id) => [i, byId.get(id)!] as const),
        );
        const warned = plan.warnings
          .map((w) => w.message)
          .filter((w) => w.endsWith('which the rule set says comes first.'));
        expect(warned).toHaveLength(broken.length);
        for (const [item, before] of broken)
          expect(warned.some((w) => w.startsWith(`"${item.title}"`) && w.includes(`"${before.title}"`))).toBe(true);
      });
    },
    TIMEOUT,
  );

  test(
    'wall-clock times never move across a clock change, and agree with luxon',
    () => {
      // luxon's reading of the hour the clocks repeat (01:00 to 01:59 on October's last Sunday)
      // depends on the day it runs: the first property checks those, against the oracle.
      const repeated = (date: string, time: string) =>
        time.startsWith('01:') &&
        date.slice(5, 7) === '10' &&
        Number(date.slice(8)) >= 25 &&
        !workingDay(date) &&
        new Date(`${date}T12:00Z`).getUTCDay() === 0;
      property((notified) => {
        for (const item of planOf(ruleSet, notified).items.filter((i) => i.due !== null)) {
          expect(item.due!.slice(0, 16)).toBe(`${item.date}T${item.time}`);
          if (!repeated(item.date, item.time!))
            expect(item.due).toBe(luxonInstant(ruleSet.timezone, item.date, item.time!));
        }
      });
    },
    TIMEOUT,
  );

  test(
    'JSON, CSV, Markdown and ICS list the same items at the same instants',
    () => {
      property(
        (notified) => {
          const plan = planOf(ruleSet, notified);
          const json = JSON.parse(renderJson(plan)) as {
            items: Array<{ id: string; due: string | null; date: string; time: string | null }>;
          };
          const expected = json.items.map((i) => [i.id, i.due === null ? i.date : new Date(i.due).toISOString()]);

          const csvRows = renderCsv(plan)
            .split('\r\n')
            .slice(1)
            .filter((r) => /^[a-z0-9-]+,/.test(r))
            .map((r) => r.split(','));
          expect(csvRows.map((r) => [r[0], r[6] === '' ? r[3] : new Date(r[6]!).toISOString()])).toEqual(expected);

          const mdRows = renderMarkdown(plan)
            .split('\n')
            .filter((l) => /^\| (-?\d+)? \| /.test(l));
          expect(mdRows).toHaveLength(json.items.length);

          const ics = new ICAL.Component(
            ICAL.parse(renderIcs(plan, { stamp: new Date(0), remindMinutes: 60, version: 't' })),
          );
          const events = ics.getAllSubcomponents('vevent').map((v) => {
            const start = v.getFirstPropertyValue('dtstart') as ICAL.Time;
            const uid = String(v.getFirstPropertyValue('uid'));
            return [
              uid.slice(`jtai-yyyymmdd-`.length, -'@jtai'.length),
              start.isDate ? start.toString() : start.toJSDate().toISOString(),
            ];
          });
          expect(events).toEqual(expected);
        },
        Math.max(20, Math.floor(RUNS / 3)),
      );
    },
    TIMEOUT,
  );

  test(
    'the same input gives byte-identical output in every format',
    () => {
      property(
        (notified) => {
          const a = planOf(ruleSet, notified);
          const b = planOf(ruleSet, notified);
          const options = { stamp: new Date(0), remindMinutes: 60, version: 't' };
          expect(renderJson(a)).toBe(renderJson(b));
          expect(renderText(a)).toBe(renderText(b));
          expect(renderCsv(a)).toBe(renderCsv(b));
          expect(renderMarkdown(a, { mermaid: true })).toBe(renderMarkdown(b, { mermaid: true }));
          expect(renderIcs(a, options)).toBe(renderIcs(b, options));
        },
        Math.max(20, Math.floor(RUNS / 3)),
      );
    },
    TIMEOUT,
  );
});

// Random rule sets: each item a working-day number, a weekday of a week or a chain from an
// earlier item (working days, hours and minutes either way, with or without a time of its own),
// at a clock time, a named time (one in the hour the clocks skip in March) or all day.
describe('any rule set of days, weeks and chains', () => {
  const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
  const pad = (n: number) => String(n).padStart(2, '0');
  const clockArb = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
    .map(([h, m]) => `${pad(h)}:${pad(m)}`);
  const atArb = fc.oneof(clockArb, fc.constantFrom('all-day', 'end-of-day', 'small-hours'));
  const itemArb = fc.oneof(
    fc.record({ type: fc.constant('day' as const), day: fc.integer({ min: -2, max: 12 }), at: atArb }),
    fc.record({
      type: fc.constant('week' as const),
      week: fc.integer({ min: 1, max: 3 }),
      weekday: fc.constantFrom(...WEEKDAYS),
      at: atArb,
    }),
    fc.record({
      type: fc.constant('from' as const),
      base: fc.nat(),
      days: fc.integer({ min: -4, max: 4 }),
      hours: fc.integer({ min: -30, max: 30 }),
      minutes: fc.constantFrom(0, -45, -30, -15, 15, 30, 45),
      at: fc.option(atArb, { nil: undefined }),
    }),
  );
  // Up to 8 items, each up to 4 working days from the last: ranges of a few months.
  const ruleSetArb = fc
    .record({
      notificationDay: fc.integer({ min: 0, max: 3 }),
      items: fc.array(itemArb, { minLength: 1, maxLength: 8 }),
    })
    .map(({ notificationDay, items }) => {
      const allDay: boolean[] = [];
      const written = items.map((spec, i) => {
        const common = { id: `i${i}`, kind: 'submission', title: `Item ${i}`, by: ['la'], source: 's' };
        if (spec.type === 'day' || (spec.type === 'from' && i === 0)) {
          const at = spec.at ?? '12:00';
          allDay.push(at === 'all-day');
          return { ...common, day: spec.type === 'day' ? spec.day : spec.days, at };
        }
        if (spec.type === 'week') {
          allDay.push(spec.at === 'all-day');
          return { ...common, week: spec.week, weekday: spec.weekday, at: spec.at };
        }
        const base = spec.base % i;
        const moves = spec.hours * 60 + spec.minutes !== 0;
        // Hours from an all-day time need a clock time of the item's own. (An "at: all-day" with
        // hours passes jtai check and then fails as an internal error: reported, left out here.)
        const at = moves && (spec.at === 'all-day' || (spec.at === undefined && allDay[base])) ? '10:00' : spec.at;
        allDay.push(at === undefined ? allDay[base]! : at === 'all-day');
        return {
          ...common,
          from: `i${base}`,
          days: spec.days,
          hours: spec.hours,
          minutes: spec.minutes,
          ...(at !== undefined && { at }),
        };
      });
      return {
        id: 'random',
        name: 'Random',
        source: { title: 'A property test' },
        timezone: 'Europe/London',
        holidays: 'england-and-wales',
        notification: { day: notificationDay },
        times: {
          'end-of-day': { time: '17:00', label: 'end of the day' },
          'small-hours': { time: '01:30', label: 'the small hours' },
        },
        parties: { la: { name: 'Local authority' } },
        items: written,
      };
    });

  test(
    'every item falls where the oracle puts it',
    () => {
      fc.assert(
        fc.property(ruleSetArb, notifiedBetween('2016-03-14', '2040-10-01'), closuresArb, (written, notified, ks) => {
          const extra = ks.map((k) => plusDays(notified, k)).filter(workingDay);
          const ruleSet = parseRuleSet(stringify(written), 'random.yaml');
          const { actual, expected } = compared(ruleSet, written as WrittenRuleSet, notified, extra);
          expect(actual).toEqual(expected);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
