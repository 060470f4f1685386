import { startOfDay, statusOf } from '../../core/progress/status.js';
import { readInstant } from '../../core/dates/date-input.js';
import { instantIn } from '../../core/progress/progress.js';
import { UsageError } from '../../errors.js';
import { renderStatusHtml, renderStatusJson, renderStatusMarkdown, renderStatusText } from '../../render/status.js';
import { formatForOut } from '../formats.js';
import { progressFolderOf } from '../../io/progress-folder.js';
import type { CliIo } from '../process-io.js';
import { agendaWidth, makeStyle, wantsColor } from '../style.js';
import { type PlanInput, planFor, selectAgencies } from './shared.js';

const STATUS_FORMATS = ['text', 'json', 'md', 'html'] as const;
type StatusFormat = (typeof STATUS_FORMATS)[number];

export interface StatusOptions extends PlanInput {
  agency?: string[];
  format?: StatusFormat;
  color: boolean;
  /** Deliveries recorded after this moment are listed (default: the start of today). */
  since?: string;
  out?: string;
  force?: boolean;
}

function formatOf(options: StatusOptions): StatusFormat {
  if (options.out === undefined) return options.format ?? 'text';
  const format = formatForOut(options.out, options.format, options.force === true);
  if (!(STATUS_FORMATS as readonly string[]).includes(format))
    throw new UsageError(
      `jtai status writes text, JSON, Markdown or HTML; --out ${options.out} asks for ${format}: name it .txt, .json, .md or .html.`,
    );
  return format as StatusFormat;
}

/** jtai status: who owes what, at --now (default: now), and what was delivered since --since. */
export async function runStatus(options: StatusOptions, io: CliIo): Promise<void> {
  const format = formatOf(options);
  const { plan: full, nowMs, zone, loaded, rules } = await planFor('status', options, io, { progress: 'always' });
  const plan = selectAgencies(full, options.agency ?? []);
  const sinceMs =
    options.since === undefined
      ? Date.parse(startOfDay(zone, nowMs))
      : readInstant('--since', options.since, nowMs, zone);
  if (sinceMs > nowMs)
    throw new UsageError(
      `--since "${options.since}" is after the moment of the status (${plan.progress!.now.slice(0, 16).replace('T', ' ')}); give an earlier time, or a later --now.`,
    );
  const view = statusOf(plan, { since: instantIn(zone, sinceMs) });
  const toFile = options.out !== undefined;
  const render = async () => {
    if (format === 'json') return renderStatusJson(plan, view);
    if (format === 'md') return renderStatusMarkdown(plan, view);
    if (format === 'html') return renderStatusHtml(plan, view);
    const color = !toFile && wantsColor(io, options.color);
    return renderStatusText(plan, view, {
      style: await makeStyle(color),
      width: !toFile && io.stdoutIsTty ? agendaWidth(io) : 80,
    });
  };
  const content = await render();
  if (!toFile) {
    io.writeOut(content);
    return;
  }
  const files = await import('../../io/write-files.js');
  files.refuseInputs(
    [options.out!],
    [
      ...(loaded
        ? [
            { path: loaded.path, what: 'the inspection file' },
            { path: progressFolderOf(loaded.path), what: 'the progress record', folder: true },
          ]
        : []),
      { path: rules, what: 'the rule set' },
    ],
  );
  await files.writeFilesAtomically([{ path: options.out!, content }], { force: options.force === true });
  if (!options.quiet)
    io.writeErr(`jtai: wrote the status at ${view.now.slice(0, 16).replace('T', ' ')} to ${options.out}\n`);
}
