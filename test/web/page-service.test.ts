import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PAGE, hasChromium, launch } from './browser.js';

// Issue 22: the page as a public-sector service. No plan nobody asked for; a bad link shown as
// an error, with no plan and the address left as it was; the Day / Month / Year date and its
// errors; print as the printable page; axe in every state; the keyboard alone; and screenshots
// at 1366 px, 390 px and 200% zoom, written to /tmp/web-shots/ to be looked at.
// The page does not depend on the machine's zone (test/web/page.test.ts proves it): run once, in UTC.

const run = hasChromium && process.env.TZ === 'UTC';
const STAMP = Date.UTC(2019, 2, 20, 9, 30); // Wednesday 20 March 2019, 09:30
const SHOTS = '/tmp/web-shots';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const urlOf = (query = '') => `file://${PAGE}${query ? `?${query}` : ''}`;

let browser: Browser;
beforeAll(async () => {
  if (run) browser = await launch();
}, 30_000);
afterAll(async () => browser?.close());

/** The page at an address, once it has read it (a running clock for axe, which waits on timers). */
async function open(query = '', options: { fixedClock?: boolean; width?: number; scale?: number } = {}) {
  const page = await browser.newPage({
    acceptDownloads: true,
    viewport: { width: options.width ?? 1366, height: 900 },
    deviceScaleFactor: options.scale ?? 1,
  });
  if (options.fixedClock ?? true) await page.clock.setFixedTime(STAMP);
  await page.goto(urlOf(query));
  await page.waitForFunction(() => document.body.dataset.state); // the address read, and shown
  return page;
}

const rows = (page: Page) => page.locator('#agenda tr[data-id]').count();
const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () =>
    (
      window as unknown as {
        axe: { run: (o: object) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> };
      }
    ).axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }),
  );
  return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
}

describe.skipIf(!run)('the web page as a service, in chromium', () => {
  test('with no address, only the form: no plan, no downloads, nothing to skip to but the content', async () => {
    const page = await open();
    expect(await page.isHidden('#plan')).toBe(true);
    expect(await rows(page)).toBe(0);
    expect(await page.isHidden('#errors')).toBe(true);
    expect(await page.title()).toBe('JTAI timetable');
    expect(await page.getAttribute('.govuk-skip-link', 'href')).toBe('#main-content');
    expect(await page.locator('button[data-format]').first().isVisible()).toBe(false);
    expect(await page.textContent('footer')).toContain('This is not an official inspectorate product');
    expect(await page.content()).toContain('<noscript>');
    await page.close();
  });

  test("govuk-frontend's CSS, cut to what the page uses: no typeface, no asset, no crown", () => {
    const css = /<style>([\s\S]*?)<\/style>/.exec(readFileSync(PAGE, 'utf8'))![1]!;
    expect(css).toContain('/*! govuk-frontend 6.');
    for (const banned of ['@font-face', 'url(', 'GDS Transport', 'govuk-header__logotype', 'govuk-footer__crown'])
      expect(css, banned).not.toContain(banned);
    expect(css).not.toContain('.govuk-accordion'); // a component the page does not use
    expect(css.length).toBeLessThan(80 * 1024);
  });

  test('with JavaScript off: a message saying the page needs it, and no empty form', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(urlOf('notified=2019-03-19'));
    expect(await page.locator('noscript .govuk-inset-text').textContent()).toContain('This page needs JavaScript');
    expect(await page.isHidden('#choices')).toBe(true);
    expect(await page.isHidden('#plan')).toBe(true);
    await context.close();
  });

  test('a plan once a whole date is typed, none for a part of one, and none once it is cleared', async () => {
    const page = await open();
    await page.fill('#notified-day', '19');
    await page.fill('#notified-month', '3');
    await page.focus('#notified-year');
    for (const key of '201') await page.keyboard.type(key);
    expect(await rows(page)).toBe(0); // year 201 is not a whole date: nothing flashes by
    expect(await page.isHidden('#errors')).toBe(true);
    await page.keyboard.type('9');
    await page.waitForSelector('#agenda tr[data-id]');
    expect(await rows(page)).toBe(14);
    expect(await page.textContent('#announce')).toBe('Timetable shown for Tuesday 19 March 2019: 14 items.');
    expect(await page.title()).toBe('JTAI timetable: notified Tuesday 19 March 2019');
    expect(new URL(page.url()).searchParams.get('notified')).toBe('2019-03-19');
    await page.selectOption('#agency', 'police');
    await page.waitForFunction(() => document.title.endsWith('– Police'));
    expect(await page.textContent('#announce')).toMatch(
      /^Timetable shown for Tuesday 19 March 2019, for Police: \d+ items\.$/,
    );
    for (const box of ['#notified-day', '#notified-month', '#notified-year']) await page.fill(box, '');
    expect(await rows(page)).toBe(0);
    expect(await page.isHidden('#plan')).toBe(true);
    expect(await page.textContent('#announce')).toBe('Timetable removed.');
    await page.close();
  });

  test('typing over a date passes through wrong ones silently; what is wrong is said when the box is left', async () => {
    const page = await open();
    await page.fill('#notified-day', '19');
    await page.fill('#notified-month', '3');
    await page.fill('#notified-year', '2019');
    await page.waitForSelector('#agenda tr[data-id]');
    await page.focus('#notified-day');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2'); // Saturday 2 March 2019, on the way to the 26th
    expect(await page.isHidden('#errors')).toBe(true);
    expect(await page.title()).not.toMatch(/^Error/);
    await page.keyboard.type('3'); // Saturday 23 March 2019, a good date to type but not a working day
    expect(await page.isHidden('#errors')).toBe(true);
    await page.keyboard.press('Tab'); // to the month: still on the date
    expect(await page.isHidden('#errors')).toBe(true);
    await page.focus('#rules'); // the date left for another field
    await page.waitForSelector('#errors:not([hidden])');
    expect(await page.textContent('#error-list')).toMatch(/not a working day/);
    await page.focus('#notified-day');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('26');
    await page.waitForSelector('#agenda tr[data-id]');
    expect(await page.isHidden('#errors')).toBe(true);
    expect(new URL(page.url()).searchParams.get('notified')).toBe('2019-03-26');
    await page.close();
  });

  test('a date that cannot be real: the error on the field and in the summary, linked, focused on submit', async () => {
    const page = await open();
    await page.click('#show');
    expect(await page.textContent('#error-list')).toBe('Enter the notification date');
    await page.fill('#notified-day', '30');
    await page.fill('#notified-month', '2');
    await page.fill('#notified-year', '2019');
    await page.click('#show');
    expect(await focused(page)).toBe('errors');
    expect(await page.textContent('#error-list')).toBe('Notification date must be a real date');
    expect(await page.textContent('#notified-error')).toBe('Error: Notification date must be a real date');
    expect(await page.title()).toBe('Error: JTAI timetable');
    expect(await page.getAttribute('#notified-day', 'class')).toContain('govuk-input--error');
    expect(await rows(page)).toBe(0);
    const before = page.url();
    await page.click('#error-list a');
    expect(await focused(page)).toBe('notified-day');
    expect(page.url()).toBe(before); // no #fragment added
    await page.fill('#notified-year', '201');
    await page.fill('#notified-day', '28');
    await page.fill('#notified-year', '2019');
    await page.waitForSelector('#agenda tr[data-id]');
    expect(await page.isHidden('#errors')).toBe(true);
    await page.close();
  });

  test.each([
    ['a date that is not real', 'notified=2019-02-30', 'Notification date in the link must be a real date'],
    ['a date that is not a date', 'notified=banana', 'Notification date in the link must be a real date'],
    ['two dates', 'notified=2019-03-19&notified=2019-03-20', 'The link gives more than one notification date'],
    ['an unknown rule set', 'notified=2019-03-19&rules=nope', 'The link names a rule set this page does not have'],
    ['an unknown agency', 'notified=2019-03-19&agency=nobody', 'The link names an agency that'],
    ['a repeated agency', 'notified=2019-03-19&agency=police&agency=schools', 'The link gives more than one agency'],
    [
      'a rule-set file the page does not have',
      'notified=2019-03-19&rules=file',
      'This link was made with a rule-set file',
    ],
  ])(
    'a link with %s: the error summary, focused; no plan; the address exactly as it was',
    async (_what, query, said) => {
      const page = await open(query);
      await page.waitForSelector('#errors li');
      expect(await page.textContent('#error-list')).toContain(said);
      expect(await focused(page)).toBe('errors');
      expect(await rows(page)).toBe(0);
      expect(await page.isHidden('#plan')).toBe(true);
      expect(await page.title()).toBe('Error: JTAI timetable');
      await page.waitForTimeout(50);
      expect(await page.evaluate(() => location.href)).toBe(urlOf(query));
      await page.close();
    },
  );

  test('the fit warning: short and plain, its reasons behind a disclosure with real links, no command to run', async () => {
    const page = await open('notified=2026-12-01');
    const warning = page.locator('.govuk-warning-text');
    expect(
      await warning.locator('.govuk-warning-text__text').evaluate((t) => t.firstChild?.nextSibling?.textContent),
    ).toBe(
      'This timetable follows the JTAI guidance published in July 2018; inspections notified after 31 December 2019 may follow later guidance, so check the timings against your notification letter.',
    );
    await warning.locator('summary').click();
    const links = await warning.locator('a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toMatch(/^https:\/\/www\.gov\.uk\/[^\s)]+[^\s).,]$/);
    expect(await page.textContent('#plan')).not.toMatch(/jtai (init|check|plan|explain)|run "jtai|--rules/);
    await page.close();
  });

  test('the skip link lands on the timetable', async () => {
    const page = await open('notified=2019-03-19');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the timetable');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('timetable');
    await page.close();
  });

  test("the keyboard alone: Tab to the date, type it, reach the calendar button, open an item's details", async () => {
    const page = await open();
    const active = () =>
      page.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        return { id: a?.id ?? '', text: a?.textContent?.trim() ?? '', inRow: Boolean(a?.closest('tr[data-id]')) };
      });
    await page.keyboard.press('Tab'); // the skip link
    await page.keyboard.press('Tab');
    expect((await active()).id).toBe('notified-day');
    await page.keyboard.type('19');
    await page.keyboard.press('Tab');
    await page.keyboard.type('3');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2019');
    await page.waitForSelector('#agenda tr[data-id]');
    const reached: string[] = [];
    for (let i = 0; i < 12 && (await active()).text !== 'Add to your calendar (Outlook)'; i++) {
      await page.keyboard.press('Tab');
      reached.push((await active()).id || (await active()).text);
    }
    expect(reached).toEqual([
      'rules',
      'agency',
      'show',
      'Open your inspection folder',
      'Add to your calendar (Outlook)',
    ]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('jtai-2019-03-19.ics');
    for (let i = 0; i < 12 && !(await active()).inRow; i++) await page.keyboard.press('Tab');
    expect(await active()).toMatchObject({
      inRow: true,
      text: 'Details: List of children in need and children on a child protection plan',
    });
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(ring).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.locator('tr[data-id="children-list"] .jtai-steps li').first().waitFor();
    expect(await page.locator('tr[data-id="children-list"] details').getAttribute('open')).toBe('');
    await page.close();
  });

  test('printed to PDF (A4): every timetable row on page one, with page numbers; no form and no buttons', async () => {
    const page = await open('notified=2019-03-19');
    const titles = await page.$$eval('#agenda tr[data-id] .jtai-title', (ts) => ts.map((t) => t.textContent!));
    const dir = mkdtempSync(join(tmpdir(), 'jtai-web-print-'));
    const pdf = join(dir, 'page.pdf');
    await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
    await page.close();
    const first = spawnSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
    expect(first.status, 'pdftotext (poppler-utils) is needed').toBe(0);
    const text = first.stdout.replace(/\s+/g, ' ');
    expect(titles).toHaveLength(14);
    for (const title of titles) expect(text, title).toContain(title.split(' ').slice(0, 3).join(' '));
    expect(text).toContain('JTAI timetable (2018 guidance): notified Tuesday 19 March 2019');
    expect(text).toMatch(/Page 1 of \d+/);
    expect(text).not.toContain('When was the area notified');
    expect(text).not.toContain('Add to your calendar');
    expect(text).not.toContain('What the inspection looks at'); // that starts on page two
    const all = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout;
    const pages = Number(/Page 1 of (\d+)/.exec(text)![1]);
    expect(all).toContain(`Page ${pages} of ${pages}`);
  }, 30_000);

  test('axe-core finds no WCAG 2.2 AA violations in any state', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jtai-web-axe-'));
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'extends: jtai-2018\nid: broken\nitems:\n  - id: cse-gangs-cases\n    at: "3pm"\n');
    const states: Array<[string, string, (page: Page) => Promise<void>]> = [
      ['empty', '', async () => {}],
      [
        'a plan, an item opened',
        'notified=2019-03-19',
        async (page) => {
          await page.locator('tr[data-id] summary').first().click();
          await page.click('#other-formats summary');
        },
      ],
      ['an agency', 'notified=2019-04-16&agency=schools', async () => {}],
      [
        'a date the rule set may not fit',
        'notified=2026-12-01',
        async (page) => {
          await page.click('.jtai-why summary');
        },
      ],
      ['a bad link', 'notified=2019-02-30&agency=nobody', async () => {}],
      [
        'a date typed wrong',
        '',
        async (page) => {
          await page.fill('#notified-day', '31');
          await page.fill('#notified-month', '2');
          await page.fill('#notified-year', '2019');
          await page.click('#show');
        },
      ],
      [
        'a broken rule-set file',
        'notified=2019-03-19',
        async (page) => {
          await page.selectOption('#rules', 'file');
          await page.setInputFiles('#rules-file', broken);
          await page.waitForSelector('#errors li');
        },
      ],
    ];
    for (const [name, query, act] of states) {
      const page = await open(query, { fixedClock: false });
      await act(page);
      expect(await axeViolations(page), name).toEqual([]);
      await page.close();
    }
  }, 90_000);

  test('screenshots at 1366 px, 390 px and 200% zoom (in /tmp/web-shots/): nothing scrolls sideways', async () => {
    mkdirSync(SHOTS, { recursive: true });
    for (const [name, width, scale] of [
      ['desktop-1366', 1366, 1],
      ['phone-390', 390, 2],
      ['zoom-200', 683, 2], // a 1366 px screen at 200%
    ] as const) {
      for (const [state, query] of [
        ['empty', ''],
        ['plan', 'notified=2019-04-16'],
        ['error', 'notified=2019-02-30'],
      ] as const) {
        const page = await open(query, { width, scale });
        await page.screenshot({ path: join(SHOTS, `${name}-${state}.png`) });
        if (state === 'plan' && width === 1366)
          await page.screenshot({ path: join(SHOTS, `${name}-${state}-full.png`), fullPage: true });
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
          `${name} ${state}`,
        ).toBe(true);
        await page.close();
      }
    }
  }, 60_000);
});
