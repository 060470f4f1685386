import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

// The start chunk is derived from the sources (rolldown.config.mjs): "jtai plan" in text or
// JSON loads it and nothing else of jtai's, whatever modules are added to the core.

const BIN = fileURLToPath(new URL('../../bin/jtai.cjs', import.meta.url));
const once = process.env.TZ === 'UTC';

/** The bundle's files a run of jtai requires, by name without their hash. */
function chunksLoaded(args: string[]): string[] {
  // Every module is loaded through Module.prototype.load, the bin's chunks (loadChunk) as require()'s.
  const probe = `const M=require('module');const load=M.prototype.load;const seen=new Set();M.prototype.load=function(f,...a){if(/[\\\\/]bundle[\\\\/][^\\\\/]*\\.cjs$/.test(f))seen.add(f.replace(/^.*[\\\\/]/,'').replace(/-[\\w-]{8}\\.cjs$/,'').replace(/\\.cjs$/,''));return load.call(this,f,...a)};process.on('exit',()=>process.stderr.write('\\nCHUNKS '+[...seen].sort().join(',')));`;
  const run = spawnSync(
    process.execPath,
    ['-e', `${probe}process.argv=[process.argv[0],'jtai',...${JSON.stringify(args)}];require(${JSON.stringify(BIN)})`],
    { encoding: 'utf8' },
  );
  return /CHUNKS (.*)$/.exec(run.stderr)![1]!.split(',');
}

describe.runIf(once)('the bundle', () => {
  test.each([['text'], ['json'], ['html']])(
    'jtai plan -f %s loads only the start chunk (the entry, jtai.cjs)',
    (format) => {
      expect(chunksLoaded(['plan', '-n', '2019-03-19', '-f', format, '-q'])).toEqual(['jtai']); // rolldown's runtime helpers included (rolldown.config.mjs, runtimeInEntry)
    },
  );

  // Each command or format beyond the start chunk loads one chunk more, with all it needs.
  test.each([
    [['plan', '-n', '2019-03-19', '-f', 'ics', '-q'], 'calendar'],
    [['plan', '-n', '2019-03-19', '-f', 'md', '-q'], 'markdown'],
    [['plan', '-n', '2019-03-19', '-f', 'csv', '-q'], 'csv'],
    [['status', '-n', '2019-03-19', '-q'], 'status'],
    [['status', '-n', '2019-03-19', '-f', 'html', '-q'], 'status'],
  ])('jtai %j loads the start chunk and %s', (args, chunk) => {
    expect(chunksLoaded(args)).toEqual(['jtai', chunk].sort());
  });
});
