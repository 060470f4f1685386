import { readFileSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import { isBuiltin } from 'node:module';
import { defineConfig } from 'rolldown';

const PREFIX = '\0builtin:';

/**
 * A dependency's require() of a Node built-in (commander's, yaml's) becomes a tiny module that
 * reads process.getBuiltinModule (Node 20.16 and later): otherwise the bundle imports
 * node:module for createRequire at every start. commander's node:child_process, only for
 * executable subcommands that jtai does not have, is not loaded at all (about 5 ms a start).
 */
const builtinRequires = {
  name: 'builtin-requires',
  resolveId(source, importer, extra) {
    if (extra?.kind !== 'require-call' || !isBuiltin(source)) return null;
    return `${PREFIX}${source.replace(/^node:/, '')}`;
  },
  load(id) {
    if (!id.startsWith(PREFIX)) return null;
    const name = id.slice(PREFIX.length);
    if (name === 'process') return 'module.exports = process;'; // the global: no module to load
    if (name === 'child_process')
      return "module.exports = { spawn() { throw new Error('jtai has no executable subcommands'); } };";
    return `module.exports = process.getBuiltinModule(${JSON.stringify(`node:${name}`)});`;
  },
};

/**
 * A path beside a module, fileURLToPath(new URL("../schedules/", import.meta.url)) in the
 * sources (ES modules, run as they are by the tests), becomes path.join(__dirname, ...) in the
 * bundle: the same path, without making a file: URL of the chunk's name and parsing it back at
 * every start (about 0.3 ms). The bundle sits at the depth of dist/cli/, so the relative part
 * holds for both.
 */
const MODULE_PATH = /fileURLToPath\(new URL\(('[^'\\]+'), import\.meta\.url\)\)/g;
const modulePaths = {
  name: 'module-paths',
  transform(code, id) {
    if (!/[\\/]src[\\/].*\.ts$/.test(id) || !code.includes('import.meta.url')) return null;
    return code.replace(MODULE_PATH, (_, relative) => `require('node:path').join(__dirname, ${relative})`);
  },
};

// What every "jtai plan" needs, text or JSON: main, the plan command and those two renderers;
// what a plan in an inspection's folder needs besides (reading the inspection file from the
// user's cache, and its progress folder); and "jtai next". With every module they import
// statically (not "import type", not a lazy import()), derived here from the sources so that a
// new core module lands in the start chunk by itself.
const START_ENTRIES = [
  'src/cli/main.ts',
  'src/cli/commands/plan.ts',
  'src/render/text.ts',
  'src/render/json.ts',
  'src/io/inspection.ts',
  'src/cli/commands/next.ts',
  'src/render/markdown-text.ts', // a few lines, shared by Markdown and the status: a chunk of its own cost a load
  // The page of plan --format html, once in the status's chunk: 0.7 ms sooner, and no other
  // command slower for it (npm run bench, and scripts/bench-pair.mjs of the two builds).
  'src/render/html.ts',
];
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;

/** The project's modules a set of entries imports statically, as absolute paths. */
export function staticClosure(entries) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT))
      visit(resolvePath(dirname(file), spec.replace(/\.js$/, '.ts')));
  };
  entries.forEach((e) => visit(resolvePath(e)));
  return seen;
}

const START_MODULES = staticClosure(START_ENTRIES);

/**
 * Rolldown keeps its runtime helpers (the CommonJS wrapper commander and yaml are bundled in,
 * the namespace objects of lazy imports) in a chunk of their own that every chunk requires, so
 * that every start found, read and compiled a second file (about 0.5 ms), and a command with a
 * chunk of its own a third. The entry holds them instead, inside a function, and the other
 * chunks take them from the entry (always loaded first, and holding them from its first
 * statement); the runtime's chunk is not written.
 */
const runtimeInEntry = {
  name: 'runtime-in-entry',
  generateBundle(_options, bundle) {
    const runtime = Object.values(bundle).find((c) => c.type === 'chunk' && /^rolldown-runtime-/.test(c.fileName));
    const entry = bundle['jtai.cjs'];
    if (!runtime || !entry) return;
    const required = `require("./${runtime.fileName}")`;
    if (entry.code.split(required).length !== 2)
      throw new Error(`runtime-in-entry: ${required} is not in jtai.cjs once`);
    const helpers = `(()=>{const exports={};${runtime.code.trim()}\nreturn exports})()`;
    entry.code = entry.code.replace(
      required,
      () => `Object.defineProperty(exports,"__rolldownRuntime",{value:${helpers}}).__rolldownRuntime`,
    );
    for (const chunk of Object.values(bundle))
      if (chunk.type === 'chunk' && chunk !== entry)
        chunk.code = chunk.code.split(required).join('require("./jtai.cjs").__rolldownRuntime');
    delete bundle[runtime.fileName];
  },
};
const START = (id) => START_MODULES.has(id) || /^\0rolldown[\\/]runtime|node_modules[\\/]commander[\\/]/.test(id);

// A command or format that needs more than the start chunk has what it needs in one chunk, not
// three or four (each a file found, read and compiled): the status in every format, a calendar
// with what issuing one to an inspection's folder needs, and recording in the progress folder
// (done, undo, move, and writing files, which plan --out and status --out load with it).
const chunkOf = (entries, taken) => {
  const modules = staticClosure(entries);
  return (id) => modules.has(id) && !START(id) && !taken.some((t) => t(id));
};
const STATUS = chunkOf(['src/cli/commands/status.ts'], []);
const CALENDAR = chunkOf(
  ['src/render/ics.ts', 'src/core/progress/issues.ts', 'src/render/changes.ts', 'src/render/calendar-issue.ts'],
  [STATUS],
);
const RECORD = chunkOf(
  ['src/cli/commands/progress.ts', 'src/cli/commands/move.ts', 'src/io/progress-record.ts', 'src/io/write-files.ts'],
  [STATUS, CALENDAR],
);

// One file for start-up, with each lazily imported command and renderer in a chunk of its
// own, so that a run loads only what it uses. Output sits at the same depth as dist/cli/, so
// the paths main.ts and load-rule-set.ts work out from import.meta.url hold for both.
export default defineConfig({
  input: { jtai: 'src/cli/main.ts' },
  // The start chunk is the entry itself (jtai.cjs, exporting main and run besides what the other
  // chunks import from it): one file fewer to find, read and compile at every start.
  preserveEntrySignatures: 'allow-extension',
  platform: 'node',
  plugins: [modulePaths, builtinRequires, runtimeInEntry],
  // The version is written into the bundle, sparing start-up a read of package.json.
  transform: { define: { __JTAI_VERSION__: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) } },
  output: {
    // What every "jtai plan" needs, text or JSON, is one chunk: a module load costs more than
    // the few kilobytes it would save to split them. Parsing rule-set files (yaml, zod, luxon),
    // the other formats, colour and the other commands stay in chunks loaded when needed.
    codeSplitting: {
      groups: [
        { name: 'jtai', test: START },
        { name: 'status', test: STATUS },
        { name: 'calendar', test: CALENDAR },
        { name: 'record', test: RECORD },
      ],
    },
    dir: 'dist/bundle',
    // CommonJS: Node starts a CommonJS program about 9 ms sooner than an ES module one (no
    // asynchronous module loader), and the lazy import()s become plain require()s.
    format: 'cjs',
    dynamicImportInCjs: false,
    entryFileNames: '[name].cjs',
    chunkFileNames: '[name]-[hash].cjs',
    minify: true,
    // Non-ASCII characters written as escapes: a chunk that is all ASCII is read into a one-byte
    // string, decoded and compiled faster than one with a "·" in it.
    charset: 'ascii',
  },
});
