import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors.js';

/** The folder of the built-in rule sets, found from this module so jtai runs from any folder. */
export const BUILT_IN_DIR = fileURLToPath(new URL('../../schedules/', import.meta.url));
export const DEFAULT_RULE_SET = 'jtai-2018';
const MAX_BYTES = 1024 * 1024;

/** The file of a built-in rule set, if the name is one: builtInPath("jtai-2018") ends in schedules/jtai-2018.yaml. */
export function builtInPath(name: string): string | undefined {
  const path = `${BUILT_IN_DIR}${name}.yaml`;
  return /^[a-z0-9-]+$/.test(name) && existsSync(path) ? path : undefined;
}

/** Where a rule-set reference points: a built-in name, or a path relative to a folder. */
export function locateRuleSet(ref: string, fromDir: string = process.cwd()): string {
  return builtInPath(ref) ?? resolve(fromDir, ref);
}

/** How a rule-set file is named in messages: schedules/x.yaml for built-in ones, else relative to here. */
export function displayName(path: string): string {
  if (path.startsWith(BUILT_IN_DIR)) return `schedules/${basename(path)}`;
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/** Reads a rule-set file, refusing folders and files over 1 MiB before reading them. */
export function readRuleSetFile(path: string, shown: string = displayName(path)): string {
  try {
    const info = statSync(path);
    if (info.isDirectory()) throw new InputError(`cannot read rule set ${shown}: it is a folder, not a file.`);
    if (info.size > MAX_BYTES) throw new InputError(`rule set ${shown} is ${info.size} bytes; rule sets are limited to 1 MiB.`);
    return readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? `no such file (the built-in rule set is "${DEFAULT_RULE_SET}")` : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new InputError(`cannot read rule set ${shown}: ${why}.`);
  }
}
