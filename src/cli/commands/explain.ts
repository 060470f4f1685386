import { explainFit, explainItem } from '../../core/plan/explain.js';
import { renderExplainJson, renderExplainText, renderFitJson, renderFitText } from '../../render/explain.js';
import { UsageError } from '../../errors.js';
import { findInspection } from '../../io/inspection-path.js';
import { loadRuleSet } from '../../io/load-rule-set.js';
import type { CliIo } from '../process-io.js';
import { agendaWidth, makeStyle, wantsColor } from '../style.js';
import { type PlanInput, planFor } from './shared.js';

export interface ExplainOptions extends PlanInput {
  format: 'text' | 'json';
  color: boolean;
  /** Explain the dates the rule set fits instead of an item. */
  fit?: boolean;
}

/** jtai explain: how one item's date and time were worked out, or (--fit) the dates the rule set fits. */
export async function runExplain(id: string | undefined, options: ExplainOptions, io: CliIo): Promise<void> {
  if (options.fit) return explainFitOf(id, options, io);
  if (id === undefined)
    throw new UsageError(
      'give the id of an item, as the agenda shows it (jtai explain cse-gangs-cases), or --fit for the dates the rule set fits.',
    );
  const { ruleSet, calendar, plan } = await planFor('explain', options, io);
  const explanation = explainItem(ruleSet, plan, id, calendar);
  const index = ruleSet.items.findIndex((i) => i.id === explanation.item.id);
  const warnings = plan.warnings.filter((w) => w.path[0] === 'items' && w.path[1] === index).map((w) => w.message);
  if (options.format === 'json') {
    io.writeOut(renderExplainJson(explanation, plan, warnings)); // data: warnings whatever --quiet says
    return;
  }
  const color = wantsColor(io, options.color);
  io.writeOut(
    renderExplainText(explanation, plan, options.quiet ? [] : warnings, {
      style: await makeStyle(color),
      width: agendaWidth(io),
    }),
  );
}

// The dates the rule set fits; with a notification date (--notified, or an inspection file's),
// where that date falls and whether the area has checked its letter.
async function explainFitOf(id: string | undefined, options: ExplainOptions, io: CliIo): Promise<void> {
  if (id !== undefined)
    throw new UsageError(`give an item id or --fit, not both: jtai explain ${id}, or jtai explain --fit.`);
  const dated = options.notified !== undefined || findInspection(options.inspection) !== undefined;
  const plan = dated ? (await planFor('explain', options, io)).plan : undefined;
  const explanation = plan
    ? explainFit(plan.ruleSet, plan)
    : explainFit(await loadRuleSet(options.rules ?? 'jtai-2018'));
  if (options.format === 'json') {
    io.writeOut(renderFitJson(explanation));
    return;
  }
  const color = wantsColor(io, options.color);
  io.writeOut(renderFitText(explanation, { style: await makeStyle(color), width: agendaWidth(io) }));
}
