import { isRecord } from '../text/text-rules.js';
import type { SourcePosition } from '../../errors.js';

// Merging a rule set that "extends" another onto its base, as written (before the schema
// check and before any default), while remembering where each part was written so that a
// problem is reported in the file, and at the path, where the user wrote it.

type Data = Record<string, unknown>;
export type Path = ReadonlyArray<string | number>;

/** Where a value was written: the path in that file and its file:line:column. */
export interface Written {
  path: Path;
  position: SourcePosition;
}

/** Rule-set data as written, and where each part of it is written. */
export interface Layer {
  data: Data;
  /** Where the value at a path of data (or its key, for an unknown field) was written. */
  locate(path: Path, key?: string): Written;
}

/** A layer of one file: its paths are its own. */
export function fileLayer(data: Data, positionOf: (path: Path, key?: string) => SourcePosition): Layer {
  return { data, locate: (path, key) => ({ path, position: positionOf(path, key) }) };
}

const OVERLAY_ONLY = new Set(['extends', 'remove']);
const LISTED = new Set(['closures', 'notes']); // the overlay's entries are added to the base's
const KEYED = new Set(['times', 'parties', 'sources']); // entries by id, each changed field by field
const FIELDS = new Set(['source', 'notification', 'inspection', 'applies']); // changed field by field

/** Sets a key as data, never as a prototype ("__proto__" stays an ordinary, reported key). */
function put(target: Data, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function has(data: unknown, key: string | number): boolean {
  return (isRecord(data) || Array.isArray(data)) && Object.hasOwn(data, key);
}

function get(data: unknown, key: string | number): unknown {
  return has(data, key) ? (data as Data)[key] : undefined;
}

/** How many leading steps of a path exist in data: depthOf({ a: { b: 1 } }, ["a", "c"]) is 1. */
function depthOf(data: unknown, path: Path): number {
  let node = data;
  for (const [n, key] of path.entries()) {
    if (!has(node, key)) return n;
    node = get(node, key);
  }
  return path.length;
}

/** A mapping without the fields set to null: in an overlay, null removes a field (as in JSON Merge Patch, RFC 7396). */
function withoutNulls(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const kept: Data = {};
  for (const [k, v] of Object.entries(value)) if (v !== null) put(kept, k, v);
  return kept;
}

/** Entries of a and b by key, b's fields laid over a's where both are mappings; a field b sets to null is removed. */
function overlayFields(a: unknown, b: unknown): unknown {
  if (!isRecord(a) || !isRecord(b)) return withoutNulls(b);
  const merged: Data = {};
  for (const [k, v] of Object.entries(a)) if (!(Object.hasOwn(b, k) && b[k] === null)) put(merged, k, v);
  for (const [k, v] of Object.entries(b)) if (v !== null) put(merged, k, v);
  return merged;
}

function mergeSection(key: string, base: unknown, over: unknown): unknown {
  if (LISTED.has(key) && Array.isArray(base) && Array.isArray(over)) return [...base, ...over];
  if (FIELDS.has(key)) return overlayFields(base, over);
  if (KEYED.has(key) && isRecord(base) && isRecord(over)) {
    const merged: Data = {};
    for (const [id, entry] of Object.entries(base)) put(merged, id, entry);
    for (const [id, entry] of Object.entries(over)) {
      if (entry === null) delete merged[id];
      else put(merged, id, has(base, id) ? overlayFields(base[id], entry) : withoutNulls(entry));
    }
    return merged;
  }
  return over;
}

/** Where each merged entry comes from: its index in the base list, in the overlay's, or both. */
type Origin = { base?: number; overlay?: number };

/**
 * Two lists of entries with ids merged: an overlay entry with a base id changes that entry
 * field by field (the first one does; any other is a new entry, and a duplicate id is then
 * reported); other overlay entries are added; base entries whose id is removed are left out.
 */
function mergeById(baseList: unknown, overList: unknown, removed: ReadonlySet<string> = new Set()) {
  const bases = Array.isArray(baseList) ? baseList : [];
  const overs = Array.isArray(overList) ? overList : [];
  const idOf = (entry: unknown) => (typeof get(entry, 'id') === 'string' ? (get(entry, 'id') as string) : undefined);
  const baseIds = new Set(bases.map(idOf));
  const changes = new Map<string, number>();
  overs.forEach((entry, j) => {
    const id = idOf(entry);
    if (id !== undefined && baseIds.has(id) && !removed.has(id) && !changes.has(id)) changes.set(id, j);
  });
  const list: unknown[] = [];
  const origins: Origin[] = [];
  bases.forEach((entry, i) => {
    const id = idOf(entry);
    if (id !== undefined && removed.has(id)) return;
    const j = id === undefined ? undefined : changes.get(id);
    list.push(j === undefined ? entry : overlayFields(entry, overs[j]));
    origins.push(j === undefined ? { base: i } : { base: i, overlay: j });
  });
  overs.forEach((entry, j) => {
    const id = idOf(entry);
    if (id !== undefined && changes.get(id) === j) return;
    if (id !== undefined && removed.has(id) && baseIds.has(id)) return; // reported by the caller
    list.push(withoutNulls(entry));
    origins.push({ overlay: j });
  });
  return { list, origins };
}

/** A removed item also leaves the "after" lists the base wrote (not those the overlay writes). */
function dropRemovedAfter(
  items: unknown[],
  origins: Origin[],
  overs: unknown,
  removed: ReadonlySet<string>,
): unknown[] {
  return items.map((item, k) => {
    const from = origins[k]!;
    const after = get(item, 'after');
    const overlayWroteIt = from.overlay !== undefined && has(get(overs, from.overlay), 'after');
    if (overlayWroteIt || !Array.isArray(after) || !after.some((a) => removed.has(a as string))) return item;
    return overlayFields(item, { after: after.filter((a) => !removed.has(a as string)) });
  });
}

const LISTS_BY_ID = ['items', 'focus'] as const; // lists of entries with ids, merged entry by entry

/**
 * The base with the overlay applied: every field the overlay gives changes that field and
 * nothing else, and a field it sets to null is removed. Items, named times and parties with a
 * base id change field by field; new ids add whole entries; closures and notes are added to;
 * "remove" drops base items (and the base's mentions of them in "after"). Shapes are not trusted: anything of an unexpected type
 * is carried through for the schema check to report where it was written.
 */
export function mergeLayers(base: Layer, overlay: Layer): Layer {
  const o = overlay.data;
  const removed = new Set(Array.isArray(o.remove) ? o.remove.filter((r): r is string => typeof r === 'string') : []);
  const merged: Data = {};
  for (const [key, value] of Object.entries(base.data)) put(merged, key, value);
  for (const [key, value] of Object.entries(o)) {
    if (OVERLAY_ONLY.has(key) || (LISTS_BY_ID as readonly string[]).includes(key)) continue;
    if (value === null) delete merged[key];
    else put(merged, key, has(base.data, key) ? mergeSection(key, base.data[key], value) : value);
  }
  const origins: Partial<Record<(typeof LISTS_BY_ID)[number], Origin[]>> = {};
  for (const key of LISTS_BY_ID) {
    if (!has(o, key) && !has(base.data, key)) continue;
    if (has(o, key) && !Array.isArray(o[key])) {
      put(merged, key, o[key]); // not a list: the schema check reports it where it is written
      continue;
    }
    const { list, origins: from } = mergeById(base.data[key], o[key], key === 'items' ? removed : undefined);
    put(merged, key, key === 'items' ? dropRemovedAfter(list, from, o.items, removed) : list);
    origins[key] = from;
  }

  const locate = (path: Path, key?: string): Written => {
    const full = key === undefined ? path : [...path, key];
    const [top, index, ...rest] = path;
    const listOrigins = typeof top === 'string' ? origins[top as (typeof LISTS_BY_ID)[number]] : undefined;
    if (listOrigins && typeof index === 'number' && listOrigins[index]) {
      const from = listOrigins[index]!;
      const field = full[2];
      const inOverlay =
        from.overlay !== undefined &&
        (from.base === undefined || field === undefined || has(get(o[top as string], from.overlay), field));
      return inOverlay
        ? overlay.locate([top as string, from.overlay!, ...rest], key)
        : base.locate([top as string, from.base!, ...rest], key);
    }
    if (
      typeof top === 'string' &&
      LISTED.has(top) &&
      typeof index === 'number' &&
      Array.isArray(base.data[top]) &&
      Array.isArray(o[top])
    ) {
      const n = (base.data[top] as unknown[]).length;
      return index < n ? base.locate(path, key) : overlay.locate([top, index - n, ...rest], key);
    }
    // Elsewhere the overlay's structure mirrors the merged one: the value is where it is
    // written; a missing one is reported where its nearest parent is written, the user's file first.
    return depthOf(o, full) >= depthOf(base.data, full) ? overlay.locate(path, key) : base.locate(path, key);
  };
  return { data: merged, locate };
}
