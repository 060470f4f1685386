'use strict';
// A V8 code cache for the bundle's chunks: compiling them is most of jtai's own start-up, and
// V8 can keep what it compiled. Each chunk's cache is kept in the user's cache folder, named by
// the chunk, its size and its time, so a rebuilt chunk is never given an old cache (and V8
// checks the source too, refusing a cache that does not fit). Written once, when the process
// ends, with every function compiled by then. Where the cache folder cannot be written the
// cache is silently not used: jtai runs as it would without it. JTAI_CODE_CACHE=0 turns it off.

const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');

function cacheFolder() {
  const env = process.env;
  if (env.JTAI_CODE_CACHE === '0') return undefined;
  const base = env.XDG_CACHE_HOME || (env.HOME ? path.join(env.HOME, '.cache') : undefined);
  return base ? path.join(base, 'jtai', `v8-${process.version}-${process.arch}`) : undefined;
}

function useCodeCache(bundleDir) {
  const folder = cacheFolder();
  if (!folder) return;
  const compiled = [];
  const compile = Module.prototype._compile;
  Module.prototype._compile = function compileWithCache(content, filename) {
    if (path.dirname(filename) !== bundleDir) return compile.call(this, content, filename);
    let info;
    let cached;
    try {
      info = fs.statSync(filename);
      cached = fs.readFileSync(
        path.join(folder, `${path.basename(filename)}-${info.size}-${Math.floor(info.mtimeMs)}.v8`),
      );
    } catch {
      cached = undefined;
    }
    const script = new vm.Script(Module.wrap(content), { filename, cachedData: cached });
    if (info && (cached === undefined || script.cachedDataRejected))
      compiled.push({ script, name: `${path.basename(filename)}-${info.size}-${Math.floor(info.mtimeMs)}.v8` });
    const require = Module.createRequire(filename);
    return script
      .runInThisContext({ displayErrors: true })
      .call(this.exports, this.exports, require, this, filename, path.dirname(filename));
  };
  process.once('exit', () => {
    if (compiled.length === 0) return;
    try {
      fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
      for (const { script, name } of compiled) {
        const temp = path.join(folder, `.${name}.${process.pid}.tmp`);
        fs.writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(temp, path.join(folder, name));
      }
    } catch {
      // a read-only home, a full disk: the next run compiles again
    }
  });
}

module.exports = { useCodeCache };
