import { formatShortDate } from '../dates/calendar-date.js';
import type { PlanWarning } from './plan.js';

// Warnings as people read them: each shown once, and several of one kind told as one.

function listed(parts: string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/**
 * The warnings of a plan as sentences, the items that fall on another weekday than the source
 * gives told in one: tellWarnings(easterPlan.warnings)[0] starts "4 items fall on another
 * weekday than the source gives, because Good Friday (bank holiday) on Fri 19 Apr 2019 and ...".
 */
export function tellWarnings(warnings: readonly PlanWarning[]): string[] {
  const weekday = warnings.filter((w) => w.kind === 'weekday' && w.item);
  if (weekday.length < 2) return warnings.map((w) => w.message);
  const because = [...new Set(weekday.flatMap((w) => w.because ?? []))];
  const why = because.length > 0 ? `, because ${listed(because)} ${because.length === 1 ? 'is' : 'are'} skipped` : '';
  const items = weekday.map((w) => `"${w.item!.title}" (${w.item!.anchor}, ${formatShortDate(w.item!.date)})`);
  const told = `${weekday.length} items fall on another weekday than the source gives${why}: ${items.join('; ')}.`;
  const first = warnings.indexOf(weekday[0]!);
  return warnings.flatMap((w, i) => (i === first ? [told] : weekday.includes(w) ? [] : [w.message]));
}
