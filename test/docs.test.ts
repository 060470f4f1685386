import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

// Every jtai command that the README and docs/*.md show runs as written, and every sample of
// what a command prints is what it prints. Commands run through bash in a fresh folder, with
// jtai defined as the built bin, so quoting, pipes and redirections are read as a shell reads
// them (jq and watch are stood in for: not installed). Links between the pages lead somewhere,
// and ARCHITECTURE.md names every module of src/ and nothing that is not there.
// Run: npm run build >/dev/null 2>&1; npx vitest run test/readme.test.ts test/docs.test.ts --project TZ=UTC

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin/jtai.cjs');
const once = process.env.TZ === 'UTC';
const read = (page: string) => readFileSync(join(ROOT, page), 'utf8');

const DOCS = readdirSync(join(ROOT, 'docs'))
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => `docs/${f}`);
const PAGES = ['README.md', ...DOCS];

interface Block {
  page: string;
  lang: string;
  lines: string[];
}

/** The fenced code blocks of a page, each block's own indentation taken off its lines. */
function blocksOf(page: string): Block[] {
  return [...read(page).matchAll(/^( *)```([a-z]*)\n([\s\S]*?)\n\1```$/gm)].map((m) => ({
    page,
    lang: m[2]!,
    lines: m[3]!.split('\n').map((l) => (l.startsWith(m[1]!) ? l.slice(m[1]!.length) : l)),
  }));
}

const blocks = PAGES.flatMap(blocksOf);

// A command: jtai (or watch ... jtai), after any VAR=value, with "$ " and a trailing comment taken off.
const clean = (line: string) =>
  line
    .trim()
    .replace(/^\$ /, '')
    .replace(/\s+#.*$/, '');
const isCommand = (line: string) => /^(?:[A-Z_]+=\S* )*(?:jtai|watch) /.test(line);
// Placeholders are not commands to run: a word in capitals (FILE, DATE, ID), "[--now TIME]" or "[file]", "...".
const isPlaceholder = (c: string) => {
  const bare = c.replace(/^(?:[A-Z_]+=\S* )*/, '');
  return /\b[A-Z]{2,}\b/.test(bare) || bare.includes('...') || /\[(?:-|[a-z]+\])/.test(bare);
};

interface Sample {
  page: string;
  command: string;
  output: string[];
}

/** "$ command" lines followed by what they print; a "$ command" with nothing under it is just a command. */
function samplesOf(block: Block): Sample[] {
  const samples: Sample[] = [];
  for (const line of block.lines) {
    if (line.startsWith('$ ')) samples.push({ page: block.page, command: clean(line), output: [] });
    else if (samples.length > 0) samples.at(-1)!.output.push(line);
  }
  return samples.filter((s) => s.output.some((l) => l.trim() !== '') && isCommand(s.command));
}

const samples = blocks.flatMap(samplesOf);
const sampled = new Set(samples.map((s) => s.command));
const commandsOf = (block: Block) =>
  block.lines
    .map(clean)
    .filter(isCommand)
    .filter((c) => !sampled.has(c));
// A block that starts an inspection is a sequence: its commands run in order, in one folder.
const startsInspection = (commands: string[]) => commands.some((c) => c.startsWith('jtai start'));
const sequences = blocks.map(commandsOf).filter(startsInspection);
const fromBlocks = blocks
  .map(commandsOf)
  .filter((c) => !startsInspection(c))
  .flat();
// Inline code also names commands in passing (`jtai plan`, a table's `jtai plan --format json`);
// those that are whole commands to copy have a date, or need none.
const inline = PAGES.flatMap((page) =>
  [
    ...read(page)
      .replace(/```[\s\S]*?```/g, '')
      .matchAll(/`((?:jtai|watch) [^`]+)`/g),
  ]
    .map((m) => m[1]!)
    .filter((c) => /--notified \S/.test(c) || /^jtai (list|schema|help|--help|--version|(check|init) \S+)/.test(c)),
);
const commands = [...new Set([...fromBlocks, ...inline].map(clean))].filter(
  (c) => !isPlaceholder(c) && !sampled.has(c),
);

// What each fresh folder holds: the README's my-area.yaml (as test/core/rule-set/layers.test.ts
// reads it), and every YAML block whose first line is "# file: NAME".
const OVERLAY = /```yaml\n((?: {3})?# yaml-language-server[^\n]*\n(?: {3})?extends: jtai-2018[\s\S]*?) *```/
  .exec(read('README.md'))![1]!
  .replace(/^ {3}/gm, '');
const FILES = blocks
  .filter((b) => b.lang === 'yaml' && /^# file: \S+$/.test(b.lines[0]!))
  .map((b) => [b.lines[0]!.slice('# file: '.length), `${b.lines.join('\n')}\n`] as const);

function freshFolder(command: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'jtai-docs-'));
  if (!/\binit\b/.test(command)) writeFileSync(join(dir, 'my-area.yaml'), OVERLAY);
  for (const [name, text] of FILES) writeFileSync(join(dir, name), text);
  return dir;
}

function run(
  lines: readonly string[],
  dir: string,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const script = `set -eo pipefail\njtai() { node ${JSON.stringify(BIN)} "$@"; }\njq() { cat > /dev/null; }\nwatch() { shift 2; "$@"; }\n${lines.join('\n')}\n`;
  return new Promise((done) => {
    const child = spawn('bash', ['-c', script], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => void (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => void (stderr += d.toString('utf8')));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

const isElision = (line: string) => line.trim() === '...';

/**
 * The real output laid out as the sample is: the sample's own "..." lines kept, each standing
 * for any lines (none too), and the lines between them taken from the real output where they
 * match, in order. Equal to the sample exactly when the sample is true.
 */
function alongside(sample: readonly string[], real: readonly string[]): string[] {
  const segments: Array<{ elision?: string; lines: string[] }> = [{ lines: [] }];
  for (const line of sample) {
    if (isElision(line)) segments.push({ elision: line, lines: [] });
    else segments.at(-1)!.lines.push(line);
  }
  const out: string[] = [];
  let at = 0;
  const same = (from: number, lines: string[]) => lines.every((l, k) => real[from + k] === l);
  for (const { elision, lines } of segments) {
    if (elision === undefined) {
      out.push(...real.slice(0, lines.length));
      at = lines.length;
      continue;
    }
    out.push(elision);
    let found = -1;
    for (let j = at; j + lines.length <= real.length && found === -1; j++) if (same(j, lines)) found = j;
    // Not found: line it up where its first line is, so that the difference shows what changed.
    const first = real.indexOf(lines[0]!, at);
    const from = found !== -1 ? found : first !== -1 ? first : at;
    out.push(...real.slice(from, from + lines.length));
    at = from + lines.length;
  }
  if (!isElision(sample.at(-1) ?? '')) out.push(...real.slice(at));
  return out;
}

const linesOf = (text: string) => {
  const lines = text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd());
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return lines;
};

describe.skipIf(!once)('every command the README and docs/ show runs as written', () => {
  test('there are enough to be worth checking, from every page that shows any', () => {
    expect(commands.length).toBeGreaterThan(30);
    expect(samples.length).toBeGreaterThan(10);
    expect(commands).toContain('jtai plan --notified 2019-03-19 --rules ./my-area.yaml');
    expect(samples.map((s) => s.command)).toContain('jtai plan --notified 2019-03-19');
    expect(FILES.map(([name]) => name)).toEqual(expect.arrayContaining(['area.yaml', 'our-inspection.yaml']));
  });

  test.concurrent.each(commands)('$ %s', async (command) => {
    const result = await run([command], freshFolder(command));
    expect(result.status, `${command}\n${result.stderr}`).toBe(0);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  test.concurrent.each(sequences.map((lines) => [lines.join(' && '), lines] as const))('$ %s', async (_name, lines) => {
    const result = await run(lines, freshFolder(''));
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  });
});

describe.skipIf(!once)('every sample of what a command prints is what it prints', () => {
  test.concurrent.each(samples.map((s) => [`${s.page}: $ ${s.command}`, s] as const))('%s', async (_name, sample) => {
    const result = await run([sample.command], freshFolder(sample.command));
    // Paths into this clone are shown as the clone's own: schedules/jtai-2018.yaml.
    const real = linesOf(`${result.stdout}${result.stderr}`.replaceAll(ROOT, ''));
    const shown = sample.output.map((l) => l.trimEnd());
    while (shown.length > 0 && shown.at(-1) === '') shown.pop();
    expect(alongside(shown, real).join('\n')).toBe(shown.join('\n'));
    // An error shown (a "jtai:" message, or check's "error:" findings) must exit non-zero; anything else 0.
    const failure = shown[0]!.startsWith('jtai: ') || shown.some((l) => /^\S+:\d+:\d+: error: /.test(l));
    expect(result.status === 0, result.stderr).toBe(!failure);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  test('the JSON sample in docs/json.md is the real output, field by field ("..." for text left out)', async () => {
    const block = blocksOf('docs/json.md').find((b) => b.lang === 'json')!;
    const sample = JSON.parse(block.lines.join('\n')) as { notified: string };
    const result = await run([`jtai plan --notified ${sample.notified} --format json`], freshFolder(''));
    expect(differences(sample, JSON.parse(result.stdout), '')).toEqual([]);
  });

  test('the chained items of docs/rule-sets.md, as the items of the README overlay, pass jtai check', async () => {
    const fragment = blocksOf('docs/rule-sets.md').find((b) => b.lang === 'yaml' && b.lines[0] === 'items:')!;
    const dir = freshFolder('');
    writeFileSync(
      join(dir, 'chained.yaml'),
      `${OVERLAY.slice(0, OVERLAY.indexOf('\nitems:\n') + 1)}${fragment.lines.join('\n')}\n`,
    );
    const result = await run(
      ['jtai check chained.yaml', 'jtai explain police-cases-to-la --notified 2019-03-19 --rules chained.yaml'],
      dir,
    );
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('Due: Tuesday 19 March 2019 at 12:00');
  });
});

/** Where a sample differs from the real value: every object's keys, in order; "..." in text for any text. */
function differences(sample: unknown, real: unknown, path: string): string[] {
  if (typeof sample === 'string' && sample.includes('...')) {
    if (typeof real !== 'string') return [`${path}: expected text, found ${JSON.stringify(real)}`];
    const parts = sample.split('...');
    let at = 0;
    const fits = parts.every((part, i) => {
      const found = i === 0 ? (real.startsWith(part) ? 0 : -1) : real.indexOf(part, at);
      at = found + part.length;
      return found !== -1 && (i < parts.length - 1 || part === '' || real.endsWith(part));
    });
    return fits ? [] : [`${path}: ${JSON.stringify(sample)} does not fit ${JSON.stringify(real)}`];
  }
  if (Array.isArray(sample)) {
    if (!Array.isArray(real) || real.length < sample.length)
      return [`${path}: expected a list of at least ${sample.length}, found ${JSON.stringify(real)}`];
    return sample.flatMap((s, i) => differences(s, real[i], `${path}[${i}]`));
  }
  if (sample !== null && typeof sample === 'object') {
    if (real === null || typeof real !== 'object' || Array.isArray(real))
      return [`${path}: expected an object, found ${JSON.stringify(real)}`];
    const keys = Object.keys(sample);
    if (keys.join() !== Object.keys(real).join())
      return [`${path}: fields ${keys.join(', ')}; the real ones are ${Object.keys(real).join(', ')}`];
    return keys.flatMap((k) =>
      differences((sample as Record<string, unknown>)[k], (real as Record<string, unknown>)[k], `${path}.${k}`),
    );
  }
  return sample === real ? [] : [`${path}: ${JSON.stringify(sample)}, but the real value is ${JSON.stringify(real)}`];
}

// Links and names: every page of the README, docs/ and ARCHITECTURE.md.
const ALL = [...PAGES, 'ARCHITECTURE.md'];
// The text of a page outside its code: fenced blocks, then inline code, taken out.
const prose = (page: string) => read(page).replace(/^( *)```[\s\S]*?^\1```$/gm, '');
const outsideCode = (page: string) => prose(page).replace(/`[^`\n]*`/g, '');

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces as hyphens. */
function anchorsOf(page: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, heading] of prose(page).matchAll(/^#{1,6} (.+)$/gm)) {
    const base = heading!
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .trim()
      .replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

describe('the pages hold together', () => {
  test.each(ALL)('every link in %s leads to a file, and a heading, that exist', (page) => {
    const broken = [...outsideCode(page).matchAll(/\]\(([^)\s]+)\)/g)]
      .map((m) => m[1]!)
      .filter((target) => !/^[a-z]+:/.test(target))
      .filter((target) => {
        const [file, anchor] = target.split('#') as [string, string | undefined];
        const path = file === '' ? join(ROOT, page) : resolve(dirname(join(ROOT, page)), file);
        if (!existsSync(path)) return true;
        return anchor !== undefined && !(statSync(path).isFile() && anchorsOf(relative(ROOT, path)).has(anchor));
      });
    expect(broken).toEqual([]);
  });

  // Paths and file names the pages give in code: `src/cli/main.ts`, `test/golden/results/`, `page.html`.
  const known = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === '.git' || entry.name === 'dist') continue;
      known.add(entry.name);
      if (entry.isDirectory()) walk(join(dir, entry.name));
    }
  };
  walk('.');

  test.each(ALL)('every path and file name %s gives in code exists', (page) => {
    const named = [...prose(page).matchAll(/`([^`\s]+)`/g)].map((m) => m[1]!.replace(/[.,:;]$/, ''));
    const expand = (p: string): string[] => {
      const m = /^(.*)\{([^}]+)\}(.*)$/.exec(p);
      return m ? m[2]!.split(',').flatMap((part) => expand(`${m[1]}${part}${m[3]}`)) : [p];
    };
    const paths = named
      .filter((n) => /^(src|test|scripts|schedules|bin|docs|\.ci)\//.test(n) && !/[<*]/.test(n))
      .flatMap(expand);
    const files = named.filter(
      (n) =>
        /^[\w.-]+\.(ts|mjs|cjs|js|css|html|yaml|json|sh|py)$/.test(n) &&
        !/^(jtai|my-area|area|our-inspection|timetable|daily-update|plan|cancel|rule-set|chained)[\w.-]*\.(yaml|ics|html|json|md|csv)$/.test(
          n,
        ),
    );
    expect(paths.filter((p) => !existsSync(join(ROOT, p)))).toEqual([]);
    expect(files.filter((f) => !known.has(f) && !existsSync(join(ROOT, f)))).toEqual([]);
  });

  test('ARCHITECTURE.md names every module of src/', () => {
    const text = read('ARCHITECTURE.md');
    const modules: string[] = [];
    const walkSrc = (dir: string) => {
      for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
        if (entry.isDirectory()) walkSrc(join(dir, entry.name));
        else modules.push(join(dir, entry.name));
      }
    };
    walkSrc('src');
    expect(modules.filter((m) => !text.includes(`\`${m.split('/').pop()}\``) && !text.includes(`\`${m}\``))).toEqual(
      [],
    );
  });

  test('the size the docs give the web page is its size, within a tenth', () => {
    const page = join(ROOT, 'dist/web/jtai.html');
    if (!existsSync(page)) return; // not built
    const said = Number(/weighs about (\d+) KiB/.exec(read('docs/web.md'))![1]);
    expect(Math.abs(statSync(page).size / 1024 - said) / said).toBeLessThan(0.1);
  });
});
