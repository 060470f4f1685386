import type { ProgressEvent } from '../core/progress/events.js';
import { markdownText } from './markdown-text.js';
import { oneLine, visible } from '../core/text/text-rules.js';

// jtai log: every change to the record, oldest first, with who, when and why; the audit
// trail for when an inspector asks who sent what and when.

export interface LogView {
  /** The inspection file and its progress folder, as named in messages. */
  inspection: string;
  folder: string;
  events: readonly ProgressEvent[];
  /** Files of the folder that were skipped, and why. */
  skipped: readonly string[];
  /** The rule set's name for each party id, as the other outputs name them. */
  names?: Readonly<Record<string, string>>;
}

// A time as it was written (with its own offset): "2019-03-20T14:52:00+00:00" is "2019-03-20 14:52".
function wallClock(instant: string): string {
  return instant.slice(0, 16).replace('T', ' ');
}

function what(e: ProgressEvent, names: LogView['names'] = {}): string {
  const part = e.agency ? ` (part from ${names[e.agency] ?? e.agency})` : '';
  if (e.type === 'move') return `deadline moved: ${e.item} to ${wallClock(e.to!)}`;
  if (e.type === 'issue') {
    const n = e.issued?.length ?? 0;
    return `calendar issued: ${e.calendar} (${n} event${n === 1 ? '' : 's'})`;
  }
  if (e.type === 'move-back') return `deadline moved back: ${e.item}, to the rule set's time`;
  return `${e.type === 'done' ? 'done' : 'undone'}: ${e.item}${part}`;
}

/** The log as lines to read: renderLogText(view) has one line per event, then its note. */
export function renderLogText(view: LogView): string {
  const lines = [
    `Record of ${view.inspection}: ${view.events.length} change${view.events.length === 1 ? '' : 's'}, in the order recorded (kept in ${view.folder}); times are those given, London time`,
    '',
  ];
  for (const e of view.events) {
    lines.push(
      `${wallClock(e.at)}  ${what(e, view.names)}${e.by ? `, by ${e.by}` : ''} (recorded ${e.recorded.slice(0, 16).replace('T', ' ')} UTC)`,
    );
    if (e.note) lines.push(...e.note.split('\n').map((l) => `    ${l}`));
  }
  if (view.events.length === 0) lines.push('Nothing recorded yet: "jtai done ID" records an item as done.');
  // A file's name is anyone's text: its control characters are shown as escapes, never obeyed.
  if (view.skipped.length > 0) lines.push('', 'Skipped:', ...view.skipped.map((s) => `  ${visible(oneLine(s))}`));
  return `${lines.join('\n')}\n`;
}

/** The log as a Markdown table, one row per event. */
export function renderLogMarkdown(view: LogView): string {
  const cell = (t: string | undefined) => (t ? markdownText(t) : '');
  const rows = view.events.map(
    (e) =>
      `| ${wallClock(e.at)} | ${e.type === 'done' ? 'done' : e.type === 'undo' ? 'undone' : e.type === 'move' ? `moved to ${wallClock(e.to!)}` : e.type === 'issue' ? `calendar issued: ${cell(e.calendar)}` : 'moved back'} | ${cell(e.item)} | ${cell(e.agency && (view.names?.[e.agency] ?? e.agency))} | ${cell(e.by)} | ${cell(e.note)} | ${e.recorded.slice(0, 16).replace('T', ' ')} UTC |`,
  );
  return [
    `# Record of ${markdownText(view.inspection)}`,
    '',
    '| When | What | Item | Agency | By | Note | Recorded |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

/** The log as JSON (formatVersion 1): every event as recorded, and the files skipped. */
export function renderLogJson(view: LogView): string {
  const events = view.events.map((e) => ({
    id: e.id,
    type: e.type,
    item: e.item,
    agency: e.agency ?? null,
    at: e.at,
    to: e.to ?? null,
    recorded: e.recorded,
    by: e.by ?? null,
    note: e.note ?? null,
  }));
  return `${JSON.stringify({ formatVersion: 1, inspection: view.inspection, folder: view.folder, events, skipped: view.skipped }, null, 2)}\n`;
}
