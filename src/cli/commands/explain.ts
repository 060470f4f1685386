import { explainItem } from '../../core/plan/explain.js';
import { renderExplainJson, renderExplainText } from '../../render/explain.js';
import type { CliIo } from '../process-io.js';
import { agendaWidth, makeStyle, wantsColor } from '../style.js';
import { type PlanInput, planFor } from './shared.js';

export interface ExplainOptions extends PlanInput {
  format: 'text' | 'json';
  color: boolean;
}

/** jtai explain: how one item's date and time were worked out. */
export async function runExplain(id: string, options: ExplainOptions, io: CliIo): Promise<void> {
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
