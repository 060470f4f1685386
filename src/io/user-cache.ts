import { mkdirSync, readFileSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

// jtai's cache in the user's own cache folder ($XDG_CACHE_HOME/jtai, else ~/.cache/jtai), for
// what can be worked out again from the files themselves: an inspection file as parsed, the
// events of a progress folder as read. Never the truth, only quicker: a miss, an unreadable
// cache or a read-only home just means the work is done again. JTAI_CACHE=0 turns it off.

const CACHE_VERSION = 1;

/** The cache file of one kind for a file or folder, by its real path; undefined when there is no cache. */
export function cacheFileFor(kind: string, path: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.JTAI_CACHE === '0') return undefined;
  // The XDG spec: a relative XDG_CACHE_HOME is ignored, as is a relative HOME.
  const xdg = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : undefined;
  const base = xdg ?? (env.HOME && isAbsolute(env.HOME) ? join(env.HOME, '.cache') : undefined);
  if (!base) return undefined;
  try {
    return join(base, 'jtai', kind, `${encodeURIComponent(realpathSync.native(path))}.json`);
  } catch {
    return undefined;
  }
}

/** What the cache holds, if it is of this version. */
export function readCache<T>(file: string | undefined): T | undefined {
  if (!file) return undefined;
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as { version: number; data: T };
    return entry.version === CACHE_VERSION ? entry.data : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps data in the cache, atomically and for the user alone; a failure is ignored. */
export function writeCache(file: string | undefined, data: unknown): void {
  if (!file) return;
  try {
    mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ version: CACHE_VERSION, data }), { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    // a read-only home, a full disk: the work is done again next time
  }
}
