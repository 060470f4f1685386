import { isoUtc } from '../dates/calendar-date.js';
import { ID_PATTERN, textProblem } from '../text/text-rules.js';
import type { DoneRecord } from './inspection-record.js';
import type { CancelReason, EventContent, IssuedEvent } from './issues.js';

// The record of the fortnight as events: each change (an item done or undone, a deadline moved
// or moved back) is one
// small file, written once and never changed, and the state is a fold of them all in the
// order they were recorded. Pure: the CLI reads and writes the files (src/io/progress-folder.ts),
// and the web page could do the same from a folder it is given.

/** What one event file holds. */
export interface ProgressEvent {
  /** Unique, and the same for every copy of the file: its name when first written, without ".json". */
  id: string;
  type: EventType;
  /** The item's id. */
  item: string;
  /** Only this agency's part of the item; none: the whole item. */
  agency?: string;
  /** When it happened (--at), with its UTC offset; for undo, when it was taken back. */
  at: string;
  /** When it was recorded, in UTC: the order of the fold. */
  recorded: string;
  /** Who did it, or recorded it. */
  by?: string;
  /** Why, or anything worth saying. */
  note?: string;
  /** For an undo: the ids of the "done" events it takes back, as the record stood when it was made. */
  undoes?: string[];
  /** For a move: the new deadline, with its UTC offset. */
  to?: string;
  /** For an issue: the calendar's name (its file name) and its events as issued. */
  calendar?: string;
  /** For an issue: the notification date its events' UIDs hold. */
  notified?: string;
  issued?: IssuedEvent[];
}

/** What an event does: an item (or a part) done, a done taken back, a deadline moved, a move taken back, a calendar issued (its item is the calendar's id). */
export type EventType = 'done' | 'undo' | 'move' | 'move-back' | 'issue';
const EVENT_TYPES: readonly string[] = ['done', 'undo', 'move', 'move-back', 'issue'] satisfies EventType[];

/** A deadline agreed with the lead inspector, as the record holds it. */
export interface MoveRecord {
  /** The new deadline, with its UTC offset. */
  to: string;
  /** Why (the event's note): "agreed with the lead inspector". */
  why: string;
  by: string | null;
  /** When it was agreed (the event's "at"), with its UTC offset. */
  at: string;
  event: string;
}

/** The longest "by" and "note" an event holds: enough for a name and a paragraph. */
export const MAX_BY = 200;
export const MAX_NOTE = 4000;

const FORMAT = 'jtai-progress-event/1';
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An event file's name, unique by time, host, process and randomness, and sorting by time:
 * eventName(Date.UTC(2019, 2, 20, 14, 10), "laptop", 42, "a1b2c3d4") is
 * "20190320T141000000Z-laptop-42-a1b2c3d4".
 */
export function eventName(recordedMs: number, host: string, pid: number, random: string): string {
  const stamp = isoUtc(recordedMs).replace(/[-:.]/g, '');
  const safeHost =
    host
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'host';
  return `${stamp}-${safeHost}-${pid}-${random}`;
}

/** An event as its file's text: one JSON object, its keys in a fixed order. */
export function eventText(e: ProgressEvent): string {
  const { id, type, item, agency, at, recorded, by, note, undoes, to, calendar, notified, issued } = e;
  return `${JSON.stringify({ format: FORMAT, id, type, item, ...(agency && { agency }), at, ...(to && { to }), recorded, ...(by && { by }), ...(note && { note }), ...(undoes && { undoes }), ...(calendar && { calendar }), ...(notified && { notified }), ...(issued && { issued }) }, null, 2)}\n`;
}

// Date.parse takes "2019-02-30" as 2 March: the date must read back as written.
function isRealInstant(text: string): boolean {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return false;
  const offset = text.endsWith('Z')
    ? 0
    : (text.at(-6) === '-' ? -1 : 1) * (Number(text.slice(-5, -3)) * 60 + Number(text.slice(-2)));
  return isoUtc(ms + offset * 60_000).slice(0, 19) === text.slice(0, 19);
}

function textField(value: unknown, name: string, kind: 'line' | 'text', max: number): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`"${name}" is not text`);
  const problem = textProblem(value, kind);
  if (problem) throw new Error(`"${name}" ${problem}`);
  if (value.length > max) throw new Error(`"${name}" is longer than ${max} characters`);
  return value;
}

function checkedEvent(data: Record<string, unknown>): ProgressEvent {
  if (data.format !== FORMAT)
    throw new Error(
      `it is not a jtai progress event (format ${JSON.stringify(data.format ?? null)}, expected "${FORMAT}")`,
    );
  const { id, type, item, agency, at, recorded, to } = data;
  if (typeof id !== 'string' || !/^[\w.-]{1,120}$/.test(id)) throw new Error('its "id" is missing or not a name');
  if (typeof type !== 'string' || !EVENT_TYPES.includes(type))
    throw new Error(
      `its "type" is ${JSON.stringify(type ?? null)}, not one of ${EVENT_TYPES.map((t) => `"${t}"`).join(', ')} (written by a newer jtai?)`,
    );
  if (typeof item !== 'string' || !ID_PATTERN.test(item)) throw new Error('its "item" is missing or not an id');
  if (agency !== undefined && (typeof agency !== 'string' || !ID_PATTERN.test(agency)))
    throw new Error('its "agency" is not an id');
  for (const [name, value] of [
    ['at', at],
    ['recorded', recorded],
  ] as const) {
    if (typeof value !== 'string' || !INSTANT.test(value) || !isRealInstant(value))
      throw new Error(`its "${name}" is not a date and time with its offset`);
  }
  if (
    (type === 'move') !== (to !== undefined) ||
    (to !== undefined && (typeof to !== 'string' || !INSTANT.test(to) || !isRealInstant(to)))
  )
    throw new Error('its "to" is not the date and time with its offset that a move (and only a move) has');
  if (type === 'move' && data.note === undefined) throw new Error('it is a move without the "note" that says why');
  const by = textField(data.by, 'by', 'line', MAX_BY);
  const note = textField(data.note, 'note', 'text', MAX_NOTE);
  const undoes = data.undoes;
  if (
    undoes !== undefined &&
    (type === 'done' ||
      !Array.isArray(undoes) ||
      !undoes.every((u) => typeof u === 'string' && /^[\w.-]{1,120}$/.test(u)))
  )
    throw new Error('its "undoes" is not a list of event ids of an undo or a move');
  const issue = type === 'issue' ? checkedIssue(data) : undefined;
  return {
    id,
    type: type as EventType,
    item,
    ...(agency !== undefined && { agency: agency as string }),
    at: at as string,
    recorded: recorded as string,
    ...(by && { by }),
    ...(note && { note }),
    ...(undoes !== undefined && { undoes: undoes as string[] }),
    ...(to !== undefined && { to: to as string }),
    ...issue,
  };
}

const MAX_ISSUED = 5000;

// An event's content fingerprints: the parts jtai knows, each 8 hex digits; a part a later jtai
// may add is allowed, and compared only by the jtai that knows it.
function isEventContent(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length <= 20 &&
    entries.every(([k, v]) => /^[a-z]{1,20}$/.test(k) && typeof v === 'string' && /^[0-9a-f]{8}$/.test(v))
  );
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (value: unknown): value is string => typeof value === 'string' && DATE.test(value);

// Why an issued event was cancelled, as jtai writes it.
function isCancelReason(value: unknown): value is CancelReason {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const r = value as Record<string, unknown>;
  if (r.kind === 'removed') return Object.keys(r).length === 1;
  if (r.kind === 'notified') return Object.keys(r).length === 2 && isDate(r.notified);
  return (
    r.kind === 'reassigned' &&
    Object.keys(r).length === 2 &&
    Array.isArray(r.to) &&
    r.to.length <= 100 &&
    r.to.every((name) => typeof name === 'string' && textField(name, 'to', 'line', MAX_BY) !== undefined)
  );
}

// An issue's calendar name and events, each checked as strictly as any other field.
function checkedIssue(data: Record<string, unknown>): { calendar: string; notified?: string; issued: IssuedEvent[] } {
  const calendar = textField(data.calendar, 'calendar', 'line', 255);
  const issued = data.issued;
  if (calendar === undefined || !Array.isArray(issued) || issued.length > MAX_ISSUED)
    throw new Error(`it is an issue without its "calendar" and its "issued" list (at most ${MAX_ISSUED} events)`);
  if (data.notified !== undefined && !isDate(data.notified)) throw new Error('its "notified" is not a date');
  const events = issued.map((e: unknown): IssuedEvent => {
    const r = (e ?? {}) as Record<string, unknown>;
    const ok =
      typeof r.item === 'string' &&
      ID_PATTERN.test(r.item) &&
      typeof r.date === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(r.date) &&
      (r.due === null || (typeof r.due === 'string' && INSTANT.test(r.due) && isRealInstant(r.due))) &&
      Number.isInteger(r.sequence) &&
      (r.sequence as number) >= 0 &&
      (r.sequence as number) <= 2_147_483_647 &&
      (r.cancelled === undefined || r.cancelled === true) &&
      (r.why === undefined || (r.cancelled === true && isCancelReason(r.why))) &&
      (r.notified === undefined || isDate(r.notified)) &&
      (r.content === undefined || isEventContent(r.content));
    if (!ok) throw new Error('one of its "issued" events is not an item, a date, a deadline and a sequence');
    const title = textField(r.title, 'title', 'line', MAX_NOTE)!;
    return {
      item: r.item as string,
      title,
      date: r.date as string,
      due: r.due as string | null,
      sequence: r.sequence as number,
      ...(r.cancelled === true && { cancelled: true }),
      ...(r.why !== undefined && { why: r.why as CancelReason }),
      ...(r.notified !== undefined && { notified: r.notified as string }),
      ...(r.content !== undefined && { content: r.content as EventContent }),
    };
  });
  return { calendar, ...(data.notified !== undefined && { notified: data.notified as string }), issued: events };
}

/**
 * Reads an event file's text, or says what is wrong with it:
 * readEvent('{"format":"jtai-progress-event/1", ...}').event.type is "done".
 */
export function readEvent(text: string): { event: ProgressEvent } | { problem: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    if (text.trim() === '') return { problem: 'it is empty (a copy or a sync not finished?)' };
    return { problem: 'it is not JSON (damaged, or not written by jtai)' };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { problem: 'it is not a JSON object' };
  try {
    return { event: checkedEvent(data as Record<string, unknown>) };
  } catch (e) {
    return { problem: (e as Error).message };
  }
}

/**
 * The events in the order they count, each once however many copies a sync tool made of its
 * file: by when recorded, then by id, so every machine folds alike. sortEvents([b, a, a]) is
 * [a, b] when a was recorded first.
 */
export function sortEvents(events: readonly ProgressEvent[]): ProgressEvent[] {
  const unique = new Map<string, ProgressEvent>();
  for (const e of events) if (!unique.has(e.id)) unique.set(e.id, e); // the first copy, in file-name order
  // Each time read once, not at each comparison (a folder of 2,000 events made 44,000 reads).
  const keyed = [...unique.values()].map((e) => ({ e, ms: Date.parse(e.recorded) }));
  keyed.sort((a, b) => a.ms - b.ms || (a.e.id < b.e.id ? -1 : a.e.id > b.e.id ? 1 : 0));
  return keyed.map((k) => k.e);
}

/**
 * What has been done, by item id, as the fold of every event: a "done" adds a record (of the
 * whole item, or one agency's part); an "undo" takes back the "done" events it names, whoever's
 * clock ran fast, or (written without names) the item's records made before it, all of them or
 * that agency's part. foldEvents([done(a), undo(a)]) is {}.
 */
export function foldEvents(
  events: readonly ProgressEvent[],
  sorted: readonly ProgressEvent[] = sortEvents(events), // given when already sorted (foldRecord)
): Record<string, DoneRecord[]> {
  // An undo takes back only records of its own item, whatever ids it names.
  const named = new Set(
    sorted.flatMap((e) => (e.type === 'undo' ? (e.undoes ?? []).map((id) => `${e.item} ${id}`) : [])),
  );
  const state = new Map<string, ProgressEvent[]>();
  for (const e of sorted) {
    const done = state.get(e.item) ?? [];
    if (e.type === 'done') {
      if (named.has(`${e.item} ${e.id}`)) continue;
      if (done.length === 0) state.set(e.item, done); // each item's list grows in place: no copy per record
      done.push(e);
    } else if (e.type === 'undo' && e.undoes === undefined) {
      const kept = e.agency === undefined ? [] : done.filter((d) => d.agency !== e.agency);
      if (kept.length > 0) state.set(e.item, kept);
      else state.delete(e.item);
    }
  }
  const recordOf = (e: ProgressEvent): DoneRecord => ({
    done: e.at,
    ...(e.by && { by: e.by }),
    ...(e.agency && { agency: e.agency }),
    ...(e.note && { note: e.note }),
    event: e.id,
  });
  return Object.fromEntries(
    [...state].filter(([, done]) => done.length > 0).map(([item, done]) => [item, done.map(recordOf)]),
  );
}

/**
 * The deadlines moved, by item id, as the fold of every event: a "move" or "move-back" names
 * (undoes) the move it replaces, so that it counts whichever computer's clock ran fast; of the
 * moves of an item that nothing replaces, the last recorded counts, and none after a move-back:
 * foldMoves([move(a, to 10:00)]).a.to is the 10:00 instant.
 */
export function foldMoves(
  events: readonly ProgressEvent[],
  sorted: readonly ProgressEvent[] = sortEvents(events), // given when already sorted (foldRecord)
): Record<string, MoveRecord> {
  const replaced = new Set(
    sorted.flatMap((e) =>
      e.type === 'move' || e.type === 'move-back' ? (e.undoes ?? []).map((id) => `${e.item} ${id}`) : [],
    ),
  );
  const moves = new Map<string, MoveRecord>();
  for (const e of sorted) {
    if (replaced.has(`${e.item} ${e.id}`)) continue;
    if (e.type === 'move') moves.set(e.item, { to: e.to!, why: e.note!, by: e.by ?? null, at: e.at, event: e.id });
    else if (e.type === 'move-back') moves.delete(e.item);
  }
  return Object.fromEntries(moves);
}

/**
 * Events with one id whose files say different things (a file edited, or two copies that a
 * sync tool kept apart): differingCopies([a, a']) is [a.id] when a and a' differ.
 */
export function differingCopies(events: readonly ProgressEvent[]): string[] {
  const first = new Map<string, string>();
  const differ = new Set<string>();
  // Only an id held by more than one file is compared, each file's event written out once.
  const count = new Map<string, number>();
  for (const e of events) count.set(e.id, (count.get(e.id) ?? 0) + 1);
  for (const e of events) {
    if (count.get(e.id) === 1) continue;
    const text = eventText(e);
    const seen = first.get(e.id);
    if (seen === undefined) first.set(e.id, text);
    else if (seen !== text) differ.add(e.id);
  }
  return [...differ];
}

/**
 * An inspection file's "progress:" map, as written by jtai before the record was kept as
 * events, read as "done" events recorded when each was done: legacyEvents({ a: [{ done }] })[0].id
 * is "legacy-a-0".
 */
export function legacyEvents(progress: Readonly<Record<string, readonly DoneRecord[]>>): ProgressEvent[] {
  return Object.entries(progress).flatMap(([item, records]) =>
    records.map((r, i) => ({
      id: `legacy-${item}-${i}`,
      type: 'done' as const,
      item,
      ...(r.agency && { agency: r.agency }),
      at: r.done,
      recorded: isoUtc(Date.parse(r.done)),
      ...(r.by && { by: r.by }),
      ...(r.note && { note: r.note }),
    })),
  );
}
