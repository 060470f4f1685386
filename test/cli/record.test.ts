import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { eventText } from '../../src/core/progress/events.js';
import type { DoneRecord } from '../../src/core/progress/inspection-record.js';
import { doneEvent, moveEvent, undoEvent } from '../../src/core/progress/new-events.js';
import { readEvents, readRecord } from '../../src/io/progress-folder.js';
import { runCli, said } from '../helpers.js';

// Issue 19: a record of the fortnight that nothing can lose. Each change is its own file in
// jtai-inspection.progress/, created once and never changed; the state is the fold of them all.
// Every scenario here lost or invented a record with the lock-and-rewrite design.

// The built jtai, copied aside: other test runs rebuild dist/ while these processes start.
const BIN = (() => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const copy = mkdtempSync(join(tmpdir(), 'jtai-built-'));
  for (const part of ['bin', 'dist', 'schedules', 'package.json'])
    cpSync(join(root, part), join(copy, part), { recursive: true });
  return join(copy, 'bin', 'jtai.cjs');
})();
const once = process.env.TZ === 'UTC'; // real processes, real files: nothing depends on the zone
const ITEMS = [
  'children-list',
  'child-level-data',
  'cse-gangs-cases',
  'positive-intervention-cases',
  'yot-cases',
  'probation-cases',
];

async function started(dir = mkdtempSync(join(tmpdir(), 'jtai-record-'))) {
  const file = join(dir, 'jtai-inspection.yaml');
  expect((await runCli(['start', '--notified', '2019-03-19', '--area', 'My Area', '--out', file])).code).toBe(0);
  return { dir, file, folder: join(dir, 'jtai-inspection.progress') };
}

/** jtai done in a process of its own, with a note that names it. */
function writer(
  file: string,
  n: number,
  extra: string[] = [],
  command: string[] = [process.execPath, BIN],
): ChildProcess {
  return spawn(
    command[0]!,
    [
      ...command.slice(1),
      'done',
      ITEMS[n % ITEMS.length]!,
      '--note',
      `writer ${n}`,
      '--by',
      `w${n}`,
      '--inspection',
      file,
      '-q',
      '--force', // the same items again and again: each a delivery of its own
      ...extra,
    ],
    { stdio: 'ignore' },
  );
}

const exited = (child: ChildProcess) => new Promise<number | null>((r) => child.on('close', (code) => r(code)));
const notes = (folder: string) =>
  readEvents(folder)
    .events.map((e) => e.note!)
    .sort();
const writers = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `writer ${from + i}`).sort();

describe.runIf(once)('no update is lost', () => {
  test('30 writers at once, 20 rounds, a stale lock of the old design planted: every record kept, none invented', async () => {
    const { file, folder } = await started();
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: 999999, host: 'here', at: '2019-03-19T00:00:00Z' }));
    for (let round = 0; round < 20; round++) {
      const codes = await Promise.all(Array.from({ length: 30 }, (_, i) => exited(writer(file, round * 30 + i))));
      expect(codes.every((c) => c === 0)).toBe(true);
    }
    expect(notes(folder)).toEqual(writers(600));
    expect(readEvents(folder).problems).toEqual([]);
  }, 240_000);

  test('a writer stopped (SIGSTOP) for longer than any timeout while others write: all are kept when it goes on', async () => {
    const { file, folder } = await started();
    const stalled = writer(file, 0);
    stalled.kill('SIGSTOP');
    expect(
      (await Promise.all(Array.from({ length: 10 }, (_, i) => exited(writer(file, i + 1))))).every((c) => c === 0),
    ).toBe(true);
    await new Promise((r) => setTimeout(r, 1500));
    stalled.kill('SIGCONT');
    expect(await exited(stalled)).toBe(0);
    expect(notes(folder)).toEqual(writers(11));
  }, 60_000);

  const unshare = spawnSync('unshare', ['-u', '-p', '-f', 'true']).status === 0;
  test.runIf(unshare)(
    'two machines with the same host name and separate pid spaces (unshare -u -p): nothing collides',
    async () => {
      const { file, folder } = await started();
      const inBox = (host: string) => [
        'unshare',
        '-u',
        '-p',
        '-f',
        'sh',
        '-c',
        `hostname ${host} && exec "$0" "$@"`,
        process.execPath,
        BIN,
      ];
      const runs = Array.from({ length: 12 }, (_, i) => writer(file, i, [], inBox('same-name')));
      expect((await Promise.all(runs.map(exited))).every((c) => c === 0)).toBe(true);
      expect(notes(folder)).toEqual(writers(12));
      expect(new Set(readEvents(folder).events.map((e) => e.id)).size).toBe(12);
    },
    60_000,
  );

  const faketime = spawnSync('faketime', ['-f', '+5m', 'true']).status === 0;
  if (!faketime && process.env.JTAI_REQUIRE_TOOLS === '1') throw new Error('no faketime: apt-get install -y faketime');
  test.runIf(faketime)(
    'clocks five minutes apart: both records kept, and every reader folds them in the same order',
    async () => {
      const { file, folder } = await started();
      expect(await exited(writer(file, 0, [], ['faketime', '-f', '+5m', process.execPath, BIN]))).toBe(0); // done, "recorded" five minutes ahead
      expect((await runCli(['undo', 'children-list', '--note', 'writer 1', '--inspection', file, '-q'])).code).toBe(0); // undone now: "before" it, by its clock
      expect(notes(folder)).toEqual(writers(2));
      const status = async () =>
        JSON.parse((await runCli(['plan', '--inspection', file, '--now', '2019-03-20T10:00', '-f', 'json'])).stdout);
      const first = await status();
      expect(first.items.find((i: { id: string }) => i.id === 'children-list').status).toBe('overdue'); // the undo names the record it takes back, whatever the clocks say
      expect(await status()).toEqual(first);
    },
    60_000,
  );

  test('a writer killed at a random moment (50 times): every record it reported is there, nothing damaged, nothing twice', async () => {
    const { file, folder } = await started();
    const reported: number[] = [];
    for (let n = 0; n < 50; n++) {
      const child = writer(file, n);
      const timer = setTimeout(() => child.kill('SIGKILL'), 40 + ((n * 37) % 120));
      if ((await exited(child)) === 0) reported.push(n);
      clearTimeout(timer);
    }
    expect(reported.length).toBeGreaterThan(0); // some finished, so the check below is not empty
    expect(reported.length).toBeLessThan(50); // and some were killed on the way
    const { events, problems } = readEvents(folder);
    expect(problems).toEqual([]);
    const kept = events.map((e) => Number(e.note!.slice(7)));
    expect(new Set(kept).size).toBe(kept.length);
    for (const n of reported) expect(kept).toContain(n);
    expect(readdirSync(folder).filter((f) => !f.startsWith('.') && !f.endsWith('.json'))).toEqual([]);
  }, 120_000);

  const canMount = spawnSync('unshare', ['-m', 'sh', '-c', 'mount -t tmpfs -o size=16k tmpfs /mnt']).status === 0;
  test.runIf(canMount)(
    'a full disk: a clear error, exit 1, no half-written record, and the next writer (with room) succeeds',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'jtai-full-'));
      const script = [
        `mount -t tmpfs -o size=16k tmpfs "${dir}"`,
        `"${process.execPath}" "${BIN}" start -n 2019-03-19 --out "${dir}/jtai-inspection.yaml"`,
        `head -c 9000 /dev/zero > "${dir}/filler" 2>/dev/null`,
        `for i in 1 2 3 4 5 6; do "${process.execPath}" "${BIN}" done children-list --note "$(head -c 3000 /dev/zero | tr '\\0' x)" --inspection "${dir}/jtai-inspection.yaml" -q; echo "exit $?"; done 2>&1`,
        `rm "${dir}/filler"`,
        `"${process.execPath}" "${BIN}" done cse-gangs-cases --inspection "${dir}/jtai-inspection.yaml" -q; echo "exit $?"`,
        `"${process.execPath}" "${BIN}" log --inspection "${dir}/jtai-inspection.yaml" -f json`,
      ].join('\n');
      const run = spawnSync('unshare', ['-m', 'sh', '-c', script], { encoding: 'utf8' });
      expect(run.stdout).toMatch(
        /jtai: cannot record progress in .*jtai-inspection\.progress: the disk is full; nothing was recorded\.\n/,
      );
      expect(run.stdout).toMatch(/exit 1\n/);
      const log = JSON.parse(run.stdout.slice(run.stdout.indexOf('{')));
      expect(log.skipped).toEqual([]);
      expect(log.events.at(-1).item).toBe('cse-gangs-cases');
    },
    60_000,
  );
});

describe.runIf(once)('any shared drive', () => {
  test('through a symbolic link, progress lands beside the real file, and the link stays a link', async () => {
    const share = await started();
    const mine = mkdtempSync(join(tmpdir(), 'jtai-mine-'));
    symlinkSync(share.file, join(mine, 'jtai-inspection.yaml'));
    const run = spawnSync(process.execPath, [BIN, 'done', 'children-list', '--note', 'through the link', '-q'], {
      cwd: mine,
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(lstatSync(join(mine, 'jtai-inspection.yaml')).isSymbolicLink()).toBe(true);
    expect(existsSync(join(mine, 'jtai-inspection.progress'))).toBe(false);
    expect(notes(share.folder)).toEqual(['through the link']);
  });

  test('a synced folder edited in two places, then copied both ways as a sync tool does: both show every update, a duplicated file counts once', async () => {
    const a = await started();
    await runCli(['done', 'children-list', '--note', 'before the split', '--inspection', a.file, '-q']);
    const b = { dir: mkdtempSync(join(tmpdir(), 'jtai-sync-b-')) };
    cpSync(a.dir, b.dir, { recursive: true });
    const bFile = join(b.dir, 'jtai-inspection.yaml');
    const bFolder = join(b.dir, 'jtai-inspection.progress');
    await runCli(['done', 'child-level-data', '--note', 'at A', '--inspection', a.file, '-q']);
    await runCli(['done', 'cse-gangs-cases', '--agency', 'police', '--note', 'at B', '--inspection', bFile, '-q']);
    await runCli(['undo', 'children-list', '--note', 'undone at B', '--inspection', bFile, '-q']);
    // The sync: each side gets the files it lacks; a file both have but that differs is kept as a conflict copy.
    const sync = (from: string, to: string) => {
      for (const name of readdirSync(from)) {
        const target = join(to, name);
        if (!existsSync(target)) cpSync(join(from, name), target);
        else if (readFileSync(target, 'utf8') !== readFileSync(join(from, name), 'utf8'))
          cpSync(join(from, name), join(to, name.replace(/\.json$/, ' (conflict copy).json')));
      }
    };
    sync(a.folder, bFolder);
    sync(bFolder, a.folder);
    const first = readdirSync(a.folder).find((f) => f.endsWith('.json'))!;
    cpSync(join(a.folder, first), join(a.folder, first.replace(/\.json$/, ' (1).json'))); // a sync tool's duplicate
    const state = async (file: string) =>
      JSON.parse((await runCli(['status', '--inspection', file, '--now', '2019-03-20T15:30', '-f', 'json'])).stdout);
    expect(await state(a.file)).toEqual(await state(bFile));
    const log = JSON.parse((await runCli(['log', '--inspection', a.file, '-f', 'json'])).stdout);
    expect(log.events.map((e: { note: string }) => e.note)).toEqual([
      'before the split',
      'at A',
      'at B',
      'undone at B',
    ]);
  });
});

describe('every change can be read back, and nothing bricks the record', () => {
  test('jtai log lists who, when and why, oldest first, and filters by item and agency', async () => {
    const { file } = await started();
    await runCli([
      'done',
      'children-list',
      '--at',
      '19/03/2019 16:40',
      '--by',
      'Kim Lee',
      '--note',
      'by secure email',
      '--inspection',
      file,
      '-q',
    ]);
    await runCli([
      'done',
      'cse-gangs-cases',
      '--agency',
      'police',
      '--at',
      '20/03/2019 14:00',
      '--by',
      'DI Smith',
      '--inspection',
      file,
      '-q',
    ]);
    await runCli([
      'undo',
      'children-list',
      '--by',
      'Kim Lee',
      '--note',
      'sent the wrong file',
      '--inspection',
      file,
      '-q',
    ]);
    const log = JSON.parse((await runCli(['log', '--inspection', file, '-f', 'json'])).stdout);
    expect(log.events.map((e: Record<string, unknown>) => [e.type, e.item, e.agency, e.by, e.note])).toEqual([
      ['done', 'children-list', null, 'Kim Lee', 'by secure email'],
      ['done', 'cse-gangs-cases', 'police', 'DI Smith', null],
      ['undo', 'children-list', null, 'Kim Lee', 'sent the wrong file'],
    ]);
    expect(log.events[0].at).toBe('2019-03-19T16:40:00+00:00');
    const police = JSON.parse((await runCli(['log', '--inspection', file, '-f', 'json', '--agency', 'police'])).stdout);
    expect(police.events).toHaveLength(1);
    const text = (await runCli(['log', '--inspection', file, '--item', 'children-list'])).stdout;
    expect(text).toMatch(
      /^2019-03-19 16:40 {2}done: children-list, by Kim Lee \(recorded .* UTC\)\n {4}by secure email\n/m,
    );
  });

  test('a damaged or foreign file in the folder is reported, by name and why, and skipped; the rest counts', async () => {
    const { file, folder } = await started();
    await runCli(['done', 'children-list', '--at', '19/03/2019 16:00', '--inspection', file, '-q']);
    writeFileSync(join(folder, 'half.json'), '{"format": "jtai-progress-event/1", "id": "x", "ty');
    writeFileSync(join(folder, 'notes.txt'), 'not an event');
    writeFileSync(join(folder, 'other.json'), '{"hello": 1}');
    mkdirSync(join(folder, 'sub.json'));
    const run = await runCli(['plan', '--inspection', file, '--now', '2019-03-20T15:30', '-f', 'json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.items.find((i: { id: string }) => i.id === 'children-list').status).toBe('done');
    expect(run.stderr).toContain('half.json was skipped: it is not JSON (damaged, or not written by jtai).');
    expect(run.stderr).toContain('notes.txt is not a jtai event (not a .json file); it was skipped.');
    expect(run.stderr).toContain(
      'other.json was skipped: it is not a jtai progress event (format null, expected "jtai-progress-event/1").',
    );
    expect(run.stderr).toContain('sub.json was skipped: it is a folder.');
  });

  test('a record of an item the rule set no longer has is a warning in every command, never a refusal; undo takes it back', async () => {
    const { dir, file } = await started();
    await runCli(['done', 'children-list', '--inspection', file, '-q']);
    writeFileSync(join(dir, 'area.yaml'), 'extends: jtai-2018\nid: my-area\nname: My area\nremove: [children-list]\n');
    writeFileSync(file, readFileSync(file, 'utf8').replace('rules: "jtai-2018"', 'rules: "area.yaml"'));
    const warning =
      '1 record names an item no longer in my-area: "children-list"; it is kept, and "jtai undo" takes it back.';
    for (const args of [['plan'], ['status'], ['next'], ['plan', '-f', 'json']]) {
      const run = await runCli([...args, '--inspection', file, '--now', '2019-03-20T15:30']);
      expect([args.join(' '), run.code]).toEqual([args.join(' '), 0]);
      expect(run.stdout + run.stderr).toContain(warning);
    }
    expect((await runCli(['undo', 'children-list', '--inspection', file])).stderr).toBe(
      'jtai: children-list no longer marked done.\n',
    );
    expect(
      (await runCli(['plan', '--inspection', file, '--now', '2019-03-20T15:30', '-f', 'json'])).stderr,
    ).not.toContain('no longer in');
  });

  test('a note or a name too long for one record is refused before anything is written', async () => {
    const { file, folder } = await started();
    const run = await runCli(['done', 'children-list', '--note', 'x'.repeat(5000), '--inspection', file]);
    expect([run.code, run.stderr.split('\n')[0]]).toEqual([
      2,
      'jtai: --note is 5000 characters long; give at most 4000 (the note says why; the documents themselves go to the inspectors).',
    ]);
    expect(existsSync(folder)).toBe(false);
  });

  test("an older jtai's progress: map still counts, is never written again, and jtai says so once", async () => {
    const { file, folder } = await started();
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8')}progress:\n  children-list:\n    - { done: "2019-03-19T16:40:00+00:00", by: Kim }\n`,
    );
    const before = readFileSync(file, 'utf8');
    const first = await runCli(['done', 'child-level-data', '--at', '19/03/2019 16:00', '--inspection', file]);
    expect(first.stderr).toContain(
      `the progress already in ${file} still counts; from now on each change is its own file in ${folder}, and ${file} is not written again.`,
    );
    expect(
      (await runCli(['done', 'cse-gangs-cases', '--at', '20/03/2019 14:00', '--inspection', file])).stderr,
    ).not.toContain('still counts');
    expect(readFileSync(file, 'utf8')).toBe(before);
    const json = JSON.parse(
      (await runCli(['plan', '--inspection', file, '--now', '2019-03-20T15:30', '-f', 'json'])).stdout,
    );
    expect(json.items.filter((i: { status: string }) => i.status === 'done').map((i: { id: string }) => i.id)).toEqual([
      'children-list',
      'child-level-data',
      'cse-gangs-cases',
    ]);
  });

  test('status with 2,000 records reads them all, each once', async () => {
    const { file, folder } = await started();
    mkdirSync(folder);
    for (let i = 0; i < 2000; i++) {
      const id = `20190320T${String(100000 + i).padStart(6, '0')}000Z-bulk-1-${String(i).padStart(8, '0')}`;
      const event = {
        format: 'jtai-progress-event/1',
        id,
        type: i % 2 ? 'undo' : 'done',
        item: ITEMS[Math.floor(i / 2) % ITEMS.length],
        at: '2019-03-20T10:00:00+00:00',
        recorded: `2019-03-20T10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.000Z`,
        by: 'bulk',
      };
      writeFileSync(join(folder, `${id}.json`), JSON.stringify(event));
    }
    await runCli(['done', 'yot-cases', '--at', '20/03/2019 11:00', '--inspection', file, '-q']);
    const json = JSON.parse(
      (await runCli(['plan', '--inspection', file, '--now', '2019-03-20T15:30', '-f', 'json'])).stdout,
    );
    expect(json.items.filter((i: { status: string }) => i.status === 'done').map((i: { id: string }) => i.id)).toEqual([
      'yot-cases',
    ]); // every done was undone
  });
});

describe('the cache in the user cache folder is never the truth', () => {
  test('an edited inspection file is read again, a damaged cache is ignored, and JTAI_CACHE=0 goes without', async () => {
    const home = mkdtempSync(join(tmpdir(), 'jtai-cache-home-'));
    const env = { XDG_CACHE_HOME: home };
    const { file } = await started();
    const area = async (extra: Record<string, string> = {}) =>
      JSON.parse((await runCli(['plan', '--inspection', file, '-f', 'json'], { ...env, ...extra })).stdout).area;
    expect(await area()).toBe('My Area');
    writeFileSync(file, readFileSync(file, 'utf8').replace('area: "My Area"', 'area: "Our Area"'));
    expect(await area()).toBe('Our Area');
    for (const kind of readdirSync(join(home, 'jtai')))
      for (const f of readdirSync(join(home, 'jtai', kind)))
        writeFileSync(join(home, 'jtai', kind, f), '{"version": 1, "data": {"text": 5');
    expect(await area()).toBe('Our Area');
    expect(await area({ JTAI_CACHE: '0' })).toBe('Our Area');
  });

  test('a new event is read, one already read comes from the cache, and a skipped file is tried each time', async () => {
    const home = mkdtempSync(join(tmpdir(), 'jtai-cache-home-'));
    const { file, folder } = await started();
    await runCli(['done', 'children-list', '--note', 'one', '--inspection', file, '-q'], { XDG_CACHE_HOME: home });
    const notesNow = async () =>
      JSON.parse((await runCli(['log', '--inspection', file, '-f', 'json'], { XDG_CACHE_HOME: home })).stdout);
    expect((await notesNow()).events.map((e: { note: string }) => e.note)).toEqual(['one']);
    await runCli(['done', 'child-level-data', '--note', 'two', '--inspection', file, '-q'], { XDG_CACHE_HOME: home });
    writeFileSync(join(folder, 'bad.json'), '{');
    expect((await notesNow()).events.map((e: { note: string }) => e.note)).toEqual(['one', 'two']);
    expect((await notesNow()).skipped).toEqual([
      `${join(folder, 'bad.json')} was skipped: it is not JSON (damaged, or not written by jtai).`,
    ]);
  });
});

describe('the cache, as a tester of odd set-ups found it', () => {
  test.runIf(process.platform !== 'win32')(
    'an event edited with its size and modification time kept (touch -r, cp -p, rsync) is read again',
    async () => {
      const home = mkdtempSync(join(tmpdir(), 'jtai-cache-home-'));
      const { file, folder } = await started();
      const env = { XDG_CACHE_HOME: home };
      await runCli(['done', 'children-list', '--at', '19/03/2019 16:40', '--inspection', file, '-q'], env);
      const doneAt = async (extra: Record<string, string> = {}) =>
        JSON.parse((await runCli(['log', '--inspection', file, '-f', 'json'], { ...env, ...extra })).stdout).events.map(
          (e: { at: string }) => e.at,
        );
      expect(await doneAt()).toEqual(['2019-03-19T16:40:00+00:00']); // read, and kept in the cache
      const [name] = readdirSync(folder);
      const path = join(folder, name!);
      const { size, mtimeMs } = statSync(path);
      const kept = join(mkdtempSync(join(tmpdir(), 'jtai-times-')), 'times');
      writeFileSync(kept, '');
      execFileSync('touch', ['-r', path, kept]); // its times, to the nanosecond, as cp -p and rsync keep them
      writeFileSync(path, readFileSync(path, 'utf8').replace('T16:40', 'T09:40'));
      execFileSync('touch', ['-r', kept, path]);
      expect([statSync(path).size, statSync(path).mtimeMs]).toEqual([size, mtimeMs]);
      expect(await doneAt()).toEqual(['2019-03-19T09:40:00+00:00']);
      expect(await doneAt({ JTAI_CACHE: '0' })).toEqual(['2019-03-19T09:40:00+00:00']);
    },
  );

  test('a rule set named relative to the inspection file is found beside the path it was reached by, whichever came first', async () => {
    const real = mkdtempSync(join(tmpdir(), 'jtai-real-'));
    const share = mkdtempSync(join(tmpdir(), 'jtai-share-'));
    writeFileSync(join(real, 'my-area.yaml'), 'extends: jtai-2018\nid: my-area\nname: REAL\n');
    writeFileSync(join(share, 'my-area.yaml'), 'extends: jtai-2018\nid: my-area\nname: SHARE\n');
    const file = join(real, 'jtai-inspection.yaml');
    const rules = join(real, 'my-area.yaml');
    expect((await runCli(['start', '-n', '2019-03-19', '--rules', rules, '--out', file])).code).toBe(0);
    symlinkSync(file, join(share, 'jtai-inspection.yaml'));
    const linked = join(share, 'jtai-inspection.yaml');
    for (const order of [
      [linked, file],
      [file, linked],
    ]) {
      const home = mkdtempSync(join(tmpdir(), 'jtai-cache-home-'));
      const title = async (path: string, extra: Record<string, string> = {}) =>
        JSON.parse((await runCli(['plan', '-i', path, '-f', 'json'], { XDG_CACHE_HOME: home, ...extra })).stdout)
          .schedule.name;
      for (const path of order) {
        const name = path === file ? 'REAL' : 'SHARE';
        expect(await title(path)).toBe(name);
        expect(await title(path)).toBe(name);
        expect(await title(path, { JTAI_CACHE: '0' })).toBe(name);
      }
    }
  });

  test('whatever is added, removed, edited or copied between reads, the cache gives what the files say', () => {
    const event = (n: number, note: string) =>
      eventText(
        doneEvent({
          id: `e${n}`,
          recordedMs: Date.UTC(2019, 2, 20, 10, n),
          item: 'children-list',
          at: '2019-03-20T10:00:00+00:00',
          note,
        }),
      );
    const op = fc.oneof(
      fc.record({ add: fc.integer({ min: 0, max: 30 }) }),
      fc.record({ remove: fc.nat() }),
      fc.record({ edit: fc.nat(), note: fc.string({ minLength: 1, maxLength: 3 }).filter((t) => t.trim() !== '') }),
      fc.record({ copy: fc.nat() }),
      fc.record({ damage: fc.nat() }),
      fc.record({ legacy: fc.boolean() }),
      fc.record({ undo: fc.integer({ min: 0, max: 30 }) }),
      fc.record({ move: fc.integer({ min: 0, max: 30 }) }),
    );
    // An undo of every "done" of the item before it, or a move of its deadline: the fold changes.
    const other = (n: number, type: 'undo' | 'move') => {
      const e = { id: `${type}${n}`, recordedMs: Date.UTC(2019, 2, 20, 10, n, 30), item: 'children-list' };
      const at = '2019-03-20T10:00:00+00:00';
      return eventText(
        type === 'undo'
          ? { ...undoEvent({ ...e, at, records: [] }), undoes: undefined } // an older jtai's: every one before
          : moveEvent({ ...e, at, to: '2019-03-21T17:00:00+00:00', note: `moved ${n}` }),
      );
    };
    // The record as every command sees it, its events listed (they are worked out when asked).
    const record = (folder: string, legacy: boolean, env: Record<string, string>, nowMs?: number) => {
      const map: Record<string, DoneRecord[]> = legacy
        ? { 'children-list': [{ done: '2019-03-19T16:40:00+00:00', by: 'Kim' }] }
        : {};
      const r = readRecord(folder, map, env, nowMs);
      return { ...r, events: r.events };
    };
    const later = () => Date.now() + 60_000;
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 12 }), (ops) => {
        const folder = mkdtempSync(join(tmpdir(), 'jtai-cache-prop-'));
        const env = { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'jtai-cache-home-')) };
        let legacy = false;
        let stamp = Date.UTC(2019, 2, 20);
        for (const o of ops) {
          if ('legacy' in o) {
            legacy = o.legacy; // the inspection file's own "progress:" map, there or not
            expect(record(folder, legacy, env)).toStrictEqual(record(folder, legacy, { JTAI_CACHE: '0' }));
            continue;
          }
          const names = readdirSync(folder).sort();
          const pick = (i: number) => names[i % names.length]!;
          const write = (name: string, text: string) => {
            writeFileSync(join(folder, name), text);
            // A modification time of its own: reads "a minute later" (every file old enough to
            // be known by its numbers, as in the fortnight) are not fooled by two writes in one
            // tick of the system's clock. Reads now, when every file is recent, read it again.
            utimesSync(join(folder, name), (stamp += 1000) / 1000, stamp / 1000);
          };
          if ('add' in o) write(`e${o.add}.json`, event(o.add, 'first'));
          else if ('undo' in o) write(`undo${o.undo}.json`, other(o.undo, 'undo'));
          else if ('move' in o) write(`move${o.move}.json`, other(o.move, 'move'));
          else if (names.length === 0) continue;
          else if ('remove' in o) rmSync(join(folder, pick(o.remove)));
          else if ('edit' in o) {
            const n = Number(/^[a-z]+(\d+)/.exec(pick(o.edit))![1]);
            write(pick(o.edit), event(n, o.note));
          } else if ('copy' in o)
            write(`${pick(o.copy)} (copy).json`, readFileSync(join(folder, pick(o.copy)), 'utf8'));
          else write(pick(o.damage), '{');
          const truth = readEvents(folder, { JTAI_CACHE: '0' });
          for (const nowMs of [later(), later(), undefined, later()])
            expect(readEvents(folder, env, nowMs)).toEqual(truth);
          // Twice: the first folds and keeps the fold, the second takes it from the cache.
          const folded = record(folder, legacy, { JTAI_CACHE: '0' });
          for (const nowMs of [later(), later(), undefined, undefined, later()])
            expect(record(folder, legacy, env, nowMs)).toStrictEqual(folded);
        }
      }),
      { numRuns: 40 },
    );
  });

  // A disk that keeps file times to the second (ext2 with small inodes; a USB stick's FAT keeps
  // them to two): an edit in the same second as a read leaves the size and both times as they
  // were. Found by a tester: the cache showed the first edit at every later run.
  const coarse = mkdtempSync(join(tmpdir(), 'jtai-coarse-'));
  const canMountCoarse =
    once &&
    spawnSync('unshare', [
      '-m',
      'sh',
      '-c',
      `truncate -s 8M "${coarse}/try" && mkfs.ext2 -q -I 128 -F "${coarse}/try" >/dev/null 2>&1 && mkdir -p "${coarse}/m" && mount -o loop "${coarse}/try" "${coarse}/m"`,
    ]).status === 0;
  test.runIf(canMountCoarse)(
    'on a disk with whole-second times, an event edited twice in the second it was read is read again later',
    () => {
      const jtai = `"${process.execPath}" "${BIN}"`;
      const script = [
        'set -e',
        `truncate -s 16M "${coarse}/img"`,
        `mkfs.ext2 -q -I 128 -F "${coarse}/img" >/dev/null 2>&1`,
        `mkdir -p "${coarse}/mnt"`,
        `mount -o loop "${coarse}/img" "${coarse}/mnt"`,
        `cd "${coarse}/mnt"`,
        `export XDG_CACHE_HOME="${coarse}/cache"`,
        `${jtai} start -n 2019-03-19 -q`,
        `${jtai} done children-list --at "19/03/2019 16:00" --by AAAA -q`,
        'f=$(ls jtai-inspection.progress/*.json)',
        'sleep 1.2', // the file older than a second, as a file written before is
        // A third of a second into a second: the disk's clock (the kernel's coarse one) lags a little.
        `while [ "$(date +%N | cut -c1)" != 3 ]; do :; done`,
        `sed -i s/AAAA/BBBB/ "$f"; ${jtai} log -f json >/dev/null; sed -i s/BBBB/CCCC/ "$f"`,
        'sleep 2',
        `${jtai} log -f json`,
      ].join('\n');
      const run = spawnSync('unshare', ['-m', 'sh', '-c', script], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout).events.map((e: { by: string }) => e.by)).toEqual(['CCCC']);
    },
    60_000,
  );

  // exFAT (a USB stick's) through FUSE: no change time, and Linux shows the modification time in
  // its place, which touch -r sets back with an edit (found by a tester).
  const exfat = mkdtempSync(join(tmpdir(), 'jtai-exfat-'));
  const exfatScript = (body: string[]) =>
    [
      'set -e',
      `truncate -s 64M "${exfat}/img"`,
      `mkfs.exfat "${exfat}/img" >/dev/null`,
      `mkdir -p "${exfat}/mnt"`,
      `L=$(losetup -f --show "${exfat}/img")`,
      `trap 'cd /; umount "${exfat}/mnt"; losetup -d $L' EXIT`,
      `mount.exfat-fuse $L "${exfat}/mnt" >/dev/null 2>&1`,
      `cd "${exfat}/mnt"`,
      ...body,
    ].join('\n');
  const canMountExfat = once && spawnSync('unshare', ['-m', 'bash', '-c', exfatScript(['touch probe'])]).status === 0;
  test.runIf(canMountExfat)(
    'on exFAT, an inspection starts, and an event edited in place with its times put back is read again',
    () => {
      const jtai = `"${process.execPath}" "${BIN}"`;
      const run = spawnSync(
        'unshare',
        [
          '-m',
          'bash',
          '-c',
          exfatScript([
            `export XDG_CACHE_HOME="${exfat}/cache"`,
            `${jtai} start -n 2019-03-19 -q`,
            `${jtai} done children-list --at "19/03/2019 16:00" --by AAAA -q`,
            'f=$(ls jtai-inspection.progress/*.json)',
            'sleep 3.5', // older than the seconds in which any file is read again
            `${jtai} log -f json >/dev/null`,
            `cp -p "$f" "${exfat}/ref"`,
            `sed s/AAAA/BBBB/ "${exfat}/ref" > "${exfat}/new"`,
            `cat "${exfat}/new" > "$f"`,
            `touch -r "${exfat}/ref" "$f"`,
            `${jtai} log -f json`,
          ]),
        ],
        { encoding: 'utf8' },
      );
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout).events.map((e: { by: string }) => e.by)).toEqual(['BBBB']);
    },
    60_000,
  );

  test('a file changed in the last seconds is not known by its numbers, and is once it is older', () => {
    const folder = mkdtempSync(join(tmpdir(), 'jtai-cache-recent-'));
    const home = mkdtempSync(join(tmpdir(), 'jtai-cache-home-'));
    const env = { XDG_CACHE_HOME: home };
    writeFileSync(
      join(folder, 'e1.json'),
      eventText(doneEvent({ id: 'e1', recordedMs: 0, item: 'children-list', at: '2019-03-20T10:00:00+00:00' })),
    );
    const { size, mtimeMs, ctimeMs } = statSync(join(folder, 'e1.json'));
    const kept = () => {
      const [file] = readdirSync(join(home, 'jtai', 'progress-folders'));
      const [head] = readFileSync(join(home, 'jtai', 'progress-folders', file!), 'latin1').split('\n');
      return JSON.parse(head!).data.stats;
    };
    const truth = readRecord(folder, {}, { JTAI_CACHE: '0' }).progress;
    expect(readRecord(folder, {}, env, ctimeMs + 1000).progress).toEqual(truth);
    expect(kept()).toEqual([-1, -1, -1]); // within the seconds an edit can hide in: read again next time
    expect(readRecord(folder, {}, env, ctimeMs + 2000).progress).toEqual(truth);
    expect(kept()).toEqual([-1, -1, -1]);
    expect(readRecord(folder, {}, env, ctimeMs + 10_000).progress).toEqual(truth);
    expect(kept()).toEqual([size, mtimeMs, ctimeMs]); // older: known by its size and times from now on
  });

  test('text beyond ASCII comes back from the cache as written, though the cache file is kept in ASCII', () => {
    const folder = mkdtempSync(join(tmpdir(), 'jtai-cache-text-'));
    const home = mkdtempSync(join(tmpdir(), 'jtai-cache-home-'));
    const note = 'Zoë’s list — 😀 sent\u2028twice';
    writeFileSync(
      join(folder, 'e1.json'),
      eventText(doneEvent({ id: 'e1', recordedMs: 0, item: 'children-list', at: '2019-03-20T10:00:00+00:00', note })),
    );
    for (let run = 0; run < 2; run++)
      expect(readRecord(folder, {}, { XDG_CACHE_HOME: home }).progress['children-list']![0]!.note).toBe(note);
    const [cacheFile] = readdirSync(join(home, 'jtai', 'progress-folders'));
    expect(readFileSync(join(home, 'jtai', 'progress-folders', cacheFile!)).every((byte) => byte < 0x80)).toBe(true);
  });

  test("a cache whose events were damaged by hand gives way to the files, and its fold to the inspection file's map", () => {
    const folder = mkdtempSync(join(tmpdir(), 'jtai-cache-events-'));
    const home = mkdtempSync(join(tmpdir(), 'jtai-cache-home-'));
    const env = { XDG_CACHE_HOME: home };
    for (const n of [1, 2])
      writeFileSync(
        join(folder, `e${n}.json`),
        eventText(
          doneEvent({
            id: `e${n}`,
            recordedMs: Date.UTC(2019, 2, 20, 10, n),
            item: 'child-level-data',
            at: `2019-03-20T10:0${n}:00+00:00`,
          }),
        ),
      );
    const plain = (r: ReturnType<typeof readRecord>) => ({ ...r, events: r.events });
    const truth = plain(readRecord(folder, {}, { JTAI_CACHE: '0' }));
    expect(truth.progress['child-level-data']?.map((r) => r.event)).toEqual(['e1', 'e2']);
    expect(plain(readRecord(folder, {}, env))).toStrictEqual(truth); // folded, and kept
    const [cacheFile] = readdirSync(join(home, 'jtai', 'progress-folders')).map((f) =>
      join(home, 'jtai', 'progress-folders', f),
    );
    const [head] = readFileSync(cacheFile!, 'latin1').split('\n'); // the fold's line, then the events
    writeFileSync(cacheFile!, `${head}\n[{"id": "e9"`);
    expect(plain(readRecord(folder, {}, env))).toStrictEqual(truth);
    // The folder unchanged, the inspection file's own "progress:" map changed: folded again.
    const legacy = { 'case-list': [{ done: '2019-03-20T14:00:00+00:00' }] };
    const withMap = plain(readRecord(folder, legacy, env));
    expect(withMap).toStrictEqual(plain(readRecord(folder, legacy, { JTAI_CACHE: '0' })));
    expect(withMap.progress['case-list']).toEqual([{ done: '2019-03-20T14:00:00+00:00', event: 'legacy-case-list-0' }]);
    expect(plain(readRecord(folder, {}, env))).toStrictEqual(truth);
  });

  test.runIf(once && process.platform !== 'win32')(
    'a FIFO where a cache file would be does not hang jtai, and a cache file that cannot be put in place leaves nothing behind',
    () => {
      const home = mkdtempSync(join(tmpdir(), 'jtai-cache-home-'));
      const dir = mkdtempSync(join(tmpdir(), 'jtai-record-'));
      const env = { ...process.env, XDG_CACHE_HOME: home, SOURCE_DATE_EPOCH: '1553000000' };
      const run = (args: string[]) =>
        spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env, encoding: 'utf8', timeout: 20_000 });
      expect(run(['start', '-n', '2019-03-19']).status).toBe(0);
      expect(run(['status', '--now', '2019-03-20T15:30']).status).toBe(0); // the caches written
      const caches = (kind: string) => readdirSync(join(home, 'jtai', kind)).map((f) => join(home, 'jtai', kind, f));
      const expected = run(['status', '--now', '2019-03-20T15:30']);
      for (const f of [
        ...caches('inspections'),
        ...caches('code').flatMap((d) => readdirSync(d).map((n) => join(d, n))),
      ]) {
        rmSync(f);
        execFileSync('mkfifo', [f]);
      }
      const withFifos = run(['status', '--now', '2019-03-20T15:30']);
      expect(withFifos.error).toBeUndefined(); // not killed by the timeout
      expect([withFifos.status, withFifos.stdout, withFifos.stderr]).toEqual([0, expected.stdout, expected.stderr]);
      // The cache files are folders now: written beside them, and not renamed into place.
      for (const f of caches('inspections')) {
        rmSync(f);
        mkdirSync(join(f, 'in-the-way'), { recursive: true });
      }
      expect(run(['plan', '--now', '2019-03-20T15:30', '-f', 'json']).status).toBe(0);
      expect(readdirSync(join(home, 'jtai', 'inspections')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    },
  );
});

describe('what a coordinator running the fortnight found next', () => {
  test("an undo takes back exactly what it was shown, whichever machine's clock ran fast", async () => {
    const { file, folder } = await started();
    await runCli(['done', 'children-list', '--by', 'Alice', '--at', '19/03/2019 16:00', '--inspection', file, '-q']);
    // Alice's machine ran ten minutes fast: her "done" says it was recorded after Bob's undo.
    const [name] = readdirSync(folder);
    const event = JSON.parse(readFileSync(join(folder, name!), 'utf8'));
    writeFileSync(
      join(folder, name!),
      JSON.stringify({ ...event, recorded: new Date(Date.now() + 600_000).toISOString() }),
    );
    expect((await runCli(['undo', 'children-list', '--by', 'Bob', '--inspection', file])).stderr).toBe(
      'jtai: children-list no longer marked done.\n',
    );
    const plan = JSON.parse(
      (await runCli(['plan', '--inspection', file, '--now', '2019-03-20T10:00', '-f', 'json'])).stdout,
    );
    expect(plan.items.find((i: { id: string }) => i.id === 'children-list').status).not.toBe('done');
    // ... and a "done" after an undo dated far in the future still counts.
    await runCli(['done', 'children-list', '--by', 'Alice', '--at', '19/03/2019 16:30', '--inspection', file, '-q']);
    const again = JSON.parse(
      (await runCli(['plan', '--inspection', file, '--now', '2019-03-20T10:00', '-f', 'json'])).stdout,
    );
    expect(again.items.find((i: { id: string }) => i.id === 'children-list').status).toBe('done');
  });

  test('--agency repeated records every part, named as the rule set names them; a part of a whole record cannot be taken back alone', async () => {
    const { file } = await started();
    const done = await runCli([
      'done',
      'positive-intervention-cases',
      '--agency',
      'police',
      '--agency',
      'nhs',
      '--at',
      '20/03/2019 14:00',
      '--inspection',
      file,
    ]);
    expect(done.stderr).toBe(
      'jtai: recorded Police\'s and Health\'s parts (you typed "nhs" for Health) of positive-intervention-cases as done at 2019-03-20 14:00 by ' +
        (done.stderr.match(/ by (.*)\.\n$/)?.[1] ?? '') +
        '.\n',
    );
    const log = JSON.parse((await runCli(['log', '--inspection', file, '-f', 'json'])).stdout);
    expect(log.events.map((e: { agency: string }) => e.agency)).toEqual(['police', 'health']);
    expect(
      (await runCli(['undo', 'positive-intervention-cases', '--agency', 'health', '--inspection', file])).stderr,
    ).toBe("jtai: took back Health's part of positive-intervention-cases only; Police's part still stands.\n");
    await runCli(['done', 'cse-gangs-cases', '--at', '20/03/2019 14:00', '--by', 'Kim', '--inspection', file, '-q']);
    expect((await runCli(['undo', 'cse-gangs-cases', '--agency', 'police', '--inspection', file])).stderr).toBe(
      'jtai: cse-gangs-cases was recorded done as a whole (2019-03-20 14:00 by Kim), not by parts; take it back whole with "jtai undo cse-gangs-cases", then record the parts that were done.\n',
    );
  });

  test('a time of delivery in the future or before the notification is refused unless --force; status as at a moment counts only what was done by then', async () => {
    const { file } = await started();
    for (const at of ['2030-01-01 10:00', '2019-01-01 10:00']) {
      const run = await runCli(['done', 'children-list', '--at', at, '--inspection', file]);
      expect([run.code, run.stderr]).toEqual([
        2,
        expect.stringMatching(
          /^jtai: --at ".*" is (in the future|before the day the area was notified); give the time it was done \(or --force to record it all the same\)\.\n/,
        ),
      ]);
    }
    await runCli(['done', 'cse-gangs-cases', '--at', '21/03/2019 10:00', '--inspection', file, '-q']);
    const before = JSON.parse(
      (await runCli(['plan', '--inspection', file, '--now', '2019-03-20T09:00', '-f', 'json'])).stdout,
    );
    const after = JSON.parse(
      (await runCli(['plan', '--inspection', file, '--now', '2019-03-21T11:00', '-f', 'json'])).stdout,
    );
    const cse = (p: { items: Array<{ id: string; status: string }> }) =>
      p.items.find((i) => i.id === 'cse-gangs-cases')!.status;
    expect([cse(before), cse(after)]).toEqual(['due-today', 'done']); // due at 15:00 that day
  });

  test('jtai log filters by the names people use, refuses names it does not know, and shows an agency the whole-item changes that concern it', async () => {
    const { file } = await started();
    await runCli([
      'done',
      'cse-gangs-cases',
      '--agency',
      'police',
      '--at',
      '20/03/2019 14:00',
      '--inspection',
      file,
      '-q',
    ]);
    await runCli(['undo', 'cse-gangs-cases', '--inspection', file, '-q']);
    const police = JSON.parse((await runCli(['log', '--agency', 'Police', '--inspection', file, '-f', 'json'])).stdout);
    expect(police.events.map((e: { type: string }) => e.type)).toEqual(['done', 'undo']);
    expect((await runCli(['log', '--agency', 'la', '--inspection', file, '-f', 'json'])).code).toBe(0);
    const item = await runCli(['log', '--item', 'cse-gang-cases', '--inspection', file]);
    expect([item.code, item.stderr]).toEqual([
      2,
      expect.stringContaining(
        '--item "cse-gang-cases" is not an item of jtai-2018 or of the record. Did you mean "cse-gangs-cases"?',
      ),
    ]);
  });

  test('two files that hold one event differently are reported; an event file edited by hand is read again', async () => {
    const home = mkdtempSync(join(tmpdir(), 'jtai-cache-home-'));
    const { file, folder } = await started();
    await runCli(['done', 'children-list', '--by', 'Alice', '--inspection', file, '-q'], { XDG_CACHE_HOME: home });
    const [name] = readdirSync(folder);
    const text = readFileSync(join(folder, name!), 'utf8');
    const log = async () => runCli(['log', '--inspection', file, '-f', 'json'], { XDG_CACHE_HOME: home });
    expect(JSON.parse((await log()).stdout).events[0].by).toBe('Alice');
    writeFileSync(join(folder, name!), text.replace('"Alice"', '"Alicia"'));
    expect(JSON.parse((await log()).stdout).events[0].by).toBe('Alicia');
    writeFileSync(join(folder, name!.replace('.json', ' (1).json')), text.replace('"Alice"', '"Eve"'));
    const both = await log();
    expect(JSON.parse(both.stdout).events.map((e: { by: string }) => e.by)).toEqual(['Alicia']);
    expect(JSON.parse(both.stdout).skipped[0]).toMatch(
      /two files in .* hold event .* differently \(edited by hand, or copies a sync tool kept apart\); the one named after it counts\./,
    );
  });
});

describe('the record, as a tester of the cache found it', () => {
  test('an inspection file renamed without its record is told where the record is, and a second inspection beside it is not', async () => {
    const { dir, file } = await started();
    await runCli(['done', 'children-list', '--inspection', file, '-q'], { JTAI_CACHE: '0' });
    const other = join(dir, 'area-b.yaml');
    cpSync(file, other);
    const status = async () =>
      (await runCli(['status', '--inspection', other, '--now', '2019-03-20T15:30'], { JTAI_CACHE: '0' })).stderr;
    expect(await status()).toBe(''); // jtai-inspection.progress is jtai-inspection.yaml's: nothing to say
    rmSync(file); // as if renamed to area-b.yaml
    const warning = `jtai: warning: nothing is recorded for this inspection file yet (there is no area-b.progress beside it), but ${join(dir, 'jtai-inspection.progress')} is the record of an inspection file that is gone. If this file was renamed, rename that folder to area-b.progress as well, and its record counts again.\n`;
    // jtai done says it too, before it starts a record of its own for the file.
    const done = await runCli(['done', 'yot-cases', '--inspection', other], { JTAI_CACHE: '0' });
    expect(done.stderr.startsWith(warning)).toBe(true);
    rmSync(join(dir, 'area-b.progress'), { recursive: true });
    expect(await status()).toBe(
      `jtai: warning: nothing is recorded for this inspection file yet (there is no area-b.progress beside it), but ${join(dir, 'jtai-inspection.progress')} is the record of an inspection file that is gone. If this file was renamed, rename that folder to area-b.progress as well, and its record counts again.\n`,
    );
  });

  test.runIf(process.platform !== 'win32')(
    'a link to nothing in the record, and a file where the record folder should be, are said as they are',
    async () => {
      const { dir, file, folder } = await started();
      await runCli(['done', 'children-list', '--inspection', file, '-q'], { JTAI_CACHE: '0' });
      symlinkSync(join(dir, 'no-such-file.json'), join(folder, 'linked.json'));
      const status = () => runCli(['status', '--inspection', file, '--now', '2019-03-20T15:30'], { JTAI_CACHE: '0' });
      expect((await status()).stderr).toBe(
        `jtai: warning: ${join(folder, 'linked.json')} was skipped: it is a link to "${join(dir, 'no-such-file.json')}", which is not there (a drive or share not connected, or moved?).\n`,
      );
      rmSync(folder, { recursive: true });
      writeFileSync(folder, 'not a folder');
      const run = await status();
      expect([run.code, said(run.stderr)]).toEqual([
        1,
        `jtai: cannot read the progress folder ${folder}: it is not a folder, where jtai keeps the record in a folder of that name.\n`,
      ]);
    },
  );

  test.runIf(process.platform !== 'win32')(
    'a record or an inspection file that is a link to a share not connected is said to be one, not shown as nothing done',
    async () => {
      const { file, folder } = await started();
      await runCli(['done', 'children-list', '--inspection', file, '-q'], { JTAI_CACHE: '0' });
      rmSync(folder, { recursive: true });
      symlinkSync('/mnt/no-such-share/record', folder);
      for (const command of [['status', '--now', '2019-03-20T15:30'], ['log'], ['next', '--now', '2019-03-20T15:30']]) {
        const run = await runCli([...command, '--inspection', file]);
        expect([run.code, run.stdout, said(run.stderr)]).toEqual([
          1,
          '',
          `jtai: cannot read the progress folder ${folder}: it is a link to "/mnt/no-such-share/record", which is not there (a drive or share not connected, or moved?); nothing of the record can be shown.\n`,
        ]);
      }
      const elsewhere = mkdtempSync(join(tmpdir(), 'jtai-link-'));
      symlinkSync('/mnt/no-such-share/jtai-inspection.yaml', join(elsewhere, 'jtai-inspection.yaml'));
      const here = spawnSync(process.execPath, [BIN, 'status', '--now', '2019-03-20T15:30'], {
        cwd: elsewhere,
        encoding: 'utf8',
        env: { ...process.env, JTAI_CACHE: '0' },
      });
      expect([here.status, said(here.stderr)]).toEqual([
        1,
        'jtai: cannot read inspection file jtai-inspection.yaml: it is a link to "/mnt/no-such-share/jtai-inspection.yaml", which is not there (a drive or share not connected, or moved?).\n',
      ]);
    },
  );

  test('what Windows and Office leave in a folder is passed over quietly, and an empty event file is said to be empty', async () => {
    const { file, folder } = await started();
    await runCli(['done', 'children-list', '--inspection', file, '-q'], { JTAI_CACHE: '0' });
    for (const name of ['desktop.ini', 'Thumbs.db', '~$lock.json']) writeFileSync(join(folder, name), 'x');
    writeFileSync(join(folder, 'half-synced.json'), '');
    const run = await runCli(['status', '--inspection', file, '--now', '2019-03-20T15:30'], { JTAI_CACHE: '0' });
    expect(run.stderr).toBe(
      `jtai: warning: ${join(folder, 'half-synced.json')} was skipped: it is empty (a copy or a sync not finished?).\n`,
    );
  });
});
