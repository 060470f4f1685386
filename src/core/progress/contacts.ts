import { findParties, partySuggestion } from '../plan/agencies.js';
import type { Party, RuleSet } from '../rule-set/rule-set.js';
import type { Problem } from '../../errors.js';
import type { Contact, InspectionRecord } from './inspection-record.js';
import type { PositionOf } from './inspection-text.js';

// An inspection file's contacts keyed by party id, as the CLI and the web page read them.
// Kept apart from the file's parser, so that a command whose file is cached loads no zod.

/**
 * The record with its contacts keyed by party id (a key is any name of a party, as --agency
 * takes it; two keys for one party put their contacts together, in file order), or the keys
 * that mean no party or several, each with what is wrong.
 */
export function contactsByParty(
  record: InspectionRecord,
  ruleSet: RuleSet,
): { record: InspectionRecord } | { wrong: Array<{ key: string; message: string }> } {
  const resolved = Object.entries(record.contacts).map(([key, contacts]) => ({
    key,
    contacts,
    found: findParties(ruleSet.parties, key),
  }));
  const wrong = resolved.filter((r) => r.found.length !== 1);
  if (wrong.length > 0)
    return { wrong: wrong.map(({ key, found }) => ({ key, message: contactProblem(key, found, ruleSet) })) };
  const byParty = new Map<string, Contact[]>();
  for (const { found, contacts } of resolved)
    byParty.set(found[0]!.id, [...(byParty.get(found[0]!.id) ?? []), ...contacts]);
  return { record: { ...record, contacts: Object.fromEntries(byParty) } };
}

/** The problems of contacts keyed wrongly, placed in the file: for a RuleSetError. */
export function contactProblems(
  wrong: ReadonlyArray<{ key: string; message: string }>,
  positionOf: PositionOf,
): Problem[] {
  return wrong.map(({ key, message }) => ({
    path: ['contacts', key],
    message,
    position: positionOf(['contacts'], key),
  }));
}

function contactProblem(key: string, found: readonly Party[], ruleSet: RuleSet): string {
  if (found.length > 1)
    return `contacts: "${key}" means several parties of ${ruleSet.id} (${found.map((p) => p.id).join(', ')}); key them by one of those ids instead.`;
  return `contacts: there is no party "${key}" in ${ruleSet.id}.${partySuggestion(ruleSet.parties, key)}`;
}
