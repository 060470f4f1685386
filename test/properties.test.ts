import { untracked } from '../src/core/progress/progress.js';
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { makeHolidayCalendar } from '../src/core/dates/bank-holidays.js';
import { computePlan as computeBarePlan } from '../src/core/plan/plan.js';
import { isWorkingDay, countWorkingDays } from '../src/core/dates/working-days.js';
import { luxonInstant } from './luxon-oracle.js';
import { BUILT_IN_DIR, loadRuleSet } from '../src/io/load-rule-set.js';
import { renderCsv } from '../src/render/csv.js';
import { renderIcs } from '../src/render/ics.js';
import { renderJson } from '../src/render/json.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { renderText } from '../src/render/text.js';

// A plan as the renderers take it, with nothing from an inspection file.
const computePlan = (...args: Parameters<typeof computeBarePlan>) => untracked(computeBarePlan(...args));

// Properties of every built-in rule set over notification dates from 2016 to 2040.
// JTAI_PROPERTY_RUNS=5000 npm test runs them longer.
const RUNS = Number(process.env.JTAI_PROPERTY_RUNS ?? 150);
const TIMEOUT = 20_000 + RUNS * 50;
const names = readdirSync(BUILT_IN_DIR).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
const calendar = makeHolidayCalendar([]);
const notifiedArb = fc
  .date({ min: new Date(Date.UTC(2016, 0, 1)), max: new Date(Date.UTC(2040, 11, 1)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))
  .filter((d) => isWorkingDay(d, calendar));

describe.each(names)('rule set %s', async (name) => {
  const ruleSet = await loadRuleSet(name);
  const planOf = (notified: string) => computePlan(ruleSet, notified, makeHolidayCalendar(ruleSet.closures));
  const property = (check: (notified: string) => void) => fc.assert(fc.property(notifiedArb, check), { numRuns: RUNS });

  test('every working-day item lands on a working day, that many working days on', () => {
    property((notified) => {
      for (const item of planOf(notified).items.filter((i) => i.day !== null)) {
        expect(isWorkingDay(item.date, calendar), `${item.id} on ${item.date}`).toBe(true);
        expect(countWorkingDays(notified, item.day! - ruleSet.notification.day, calendar).date).toBe(item.date);
      }
    });
  }, TIMEOUT);

  test('day order and date order agree', () => {
    property((notified) => {
      const days = planOf(notified).items.filter((i) => i.day !== null);
      for (const a of days) for (const b of days) if (a.day! < b.day!) expect(a.date < b.date).toBe(true);
    });
  }, TIMEOUT);

  test('every item that comes before one it is declared to follow is warned about, and no other', () => {
    property((notified) => {
      const plan = planOf(notified);
      const byId = new Map(plan.items.map((i) => [i.id, i]));
      const key = (i: { date: string; time: string | null }) => `${i.date} ${i.time ?? ''}`;
      const broken = plan.items.flatMap((i) => i.after.filter((id) => key(byId.get(id)!) > key(i)).map((id) => [i, byId.get(id)!] as const));
      const warned = plan.warnings.map((w) => w.message).filter((w) => w.endsWith('which the rule set says comes first.'));
      expect(warned).toHaveLength(broken.length);
      for (const [item, before] of broken) expect(warned.some((w) => w.startsWith(`"${item.title}"`) && w.includes(`"${before.title}"`))).toBe(true);
    });
  }, TIMEOUT);

  test('wall-clock times never move across a clock change, and agree with luxon', () => {
    property((notified) => {
      for (const item of planOf(notified).items.filter((i) => i.due !== null)) {
        expect(item.due!.slice(0, 16)).toBe(`${item.date}T${item.time}`);
        expect(item.due).toBe(luxonInstant(ruleSet.timezone, item.date, item.time!));
      }
    });
  }, TIMEOUT);

  test('JSON, CSV, Markdown and ICS list the same items at the same instants', () => {
    fc.assert(
      fc.property(notifiedArb, (notified) => {
        const plan = planOf(notified);
        const json = JSON.parse(renderJson(plan)) as { items: Array<{ id: string; due: string | null; date: string; time: string | null }> };
        const expected = json.items.map((i) => [i.id, i.due === null ? i.date : new Date(i.due).toISOString()]);

        const csvRows = renderCsv(plan).split('\r\n').slice(1).filter((r) => /^[a-z0-9-]+,/.test(r)).map((r) => r.split(','));
        expect(csvRows.map((r) => [r[0], r[6] === '' ? r[3] : new Date(r[6]!).toISOString()])).toEqual(expected);

        const mdRows = renderMarkdown(plan).split('\n').filter((l) => /^\| \d* \| /.test(l));
        expect(mdRows).toHaveLength(json.items.length);

        const ics = new ICAL.Component(ICAL.parse(renderIcs(plan, { stamp: new Date(0), remindMinutes: 60, version: 't' })));
        const events = ics.getAllSubcomponents('vevent').map((v) => {
          const start = v.getFirstPropertyValue('dtstart') as ICAL.Time;
          const uid = String(v.getFirstPropertyValue('uid'));
          return [uid.slice(`${ruleSet.id}-yyyymmdd-`.length, -'@jtai'.length), start.isDate ? start.toString() : start.toJSDate().toISOString()];
        });
        expect(events).toEqual(expected);
      }),
      { numRuns: Math.max(20, Math.floor(RUNS / 3)) },
    );
  }, TIMEOUT);

  test('the same input gives byte-identical output in every format', () => {
    property((notified) => {
      const a = planOf(notified);
      const b = planOf(notified);
      const options = { stamp: new Date(0), remindMinutes: 60, version: 't' };
      expect(renderJson(a)).toBe(renderJson(b));
      expect(renderText(a)).toBe(renderText(b));
      expect(renderCsv(a)).toBe(renderCsv(b));
      expect(renderMarkdown(a, { mermaid: true })).toBe(renderMarkdown(b, { mermaid: true }));
      expect(renderIcs(a, options)).toBe(renderIcs(b, options));
    });
  }, TIMEOUT);
});
