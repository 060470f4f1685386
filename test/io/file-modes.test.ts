import {
  chmodSync,
  chownSync,
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
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { InputError } from '../../src/errors.js';
import { writeFilesAtomically, writeNewFile, type Writer } from '../../src/io/write-files.js';
import { runCli } from '../helpers.js';

// A replaced file keeps who may read it: its mode and its group, set on the temporary file
// before the rename. A read-only file needs force; a long name never trips over the temporary
// name; and whatever fails, no temporary file is left and the old file is as it was.

// Faults to inject into node:fs/promises, by function: the error code it then fails with.
// Every function works as normal while no fault is set for it.
const faults = vi.hoisted(() => ({}) as Partial<Record<'chown' | 'chmod' | 'rename' | 'rm', string>>);
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const faulty =
    <A extends unknown[]>(name: keyof typeof faults, f: (...args: A) => Promise<void>) =>
    (...args: A) => {
      const code = faults[name];
      return code ? Promise.reject(Object.assign(new Error(`${name} failed with ${code}`), { code })) : f(...args);
    };
  return {
    ...real,
    chown: faulty('chown', real.chown),
    chmod: faulty('chmod', real.chmod),
    rename: faulty('rename', real.rename),
    rm: faulty('rm', real.rm),
  };
});

const OTHER_GID = 12345;
const tempDir = () => mkdtempSync(join(tmpdir(), 'jtai-modes-'));
const modeOf = (path: string) => statSync(path).mode & 0o7777;
const temporaries = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

/** A file with the given text and mode (set exactly, whatever the umask). */
function oldFile(path: string, mode: number, text = 'old'): string {
  writeFileSync(path, text);
  chmodSync(path, mode);
  return path;
}

/** A writer that, as each temporary file is written, notes where it is and its mode and group. */
function recordingWriter() {
  const seen: { path: string; mode: number; gid: number }[] = [];
  const writer = (async (path: string, content: string, options: object) => {
    writeFileSync(path, content, options);
    const info = statSync(path);
    seen.push({ path, mode: info.mode & 0o7777, gid: info.gid });
  }) as unknown as Writer;
  return { seen, writer };
}

let umask: number;
beforeEach(() => {
  umask = process.umask(0o077);
});
afterEach(() => {
  process.umask(umask);
  for (const key of Object.keys(faults)) delete faults[key as keyof typeof faults];
});

describe('a replaced file keeps who may read it', () => {
  test('a 0600 file replaced under umask 022 stays 0600, and its temporary file is never wider', async () => {
    const dir = tempDir();
    const path = oldFile(join(dir, 'contacts.ics'), 0o600);
    const { seen, writer } = recordingWriter();
    process.umask(0o022);
    await writeFilesAtomically([{ path, content: 'new' }], { writer });
    expect([readFileSync(path, 'utf8'), modeOf(path)]).toEqual(['new', 0o600]);
    expect(seen.map((s) => [dirname(s.path), s.mode])).toEqual([[dir, 0o600]]);
    expect(readdirSync(dir)).toEqual(['contacts.ics']);
  });

  test('a 0664 file replaced under umask 077 stays 0664; 0755 and 0640 are kept too', async () => {
    const dir = tempDir();
    for (const mode of [0o664, 0o755, 0o640]) {
      const path = oldFile(join(dir, `plan-${mode.toString(8)}.ics`), mode);
      await writeFilesAtomically([{ path, content: 'new' }]);
      expect([readFileSync(path, 'utf8'), modeOf(path)]).toEqual(['new', mode]);
    }
    expect(temporaries(dir)).toEqual([]);
  });

  test('a replaced file keeps its group, and its setgid bit', async () => {
    const dir = tempDir();
    const path = oldFile(join(dir, 'team.ics'), 0o664);
    chownSync(path, 0, OTHER_GID);
    chmodSync(path, 0o2664); // chown clears setgid, so it is set after
    await writeFilesAtomically([{ path, content: 'new' }]);
    expect([readFileSync(path, 'utf8'), modeOf(path), statSync(path).gid]).toEqual(['new', 0o2664, OTHER_GID]);
  });

  test('several files each keep their own mode and group', async () => {
    const dir = tempDir();
    const a = oldFile(join(dir, 'a.ics'), 0o600);
    const b = oldFile(join(dir, 'b.ics'), 0o664);
    chownSync(b, 0, OTHER_GID);
    const c = join(dir, 'c.ics');
    await writeFilesAtomically([a, b, c].map((path) => ({ path, content: 'new' })));
    expect([a, b, c].map((p) => [readFileSync(p, 'utf8'), modeOf(p), statSync(p).gid])).toEqual([
      ['new', 0o600, 0],
      ['new', 0o664, OTHER_GID],
      ['new', 0o600, 0], // a new file: the writer's umask (077)
    ]);
  });

  test("a new file in a setgid folder gets the folder's group: its temporary file is made in that folder", async () => {
    const team = join(tempDir(), 'team');
    mkdirSync(team);
    chownSync(team, 0, OTHER_GID);
    chmodSync(team, 0o2775);
    const path = join(team, 'plan.ics');
    const { seen, writer } = recordingWriter();
    await writeFilesAtomically([{ path, content: 'new' }], { writer });
    expect([readFileSync(path, 'utf8'), modeOf(path), statSync(path).gid]).toEqual(['new', 0o600, OTHER_GID]);
    expect(seen.map((s) => [dirname(s.path), s.gid])).toEqual([[team, OTHER_GID]]);
    expect(readdirSync(team)).toEqual(['plan.ics']);
  });

  test("a chown the writer may not make (EPERM, EINVAL) is skipped quietly; the mode is kept but for the old group's bits, which the new group does not get", async () => {
    for (const code of ['EPERM', 'EINVAL']) {
      const dir = tempDir();
      const path = oldFile(join(dir, 'team.ics'), 0o640);
      chownSync(path, 0, OTHER_GID);
      faults.chown = code;
      await writeFilesAtomically([{ path, content: 'new' }]);
      expect([readFileSync(path, 'utf8'), modeOf(path), statSync(path).gid]).toEqual(['new', 0o600, 0]);
      expect(temporaries(dir)).toEqual([]);
    }
  });

  test('a symlink is replaced by a new file with the umask mode, not the mode of what it points to', async () => {
    const dir = tempDir();
    const pointed = oldFile(join(dir, 'pointed.ics'), 0o644, 'pointed');
    const secret = oldFile(join(dir, 'secret.ics'), 0o444, 'secret');
    symlinkSync(pointed, join(dir, 'link.ics'));
    symlinkSync(secret, join(dir, 'readonly-link.ics'));
    await writeFilesAtomically([{ path: join(dir, 'link.ics'), content: 'new' }]);
    await writeFilesAtomically([{ path: join(dir, 'readonly-link.ics'), content: 'new' }]); // the link is not read-only: what it points to is
    for (const name of ['link.ics', 'readonly-link.ics']) {
      expect(lstatSync(join(dir, name)).isFile()).toBe(true);
      expect([readFileSync(join(dir, name), 'utf8'), modeOf(join(dir, name))]).toEqual(['new', 0o600]);
    }
    expect([readFileSync(pointed, 'utf8'), modeOf(pointed), readFileSync(secret, 'utf8'), modeOf(secret)]).toEqual([
      'pointed',
      0o644,
      'secret',
      0o444,
    ]);
  });

  test('a dangling symlink is replaced too', async () => {
    const dir = tempDir();
    symlinkSync(join(dir, 'nowhere.ics'), join(dir, 'link.ics'));
    await writeFilesAtomically([{ path: join(dir, 'link.ics'), content: 'new' }]);
    expect([lstatSync(join(dir, 'link.ics')).isFile(), readFileSync(join(dir, 'link.ics'), 'utf8')]).toEqual([
      true,
      'new',
    ]);
    expect(readdirSync(dir)).toEqual(['link.ics']);
  });
});

describe('a read-only file', () => {
  test('is refused with one clear sentence and left as it was; with force it is replaced and stays 0444', async () => {
    const dir = tempDir();
    const path = oldFile(join(dir, 'final.ics'), 0o444);
    const error = await writeFilesAtomically([{ path, content: 'new' }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      `cannot write ${path}: it is read-only (mode 0444); give --force to replace it, or choose another name.`,
    );
    expect([readFileSync(path, 'utf8'), modeOf(path), temporaries(dir)]).toEqual(['old', 0o444, []]);
    await writeFilesAtomically([{ path, content: 'new' }], { force: true });
    expect([readFileSync(path, 'utf8'), modeOf(path), temporaries(dir)]).toEqual(['new', 0o444, []]);
  });

  test('among several files, stops them all before anything is written', async () => {
    const dir = tempDir();
    const a = oldFile(join(dir, 'a.ics'), 0o644);
    const b = oldFile(join(dir, 'b.ics'), 0o400);
    await expect(writeFilesAtomically([a, b].map((path) => ({ path, content: 'new' })))).rejects.toThrow(
      `cannot write ${b}: it is read-only (mode 0400); give --force to replace it, or choose another name.`,
    );
    expect([a, b].map((p) => readFileSync(p, 'utf8'))).toEqual(['old', 'old']);
    expect(readdirSync(dir).sort()).toEqual(['a.ics', 'b.ics']);
  });

  test('a file with a write bit for anyone is not read-only', async () => {
    const dir = tempDir();
    const path = oldFile(join(dir, 'group.ics'), 0o464);
    await writeFilesAtomically([{ path, content: 'new' }]);
    expect([readFileSync(path, 'utf8'), modeOf(path)]).toEqual(['new', 0o464]);
  });
});

describe('long names', () => {
  test('a 250-character name is written, by both writers, with a temporary name that fits', async () => {
    const dir = tempDir();
    for (const name of ['x'.repeat(246) + '.ics', 'é'.repeat(125) + '.ics']) {
      // 250 characters; the second is 254 bytes in UTF-8
      const path = oldFile(join(dir, name), 0o600);
      const { seen, writer } = recordingWriter();
      await writeFilesAtomically([{ path, content: 'new' }], { writer });
      expect([readFileSync(path, 'utf8'), modeOf(path)]).toEqual(['new', 0o600]);
      const temp = seen[0]!.path.slice(dir.length + 1);
      expect(Buffer.byteLength(temp)).toBeLessThanOrEqual(255);
      expect(temp).toMatch(/^\.[xé]+\.\d+\.[0-9a-f]{8}\.tmp$/); // cut at a whole character
    }
    await writeNewFile(join(dir, 'n'.repeat(245) + '.yaml'), 'new');
    expect(readFileSync(join(dir, 'n'.repeat(245) + '.yaml'), 'utf8')).toBe('new');
    expect(temporaries(dir)).toEqual([]);
  });

  test('a 300-character name is refused: the name is too long, and nothing is left behind', async () => {
    const dir = tempDir();
    const path = join(dir, 'x'.repeat(296) + '.ics');
    const error = await writeFilesAtomically([{ path, content: 'new' }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`cannot write ${path}: the name is too long; no file was changed.`);
    const multibyte = join(dir, 'é'.repeat(128) + '.ics'); // 132 characters, 260 bytes
    await expect(writeFilesAtomically([{ path: multibyte, content: 'new' }])).rejects.toThrow(
      `cannot write ${multibyte}: the name is too long; no file was changed.`,
    );
    const fresh = await writeNewFile(path, 'new').catch((e: unknown) => e);
    expect([fresh instanceof InputError, (fresh as Error).message]).toEqual([
      true,
      `cannot write ${path}: the name is too long.`,
    ]);
    expect(readdirSync(dir)).toEqual([]);
  });

  test('a CLI --out name that is too long is an error of the user, not a bug', async () => {
    const dir = tempDir();
    const path = join(dir, 'x'.repeat(296) + '.ics');
    const { code, stderr } = await runCli(['plan', '--notified', '2019-03-19', '--out', path]);
    expect(code).toBe(1);
    expect(stderr).toContain(`cannot write ${path}: the name is too long; no file was changed.`);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('a failure at any point leaves no temporary file and the old file as it was', () => {
  const cases: { at: string; fault?: keyof typeof faults; code?: string; said: RegExp }[] = [
    { at: 'writing', said: /: the disk is full; no file was changed\.$/ },
    { at: 'chown', fault: 'chown', code: 'EIO', said: /: chown failed with EIO; no file was changed\.$/ },
    { at: 'chmod', fault: 'chmod', code: 'EROFS', said: /: the disk is read-only; no file was changed\.$/ },
    {
      at: 'rename',
      fault: 'rename',
      code: 'EXDEV',
      said: /: it is on another disk than its folder; no file was changed\.$/,
    },
  ];
  for (const c of cases) {
    test(`when ${c.at} fails`, async () => {
      const dir = tempDir();
      const path = oldFile(join(dir, 'team.ics'), 0o664);
      chownSync(path, 0, OTHER_GID); // so that chown and chmod are both needed
      const failingWrite = (async (temp: string, content: string, options: object) => {
        writeFileSync(temp, content.slice(0, 1), options); // half a file, then the disk fills up
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      }) as unknown as Writer;
      if (c.fault) faults[c.fault] = c.code;
      const error = await writeFilesAtomically(
        [{ path, content: 'new' }],
        c.fault ? {} : { writer: failingWrite },
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toMatch(c.said);
      expect([readFileSync(path, 'utf8'), modeOf(path), statSync(path).gid]).toEqual(['old', 0o664, OTHER_GID]);
      expect(readdirSync(dir)).toEqual(['team.ics']);
    });
  }

  test('when a clean-up fails too, the first failure is the one reported', async () => {
    const dir = tempDir();
    const path = oldFile(join(dir, 'plan.ics'), 0o600);
    const tooLong = (async () => {
      throw Object.assign(new Error('name too long'), { code: 'ENAMETOOLONG' });
    }) as unknown as Writer;
    faults.rm = 'ENAMETOOLONG';
    await expect(writeFilesAtomically([{ path, content: 'new' }], { writer: tooLong })).rejects.toThrow(
      new InputError(`cannot write ${path}: the name is too long; no file was changed.`),
    );
    await expect(writeNewFile(join(dir, 'new.yaml'), 'new')).resolves.toBeUndefined(); // its temporary file's removal fails quietly
    delete faults.rm;
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readFileSync(join(dir, 'new.yaml'), 'utf8')).toBe('new');
  });

  test('the writer may still be given alone, as the second argument', async () => {
    const dir = tempDir();
    const path = oldFile(join(dir, 'plan.ics'), 0o600);
    const { seen, writer } = recordingWriter();
    await writeFilesAtomically([{ path, content: 'new' }], writer);
    expect([seen.length, readFileSync(path, 'utf8'), modeOf(path)]).toEqual([1, 'new', 0o600]);
  });
});

describe('end to end', () => {
  test('jtai plan --out over a 0600 file keeps it 0600 under umask 022', async () => {
    const dir = tempDir();
    const path = oldFile(join(dir, 'plan.ics'), 0o600);
    process.umask(0o022);
    const { code, stderr } = await runCli(['plan', '--notified', '2019-03-19', '--out', path]);
    expect([code, stderr]).toEqual([0, expect.stringContaining(`wrote`)]);
    expect(readFileSync(path, 'utf8')).toMatch(/^BEGIN:VCALENDAR/);
    expect(modeOf(path)).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['plan.ics']);
  });

  test("jtai done under umask 077 makes records the team can read: the inspection file's mode and group", async () => {
    const dir = tempDir();
    const path = join(dir, 'jtai-inspection.yaml');
    expect((await runCli(['start', '--notified', '2019-03-19', '--out', path])).code).toBe(0);
    chmodSync(path, 0o664);
    chownSync(path, -1, 12345);
    process.umask(0o077);
    expect((await runCli(['done', 'children-list', '--inspection', path, '-q'])).code).toBe(0);
    const folder = join(dir, 'jtai-inspection.progress');
    const [event] = readdirSync(folder);
    expect([modeOf(folder), statSync(folder).gid]).toEqual([0o775, 12345]);
    expect([modeOf(join(folder, event!)), statSync(join(folder, event!)).gid]).toEqual([0o664, 12345]);
    expect([modeOf(path), readFileSync(path, 'utf8')]).toEqual([0o664, expect.not.stringContaining('children-list:')]); // the inspection file itself is not written
  });

  test('jtai plan --out over a read-only file is refused, and replaced with --force', async () => {
    const dir = tempDir();
    const path = oldFile(join(dir, 'plan.ics'), 0o444);
    const refused = await runCli(['plan', '--notified', '2019-03-19', '--out', path]);
    expect([refused.code, refused.stderr.split('\n')[0]]).toEqual([
      1,
      `jtai: cannot write ${path}: it is read-only (mode 0444); give --force to replace it, or choose another name.`,
    ]);
    expect((await runCli(['plan', '--notified', '2019-03-19', '--out', path, '--force'])).code).toBe(0);
    expect([readFileSync(path, 'utf8').slice(0, 15), modeOf(path)]).toEqual(['BEGIN:VCALENDAR', 0o444]);
  });
});
