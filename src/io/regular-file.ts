import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { InputError } from '../errors.js';

/**
 * The text of a regular file, opened without waiting (a FIFO planted where a file is expected
 * must not hang jtai); a folder, a device, a pipe, or a file over maxBytes (tooBig says why) is
 * an InputError.
 */
export function readRegularFile(path: string, maxBytes = Infinity, tooBig = 'it is too large'): string {
  return readRegularBytes(path, maxBytes, tooBig).toString('utf8');
}

/** The bytes of a regular file, as readRegularFile reads it. */
export function readRegularBytes(path: string, maxBytes = Infinity, tooBig = 'it is too large'): Buffer {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw new InputError('it is a folder');
    if (!info.isFile()) throw new InputError('it is not a regular file (a device, a pipe or a socket)');
    if (info.size > maxBytes) throw new InputError(tooBig);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}
