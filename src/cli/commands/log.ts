import { sortEvents } from '../../core/progress/events.js';
import { InputError } from '../../errors.js';
import { INSPECTION_FILE, findInspection, loadInspection, loadProgress } from '../../io/inspection.js';
import { displayName } from '../../io/read-rule-set-file.js';
import { renderLogJson, renderLogMarkdown, renderLogText } from '../../render/log.js';
import type { CliIo } from '../process-io.js';

export interface LogOptions {
  inspection?: string;
  item?: string;
  agency?: string;
  format: 'text' | 'json' | 'md';
}

/** jtai log: every event of the record, oldest first, as recorded (--item, --agency keep some). */
export async function runLog(options: LogOptions, io: CliIo): Promise<void> {
  const path = findInspection(options.inspection);
  if (!path) throw new InputError(`there is no ${INSPECTION_FILE} here; give --inspection FILE, or run jtai log in the folder of the inspection file.`);
  const record = loadProgress(await loadInspection(path, io.env), io.env);
  const item = options.item?.trim().toLowerCase();
  const agency = options.agency?.trim().toLowerCase();
  const events = sortEvents(record.events).filter((e) => (item === undefined || e.item === item) && (agency === undefined || e.agency === agency));
  const view = { inspection: displayName(path), folder: displayName(record.folder), events, skipped: record.problems };
  io.writeOut(options.format === 'json' ? renderLogJson(view) : options.format === 'md' ? renderLogMarkdown(view) : renderLogText(view));
}
