import { lstatSync, readlinkSync } from 'node:fs';
import { shownValue } from '../core/text/text-rules.js';

// What a failed file operation means, in words, for messages. Kept apart from the writers so
// that reporting an error loads nothing more.

export const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'no such folder',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links in the path',
  EXDEV: 'it is on another disk than its folder',
  EBUSY: 'the file is busy',
};

/**
 * What a path that is not there is, when it is a symbolic link to nothing (a drive or share not
 * connected, a file moved): "it is a link to /mnt/share/x, which is not there"; else undefined.
 */
export function linkToNothing(path: string): string | undefined {
  try {
    if (!lstatSync(path).isSymbolicLink()) return undefined;
    return `it is a link to "${shownValue(readlinkSync(path))}", which is not there (a drive or share not connected, or moved?)`;
  } catch {
    return undefined;
  }
}

/** Whether a link failed because the disk or share cannot make one (FAT, exFAT, some SMB shares). */
export function cannotLink(e: unknown): boolean {
  return ['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes((e as NodeJS.ErrnoException).code ?? '');
}

/** Why a file operation failed, in words: reason({ code: "ENOSPC" }) is "the disk is full". */
export function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return (err.code && REASONS[err.code]) ?? err.message;
}
