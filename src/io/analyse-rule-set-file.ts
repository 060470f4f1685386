import { resolve } from 'node:path';
import { type RuleSetAnalysis, analyseRuleSet, parseRuleSet as parseWith } from '../core/rule-set/analyse.js';
import type { RuleSet } from '../core/rule-set/rule-set.js';
import { diskReader } from './read-rule-set-file.js';

// Rule-set checking (src/core/rule-set/analyse.ts) with the files an "extends" names read
// from the disk. Loaded only when a rule set has to be parsed, not for the compiled built-in ones.

/** Checks a rule-set file's text; "extends" is found relative to the file. */
export function analyseRuleSetFile(text: string, file: string): RuleSetAnalysis {
  return analyseRuleSet(text, resolve(file), diskReader);
}

/** Checks and resolves a rule-set file's text, or throws a RuleSetError listing every problem. */
export function parseRuleSet(text: string, file: string): RuleSet {
  return parseWith(text, resolve(file), diskReader);
}
