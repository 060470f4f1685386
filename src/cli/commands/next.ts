import { whatIsNext } from '../../core/progress/next.js';
import { renderNextJson, renderNextText } from '../../render/next.js';
import type { CliIo } from '../process-io.js';
import { agendaWidth, makeStyle, wantsColor } from '../style.js';
import { type PlanInput, planFor, selectAgencies } from './shared.js';

export interface NextOptions extends PlanInput {
  agency?: string[];
  format: 'text' | 'json';
  color: boolean;
}

/** jtai next: what has passed, what is still due today and what comes next; or that the timetable is over. */
export async function runNext(options: NextOptions, io: CliIo): Promise<void> {
  const { zone, nowMs, plan: full } = await planFor('next', options, io, { progress: 'always' });
  const plan = selectAgencies(full, options.agency ?? []);
  const view = whatIsNext(plan, nowMs, zone);
  if (options.format === 'json') {
    io.writeOut(renderNextJson(view, plan));
    return;
  }
  const color = wantsColor(io, options.color);
  io.writeOut(renderNextText(view, plan, { style: await makeStyle(color), width: agendaWidth(io) }));
}
