import type { z } from 'zod';
import { schemaProblem } from '../text/schema-problems.js';
import { parseYaml } from '../text/yaml-positions.js';
import { RuleSetError } from '../../errors.js';
import { type InspectionRecord, InspectionFileSchema, resolveInspection } from './inspection-record.js';

// The inspection file's text as a record, with the line and column of every value: the same
// for the CLI (which reads the file from the disk) and the web page (which reads it from a
// folder the user opens). It loads YAML and zod: the CLI only when its cache misses.

/** Where a path of the file (or a key of the mapping there) is written. */
export type PositionOf = (
  path: ReadonlyArray<string | number>,
  key?: string,
) => { file: string; line: number; column: number };

/**
 * Parses and checks an inspection file's text; every problem at once, with its line and column:
 * parseInspection("notified: 2019-03-19\n", "jtai-inspection.yaml").record.rules is "jtai-2018".
 * The rules are as written: a file name is relative to the inspection file.
 */
export function parseInspection(text: string, shown: string): { record: InspectionRecord; positionOf: PositionOf } {
  const { parsed, problems } = parseYaml(text, shown);
  if (!parsed) throw new RuleSetError(shown, problems, 'inspection file');
  const result = InspectionFileSchema.safeParse(parsed.data ?? {});
  if (!result.success)
    throw new RuleSetError(
      shown,
      result.error.issues.map((i: z.core.$ZodIssue) =>
        schemaProblem(i, parsed.data, (path, key) => ({ path, position: parsed.positionOf(path, key) })),
      ),
      'inspection file',
    );
  return { record: resolveInspection(result.data), positionOf: parsed.positionOf };
}
