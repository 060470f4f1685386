import type { ItemProgress } from '../core/progress/progress.js';

// Where an item stands, as the page shows it: a data-status for scripts and tests, and a filled
// GOV.UK tag (a word first, its colour second). Without a record of progress nobody can know an
// item was not delivered, so a deadline past then is "Passed", never "Overdue".

/** The page's statuses: ItemStatus, with "done late" apart from "done". */
export type PageStatus = 'done' | 'late' | 'overdue' | 'passed' | 'due-today' | 'upcoming';

/** A status's tag: its data-status, its word and its govuk-tag colour class. */
export interface StatusTag {
  status: PageStatus;
  label: string;
  className: string;
}

const TAGS: Record<PageStatus, StatusTag> = {
  done: { status: 'done', label: 'Done', className: 'govuk-tag govuk-tag--green' },
  late: { status: 'late', label: 'Done late', className: 'govuk-tag govuk-tag--orange' },
  overdue: { status: 'overdue', label: 'Overdue', className: 'govuk-tag govuk-tag--red' },
  passed: { status: 'passed', label: 'Passed', className: 'govuk-tag govuk-tag--grey' },
  'due-today': { status: 'due-today', label: 'Due today', className: 'govuk-tag govuk-tag--yellow' },
  upcoming: { status: 'upcoming', label: 'Upcoming', className: 'govuk-tag' },
};

/**
 * The tag for an item's progress: statusTag({ status: "done", late: true, ... }, true) is
 * { status: "late", label: "Done late", ... }; an overdue item with no record, statusTag(p, false),
 * is { status: "passed", label: "Passed", ... }.
 */
export function statusTag(progress: Pick<ItemProgress, 'status' | 'late'>, recorded: boolean): StatusTag {
  switch (progress.status) {
    case 'done':
      return progress.late ? TAGS.late : TAGS.done;
    case 'overdue':
      return recorded ? TAGS.overdue : TAGS.passed;
    default:
      return TAGS[progress.status];
  }
}
