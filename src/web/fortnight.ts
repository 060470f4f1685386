/// <reference lib="dom" />
import { makeHolidayCalendar } from '../core/dates/bank-holidays.js';
import { formatShortDateTime } from '../core/dates/calendar-date.js';
import { hasTimeOfDay, localDateTime, readDeliveryTime, readInstant } from '../core/dates/date-input.js';
import { zonedInstant } from '../core/dates/zone-rules.js';
import type { ZoneRules } from '../core/dates/zone-rules.js';
import { zoneRulesFor } from '../core/dates/zones.js';
import { computePlan } from '../core/plan/plan.js';
import { contactProblems, contactsByParty } from '../core/progress/contacts.js';
import { MAX_BY, MAX_NOTE, type ProgressEvent, eventName } from '../core/progress/events.js';
import { type FoldedRecord, eventsOfFiles, foldRecord, progressFolderName } from '../core/progress/folder.js';
import type { InspectionRecord } from '../core/progress/inspection-record.js';
import { doneEvent, moveBackEvent, moveEvent, undoEvent } from '../core/progress/new-events.js';
import { instantIn } from '../core/progress/progress.js';
import { type Tracked, trackInspection } from '../core/progress/track.js';
import type { RuleSet } from '../core/rule-set/rule-set.js';
import { textProblem } from '../core/text/text-rules.js';
import { JtaiError, RuleSetError, UnknownYearError, formatPosition } from '../errors.js';
import type { BuiltIn } from './data.js';
import type { OpenedFolder } from './folder.js';
import { openRuleSet } from './rule-sets.js';
import { foldIssues } from '../core/progress/issues.js';
import type { TrackedPlan } from '../core/progress/progress.js';
import { issueEvent, nextIssue } from '../render/calendar-issue.js';
import { renderChanges } from '../render/changes.js';
import { renderIcs } from '../render/ics.js';

// The fortnight in the page: an inspection folder opened, its plan with what is done (the same
// core as "jtai status"), and the events the page records into it (the same files "jtai done",
// "jtai undo" and "jtai move" write), so that the page and the CLI can never disagree.

/** An inspection folder, read and checked. */
export interface OpenInspection {
  folder: OpenedFolder;
  /** The inspection file, its contacts keyed by party id. */
  record: InspectionRecord;
  ruleSet: RuleSet;
  zone: ZoneRules;
  folded: FoldedRecord;
}

/** Every problem of an error, one a line, each where it is (file:line:column). */
export function problemLines(e: JtaiError): string[] {
  if (e instanceof RuleSetError) return e.problems.map((p) => `${formatPosition(e.file, p)}: ${p.message}`);
  // A sentence starts with a capital; a file name keeps its own.
  const first = e.message.split(' ', 1)[0]!;
  return [/[/.]/.test(first) ? e.message : `${e.message.charAt(0).toUpperCase()}${e.message.slice(1)}`];
}

async function ruleSetOf(
  record: InspectionRecord,
  folder: OpenedFolder,
  builtIns: readonly BuiltIn[],
): Promise<RuleSet> {
  const builtIn = builtIns.find((b) => b.id === record.rules);
  if (builtIn) return builtIn.ruleSet;
  // Named as the CLI takes it, relative to the inspection file: "anyshire.yaml" or "./anyshire.yaml".
  const text = await folder.readBeside(record.rules.replace(/^(\.\/)+/, ''));
  if (text === undefined)
    throw new JtaiError(
      `${folder.inspection.name} uses the rule set "${record.rules}", which is neither built in (${builtIns.map((b) => b.id).join(', ')}) nor a file beside it in "${folder.name}"; keep the rule-set file in the inspection folder.`,
    );
  const opened = await openRuleSet(text, `${folder.name}/${record.rules}`, builtIns);
  if (!opened.ruleSet) throw new JtaiError(opened.problems.join('\n'));
  return opened.ruleSet;
}

/** Reads an opened folder's inspection: its file, its rule set and its record, checked as the CLI checks them. */
export async function openInspection(folder: OpenedFolder, builtIns: readonly BuiltIn[]): Promise<OpenInspection> {
  const shown = `${folder.name}/${folder.inspection.name}`;
  // The parser (YAML and zod) only now: the first plan of the page needs neither.
  const { parseInspection } = await import('./checks.js');
  const { record, positionOf } = parseInspection(folder.inspection.text, shown);
  const ruleSet = await ruleSetOf(record, folder, builtIns);
  const keyed = contactsByParty(record, ruleSet);
  if ('wrong' in keyed) throw new RuleSetError(shown, contactProblems(keyed.wrong, positionOf), 'inspection file');
  const progress = `${folder.name}/${progressFolderName(folder.inspection.name)}`;
  const zone = await zoneRulesFor(ruleSet.timezone);
  try {
    computePlan(ruleSet, keyed.record.notified, makeHolidayCalendar(ruleSet.closures), zone);
  } catch (e) {
    if (!(e instanceof UnknownYearError)) throw e;
    throw new JtaiError(
      `${shown}: the notification date ${keyed.record.notified} ${e.year === Number(keyed.record.notified.slice(0, 4)) ? `is in ${e.year}` : `needs working days counted in ${e.year}`}, a year whose bank holidays jtai does not know (it knows ${e.firstYear} to ${e.lastYear}).`,
    );
  }
  return {
    folder,
    record: keyed.record,
    ruleSet,
    zone,
    folded: foldRecord(keyed.record.progress, eventsOfFiles(progress, folder.events), progress),
  };
}

/** The inspection's plan at a moment, with what is done and the record's warnings. */
export function trackedAt(open: OpenInspection, nowMs: number): Tracked {
  return trackInspection({
    ruleSet: open.ruleSet,
    notified: open.record.notified,
    calendar: makeHolidayCalendar(open.ruleSet.closures),
    zone: open.zone,
    record: open.record,
    folded: open.folded,
    nowMs,
    progress: true,
  });
}

/** What the person recording types: their name and a note, checked as the CLI checks --by and --note. */
export interface Said {
  by?: string;
  note?: string;
}

function checkSaid({ by, note }: Said): void {
  const name = by?.trim();
  // The CLI records the account's user name; the page knows none, and a record should say who made it.
  if (!name) throw new JtaiError('Enter your name, so that the record says who made it.');
  {
    const problem = textProblem(name, 'line');
    if (problem) throw new JtaiError(`Your name ${problem}.`);
    if (name.length > MAX_BY)
      throw new JtaiError(`Your name is ${name.length} characters long; give at most ${MAX_BY}.`);
  }
  if (note?.trim()) {
    const problem = textProblem(note, 'text');
    if (problem) throw new JtaiError(`The note ${problem}.`);
    if (note.length > MAX_NOTE)
      throw new JtaiError(`The note is ${note.length} characters long; give at most ${MAX_NOTE}.`);
  }
}

function randomHex(): string {
  return [...crypto.getRandomValues(new Uint8Array(4))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// A new event's id and the moment it is recorded: after every event the page has read,
// whatever this computer's clock says, so that what the page records lists after what it acted
// on; named like the CLI's (time, host, process, randomness), "web" for the page, 0 for its process.
function stamped(open: OpenInspection, nowMs: number): { id: string; recordedMs: number } {
  const last = open.folded.events.reduce((latest, e) => Math.max(latest, Date.parse(e.recorded) || 0), 0);
  const recordedMs = Math.max(nowMs, last + 1);
  return { id: eventName(recordedMs, 'web', 0, randomHex()), recordedMs };
}

// The core's messages name the field as the CLI names an option; in the page the field is beside them.
const plainly = (e: unknown, field: string): never => {
  if (e instanceof JtaiError) throw new JtaiError(e.message.replaceAll(`for example ${field} `, 'for example '));
  throw e;
};
const said = (s: Said) => ({
  ...(s.by?.trim() && { by: s.by.trim() }),
  ...(s.note?.trim() && { note: s.note.trim() }),
});

function itemOf(open: OpenInspection, id: string) {
  const item = open.ruleSet.items.find((i) => i.id === id);
  if (!item) throw new JtaiError(`there is no item "${id}" in ${open.ruleSet.id}.`);
  return item;
}

/**
 * An item, or one agency's part, done at a time typed as the CLI's --at takes it ("now",
 * "16:40", "yesterday 16:40"): not in the future, not before the notification.
 */
export function doneNow(
  open: OpenInspection,
  o: Said & { item: string; agency?: string; at: string },
  nowMs: number,
): ProgressEvent {
  checkSaid(o);
  itemOf(open, o.item);
  // As the CLI: what is already recorded is said, not recorded twice (a second delivery is the CLI's --force).
  const records = open.folded.progress[o.item] ?? [];
  const standing = records
    .filter((r) => r.agency === undefined || (o.agency !== undefined && r.agency === o.agency))
    .at(-1);
  if (standing) {
    const when = formatShortDateTime(localDateTime(open.zone, Date.parse(standing.done)));
    throw new JtaiError(
      `That is already recorded as done (${when}${standing.by ? ` by ${standing.by}` : ''}); nothing new was recorded. To change when, take it back first.`,
    );
  }
  let atMs: number;
  try {
    atMs = readDeliveryTime('When it was delivered', o.at || 'now', nowMs, open.zone);
  } catch (e) {
    return plainly(e, 'When it was delivered');
  }
  if (atMs > nowMs + 5 * 60_000) throw new JtaiError(`"${o.at}" is in the future; give the time it was delivered.`);
  if (atMs < Date.parse(zonedInstant(open.zone, open.record.notified, '00:00')))
    throw new JtaiError(`"${o.at}" is before the day the area was notified; give the time it was delivered.`);
  return doneEvent({
    ...stamped(open, nowMs),
    item: o.item,
    agency: o.agency,
    at: instantIn(open.zone, atMs),
    ...said(o),
  });
}

/** Takes back what is recorded done of an item (or of one agency's part); undefined if nothing is. */
export function undoNow(
  open: OpenInspection,
  o: Said & { item: string; agency?: string },
  nowMs: number,
): ProgressEvent | undefined {
  checkSaid(o);
  const all = open.folded.progress[o.item] ?? [];
  const records = all.filter((r) => o.agency === undefined || r.agency === o.agency);
  const whole = all.find((r) => r.agency === undefined);
  // As the CLI says: a part cannot be taken back from a record of the whole item.
  if (records.length === 0 && o.agency !== undefined && whole)
    throw new JtaiError(
      `It was recorded done as a whole (${formatShortDateTime(localDateTime(open.zone, Date.parse(whole.done)))}${whole.by ? ` by ${whole.by}` : ''}), not by parts; take it back whole ("The whole item"), then record the parts that were done.`,
    );
  if (records.length === 0) return undefined;
  return undoEvent({
    ...stamped(open, nowMs),
    item: o.item,
    agency: o.agency,
    at: instantIn(open.zone, nowMs),
    records,
    ...said(o),
  });
}

/** A deadline moved with the lead inspector, to a time as the CLI's --to takes it, with the reason; refused if the plan cannot be worked out with it. */
export function moveNow(open: OpenInspection, o: Said & { item: string; to: string }, nowMs: number): ProgressEvent {
  checkSaid(o);
  itemOf(open, o.item);
  if (!o.note?.trim())
    throw new JtaiError('Give the reason for the move (for example, "agreed with the lead inspector").');
  if (!o.to.trim()) throw new JtaiError('Give the new deadline, with its time (for example 22/03/2019 10:00).');
  if (!hasTimeOfDay(o.to))
    throw new JtaiError(
      `The new deadline "${o.to}" has no time of day; give it with its time, for example "${o.to.trim()} 10:00".`,
    );
  let to: string;
  try {
    to = instantIn(open.zone, readInstant('The new deadline', o.to, nowMs, open.zone));
  } catch (e) {
    return plainly(e, 'The new deadline');
  }
  const current = open.folded.moves[o.item];
  const others = Object.fromEntries(Object.entries(open.folded.moves).filter(([id]) => id !== o.item));
  const at = instantIn(open.zone, nowMs);
  try {
    computePlan(open.ruleSet, open.record.notified, makeHolidayCalendar(open.ruleSet.closures), open.zone, {
      ...others,
      [o.item]: { to, why: o.note, by: o.by ?? null, at },
    });
  } catch (e) {
    if (!(e instanceof JtaiError)) throw e;
    throw new JtaiError(`"${o.to}" cannot be planned: ${e.message}`);
  }
  return moveEvent({
    ...stamped(open, nowMs),
    item: o.item,
    at,
    to,
    current,
    ...said(o),
    note: o.note.trim(),
  });
}

/** A move taken back, the deadline the rule set's again; undefined if it was not moved. */
export function moveBackNow(
  open: OpenInspection,
  o: Said & { item: string },
  nowMs: number,
): ProgressEvent | undefined {
  checkSaid(o);
  const current = open.folded.moves[o.item];
  if (!current) return undefined;
  return moveBackEvent({
    ...stamped(open, nowMs),
    item: o.item,
    at: instantIn(open.zone, nowMs),
    current,
    ...said(o),
  });
}

/**
 * The inspection's calendar as the page downloads it with the folder open, issued as "jtai plan
 * --out NAME" issues it: what changed since NAME was last issued (from the CLI or a page), sent
 * as cancelled or with a higher SEQUENCE, and the event that records this issue.
 */
export function issueCalendar(
  open: OpenInspection,
  plan: TrackedPlan,
  name: string,
  version: string,
  nowMs: number,
): { text: string; event: ProgressEvent; summary: string } {
  const ics = { stamp: new Date(nowMs), remindMinutes: 60, version };
  const issue = nextIssue({
    last: foldIssues(open.folded.events),
    key: name,
    name,
    plan,
    whole: trackedAt(open, nowMs).plan.items,
    ics,
  });
  return {
    text: renderIcs(plan, { ...ics, ...issue.settings }),
    event: issueEvent(issue, { ...stamped(open, nowMs), at: instantIn(open.zone, nowMs) }),
    summary: renderChanges(name, issue.changes, issue.events.length, issue.whom).trim(),
  };
}
