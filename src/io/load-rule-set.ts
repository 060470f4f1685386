import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { InputError, type Problem, RuleSetError } from '../errors.js';
import { resolveRuleSet } from '../core/rule-checks.js';
import { type RuleSet, RuleSetFileSchema } from '../core/rule-set.js';
import { type ParsedYaml, parseYaml } from './yaml-positions.js';

/** The folder of the built-in rule sets, found from this module so jtai runs from any folder. */
export const BUILT_IN_DIR = fileURLToPath(new URL('../../schedules/', import.meta.url));
export const DEFAULT_RULE_SET = 'jtai-2018';
const MAX_BYTES = 1024 * 1024;

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

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  return path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), data);
}

function pathText(path: ReadonlyArray<PropertyKey>): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('') || 'the file';
}

const TYPE_WORDS: Record<string, string> = {
  object: 'a mapping of "key: value" lines',
  array: 'a list',
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
};

function typeWords(expected: string): string {
  return TYPE_WORDS[expected] ?? expected;
}

function schemaProblem(issue: z.core.$ZodIssue, parsed: ParsedYaml): Problem {
  const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  const where = pathText(path);
  const value = valueAt(parsed.data, path);
  const custom = !issue.message.startsWith('Invalid') && !issue.message.startsWith('Too ') && !issue.message.startsWith('Unrecognized');
  let message: string;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    return { path, message: `${where}: unknown field "${key}"; check its spelling.`, position: parsed.positionOf(path, key) };
  } else if (issue.code === 'invalid_type' && value === undefined) {
    message = `${where} is missing; expected ${custom ? issue.message : typeWords(issue.expected)}.`;
  } else if (issue.code === 'invalid_value') {
    message = `${where}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, found ${show(value)}.`;
  } else if (custom) {
    message = `${where}: expected ${issue.message}, found ${show(value)}.`;
  } else if (issue.code === 'invalid_type') {
    message = `${where}: expected ${typeWords(issue.expected)}, found ${show(value)}.`;
  } else {
    message = `${where}: ${issue.message.toLowerCase()}, found ${show(value)}.`;
  }
  return { path, message, position: parsed.positionOf(path) };
}

function byPosition(problems: Problem[]): Problem[] {
  const key = (p: Problem) => (p.position ? p.position.line * 1e6 + p.position.column : 0);
  return [...problems].sort((a, b) => key(a) - key(b));
}

/** Checks rule-set YAML text in stages (syntax, shape, names) and reports every problem at once. */
export function parseRuleSet(text: string, shown: string): RuleSet {
  const { parsed, problems } = parseYaml(text, shown);
  if (!parsed) throw new RuleSetError(shown, problems);
  const result = RuleSetFileSchema.safeParse(parsed.data);
  if (!result.success) throw new RuleSetError(shown, byPosition(result.error.issues.map((i) => schemaProblem(i, parsed))));
  const resolved = resolveRuleSet(result.data);
  if (!resolved.ruleSet) {
    const located = resolved.problems.map((p) => ({ ...p, position: parsed.positionOf(p.path) }));
    throw new RuleSetError(shown, byPosition(located));
  }
  return resolved.ruleSet;
}

/** Loads a built-in rule set by name ("jtai-2018") or a rule-set file by path. */
export async function loadRuleSet(nameOrPath: string = DEFAULT_RULE_SET): Promise<RuleSet> {
  const path = builtInPath(nameOrPath) ?? nameOrPath;
  const shown = displayName(path);
  return parseRuleSet(await readText(path, shown), shown);
}
