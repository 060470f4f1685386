import {
  ALL_DAY,
  type Anchor,
  type At,
  type FocusList,
  type Quote,
  type RuleItem,
  type RuleSet,
  type RuleSetFile,
} from './rule-set.js';

// Resolving a checked rule set: defaults applied, named times and quotes looked up.

function resolveAnchor(item: RuleSetFile['items'][number]): Anchor {
  if (item.from !== undefined)
    return { type: 'from', from: item.from, days: item.days ?? 0, hours: item.hours ?? 0, minutes: item.minutes ?? 0 };
  if (item.week !== undefined) return { type: 'week', week: item.week, weekday: item.weekday! };
  return { type: 'day', day: item.day!, ...(item.weekday && { weekday: item.weekday }) };
}

function resolveAt(at: string, times: ReadonlyMap<string, NonNullable<RuleSetFile['times']>[string]>): At {
  if (at === ALL_DAY) return { type: 'all-day' };
  const named = times.get(at);
  if (!named) return { type: 'clock', time: at };
  return { type: 'clock', time: named.time, name: at, label: named.label, ...(named.note && { note: named.note }) };
}

function resolveItem(
  item: RuleSetFile['items'][number],
  times: ReadonlyMap<string, NonNullable<RuleSetFile['times']>[string]>,
): RuleItem {
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    anchor: resolveAnchor(item),
    ...(item.at !== undefined && { at: resolveAt(item.at, times) }),
    by: item.by,
    ...(item.to !== undefined && { to: item.to }),
    details: item.details ?? [],
    source: item.source,
    ...(item.note !== undefined && { note: item.note }),
    after: item.after ?? [],
  };
}

type Written<K extends keyof RuleSetFile> = NonNullable<RuleSetFile[K]>;

function resolveQuote(q: string | { text: string; from: string } | undefined): Quote | undefined {
  if (q === undefined) return undefined;
  return typeof q === 'string' ? { text: q } : { text: q.text, from: q.from };
}

function resolveFocus(list: Written<'focus'>[number]): FocusList {
  return {
    id: list.id,
    heading: list.heading,
    ...(list.intro !== undefined && { intro: list.intro }),
    parties: list.parties ?? [],
    ...(list.from !== undefined && { from: list.from }),
    ...(list.note !== undefined && { note: list.note }),
    points: list.points.map((p) =>
      typeof p === 'string'
        ? { text: p, parties: [] }
        : { text: p.text, parties: p.parties ?? [], ...(p.note !== undefined && { note: p.note }) },
    ),
  };
}

/** What the rule set says about its inspection and when it fits, with every quote resolved. */
function resolveAbout(file: RuleSetFile): Pick<RuleSet, 'inspection' | 'applies'> {
  const i = file.inspection;
  const a = file.applies;
  const defined = <T extends object>(o: T) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  return {
    ...(i && {
      inspection: defined({
        guidance: i.guidance,
        themes: i.themes,
        themesSource: resolveQuote(i.themesSource),
        inspectorates: i.inspectorates ?? [],
        inspectoratesSource: resolveQuote(i.inspectoratesSource),
        note: i.note,
      }),
    }),
    ...(a && {
      applies: defined({
        from: a.from,
        until: a.until,
        source: resolveQuote(a.source),
        before: a.before,
        after: a.after,
      }),
    }),
  };
}

/**
 * A checked rule set as jtai uses it: the defaults of fields left out applied (the one place
 * they are) and its names resolved. Its names must have been checked (checkRuleSet): an
 * unknown time or party here is a bug. resolveRuleSet(file).notification.day is 0 by default.
 */
export function resolveRuleSet(file: RuleSetFile): RuleSet {
  const times = new Map(Object.entries(file.times ?? {}));
  const parties = Object.fromEntries(
    Object.entries(file.parties).map(([id, p]) => [
      id,
      {
        id,
        name: p.name,
        members: p.members ?? [],
        group: p.group ?? (p.members ?? []).length > 0,
        ...(p.aliases && { aliases: p.aliases }),
      },
    ]),
  );
  const n = file.notification ?? {};
  const ruleSet: RuleSet = {
    id: file.id,
    name: file.name,
    ...(file.description !== undefined && { description: file.description }),
    source: file.source,
    timezone: file.timezone,
    holidays: file.holidays,
    closures: file.closures ?? [],
    notification: { day: n.day ?? 0, ...(n.weekday && { weekday: n.weekday }), ...(n.source && { source: n.source }) },
    parties,
    notes: file.notes ?? [],
    sources: file.sources ?? {},
    ...resolveAbout(file),
    focus: (file.focus ?? []).map(resolveFocus),
    items: file.items.map((item) => resolveItem(item, times)),
  };
  return ruleSet;
}
