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

/** Why a file operation failed, in words: reason({ code: "ENOSPC" }) is "the disk is full". */
export function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return (err.code && REASONS[err.code]) ?? err.message;
}
