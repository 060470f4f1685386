import { formatMonth } from '../../core/dates/calendar-date.js';
import { readdirSync } from 'node:fs';
import type { RuleSet } from '../../core/rule-set/rule-set.js';
import { loadRuleSet } from '../../io/load-rule-set.js';
import { BUILT_IN_DIR } from '../../io/read-rule-set-file.js';
import { wrapText } from '../../render/wrap.js';
import type { CliIo } from '../process-io.js';

/** The years a rule set fits, in words: "September 2018 to December 2019", or "any date". */
function yearsOf(r: RuleSet): string {
  const month = formatMonth;
  const { from, until } = r.applies ?? {};
  if (from && until) return `notifications from ${month(from)} to ${month(until)}`;
  if (from) return `notifications from ${month(from)}`;
  if (until) return `notifications until ${month(until)}`;
  return 'notifications at any date';
}

/** jtai list: the built-in rule sets with their names, sources, themes, inspectorates and the years they fit. */
export async function runList(options: { format: 'text' | 'json' }, io: CliIo): Promise<void> {
  const names = readdirSync(BUILT_IN_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();
  const ruleSets = await Promise.all(names.map((name) => loadRuleSet(name)));
  if (options.format === 'json') {
    const list = ruleSets.map((r) => ({
      id: r.id,
      name: r.name,
      source: r.source,
      timezone: r.timezone,
      items: r.items.length,
      guidance: r.inspection?.guidance ?? null,
      themes: r.inspection?.themes ?? [],
      inspectorates: r.inspection?.inspectorates ?? [],
      appliesFrom: r.applies?.from ?? null,
      appliesUntil: r.applies?.until ?? null,
    }));
    io.writeOut(`${JSON.stringify(list, null, 2)}\n`);
    return;
  }
  for (const r of ruleSets) {
    const lines = [
      `${r.id}  ${r.name} (${r.items.length} items)`,
      ...wrapText(`source: ${r.source.title}`, 76).map((l) => `    ${l}`),
      ...(r.inspection ? wrapText(`themes: ${r.inspection.themes.join('; ')}`, 76).map((l) => `    ${l}`) : []),
      ...(r.inspection?.inspectorates.length
        ? wrapText(`inspectorates: ${r.inspection.inspectorates.join(', ')}`, 76).map((l) => `    ${l}`)
        : []),
      `    fits ${yearsOf(r)}`,
    ];
    io.writeOut(`${lines.join('\n')}\n`);
  }
}
