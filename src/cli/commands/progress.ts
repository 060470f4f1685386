import { findParties, normalName, partySuggestion, submittingParties } from '../../core/plan/agencies.js';
import { chasedOf } from '../../core/plan/chased.js';
import { makeHolidayCalendar } from '../../core/dates/bank-holidays.js';
import { formatLongDate, formatShortDateTime } from '../../core/dates/calendar-date.js';
import { localDateTime, readDate, readDeliveryTime } from '../../core/dates/date-input.js';
import { type ZoneRules, zonedInstant } from '../../core/dates/zone-rules.js';
import { instantIn, partiesOfItem } from '../../core/progress/progress.js';
import type { RuleSet } from '../../core/rule-set/rule-set.js';
import type { DoneRecord } from '../../core/progress/inspection-record.js';
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
import { doneEvent, undoEvent } from '../../core/progress/new-events.js';
import { MAX_BY, MAX_NOTE, type ProgressEvent } from '../../core/progress/events.js';
import { isCleanText } from '../../core/text/text-rules.js';
import { userInfo } from 'node:os';
import { loadRuleSet } from '../../io/load-rule-set.js';
import { writeNewFile } from '../../io/write-files.js';
import type { CliIo } from '../process-io.js';
import { londonToday, sourceDateEpoch } from './shared.js';
import { tellPossessive } from '../../render/words.js';

// jtai start, done and undo: the inspection file is written, and progress recorded in it.

export interface StartOptions {
  notified?: string;
  rules?: string;
  area?: string;
  out: string;
  /** The timetable has been checked against the notification letter: recorded with who (the account) and today. */
  letterChecked?: boolean;
  quiet?: boolean;
}

/** jtai start: writes the inspection file (never over one). */
export async function runStart(options: StartOptions, io: CliIo): Promise<void> {
  if (options.notified === undefined)
    throw new UsageError(
      '--notified is missing: give the day the area was notified, for example: jtai start --notified 2019-03-19 --area "My Area".',
    );
  const { date } = readDate('--notified', options.notified, () => londonToday());
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
  if (options.quiet) return;
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

/**
 * The inspection and its record, for recording in it; the record's warnings (a file skipped, a
 * record left behind by a renamed inspection file) said first, as status says them.
 */
export async function openInspection(options: DoneOptions, io: Pick<CliIo, 'env' | 'writeErr'>) {
  const { env } = io;
  const path = findInspection(options.inspection);
  if (!path)
    throw new InputError(
      `there is no ${INSPECTION_FILE} here to record progress in; write one with: jtai start --notified DATE --area NAME (or give --inspection FILE).`,
    );
  const loaded = await loadInspection(path, env);
  const ruleSet = await loadRuleSet(loaded.record.rules);
  await checkInspection(loaded, ruleSet);
  const record = loadProgress(loaded, env);
  if (!options.quiet) for (const problem of record.problems) io.writeErr(`jtai: warning: ${problem}\n`);
  return { path, loaded, ruleSet, zone: await zoneRulesFor(ruleSet.timezone), record };
}

/** Who records: --by, else the account's user name (an event always says who). */
export function recorder(by: string | undefined): string | undefined {
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
export function itemsNamed(ruleSet: RuleSet, ids: readonly string[]) {
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

/** A part to record or take back: one agency's (its id, and what was typed for it), or, with no agency, the whole item. */
interface Part {
  agency?: string;
  typed?: string;
}

/** The parties each --agency means among those that must act on an item, each once, with what was typed for it. */
function partsOf(ruleSet: RuleSet, item: RuleSet['items'][number], agencies: readonly string[] | undefined): Part[] {
  if (agencies === undefined || agencies.length === 0) return [{}];
  const allowed = partiesOfItem(item.by, ruleSet.parties);
  const owers = chasedOf(item.by, ruleSet.parties).map((c) => c.party.name);
  const parts = agencies.flatMap((typed) => {
    const named = findParties(ruleSet.parties, typed);
    if (named.length === 0)
      throw new UsageError(
        `--agency "${typed}" is not a party of ${ruleSet.id}.${partySuggestion(ruleSet.parties, typed)} "${item.id}" is owed by ${listed(owers)}.`,
      );
    const found = named.map((p) => p.id).filter((id) => allowed.has(id));
    if (found.length === 0) {
      const what = named.length === 1 && !sameWords(typed, named[0]!.name) ? ` (${named[0]!.name})` : '';
      throw new UsageError(
        `--agency "${typed}"${what} does not owe a part of "${item.id}": ${owers.length === 1 ? `only ${owers[0]} does` : `${listed(owers)} do`}; give ${owers.length === 1 ? 'that' : 'one of those'}, or leave --agency out to record it whole.`,
      );
    }
    // A name for several agencies ("probation": the NPS and the CRC) records none of them on a guess.
    if (found.length > 1)
      throw new UsageError(
        `--agency "${typed}" means ${listed(found.map((id) => nameOf(ruleSet, id)))}; give ${found.map((id) => `--agency ${id}`).join(', ')} for each that delivered.`,
      );
    return found.map((agency) => ({ agency, typed: typed.trim() }));
  });
  return parts.filter((part, i) => parts.findIndex((p) => p.agency === part.agency) === i);
}

const nameOf = (ruleSet: RuleSet, id: string) => ruleSet.parties[id]?.name ?? id;
const possessive = tellPossessive;
const listed = (words: readonly string[]) =>
  words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
// The same words, as names are compared: case, punctuation, apostrophes and a leading "the" aside.
const sameWords = (a: string, b: string) => normalName(a) === normalName(b);

/**
 * Whose parts, as the rule set names the agencies, with what was typed where that is another
 * name: partWords(ruleSet, [{ agency: "police", typed: "police" }, { agency: "health", typed: "nhs" }])
 * is 'Police's and Health's parts (you typed "nhs" for Health)'.
 */
export function partWords(ruleSet: RuleSet, parts: readonly Part[]): string {
  const named = parts.flatMap((p) => (p.agency === undefined ? [] : [{ agency: p.agency, typed: p.typed }]));
  const whose = `${listed(named.map((p) => possessive(nameOf(ruleSet, p.agency))))} part${named.length === 1 ? '' : 's'}`;
  const other = named.filter(
    (p) => p.typed !== undefined && !sameWords(p.typed, p.agency) && !sameWords(p.typed, nameOf(ruleSet, p.agency)),
  );
  const typed = [...new Set(other.map((p) => p.typed!))];
  if (typed.length === 0) return whose;
  if (typed.length === 1 && other.length === named.length) return `${whose} (you typed "${typed[0]}")`;
  const each = typed.map(
    (t) => `"${t}" for ${listed(other.filter((p) => p.typed === t).map((p) => nameOf(ruleSet, p.agency)))}`,
  );
  return `${whose} (you typed ${each.join(', ')})`;
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

/** When it was done: --at as people type it (a day told from today said back), checked; else now. */
function whenDone(options: DoneOptions, nowMs: number, zone: ZoneRules, notified: string, say: Say): number {
  if (options.at === undefined) return nowMs;
  const notes: string[] = [];
  const at = readDeliveryTime('--at', options.at, nowMs, zone, notes);
  for (const note of notes) say(note);
  checkWhen(at, nowMs, Date.parse(zonedInstant(zone, notified, '00:00')), options.at, options.force);
  return at;
}

type Say = (text: string) => void;
type Item = RuleSet['items'][number];

/** What already makes an item, or one agency's part of it, done: the records that count (the latest last) and whose they are. */
interface Standing {
  records: DoneRecord[];
  how: 'whole' | 'parts' | 'own' | 'group' | 'members';
}

const inOrder = (records: readonly DoneRecord[]) =>
  [...records].sort((a, b) => Date.parse(a.done) - Date.parse(b.done));

// A party's part is done when recorded, or when every member of the group has done its own (as status counts it).
function partRecords(
  records: readonly DoneRecord[],
  ruleSet: RuleSet,
  id: string,
  seen = new Set<string>(),
): DoneRecord[] | undefined {
  const own = records.filter((r) => r.agency === id);
  if (own.length > 0) return own;
  const members = (ruleSet.parties[id]?.members ?? []).filter((m) => !seen.has(m));
  const each = members.map((m) => partRecords(records, ruleSet, m, new Set([...seen, id])));
  return members.length > 0 && each.every((r) => r !== undefined) ? each.flatMap((r) => r ?? []) : undefined;
}

/**
 * Whether an item (no agency) or an agency's part of it is already done, and by what: the whole
 * item's record, every agency's part, the agency's own record, a group's it belongs to on this
 * item, or all its members'.
 */
function standingOf(ruleSet: RuleSet, item: Item, records: readonly DoneRecord[], agency?: string) {
  const found = (how: Standing['how'], counted: readonly DoneRecord[] | undefined): Standing | undefined =>
    counted && counted.length > 0 ? { records: inOrder(counted), how } : undefined;
  const whole = found(
    'whole',
    records.filter((r) => r.agency === undefined),
  );
  if (whole) return whole;
  if (agency === undefined) {
    const each = item.by.map((id) => partRecords(records, ruleSet, id));
    return each.every((r) => r !== undefined)
      ? found(
          'parts',
          each.flatMap((r) => r ?? []),
        )
      : undefined;
  }
  const group = [...partiesOfItem(item.by, ruleSet.parties)].find(
    (g) => g !== agency && partiesOfItem([g], ruleSet.parties).has(agency) && records.some((r) => r.agency === g),
  );
  return (
    found(
      'own',
      records.filter((r) => r.agency === agency),
    ) ??
    found(
      'group',
      records.filter((r) => group !== undefined && r.agency === group),
    ) ??
    found('members', partRecords(records, ruleSet, agency))
  );
}

/** When, in the zone's wall-clock time, and by whom: "Wed 20 Mar 2019 14:52 by Kim". */
function whenWho(record: DoneRecord, zone: ZoneRules): string {
  return `${formatShortDateTime(localDateTime(zone, Date.parse(record.done)))}${record.by ? ` by ${record.by}` : ''}`;
}

/** What is already done, and how to record it again; or, with --force, that it is recorded again. */
function alreadyDone(
  ruleSet: RuleSet,
  item: Item,
  parts: readonly Part[],
  standing: Standing,
  options: DoneOptions,
  zone: ZoneRules,
) {
  const when = whenWho(standing.records.at(-1)!, zone);
  const asked = parts.filter((p) => p.agency !== undefined);
  const whose = `${partWords(ruleSet, asked)} of ${item.id}`;
  const group = standing.records[0]!.agency;
  const said = {
    whole:
      asked.length === 0
        ? `${item.id} is already done (${when})`
        : `${item.id} is already done as a whole (${when}), ${partWords(ruleSet, asked)} with it`,
    parts: `${item.id} is already done: every agency recorded its part, the last on ${when}`,
    own: `${whose} is already done (${when})`,
    group: `${whose} is already done, with ${possessive(nameOf(ruleSet, group ?? ''))} part (${when})`,
    members: `${whose} is already done: each of its members recorded theirs, the last on ${when}`,
  }[standing.how];
  if (options.force) return `${said}; --force records it again, as a second delivery.`;
  const agencies =
    standing.how === 'whole' || standing.how === 'parts' ? [] : [...new Set(standing.records.map((r) => r.agency!))];
  const undo = `jtai undo ${item.id}${agencies.map((a) => ` --agency ${a}`).join('')}`;
  const again =
    options.at === undefined
      ? 'To record a second delivery, add --force.'
      : `To change when it was done, take it back first (${undo}); to record a second delivery, add --force.`;
  return `${said}; nothing new was recorded. ${again}`;
}

/**
 * What of each item is to be recorded, and what is already done: said, and recorded again
 * only with --force (a second delivery: sent again, with what was missing).
 */
function sortOut(
  ruleSet: RuleSet,
  asked: ReadonlyArray<{ item: Item; parts: Part[] }>,
  record: LoadedProgress,
  options: DoneOptions,
  zone: ZoneRules,
) {
  const todo: Array<{ item: Item; parts: Part[] }> = [];
  const said: string[] = [];
  for (const { item, parts } of asked) {
    const records = record.progress[item.id] ?? [];
    const whole = standingOf(ruleSet, item, records);
    if (whole?.how === 'whole') {
      said.push(alreadyDone(ruleSet, item, parts, whole, options, zone));
      if (options.force) todo.push({ item, parts });
      continue;
    }
    const fresh = parts.filter((part) => {
      const standing = standingOf(ruleSet, item, records, part.agency);
      if (standing) said.push(alreadyDone(ruleSet, item, [part], standing, options, zone));
      return standing === undefined || options.force;
    });
    if (fresh.length > 0) todo.push({ item, parts: fresh });
  }
  return { todo, said };
}

/** jtai done: records items, or one agency's part of them, as done; what is already done is said, not recorded twice. */
export async function runDone(ids: string[], options: DoneOptions, io: CliIo): Promise<void> {
  checkSizes(options);
  const { path, loaded, ruleSet, zone, record } = await openInspection(options, io);
  const items = itemsNamed(ruleSet, ids).filter((item, i, all) => all.indexOf(item) === i);
  const asked = items.map((item) => ({ item, parts: partsOf(ruleSet, item, options.agency) }));
  const say = (text: string) => void (!options.quiet && io.writeErr(`jtai: ${text}\n`));
  const nowMs = Date.now();
  const done = instantIn(zone, whenDone(options, nowMs, zone, loaded.record.notified, say));
  const by = recorder(options.by);
  const { todo, said } = sortOut(ruleSet, asked, record, options, zone);
  if (todo.length > 0) sayIfFirst(record, path, say);
  let order = 0; // the events of one command a millisecond apart, so that they fold and list in the order given
  const events = todo.flatMap(({ item, parts }) =>
    parts.map(({ agency }): ProgressEvent => {
      const recordedMs = nowMs + order++;
      return doneEvent({
        id: newEventId(recordedMs),
        recordedMs,
        item: item.id,
        agency,
        at: done,
        by,
        note: options.note,
      });
    }),
  );
  recordAll(ruleSet, record.folder, events, nowMs, path);
  // One sentence for the items whose parts were named alike (usually all of them).
  const alike = new Map<string, { ids: string[]; parts: Part[] }>();
  for (const { item, parts } of todo) {
    const key = JSON.stringify(parts);
    alike.set(key, { ids: [...(alike.get(key)?.ids ?? []), item.id], parts });
  }
  for (const { ids: recorded, parts } of alike.values()) {
    const whose = parts[0]?.agency === undefined ? '' : `${partWords(ruleSet, parts)} of `;
    // Done whole, an item several agencies owe is done for each of them: said, so that a part is not recorded as all.
    const shared = whose
      ? []
      : recorded.filter((id) => chasedOf(ruleSet.items.find((i) => i.id === id)!.by, ruleSet.parties).length > 1);
    const forAll =
      shared.length > 0
        ? ` That is every agency's part of ${listed(shared)}; for one agency's part, take it back with "jtai undo ${shared[0]}" and give --agency.`
        : '';
    say(
      `recorded ${whose}${recorded.join(', ')} as done at ${done.slice(0, 16).replace('T', ' ')}${by ? ` by ${by}` : ''}.${forAll}`,
    );
  }
  for (const text of said) say(text);
}

/** Why an agency's part of an item could not be taken back: not recorded, or counted through another record. */
function notTaken(
  ruleSet: RuleSet,
  item: Item | undefined,
  id: string,
  part: Part,
  records: readonly DoneRecord[],
  zone: ZoneRules,
): string {
  const whose = `${partWords(ruleSet, [part])} of ${id}`;
  const standing = item && standingOf(ruleSet, item, records, part.agency);
  const last = standing?.records.at(-1);
  if (standing?.how === 'group' && last)
    return `${whose} is not recorded on its own: it counts with ${possessive(nameOf(ruleSet, last.agency!))} part (${whenWho(last, zone)}); take that back with "jtai undo ${id} --agency ${last.agency}".`;
  if (standing?.how === 'members' && last)
    return `${whose} is not recorded on its own: each of its members recorded theirs; take back one of them, as in "jtai undo ${id} --agency ${last.agency}".`;
  return `${whose} is not recorded as done; nothing to take back.`;
}

/** What still stands of an item after parts of it are taken back: "; Police's part still stands". */
function stillStands(ruleSet: RuleSet, records: readonly DoneRecord[], taken: readonly Part[]): string {
  const others = [
    ...new Set(
      records.flatMap((r) => (r.agency === undefined || taken.some((p) => p.agency === r.agency) ? [] : [r.agency])),
    ),
  ];
  const whole = records.some((r) => r.agency === undefined);
  const standing = [
    ...(others.length > 0
      ? [`${listed(others.map((a) => possessive(nameOf(ruleSet, a))))} part${others.length === 1 ? '' : 's'}`]
      : []),
    ...(whole ? ['the record of the whole item'] : []),
  ];
  if (standing.length === 0) return '; it has no other part recorded';
  return ` only; ${listed(standing)} still stand${others.length + (whole ? 1 : 0) === 1 ? 's' : ''}`;
}

/**
 * Records events one by one; if one cannot be written (a full disk), says exactly which were
 * recorded before it and which were not, so that nobody has to guess.
 */
function recordAll(
  ruleSet: RuleSet,
  folder: string,
  events: readonly ProgressEvent[],
  nowMs: number,
  like: string,
): void {
  const what = (e: ProgressEvent) => (e.agency ? `${e.item} (${nameOf(ruleSet, e.agency)})` : e.item);
  events.forEach((event, i) => {
    try {
      recordEvent(folder, event, nowMs, like);
    } catch (e) {
      if (!(e instanceof InputError) || i === 0) throw e;
      throw new InputError(
        `${e.message.replace(/; nothing was recorded\.$/, '')}. Recorded before that: ${listed(events.slice(0, i).map(what))}; not recorded: ${listed(events.slice(i).map(what))}.`,
      );
    }
  });
}

/** jtai undo: takes back what jtai done recorded (all of an item, or one agency's part), as an event of its own. */
export async function runUndo(ids: string[], options: DoneOptions, io: CliIo): Promise<void> {
  checkSizes(options);
  const { path, ruleSet, zone, record } = await openInspection(options, io);
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
  const asked: Array<{ id: string; item?: Item; parts: Part[] }> = [
    ...items.map((item) => ({ id: item.id, item, parts: partsOf(ruleSet, item, options.agency) })),
    ...gone.map((id) => ({
      id: id.trim().toLowerCase(),
      parts: options.agency?.length
        ? options.agency.map((a) => ({ agency: a.trim().toLowerCase(), typed: a.trim() }))
        : [{}],
    })),
  ].filter((a, i, all) => all.findIndex((b) => b.id === a.id) === i);
  const nowMs = Date.now();
  const by = recorder(options.by);
  const undone: string[] = [];
  const said: string[] = [];
  let order = 0;
  for (const { id, item, parts } of asked) {
    const records = record.progress[id] ?? [];
    const taken = parts.filter(({ agency }) => records.some((r) => agency === undefined || r.agency === agency));
    for (const { agency } of taken) {
      if (order === 0) sayIfFirst(record, path, say);
      const recordedMs = nowMs + order++;
      const event = undoEvent({
        id: newEventId(recordedMs),
        recordedMs,
        item: id,
        agency,
        at: instantIn(zone, nowMs),
        records,
        by,
        note: options.note,
      });
      recordEvent(record.folder, event, nowMs, path);
    }
    if (parts[0]?.agency === undefined) {
      if (taken.length > 0) undone.push(id);
      else said.push(`${id} was not marked done; nothing to take back.`);
      continue;
    }
    if (taken.length > 0)
      said.push(`took back ${partWords(ruleSet, taken)} of ${id}${stillStands(ruleSet, records, taken)}.`);
    const left = parts.filter((p) => !taken.includes(p));
    const whole = records.find((r) => r.agency === undefined);
    if (left.length > 0 && whole)
      said.push(
        `${id} was recorded done as a whole (${whole.done.slice(0, 16).replace('T', ' ')}${whole.by ? ` by ${whole.by}` : ''}), not by parts; take it back whole with "jtai undo ${id}", then record the parts that were done.`,
      );
    else for (const part of left) said.push(notTaken(ruleSet, item, id, part, records, zone));
  }
  if (undone.length > 0) say(`${undone.join(', ')} no longer marked done.`);
  for (const text of said) say(text);
}
