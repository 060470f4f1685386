import { formatLongDate } from '../dates/calendar-date.js';
import type { FitCheck } from '../plan/plan.js';
import type { InspectionRecord } from './inspection-record.js';
import type { TrackedPlan } from './progress.js';

// An area that has checked its timetable against its notification letter says so once, in its
// inspection file; from then on the "may not fit" warning is a note of the plan, with who
// checked it and when, and no longer a warning.

/** The letter check in words: letterCheckWords({ by: "Sam Smith", on: "2026-12-02" }) is "Checked against the notification letter by Sam Smith on Wednesday 2 December 2026". */
export function letterCheckWords(check: FitCheck): string {
  return `Checked against the notification letter${check.by ? ` by ${check.by}` : ''}${check.on ? ` on ${formatLongDate(check.on)}` : ''}`;
}

/**
 * The plan as the inspection file's letter check leaves it: acknowledgeFit(plan, { letterChecked:
 * { by: "Sam Smith", on: "2026-12-02" } }) has no "guidance" warning, and that warning's message as
 * a note, ending "Checked against the notification letter by Sam Smith on Wednesday 2 December 2026.".
 * Without a check (or a record) the plan is returned as it is.
 */
export function acknowledgeFit<P extends TrackedPlan>(
  plan: P,
  record: Pick<InspectionRecord, 'letterChecked'> | undefined,
): P {
  const check = record?.letterChecked;
  if (!check) return plan;
  const fit = plan.warnings.filter((w) => w.kind === 'guidance');
  return {
    ...plan,
    warnings: plan.warnings.filter((w) => w.kind !== 'guidance'),
    ruleSet: {
      ...plan.ruleSet,
      notes: [...plan.ruleSet.notes, ...fit.map((w) => `${w.message} ${letterCheckWords(check)}.`)],
    },
    fitChecked: check,
  };
}
