import { whatIsNext } from '../../core/next.js';
import { renderNextJson, renderNextText } from '../../render/next.js';
import type { CliIo } from '../io.js';
import { makeStyle, wantsColor } from '../style.js';
import { type PlanInput, planFor, selectAgencies } from './shared.js';

export interface NextOptions extends PlanInput {
  agency?: string[];
  format: 'text' | 'json';
  color: boolean;
}

/** jtai next: what has passed, what is still due today and what comes next; or that the timetable is over. */
export async function runNext(options: NextOptions, io: CliIo): Promise<void> {
  const { zone, nowMs, schedule: full } = await planFor('next', options, io, { progress: 'always' });
  const schedule = selectAgencies(full, options.agency ?? []);
  const view = whatIsNext(schedule, nowMs, zone);
  if (options.format === 'json') {
    io.writeOut(renderNextJson(view, schedule));
    return;
  }
  const color = wantsColor(io, options.color);
  io.writeOut(renderNextText(view, schedule, { style: await makeStyle(color), width: io.stdoutIsTty && io.columns ? Math.min(io.columns, 100) : 80 }));
}
