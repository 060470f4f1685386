import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RuleSet } from '../core/rule-set/rule-set.js';
import {
  BUILT_IN_DIR,
  DEFAULT_RULE_SET,
  builtInPath,
  displayName,
  locateRuleSet,
  readRuleSetFile,
} from './read-rule-set-file.js';

export { BUILT_IN_DIR, DEFAULT_RULE_SET };

/** Where the build puts the built-in rule sets already checked and resolved (dist/schedules/). */
export const COMPILED_DIR = fileURLToPath(new URL('../schedules/', import.meta.url));

/** A built-in rule set as the build compiles it: the resolved rule set and the YAML it came from. */
export interface CompiledRuleSet {
  yaml: string;
  ruleSet: RuleSet;
}

// The compiled form spares start-up the YAML parser and zod; it is used only while it was
// made from exactly this YAML text (compared whole, which costs less than loading node:crypto
// to hash it), so an edited rule set is never read stale.
function readCompiled(name: string, text: string): RuleSet | undefined {
  try {
    const compiled = JSON.parse(readFileSync(`${COMPILED_DIR}${name}.json`, 'utf8')) as CompiledRuleSet;
    return compiled.yaml === text ? compiled.ruleSet : undefined;
  } catch {
    return undefined;
  }
}

/** Checks the text of a rule-set file and resolves it (see parse-rule-set.ts, loaded only now). */
async function parseRuleSetText(text: string, file: string): Promise<RuleSet> {
  const { parseRuleSet } = await import('./analyse-rule-set-file.js');
  return parseRuleSet(text, file);
}

// A built-in rule set is jtai's own file: read plainly, sparing a plan the checks (and the 1 MiB
// buffer) that readRuleSetFile gives a user's file, and used so only while it is the very text
// the build compiled; anything else is read again the careful way, for its message.
function readBuiltIn(name: string, path: string): RuleSet | undefined {
  try {
    return readCompiled(name, readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Loads a built-in rule set by name ("jtai-2018") or a rule-set file by path. */
export async function loadRuleSet(nameOrPath: string = DEFAULT_RULE_SET): Promise<RuleSet> {
  const builtIn = builtInPath(nameOrPath);
  const compiled = builtIn && readBuiltIn(nameOrPath, builtIn);
  if (compiled) return compiled;
  const path = locateRuleSet(nameOrPath);
  const text = readRuleSetFile(path, displayName(path));
  return (builtIn && readCompiled(nameOrPath, text)) || parseRuleSetText(text, path);
}
