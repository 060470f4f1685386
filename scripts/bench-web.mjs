// The web page's first plan, as `npm run bench` measures it (from navigation to the
// "jtai-first-plan" mark, ?notified=2019-03-19, in Debian's chromium), for comparing builds:
// node scripts/bench-web.mjs [RUNS] [PAGE...], by default 15 runs of dist/web/jtai.html. With
// several pages, their loads alternate, so that the machine's load falls on each alike: build
// the "before" page into /tmp once and give it with dist/web/jtai.html.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { firstPlanTimes } from './first-plan.mjs';

const args = process.argv.slice(2);
const runs = /^\d+$/.test(args[0] ?? '') ? Number(args.shift()) : 15;
const pages = (args.length > 0 ? args : ['dist/web/jtai.html']).map((p) => resolve(p));
const times = await firstPlanTimes(pages, runs);

const quantile = (sorted, q) => {
  const at = (sorted.length - 1) * q;
  return sorted[Math.floor(at)] + (sorted[Math.ceil(at)] - sorted[Math.floor(at)]) * (at - Math.floor(at));
};
for (const [j, page] of pages.entries()) {
  const sorted = [...times[j]].sort((a, b) => a - b);
  const [q1, median, q3] = [0.25, 0.5, 0.75].map((q) => quantile(sorted, q).toFixed(1));
  console.log(
    `${page}: first plan ${median} ms after navigation (median of ${runs}, quartiles ${q1} and ${q3}); ${(statSync(page).size / 1024).toFixed(0)} KiB`,
  );
}
