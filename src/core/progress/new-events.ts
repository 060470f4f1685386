import { isoUtc } from '../dates/calendar-date.js';
import type { DoneRecord } from './inspection-record.js';
import type { MoveRecord, ProgressEvent } from './events.js';

// The events jtai writes, made alike by the CLI (jtai done, undo, move) and the web page, so
// that either face reads what the other recorded. Each is given its id (unique: see eventName)
// and the moment it is recorded; "at" is a time with its UTC offset (instantIn).

/** What every new event is given. */
export interface NewEvent {
  id: string;
  /** When it is recorded (the order of the fold), in milliseconds. */
  recordedMs: number;
  by?: string | undefined;
  note?: string | undefined;
}

const common = (e: NewEvent) => ({
  id: e.id,
  recorded: isoUtc(e.recordedMs),
  ...(e.by && { by: e.by }),
  ...(e.note && { note: e.note }),
});

/**
 * An item (or one agency's part of it) done at a time: doneEvent({ id, recordedMs, item:
 * "children-list", agency: "police", at: "2019-03-19T16:40:00+00:00" }).type is "done".
 */
export function doneEvent(e: NewEvent & { item: string; agency?: string | undefined; at: string }): ProgressEvent {
  const { id, recorded, ...rest } = common(e);
  return { id, type: 'done', item: e.item, ...(e.agency && { agency: e.agency }), at: e.at, recorded, ...rest };
}

/**
 * Takes back what is recorded done of an item (all of it, or one agency's part), naming the
 * records it takes back so that it counts whatever any machine's clock says:
 * undoEvent({ ..., records: [{ done, event: "e1" }] }).undoes is ["e1"].
 */
export function undoEvent(
  e: NewEvent & { item: string; agency?: string | undefined; at: string; records: readonly DoneRecord[] },
): ProgressEvent {
  const undoes = e.records
    .filter((r) => e.agency === undefined || r.agency === e.agency)
    .flatMap((r) => (r.event ? [r.event] : []));
  const { id, recorded, ...rest } = common(e);
  return { id, type: 'undo', item: e.item, ...(e.agency && { agency: e.agency }), at: e.at, recorded, ...rest, undoes };
}

/**
 * A deadline moved with the lead inspector (note: why), naming the move it replaces:
 * moveEvent({ ..., item, at, to, note: "agreed", current }).undoes is [current.event].
 */
export function moveEvent(
  e: NewEvent & { item: string; at: string; to: string; note: string; current?: MoveRecord | undefined },
): ProgressEvent {
  const { id, recorded, ...rest } = common(e);
  return { id, type: 'move', item: e.item, at: e.at, to: e.to, recorded, ...rest, ...undoing(e.current) };
}

/** A move taken back: the deadline is the rule set's again. */
export function moveBackEvent(e: NewEvent & { item: string; at: string; current: MoveRecord }): ProgressEvent {
  const { id, recorded, ...rest } = common(e);
  return { id, type: 'move-back', item: e.item, at: e.at, recorded, ...rest, ...undoing(e.current) };
}

const undoing = (current: MoveRecord | undefined) => (current ? { undoes: [current.event] } : {});
