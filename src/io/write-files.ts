import { randomBytes } from 'node:crypto';
import { link, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';

export interface OutputFile {
  path: string;
  content: string;
}

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code === 'EACCES' ? 'permission denied' : err.code === 'ENOENT' ? 'no such folder' : err.code === 'EISDIR' ? 'it is a folder' : err.message;
}

/**
 * Writes files so that a failure leaves every one of them as it was: each is written to a
 * temporary file beside it, and only when all are written are they renamed into place.
 */
export async function writeFilesAtomically(files: readonly OutputFile[], writer = writeFile): Promise<void> {
  const temps: string[] = [];
  try {
    for (const file of files) {
      const temp = tempPathFor(file.path);
      temps.push(temp);
      await writer(temp, file.content, { flag: 'wx' });
    }
  } catch (e) {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    const failed = files[temps.length - 1]?.path ?? '';
    throw new InputError(`cannot write ${failed}: ${reason(e)}; no file was changed.`);
  }
  for (const [i, file] of files.entries()) {
    try {
      await rename(temps[i]!, file.path);
    } catch (e) {
      await Promise.all(temps.slice(i).map((t) => rm(t, { force: true })));
      throw new InputError(`cannot write ${file.path}: ${reason(e)}.`);
    }
  }
}

/** Creates a folder and its parents if missing. */
export async function ensureFolder(path: string): Promise<void> {
  try {
    await mkdir(path, { recursive: true });
  } catch (e) {
    throw new InputError(`cannot create folder ${path}: ${reason(e)}.`);
  }
}

/**
 * Creates a new file and never replaces one: the text is written to a temporary file that is
 * then linked into place, which fails if the name is taken, so there is no half-written file.
 */
export async function writeNewFile(path: string, content: string): Promise<void> {
  const temp = tempPathFor(path);
  try {
    await writeFile(temp, content, { flag: 'wx' });
    await link(temp, path);
  } catch (e) {
    const exists = (e as NodeJS.ErrnoException).code === 'EEXIST';
    throw new InputError(exists ? `${path} already exists; jtai init does not overwrite files. Choose another name or remove it.` : `cannot write ${path}: ${reason(e)}.`);
  } finally {
    await rm(temp, { force: true });
  }
}
