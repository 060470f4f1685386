// npm run bench: cold start of `jtai plan` per format as a ratio to bare `node -e ""`, measured
// in the same run, interleaved so that machine load hits every command alike; then schedules
// computed per second in-process. Needs a build (npm install or npm run build).
// Usage: node scripts/bench.mjs [runs per command, default 40]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 40);
const bin = fileURLToPath(new URL('../bin/jtai.cjs', import.meta.url));
const plan = ['plan', '--notified', '2019-03-19'];
const commands = {
  'node -e ""': ['-e', ''],
  'jtai plan (text)': [bin, ...plan],
  'jtai plan --format json': [bin, ...plan, '--format', 'json'],
  'jtai plan --format csv': [bin, ...plan, '--format', 'csv'],
  'jtai plan --format md': [bin, ...plan, '--format', 'md'],
  'jtai plan --format ics': [bin, ...plan, '--format', 'ics'],
};

function timeOnce(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'ignore'] });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
for (const args of Object.values(commands)) timeOnce(args); // warm the file cache
for (let i = 0; i < runs; i++) for (const [name, args] of Object.entries(commands)) samples[name].push(timeOnce(args));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const base = median(samples['node -e ""']);
console.log(`cold start, median of ${runs} runs (node ${process.version}, ${process.platform}/${process.arch})`);
for (const [name, xs] of Object.entries(samples)) {
  console.log(`  ${name.padEnd(26)} ${median(xs).toFixed(1).padStart(6)} ms   ${(median(xs) / base).toFixed(2)}x`);
}

const { loadRuleSet } = await import('../dist/io/load-rule-set.js');
const { computePlan } = await import('../dist/core/plan/plan.js');
const { makeHolidayCalendar } = await import('../dist/core/dates/bank-holidays.js');
const ruleSet = await loadRuleSet('jtai-2018');
const calendar = makeHolidayCalendar(ruleSet.closures);
const dates = [];
for (let d = Date.UTC(2016, 0, 4); d < Date.UTC(2040, 0, 1); d += 7 * 86_400_000) dates.push(new Date(d + 86_400_000).toISOString().slice(0, 10)); // Tuesdays
const start = process.hrtime.bigint();
let count = 0;
while (Number(process.hrtime.bigint() - start) < 2e9) {
  for (const date of dates) {
    try {
      computePlan(ruleSet, date, calendar);
    } catch {
      // a Tuesday that is a bank holiday: refused, still counted as work done
    }
    count++;
  }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`in-process: ${Math.round(count / seconds)} schedules per second (jtai-2018, Tuesdays 2016 to 2039)`);

// The web page's first plan on screen: from navigation to the "jtai-first-plan" mark, in
// Debian's chromium if there is one (median of 15 loads).
const chromiumPath = process.env.JTAI_CHROMIUM ?? '/usr/bin/chromium';
const { existsSync } = await import('node:fs');
if (existsSync(chromiumPath)) {
  const { chromium } = await import('playwright-core');
  const page = fileURLToPath(new URL('../dist/web/jtai.html', import.meta.url));
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const times = [];
  for (let i = 0; i < 15; i++) {
    const tab = await browser.newPage();
    await tab.goto(`file://${page}?notified=2019-03-19`);
    await tab.waitForFunction(() => performance.getEntriesByName('jtai-first-plan').length > 0);
    times.push(await tab.evaluate(() => performance.getEntriesByName('jtai-first-plan')[0].startTime));
    await tab.close();
  }
  await browser.close();
  const { statSync } = await import('node:fs');
  console.log(`web page: first plan on screen ${median(times).toFixed(0)} ms after navigation (median of 15, chromium); ${(statSync(page).size / 1024).toFixed(0)} KiB`);
} else {
  console.log(`web page: not measured (no chromium at ${chromiumPath})`);
}
