import type { SourcePosition } from '../errors.js';

// Merging a rule set that "extends" another onto its base, as written (before the schema
// check), while remembering which file each part came from for error positions.

type Data = Record<string, unknown>;
type Path = ReadonlyArray<string | number>;

/** Rule-set data as written, and where each part of it is written. */
export interface Layer {
  data: Data;
  positionOf(path: Path, key?: string): SourcePosition;
}

const KEYED = ['times', 'parties'] as const; // merged entry by entry
const LISTED = ['closures', 'notes'] as const; // the overlay's entries are added

function isRecord(value: unknown): value is Data {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function itemsOf(data: Data): Data[] {
  return Array.isArray(data.items) ? (data.items as Data[]) : [];
}

/**
 * The base with the overlay applied: keyed sections merged by id, lists added to, items
 * replaced field by field or appended, "remove" dropping base items (and mentions of them in
 * "after"). The overlay has passed
 * its own schema check, so its sections have the right shapes.
 */
export function mergeLayers(base: Layer, overlay: Layer): Layer {
  const o = overlay.data;
  const removed = new Set((o.remove as string[] | undefined) ?? []);
  const merged: Data = { ...base.data };
  for (const [key, value] of Object.entries(o)) {
    if (key === 'extends' || key === 'remove' || key === 'items') continue;
    if ((KEYED as readonly string[]).includes(key) && isRecord(base.data[key])) merged[key] = { ...(base.data[key] as Data), ...(value as Data) };
    else if ((LISTED as readonly string[]).includes(key) && Array.isArray(base.data[key])) merged[key] = [...(base.data[key] as unknown[]), ...(value as unknown[])];
    else if (key === 'notification' && isRecord(base.data[key])) merged[key] = { ...(base.data[key] as Data), ...(value as Data) };
    else merged[key] = value;
  }

  // Where each merged item comes from: its index in the base, in the overlay, or both.
  const origins: Array<{ base?: number; overlay?: number }> = [];
  const items: Data[] = [];
  const overlayItems = itemsOf(o);
  const overlayIndex = new Map(overlayItems.map((item, i) => [item.id, i]));
  itemsOf(base.data).forEach((item, i) => {
    if (removed.has(item.id as string)) return;
    const j = overlayIndex.get(item.id);
    items.push(j === undefined ? item : { ...item, ...overlayItems[j] });
    origins.push(j === undefined ? { base: i } : { base: i, overlay: j });
  });
  const baseIds = new Set(itemsOf(base.data).map((item) => item.id));
  overlayItems.forEach((item, j) => {
    if (baseIds.has(item.id)) return;
    items.push(item);
    origins.push({ overlay: j });
  });
  // A removed item is also dropped from the "after" lists that name it.
  merged.items = items.map((item) =>
    Array.isArray(item.after) && item.after.some((id) => removed.has(id as string))
      ? { ...item, after: item.after.filter((id) => !removed.has(id as string)) }
      : item,
  );

  const positionOf = (path: Path, key?: string): SourcePosition => {
    const [top, index, field, ...rest] = path;
    if (top === 'items' && typeof index === 'number' && origins[index]) {
      const from = origins[index]!;
      const inOverlay = from.overlay !== undefined && (field === undefined || field in overlayItems[from.overlay]!);
      if (inOverlay) return overlay.positionOf(['items', from.overlay!, ...(field === undefined ? [] : [field, ...rest])], key);
      return base.positionOf(['items', from.base!, ...(field === undefined ? [] : [field, ...rest])], key);
    }
    const fromOverlay = top === undefined || (typeof top === 'string' && top in o && !(isRecord(o[top]) && typeof index === 'string' && !(index in (o[top] as Data))));
    return fromOverlay ? overlay.positionOf(path, key) : base.positionOf(path, key);
  };
  return { data: merged, positionOf };
}
