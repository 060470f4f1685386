import { findParties, submittingParties } from '../../core/plan/agencies.js';
import { makeHolidayCalendar } from '../../core/dates/bank-holidays.js';
import { formatLongDate } from '../../core/dates/calendar-date.js';
import { readDate, readInstant } from '../../core/dates/date-input.js';
import { instantIn, partiesOfItem } from '../../core/progress/progress.js';
import type { RuleSet } from '../../core/rule-set/rule-set.js';
import { computePlan } from '../../core/plan/plan.js';
import { didYouMean } from '../../core/text/suggest.js';
import { zoneRulesFor } from '../../core/dates/zones.js';
import { InputError, UsageError } from '../../errors.js';
import { INSPECTION_FILE, addDone, checkInspection, findInspection, initialInspection, readInspection, removeDone, updateInspection } from '../../io/inspection-file.js';
import { loadRuleSet } from '../../io/load-rule-set.js';
import { writeNewFile } from '../../io/write-files.js';
import type { CliIo } from '../process-io.js';
import { londonToday } from './shared.js';

// jtai start, done and undo: the inspection file is written, and progress recorded in it.

export interface StartOptions {
  notified?: string;
  rules?: string;
  area?: string;
  out: string;
}

/** jtai start: writes the inspection file (never over one). */
export async function runStart(options: StartOptions, io: CliIo): Promise<void> {
  if (options.notified === undefined) throw new UsageError('--notified is missing: give the day the area was notified, for example: jtai start --notified 2019-03-19 --area "My Area".');
  const { date } = readDate('--notified', options.notified, londonToday());
  const rules = options.rules ?? 'jtai-2018';
  const ruleSet = await loadRuleSet(rules);
  const plan = computePlan(ruleSet, date, makeHolidayCalendar(ruleSet.closures), await zoneRulesFor(ruleSet.timezone)); // a date it cannot plan is refused now
  const parties = submittingParties(plan).map((p) => p.id);
  await writeNewFile(options.out, initialInspection({ ...(options.area && { area: options.area }), notified: date, rules, target: options.out, parties }), 'jtai start');
  io.writeErr(
    `jtai: wrote ${options.out} for the inspection notified on ${formatLongDate(date)}${options.area ? ` (${options.area})` : ''}, with ${ruleSet.id}.\n` +
      `From this folder: jtai plan, jtai next, jtai done ID, jtai status. Add contacts to it by hand.\n`,
  );
}

export interface DoneOptions {
  by?: string;
  at?: string;
  note?: string;
  agency?: string;
  inspection?: string;
  quiet?: boolean;
}

async function openInspection(options: DoneOptions) {
  const path = findInspection(options.inspection);
  if (!path) throw new InputError(`there is no ${INSPECTION_FILE} here to record progress in; write one with: jtai start --notified DATE --area NAME (or give --inspection FILE).`);
  const loaded = readInspection(path);
  const ruleSet = await loadRuleSet(loaded.record.rules);
  checkInspection(loaded, ruleSet);
  return { path, loaded, ruleSet, zone: await zoneRulesFor(ruleSet.timezone) };
}

/** Item ids as typed (any case), every unknown one reported at once with what it may be. */
function itemsNamed(ruleSet: RuleSet, ids: readonly string[]) {
  const known = ruleSet.items.map((i) => i.id);
  const unknown = ids.filter((id) => !known.includes(id.trim().toLowerCase()));
  if (unknown.length > 0) {
    const said = unknown.map((id) => `"${id}"${didYouMean(id, known).replace(/^ Did you mean/, ' (did you mean').replace(/\?$/, '?)')}`);
    throw new UsageError(`there is no item ${said.join(', ')} in ${ruleSet.id}. Its items are: ${known.join(', ')}.`);
  }
  return ids.map((id) => ruleSet.items.find((i) => i.id === id.trim().toLowerCase())!);
}

/** The parties --agency means among those that must act on an item. */
function partsOf(ruleSet: RuleSet, item: RuleSet['items'][number], agency: string | undefined): Array<string | undefined> {
  if (agency === undefined) return [undefined];
  const named = findParties(ruleSet.parties, agency).map((p) => p.id);
  const allowed = partiesOfItem(item.by, ruleSet.parties);
  const parts = named.filter((id) => allowed.has(id));
  if (parts.length === 0) {
    const who = item.by.map((id) => ruleSet.parties[id]!.name).join(', ');
    throw new UsageError(`--agency "${agency}" is not one of the agencies that must act on "${item.id}" (${who}, and their members).`);
  }
  return parts;
}

/** jtai done: records items, or one agency's part of them, as done. */
export async function runDone(ids: string[], options: DoneOptions, io: CliIo): Promise<void> {
  const { path, ruleSet, zone } = await openInspection(options);
  const items = itemsNamed(ruleSet, ids);
  const parts = items.map((item) => ({ item, agencies: partsOf(ruleSet, item, options.agency) }));
  const say = (text: string) => void (!options.quiet && io.writeErr(`jtai: ${text}\n`));
  const notes: string[] = [];
  const at = options.at === undefined ? Date.now() : readInstant('--at', options.at, Date.now(), zone, notes);
  for (const note of notes) say(note);
  const done = instantIn(zone, at);
  await updateInspection(
    path,
    (doc) => {
      for (const { item, agencies } of parts) {
        for (const agency of agencies) {
          addDone(doc, item.id, { done, ...(options.by && { by: options.by }), ...(agency && { agency }), ...(options.note && { note: options.note }) });
        }
      }
    },
    say,
  );
  const whose = options.agency ? `${options.agency}'s part of ` : '';
  say(`recorded ${whose}${items.map((i) => i.id).join(', ')} as done at ${done.slice(0, 16).replace('T', ' ')}${options.by ? ` by ${options.by}` : ''}.`);
}

/** jtai undo: takes back what jtai done recorded (all of an item, or one agency's part). */
export async function runUndo(ids: string[], options: DoneOptions, io: CliIo): Promise<void> {
  const { path, ruleSet } = await openInspection(options);
  const items = itemsNamed(ruleSet, ids);
  const parts = items.map((item) => ({ item, agencies: options.agency === undefined ? [undefined] : partsOf(ruleSet, item, options.agency) }));
  const say = (text: string) => void (!options.quiet && io.writeErr(`jtai: ${text}\n`));
  const undone: string[] = [];
  const notDone: string[] = [];
  await updateInspection(
    path,
    (doc) => {
      for (const { item, agencies } of parts) {
        const removed = agencies.map((agency) => removeDone(doc, item.id, agency)).some(Boolean);
        (removed ? undone : notDone).push(item.id);
      }
    },
    say,
  );
  if (undone.length > 0) say(`${undone.join(', ')} no longer marked done.`);
  if (notDone.length > 0) say(`${notDone.join(', ')} ${notDone.length === 1 ? 'was' : 'were'} not marked done${options.agency ? ` for ${options.agency}` : ''}; nothing to take back.`);
}
