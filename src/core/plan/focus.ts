import { relatedParties } from './agencies.js';
import type { FocusList, Party, SourceDocument } from '../rule-set/rule-set.js';
import type { Plan } from './plan.js';

// What the inspection looks at, as a plan shows it: the rule set's focus lists, with the
// parties each list and point names, and, for a plan limited to some agencies, the lists that
// name them first.

export interface FocusPointView {
  text: string;
  parties: Party[];
  note: string | null;
}

export interface FocusListView {
  id: string;
  heading: string;
  intro: string | null;
  parties: Party[];
  points: FocusPointView[];
  note: string | null;
  /** The document the list comes from. */
  source: SourceDocument;
  /** Whether the list or one of its points names an agency the plan is for; null for a whole plan. */
  forFilter: boolean | null;
}

/** The parties a list names, itself or in any point. */
function namedIn(list: FocusList): Set<string> {
  return new Set([...list.parties, ...list.points.flatMap((p) => p.parties)]);
}

/**
 * The focus lists of a plan, those that name the agencies it is for first (those naming them
 * directly before those naming a group they belong to): focusLists(plan for schools)[0].id is
 * "schools" in jtai-2018.
 */
export function focusLists(plan: Plan): FocusListView[] {
  const { parties, focus = [], sources = {}, source } = plan.ruleSet;
  const party = (id: string) => parties[id]!;
  const filter = plan.filter?.agencies.map((a) => a.id);
  const direct = new Set(filter ?? []);
  const related = new Set((filter ?? []).flatMap((id) => [...relatedParties(parties, id)]));
  const rank = (list: FocusList) => {
    const named = namedIn(list);
    return [...named].some((id) => direct.has(id)) ? 0 : [...named].some((id) => related.has(id)) ? 1 : 2;
  };
  const views = focus.map((list) => ({
    list,
    rank: filter ? rank(list) : 2,
    view: {
      id: list.id,
      heading: list.heading,
      intro: list.intro ?? null,
      parties: list.parties.map(party),
      points: list.points.map((p) => ({ text: p.text, parties: p.parties.map(party), note: p.note ?? null })),
      note: list.note ?? null,
      source: list.from ? sources[list.from]! : source,
      forFilter: filter ? rank(list) < 2 : null,
    },
  }));
  return views.sort((a, b) => a.rank - b.rank).map((v) => v.view); // stable: rule-set order within a rank
}

/** What a plan says about its inspection: "Theme: ... · Inspectorates: ...", or undefined if the rule set says nothing. */
export function inspectionLine(plan: Plan): string | undefined {
  const i = plan.ruleSet.inspection;
  if (!i) return undefined;
  const themes = `Theme${i.themes.length === 1 ? '' : 's'}: ${i.themes.join('; ')}`;
  return i.inspectorates.length > 0 ? `${themes} · Inspectorates: ${i.inspectorates.join(', ')}` : themes;
}
