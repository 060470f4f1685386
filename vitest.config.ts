import { defineConfig } from 'vitest/config';

// The whole suite runs once per machine time zone, to prove that none leaks into the output.
const ZONES = ['UTC', 'Europe/London', 'America/Los_Angeles', 'Pacific/Auckland'];

export default defineConfig({
  test: {
    projects: ZONES.map((tz) => ({
      test: { name: `TZ=${tz}`, include: ['test/**/*.test.ts'], env: { TZ: tz } },
    })),
  },
});
