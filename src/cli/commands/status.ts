import { statusOf } from '../../core/progress/status.js';
import { renderStatusJson, renderStatusMarkdown, renderStatusText } from '../../render/status.js';
import type { CliIo } from '../process-io.js';
import { agendaWidth, makeStyle, wantsColor } from '../style.js';
import { type PlanInput, planFor, selectAgencies } from './shared.js';

export interface StatusOptions extends PlanInput {
  agency?: string[];
  format: 'text' | 'json' | 'md';
  color: boolean;
}

/** jtai status: who owes what, at --now (default: now). */
export async function runStatus(options: StatusOptions, io: CliIo): Promise<void> {
  const { plan: full } = await planFor('status', options, io, { progress: 'always' });
  const plan = selectAgencies(full, options.agency ?? []);
  const view = statusOf(plan);
  if (options.format === 'json') io.writeOut(renderStatusJson(plan, view));
  else if (options.format === 'md') io.writeOut(renderStatusMarkdown(plan, view));
  else
    io.writeOut(
      renderStatusText(plan, view, { style: await makeStyle(wantsColor(io, options.color)), width: agendaWidth(io) }),
    );
}
