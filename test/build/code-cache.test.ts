import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';

// The bin's V8 code cache (bin/jtai.cjs) is only ever quicker: whatever is in the cache folder,
// damaged, stale, made for other text or not writable, jtai prints the same bytes.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const once = process.env.TZ === 'UTC';
const PLAN = ['plan', '-n', '2019-03-19', '-f', 'json', '-q'];
const home = mkdtempSync(join(tmpdir(), 'jtai-code-cache-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

function jtai(env: Record<string, string>, args = PLAN, cwd = home, root = ROOT) {
  const run = spawnSync(process.execPath, [join(root, 'bin', 'jtai.cjs'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, SOURCE_DATE_EPOCH: '1553000000', ...env },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const expected = jtai({ JTAI_CACHE: '0', HOME: home });
const folderOf = (cache: string) => join(cache, 'jtai', 'code', `${process.version}-${process.arch}`);
const entryCache = (cache: string) =>
  join(folderOf(cache), readdirSync(folderOf(cache)).find((f) => f.endsWith('%2Fjtai.cjs.plan.v8'))!);

describe.runIf(once)('the code cache', () => {
  test('is written once, one file for each chunk run, for the user alone, and then used', () => {
    const cache = mkdtempSync(join(home, 'xdg-'));
    expect(jtai({ XDG_CACHE_HOME: cache })).toEqual(expected);
    const files = readdirSync(folderOf(cache)).sort();
    expect(files.map((f) => decodeURIComponent(f).replace(/^.*[\\/]/, ''))).toEqual(['jtai.cjs.plan.v8']); // by the chunk's path, without the hash of its name (a rebuild replaces it), and the command
    expect(jtai({ XDG_CACHE_HOME: cache }, ['--version']).stdout).toBe(`${VERSION}\n`);
    expect(jtai({ XDG_CACHE_HOME: cache }, ['plan', '--help']).code).toBe(0);
    // A run that fails keeps no cache: it compiled only the way to its message.
    expect(jtai({ XDG_CACHE_HOME: cache }, ['next', '-n', 'someday']).code).toBe(2);
    expect(
      readdirSync(folderOf(cache))
        .filter((f) => f.includes('jtai.cjs'))
        .sort(),
    ).toEqual([
      `${encodeURIComponent(join(ROOT, 'dist', 'bundle', 'jtai.cjs'))}.-.v8`,
      `${encodeURIComponent(join(ROOT, 'dist', 'bundle', 'jtai.cjs'))}.plan.help.v8`,
      `${encodeURIComponent(join(ROOT, 'dist', 'bundle', 'jtai.cjs'))}.plan.v8`,
    ]);
    expect(statSync(folderOf(cache)).mode & 0o777).toBe(0o700);
    for (const f of files) expect(statSync(join(folderOf(cache), f)).mode & 0o777).toBe(0o600);
    const written = statSync(entryCache(cache)).mtimeMs;
    expect(jtai({ XDG_CACHE_HOME: cache })).toEqual(expected);
    expect(statSync(entryCache(cache)).mtimeMs).toBe(written); // used, not made again
  });

  test('a command run with an inspection file has a cache of its own, named or found here', () => {
    // What a plan in an inspection's folder runs (reading the file and its record) is not in
    // the cache of a plan without one, and would be compiled at every run.
    const cache = mkdtempSync(join(home, 'xdg-'));
    const folder = mkdtempSync(join(home, 'inspection-'));
    const env = { XDG_CACHE_HOME: cache };
    expect(jtai(env, ['start', '-n', '2019-03-19'], folder).code).toBe(0);
    const plan = ['plan', '--now', '2019-03-20T15:30', '-f', 'json', '-q'];
    const expectedHere = jtai({ JTAI_CACHE: '0', HOME: home }, plan, folder);
    expect(jtai(env, plan, folder)).toEqual(expectedHere);
    const named = ['plan', '-i', join(folder, 'jtai-inspection.yaml'), ...plan.slice(1)];
    expect(jtai(env, named, home)).toEqual(expectedHere);
    expect(jtai(env, PLAN, home)).toEqual(expected);
    const entries = readdirSync(folderOf(cache))
      .map((f) => decodeURIComponent(f).replace(/^.*[\\/]/, ''))
      .filter((f) => f.startsWith('jtai.cjs.plan'))
      .sort();
    expect(entries).toEqual(['jtai.cjs.plan.inspection.v8', 'jtai.cjs.plan.v8']);
  });

  test("the cache files of an install that is gone are removed when a cache is written, and no other's", () => {
    const cache = mkdtempSync(join(home, 'xdg-'));
    const folder = folderOf(cache);
    mkdirSync(folder, { recursive: true });
    const goneInstall = join(home, 'gone', 'dist', 'bundle', 'jtai.cjs');
    const otherInstall = join(mkdtempSync(join(home, 'other-')), 'dist', 'bundle');
    mkdirSync(otherInstall, { recursive: true });
    const gone = `${encodeURIComponent(goneInstall)}.plan.v8`;
    const other = `${encodeURIComponent(join(otherInstall, 'jtai.cjs'))}.plan.v8`;
    for (const f of [gone, other, 'notes.txt']) writeFileSync(join(folder, f), 'x');
    expect(jtai({ XDG_CACHE_HOME: cache })).toEqual(expected);
    const left = readdirSync(folder);
    expect(left).toContain(other);
    expect(left).toContain('notes.txt');
    expect(left).not.toContain(gone);
  });

  const damages: Array<[string, (bytes: Buffer) => Buffer]> = [
    ['empty', () => Buffer.alloc(0)],
    ['cut short', (b) => b.subarray(0, b.length >> 1)],
    ['garbage', (b) => Buffer.alloc(b.length, 0x5a)],
    ['a bit flipped in the text', (b) => flip(b, 20)],
    ['a bit flipped in V8 data', (b) => flip(b, 8 + b.readUInt32LE(0) + (b.readUInt32LE(4) >> 1))],
    ['lengths that point past the end', (b) => Buffer.concat([Buffer.from([255, 255, 255, 127, 1, 0, 0, 0]), b])],
  ];
  test.each(damages)('damaged (%s): the same output, and a good cache written again', (_, damage) => {
    const cache = mkdtempSync(join(home, 'xdg-'));
    jtai({ XDG_CACHE_HOME: cache });
    writeFileSync(entryCache(cache), damage(readFileSync(entryCache(cache))));
    expect(jtai({ XDG_CACHE_HOME: cache })).toEqual(expected);
    expect(jtai({ XDG_CACHE_HOME: cache })).toEqual(expected);
  });

  test('made from another text of the chunk (an edited or rebuilt chunk), it is not used', () => {
    // A copy of jtai whose start chunk is edited in place: the same length, another text, so
    // that V8 alone would take the old text's cache for the new one.
    const copy = mkdtempSync(join(home, 'copy-'));
    for (const dir of ['bin', 'dist/bundle', 'dist/schedules', 'schedules'])
      cpSync(join(ROOT, dir), join(copy, dir), { recursive: true });
    const chunk = join(copy, 'dist', 'bundle', 'jtai.cjs');
    const original = readFileSync(chunk, 'latin1');
    const edited = original.replace('`Notified ${', '`NOTIFIED ${');
    expect([edited.length, edited === original]).toEqual([original.length, false]);
    const cache = mkdtempSync(join(home, 'xdg-'));
    const plan = (env: Record<string, string>) => jtai(env, ['plan', '-n', '2019-03-19', '-q'], home, copy);
    writeFileSync(chunk, edited, 'latin1');
    expect(plan({ XDG_CACHE_HOME: cache }).stdout).toContain('NOTIFIED');
    writeFileSync(chunk, original, 'latin1');
    const run = plan({ XDG_CACHE_HOME: cache });
    expect(run).toEqual(plan({ JTAI_CACHE: '0', HOME: home }));
    expect(run.stdout).toContain('Notified');
  });

  test('where the cache folder cannot be written, or with JTAI_CACHE=0, jtai runs without it', () => {
    const notAFolder = join(home, 'a-file');
    writeFileSync(notAFolder, ''); // cannot be made a folder, even by root
    expect(jtai({ XDG_CACHE_HOME: notAFolder })).toEqual(expected);
    const off = mkdtempSync(join(home, 'off-'));
    expect(jtai({ XDG_CACHE_HOME: off, JTAI_CACHE: '0' })).toEqual(expected);
    expect(readdirSync(off)).toEqual([]);
    // The XDG spec: a relative XDG_CACHE_HOME, or HOME, is ignored.
    const here = mkdtempSync(join(home, 'cwd-'));
    expect(jtai({ XDG_CACHE_HOME: 'relative', HOME: 'relative' }, PLAN, here)).toEqual(expected);
    expect(readdirSync(here)).toEqual([]);
  });
});

function flip(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = copy[at]! ^ 0x10;
  return copy;
}
