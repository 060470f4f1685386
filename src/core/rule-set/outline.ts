import { isId, isRecord } from '../text/text-rules.js';

// What the cross-field checks read of a rule set, taken from the data as written even where
// its shape is wrong elsewhere. A value of the wrong type is left out (the schema reports it),
// so "every problem at once" holds: an unknown party is found beside a misspelt field.

type Data = Record<string, unknown>;

/** A name written in a list, with its index there: { index: 2, id: "police" }. */
export interface Ref {
  index: number;
  id: string;
}

export interface OutlineItem {
  /** The item's index in items. */
  index: number;
  id?: string;
  /** Hours and minutes after (or before) the item it is counted from, where given as numbers. */
  clockOffset: number;
  /** Whether each anchor field is given, whatever its type. */
  has: { day: boolean; week: boolean; weekday: boolean; from: boolean; offset: boolean; at: boolean };
  from?: string;
  week?: number;
  at?: string;
  by: Ref[];
  to?: string;
  after: Ref[];
}

/** A focus list: its parties, and each point's. */
export interface OutlineFocus {
  index: number;
  id?: string;
  parties: Ref[];
  points: Array<{ index: number; parties: Ref[] }>;
}

/** Where a document is named by id ("from"), and the id named. */
export interface OutlineCitation {
  path: ReadonlyArray<string | number>;
  id: string;
}

export interface RuleSetOutline {
  timezone?: string;
  /** Ids of the other documents quoted (valid ids only). */
  sources: Set<string>;
  focus: OutlineFocus[];
  citations: OutlineCitation[];
  /** Ids of the named times and of the parties: own keys that are valid ids only. */
  times: Set<string>;
  parties: Map<string, { members: Ref[] }>;
  items: OutlineItem[];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function refs(value: unknown): Ref[] {
  return Array.isArray(value) ? value.flatMap((id, index) => (typeof id === 'string' ? [{ index, id }] : [])) : [];
}

function idsOf(value: unknown): string[] {
  return isRecord(value) ? Object.keys(value).filter(isId) : [];
}

function outlineItem(value: unknown, index: number): OutlineItem | undefined {
  if (!isRecord(value)) return undefined;
  const week = value.week;
  return {
    index,
    ...(text(value.id) !== undefined && { id: text(value.id) }),
    clockOffset:
      (typeof value.hours === 'number' ? value.hours * 60 : 0) +
      (typeof value.minutes === 'number' ? value.minutes : 0),
    has: {
      day: value.day !== undefined,
      week: week !== undefined,
      weekday: value.weekday !== undefined,
      from: value.from !== undefined,
      offset: value.days !== undefined || value.hours !== undefined || value.minutes !== undefined,
      at: value.at !== undefined,
    },
    ...(text(value.from) !== undefined && { from: text(value.from) }),
    ...(typeof week === 'number' && { week }),
    ...(text(value.at) !== undefined && { at: text(value.at) }),
    by: refs(value.by),
    ...(text(value.to) !== undefined && { to: text(value.to) }),
    after: refs(value.after),
  };
}

function outlineFocus(value: unknown, index: number): OutlineFocus | undefined {
  if (!isRecord(value)) return undefined;
  const points = Array.isArray(value.points) ? value.points : [];
  return {
    index,
    ...(text(value.id) !== undefined && { id: text(value.id) }),
    parties: refs(value.parties),
    points: points.flatMap((p, i) => (isRecord(p) ? [{ index: i, parties: refs(p.parties) }] : [])),
  };
}

// Every place a document is named by id: a focus list's "from", and a quote's.
function citations(d: Data): OutlineCitation[] {
  const quote = (value: unknown, path: Array<string | number>): OutlineCitation[] =>
    isRecord(value) && text(value.from) !== undefined ? [{ path: [...path, 'from'], id: text(value.from)! }] : [];
  const inspection = isRecord(d.inspection) ? d.inspection : {};
  const applies = isRecord(d.applies) ? d.applies : {};
  const focus = Array.isArray(d.focus) ? d.focus : [];
  return [
    ...quote(inspection.themesSource, ['inspection', 'themesSource']),
    ...quote(inspection.inspectoratesSource, ['inspection', 'inspectoratesSource']),
    ...quote(applies.source, ['applies', 'source']),
    ...focus.flatMap((f, i) =>
      isRecord(f) && text(f.from) !== undefined ? [{ path: ['focus', i, 'from'], id: text(f.from)! }] : [],
    ),
  ];
}

/** The outline of rule-set data as written: outlineOf({ items: [{ id: "a", by: ["la", 3] }] }).items[0].by is [{ index: 0, id: "la" }]. */
export function outlineOf(data: unknown): RuleSetOutline {
  const d = isRecord(data) ? data : {};
  const parties = isRecord(d.parties) ? d.parties : {};
  return {
    ...(text(d.timezone) !== undefined && { timezone: text(d.timezone) }),
    times: new Set(idsOf(d.times)),
    parties: new Map(
      idsOf(parties).map((id) => [id, { members: refs(isRecord(parties[id]) ? parties[id].members : undefined) }]),
    ),
    items: Array.isArray(d.items) ? d.items.flatMap((item, i) => outlineItem(item, i) ?? []) : [],
    sources: new Set(idsOf(d.sources)),
    focus: Array.isArray(d.focus) ? d.focus.flatMap((f, i) => outlineFocus(f, i) ?? []) : [],
    citations: citations(d),
  };
}
