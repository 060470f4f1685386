import { findParties, partySuggestion } from '../../core/plan/agencies.js';
import { type ProgressEvent, sortEvents } from '../../core/progress/events.js';
import { partiesOfItem } from '../../core/progress/progress.js';
import type { RuleSet } from '../../core/rule-set/rule-set.js';
import { didYouMean } from '../../core/text/suggest.js';
import { InputError, UsageError } from '../../errors.js';
import { loadRuleSet } from '../../io/load-rule-set.js';
import { INSPECTION_FILE, findInspection, loadInspection, loadProgress } from '../../io/inspection.js';
import { displayName } from '../../io/read-rule-set-file.js';
import { renderLogJson, renderLogMarkdown, renderLogText } from '../../render/log.js';
import type { CliIo } from '../process-io.js';

export interface LogOptions {
  inspection?: string;
  item?: string;
  agency?: string;
  format: 'text' | 'json' | 'md';
}

function knownItem(typed: string, ruleSet: RuleSet, events: readonly ProgressEvent[]): string {
  const id = typed.trim().toLowerCase();
  const known = [...new Set([...ruleSet.items.map((i) => i.id), ...events.map((e) => e.item)])];
  if (!known.includes(id))
    throw new UsageError(
      `--item "${typed}" is not an item of ${ruleSet.id} or of the record.${didYouMean(id, known)} Its items are: ${ruleSet.items.map((i) => i.id).join(', ')}.`,
    );
  return id;
}

function knownAgency(typed: string, ruleSet: RuleSet): string {
  const found = findParties(ruleSet.parties, typed);
  if (found.length !== 1)
    throw new UsageError(
      found.length === 0
        ? `--agency "${typed}" is not a party of ${ruleSet.id}.${partySuggestion(ruleSet.parties, typed)} The parties are: ${Object.keys(ruleSet.parties).join(', ')}.`
        : `--agency "${typed}" names several parties of ${ruleSet.id} (${found.map((p) => p.id).join(', ')}); give one of those.`,
    );
  return found[0]!.id;
}

/** The groups a party belongs to, directly or through another group: groupsOf(r, "police") has "partner-agencies". */
function groupsOf(ruleSet: RuleSet, id: string): Set<string> {
  const found = new Set<string>();
  const visit = (p: string) => {
    for (const g of Object.values(ruleSet.parties))
      if (g.group && g.members.includes(p) && !found.has(g.id)) {
        found.add(g.id);
        visit(g.id);
      }
  };
  visit(id);
  return found;
}

function actsOn(ruleSet: RuleSet, itemId: string, agency: string): boolean {
  const item = ruleSet.items.find((i) => i.id === itemId);
  return item !== undefined && partiesOfItem(item.by, ruleSet.parties).has(agency);
}

/** jtai log: every event of the record, oldest first, as recorded (--item, --agency keep some). */
export async function runLog(options: LogOptions, io: CliIo): Promise<void> {
  const path = findInspection(options.inspection);
  if (!path)
    throw new InputError(
      `there is no ${INSPECTION_FILE} here; give --inspection FILE, or run jtai log in the folder of the inspection file.`,
    );
  const loaded = await loadInspection(path, io.env);
  const record = loadProgress(loaded, io.env);
  const ruleSet = await loadRuleSet(loaded.record.rules);
  const item = options.item === undefined ? undefined : knownItem(options.item, ruleSet, record.events);
  const agency = options.agency === undefined ? undefined : knownAgency(options.agency, ruleSet);
  // An agency's changes: its own parts, and the whole items it must act on (done or taken back whole).
  // An agency's changes: its own parts, those of a group it belongs to, and the whole items it must act on.
  const groups = agency === undefined ? new Set<string>() : groupsOf(ruleSet, agency);
  const concerns = (e: ProgressEvent) =>
    agency === undefined ||
    e.agency === agency ||
    (e.agency !== undefined && groups.has(e.agency) && actsOn(ruleSet, e.item, agency)) ||
    (e.agency === undefined && actsOn(ruleSet, e.item, agency));
  const events = sortEvents(record.events).filter((e) => (item === undefined || e.item === item) && concerns(e));
  const names = Object.fromEntries(Object.values(ruleSet.parties).map((p) => [p.id, p.name]));
  const view = {
    inspection: displayName(path),
    folder: displayName(record.folder),
    events,
    skipped: record.problems,
    names,
  };
  io.writeOut(
    options.format === 'json'
      ? renderLogJson(view)
      : options.format === 'md'
        ? renderLogMarkdown(view)
        : renderLogText(view),
  );
}
