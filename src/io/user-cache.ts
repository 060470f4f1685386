import { mkdirSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { isAscii } from 'node:buffer';
import { readRegularBytes } from './regular-file.js';

// jtai's cache in the user's own cache folder ($XDG_CACHE_HOME/jtai, else ~/.cache/jtai), for
// what can be worked out again from the files themselves: an inspection file as parsed, the
// events of a progress folder as read. Never the truth, only quicker: a miss, an unreadable
// cache or a read-only home just means the work is done again. JTAI_CACHE=0 turns it off.

const CACHE_VERSION = 1;

/**
 * The cache file of one kind for a file or folder: by its real path, or (byPath) by the path as
 * given, for what depends on the folder it was reached through (an inspection file's rule set,
 * named relative to it, is looked for beside a link to it); undefined when there is no cache.
 */
export function cacheFileFor(
  kind: string,
  path: string,
  env: NodeJS.ProcessEnv = process.env,
  byPath = false,
): string | undefined {
  if (env.JTAI_CACHE === '0') return undefined;
  // The XDG spec: a relative XDG_CACHE_HOME is ignored, as is a relative HOME.
  const xdg = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : undefined;
  const base = xdg ?? (env.HOME && isAbsolute(env.HOME) ? join(env.HOME, '.cache') : undefined);
  if (!base) return undefined;
  try {
    return join(base, 'jtai', kind, `${encodeURIComponent(byPath ? resolve(path) : realpathSync.native(path))}.json`);
  } catch {
    return undefined;
  }
}

/** What the cache holds, if it is of this version. */
export function readCache<T>(file: string | undefined): T | undefined {
  return readCacheWithTail<T>(file)?.data;
}

/** What the cache holds, if it is of this version, and the text kept after it (writeCache's tail), decoded when asked for. */
export function readCacheWithTail<T>(file: string | undefined): { data: T; tail(): string } | undefined {
  if (!file) return undefined;
  try {
    return readCacheFile<T>(file);
  } catch {
    return undefined;
  }
}

// Only a regular file, opened without waiting: a FIFO put in the cache folder must not hang jtai.
// Written in ASCII (below), it is read as Latin-1, a third of the time of UTF-8 for 500 KB. A
// line of JSON, then the tail: JSON.stringify never writes a line break.
function readCacheFile<T>(file: string): { data: T; tail(): string } | undefined {
  const bytes = readRegularBytes(file);
  const encoding = isAscii(bytes) ? 'latin1' : 'utf8';
  const end = bytes.indexOf(0x0a);
  const head = end === -1 ? bytes : bytes.subarray(0, end);
  const entry = JSON.parse(head.toString(encoding)) as { version: number; data: T };
  if (entry.version !== CACHE_VERSION) return undefined;
  return { data: entry.data, tail: () => (end === -1 ? '' : bytes.subarray(end + 1).toString(encoding)) };
}

// Each character beyond ASCII as JSON's escape, each of a pair of surrogates alike (JSON puts them back together).
const inAscii = (json: string) =>
  json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * Keeps data in the cache, and after it a JSON text (tail) read only when asked for, atomically
 * and for the user alone; a failure is ignored, and leaves no file behind.
 */
export function writeCache(file: string | undefined, data: unknown, tail?: string): void {
  if (!file) return;
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
    const head = inAscii(JSON.stringify({ version: CACHE_VERSION, data }));
    writeFileSync(temp, tail === undefined ? head : `${head}\n${inAscii(tail)}`, { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    // a read-only home, a full disk: the work is done again next time; a part written is removed
    try {
      rmSync(temp, { force: true });
    } catch {
      // nothing was written, or it cannot be removed either
    }
  }
}
