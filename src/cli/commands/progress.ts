import { findParties, submittingParties } from '../../core/plan/agencies.js';
import { makeHolidayCalendar } from '../../core/dates/bank-holidays.js';
import { formatLongDate } from '../../core/dates/calendar-date.js';
import { readDate, readInstant } from '../../core/dates/date-input.js';
import { zonedInstant } from '../../core/dates/zone-rules.js';
import { instantIn, partiesOfItem } from '../../core/progress/progress.js';
import type { RuleSet } from '../../core/rule-set/rule-set.js';
import { computePlan, fitMessage, fitOf } from '../../core/plan/plan.js';
import { didYouMean } from '../../core/text/suggest.js';
import { zoneRulesFor } from '../../core/dates/zones.js';
import { InputError, UsageError } from '../../errors.js';
import {
  INSPECTION_FILE,
  type LoadedProgress,
  checkInspection,
  findInspection,
  loadInspection,
  loadProgress,
} from '../../io/inspection.js';
import { newEventId, recordEvent } from '../../io/progress-record.js';
import { MAX_BY, MAX_NOTE, type ProgressEvent } from '../../core/progress/events.js';
import { isCleanText } from '../../core/text/text-rules.js';
import { userInfo } from 'node:os';
import { loadRuleSet } from '../../io/load-rule-set.js';
import { writeNewFile } from '../../io/write-files.js';
import type { CliIo } from '../process-io.js';
import { londonToday, sourceDateEpoch } from './shared.js';

// jtai start, done and undo: the inspection file is written, and progress recorded in it.

export interface StartOptions {
  notified?: string;
  rules?: string;
  area?: string;
  out: string;
  /** The timetable has been checked against the notification letter: recorded with who (the account) and today. */
  letterChecked?: boolean;
}

/** jtai start: writes the inspection file (never over one). */
export async function runStart(options: StartOptions, io: CliIo): Promise<void> {
  if (options.notified === undefined)
    throw new UsageError(
      '--notified is missing: give the day the area was notified, for example: jtai start --notified 2019-03-19 --area "My Area".',
    );
  const { date } = readDate('--notified', options.notified, londonToday());
  const { initialInspection } = await import('../../io/inspection-file.js');
  const rules = options.rules ?? 'jtai-2018';
  const ruleSet = await loadRuleSet(rules);
  const plan = computePlan(ruleSet, date, makeHolidayCalendar(ruleSet.closures), await zoneRulesFor(ruleSet.timezone)); // a date it cannot plan is refused now
  const parties = submittingParties(plan).map((p) => p.id);
  const by = options.letterChecked ? recorder(undefined) : undefined;
  const today = londonToday(sourceDateEpoch(io.env) ?? Date.now()); // SOURCE_DATE_EPOCH: the same file every run
  const letterChecked = options.letterChecked ? { ...(by && { by }), on: today } : undefined;
  const mayNotFit = fitOf(ruleSet.applies, date) !== 'within';
  await writeNewFile(
    options.out,
    initialInspection({
      ...(options.area && { area: options.area }),
      notified: date,
      rules,
      target: options.out,
      parties,
      mayNotFit,
      ...(letterChecked && { letterChecked }),
    }),
    'jtai start',
  );
  // A date the rule set may not fit: said once here, with where to record the letter check.
  const check =
    mayNotFit && !letterChecked
      ? `${fitMessage(ruleSet, date)} Once you have, set letterChecked in ${options.out}.\n`
      : '';
  io.writeErr(
    `jtai: wrote ${options.out} for the inspection notified on ${formatLongDate(date)}${options.area ? ` (${options.area})` : ''}, with ${ruleSet.id}.\n` +
      `From this folder: jtai plan, jtai next, jtai done ID, jtai status. Add contacts to it by hand.\n` +
      check,
  );
}

export interface DoneOptions {
  by?: string;
  at?: string;
  note?: string;
  agency?: string[];
  inspection?: string;
  force?: boolean;
  quiet?: boolean;
}

async function openInspection(options: DoneOptions, env: CliIo['env']) {
  const path = findInspection(options.inspection);
  if (!path)
    throw new InputError(
      `there is no ${INSPECTION_FILE} here to record progress in; write one with: jtai start --notified DATE --area NAME (or give --inspection FILE).`,
    );
  const loaded = await loadInspection(path, env);
  const ruleSet = await loadRuleSet(loaded.record.rules);
  await checkInspection(loaded, ruleSet);
  return { path, loaded, ruleSet, zone: await zoneRulesFor(ruleSet.timezone), record: loadProgress(loaded, env) };
}

/** Who records: --by, else the account's user name (an event always says who). */
function recorder(by: string | undefined): string | undefined {
  if (by !== undefined) return by;
  try {
    const name = userInfo().username;
    return name && isCleanText(name, 'line') ? name : undefined;
  } catch {
    return undefined;
  }
}

function checkSizes(options: DoneOptions): void {
  if (options.by !== undefined && options.by.length > MAX_BY)
    throw new UsageError(`--by is ${options.by.length} characters long; give a name of at most ${MAX_BY}.`);
  if (options.note !== undefined && options.note.length > MAX_NOTE)
    throw new UsageError(
      `--note is ${options.note.length} characters long; give at most ${MAX_NOTE} (the note says why; the documents themselves go to the inspectors).`,
    );
}

// The first event in a folder that an older jtai's "progress:" map stands beside: said once.
function sayIfFirst(record: LoadedProgress, path: string, say: (text: string) => void): void {
  if (record.events.some((e) => !e.id.startsWith('legacy-'))) return;
  if (record.events.length > 0)
    say(
      `the progress already in ${path} still counts; from now on each change is its own file in ${record.folder}, and ${path} is not written again.`,
    );
}

/** Item ids as typed (any case), every unknown one reported at once with what it may be. */
function itemsNamed(ruleSet: RuleSet, ids: readonly string[]) {
  const known = ruleSet.items.map((i) => i.id);
  const unknown = ids.filter((id) => !known.includes(id.trim().toLowerCase()));
  if (unknown.length > 0) {
    const said = unknown.map(
      (id) =>
        `"${id}"${didYouMean(id, known)
          .replace(/^ Did you mean/, ' (did you mean')
          .replace(/\?$/, '?)')}`,
    );
    throw new UsageError(`there is no item ${said.join(', ')} in ${ruleSet.id}. Its items are: ${known.join(', ')}.`);
  }
  return ids.map((id) => ruleSet.items.find((i) => i.id === id.trim().toLowerCase())!);
}

/** The parties each --agency means among those that must act on an item, each once. */
function partsOf(
  ruleSet: RuleSet,
  item: RuleSet['items'][number],
  agencies: readonly string[] | undefined,
): Array<string | undefined> {
  if (agencies === undefined || agencies.length === 0) return [undefined];
  const allowed = partiesOfItem(item.by, ruleSet.parties);
  const parts = agencies.flatMap((agency) => {
    const found = findParties(ruleSet.parties, agency)
      .map((p) => p.id)
      .filter((id) => allowed.has(id));
    if (found.length === 0) {
      const who = item.by.map((id) => ruleSet.parties[id]!.name).join(', ');
      throw new UsageError(
        `--agency "${agency}" is not one of the agencies that must act on "${item.id}" (${who}, and their members).`,
      );
    }
    return found;
  });
  return [...new Set(parts)];
}

/** Parts as people read them: "Police's and Health's parts of ". */
function partWords(ruleSet: RuleSet, parts: ReadonlyArray<string | undefined>): string {
  const names = parts.flatMap((p) => (p === undefined ? [] : [ruleSet.parties[p]?.name ?? p]));
  if (names.length === 0) return '';
  return `${names.length === 1 ? `${names[0]}'s part` : `${names.slice(0, -1).join("'s, ")}'s and ${names.at(-1)}'s parts`} of `;
}

// A time of delivery in the future, or before the inspection began, is a slip of the keyboard.
function checkWhen(at: number, nowMs: number, notifiedStart: number, typed: string, force: boolean | undefined): void {
  if (force) return;
  if (at > nowMs + 5 * 60_000)
    throw new UsageError(
      `--at "${typed}" is in the future; give the time it was done (or --force to record it all the same).`,
    );
  if (at < notifiedStart)
    throw new UsageError(
      `--at "${typed}" is before the day the area was notified; give the time it was done (or --force to record it all the same).`,
    );
}

/** jtai done: records items, or one agency's part of them, as done. */
export async function runDone(ids: string[], options: DoneOptions, io: CliIo): Promise<void> {
  checkSizes(options);
  const { path, loaded, ruleSet, zone, record } = await openInspection(options, io.env);
  const items = itemsNamed(ruleSet, ids);
  const parts = items.map((item) => ({ item, agencies: partsOf(ruleSet, item, options.agency) }));
  const say = (text: string) => void (!options.quiet && io.writeErr(`jtai: ${text}\n`));
  const notes: string[] = [];
  const nowMs = Date.now();
  const at = options.at === undefined ? nowMs : readInstant('--at', options.at, nowMs, zone, notes);
  if (options.at !== undefined)
    checkWhen(at, nowMs, Date.parse(zonedInstant(zone, loaded.record.notified, '00:00')), options.at, options.force);
  for (const note of notes) say(note);
  const done = instantIn(zone, at);
  const by = recorder(options.by);
  sayIfFirst(record, path, say);
  let order = 0; // the events of one command a millisecond apart, so that they fold and list in the order given
  for (const { item, agencies } of parts) {
    for (const agency of agencies) {
      const recorded = nowMs + order++;
      const event: ProgressEvent = {
        id: newEventId(recorded),
        type: 'done',
        item: item.id,
        ...(agency && { agency }),
        at: done,
        recorded: new Date(recorded).toISOString(),
        ...(by && { by }),
        ...(options.note && { note: options.note }),
      };
      recordEvent(record.folder, event, nowMs, path);
    }
  }
  const whose = partWords(ruleSet, parts[0]?.agencies ?? []);
  say(
    `recorded ${whose}${items.map((i) => i.id).join(', ')} as done at ${done.slice(0, 16).replace('T', ' ')}${by ? ` by ${by}` : ''}.`,
  );
}

/** jtai undo: takes back what jtai done recorded (all of an item, or one agency's part), as an event of its own. */
export async function runUndo(ids: string[], options: DoneOptions, io: CliIo): Promise<void> {
  checkSizes(options);
  const { path, ruleSet, zone, record } = await openInspection(options, io.env);
  const say = (text: string) => void (!options.quiet && io.writeErr(`jtai: ${text}\n`));
  // An item the rule set no longer has can still be taken back, if the record names it.
  const gone = ids.filter(
    (id) =>
      !ruleSet.items.some((i) => i.id === id.trim().toLowerCase()) &&
      Object.hasOwn(record.progress, id.trim().toLowerCase()),
  );
  const items = itemsNamed(
    ruleSet,
    ids.filter((id) => !gone.includes(id)),
  );
  const parts = [
    ...items.map((item) => ({ id: item.id, agencies: partsOf(ruleSet, item, options.agency) })),
    ...gone.map((id) => ({
      id: id.trim().toLowerCase(),
      agencies: options.agency?.length ? options.agency.map((a) => a.trim().toLowerCase()) : [undefined],
    })),
  ];
  const nowMs = Date.now();
  const by = recorder(options.by);
  const undone: string[] = [];
  const notDone: string[] = [];
  sayIfFirst(record, path, say);
  for (const { id, agencies } of parts) {
    const records = record.progress[id] ?? [];
    const taken = agencies.filter((agency) => records.some((r) => agency === undefined || r.agency === agency));
    (taken.length > 0 ? undone : notDone).push(id);
    for (const agency of taken) {
      // The undo names the records it takes back: it counts whatever any machine's clock says.
      const undoes = records
        .filter((r) => agency === undefined || r.agency === agency)
        .flatMap((r) => (r.event ? [r.event] : []));
      const event: ProgressEvent = {
        id: newEventId(nowMs),
        type: 'undo',
        item: id,
        ...(agency && { agency }),
        at: instantIn(zone, nowMs),
        recorded: new Date(nowMs).toISOString(),
        ...(by && { by }),
        ...(options.note && { note: options.note }),
        undoes,
      };
      recordEvent(record.folder, event, nowMs, path);
    }
  }
  const whose = partWords(ruleSet, parts[0]?.agencies ?? []);
  if (undone.length > 0)
    say(
      whose
        ? `took back ${whose}${undone.join(', ')}; the rest stands.`
        : `${undone.join(', ')} no longer marked done.`,
    );
  for (const id of notDone) {
    const whole = (record.progress[id] ?? []).find((r) => r.agency === undefined);
    say(
      whose && whole
        ? `${id} was recorded done as a whole (${whole.done.slice(0, 16).replace('T', ' ')}${whole.by ? ` by ${whole.by}` : ''}), not by parts; take it back whole with "jtai undo ${id}", then record the parts that were done.`
        : `${id} was not marked done${whose ? ` for ${whose.replace(/ of $/, '')}` : ''}; nothing to take back.`,
    );
  }
}
