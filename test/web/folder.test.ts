import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers.js';
import { hasChromium, launch, pageUrl } from './browser.js';

// Issue 22: the folder a user opens in the page, read only (the ordinary folder picker): the
// wrong folder, a broken inspection file and a rule-set file kept beside it, each said in
// plain words with where the problem is, and no status shown for what could not be read.

const run = hasChromium && (process.env.TZ ?? 'UTC') === 'UTC';
const NOW_MS = Date.UTC(2019, 2, 20, 15, 30);

let browser: Browser;
beforeAll(async () => {
  if (run) browser = await launch();
}, 30_000);
afterAll(async () => browser?.close());

async function started(area = 'Anyshire', extra: string[] = []): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), 'jtai-folder-')), area);
  mkdirSync(dir);
  const r = await runCli([
    'start',
    '-n',
    '2019-03-19',
    '--area',
    area,
    '--out',
    join(dir, 'jtai-inspection.yaml'),
    ...extra,
  ]);
  expect(r.code, r.stderr).toBe(0);
  return dir;
}

async function openFolder(dir: string): Promise<Page> {
  const page = await browser.newPage();
  await page.clock.setFixedTime(NOW_MS);
  await page.goto(pageUrl());
  await page.setInputFiles('#folder-files', dir);
  await page.waitForSelector('#status-table, #errors li');
  return page;
}

const errors = (page: Page) => page.$$eval('#errors li', (lis) => lis.map((li) => li.textContent));

describe.skipIf(!run)('an inspection folder opened read only, in chromium', { timeout: 60_000 }, () => {
  test('the folder above the inspection folder: said, with what to open instead', async () => {
    const dir = await started();
    const page = await openFolder(join(dir, '..'));
    expect(await errors(page)).toEqual([
      expect.stringMatching(
        /^The folder ".*" has no jtai-inspection\.yaml: open the folder where the inspection's file is kept/,
      ),
    ]);
    expect(await page.$('#status-table')).toBeNull();
    await page.close();
  });

  test('a date that does not exist in the inspection file: its line and column, and no status', async () => {
    const dir = await started();
    writeFileSync(join(dir, 'jtai-inspection.yaml'), 'area: Anyshire\nnotified: 2019-02-30\n');
    const page = await openFolder(dir);
    expect(await errors(page)).toEqual([expect.stringMatching(/^Anyshire\/jtai-inspection\.yaml:2:11: /)]);
    expect(await page.$('#status-table')).toBeNull();
    await page.close();
  });

  test('a contact for an agency the rule set does not have: named, with the likely one', async () => {
    const dir = await started();
    writeFileSync(
      join(dir, 'jtai-inspection.yaml'),
      'area: Anyshire\nnotified: 2019-03-19\ncontacts:\n  polise: { name: Kim }\n',
    );
    const page = await openFolder(dir);
    expect(await errors(page)).toEqual([
      'Anyshire/jtai-inspection.yaml:4:3: contacts: there is no party "polise" in jtai-2018. Did you mean "police"?',
    ]);
    await page.close();
  });

  test("a rule-set file kept beside the inspection file is the inspection's rule set", async () => {
    const dir = await started();
    writeFileSync(
      join(dir, 'anyshire.yaml'),
      'extends: jtai-2018\nid: anyshire\nname: Anyshire JTAI\nitems:\n  - id: children-list\n    at: "16:00"\n',
    );
    writeFileSync(join(dir, 'jtai-inspection.yaml'), 'area: Anyshire\nnotified: 2019-03-19\nrules: ./anyshire.yaml\n');
    const page = await openFolder(dir);
    expect(await errors(page)).toEqual([]);
    const plan = await page.evaluate(() =>
      (
        window as unknown as {
          jtai: { plan(): { ruleSet: { id: string }; items: Array<{ id: string; due: string }> } };
        }
      ).jtai.plan(),
    );
    expect(plan.ruleSet.id).toBe('anyshire');
    expect(plan.items.find((i) => i.id === 'children-list')!.due).toBe('2019-03-19T16:00:00+00:00');
    await page.close();
  });

  test('a rule-set file the inspection names but the folder does not hold: said', async () => {
    const dir = await started();
    writeFileSync(
      join(dir, 'jtai-inspection.yaml'),
      'area: Anyshire\nnotified: 2019-03-19\nrules: ../rules/anyshire.yaml\n',
    );
    const page = await openFolder(dir);
    expect((await errors(page))[0]).toContain(
      'uses the rule set "../rules/anyshire.yaml", which is neither built in (jtai-2018) nor a file beside it in "Anyshire"',
    );
    await page.close();
  });

  test('a notification date in a year jtai has no bank holidays for: said, no plan of another date', async () => {
    const dir = await started();
    writeFileSync(join(dir, 'jtai-inspection.yaml'), 'area: Anyshire\nnotified: 2045-03-21\n');
    const page = await openFolder(dir);
    expect(await errors(page)).toEqual([
      'Anyshire/jtai-inspection.yaml: the notification date 2045-03-21 is in 2045, a year whose bank holidays jtai does not know (it knows 2016 to 2040).',
    ]);
    expect(await page.$('#status-table')).toBeNull();
    await page.close();
  });

  test('a large or binary YAML file beside the inspection file that it does not name is never read', async () => {
    const dir = await started();
    writeFileSync(join(dir, 'minutes.yaml'), 'x'.repeat(2 * 1024 * 1024));
    writeFileSync(join(dir, 'photo.YML'), Buffer.from([0xff, 0xfe, 0x00, 0x80]));
    const page = await openFolder(dir);
    expect(await errors(page)).toEqual([]);
    expect(await page.$('#status-table')).not.toBeNull();
    await page.close();
  });

  test('a progress "folder" that is a file: refused, as the CLI refuses it', async () => {
    const dir = await started();
    writeFileSync(join(dir, 'jtai-inspection.progress'), 'not a folder');
    const page = await openFolder(dir);
    expect(await errors(page)).toEqual([
      'Cannot read the progress folder Anyshire/jtai-inspection.progress: it is a file, not a folder.',
    ]);
    await page.close();
  });

  test('a file name with a direction override or a line break is said with them shown, never obeyed', async () => {
    const dir = await started();
    mkdirSync(join(dir, 'jtai-inspection.progress'));
    writeFileSync(join(dir, 'jtai-inspection.progress', '\u202egnp.json'), '{');
    const page = await openFolder(dir);
    const text = await page.textContent('body');
    expect(text).toContain('Anyshire/jtai-inspection.progress/\\u{202e}gnp.json was skipped: it is not JSON');
    expect(text).not.toContain('\u202e');
    await page.close();
  });
});
