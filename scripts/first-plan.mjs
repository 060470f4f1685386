// The web page's first plan on screen, as npm run bench and scripts/bench-web.mjs measure it:
// from navigation to the "jtai-first-plan" mark, for ?notified=2019-03-19, in Debian's chromium.
// The pages' loads alternate, so that the machine's load falls on each alike.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.JTAI_CHROMIUM ?? '/usr/bin/chromium';

/** For each page (an absolute path), the milliseconds from navigation to its first plan, once for each run. */
export async function firstPlanTimes(pages, runs) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const times = pages.map(() => []);
  try {
    for (let i = 0; i < runs; i++) {
      for (const [j, page] of pages.entries()) {
        const tab = await browser.newPage();
        await tab.goto(`file://${page}?notified=2019-03-19`);
        await tab.waitForFunction(() => performance.getEntriesByName('jtai-first-plan').length > 0);
        times[j].push(await tab.evaluate(() => performance.getEntriesByName('jtai-first-plan')[0].startTime));
        await tab.close();
      }
    }
  } finally {
    await browser.close();
  }
  return times;
}
