import type { z } from 'zod';
import { type Problem, RuleSetError } from '../errors.js';
import { resolveRuleSet } from '../core/rule-checks.js';
import { type RuleSet, RuleSetFileSchema } from '../core/rule-set.js';
import { type ParsedYaml, parseYaml } from './yaml-positions.js';

// Checking rule-set YAML in stages: syntax (yaml), shape (zod), then names (rule-checks).
// Loaded only when a rule set has to be parsed, not for the compiled built-in ones.

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
  if (parsed.data === null || parsed.data === undefined) {
    throw new RuleSetError(shown, [{ path: [], message: 'the file is empty; expected a rule set (see the built-in schedules/jtai-2018.yaml).', position: parsed.positionOf([]) }]);
  }
  const result = RuleSetFileSchema.safeParse(parsed.data);
  if (!result.success) throw new RuleSetError(shown, byPosition(result.error.issues.map((i) => schemaProblem(i, parsed))));
  const resolved = resolveRuleSet(result.data);
  if (!resolved.ruleSet) {
    const located = resolved.problems.map((p) => ({ ...p, position: parsed.positionOf(p.path) }));
    throw new RuleSetError(shown, byPosition(located));
  }
  return resolved.ruleSet;
}

