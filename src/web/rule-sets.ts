import type { RuleSetReader } from '../core/rule-set/analyse.js';
import type { RuleSet } from '../core/rule-set/rule-set.js';
import { JtaiError } from '../errors.js';
import type { BuiltIn } from './data.js';

// A rule set the user opens from their disk, checked by the same code and with the same
// messages as "jtai check". The page has no disk: "extends" may name a built-in rule set only.
// The checks (zod's schemas, the YAML parser) are loaded only when a file is opened: building
// the schemas took about a sixth of the time to the first plan, which needs none of them.

export type Opened = { ruleSet: RuleSet; problems: [] } | { ruleSet?: undefined; problems: string[] };

function readerOf(builtIns: readonly BuiltIn[]): RuleSetReader {
  return {
    locate: (ref) => ref,
    read: (file) => {
      const found = builtIns.find((b) => b.id === file);
      if (found) return found.yaml;
      throw new JtaiError(
        `cannot read rule set ${file}: the page opens one file, so "extends" can name a built-in rule set (${builtIns.map((b) => b.id).join(', ')}) but not another file`,
      );
    },
    show: (file) => file,
  };
}

/** Checks a rule-set file's text: the rule set, or every problem as "file:line:column: message". */
export async function openRuleSet(text: string, name: string, builtIns: readonly BuiltIn[]): Promise<Opened> {
  const { analyseRuleSet } = await import('./checks.js');
  try {
    const inspection = analyseRuleSet(text, name, readerOf(builtIns));
    if (inspection.ruleSet) return { ruleSet: inspection.ruleSet, problems: [] };
    return {
      problems: inspection.errors.map(
        (p) => `${p.position ? `${p.position.file}:${p.position.line}:${p.position.column}` : name}: ${p.message}`,
      ),
    };
  } catch (e) {
    if (e instanceof JtaiError) return { problems: [`${name}: ${e.message}`] };
    throw e;
  }
}
