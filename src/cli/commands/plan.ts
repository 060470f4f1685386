import { type TrackedPlan, forAgencies, instantIn } from '../../core/progress/progress.js';
import type { ZoneRules } from '../../core/dates/zone-rules.js';
import type { NextIssue } from '../../render/calendar-issue.js';
import type { LoadedProgress } from '../../io/inspection.js';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { filterWords, isInformational } from '../../core/plan/agencies.js';
import { chasedParties } from '../../core/plan/chased.js';
import type { Party } from '../../core/rule-set/rule-set.js';
import { slugOf } from '../../core/progress/inspection-words.js';
import { tellWarnings } from '../../core/plan/warnings.js';
import { UsageError } from '../../errors.js';
import { EXTENSION_OF, type Format, type RenderSettings, formatForOut, loadRenderer } from '../formats.js';
import type { CliIo } from '../process-io.js';
import { agendaWidth, makeStyle, wantsColor } from '../style.js';
import { type PlanInput, partiesNamed, planFor, sourceDateEpoch } from './shared.js';

export interface PlanOptions extends PlanInput {
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
  focus?: boolean;
  cancel?: boolean;
  /** Say what changed since the calendar was last issued, and write nothing. */
  changes?: boolean;
}

/** Minutes from "90", "90m", "2h", "1d"; null for "none". */
/** --remind as minutes before each deadline: parseRemind("1d,2h") is [1440, 120]; "none" is null. */
function parseRemind(value: string): number[] | null {
  if (value.trim() === 'none') return null;
  const minutes = value.split(',').map((part) => {
    const m = /^(\d{1,5})([mhd]?)$/.exec(part.trim());
    if (!m)
      throw new UsageError(
        `--remind "${value}": "${part.trim()}" is not a duration; give minutes, hours or days like 90m, 2h or 1d (several with commas: 1d,2h), or "none".`,
      );
    const n = Number(m[1]) * ({ '': 1, m: 1, h: 60, d: 1440 } as const)[m[2] as '' | 'm' | 'h' | 'd'];
    // A reminder beyond four weeks would come before the inspection was announced.
    if (n > 28 * 1440)
      throw new UsageError(
        `--remind "${value}": ${part.trim()} is more than four weeks before each deadline; give at most 28d.`,
      );
    return n;
  });
  return [...new Set(minutes)].sort((a, b) => b - a); // each once, the earliest first
}

/** DTSTAMP: SOURCE_DATE_EPOCH (seconds) for reproducible files, or now. */
function stampFrom(env: CliIo['env']): Date {
  return new Date(sourceDateEpoch(env) ?? Date.now());
}

function chooseFormat(options: PlanOptions): Format {
  if (options.split && !options.outDir)
    throw new UsageError('--split needs --out-dir, the folder to write one file per agency into.');
  if (options.outDir && !options.split) throw new UsageError('--out-dir goes with --split agency.');
  if (options.split && options.out) throw new UsageError('give --out or --split with --out-dir, not both.');
  const format = options.out
    ? formatForOut(options.out, options.format, options.force === true)
    : (options.format ?? (options.split || options.cancel ? 'ics' : 'text'));
  if (options.cancel && format !== 'ics')
    throw new UsageError(
      "--cancel writes a calendar (ICS) that cancels the plan's events; give --out FILE.ics, or leave out --format.",
    );
  return format;
}

/**
 * A --split file's name: the area (if the inspection file gives one), the notification date and
 * the party id, so two inspections never share one: "jtai-2019-03-19-police.ics",
 * "jtai-my-area-2019-03-19-police.ics".
 */
function splitFileName(plan: TrackedPlan, party: Party, format: Format): string {
  const safe = party.id.replace(/[^a-z0-9-]/g, '-'); // ids are checked already; this keeps a name inside --out-dir whatever
  const area = plan.area ? `${slugOf(plan.area)}-` : '';
  return `jtai-${area}${plan.notified}-${safe}.${EXTENSION_OF[format]}`;
}

/** Whether a plan limited to some agencies holds nothing for them to do (at most items for their information). */
function nothingToDo(plan: TrackedPlan): boolean {
  return plan.items.every((i) => isInformational(plan, i));
}

/** A plan limited to some agencies with nothing left for them: no events, so that a calendar issued before cancels all it held. */
function emptied(plan: TrackedPlan): TrackedPlan {
  return { ...plan, items: [] };
}

/**
 * The agencies of --split: each that owes something, and each whose calendar was issued before
 * (by id, still a party of the rule set), in the rule set's order, with its part of the plan.
 */
function issuedOrChased(full: TrackedPlan, issued: readonly string[]): Array<{ party: Party; plan: TrackedPlan }> {
  const chased = new Set(chasedParties(full).map((p) => p.id));
  return Object.values(full.ruleSet.parties)
    .filter((p) => chased.has(p.id) || issued.includes(p.id))
    .map((party) => ({ party, plan: forAgencies(full, [party.id]) }));
}

function nothingFor(plan: TrackedPlan): string {
  return `${filterWords(plan) ?? 'this plan'} ${plan.filter && plan.filter.agencies.length > 1 ? 'have' : 'has'} nothing to do in ${plan.ruleSet.id} for a notification on ${plan.notified}`;
}

/**
 * A calendar's key in the record: its path from the inspection file's folder, with "/"
 * ("jtai.ics", "preview/jtai.ics"), or its absolute path when outside that folder.
 */
function calendarKey(inspectionPath: string, path: string): string {
  const absolute = resolve(path);
  const from = relative(dirname(inspectionPath), absolute);
  if (from === '' || from === '..' || from.startsWith(`..${sep}`) || isAbsolute(from)) return absolute;
  return from.split(sep).join('/');
}

/** The issues of the calendars of an inspection: the next issue of one, its words, and recording it. */
async function calendarIssues(
  full: TrackedPlan,
  record: LoadedProgress,
  inspectionPath: string,
  settings: RenderSettings,
  zone: ZoneRules,
) {
  const { foldIssues } = await import('../../core/progress/issues.js');
  const { renderChanges } = await import('../../render/changes.js');
  const { issueEvent, nextIssue } = await import('../../render/calendar-issue.js');
  const { stamp, remindMinutes, version } = settings;
  const last = foldIssues(record.events);
  type Issue = NextIssue;
  return {
    // A calendar is known by its path from the inspection file's folder (its absolute path if
    // outside it), or for --split by its agency (its file's name has the area in it, which may be renamed).
    next(path: string, plan: TrackedPlan, agency?: string): Issue {
      const key = agency ? `agency:${agency}` : calendarKey(inspectionPath, path);
      return nextIssue({
        last,
        key,
        // An issue recorded before jtai kept paths (and the notification date) is keyed by the file's name.
        legacyName: basename(path),
        name: agency ? basename(path) : key,
        plan,
        // An item gone from an agency's calendar but still in the plan is no longer theirs, not taken out.
        whole: full.items,
        ics: { stamp, remindMinutes, version },
      });
    },
    /** The agencies whose own calendar (--split) was issued before. */
    agencies(): string[] {
      return Object.keys(last).flatMap((key) => (key.startsWith('agency:') ? [key.slice('agency:'.length)] : []));
    },
    tell(outputs: ReadonlyArray<{ issue?: Issue }>): string {
      return outputs
        .flatMap(({ issue }) =>
          issue ? [renderChanges(issue.name, issue.changes, issue.events.length, issue.whom)] : [],
        )
        .join('');
    },
    async record(outputs: ReadonlyArray<{ issue?: Issue }>): Promise<void> {
      const { newEventId, recordEvent } = await import('../../io/progress-record.js');
      let order = 0;
      for (const { issue } of outputs) {
        if (!issue) continue;
        const nowMs = Date.now() + order++;
        recordEvent(
          record.folder,
          issueEvent(issue, { id: newEventId(nowMs), recordedMs: nowMs, at: instantIn(zone, nowMs) }),
          nowMs,
          inspectionPath,
        );
      }
    },
  };
}

/** jtai plan: the whole timetable for one notification date, in one format, to stdout or files. */
export async function runPlan(options: PlanOptions, io: CliIo, version: string): Promise<void> {
  const format = chooseFormat(options);
  const remindMinutes = parseRemind(options.remind);
  const { plan: full, loaded, rules, record, zone } = await planFor('plan', options, io);
  const agencies = options.agency?.length ? partiesNamed(full, options.agency) : undefined;
  const plan = agencies
    ? forAgencies(
        full,
        agencies.map((p) => p.id),
      )
    : full;
  const render = await loadRenderer(format);
  const toFile = options.out !== undefined || options.split !== undefined;
  const toTerminal = !toFile && io.stdoutIsTty;
  const color = format === 'text' && !toFile && wantsColor(io, options.color);
  // Each warning is shown once: in the agenda on a terminal, else on stderr (and in a file).
  const warningsInAgenda = toFile || (toTerminal && !options.quiet);
  const settings: RenderSettings = {
    style: await makeStyle(color),
    width: toTerminal ? agendaWidth(io) : 80,
    sources: options.sources,
    mermaid: options.mermaid,
    remindMinutes,
    stamp: stampFrom(io.env),
    version,
    toFile,
    warnings: warningsInAgenda,
    focus: options.focus === true,
    cancel: options.cancel === true,
  };
  const say = (text: string) => {
    if (!options.quiet) io.writeErr(`jtai: ${text}\n`);
  };
  // A calendar made where there is no inspection file is not recorded: say so where it is written.
  const unrecorded =
    format === 'ics' && !loaded && !options.cancel
      ? '; no jtai-inspection.yaml here, so this issue is not recorded and a re-issue cannot say what changed'
      : '';

  // The file-writing code (and node:fs/promises, node:crypto) is loaded only to write files.
  const files = toFile ? await import('../../io/write-files.js') : undefined;
  const inputs = [
    ...(loaded
      ? [
          { path: loaded.path, what: 'the inspection file' },
          ...(toFile
            ? [
                {
                  path: (await import('../../io/progress-folder.js')).progressFolderOf(loaded.path),
                  what: 'the progress record',
                  folder: true,
                },
              ]
            : []),
        ]
      : []),
    { path: rules, what: 'the rule set' },
  ];
  // With an inspection file, a calendar written is recorded as issued, and the next issue of it
  // says what changed, cancels what was removed and raises the SEQUENCE of what changed.
  const issues =
    record && loaded && format === 'ics' && !options.cancel
      ? await calendarIssues(full, record, loaded.path, settings, zone)
      : undefined;
  if (options.changes && !issues)
    throw new UsageError(
      '--changes compares a calendar with the one last issued from this inspection: it needs an inspection file and a calendar (--out FILE.ics, or --split agency --out-dir FOLDER).',
    );
  if (options.split && options.outDir) {
    // One calendar per agency that owes something, and per agency whose calendar was issued
    // before (to cancel what it held); a group (the partner agencies) only when asked for by name.
    const parties = agencies
      ? agencies.map((party) => ({ party, plan: forAgencies(full, [party.id]) }))
      : issuedOrChased(full, issues?.agencies() ?? []);
    const outputs = parties.flatMap(({ party, plan }) => {
      const path = join(options.outDir!, splitFileName(plan, party, format));
      const empty = nothingToDo(plan);
      const issue = issues?.next(path, empty ? emptied(plan) : plan, party.id);
      if (empty && !issue?.changes.since) {
        say(`${nothingFor(plan)}; no file was written for it.`);
        return [];
      }
      const written = empty ? emptied(plan) : plan;
      return [{ path, content: render(written, { ...settings, ...(issue && { issue: issue.settings }) }), issue }];
    });
    if (options.changes) return void io.writeOut(issues!.tell(outputs));
    if (outputs.length > 0) {
      files!.refuseInputs(
        outputs.map((o) => o.path),
        inputs,
      );
      await files!.ensureFolder(options.outDir);
      await files!.writeFilesAtomically(outputs, { force: options.force === true });
      say(
        `wrote ${outputs.length} file${outputs.length === 1 ? '' : 's'} to ${options.outDir}: ${outputs.map((f) => f.path.split(/[\\/]/).pop()).join(', ')}${unrecorded}`,
      );
      if (issues && !options.quiet) io.writeErr(issues.tell(outputs));
      await issues?.record(outputs);
    }
  } else if (options.out) {
    // A calendar issued before that now holds nothing for its agencies: every event cancelled.
    const empty = nothingToDo(plan);
    const issue = issues?.next(options.out, empty ? emptied(plan) : plan);
    const written = empty && issue?.changes.since ? emptied(plan) : plan;
    const output = {
      path: options.out,
      content: render(written, { ...settings, ...(issue && { issue: issue.settings }) }),
      issue,
    };
    if (options.changes) return void io.writeOut(issues!.tell([output]));
    if (empty && !issue?.changes.since) say(`${nothingFor(plan)}; ${options.out} was not written.`);
    else {
      files!.refuseInputs([options.out], inputs);
      await files!.writeFilesAtomically([output], { force: options.force === true });
      say(`wrote ${written.items.length} items to ${options.out}${unrecorded}`);
      if (issues && !options.quiet) io.writeErr(issues.tell([output]));
      await issues?.record([output]);
    }
  } else {
    io.writeOut(render(plan, settings));
    // Which calendar it becomes is not known here, so nothing is compared or recorded.
    if (issues)
      say(
        'a calendar written to stdout is not recorded as issued and carries no cancellations of what was removed; to issue it, use --out FILE.ics.',
      );
    if (nothingToDo(plan) && format !== 'text') say(`${nothingFor(plan)}.`);
  }
  if (!(toTerminal && format === 'text')) for (const w of tellWarnings(full.warnings)) say(`warning: ${w}`);
}
