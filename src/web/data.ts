import { InternalError } from '../errors.js';
/// <reference lib="dom" />
import type { RuleSet } from '../core/rule-set/rule-set.js';

// What the build writes into the page beside the code: jtai's version and the built-in rule
// sets, each checked and resolved at build time (for a fast first plan) with its YAML (to check
// a rule set of the user's own that extends it, with the same messages as jtai check).

export interface BuiltIn {
  id: string;
  name: string;
  yaml: string;
  ruleSet: RuleSet;
}

export interface PageData {
  version: string;
  builtIns: BuiltIn[];
}

/** The data the build put in <script type="application/json" id="jtai-data">. */
export function readPageData(): PageData {
  const node = document.getElementById('jtai-data');
  if (!node?.textContent) throw new InternalError('the page has no data: it was not built by "npm run build"');
  return JSON.parse(node.textContent) as PageData;
}
