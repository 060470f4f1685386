import { join } from 'node:path';
import { filterByAgency, submittingParties } from '../../core/agencies.js';
import { InputError, UsageError } from '../../errors.js';
import { EXTENSION_OF, type Format, type RenderSettings, formatForOut, loadRenderer } from '../formats.js';
import type { CliIo } from '../io.js';
import { makeStyle, wantsColor } from '../style.js';
import { checkNotified, planFor, selectAgencies } from './shared.js';

export interface PlanOptions {
  notified: string;
  rules: string;
  format?: Format;
  out?: string;
  outDir?: string;
  split?: 'agency';
  agency?: string[];
  remind: string;
  mermaid: boolean;
  sources: boolean;
  color: boolean;
  force?: boolean;
}

/** Minutes from "90", "90m", "2h", "1d"; null for "none". */
export function parseRemind(value: string): number | null {
  if (value === 'none') return null;
  const m = /^(\d{1,5})([mhd]?)$/.exec(value);
  if (!m) throw new UsageError(`--remind "${value}" is not a duration; give minutes or hours like 90m or 2h, or "none".`);
  return Number(m[1]) * ({ '': 1, m: 1, h: 60, d: 1440 } as const)[m[2] as '' | 'm' | 'h' | 'd'];
}

/** DTSTAMP: SOURCE_DATE_EPOCH (seconds) for reproducible files, or now. */
export function stampFrom(env: CliIo['env']): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return new Date();
  if (!/^\d{1,12}$/.test(epoch)) throw new InputError(`SOURCE_DATE_EPOCH "${epoch}" is not a whole number of seconds since 1970.`);
  return new Date(Number(epoch) * 1000);
}

function chooseFormat(options: PlanOptions): Format {
  if (options.split && !options.outDir) throw new UsageError('--split needs --out-dir, the folder to write one file per agency into.');
  if (options.outDir && !options.split) throw new UsageError('--out-dir goes with --split agency.');
  if (options.split && options.out) throw new UsageError('give --out or --split with --out-dir, not both.');
  if (options.out) return formatForOut(options.out, options.format, options.force === true);
  return options.format ?? (options.split ? 'ics' : 'text');
}

/** jtai plan: the whole timetable for one notification date, in one format, to stdout or files. */
export async function runPlan(options: PlanOptions, io: CliIo, version: string): Promise<void> {
  const notified = checkNotified(options.notified);
  const format = chooseFormat(options);
  const remindMinutes = parseRemind(options.remind);
  const { schedule: full } = await planFor(options.rules, notified);
  const schedule = selectAgencies(full, options.agency ?? []);
  const render = await loadRenderer(format);
  const toFile = options.out !== undefined || options.split !== undefined;
  const color = !toFile && wantsColor(io, options.color);
  const settings: RenderSettings = {
    style: await makeStyle(color),
    width: color && io.columns ? Math.min(io.columns, 100) : 80,
    sources: options.sources,
    mermaid: options.mermaid,
    remindMinutes,
    stamp: stampFrom(io.env),
    version,
    toFile,
  };

  // The file-writing code (and node:fs/promises, node:crypto) is loaded only to write files.
  const files = toFile ? await import('../../io/write-files.js') : undefined;
  if (options.split && options.outDir) {
    const outputs = submittingParties(schedule).map((party) => ({
      path: join(options.outDir!, `${party.id}.${EXTENSION_OF[format]}`),
      content: render(filterByAgency(schedule, [party.id]), {
        ...settings,
        calendarName: `JTAI notified ${notified}: ${party.name}`,
      }),
    }));
    await files!.ensureFolder(options.outDir);
    await files!.writeFilesAtomically(outputs);
    io.writeErr(`jtai: wrote ${outputs.length} files to ${options.outDir}: ${outputs.map((f) => f.path.split('/').pop()).join(', ')}\n`);
  } else if (options.out) {
    await files!.writeFilesAtomically([{ path: options.out, content: render(schedule, settings) }]);
    io.writeErr(`jtai: wrote ${schedule.items.length} items to ${options.out}\n`);
  } else {
    io.writeOut(render(schedule, settings));
  }
  for (const w of full.warnings) io.writeErr(`jtai: warning: ${w.message}\n`);
}
