// Two builds of jtai compared on one command, their runs alternated so that the machine's load
// falls on both alike: jtai's own time (from before the bin to the exit, as npm run bench
// measures it) and its CPU time, each build's median and the median of the paired differences.
// Keep the older build somewhere first, for example:
//   git worktree add /tmp/jtai-old HEAD~3 && (cd /tmp/jtai-old && npm ci)
// Usage: node scripts/bench-pair.mjs RUNS OLD_ROOT NEW_ROOT -- COMMAND [ARGS...]
//   node scripts/bench-pair.mjs 40 /tmp/jtai-old . -- plan -n 2019-03-19
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const [runs, oldRoot, newRoot, dashes, ...args] = process.argv.slice(2);
if (!Number(runs) || !oldRoot || !newRoot || dashes !== '--' || args.length === 0) {
  console.error('usage: node scripts/bench-pair.mjs RUNS OLD_ROOT NEW_ROOT -- COMMAND [ARGS...]');
  process.exit(2);
}
const probe = join(mkdtempSync(join(tmpdir(), 'jtai-pair-')), 'probe.cjs');
writeFileSync(
  probe,
  [
    'const start = process.hrtime.bigint();',
    "process.on('exit', () => { const c = process.cpuUsage(); require('node:fs').writeSync(3, `${Number(process.hrtime.bigint() - start) / 1e6} ${(c.user + c.system) / 1000}`); });",
    '',
  ].join('\n'),
);
function once(root) {
  const run = spawnSync(process.execPath, ['-r', probe, join(resolve(root), 'bin', 'jtai.cjs'), ...args], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  if (run.status !== 0) throw new Error(`${root}: jtai ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return String(run.output[3]).split(' ').map(Number);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
once(oldRoot); // each writes its code cache, if it has none yet
once(newRoot);
const own = { old: [], new: [], diff: [] };
const cpu = { diff: [] };
for (let i = 0; i < Number(runs); i++) {
  const [a, ca] = once(oldRoot);
  const [b, cb] = once(newRoot);
  own.old.push(a);
  own.new.push(b);
  own.diff.push(b - a);
  cpu.diff.push(cb - ca);
}
console.log(
  `jtai ${args.join(' ')}: own time ${median(own.old).toFixed(2)} → ${median(own.new).toFixed(2)} ms, paired difference ${median(own.diff).toFixed(2)} ms, CPU ${median(cpu.diff).toFixed(2)} ms (median of ${runs} pairs)`,
);
