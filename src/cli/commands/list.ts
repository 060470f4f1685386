import { readdirSync } from 'node:fs';
import { loadRuleSet } from '../../io/load-rule-set.js';
import { BUILT_IN_DIR } from '../../io/read-rule-set-file.js';
import type { CliIo } from '../io.js';

/** jtai list: the built-in rule sets with their names and sources. */
export async function runList(options: { format: 'text' | 'json' }, io: CliIo): Promise<void> {
  const names = readdirSync(BUILT_IN_DIR).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')).sort();
  const ruleSets = await Promise.all(names.map((name) => loadRuleSet(name)));
  if (options.format === 'json') {
    const list = ruleSets.map((r) => ({ id: r.id, name: r.name, source: r.source, timezone: r.timezone, items: r.items.length }));
    io.writeOut(`${JSON.stringify(list, null, 2)}\n`);
    return;
  }
  for (const r of ruleSets) {
    io.writeOut(`${r.id}  ${r.name} (${r.items.length} items)\n    source: ${r.source.title}\n`);
  }
}
