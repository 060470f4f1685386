import { execFileSync } from 'node:child_process';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readTextFile } from '../../src/io/read-rule-set-file.js';
import { runCli, said } from '../helpers.js';

// Files and the command line as an attacker would use them: every bad target or source ends in
// one clear message and a non-zero exit, quickly, with nothing half-written or clobbered.

const tempDir = () => mkdtempSync(join(tmpdir(), 'jtai-hostile-'));
const plan = (...args: string[]) => runCli(['plan', '-n', '2019-03-19', ...args]);
const canMkfifo = (() => {
  try {
    execFileSync('mkfifo', [join(tempDir(), 'probe')]);
    return true;
  } catch {
    return false;
  }
})();
function fifo(dir: string, name: string): string {
  const path = join(dir, name);
  execFileSync('mkfifo', [path]);
  return path;
}

describe('--out and --format', () => {
  test('a --format that contradicts the extension is refused, and nothing is written', async () => {
    const dir = tempDir();
    const out = join(dir, 'plan.ics');
    const { code, stderr } = await plan('--out', out, '--format', 'md');
    expect([code, stderr]).toEqual([
      2,
      `jtai: --out ${out} is named as an ICS calendar (.ics), but --format md writes Markdown; write to ${join(dir, 'plan.md')}, or add --force to write Markdown to ${out} anyway.\nRun "jtai plan --help" for its options and examples.\n`,
    ]);
    expect(readdirSync(dir)).toEqual([]);
  });

  test('--force writes it anyway; a .txt file takes any format; a matching --format is fine', async () => {
    const dir = tempDir();
    expect((await plan('--out', join(dir, 'plan.ics'), '--format', 'md', '--force')).code).toBe(0);
    expect(readFileSync(join(dir, 'plan.ics'), 'utf8')).toMatch(/^# JTAI timetable/);
    expect((await plan('--out', join(dir, 'plan.txt'), '--format', 'csv')).code).toBe(0);
    expect((await plan('--out', join(dir, 'plan.csv'), '--format', 'csv')).code).toBe(0);
  });
});

describe('--out targets', () => {
  test('an existing folder, a name ending in a slash, and a link to a folder are refused by name', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'x.ics'));
    symlinkSync(join(dir, 'x.ics'), join(dir, 'link.ics'));
    expect(said((await plan('--out', join(dir, 'x.ics'))).stderr)).toBe(
      `jtai: cannot write ${join(dir, 'x.ics')}: it is a folder; give a file name inside it.\n`,
    );
    expect(said((await plan('--out', `${dir}/`, '-f', 'ics')).stderr)).toBe(
      `jtai: cannot write ${dir}/: it names a folder; give a file name.\n`,
    );
    expect(said((await plan('--out', join(dir, 'link.ics'))).stderr)).toBe(
      `jtai: cannot write ${join(dir, 'link.ics')}: it is a link to a folder; give a file name.\n`,
    );
    expect(readdirSync(dir).sort()).toEqual(['link.ics', 'x.ics']);
  });

  test('a symlink at --out is replaced by the file; what it pointed to is never written', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'precious.txt'), 'precious');
    symlinkSync(join(dir, 'precious.txt'), join(dir, 'plan.ics'));
    expect((await plan('--out', join(dir, 'plan.ics'))).code).toBe(0);
    expect(readFileSync(join(dir, 'precious.txt'), 'utf8')).toBe('precious');
    expect(lstatSync(join(dir, 'plan.ics')).isFile()).toBe(true);
    expect(readFileSync(join(dir, 'plan.ics'), 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);
  });

  test('a device is written into, never replaced: --out /dev/null', async () => {
    const { code } = await plan('--out', '/dev/null', '-f', 'csv');
    expect(code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  test.skipIf(!canMkfifo)('a named pipe nobody reads from is refused at once, not waited on', async () => {
    const path = fifo(tempDir(), 'plan.csv');
    expect(said((await plan('--out', path)).stderr)).toBe(
      `jtai: cannot write ${path}: no program is reading from the pipe.\n`,
    );
  });

  test.skipIf(!canMkfifo)('--split never replaces a pipe, a folder or a device in --out-dir', async () => {
    const dir = tempDir();
    fifo(dir, 'jtai-2019-03-19-dcs.ics');
    const { code, stderr } = await plan('--split', 'agency', '--out-dir', dir);
    expect([code, said(stderr)]).toEqual([
      1,
      `jtai: cannot write ${join(dir, 'jtai-2019-03-19-dcs.ics')}: it is not a regular file (a device, a pipe or a socket); jtai will not replace it.\n`,
    ]);
    expect(readdirSync(dir)).toEqual(['jtai-2019-03-19-dcs.ics']);
  });

  test('--split into a system device folder is refused', async () => {
    const { code, stderr } = await plan('--split', 'agency', '--out-dir', '/dev');
    expect(code).toBe(1);
    expect(said(stderr)).toMatch(
      /^jtai: cannot write \/dev\/jtai-2019-03-19-[a-z-]+\.ics: it is in a system device folder; jtai will not replace it\.\n$/,
    );
  });

  test('--out-dir that is a file is named as such', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), 'x');
    expect(said((await plan('--split', 'agency', '--out-dir', join(dir, 'file'))).stderr)).toBe(
      `jtai: cannot create folder ${join(dir, 'file')}: a file has that name.\n`,
    );
  });
});

describe('--rules and extends from hostile files', () => {
  const notRegular = (shown: string) =>
    `jtai: cannot read rule set ${shown}: it is not a regular file (a device, a pipe or a socket); give a .yaml file.\n`;

  test('/dev/zero, and a symlink to it, are refused without reading', async () => {
    const dir = tempDir();
    symlinkSync('/dev/zero', join(dir, 'rules.yaml'));
    expect(said((await plan('--rules', '/dev/zero')).stderr)).toBe(notRegular('/dev/zero'));
    expect(said((await plan('--rules', join(dir, 'rules.yaml'))).stderr)).toBe(notRegular(join(dir, 'rules.yaml')));
  });

  test.skipIf(!canMkfifo)(
    'a named pipe is refused without waiting for a writer, as --rules and as extends',
    async () => {
      const dir = tempDir();
      const pipe = fifo(dir, 'base.yaml');
      expect(said((await plan('--rules', pipe)).stderr)).toBe(notRegular(pipe));
      writeFileSync(join(dir, 'area.yaml'), 'extends: ./base.yaml\nid: area\n');
      const check = await runCli(['check', join(dir, 'area.yaml')]);
      expect(check.stdout).toContain(
        `${join(dir, 'area.yaml')}:1:10: error: cannot read rule set ${pipe}: it is not a regular file`,
      );
    },
  );

  test('a folder, text that is not UTF-8, and a file over 1 MiB', async () => {
    const dir = tempDir();
    expect(said((await plan('--rules', dir)).stderr)).toBe(
      `jtai: cannot read rule set ${dir}: it is a folder, not a file.\n`,
    );
    writeFileSync(join(dir, 'latin1.yaml'), Buffer.from('id: x\nname: Caf\xe9\n', 'latin1'));
    expect(said((await plan('--rules', join(dir, 'latin1.yaml'))).stderr)).toBe(
      `jtai: rule set ${join(dir, 'latin1.yaml')} is not UTF-8 text: line 2 has bytes that are not UTF-8; save the file as UTF-8.\n`,
    );
    writeFileSync(
      join(dir, 'utf16.yaml'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id: x\n', 'utf16le')]),
    );
    expect(said((await plan('--rules', join(dir, 'utf16.yaml'))).stderr)).toMatch(
      /is not UTF-8 text \(it looks like UTF-16\)/,
    );
    writeFileSync(join(dir, 'huge.yaml'), `# ${'x'.repeat(1024 * 1024)}\n`);
    expect(said((await plan('--rules', join(dir, 'huge.yaml'))).stderr)).toBe(
      `jtai: rule set ${join(dir, 'huge.yaml')} is 1048579 bytes; rule sets are limited to 1 MiB.\n`,
    );
  });

  test.runIf(process.platform === 'linux')('a file longer than its size says (a /proc file) is read whole', () => {
    // The buffer starts at the size fstat gives, 0 here, and grows as the file goes on.
    expect(statSync('/proc/self/status').size).toBe(0);
    const text = readTextFile('/proc/self/status', 'status', 'file');
    expect(text).toMatch(/^Name:/);
    expect(text).toMatch(/\nPid:\s+\d+\n/);
    expect(text.length).toBeGreaterThan(500);
  });

  test('a UTF-8 byte order mark is fine', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bom.yaml'), `\uFEFFextends: jtai-2018\nid: bom\n`);
    expect((await plan('--rules', join(dir, 'bom.yaml'), '-f', 'json')).code).toBe(0);
  });
});

describe('--split file names', () => {
  test('come only from safe characters and stay inside --out-dir', async () => {
    const dir = tempDir();
    const { code } = await plan('--split', 'agency', '--out-dir', dir);
    expect(code).toBe(0);
    expect(readdirSync(dir)).toHaveLength(8);
    for (const name of readdirSync(dir)) expect(name).toMatch(/^jtai-2019-03-19-[a-z0-9-]+\.ics$/);
  });

  test('an area named with path separators, dots and spaces (free text, in the inspection file) stays out of the path', async () => {
    const work = tempDir();
    const out = join(work, 'calendars');
    const inspection = join(work, 'jtai-inspection.yaml');
    writeFileSync(inspection, 'notified: 2019-03-19\narea: "../../Évil/..\\\\ Area"\n');
    const { code, stderr } = await runCli(['plan', '--split', 'agency', '--out-dir', out, '--inspection', inspection]);
    expect(code, stderr).toBe(0);
    // Beside the calendars, only the record of their issue (jtai-inspection.progress/).
    expect(readdirSync(work).sort()).toEqual(['calendars', 'jtai-inspection.progress', 'jtai-inspection.yaml']);
    expect(readdirSync(out)).toHaveLength(8);
    for (const name of readdirSync(out)) expect(name).toMatch(/^jtai-[a-z0-9-]+-2019-03-19-[a-z0-9-]+\.ics$/);
  });
});
