import type { PlanItem } from '../core/plan/plan.js';

/** How the terminal agenda marks up text; plain text when colour is off. */
export interface Style {
  heading(text: string): string;
  day(text: string): string;
  time(text: string): string;
  submission(text: string): string;
  inspectorAction(text: string): string;
  dim(text: string): string;
  warning(text: string): string;
}

const same = (text: string): string => text;

export const PLAIN_STYLE: Style = {
  heading: same,
  day: same,
  time: same,
  submission: same,
  inspectorAction: same,
  dim: same,
  warning: same,
};

/** An item's kind as the terminal marks it, ten columns wide: markKind(submission, PLAIN_STYLE) is "DUE       ". */
export function markKind(item: Pick<PlanItem, 'kind'>, s: Style): string {
  return item.kind === 'submission' ? s.submission('DUE       ') : s.inspectorAction('INSPECTORS');
}
