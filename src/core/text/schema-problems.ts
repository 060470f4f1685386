import type { z } from 'zod';
import type { Problem, SourcePosition } from '../../errors.js';

// zod's issues in the user's words, for any YAML file jtai reads (a rule set, an inspection
// file): where it is, what was expected, what was found.

type Path = ReadonlyArray<string | number>;

/** A value as a message quotes it, cut at 60 characters: show("soon") is '"soon"'. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function valueAt(data: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (v, k) =>
      v !== null && typeof v === 'object' && Object.hasOwn(v, k) ? (v as Record<PropertyKey, unknown>)[k] : undefined,
    data,
  );
}

/** A path as people read it: pathText(["items", 0, "day"]) is "items[0].day". */
export function pathText(path: Path): string {
  return (
    path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('') ||
    'the file'
  );
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

/** Where a path of the data is written: the path as the user wrote it, and its position. */
export type Locate = (path: Path, key?: string) => { path: Path; position?: SourcePosition };

/**
 * A zod issue as a problem, in the words and at the path the user wrote: "where: expected
 * what, found what": schemaProblem(issue, { day: "soon" }, locate).message is
 * 'day: expected a whole number, found "soon".'
 */
export function schemaProblem(issue: z.core.$ZodIssue, data: unknown, locate: Locate): Problem {
  const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  const value = valueAt(data, path);
  const custom =
    !issue.message.startsWith('Invalid') &&
    !issue.message.startsWith('Too ') &&
    !issue.message.startsWith('Unrecognized');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    const written = locate(path, key);
    return {
      path: [...path, key],
      message: `${pathText(written.path)}: unknown field "${key}"; check its spelling.`,
      position: written.position,
    };
  }
  const written = locate(path);
  const where = pathText(written.path);
  let message: string;
  if (issue.code === 'invalid_type' && value === undefined) {
    message = `${where} is missing; expected ${custom ? issue.message : typeWords(issue.expected)}.`;
  } else if (issue.code === 'invalid_value' && value === undefined) {
    message = `${where} is missing; expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
  } else if (issue.code === 'invalid_value') {
    message = `${where}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, found ${show(value)}.`;
  } else if (custom) {
    message = `${where}: expected ${issue.message}, found ${show(value)}.`;
  } else if (issue.code === 'invalid_type') {
    message = `${where}: expected ${typeWords(issue.expected)}, found ${show(value)}.`;
  } else {
    message = `${where}: ${issue.message.toLowerCase()}, found ${show(value)}.`;
  }
  return { path, message, position: written.position };
}
