import { readFileSync, readdirSync, mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import ICAL from 'ical.js';
import { runCli } from '../helpers.js';
import { PAGE, hasChromium, launch } from './browser.js';

// Issue 22: the fortnight in the page. A folder the CLI recorded progress in, opened in the page
// (through the File System Access API, over the origin-private file system, which a test can
// fill; and read-only, through the ordinary folder picker), shows the status "jtai status" shows
// for the same moment; what the page records, the CLI reads. Notified Tuesday 19 March 2019.

const run = hasChromium && (process.env.TZ ?? 'UTC') === 'UTC';
const NOW = '2019-03-20T15:30'; // Wed 20 Mar 2019 15:30 GMT: day 1, the case lists due at 15:00
const NOW_MS = Date.UTC(2019, 2, 20, 15, 30);
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
let server: Server;
let origin: string;
beforeAll(async () => {
  if (!run) return;
  browser = await launch();
  // The origin-private file system needs an origin: the page served over http, as it is.
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(readFileSync(PAGE));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 30_000);
afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** An inspection folder made by the CLI: started, two deliveries (one late) and a move. */
async function cliFolder(): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), 'jtai-fortnight-')), 'Anyshire');
  mkdirSync(dir);
  const file = join(dir, 'jtai-inspection.yaml');
  const cli = async (args: string[]) => {
    const r = await runCli([...args, '--inspection', file]);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
  };
  expect((await runCli(['start', '-n', '2019-03-19', '--area', 'Anyshire', '--out', file])).code).toBe(0);
  await cli(['done', 'children-list', '--at', '2019-03-19T17:45', '--by', 'Kim']); // 15 minutes late
  await cli(['done', 'cse-gangs-cases', '-a', 'police', '--at', '2019-03-20T14:00', '--by', 'DI Smith']);
  await cli([
    'move',
    'information-on-20-children',
    '--to',
    '2019-03-22T10:00',
    '--why',
    'agreed with the lead inspector',
  ]);
  return dir;
}

/** The folder's files, as paths under it and texts. */
function filesOf(dir: string): Array<{ path: string; text: string }> {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => {
      const full = join(d.parentPath, d.name);
      return { path: full.slice(dir.length + 1), text: readFileSync(full, 'utf8') };
    });
}

/** The page at a fixed moment, with the folder copied into its origin-private file system and offered by the folder picker. */
async function openWithFolder(dir: string, fixed = true, context?: BrowserContext): Promise<Page> {
  const page = await (context ?? browser).newPage({ acceptDownloads: true });
  if (fixed) await page.clock.setFixedTime(NOW_MS);
  await page.goto(origin);
  await plant(page, dir);
  await page.click('#open-folder');
  await page.waitForSelector('#status-table');
  return page;
}

/** The folder copied into the page's origin-private file system, and offered by its folder picker. */
async function plant(page: Page, dir: string): Promise<void> {
  await page.evaluate(
    async ({ files }) => {
      const root = await navigator.storage.getDirectory();
      const top = await root.getDirectoryHandle('Anyshire', { create: true });
      for (const { path, text } of files) {
        const parts = path.split('/');
        let folder = top;
        for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, { create: true });
        const out = await (await folder.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
        await out.write(text);
        await out.close();
      }
      (window as unknown as { showDirectoryPicker: () => Promise<unknown> }).showDirectoryPicker = async () => top;
    },
    { files: filesOf(dir) },
  );
}

/** The progress folder's files as the page left them in its file system. */
const pageRecord = (page: Page) =>
  page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const folder = await (await root.getDirectoryHandle('Anyshire')).getDirectoryHandle('jtai-inspection.progress');
    const out: Array<{ name: string; text: string }> = [];
    for await (const [name, handle] of (
      folder as unknown as { entries(): AsyncIterable<[string, FileSystemFileHandle]> }
    ).entries())
      out.push({ name, text: await (await handle.getFile()).text() });
    return out;
  });

interface CliStatus {
  agencies: Array<{ id: string; total: number; done: string[]; late: string[]; overdue: string[] }>;
  owing: Array<{ id: string }>;
}

/** What "jtai status --format json" says of the folder at NOW (with more arguments: --agency police). */
async function cliStatus(dir: string, ...args: string[]): Promise<CliStatus> {
  const file = join(dir, 'jtai-inspection.yaml');
  return JSON.parse((await runCli(['status', '--now', NOW, '-f', 'json', ...args, '--inspection', file])).stdout);
}

/** The CLI's status as the page's table shows it: agency, done of total, late, overdue. */
const rowsOf = (status: CliStatus) =>
  status.agencies.map((a) => [a.id, `${a.done.length} of ${a.total}`, `${a.late.length}`, `${a.overdue.length}`]);

/** The events the page wrote (named "web"), copied back from its file system into the folder on the disk. */
async function copyBack(page: Page, dir: string): Promise<Array<{ name: string; text: string }>> {
  const fresh = (await pageRecord(page)).filter((f) => f.name.includes('-web-0-'));
  for (const f of fresh) writeFileSync(join(dir, 'jtai-inspection.progress', f.name), f.text);
  return fresh;
}

const statusRows = (page: Page) =>
  page.$$eval('#status-table tbody tr', (rows) =>
    rows.map((r) => [
      r.getAttribute('data-agency'),
      ...[...r.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent),
    ]),
  );

describe.skipIf(!run)('the fortnight in the page, in chromium', { timeout: 60_000 }, () => {
  test("a folder the CLI recorded in shows the CLI's status at the same moment, by agency and item", async () => {
    const dir = await cliFolder();
    const page = await openWithFolder(dir);
    const file = join(dir, 'jtai-inspection.yaml');
    const status = await cliStatus(dir);
    expect(await statusRows(page)).toEqual(rowsOf(status));
    // Worked out by hand: Police did its part of the case lists (due 15:00 today) in time; the
    // DCS's list of children was 15 minutes late; the local authority still owes its part of the case lists.
    const police = status.agencies.find((a) => a.id === 'police')!;
    expect(police.done).toEqual(['cse-gangs-cases']);
    const plan = JSON.parse(
      (await runCli(['plan', '--now', NOW, '-f', 'json', '-q', '--inspection', file])).stdout,
    ) as {
      items: Array<{ id: string; due: string | null; status: string }>;
    };
    const shown = (await page.evaluate(() =>
      (
        window as unknown as {
          jtai: {
            plan(): {
              items: Array<{ id: string; due: string | null }>;
              progress: { items: Record<string, { status: string }> };
            };
          };
        }
      ).jtai.plan(),
    ))!;
    expect(shown.items.map((i) => [i.id, i.due, shown.progress.items[i.id]!.status])).toEqual(
      plan.items.map((i) => [i.id, i.due, i.status]),
    );
    expect(shown.items.find((i) => i.id === 'information-on-20-children')!.due).toBe('2019-03-22T10:00:00+00:00');
    // Each timetable row's data-status is the CLI's status, a late delivery told apart.
    const rows = await page.$$eval('#agenda tr[data-id]', (trs) =>
      trs.map((tr) => [tr.getAttribute('data-id'), tr.getAttribute('data-due'), tr.getAttribute('data-status')]),
    );
    const cliPlan = JSON.parse(
      (await runCli(['plan', '--now', NOW, '-f', 'json', '-q', '--inspection', file])).stdout,
    ) as {
      items: Array<{ id: string; due: string | null; status: string; late: boolean }>;
    };
    expect(rows).toEqual(cliPlan.items.map((i) => [i.id, i.due, i.status === 'done' && i.late ? 'late' : i.status]));
    expect(rows.find((r) => r[0] === 'children-list')![2]).toBe('late'); // 15 minutes late, worked out by hand
    await page.close();
  });

  test("for one agency, the page's status and each item's standing are the CLI's with --agency", async () => {
    const dir = await cliFolder();
    const page = await openWithFolder(dir);
    await page.selectOption('#agency', 'police');
    await page.waitForSelector('#status-table tbody tr:only-child');
    const file = join(dir, 'jtai-inspection.yaml');
    const status = await cliStatus(dir, '--agency', 'police');
    expect(await statusRows(page)).toEqual(rowsOf(status));
    expect(status.agencies.map((a) => a.id)).toEqual(['police']);
    const plan = JSON.parse(
      (await runCli(['plan', '--now', NOW, '-f', 'json', '-q', '--agency', 'police', '--inspection', file])).stdout,
    ) as { items: Array<{ id: string; status: string }> };
    const shown = await page.evaluate(() => {
      const p = (
        window as unknown as {
          jtai: { plan(): { items: Array<{ id: string }>; progress: { items: Record<string, { status: string }> } } };
        }
      ).jtai.plan();
      return p.items.map((i) => [i.id, p.progress.items[i.id]!.status]);
    });
    expect(shown).toEqual(plan.items.map((i) => [i.id, i.status]));
    await page.close();
  });

  test('marking done in the page writes an event the CLI reads; taking it back too', async () => {
    const dir = await cliFolder();
    const page = await openWithFolder(dir);
    await page.selectOption('#record-item', 'child-level-data');
    await page.fill('#record-at', '15:10');
    await page.fill('#record-by', 'Sam <b>Coordinator</b>');
    await page.click('#mark-done');
    await expect
      .poll(() => page.textContent('#record-said'))
      .toMatch(/^Recorded Further lists of child-level data as done at Wed 20 Mar 2019 15:10\.$/);
    // Again: said, not recorded twice.
    await page.click('#mark-done');
    await page.waitForSelector('#record-error li');
    expect(await page.textContent('#record-error')).toContain(
      'That is already recorded as done (Wed 20 Mar 2019 15:10 by Sam <b>Coordinator</b>); nothing new was recorded.',
    );
    const files = await pageRecord(page);
    expect(files.filter((f) => !f.name.endsWith('.json'))).toEqual([]); // no temporary left behind
    const fresh = files.filter((f) => f.name.includes('-web-0-'));
    expect(fresh).toHaveLength(1);
    expect(JSON.parse(fresh[0]!.text)).toMatchObject({
      format: 'jtai-progress-event/1',
      type: 'done',
      item: 'child-level-data',
      at: '2019-03-20T15:10:00+00:00',
      by: 'Sam <b>Coordinator</b>',
    });
    // Recorded after every event the page read (the CLI's were recorded by today's clock, ahead of the page's).
    const recorded = (f: { text: string }) => Date.parse((JSON.parse(f.text) as { recorded: string }).recorded);
    const others = files.filter((f) => !fresh.includes(f)).map(recorded);
    expect(recorded(fresh[0]!)).toBeGreaterThan(Math.max(...others));
    // The CLI, given the folder as the page left it, counts it: done, late (it was due at the end of day 0).
    await copyBack(page, dir);
    const status = await cliStatus(dir);
    expect(status.owing.map((o) => o.id)).not.toContain('child-level-data');
    expect(status.agencies.find((a) => a.id === 'local-authority')!.late).toContain('child-level-data');
    // A part cannot be taken back from a record of the whole: said, as the CLI says it.
    await page.selectOption('#record-item', 'cse-gangs-cases');
    await page.selectOption('#record-part', '');
    await page.fill('#record-at', '15:20');
    await page.click('#mark-done');
    await expect.poll(() => page.textContent('#record-said')).toMatch(/^Recorded 10 cases/);
    await page.selectOption('#record-part', 'health');
    await page.click('#undo-done');
    await expect
      .poll(() => page.textContent('#record-error'))
      .toContain(
        'It was recorded done as a whole (Wed 20 Mar 2019 15:20 by Sam <b>Coordinator</b>), not by parts; take it back whole',
      );
    // Taken back in the page: the record says so, and the CLI agrees.
    await page.selectOption('#record-item', 'child-level-data');
    await page.click('#undo-done');
    await expect.poll(() => page.isHidden('#record-error')).toBe(true);
    await expect.poll(() => page.textContent('#record-said')).toMatch(/^Took back Further lists of child-level data/);
    await copyBack(page, dir);
    const after = await cliStatus(dir);
    expect(after.owing.map((o) => o.id)).toContain('child-level-data');
    await page.close();
  });

  test("a move in the page, with its reason, is the CLI's move; a time that is not a time is refused, nothing written", async () => {
    const dir = await cliFolder();
    const page = await openWithFolder(dir);
    const before = (await pageRecord(page)).length;
    await page.selectOption('#move-item', 'multi-agency-meetings');
    await page.fill('#move-by', 'Sam');
    await page.fill('#move-to', '32/03/2019 10:00');
    await page.fill('#move-why', 'agreed');
    await page.click('#move-deadline');
    await page.waitForSelector('#record-error li');
    expect(await page.textContent('#record-error')).toContain('32/03/2019');
    expect((await pageRecord(page)).length).toBe(before);
    await page.fill('#move-to', '25/03/2019');
    await page.click('#move-deadline');
    await expect.poll(() => page.textContent('#record-error')).toContain('"25/03/2019" has no time of day');
    expect((await pageRecord(page)).length).toBe(before);
    await page.fill('#move-to', '25/03/2019 12:00');
    await page.click('#move-deadline');
    await expect.poll(() => page.textContent('#record-said')).toMatch(/^Moved .* to Mon 25 Mar 2019 12:00\.$/);
    // Onto a Sunday: recorded, with a word of warning.
    await page.selectOption('#move-item', 'key-case-file-documents');
    await page.fill('#move-to', '24/03/2019 10:00');
    await page.fill('#move-why', 'agreed'); // the form is new after each record: the name is kept, the rest is not
    await page.click('#move-deadline');
    await expect
      .poll(() => page.textContent('#record-said'))
      .toMatch(/ Note: Sunday 24 March 2019 is not a working day; check that it is the day agreed\.$/);
    const fresh = (await pageRecord(page)).filter((f) => f.name.includes('-web-0-'));
    const byRecorded = (a: { recorded: string }, b: { recorded: string }) =>
      Date.parse(a.recorded) - Date.parse(b.recorded);
    expect(fresh.map((f) => JSON.parse(f.text) as { recorded: string }).sort(byRecorded)).toMatchObject([
      { type: 'move', item: 'multi-agency-meetings', to: '2019-03-25T12:00:00+00:00', note: 'agreed', by: 'Sam' },
      { type: 'move', item: 'key-case-file-documents', to: '2019-03-24T10:00:00+00:00', note: 'agreed' },
    ]);
    await page.close();
  });

  test('read only, through the ordinary folder picker: the same status, nothing to record with', async () => {
    const dir = await cliFolder();
    const page = await browser.newPage();
    await page.clock.setFixedTime(NOW_MS);
    await page.goto(origin);
    await page.setInputFiles('#folder-files', dir);
    await page.waitForSelector('#status-table');
    expect(await page.$('#mark-done')).toBeNull();
    expect(await page.textContent('#inspection-about')).toContain('read only');
    expect(await statusRows(page)).toEqual(rowsOf(await cliStatus(dir)));
    await page.close();
  });

  test('a folder with no inspection file, chosen after a good one, closes it: the date and rule set can be chosen again', async () => {
    const dir = await cliFolder();
    const empty = mkdtempSync(join(tmpdir(), 'jtai-no-inspection-'));
    writeFileSync(join(empty, 'notes.txt'), 'no inspection here');
    const page = await browser.newPage();
    await page.clock.setFixedTime(NOW_MS);
    await page.goto(origin);
    await page.setInputFiles('#folder-files', dir);
    await page.waitForSelector('#status-table');
    expect(await page.isDisabled('#notified-day')).toBe(true);
    await page.setInputFiles('#folder-files', empty);
    await page.waitForSelector('#status-table', { state: 'detached' });
    expect(await page.isDisabled('#notified-day')).toBe(false);
    expect(await page.isDisabled('#rules')).toBe(false);
    expect(await page.isHidden('#notified-from-folder')).toBe(true);
    expect(await page.textContent('#inspection')).not.toContain('Opened');
    await page.close();
  });

  test("the day's status, copied in the page, pastes into an email as the CLI's HTML status", async () => {
    const dir = await cliFolder();
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const page = await openWithFolder(dir, true, context);
    await page.click('text=Copy the status for an email');
    await expect.poll(() => page.textContent('#record-said')).toBe('The status is copied: paste it into your email.');
    const copied = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return {
        html: await (await item!.getType('text/html')).text(),
        text: await (await item!.getType('text/plain')).text(),
      };
    });
    const file = join(dir, 'jtai-inspection.yaml');
    const cli = (format: string) => runCli(['status', '--now', NOW, '-f', format, '--inspection', file]);
    // The browser's clipboard rewrites the markup it is given: compared as the tables it holds.
    const tables = (html: string) => html.match(/<table/g)?.length;
    expect(tables(copied.html)).toBe(tables((await cli('html')).stdout));
    expect(tables(copied.html)).toBe(2);
    expect(copied.html).toContain('border-collapse');
    expect(copied.text).toBe((await cli('text')).stdout);
    await context.close();
  });

  test('the calendar downloaded with the folder open is an issue of it, as jtai plan --out makes one', async () => {
    const dir = await cliFolder();
    const page = await openWithFolder(dir);
    const file = join(dir, 'jtai-inspection.yaml');
    const [first] = await Promise.all([
      page.waitForEvent('download'),
      page.click('text=Add to your calendar (Outlook)'),
    ]);
    expect(first.suggestedFilename()).toBe('jtai-2019-03-19.ics');
    await expect
      .poll(() => page.textContent('#record-said'))
      .toBe('jtai-2019-03-19.ics: issued for the first time, 14 events.');
    await copyBack(page, dir);
    // The CLI knows that calendar by its name in the folder: nothing changed since the page issued it.
    const cli = await runCli(['plan', '--out', join(dir, 'jtai-2019-03-19.ics'), '--changes', '--inspection', file]);
    expect(cli.stdout).toMatch(
      /^jtai-2019-03-19\.ics: since it was issued on Wed 20 Mar 2019 15:30, nothing changed\.\n$/,
    );
    // A deadline moved in the page, then the calendar again: the move said, its event's SEQUENCE higher.
    await page.selectOption('#move-item', 'multi-agency-meetings');
    await page.fill('#move-to', '22/03/2019 10:00');
    await page.fill('#move-why', 'agreed with the lead inspector');
    await page.fill('#move-by', 'Sam');
    await page.click('#move-deadline');
    await expect.poll(() => page.textContent('#record-said')).toMatch(/^Moved /);
    const [second] = await Promise.all([
      page.waitForEvent('download'),
      page.click('text=Add to your calendar (Outlook)'),
    ]);
    await expect
      .poll(() => page.textContent('#record-said'))
      .toMatch(/^jtai-2019-03-19\.ics: since it was issued on Wed 20 Mar 2019 15:30, moved: 1\./);
    const ics = ICAL.Component.fromString(readFileSync((await second.path())!, 'utf8'));
    const seq = (c: ICAL.Component, uid: string) =>
      c
        .getAllSubcomponents('vevent')
        .find((v) => v.getFirstPropertyValue('uid') === uid)!
        .getFirstPropertyValue('sequence');
    const firstIcs = ICAL.Component.fromString(readFileSync((await first.path())!, 'utf8'));
    const moved = 'jtai-20190319-multi-agency-meetings@jtai';
    const kept = 'jtai-20190319-children-list@jtai';
    expect(Number(seq(ics, moved))).toBeGreaterThan(Number(seq(firstIcs, moved)));
    expect(seq(ics, kept)).toBe(seq(firstIcs, kept));
    await page.close();
  });

  test('the page acts on the folder as it is when asked, whatever a colleague recorded since it was read', async () => {
    const dir = await cliFolder();
    const page = await openWithFolder(dir);
    // A colleague records the NPS's part of the probation cases, into the folder, after the page read it.
    await page.evaluate(async () => {
      const root = await navigator.storage.getDirectory();
      const folder = await (await root.getDirectoryHandle('Anyshire')).getDirectoryHandle('jtai-inspection.progress');
      const out = await (
        await folder.getFileHandle('20300101T000000000Z-laptop-1-aaaaaaaa.json', { create: true })
      ).createWritable();
      await out.write(
        JSON.stringify({
          format: 'jtai-progress-event/1',
          id: '20300101T000000000Z-laptop-1-aaaaaaaa',
          type: 'done',
          item: 'probation-cases',
          agency: 'nps',
          at: '2019-03-20T14:56:00+00:00',
          recorded: '2030-01-01T00:00:00.000Z',
          by: 'NPS lead',
        }),
      );
      await out.close();
    });
    await page.selectOption('#record-item', 'probation-cases');
    await page.selectOption('#record-part', 'nps');
    await page.fill('#record-by', 'Sam');
    await page.click('#mark-done');
    await expect
      .poll(() => page.textContent('#record-error'))
      .toContain('That is already recorded as done (Wed 20 Mar 2019 14:56 by NPS lead); nothing new was recorded.');
    expect((await pageRecord(page)).filter((f) => f.name.includes('-web-0-'))).toEqual([]);
    // And what the colleague recorded now shows.
    expect(await statusRows(page)).toContainEqual(['nps', '1 of 7', '0', '2']);
    await page.close();
  });

  test('left open, the page tells the time again: a deadline passing turns overdue; printed, the folder part is left out', async () => {
    const dir = await cliFolder();
    const page = await openWithFolder(dir);
    const status = (id: string) => page.getAttribute(`#agenda tr[data-id="${id}"]`, 'data-status');
    expect(await status('information-on-20-children')).toBe('upcoming'); // moved to Fri 22 Mar 10:00
    expect(await status('multi-agency-meetings')).toBe('upcoming'); // Thu 21 Mar 17:00
    await page.clock.setFixedTime(Date.UTC(2019, 2, 21, 17, 5)); // Thu 21 Mar 2019 17:05
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await expect.poll(() => status('multi-agency-meetings')).toBe('overdue');
    expect(await page.textContent('#agency-status')).toContain('As at Thu 21 Mar 2019 17:05');
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('#inspection')).toBe(false);
    expect(await page.isVisible('#agenda')).toBe(true);
    await page.close();
  });

  test('the keyboard alone opens the folder and marks an item done', async () => {
    const dir = await cliFolder();
    const page = await browser.newPage();
    await page.clock.setFixedTime(NOW_MS);
    await page.goto(origin);
    await plant(page, dir);
    await page.focus('#open-folder');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#status-table');
    const active = () => page.evaluate(() => document.activeElement?.id ?? '');
    for (let i = 0; i < 40 && (await active()) !== 'record-item'; i++) await page.keyboard.press('Tab');
    expect(await active()).toBe('record-item');
    await page.keyboard.press('Tab'); // whose part: the whole item
    await page.keyboard.press('Tab');
    expect(await active()).toBe('record-at');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('15:05');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Sam');
    for (let i = 0; i < 4 && (await active()) !== 'mark-done'; i++) await page.keyboard.press('Tab');
    expect(await active()).toBe('mark-done');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.textContent('#record-said'))
      .toMatch(/^Recorded .* as done at Wed 20 Mar 2019 15:05\.$/);
    expect(await active()).toBe('record-said'); // focus stays where the keyboard user is, on what was done
    await page.close();
  });

  test('axe-core finds no WCAG 2.2 AA violations with a folder open', async () => {
    const page = await openWithFolder(await cliFolder(), false);
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(() =>
      (
        window as unknown as {
          axe: { run: (o: object) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> };
        }
      ).axe.run({
        runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'],
      }),
    );
    expect(result.violations.map((v) => `${v.id} (${v.nodes.length})`)).toEqual([]);
    await page.close();
  });
});
