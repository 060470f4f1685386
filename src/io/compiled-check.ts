import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Path } from '../core/rule-set/layers.js';
import type { RuleSet } from '../core/rule-set/rule-set.js';
import type { Problem, SourcePosition } from '../errors.js';
import { COMPILED_DIR } from './load-rule-set.js';
import { BUILT_IN_DIR } from './read-rule-set-file.js';

// jtai check of a built-in rule set without the YAML parser and zod: the build checks each
// built-in rule set (scripts/compile-rule-sets.mjs) and keeps, beside the resolved rule set,
// what checking found and where each of its paths is written. Used only while the file is
// exactly the text the build checked (compared whole), so an edited rule set is checked afresh.

/** What the build keeps of checking a built-in rule set: dist/schedules/<id>.check.json. */
export interface CompiledCheck {
  yaml: string;
  ruleSet: RuleSet;
  /** The warnings checking found, their positions without the file (it is named as the user sees it). */
  warnings: Array<Omit<Problem, 'position'> & { position?: Omit<SourcePosition, 'file'> }>;
  /** [path as JSON, line, column] for every path of the file. */
  positions: Array<[string, number, number]>;
}

/** A built-in rule set's check as the build made it, if the file is the one it checked. */
export function compiledCheck(
  path: string,
  text: string,
  shown: string,
):
  | { ruleSet: RuleSet; errors: Problem[]; warnings: Problem[]; positionOf: (path: Path) => SourcePosition }
  | undefined {
  if (resolve(dirname(path)) !== resolve(BUILT_IN_DIR) || !path.endsWith('.yaml')) return undefined;
  let compiled: CompiledCheck;
  try {
    compiled = JSON.parse(
      readFileSync(`${COMPILED_DIR}${basename(path, '.yaml')}.check.json`, 'utf8'),
    ) as CompiledCheck;
  } catch {
    return undefined;
  }
  if (compiled.yaml !== text) return undefined;
  const at = new Map(compiled.positions.map(([key, line, column]) => [key, { file: shown, line, column }]));
  // The position of the longest part of the path that is written (as the YAML positions give it).
  const positionOf = (p: Path): SourcePosition => {
    for (let n = p.length; n >= 0; n--) {
      const found = at.get(JSON.stringify(p.slice(0, n)));
      if (found) return found;
    }
    return { file: shown, line: 1, column: 1 };
  };
  const warnings = compiled.warnings.map(
    ({ position, ...w }): Problem => ({
      ...w,
      ...(position && { position: { file: shown, ...position } }),
    }),
  );
  return { ruleSet: compiled.ruleSet, errors: [], warnings, positionOf };
}
