import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';

// A disk that cannot make a second name for a file (a USB stick's FAT or exFAT, some shares):
// link() fails there with EPERM, and "jtai start" on one said "permission denied" (found by a
// tester on exFAT). Such a disk gets a copy, made only if the name is free.
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  const refused = async () => {
    throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
  };
  return { ...fs, default: { ...fs, link: refused }, link: refused };
});
const { writeNewFile } = await import('../../src/io/write-files.js');

describe('a new file on a disk without links', () => {
  test('is written whole, and no temporary file is left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jtai-nolinks-'));
    await writeNewFile(join(dir, 'jtai-inspection.yaml'), 'notified: 2019-03-19\n', 'jtai start');
    expect(readFileSync(join(dir, 'jtai-inspection.yaml'), 'utf8')).toBe('notified: 2019-03-19\n');
    expect(readdirSync(dir)).toEqual(['jtai-inspection.yaml']);
  });

  test('never replaces a file already there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jtai-nolinks-'));
    const path = join(dir, 'jtai-inspection.yaml');
    writeFileSync(path, 'mine\n');
    await expect(writeNewFile(path, 'notified: 2019-03-19\n', 'jtai start')).rejects.toThrow(
      `${path} already exists; jtai start does not overwrite files. Choose another name or remove it.`,
    );
    expect(readFileSync(path, 'utf8')).toBe('mine\n');
    expect(readdirSync(dir)).toEqual(['jtai-inspection.yaml']);
  });
});
