import { dirname } from 'node:path';
import type { z } from 'zod';
import { type Problem, RuleSetError, type SourcePosition } from '../errors.js';
import { resolveRuleSet } from '../core/rule-checks.js';
import { type RuleSet, RuleSetFileSchema, RuleSetOverlaySchema } from '../core/rule-set.js';
import { displayName, locateRuleSet, readRuleSetFile } from './read-rule-set-file.js';
import { type Layer, mergeLayers } from './rule-set-layers.js';
import { parseYaml } from './yaml-positions.js';

// Checking rule-set YAML in stages: syntax (yaml), the shape of each file (zod), "extends"
// merged onto its base, the shape of the whole, then names (rule-checks). Every problem is
// collected with its file:line:column before anything fails. Loaded only when a rule set has
// to be parsed, not for the compiled built-in ones.

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

function schemaProblem(issue: z.core.$ZodIssue, parsed: Layer): Problem {
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

/** What checking a rule set found: the resolved rule set if there were no errors. */
export interface Inspection {
  ruleSet?: RuleSet;
  errors: Problem[];
  /** Where a rule-set path is written, across every file it was merged from. */
  positionOf(path: ReadonlyArray<string | number>): SourcePosition;
}

type LayerResult = { layer?: Layer; errors: Problem[] };

function readLayer(text: string, shown: string, dir: string, chain: readonly string[]): LayerResult {
  const { parsed, problems } = parseYaml(text, shown);
  if (!parsed) return { errors: problems };
  const at = parsed.positionOf([]);
  if (parsed.data === null || parsed.data === undefined || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
    const message = parsed.data == null ? 'the file is empty; expected a rule set (see the built-in schedules/jtai-2018.yaml).' : `the file: expected a mapping of "key: value" lines, found ${show(parsed.data)}.`;
    return { errors: [{ path: [], message, position: at }] };
  }
  const layer: Layer = { data: parsed.data as Record<string, unknown>, positionOf: parsed.positionOf };
  if (!('extends' in layer.data)) return { layer, errors: [] };

  const overlay = RuleSetOverlaySchema.safeParse(layer.data);
  if (!overlay.success) return { errors: overlay.error.issues.map((i) => schemaProblem(i, layer)) };
  const ref = overlay.data.extends;
  const basePath = locateRuleSet(ref, dir);
  const where = layer.positionOf(['extends']);
  if (chain.includes(basePath)) {
    return { errors: [{ path: ['extends'], message: `"extends: ${ref}" makes a cycle: a rule set cannot extend itself.`, position: where }] };
  }
  let baseText: string;
  try {
    baseText = readRuleSetFile(basePath, displayName(basePath));
  } catch (e) {
    return { errors: [{ path: ['extends'], message: `${(e as Error).message.replace(/\.$/, '')}; "extends" names a built-in rule set or a file relative to this one.`, position: where }] };
  }
  const base = readLayer(baseText, displayName(basePath), dirname(basePath), [...chain, basePath]);
  if (!base.layer) return base;
  const baseIds = new Set((base.layer.data.items as Array<{ id?: unknown }> | undefined)?.map((i) => i.id) ?? []);
  const unknown = overlay.data.remove.flatMap((id, i): Problem[] =>
    baseIds.has(id) ? [] : [{ path: ['remove', i], message: `remove: there is no item "${id}" in ${ref}.`, position: layer.positionOf(['remove', i]) }],
  );
  if (unknown.length > 0) return { errors: unknown };
  return { layer: mergeLayers(base.layer, { ...layer, data: overlay.data as Record<string, unknown> }), errors: [] };
}

/** Checks rule-set YAML text in stages and collects every problem with its position. */
export function inspectRuleSet(text: string, shown: string, dir: string = process.cwd(), path?: string): Inspection {
  const { layer, errors } = readLayer(text, shown, dir, path ? [path] : []);
  const nowhere = (): SourcePosition => ({ file: shown, line: 1, column: 1 });
  if (!layer) return { errors: byPosition(errors), positionOf: nowhere };
  const positionOf = (p: ReadonlyArray<string | number>) => layer.positionOf(p);
  const result = RuleSetFileSchema.safeParse(layer.data);
  if (!result.success) return { errors: byPosition(result.error.issues.map((i) => schemaProblem(i, layer))), positionOf };
  const resolved = resolveRuleSet(result.data);
  const located = resolved.problems.map((p) => ({ ...p, position: positionOf(p.path) }));
  return { ...(resolved.ruleSet && { ruleSet: resolved.ruleSet }), errors: byPosition(located), positionOf };
}

/** Checks rule-set YAML text and resolves it, or throws a RuleSetError listing every problem. */
export function parseRuleSet(text: string, shown: string, dir: string = process.cwd()): RuleSet {
  const inspection = inspectRuleSet(text, shown, dir);
  if (!inspection.ruleSet) throw new RuleSetError(shown, inspection.errors);
  return inspection.ruleSet;
}
