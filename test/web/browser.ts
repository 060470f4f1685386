import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';

// Debian's chromium, driven by playwright-core (which downloads no browser of its own).
// .ci/run installs chromium when it is missing and sets JTAI_REQUIRE_BROWSER=1, so that CI
// fails rather than skips; elsewhere the browser tests are skipped, and say so.

export const CHROMIUM = process.env.JTAI_CHROMIUM ?? '/usr/bin/chromium';
export const PAGE = fileURLToPath(new URL('../../dist/web/jtai.html', import.meta.url));
export const hasChromium = existsSync(CHROMIUM);

if (!hasChromium && process.env.JTAI_REQUIRE_BROWSER === '1')
  throw new Error(`no chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set JTAI_CHROMIUM`);

/** A headless chromium that reaches for nothing on the network. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The page's address with its choices: pageUrl({ notified: "2019-03-19", agency: "police" }). */
export function pageUrl(params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  return `file://${PAGE}${query ? `?${query}` : ''}`;
}
