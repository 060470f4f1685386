import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers.js';
import { PAGE, hasChromium, launch, pageUrl } from './browser.js';

// Issue 14: the whole of jtai as one offline page, tested in a real browser against the CLI.
// Run in two machine zones (UTC and Los Angeles): the page must not depend on the machine's.

const zones = ['UTC', 'America/Los_Angeles'];
const run = hasChromium && zones.includes(process.env.TZ ?? '');
const STAMP = Date.UTC(2019, 2, 20, 9, 30); // the moment the page's clock shows, and SOURCE_DATE_EPOCH
const folder = () => mkdtempSync(join(tmpdir(), 'jtai-web-'));

let browser: Browser;
beforeAll(async () => {
  if (run) browser = await launch();
}, 30_000);
afterAll(async () => browser?.close());

async function open(params: Record<string, string> = {}, fixedClock = true): Promise<Page> {
  const page = await browser.newPage({ acceptDownloads: true });
  if (fixedClock) {
    // A fixed "now" (install, then pauseAt, raced under load: the clock ran past STAMP between them).
    await page.clock.setFixedTime(STAMP);
  }
  await page.goto(pageUrl(params));
  await page.waitForSelector('#agenda tr[data-id], #agenda p, #errors li');
  return page;
}

/** The timetable's rows as the JSON has them: id, date, due, and the time the row shows. */
const pageItems = (page: Page) =>
  page.$$eval('#agenda tr[data-id]', (rows) =>
    rows.map((row) => ({
      id: (row as HTMLElement).dataset.id,
      date: (row as HTMLElement).dataset.date,
      due: (row as HTMLElement).dataset.due ?? null,
      time: row.querySelector('.jtai-time')!.textContent,
    })),
  );

type JsonItem = { id: string; date: string; due: string | null; time: string | null };
const asRows = (items: JsonItem[]) =>
  items.map((i) => ({ id: i.id, date: i.date, due: i.due, time: i.time ?? 'all day' }));

async function cliJson(args: string[]) {
  const { code, stdout, stderr } = await runCli(['plan', ...args, '-f', 'json', '-q']);
  expect(code, stderr).toBe(0);
  return JSON.parse(stdout) as { items: JsonItem[] };
}

describe.skipIf(!run)('the web page, in chromium', () => {
  test.each([
    ['a plain date', '2019-03-19', []],
    ['Easter', '2019-04-16', []],
    ['the March clock change', '2019-03-28', []],
    ['the October clock change', '2019-10-24', []],
    ['one agency', '2019-03-19', ['police']],
  ])("%s: the page shows the same items, dates and times as the CLI's JSON", async (_what, notified, agency) => {
    const page = await open({ notified, ...(agency[0] && { agency: agency[0] }) });
    const json = await cliJson(['-n', notified, ...agency.flatMap((a) => ['--agency', a])]);
    expect(await pageItems(page)).toEqual(asRows(json.items));
    await page.close();
  });

  test("each download is the CLI's bytes for the same input", async () => {
    const page = await open({ notified: '2019-04-16', agency: 'police' });
    const dir = folder();
    await page.click('#other-formats summary'); // Markdown and JSON are under "Other formats"
    for (const [format, label] of [
      ['ics', 'Add to your calendar \\(Outlook\\)'],
      ['csv', 'Spreadsheet'],
      ['md', 'Markdown'],
      ['json', 'Data'],
      ['html', 'Printable page'],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: new RegExp(`^${label}`) }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`jtai-2019-04-16-police.${format}`);
      const fromPage = readFileSync((await download.path())!);
      const out = join(dir, `cli.${format}`);
      const cli = await runCli(['plan', '-n', '2019-04-16', '--agency', 'police', '--out', out, '-q'], {
        SOURCE_DATE_EPOCH: String(STAMP / 1000),
      });
      expect(cli.code, cli.stderr).toBe(0);
      expect(fromPage.equals(readFileSync(out)), format).toBe(true);
    }
    await page.close();
  });

  test("a rule set of one's own, opened from a file, gives the CLI's plan; a broken one shows its line and column", async () => {
    const dir = folder();
    const good = join(dir, 'my-area.yaml');
    writeFileSync(
      good,
      'extends: jtai-2018\nid: my-area\nname: My Area\nitems:\n  - { id: sign-off, kind: submission, title: Internal sign-off, from: cse-gangs-cases, hours: -2, by: [local-authority], source: Ours. }\n',
    );
    const page = await open({ notified: '2019-03-19' });
    await page.selectOption('#rules', 'file');
    await page.setInputFiles('#rules-file', good);
    await page.waitForSelector('#agenda tr[data-id="sign-off"]');
    expect(await pageItems(page)).toEqual(asRows((await cliJson(['-n', '2019-03-19', '-r', good])).items));
    expect(await page.textContent('#plan-title')).toBe('My Area: notified Tuesday 19 March 2019');
    expect(await page.inputValue('#rules-file')).toBe(''); // read, and emptied: the same file chosen again is read again
    expect(new URL(page.url()).searchParams.get('rules')).toBe('file'); // a link from here asks for the file
    expect(await page.textContent('#file-note')).toContain('whoever opens the link needs the file too');

    const bad = join(dir, 'broken.yaml');
    writeFileSync(bad, 'extends: jtai-2018\nid: broken\nitems:\n  - id: cse-gangs-cases\n    at: "3pm"\n');
    await page.setInputFiles('#rules-file', bad);
    await page.waitForSelector('#errors li');
    const check = await runCli(['check', bad]);
    const line = check.stdout.split('\n')[0]!.replace(/^.*broken\.yaml:(\d+:\d+): error: /, 'broken.yaml:$1: ');
    const errors = () => page.$$eval('#errors li', (lis) => lis.map((l) => l.textContent));
    expect(await errors()).toEqual([line]);
    expect(line).toBe(
      'broken.yaml:5:9: unknown time "3pm"; expected a clock time like "15:00" or one of "end-of-day", "midday", "all-day".',
    );
    expect(await page.isHidden('#plan')).toBe(true);
    // Another agency: the errors stay, and the good file's plan does not come back.
    await page.selectOption('#agency', { index: 0 });
    expect(await errors()).toEqual([line]);
    expect(await page.locator('#agenda tr[data-id]').count()).toBe(0);
    // The file fixed and chosen again: its plan.
    writeFileSync(
      bad,
      'extends: jtai-2018\nid: broken\nname: Fixed\nitems:\n  - id: cse-gangs-cases\n    at: "15:00"\n',
    );
    await page.setInputFiles('#rules-file', bad);
    await page.waitForSelector('#agenda tr[data-id]');
    expect(await page.isHidden('#errors')).toBe(true);
    expect(await page.textContent('#plan-title')).toBe('Fixed: notified Tuesday 19 March 2019');
    await page.close();
  }, 20_000);

  test('the code the first plan does not need is kept as text until it is needed, and then runs', async () => {
    // Issue 23: the rule-set checks (zod, the YAML parser) and other time zones' rules are
    // chunks of their own (scripts/build-web.mjs), run only when first imported.
    const failures: string[] = [];
    const page = await browser.newPage();
    page.on('pageerror', (e) => failures.push(e.message));
    // What the page's Content-Security-Policy refused (zod trying Function() was one).
    await page.addInitScript(() => {
      const w = window as unknown as { refused: string[] };
      w.refused = [];
      document.addEventListener('securitypolicyviolation', (e) => w.refused.push(e.violatedDirective));
    });
    await page.goto(pageUrl({ notified: '2019-03-19' }));
    await page.waitForSelector('#agenda tr[data-id]');
    const chunks = (loaded: boolean) =>
      page.$$eval(`script[type="text/plain"]${loaded ? '[data-loaded]' : ''}`, (scripts) =>
        scripts.map((s) => s.id.replace(/^jtai-chunk:/, '')).sort(),
      );
    expect(await chunks(false)).toEqual(expect.arrayContaining(['checks.js', 'zone-rules-luxon.js']));
    expect(await chunks(true)).toEqual([]);

    const file = join(folder(), 'far-area.yaml');
    writeFileSync(file, 'extends: jtai-2018\nid: far-area\nname: Far Area\ntimezone: America/New_York\n');
    await page.selectOption('#rules', 'file');
    await page.setInputFiles('#rules-file', file);
    await page.waitForSelector('#plan-title:has-text("Far Area")');
    expect(await pageItems(page)).toEqual(asRows((await cliJson(['-n', '2019-03-19', '-r', file])).items));
    expect(await chunks(true)).toEqual(expect.arrayContaining(['checks.js', 'zone-rules-luxon.js']));
    expect(failures).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { refused: string[] }).refused)).toEqual([]);
    await page.close();
  }, 20_000);

  test('the address carries the choices; the page says how it read them', async () => {
    const page = await open({ notified: '19/03/2019' });
    await page.selectOption('#agency', 'schools');
    expect(new URL(page.url()).searchParams.get('agency')).toBe('schools');
    expect(new URL(page.url()).searchParams.get('notified')).toBe('2019-03-19');
    expect([
      await page.inputValue('#notified-day'),
      await page.inputValue('#notified-month'),
      await page.inputValue('#notified-year'),
    ]).toEqual(['19', '3', '2019']);
    expect(await page.textContent('#focus h2')).toBe('What Schools should be ready to show');
    const wrong = await open({ notified: '31/02/2019' });
    expect(await wrong.textContent('#errors')).toContain('there is no 31 February 2019');
    await page.close();
    await wrong.close();
  });

  test('each item explains how its date was worked out, skipping Easter by name', async () => {
    const page = await open({ notified: '2019-04-16' });
    const item = page.locator('tr[data-id="select-children-to-track"]');
    expect(await item.locator('summary').textContent()).toBe(
      'Details: Lead inspector selects five to eight cases for inspectors to track',
    ); // named after its item
    await item.locator('summary').click();
    await item.locator('.jtai-steps li').first().waitFor();
    const steps = await item.locator('.jtai-steps li').allTextContents();
    expect(steps).toEqual([
      'Tue 16 Apr 2019 day 0, notification day',
      'Wed 17 Apr 2019 day 1',
      'Thu 18 Apr 2019 day 2',
      'Fri 19 Apr 2019 skipped: Good Friday (bank holiday)',
      'Sat 20 Apr 2019 skipped: Saturday',
      'Sun 21 Apr 2019 skipped: Sunday',
      'Mon 22 Apr 2019 skipped: Easter Monday (bank holiday)',
      'Tue 23 Apr 2019 day 3',
    ]);
    await page.close();
  });

  test("what is next from now (the page's clock: Wednesday 20 March 2019, 09:30)", async () => {
    const page = await open({ notified: '2019-03-19' });
    expect(await page.textContent('#next .jtai-now')).toBe('Now: Wednesday 20 March 2019, 09:30, UK time');
    expect(
      await page.$$eval('#next li[data-id]', (lis) => lis.map((l) => l.dataset.id)).then((ids) => ids.slice(0, 3)),
    ).toEqual(['children-list', 'child-level-data', 'cse-gangs-cases']);
    await page.close();
  });

  test('the page says what the CLI says: a timetable that is over, and the days off skipped', async () => {
    const over = await open({ notified: '2019-03-05' }); // every item before the page's clock
    const next = await runCli(['next', '-n', '2019-03-05', '--now', '2019-03-20T09:30']);
    const said = next.stdout.split('\n\n')[1]!.replace(/\s+/g, ' ').trim();
    expect(said).toBe(
      'The timetable is over: all 14 items of this plan have passed, the last on Friday 15 March 2019. Nothing more is due.',
    );
    expect(await over.textContent('#next > p:not(.jtai-now)')).toBe(said);
    await over.close();
    const easter = await open({ notified: '2019-04-16' });
    const agenda = (await runCli(['plan', '-n', '2019-04-16', '-q'])).stdout;
    const daysOff = agenda
      .split('Days off skipped\n')[1]!
      .split('\n')
      .filter((l) => l.startsWith('  • '))
      .map((l) => l.slice(4));
    expect(daysOff).toEqual([
      'Friday 19 April 2019: Good Friday (bank holiday)',
      'Monday 22 April 2019: Easter Monday (bank holiday)',
    ]);
    // In the timetable, in date order among the days: the bank holidays as the CLI names them, and the weekend.
    expect(await easter.$$eval('#agenda tbody', (bodies) => bodies.map((b) => b.textContent!.split(' · ')[0]))).toEqual(
      [
        'Day 0',
        'Day 1',
        'Day 2',
        `${daysOff[0]}, not counted`,
        'Saturday 20 April 2019: weekend, not counted',
        'Sunday 21 April 2019: weekend, not counted',
        `${daysOff[1]}, not counted`,
        'Day 3',
        'Day 5',
        'Friday of week 2',
        'Saturday 27 April 2019: weekend, not counted',
        'Sunday 28 April 2019: weekend, not counted',
        'Day 7',
      ],
    );
    await easter.close();
  });

  test('usable at 200% zoom: nothing scrolls sideways at half the width', async () => {
    const page = await browser.newPage({ viewport: { width: 640, height: 900 }, deviceScaleFactor: 2 });
    await page.goto(pageUrl({ notified: '2019-03-19' }));
    await page.waitForSelector('#agenda tr[data-id]');
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).toBe(true);
    await page.close();
  });

  test('where each item stands is a word in a tag, and its data-status', async () => {
    const page = await open({ notified: '2019-03-19' }); // at Wednesday 20 March 2019, 09:30, nothing recorded
    const rows = await page.$$eval('#agenda tr[data-id]', (trs) =>
      trs.map((tr) => `${(tr as HTMLElement).dataset.status} ${tr.querySelector('.govuk-tag')!.textContent}`),
    );
    expect(rows.slice(0, 3)).toEqual(['passed Passed', 'passed Passed', 'due-today Due today']);
    expect(new Set(rows)).toEqual(new Set(['passed Passed', 'due-today Due today', 'upcoming Upcoming']));
    await page.close();
  });

  test('small, and sends nothing anywhere: the only request is the page itself', async () => {
    expect(statSync(PAGE).size).toBeLessThan(1024 * 1024);
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pageUrl({ notified: '2019-03-19' }));
    await page.waitForSelector('#agenda tr[data-id]');
    await page.getByRole('button', { name: /^Add to your calendar/ }).click();
    expect(requests.filter((u) => !u.startsWith('blob:'))).toEqual([pageUrl({ notified: '2019-03-19' })]);
    await page.close();
  });

  test('the printable page, printed to PDF by chromium: the whole timetable on page one', async () => {
    const dir = folder();
    const html = join(dir, 'plan.html');
    expect((await runCli(['plan', '-n', '2019-03-19', '--out', html, '-q'])).code).toBe(0);
    const page = await browser.newPage();
    await page.goto(`file://${html}`);
    const pdf = join(dir, 'plan.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true });
    await page.close();
    const first = spawnSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
    expect(first.status, 'pdftotext (poppler-utils) is needed').toBe(0);
    const text = first.stdout.replace(/\s+/g, ' ');
    expect(text).toContain('JTAI timetable (2018 guidance): notified Tuesday 19 March 2019'); // the page header
    expect(text).toContain('List of children in need'); // the first row
    expect(text).toContain('CQC requests documents about the children being tracked'); // and the last
    expect(text).toMatch(/Page 1 of \d+/);
    expect(text).not.toContain('What the inspection looks at'); // that starts on page two
  });
});
