import { z } from 'zod';
import type { IsoDate } from '../dates/calendar-date.js';
import type { FitCheck } from '../plan/plan.js';
import { ID_PATTERN } from '../text/text-rules.js';
import { textSchema } from '../text/text-schema.js';

// The inspection file (jtai-inspection.yaml): one area's record of one inspection, which people
// read and edit: the area, the notification date, the rule set, whom to contact in each agency,
// and what has been done. This is its shape as written, and as jtai uses it.

const Id = z.string({ error: 'an id like "police"' }).regex(ID_PATTERN, 'an id like "police"');
// No control characters; a line break or a tab only in a note.
const Text = textSchema('line');
const Note = textSchema('text');
const Instant = z.iso.datetime({
  offset: true,
  local: false,
  message: 'a date and time with its offset, like "2019-03-20T14:52:00+00:00"',
});

const ContactSchema = z
  .strictObject({
    name: Text.describe('Who to contact.'),
    role: Text.optional().describe('Their role, for example "Detective Inspector, MASH".'),
    email: Text.optional(),
    phone: Text.optional(),
  })
  .describe('One person to contact in an agency.');

const DoneSchema = z
  .strictObject({
    done: Instant.describe('When it was done, with its UTC offset.'),
    by: Text.optional().describe('Who did it, or who recorded it.'),
    agency: Id.optional().describe(
      "Only this agency's part of an item several agencies share (default: the whole item).",
    ),
    note: Note.optional().describe('Anything worth saying: how it was sent, what is missing.'),
  })
  .describe("That an item, or one agency's part of it, was done.");

const LetterCheckSchema = z
  .strictObject({
    by: Text.optional().describe('Who checked it.'),
    on: z.iso.date('a date like "2019-03-20"').optional().describe('The day it was checked.'),
  })
  .describe('That the timetable was checked against the notification letter: who and when.');

export const InspectionFileSchema = z
  .strictObject({
    area: Text.optional().describe('The area inspected, as its name should appear in titles and calendars.'),
    notified: z.iso.date('a date like "2019-03-19"').describe('The day the area was notified.'),
    rules: Text.optional().describe(
      'The rule set: a built-in name ("jtai-2018") or a file relative to this one (default "jtai-2018").',
    ),
    contacts: z
      .record(Text, z.union([ContactSchema, z.array(ContactSchema)]))
      .optional()
      .describe(
        'Whom to contact in each agency, by party id or any name of the party ("nhs", "la"): one contact, or a list.',
      ),
    progress: z
      .record(Id, z.array(DoneSchema))
      .optional()
      .describe('What has been done, by item id (written by "jtai done").'),
    letterChecked: z
      .union([z.boolean(), LetterCheckSchema], { error: 'true, or who checked it and when: { by: NAME, on: DATE }' })
      .optional()
      .describe(
        'That the area has checked the timetable against its notification letter: true, or who and when; a "may not fit" warning is then a note (default false).',
      ),
  })
  .describe("A jtai inspection file: one area's record of one inspection.");

export type InspectionFile = z.output<typeof InspectionFileSchema>;

export interface Contact {
  name: string;
  role?: string;
  email?: string;
  phone?: string;
}

export interface DoneRecord {
  /** ISO 8601 instant with its offset. */
  done: string;
  by?: string;
  agency?: string;
  note?: string;
  /** The id of the event that recorded it (none for a record from an inspection file's own map). */
  event?: string;
}

/** An inspection file as jtai uses it: every default applied. */
export interface InspectionRecord {
  area: string | null;
  notified: IsoDate;
  rules: string;
  /** The contacts, by key as written; by party id once checked against the rule set (io's checkInspection). */
  contacts: Record<string, Contact[]>;
  progress: Record<string, DoneRecord[]>;
  /** That the area has checked the timetable against its notification letter (who and when, where said); absent if not. */
  letterChecked?: FitCheck;
}

function letterCheckOf(written: InspectionFile['letterChecked']): FitCheck | undefined {
  if (written === undefined || written === false) return undefined;
  return written === true ? { by: null, on: null } : { by: written.by ?? null, on: written.on ?? null };
}

/** The record of a checked inspection file: resolveInspection({ notified: "2019-03-19" }).rules is "jtai-2018". */
export function resolveInspection(file: InspectionFile): InspectionRecord {
  const contacts = Object.fromEntries(
    Object.entries(file.contacts ?? {}).map(([id, c]) => [id, Array.isArray(c) ? c : [c]]),
  );
  const letterChecked = letterCheckOf(file.letterChecked);
  return {
    area: file.area ?? null,
    notified: file.notified,
    rules: file.rules ?? 'jtai-2018',
    contacts,
    progress: file.progress ?? {},
    ...(letterChecked && { letterChecked }),
  };
}
