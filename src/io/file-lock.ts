import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { link, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { InputError } from '../errors.js';

// A lock beside a file that several people update (an inspection file on a shared drive):
// taken by creating FILE.lock exclusively, held only while the file is read, changed and
// written atomically, then removed. A lock left by a process that was killed is recovered,
// and said so; a lock held by a live process is waited for, never broken.

export interface LockOptions {
  /** How long to wait for another process's lock before giving up (ms). */
  waitMs?: number;
  /** A lock older than this, from another machine (whose processes jtai cannot see), is stale (ms). */
  staleMs?: number;
  /** Where to say that a stale lock was recovered. */
  say?: (message: string) => void;
}

interface Holder {
  pid: number;
  host: string;
  since: string;
  token: string;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, but another user's
  }
}

async function holderOf(lock: string): Promise<{ holder?: Holder; ino: number; mtimeMs: number } | undefined> {
  try {
    const info = await stat(lock);
    const text = await readFile(lock, 'utf8').catch(() => '');
    let holder: Holder | undefined;
    try {
      holder = JSON.parse(text) as Holder;
    } catch {
      holder = undefined; // being written, or not ours: judged by its age alone
    }
    return { ...(holder && { holder }), ino: info.ino, mtimeMs: info.mtimeMs };
  } catch {
    return undefined; // gone meanwhile
  }
}

function isStale(found: { holder?: Holder; mtimeMs: number }, staleMs: number): boolean {
  const age = Date.now() - found.mtimeMs;
  const h = found.holder;
  if (h && h.host === hostname()) return !isAlive(h.pid) && age > 1000; // its process is gone (a second's grace: it may be writing)
  return age > staleMs;
}

/**
 * Moves a stale lock aside, if it is still the one judged stale: renaming is atomic, and the
 * inode tells whether another process replaced it meanwhile (then it is put back, untouched).
 */
async function recover(lock: string, ino: number): Promise<boolean> {
  const aside = `${lock}.stale.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    await rename(lock, aside);
  } catch {
    return false; // someone else recovered it first
  }
  if ((await stat(aside)).ino === ino) {
    await rm(aside, { force: true });
    return true;
  }
  await link(aside, lock).catch(() => undefined); // a fresh lock was caught: give it back
  await rm(aside, { force: true });
  return false;
}

/** Runs work while holding FILE.lock: withLock("jtai-inspection.yaml", async () => ...). */
export async function withLock<T>(file: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const lock = `${file}.lock`;
  const holder: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  const deadline = Date.now() + (options.waitMs ?? 15_000);
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lock, 'wx');
      await handle.writeFile(JSON.stringify(holder));
      await handle.close();
      break;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new InputError(`cannot lock ${file} (${lock}): ${(e as Error).message}.`);
    }
    const found = await holderOf(lock);
    if (found && isStale(found, options.staleMs ?? 120_000)) {
      if (await recover(lock, found.ino)) {
        const who = found.holder ? `process ${found.holder.pid} on ${found.holder.host} since ${found.holder.since}` : 'a process';
        options.say?.(`recovered a stale lock on ${file}, left by ${who}, which is no longer running; nothing it was writing was kept.`);
      }
      continue;
    }
    if (Date.now() > deadline) {
      const who = found?.holder ? `process ${found.holder.pid} on ${found.holder.host} since ${found.holder.since}` : 'another process';
      throw new InputError(`${file} is being updated by ${who}; try again in a moment (or, if that process is gone, remove ${lock}).`);
    }
    await pause(10 + Math.random() * Math.min(100, 10 * attempt));
  }
  try {
    return await work();
  } finally {
    // Remove the lock only if it is still ours.
    const found = await holderOf(lock);
    if (found?.holder?.token === holder.token) await rm(lock, { force: true });
  }
}
