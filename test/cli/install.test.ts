import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

// The command as someone installs it on another machine: the tarball "npm pack" makes,
// installed globally into a fresh prefix, run from a folder that is not the clone. Its file
// list must hold everything the bin needs. Once, not per time zone (vitest.config.ts runs it
// in TZ=UTC only): it takes a few seconds.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('npm pack, installed elsewhere', () => {
  test('runs jtai plan, check and help from another folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jtai-install-'));
    // --ignore-scripts: the suite has built dist/ already (pretest); building again here would
    // rewrite it under the other test files' feet.
    const pack = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(pack.status, pack.stderr).toBe(0);
    const [{ filename, files }] = JSON.parse(pack.stdout) as [{ filename: string; files: Array<{ path: string }> }];
    const paths = files.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'bin/jtai.cjs',
        'dist/bundle/jtai.cjs',
        'dist/schedules/jtai-2018.json',
        'schedules/jtai-2018.yaml',
        'schedules/rule-set.schema.json',
        'package.json',
        'README.md',
      ]),
    );
    expect(paths.some((p) => p.startsWith('test/') || p.startsWith('src/'))).toBe(false);

    const prefix = join(dir, 'prefix');
    const install = spawnSync(
      'npm',
      ['install', '--global', '--prefix', prefix, join(dir, filename), '--prefer-offline', '--no-audit', '--no-fund'],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(install.status, install.stderr).toBe(0);

    const jtai = (...args: string[]) =>
      spawnSync(join(prefix, 'bin', 'jtai'), args, {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
    const plan = jtai('plan', '--notified', '19/03/2019', '--format', 'json');
    expect(plan.status, plan.stderr).toBe(0);
    expect(JSON.parse(plan.stdout).items).toHaveLength(14);
    const check = jtai('check', 'jtai-2018');
    expect(check.stdout).toMatch(/jtai-2018\.yaml: valid, 1 warning/);
    expect(jtai('--help').stdout).toContain('$ jtai plan --notified 2019-03-19');
    expect(jtai('--version').stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  }, 180_000);
});
