/// <reference lib="dom" />
import { type ProgressEvent, eventText } from '../core/progress/events.js';
import {
  INSPECTION_FILE,
  MAX_EVENT_BYTES,
  MAX_FILE_BYTES,
  kindOfName,
  progressFolderName,
} from '../core/progress/folder.js';
import { JtaiError } from '../errors.js';

// The inspection folder the user opens in the page (the folder people share: the inspection
// file and its progress record beside it), read the same way everywhere: through an ordinary
// folder picker (<input type="file" webkitdirectory>), read-only, or through the File System
// Access API (Edge and Chrome), which can also add event files to the record, as the CLI does.

export interface FolderFile {
  name: string;
  text: string;
  size: number;
}

/** An inspection folder as read. */
export interface OpenedFolder {
  /** The folder's own name, as messages say it. */
  name: string;
  inspection: FolderFile;
  /** The files of its progress folder (jtai-inspection.progress/). */
  events: FolderFile[];
  /** A file beside the inspection file (a rule-set file it names), read only when asked for; undefined if there is none. */
  readBeside(name: string): Promise<string | undefined>;
  /** Adds an event file to the record; absent when the folder was opened read-only. */
  record?: (event: ProgressEvent) => Promise<void>;
  /** Reads the folder again (to see what others recorded); absent when read-only. */
  reread?: () => Promise<OpenedFolder>;
}

// UTF-8 strictly, as the CLI reads: a file that is not text is named, never shown as mojibake.
async function textOf(file: File, shown: string, limit: number): Promise<FolderFile> {
  if (file.size > limit)
    throw new JtaiError(`${shown} is larger than ${limit / 1024} KiB, more than any jtai file; it was not read.`);
  try {
    return {
      name: file.name,
      text: new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer()),
      size: file.size,
    };
  } catch (e) {
    if (e instanceof TypeError) throw new JtaiError(`${shown} is not UTF-8 text; it was not read.`);
    throw e;
  }
}

/** Which YAML file of the folder is the inspection file: jtai-inspection.yaml, else the one that has a progress folder beside it. */
function inspectionName(folder: string, yaml: readonly string[], folders: readonly string[]): string {
  if (yaml.includes(INSPECTION_FILE)) return INSPECTION_FILE;
  const tracked = yaml.filter((name) => folders.includes(progressFolderName(name)));
  if (tracked.length === 1) return tracked[0]!;
  throw new JtaiError(
    tracked.length > 1
      ? `the folder "${folder}" holds several inspections (${tracked.join(', ')}); open a folder with one.`
      : `the folder "${folder}" has no ${INSPECTION_FILE}: open the folder where the inspection's file is kept (the one "jtai start" wrote), not the folder above it or the progress folder inside it.`,
  );
}

const isYaml = (name: string) => /\.ya?ml$/i.test(name);

/**
 * The folder chosen with <input type="file" webkitdirectory>: every file under it, named by
 * its path from the folder ("Anyshire/jtai-inspection.progress/....json"). Read-only.
 */
export async function readPickedFiles(files: ArrayLike<File>): Promise<OpenedFolder> {
  const all = Array.from(files);
  const top = all[0]?.webkitRelativePath.split('/')[0];
  if (top === undefined)
    throw new JtaiError('the folder chosen is empty: choose the folder that holds the inspection file.');
  const under = (file: File) => file.webkitRelativePath.split('/').slice(1);
  const here = all.filter((f) => under(f).length === 1);
  const folders = [...new Set(all.filter((f) => under(f).length === 2).map((f) => under(f)[0]!))];
  const name = inspectionName(top, here.map((f) => f.name).filter(isYaml), folders);
  const progress = progressFolderName(name);
  const inspection = await textOf(here.find((f) => f.name === name)!, `${top}/${name}`, MAX_FILE_BYTES);
  const events = await Promise.all(
    all
      .filter((f) => under(f).length === 2 && under(f)[0] === progress && kindOfName(f.name) !== 'hidden')
      .map((f) => eventFile(f, `${top}/${progress}/${f.name}`)),
  );
  if (here.some((f) => f.name === progress))
    throw new JtaiError(`cannot read the progress folder ${top}/${progress}: it is a file, not a folder.`);
  const readBeside = async (file: string) => {
    const found = here.find((f) => f.name === file && f.name !== name);
    return found && (await textOf(found, `${top}/${file}`, MAX_FILE_BYTES)).text;
  };
  return { name: top, inspection, events, readBeside };
}

// An event file too large for any event is kept as its size only: eventsOfFiles names it and skips it.
async function eventFile(file: File, shown: string): Promise<FolderFile> {
  if (file.size > MAX_EVENT_BYTES) return { name: file.name, text: '', size: file.size };
  try {
    return await textOf(file, shown, MAX_EVENT_BYTES);
  } catch (e) {
    if (e instanceof JtaiError) return { name: file.name, text: '\u0000', size: file.size }; // read as damaged
    throw e;
  }
}

// What the File System Access API gives, as far as the page uses it (not yet in TypeScript's DOM types).
interface DirectoryHandle {
  name: string;
  kind: 'directory';
  values(): AsyncIterable<DirectoryHandle | FileHandle>;
  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<DirectoryHandle>;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<FileHandle>;
  removeEntry(name: string): Promise<void>;
}
interface FileHandle {
  name: string;
  kind: 'file';
  getFile(): Promise<File>;
  createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void> }>;
  move?(name: string): Promise<void>;
}

/** Whether this browser can open a folder to write in (Edge, Chrome): the File System Access API. */
export function canRecord(): boolean {
  return typeof (window as unknown as { showDirectoryPicker?: unknown }).showDirectoryPicker === 'function';
}

/** Asks the user for the inspection folder, to read and write (Edge, Chrome); undefined if they cancel. */
export async function pickFolder(): Promise<OpenedFolder | undefined> {
  const picker = (window as unknown as { showDirectoryPicker: (o: object) => Promise<DirectoryHandle> })
    .showDirectoryPicker;
  let handle: DirectoryHandle;
  try {
    handle = await picker({ id: 'jtai-inspection', mode: 'readwrite' });
  } catch (e) {
    if ((e as DOMException).name === 'AbortError') return undefined;
    throw new JtaiError(
      `the folder could not be opened to record in (${(e as Error).message}); open it read-only instead.`,
    );
  }
  return readDirectory(handle);
}

/** An inspection folder through the File System Access API (a folder the user picked, or one a test made). */
export async function readDirectory(handle: DirectoryHandle): Promise<OpenedFolder> {
  const files = new Map<string, FileHandle>();
  const folders = new Map<string, DirectoryHandle>();
  for await (const entry of handle.values()) {
    if (entry.kind === 'file') files.set(entry.name, entry);
    else folders.set(entry.name, entry);
  }
  const name = inspectionName(handle.name, [...files.keys()].filter(isYaml), [...folders.keys()]);
  const progress = progressFolderName(name);
  const inspection = await textOf(await files.get(name)!.getFile(), `${handle.name}/${name}`, MAX_FILE_BYTES);
  if (files.has(progress))
    throw new JtaiError(`cannot read the progress folder ${handle.name}/${progress}: it is a file, not a folder.`);
  const events: FolderFile[] = [];
  const record = folders.get(progress);
  if (record)
    for await (const entry of record.values())
      if (entry.kind === 'file' && kindOfName(entry.name) !== 'hidden')
        events.push(await eventFile(await entry.getFile(), `${handle.name}/${progress}/${entry.name}`));
  const readBeside = async (file: string) => {
    const found = file === name ? undefined : files.get(file);
    return found && (await textOf(await found.getFile(), `${handle.name}/${file}`, MAX_FILE_BYTES)).text;
  };
  return {
    name: handle.name,
    inspection,
    events,
    readBeside,
    record: (event) => writeEvent(handle, progress, event),
    reread: () => readDirectory(handle),
  };
}

/**
 * Adds one event file to the progress folder (made if missing), as the CLI does: written under a
 * temporary name that readers skip, then given its own name, so that nobody ever reads half an
 * event; a file of that name is never replaced.
 */
async function writeEvent(handle: DirectoryHandle, progress: string, event: ProgressEvent): Promise<void> {
  const folder = await handle.getDirectoryHandle(progress, { create: true });
  const name = `${event.id}.json`;
  const exists = await folder.getFileHandle(name).then(
    () => true,
    () => false,
  );
  if (exists) throw new JtaiError(`${progress}/${name} is already there; nothing was recorded.`);
  const temp = await folder.getFileHandle(`.${event.id}.tmp`, { create: true });
  const out = await temp.createWritable();
  await out.write(eventText(event));
  await out.close();
  if (temp.move) {
    await temp.move(name);
    return;
  }
  // A browser that cannot rename: the event written under its own name directly, the temporary removed.
  const file = await folder.getFileHandle(name, { create: true });
  const direct = await file.createWritable();
  await direct.write(eventText(event));
  await direct.close();
  await folder.removeEntry(`.${event.id}.tmp`);
}
