import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers.js';
import { hasChromium, launch } from './browser.js';

// Issue 20: "jtai status --format html" is the daily update a coordinator pastes into an
// Outlook or Teams message. Copied from chromium and pasted (the real clipboard, Ctrl+A,
// Ctrl+C, Ctrl+V) into a contenteditable, as a mail editor is, its tables and their borders
// must survive: they are written with inline styles, which pasting keeps, and no script.

const run = hasChromium && process.env.TZ === 'UTC';
let browser: Browser;

beforeAll(async () => {
  if (run) browser = await launch();
}, 30_000);
afterAll(async () => browser?.close());

async function statusHtml(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'jtai-paste-'));
  const file = join(dir, 'jtai-inspection.yaml');
  expect((await runCli(['start', '-n', '2019-03-19', '--area', 'Barking & <Dagenham>', '--out', file])).code).toBe(0);
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace('contacts: {}', 'contacts:\n  police: { name: "DI <b>Jane</b> Smith" }'),
  );
  await runCli(['done', 'cse-gangs-cases', '-a', 'police', '--at', '2019-03-20T14:00', '--inspection', file]);
  const { stdout } = await runCli(['status', '--now', '2019-03-20T15:30', '-f', 'html', '--inspection', file]);
  return stdout;
}

describe.skipIf(!run)('the HTML status, pasted into an editor', () => {
  test('keeps its tables, rows, borders and words; the text in it stays text', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const source = await context.newPage();
    await source.setContent(await statusHtml());
    await source.keyboard.press('Control+A');
    await source.keyboard.press('Control+C');
    const editor = await context.newPage();
    await editor.setContent('<div contenteditable="true" id="mail"></div>');
    await editor.focus('#mail');
    await editor.keyboard.press('Control+V');
    const pasted = await editor.evaluate(() => {
      const mail = document.querySelector('#mail')!;
      const cell = mail.querySelector('td')!;
      return {
        tables: mail.querySelectorAll('table').length,
        rows: [...mail.querySelectorAll('table')].map((t) => t.querySelectorAll('tr').length),
        border: `${getComputedStyle(cell).borderTopStyle} ${getComputedStyle(cell).borderTopWidth}`,
        bold: mail.querySelectorAll('b').length,
        text: (mail as HTMLElement).innerText,
      };
    });
    // Not yet delivered: all 11 submissions (one part done) and a header; by agency: 8 agencies and a header.
    expect(pasted).toMatchObject({ tables: 2, rows: [12, 9], border: 'solid 1px', bold: 0 });
    expect(pasted.text).toContain('Barking & <Dagenham>');
    expect(pasted.text).toContain('DI <b>Jane</b> Smith');
    expect(pasted.text).toMatch(
      /Still owed by Local authority, Health, Schools,.*; done: Police \(Wed 20 Mar 2019 14:00\)/,
    );
    await context.close();
  }, 30_000);
});
