import type { Style } from '../render/style.js';
import { PLAIN_STYLE } from '../render/style.js';
import type { CliIo } from './process-io.js';

/** Colour only on a terminal, never with NO_COLOR set (https://no-color.org) or --no-color. */
export function wantsColor(io: CliIo, colorOption: boolean): boolean {
  if (!colorOption || (io.env.NO_COLOR ?? '') !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return io.stdoutIsTty && io.env.TERM !== 'dumb';
}

/** The agenda's colours, or plain text; chalk is loaded only when colour is wanted. */
export async function makeStyle(color: boolean): Promise<Style> {
  if (!color) return PLAIN_STYLE;
  const { Chalk } = await import('chalk');
  const c = new Chalk({ level: 1 });
  return {
    heading: (t) => c.bold(t),
    day: (t) => c.bold.underline(t),
    time: (t) => c.bold(t),
    submission: (t) => c.yellow(t),
    inspectorAction: (t) => c.cyan(t),
    dim: (t) => c.dim(t),
    warning: (t) => c.red(t),
  };
}

/** How wide text for a terminal is laid out: the terminal's width up to 100, else 80 (a file, a pipe). */
export function agendaWidth(io: CliIo): number {
  return io.stdoutIsTty && io.columns ? Math.min(io.columns, 100) : 80;
}
