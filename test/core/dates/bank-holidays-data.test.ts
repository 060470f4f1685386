import { expect, test } from 'vitest';
import { BANK_HOLIDAYS } from '../../../src/core/dates/bank-holidays-data.js';
// @ts-expect-error: a plain .mjs script without types
import { listBankHolidays } from '../../../scripts/generate-bank-holidays.mjs';

test('the committed table is what date-holidays gives now (run `npm run generate:holidays` if not)', () => {
  expect(BANK_HOLIDAYS).toEqual(listBankHolidays());
});

test('the table has the one-off days and moved days of recent years', () => {
  const dates = new Map(BANK_HOLIDAYS);
  expect(dates.get('2020-05-08')).toMatch(/VE day/); // early May bank holiday moved to the Friday
  expect(dates.has('2020-05-04')).toBe(false);
  expect(dates.get('2022-06-02')).toBe('Spring bank holiday'); // moved from the last Monday of May
  expect(dates.get('2022-06-03')).toBe("Queen's Platinum Jubilee");
  expect(dates.get('2022-09-19')).toBe("Queen Elizabeth's Funeral Day");
  expect(dates.get('2023-05-08')).toBe("King Charles III's Coronation");
});

test('the suite runs in the time zone its project names', () => {
  // Guards the multi-zone run: if TZ were ignored, every project would test the same zone.
  const offset = new Date('2019-01-15T12:00:00Z').getTimezoneOffset();
  const expected: Record<string, number> = {
    UTC: 0,
    'Europe/London': 0,
    'America/Los_Angeles': 480,
    'Pacific/Auckland': -780,
  };
  expect(offset).toBe(expected[process.env.TZ!]);
});

test('the table agrees with the published GOV.UK list for every year it covers (2016 to 2027)', async () => {
  const { readFile } = await import('node:fs/promises');
  const published = JSON.parse(
    await readFile(new URL('../../data/gov-uk-bank-holidays-england-and-wales.json', import.meta.url), 'utf8'),
  ) as {
    years: [number, number];
    events: Array<{ date: string; title: string }>;
  };
  const [first, last] = published.years;
  const ours = BANK_HOLIDAYS.map(([date]) => date).filter(
    (d) => Number(d.slice(0, 4)) >= first && Number(d.slice(0, 4)) <= last,
  );
  expect(ours).toEqual(published.events.map((e) => e.date));
});
