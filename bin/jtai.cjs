#!/usr/bin/env node
// The jtai command: runs the bundled CLI. CommonJS, because Node starts a CommonJS program
// several milliseconds sooner than an ES module one (docs/performance.md). All of it is in this
// one file, and it loads no more of Node than node:vm (node:module would load Node's ES module
// loader): each file and module loaded costs start-up time.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { Buffer } = require('node:buffer');

const BUNDLE = path.join(__dirname, '..', 'dist', 'bundle');
let realBundle; // the folder as require() would name its files: made real, in one system call
const bundleFolder = () => (realBundle ??= fs.realpathSync.native(BUNDLE));

// The V8 code cache for the bundle's chunks: compiling them is most of jtai's own start-up, and
// V8 can keep what it compiled. It sits in the user's cache folder (as src/io/user-cache.ts finds
// it: $XDG_CACHE_HOME or ~/.cache, absolute paths only), and is keyed by content: each file holds
// the chunk's whole text beside V8's data, and is used only while that text is the chunk's, so a
// rebuilt or edited chunk is never given an old cache (V8 itself checks its version, its flags
// and only the text's length). Written when none fits, as a run that succeeded ends, with every
// function compiled by then; where it cannot be written, or JTAI_CACHE=0 (or JTAI_CODE_CACHE=0) is set,
// jtai runs without it, as it would anyway.
function cacheFolder(env) {
  if (env.JTAI_CACHE === '0' || env.JTAI_CODE_CACHE === '0') return undefined;
  const xdg = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : undefined;
  const base = xdg ?? (env.HOME && path.isAbsolute(env.HOME) ? path.join(env.HOME, '.cache') : undefined);
  return base && path.join(base, 'jtai', 'code', `${process.version}-${process.arch}`);
}

// One cache file for each chunk of each install and each way of running a command: its path,
// without the hash of its name, so that a rebuild replaces the file rather than adding one; the
// command (its help apart); and whether it runs with an inspection file (named, or
// jtai-inspection.yaml here), so that each holds what that command runs. V8 keeps the functions
// compiled by the end of the run that wrote it: "jtai --version", a plan that stops at a
// mistyped date, or a plan with no inspection, would otherwise leave every later plan in an
// inspection's folder to compile much of its own (1 ms). So only a run that succeeds writes one.
function cacheKeyOf(args) {
  const command = /^[a-z]{1,20}$/.test(args[0] ?? '') ? args[0] : '-';
  const help = args.includes('--help') || args.includes('-h') ? '.help' : '';
  const named = args.some((a) => a === '-i' || a === '--inspection' || a.startsWith('--inspection='));
  const inspection = named || fs.existsSync('jtai-inspection.yaml') ? '.inspection' : '';
  return `${command}${help}${inspection}`;
}

function cacheFileOf(folder, filename, key) {
  return path.join(folder, `${encodeURIComponent(filename.replace(/-[\w-]{8}\.cjs$/, '.cjs'))}.${key}.v8`);
}

// A cache file: the lengths of the chunk's text and of V8's data (4 bytes each), the text, then
// V8's data twice. V8 refuses data of another version, other flags or another length, but runs
// data damaged inside (a flipped bit) and crashes; a damaged file has two copies that differ,
// found by a comparison as quick as reading it, and is not used.
function cachedDataFor(file, text) {
  try {
    const bytes = readRegularFile(file);
    const textLength = bytes.readUInt32LE(0);
    const dataLength = bytes.readUInt32LE(4);
    const data = 8 + textLength;
    const usable =
      textLength === text.length &&
      bytes.length === data + 2 * dataLength &&
      bytes.subarray(8, data).equals(text) &&
      bytes.subarray(data, data + dataLength).equals(bytes.subarray(data + dataLength));
    return usable ? bytes.subarray(data, data + dataLength) : undefined;
  } catch {
    return undefined; // none yet, unreadable, or too short
  }
}

// Only a regular file, opened without waiting: a FIFO put in the cache folder must not hang jtai.
function readRegularFile(file) {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    if (!fs.fstatSync(fd).isFile()) throw new Error('not a regular file');
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function writeCaches(folder, compiled) {
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    for (const { file, text, script } of compiled) {
      const data = script.createCachedData();
      const lengths = Buffer.alloc(8);
      lengths.writeUInt32LE(text.length, 0);
      lengths.writeUInt32LE(data.length, 4);
      const temp = `${file}.${process.pid}.tmp`;
      try {
        fs.writeFileSync(temp, Buffer.concat([lengths, text, data, data]), { mode: 0o600 });
        fs.renameSync(temp, file);
      } catch (e) {
        fs.rmSync(temp, { force: true }); // a part written to a full disk is not left to fill it
        throw e;
      }
    }
  } catch {
    // a read-only home, a full disk, a name too long: the next run compiles again
  }
  forgetGoneInstalls(folder);
}

// The cache files of installs that are gone (a temporary copy, an old npx folder), whose
// bundle folder is no longer there, are removed when a cache is written: the folder does not
// grow with every copy of jtai ever run.
function forgetGoneInstalls(folder) {
  try {
    const gone = new Map();
    for (const name of fs.readdirSync(folder)) {
      if (!name.endsWith('.v8')) continue;
      const bundle = path.dirname(decodeURIComponent(name));
      if (!gone.has(bundle)) gone.set(bundle, path.isAbsolute(bundle) && !fs.existsSync(bundle));
      if (gone.get(bundle)) fs.rmSync(path.join(folder, name), { force: true });
    }
  } catch {
    // another run removing them too, or a folder that cannot be read: they wait for the next
  }
}

// Node's loader for .js and .cjs files, taken over for the bundle's chunks: each is read as bytes,
// compared byte for byte with the text its cache was made from, and compiled with that cache.
function useCodeCache(folder) {
  const Module = module.constructor;
  const vm = require('node:vm');
  const { isAscii } = require('node:buffer');
  const compiled = [];
  const key = cacheKeyOf(process.argv.slice(2));
  const load = Module._extensions['.js'];
  Module._extensions['.js'] = function loadWithCache(chunk, filename) {
    if (path.dirname(filename) !== bundleFolder()) return load(chunk, filename);
    const text = fs.readFileSync(filename);
    const file = cacheFileOf(folder, filename, key);
    const cachedData = cachedDataFor(file, text);
    // The chunks are all ASCII (rolldown.config.mjs), read as Latin-1: a plain copy, where UTF-8 is decoded.
    const source = text.toString(isAscii(text) ? 'latin1' : 'utf8');
    const script = new vm.Script(Module.wrap(source), { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected) compiled.push({ file, text, script });
    script
      .runInThisContext({ displayErrors: true })
      .call(chunk.exports, chunk.exports, bundleRequire, chunk, filename, path.dirname(filename));
  };
  process.once('exit', (code) => {
    if (code === 0 && compiled.length > 0) writeCaches(folder, compiled);
  });
}

// The bundle's chunks, loaded as require() loads them but without looking for them: require()
// finds a file (a stat, each folder of its path made real) and reads package.json, to see
// whether the package names itself in its "exports" (0.5 ms for the first). Each is kept in
// require's cache under its real path, as require() keeps it.
function loadChunk(name) {
  const Module = module.constructor;
  const filename = path.join(bundleFolder(), name);
  const cached = Module._cache[filename];
  if (cached) return cached.exports;
  const chunk = new Module(filename, module);
  Module._cache[filename] = chunk;
  try {
    chunk.load(filename);
  } catch (e) {
    delete Module._cache[filename];
    throw e;
  }
  return chunk.exports;
}

// What a chunk's require() is given: a sibling ("./calendar-….cjs", "./jtai.cjs") by loadChunk,
// and Node's own modules (all else a chunk asks for) by require().
function bundleRequire(request) {
  return request.startsWith('./') ? loadChunk(request.slice(2)) : require(request);
}

const folder = cacheFolder(process.env);
if (folder) useCodeCache(folder);
loadChunk('jtai.cjs').run();
