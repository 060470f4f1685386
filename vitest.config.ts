import { configDefaults, defineConfig } from 'vitest/config';
import type { Reporter } from 'vitest/node';

// TZ=UTC runs every test file. Only the files whose results could depend on the machine's time
// zone run again under three more (London itself, 8 hours behind UTC, 12 or 13 ahead), to prove
// that none leaks into the output: dates and plans, the renderers, the golden files and the
// properties (test/core/dates/bank-holidays-data.test.ts checks that each project has the zone it names).
// The web page is tested in UTC and Los Angeles only, as its file says. The rest (the command
// line, files, hostile input, fuzzing, concurrency, help text, the README) runs once.
const ZONE_DEPENDENT = [
  'test/core/dates/**/*.test.ts',
  'test/core/plan/**/*.test.ts',
  'test/render/**/*.test.ts',
  'test/golden/**/*.test.ts',
  'test/properties.test.ts',
];
const OTHER_ZONES: Record<string, string[]> = {
  'Europe/London': ZONE_DEPENDENT,
  'America/Los_Angeles': [...ZONE_DEPENDENT, 'test/web/page.test.ts'],
  'Pacific/Auckland': ZONE_DEPENDENT,
};

// Test files share each worker's modules (isolate: false): src, luxon, zod, yaml and ical.js
// are imported once per worker, not once per file, which was most of the suite's time. A file
// that changes what the process shares (a mocked node:fs/promises, the umask) runs with
// modules of its own.
const OWN_MODULES = ['test/io/file-modes.test.ts'];

/** Prints how many distinct tests ran, apart from the reruns in other zones (vitest counts every run). */
const distinctTests: Reporter = {
  onTestRunEnd(modules) {
    const runs = new Map<string, number>();
    const distinct = new Map<string, string>();
    for (const module of modules) {
      const zone = module.project.name.replace(/,.*/, '');
      for (const test of module.children.allTests()) {
        runs.set(zone, (runs.get(zone) ?? 0) + 1);
        const key = `${module.relativeModuleId} > ${test.fullName}`;
        const state = test.result().state;
        if (distinct.get(key) !== 'failed')
          distinct.set(key, distinct.get(key) === 'passed' && state === 'skipped' ? 'passed' : state);
      }
    }
    const count = (state: string) => [...distinct.values()].filter((s) => s === state).length;
    const total = [...runs.values()].reduce((a, b) => a + b, 0);
    process.stdout.write(
      `\n Distinct tests  ${distinct.size} (${count('passed')} passed, ${count('skipped')} skipped${count('failed') ? `, ${count('failed')} failed` : ''}), ` +
        `run ${total} times: ${[...runs].map(([zone, n]) => `${zone} ${n}`).join(', ')}\n`,
    );
  },
};

export default defineConfig({
  test: {
    reporters: ['default', distinctTests],
    projects: [
      {
        test: {
          name: 'TZ=UTC',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...OWN_MODULES],
          env: { TZ: 'UTC' },
          isolate: false,
        },
      },
      { test: { name: 'TZ=UTC, own modules', include: OWN_MODULES, env: { TZ: 'UTC' } } },
      ...Object.entries(OTHER_ZONES).map(([tz, include]) => ({
        test: { name: `TZ=${tz}`, include, env: { TZ: tz }, isolate: false },
      })),
    ],
  },
});
