import { lstatSync } from 'node:fs';
import { resolve } from 'node:path';

// Where the inspection file is, found without reading it: start-up loads the YAML parser only
// when there is one.

export { INSPECTION_FILE } from '../core/progress/folder.js';
import { INSPECTION_FILE } from '../core/progress/folder.js';

/**
 * The inspection file to use: the one named, or jtai-inspection.yaml in the working folder if
 * there is one (a link to nothing there too, which reading then says it is).
 */
export function findInspection(named?: string): string | undefined {
  if (named !== undefined) return resolve(named);
  const here = resolve(INSPECTION_FILE);
  return lstatSync(here, { throwIfNoEntry: false }) ? here : undefined;
}
