import type { TrackedPlan } from '../../src/core/progress/progress.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderHtml } from '../../src/render/html.js';
import { CSS_SEPARATORS, HOSTILE_PAYLOADS, cssBreakOut, hostilePlan, plainPlan } from '../data/hostile-inspection.js';
import { hasChromium, launch } from './browser.js';

// The printable page with hostile text in every field, loaded in chromium: an area name that
// tries to break out of the @page title's CSS string (seen in the wild), control characters
// and injections. The page must fetch nothing, forbid fetching, and show its timetable.
// The page does not depend on the machine's zone: run once, in the TZ=UTC project.

const run = hasChromium && process.env.TZ === 'UTC';
const dir = mkdtempSync(join(tmpdir(), 'jtai-printable-'));
let browser: Browser;
let plainRules: number;

beforeAll(async () => {
  if (!run) return;
  browser = await launch();
  const { page } = await open(plainPlan(), 'plain');
  plainRules = await page.evaluate(() => document.styleSheets[0]!.cssRules.length);
  await page.close();
}, 30_000);
afterAll(async () => browser?.close());

/** Writes the plan's printable page to a file and opens it, recording every request; any but the page's own is aborted. */
async function open(plan: TrackedPlan, name: string): Promise<{ page: Page; url: string; requests: string[] }> {
  const file = join(dir, `${name}.html`);
  writeFileSync(file, renderHtml(plan, { version: 'test' }));
  const url = pathToFileURL(file).href;
  const page = await browser.newPage();
  const requests: string[] = [];
  page.on('request', (r) => void requests.push(r.url()));
  await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  await page.goto(url); // waits for the load event: every subresource asked for by then
  return { page, url, requests };
}

/** What the browser made of the page's CSS: every style rule (inside @media and @page too), and the policy. */
const cssOf = (page: Page) =>
  page.evaluate(() => {
    const flat = (rules: CSSRuleList): CSSRule[] =>
      [...rules].flatMap((r) => [r, ...('cssRules' in r ? flat((r as CSSGroupingRule).cssRules) : [])]);
    const sheets = [...document.styleSheets];
    const style = (r: CSSRule) => (r as CSSStyleRule).style;
    return {
      sheets: sheets.length,
      count: sheets[0]?.cssRules.length ?? 0,
      styled: sheets
        .flatMap((s) => flat(s.cssRules))
        .filter((r) => style(r))
        .map((r) => ({
          selector: (r as CSSStyleRule).selectorText ?? r.cssText.split('{')[0]!.trim(),
          background: `${style(r).background}${style(r).backgroundImage}`,
          display: style(r).display,
        })),
      bodyBackground: getComputedStyle(document.body).backgroundImage,
      tableDisplay: getComputedStyle(document.querySelector('table.timetable')!).display,
      rows: document.querySelectorAll('table.timetable > tbody > tr').length,
      heading: document.querySelector('h1')?.textContent ?? '',
      policies: [...document.querySelectorAll('meta')]
        .filter((m) => m.httpEquiv.toLowerCase() === 'content-security-policy')
        .map((m) => ({
          content: m.content,
          inHead: m.parentElement === document.head,
          beforeStyle:
            Boolean(document.querySelector('style')) &&
            Boolean(m.compareDocumentPosition(document.querySelector('style')!) & Node.DOCUMENT_POSITION_FOLLOWING),
        })),
    };
  });

const ALL = HOSTILE_PAYLOADS.map((p) => `[${p.text}]`).join('');
// eslint-disable-next-line no-control-regex -- splitting at control characters is the point
const wordsOf = (text: string) => text.split(/[\u0000-\u001f\u007f-\u009f]+/).filter((w) => w.length > 1);
const CASES: Array<readonly [string, TrackedPlan]> = [
  ...CSS_SEPARATORS.map(
    ([name, sep]) =>
      [
        `the CSS break-out through ${name}, as the area and in every text`,
        hostilePlan(cssBreakOut(sep), cssBreakOut(sep)),
      ] as const,
  ),
  ['every payload and the form-feed break-out at once', hostilePlan(`${ALL}${cssBreakOut('\f')}`, cssBreakOut('\f'))],
  ...HOSTILE_PAYLOADS.map((p) => [`${p.name} in every text`, hostilePlan(p.text)] as const),
];
const NETWORK_SOURCE = /^(\*|'self'|'unsafe-eval'|(https?|wss?|ftp|blob|filesystem|file):.*|[^']*\.[^']*)$/i;

describe.skipIf(!run)('the printable page with hostile text in every field, in chromium', () => {
  test.concurrent.each(CASES.map(([name, plan], n) => [name, n, plan] as const))(
    '%s: no request, fetching forbidden, the timetable shown, no rule added',
    async (_name, n, plan) => {
      const { page, url, requests } = await open(plan, `case-${n}`);
      const css = await cssOf(page);
      const visible = await page.locator('table.timetable').isVisible();
      await page.close();

      // Nothing fetched: the only request is the page's own file.
      expect(requests.filter((r) => r !== url && r !== 'about:blank' && !r.startsWith('data:'))).toEqual([]);

      // A Content-Security-Policy in <head>, before the CSS, that forbids fetching anything from anywhere.
      expect(css.policies).toHaveLength(1);
      const [policy] = css.policies;
      expect(policy).toMatchObject({ inHead: true, beforeStyle: true });
      const directives = new Map(
        policy!.content
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .filter((d) => d[0])
          .map(([name, ...sources]) => [name!.toLowerCase(), sources]),
      );
      expect(directives.get('default-src')).toEqual(["'none'"]);
      for (const [name, sources] of directives)
        for (const source of sources) expect(source, `${name} ${source}`).not.toMatch(NETWORK_SOURCE);

      // The timetable is shown, with one row per item, and the body has no background.
      expect(visible).toBe(true);
      expect(css.tableDisplay).not.toBe('none');
      expect(css.rows).toBe(plan.items.length);
      expect(css.bodyBackground).toBe('none');
      for (const word of wordsOf(plan.area!)) expect(css.heading).toContain(word); // the area is shown as text, not dropped

      // The browser read exactly the page's own rules: as many as for plain text, none hiding or painting.
      expect(css.sheets).toBe(1);
      expect(css.count).toBe(plainRules);
      expect(
        css.styled.filter(
          (r) => /(^|[\s,>+~])(body|table)\b/.test(r.selector) && (r.background !== '' || r.display === 'none'),
        ),
      ).toEqual([]);
      expect(css.styled.filter((r) => r.display === 'none')).toEqual([]);
    },
    30_000,
  );
});
