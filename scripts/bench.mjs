// npm run bench: cold start of `jtai plan` per format as a ratio to bare `node -e ""`, measured
// in the same run, interleaved so that machine load hits every command alike, with each one's
// peak RSS beside it; then growth with size, and schedules computed per second in-process. Needs
// a build (npm install or npm run build).
// Usage: node scripts/bench.mjs [runs per command, default 40]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 40);
const loadAtStart = loadavg();
const bin = fileURLToPath(new URL('../bin/jtai.cjs', import.meta.url));
const plan = ['plan', '--notified', '2019-03-19'];

// An inspection folder as one is in the fortnight: contacts, and a few changes recorded.
const folder = mkdtempSync(join(tmpdir(), 'jtai-bench-'));
const inspection = join(folder, 'jtai-inspection.yaml');
spawnSync(process.execPath, [bin, 'start', '-n', '2019-03-19', '--area', 'Bench', '--out', inspection], {
  stdio: 'ignore',
});
for (const id of ['children-list', 'child-level-data', 'cse-gangs-cases'])
  spawnSync(process.execPath, [bin, 'done', id, '-i', inspection, '-q'], { stdio: 'ignore' });
const inFolder = ['-i', inspection, '--now', '2019-03-20T15:30'];

const commands = {
  'node -e ""': ['-e', ''],
  'jtai plan (text)': [bin, ...plan],
  'jtai plan --format json': [bin, ...plan, '--format', 'json'],
  'jtai plan --format csv': [bin, ...plan, '--format', 'csv'],
  'jtai plan --format md': [bin, ...plan, '--format', 'md'],
  'jtai plan --format html': [bin, ...plan, '--format', 'html'],
  'jtai plan --format ics': [bin, ...plan, '--format', 'ics'],
  'jtai next': [bin, 'next', ...plan.slice(1), '--now', '2019-03-20T15:30'],
  'jtai explain': [bin, 'explain', 'cse-gangs-cases', ...plan.slice(1)],
  'jtai --help': [bin, '--help'],
  'jtai --version': [bin, '--version'],
  'plan, inspection file': [bin, 'plan', ...inFolder],
  'next, inspection file': [bin, 'next', ...inFolder],
  'status, inspection file': [bin, 'status', ...inFolder],
  done: [bin, 'done', 'yot-cases', '-i', inspection, '-q'],
  'check jtai-2018': [bin, 'check', 'jtai-2018'],
};

function timeOnce(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

// Peak RSS and jtai's own time, in runs of their own: a preloaded probe reports, on fd 3 as the
// process exits, its maximum resident set and the time since the probe was loaded (after Node's
// own start, before the bin), the same probe for bare node, so that the difference is jtai's.
// The own time is what a loaded machine disturbs least: the other processes' load falls mostly
// on Node's start, which it leaves out.
const probe = join(folder, 'rss-probe.cjs');
writeFileSync(
  probe,
  [
    'const start = process.hrtime.bigint();',
    "process.on('exit', () => require('node:fs').writeSync(3, `${process.resourceUsage().maxRSS} ${Number(process.hrtime.bigint() - start) / 1e6}`));",
    '',
  ].join('\n'),
);
function probeRun(args) {
  const result = spawnSync(process.execPath, ['-r', probe, ...args], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  const [kib, ms] = String(result.output[3]).split(' ').map(Number);
  return { mib: kib / 1024, ms };
}

const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
const rss = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
const own = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
for (const args of Object.values(commands)) timeOnce(args); // warm the file cache
for (let i = 0; i < runs; i++) for (const [name, args] of Object.entries(commands)) samples[name].push(timeOnce(args));
const probeRuns = Math.max(5, Math.ceil(runs / 2));
for (let i = 0; i < probeRuns; i++)
  for (const [name, args] of Object.entries(commands)) {
    const { mib, ms } = probeRun(args);
    rss[name].push(mib);
    own[name].push(ms);
  }

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const base = median(samples['node -e ""']);
const baseRss = median(rss['node -e ""']);
const baseOwn = median(own['node -e ""']);
console.log(
  `cold start, median of ${runs} runs; peak RSS and jtai's own time (from before the bin to exit, bare node's own exit taken off), median of ${probeRuns} (node ${process.version}, ${process.platform}/${process.arch})`,
);
console.log(
  `  ${'command'.padEnd(26)} ${'time'.padStart(9)}   ratio   ${'peak RSS'.padStart(9)}   over node   own time`,
);
for (const [name, xs] of Object.entries(samples)) {
  const mib = median(rss[name]);
  const bare = name === 'node -e ""';
  console.log(
    `  ${name.padEnd(26)} ${median(xs).toFixed(1).padStart(6)} ms   ${(median(xs) / base).toFixed(2)}x   ${mib.toFixed(1).padStart(5)} MiB   ${(bare ? '' : `+${(mib - baseRss).toFixed(1)} MiB`).padEnd(9)}   ${bare ? '' : `${(median(own[name]) - baseOwn).toFixed(1)} ms`}`,
  );
}
const loads = (l) => l.map((x) => x.toFixed(1)).join(' ');
console.log(
  `  load average ${loads(loadAtStart)} at the start, ${loads(loadavg())} at the end, ${availableParallelism()} cores`,
);

// Growth: every path should be linear in items, chain length and events.
const chainRules = (n) => {
  const file = join(folder, `chain-${n}.yaml`);
  const items = Array.from({ length: n }, (_, i) =>
    i === 0
      ? '  - { id: i0, kind: submission, title: T, day: 1, at: "09:00", by: [la], source: S }'
      : `  - { id: i${i}, kind: submission, title: T, from: i${i - 1}, minutes: 1, by: [la], source: S }`,
  );
  writeFileSync(
    file,
    [
      'id: chain',
      'name: Chain',
      'source: { title: S }',
      'timezone: Europe/London',
      'holidays: england-and-wales',
      'parties: { la: { name: LA } }',
      'items:',
      ...items,
      '',
    ].join('\n'),
  );
  return file;
};
const withEvents = (n) => {
  const dir = mkdtempSync(join(tmpdir(), 'jtai-bench-events-'));
  const file = join(dir, 'jtai-inspection.yaml');
  spawnSync(process.execPath, [bin, 'start', '-n', '2019-03-19', '--out', file], { stdio: 'ignore' });
  mkdirSync(join(dir, 'jtai-inspection.progress'));
  for (let i = 0; i < n; i++) {
    const id = `20190320T${String(100000 + (i % 100000)).padStart(6, '0')}000Z-bench-1-${String(i).padStart(8, '0')}`;
    writeFileSync(
      join(dir, 'jtai-inspection.progress', `${id}.json`),
      JSON.stringify({
        format: 'jtai-progress-event/1',
        id,
        type: i % 2 ? 'undo' : 'done',
        item: 'children-list',
        at: '2019-03-20T10:00:00+00:00',
        recorded: `2019-03-20T10:00:00.${String(i % 1000).padStart(3, '0')}Z`,
        by: 'bench',
      }),
    );
  }
  return file;
};
const time = (args) => {
  const xs = Array.from({ length: 5 }, () => timeOnce(args));
  return median(xs);
};
// status with N events and with none, their runs alternated (21 each) so that the machine's load
// falls on both alike: the ratio is the issue's measure ("in under 1.3x of none").
const noEvents = withEvents(0);
// The folders made first, and their files left 4 seconds: a file changed in the last 3 is read
// again at each run (src/io/progress-folder.ts, RECENT_MS), as no folder in the fortnight is.
const eventFolders = new Map([100, 1000, 2000].map((n) => [n, withEvents(n)]));
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 4000);
const statusOf = (file) => [bin, 'status', '-i', file, '--now', '2019-03-20T15:30'];
const againstNone = (file) => {
  timeOnce(statusOf(file)); // its first run reads every file, and fills the cache
  const some = [];
  const none = [];
  for (let i = 0; i < 21; i++) {
    some.push(timeOnce(statusOf(file)));
    none.push(timeOnce(statusOf(noEvents)));
  }
  return { ms: median(some), ratio: median(some) / median(none), none: median(none) };
};
console.log('\ngrowth, median of 5 runs (ms); status with N events against none, 21 runs of each alternated');
console.log(
  `  ${'size'.padEnd(8)} ${'check chain'.padStart(12)} ${'plan chain'.padStart(12)} ${'status, N events'.padStart(18)} ${'against none'.padStart(13)}`,
);
const noneMs = [];
for (const n of [100, 1000, 5000]) {
  const rules = chainRules(n);
  const events = againstNone(eventFolders.get(n === 5000 ? 2000 : n));
  noneMs.push(events.none);
  console.log(
    `  ${String(n === 5000 ? '5000/2000' : n).padEnd(8)} ${time([bin, 'check', rules]).toFixed(0).padStart(12)} ${time([bin, 'plan', '-n', '2019-03-19', '-r', rules, '-f', 'json', '-q']).toFixed(0).padStart(12)} ${events.ms.toFixed(0).padStart(18)} ${`${events.ratio.toFixed(2)}x`.padStart(13)}`,
  );
}
console.log(
  `  status with no events: ${noneMs.map((x) => x.toFixed(0)).join(', ')} ms in those runs (the events column is 100, 1000 and 2000 events)`,
);

const { loadRuleSet } = await import('../dist/io/load-rule-set.js');
const { computePlan } = await import('../dist/core/plan/plan.js');
const { makeHolidayCalendar } = await import('../dist/core/dates/bank-holidays.js');
const ruleSet = await loadRuleSet('jtai-2018');
const calendar = makeHolidayCalendar(ruleSet.closures);
const dates = [];
for (let d = Date.UTC(2016, 0, 4); d < Date.UTC(2040, 0, 1); d += 7 * 86_400_000)
  dates.push(new Date(d + 86_400_000).toISOString().slice(0, 10)); // Tuesdays
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

// The web page's first plan on screen (scripts/first-plan.mjs), in Debian's chromium if there
// is one (median of 15 loads).
const { CHROMIUM, firstPlanTimes } = await import('./first-plan.mjs');
const { existsSync, statSync } = await import('node:fs');
if (existsSync(CHROMIUM)) {
  const page = fileURLToPath(new URL('../dist/web/jtai.html', import.meta.url));
  const [times] = await firstPlanTimes([page], 15);
  console.log(
    `web page: first plan on screen ${median(times).toFixed(0)} ms after navigation (median of 15, chromium); ${(statSync(page).size / 1024).toFixed(0)} KiB`,
  );
} else {
  console.log(`web page: not measured (no chromium at ${CHROMIUM})`);
}
