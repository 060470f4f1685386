import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers.js';

// Every output of every command, byte for byte, as reviewed: the suite runs in four machine
// zones, so each golden proves its output is zone-independent, and a refactor that changes a
// byte fails here. After a change that is meant, look at the diff, then regenerate with
// JTAI_UPDATE_GOLDEN=1 npx vitest run test/golden --project TZ=UTC.

const STAMP = { SOURCE_DATE_EPOCH: '1552953600' }; // 2019-03-19T00:00:00Z
const INSPECTION = ['--inspection', 'test/data/golden-inspection.yaml'];
const NOW = ['--now', '2019-03-20T15:30'];

const CASES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ...(['text', 'md', 'csv', 'html', 'json', 'ics'] as const).map(
    (f) => [`plan-2019-03-19.${f}`, ['plan', '-n', '2019-03-19', '-f', f]] as const,
  ),
  ['plan-easter-police.text', ['plan', '-n', '2019-04-16', '--agency', 'police', '--sources', '--focus']],
  ['plan-easter-police.md', ['plan', '-n', '2019-04-16', '--agency', 'police', '-f', 'md', '--mermaid']],
  ['plan-autumn-clock-change.json', ['plan', '-n', '2019-10-22', '-f', 'json']],
  ['plan-spring-clock-change.ics', ['plan', '-n', '2019-03-26', '-f', 'ics', '--remind', '2h']],
  ['plan-cancel.ics', ['plan', '-n', '2019-03-19', '--cancel']],
  ...(['text', 'md', 'csv', 'html', 'json', 'ics'] as const).map(
    (f) => [`inspection-plan.${f}`, ['plan', ...INSPECTION, ...NOW, '-f', f]] as const,
  ),
  ...(['text', 'md', 'json'] as const).map(
    (f) => [`inspection-status.${f}`, ['status', ...INSPECTION, ...NOW, '-f', f]] as const,
  ),
  ...(['text', 'json'] as const).map(
    (f) => [`inspection-next.${f}`, ['next', ...INSPECTION, ...NOW, '-f', f]] as const,
  ),
  ...(['text', 'json'] as const).map(
    (f) => [`explain-cse-gangs-cases.${f}`, ['explain', 'cse-gangs-cases', ...INSPECTION, '-f', f]] as const,
  ),
  ['list.json', ['list', '-f', 'json']],
  ['check-jtai-2018.text', ['check', 'jtai-2018']],
];

describe('every output, byte for byte as reviewed', () => {
  test.each(CASES)('%s', async (name, args) => {
    const run = await runCli([...args], STAMP);
    expect(run.code, run.stderr).toBe(0);
    const output = `${run.stdout}${run.stderr ? `\n--- stderr ---\n${run.stderr}` : ''}`;
    const file = new URL(`./results/${name}`, import.meta.url);
    if (process.env.JTAI_UPDATE_GOLDEN === '1') writeFileSync(file, output);
    expect(output).toBe(readFileSync(file, 'utf8'));
  });
});

describe('the same bytes whatever the machine zone, in separate processes', () => {
  const BIN = new URL('../../bin/jtai.cjs', import.meta.url).pathname;
  test.runIf(process.env.TZ === 'UTC').each(['text', 'json', 'ics', 'md', 'csv', 'html'])(
    'plan in %s under four TZ values',
    async (format) => {
      const { spawnSync } = await import('node:child_process');
      const outputs = ['UTC', 'Europe/London', 'America/Los_Angeles', 'Pacific/Auckland', 'Asia/Kolkata'].map(
        (tz) =>
          spawnSync(process.execPath, [BIN, 'plan', '-n', '2019-03-26', '-f', format, ...INSPECTION, ...NOW], {
            encoding: 'utf8',
            env: { ...process.env, ...STAMP, TZ: tz },
          }).stdout,
      );
      expect(outputs[0]!.length).toBeGreaterThan(1000);
      for (const o of outputs) expect(o).toBe(outputs[0]);
    },
  );
});
