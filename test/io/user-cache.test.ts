import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cacheFileFor } from '../../src/io/user-cache.js';

// The user's cache folder, as the XDG Base Directory spec has it: $XDG_CACHE_HOME when it is an
// absolute path (a relative one is ignored), else ~/.cache; JTAI_CACHE=0 goes without.

describe('the user cache folder', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'jtai-cache-')), 'jtai-inspection.yaml');
  writeFileSync(file, 'notified: 2019-03-19\n');

  test('an absolute XDG_CACHE_HOME is used; a relative one is ignored for HOME/.cache', () => {
    expect(cacheFileFor('inspections', file, { XDG_CACHE_HOME: '/var/cache/me' })).toMatch(
      /^\/var\/cache\/me\/jtai\/inspections\//,
    );
    expect(cacheFileFor('inspections', file, { XDG_CACHE_HOME: 'relative', HOME: '/home/me' })).toMatch(
      /^\/home\/me\/\.cache\/jtai\/inspections\//,
    );
    expect(cacheFileFor('inspections', file, { XDG_CACHE_HOME: 'relative' })).toBeUndefined();
    expect(cacheFileFor('inspections', file, { HOME: '/home/me', JTAI_CACHE: '0' })).toBeUndefined();
  });
});
