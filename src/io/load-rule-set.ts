import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors.js';
import type { RuleSet } from '../core/rule-set.js';

/** The folder of the built-in rule sets, found from this module so jtai runs from any folder. */
export const BUILT_IN_DIR = fileURLToPath(new URL('../../schedules/', import.meta.url));
/** Where the build puts the built-in rule sets already checked and resolved (dist/schedules/). */
export const COMPILED_DIR = fileURLToPath(new URL('../schedules/', import.meta.url));
export const DEFAULT_RULE_SET = 'jtai-2018';
const MAX_BYTES = 1024 * 1024;

/** A built-in rule set as the build compiles it: the resolved rule set and the YAML it came from. */
export interface CompiledRuleSet {
  sha256: string;
  ruleSet: RuleSet;
}

function builtInPath(name: string): string | undefined {
  const path = `${BUILT_IN_DIR}${name}.yaml`;
  return /^[a-z0-9-]+$/.test(name) && existsSync(path) ? path : undefined;
}

function displayName(path: string): string {
  return path.startsWith(BUILT_IN_DIR) ? `schedules/${basename(path)}` : relative(process.cwd(), path) || path;
}

async function readText(path: string, shown: string): Promise<string> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new InputError(`cannot read rule set ${shown}: it is a folder, not a file.`);
    if (info.size > MAX_BYTES) throw new InputError(`rule set ${shown} is ${info.size} bytes; rule sets are limited to 1 MiB.`);
    return await readFile(path, 'utf8');
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? `no such file (the built-in rule set is "${DEFAULT_RULE_SET}")` : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new InputError(`cannot read rule set ${shown}: ${why}.`);
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

// The compiled form spares start-up the YAML parser and zod; it is used only while it was
// made from exactly this YAML text, so an edited rule set is never read stale.
async function readCompiled(name: string, text: string): Promise<RuleSet | undefined> {
  try {
    const compiled = JSON.parse(await readFile(`${COMPILED_DIR}${name}.json`, 'utf8')) as CompiledRuleSet;
    return compiled.sha256 === sha256(text) ? compiled.ruleSet : undefined;
  } catch {
    return undefined;
  }
}

/** Checks rule-set YAML text and resolves it; see parse-rule-set.ts. */
export async function parseRuleSetText(text: string, shown: string): Promise<RuleSet> {
  const { parseRuleSet } = await import('./parse-rule-set.js');
  return parseRuleSet(text, shown);
}

/** Loads a built-in rule set by name ("jtai-2018") or a rule-set file by path. */
export async function loadRuleSet(nameOrPath: string = DEFAULT_RULE_SET): Promise<RuleSet> {
  const builtIn = builtInPath(nameOrPath);
  const path = builtIn ?? nameOrPath;
  const shown = displayName(path);
  const text = await readText(path, shown);
  return (builtIn && (await readCompiled(nameOrPath, text))) || parseRuleSetText(text, shown);
}
