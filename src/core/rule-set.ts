import { z } from 'zod';
import { HOLIDAY_CALENDARS } from './bank-holidays.js';
import { WEEKDAYS } from './calendar-date.js';

// The rule-set format as people write it (RuleSetFile), and as jtai uses it once checked and
// resolved (RuleSet). The zod schema is the single source of the written form's types and of
// the JSON Schema that editors use.

const Id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an id of lower-case letters, digits and hyphens, like "case-lists"');
const Text = z.string().trim().min(1, 'some text');
/** A 24-hour clock time, "HH:MM". */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
const TimeOfDay = z.string().regex(TIME_OF_DAY, 'a 24-hour time of day like "15:00"');
const IsoDateText = z.iso.date('a date like "2019-03-19"');
const Weekday = z.enum(WEEKDAYS);

export const ITEM_KINDS = ['submission', 'inspector-action'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const ALL_DAY = 'all-day';

const SourceSchema = z
  .strictObject({
    title: Text.describe('The document the rule set encodes.'),
    author: Text.optional().describe('Who wrote or published it.'),
    published: Text.optional().describe('When it was published, as the document says.'),
    reference: Text.optional().describe('Where to find it: a file name or an address.'),
  })
  .describe('The document the timetable comes from.');

const NamedTimeSchema = z
  .strictObject({
    time: TimeOfDay.describe('The clock time, 24-hour, in the rule set time zone.'),
    label: Text.describe('How the source words it, for example "end of the day".'),
    note: Text.optional().describe('Why this clock time was chosen, shown wherever it is used.'),
  })
  .describe('A time of day that items can name instead of a clock time.');

const PartySchema = z
  .strictObject({
    name: Text.describe('The name people use, for example "Youth offending team (YOT)".'),
    members: z
      .array(Id)
      .default([])
      .describe('Parties that belong to this one; "--agency police" also matches a group police belongs to.'),
  })
  .describe('An agency, a person or a group of them.');

const NotificationSchema = z.strictObject({
  day: z.int('a whole number').min(0, 'zero or more').default(0).describe('The day number of the notification day.'),
  weekday: Weekday.optional().describe('The weekday notifications are expected on; another gives a warning.'),
  source: Text.optional(),
});

export const RuleItemFileSchema = z
  .strictObject({
    id: Id.describe('A short, stable name for the item; used in UIDs and in "after".'),
    kind: z.enum(ITEM_KINDS).describe('"submission": the area must provide something. "inspector-action": inspectors select or request.'),
    title: Text.describe('What is due or what happens, in a few words.'),
    day: z
      .int('a whole number of working days')
      .optional()
      .describe('Working-day number, counted the way notification.day counts the notification day.'),
    week: z
      .int('a whole week number')
      .min(1, 'a week number from 1')
      .optional()
      .describe('Week number (week 1 is the Monday-to-Sunday week of notification); needs weekday.'),
    weekday: Weekday.optional().describe(
      'With week: the day of that week. With day: the weekday the source gives, checked against the date.',
    ),
    at: z
      .string()
      .describe('A 24-hour clock time ("15:00"), the id of a named time ("end-of-day"), or "all-day".'),
    by: z.array(Id).min(1, 'at least one party').describe('The parties that must act.'),
    to: Id.optional().describe('The party that receives it.'),
    details: z.array(Text).default([]).describe('What is to be provided or done, one line each.'),
    source: Text.describe("The source's own words for this item."),
    note: Text.optional().describe('Where the source is silent or inconsistent, what this rule set does about it.'),
    after: z.array(Id).default([]).describe('Items this one must not come before.'),
  })
  .describe('One submission due or one inspector action.');

export const RuleSetFileSchema = z
  .strictObject({
    id: Id.describe('The rule set id, for example "jtai-2018".'),
    name: Text.describe('A title for people.'),
    description: Text.optional().describe('What the rule set is for, in a sentence or two.'),
    source: SourceSchema,
    timezone: Text.describe('IANA time zone of every clock time, for example "Europe/London".'),
    holidays: z.enum(HOLIDAY_CALENDARS).describe('The bank-holiday calendar that working days skip.'),
    closures: z
      .array(z.strictObject({ date: IsoDateText, name: Text }))
      .default([])
      .describe('Local closure days that working days skip too.'),
    notification: NotificationSchema.prefault({}).describe('How the notification day is counted.'),
    times: z.record(Id, NamedTimeSchema).default({}).describe('Named times of day.'),
    parties: z.record(Id, PartySchema).describe('Everyone who acts or receives.'),
    notes: z.array(Text).default([]).describe('Notes on the whole rule set, shown with every plan.'),
    items: z.array(RuleItemFileSchema).min(1, 'at least one item').describe('Every submission due and inspector action.'),
  })
  .describe('A JTAI timetable: working-day offsets, clock times and deadlines from a notification date.');

/**
 * A rule set that builds on another: "extends" names a built-in rule set or a file (relative
 * to this one). Its times, parties and items replace or add to the base's by id; closures and
 * notes are added; "remove" drops base items.
 */
export const RuleSetOverlaySchema = z
  .strictObject({
    extends: Text.describe('The rule set this one builds on: a built-in name ("jtai-2018") or a file path.'),
    remove: z.array(Id).default([]).describe('Ids of base items to leave out.'),
    id: RuleSetFileSchema.shape.id,
    name: RuleSetFileSchema.shape.name.optional(),
    description: Text.optional(),
    source: SourceSchema.optional(),
    timezone: Text.optional(),
    holidays: z.enum(HOLIDAY_CALENDARS).optional(),
    closures: z.array(z.strictObject({ date: IsoDateText, name: Text })).optional().describe('Closure days added to the base ones.'),
    notification: NotificationSchema.partial().optional().describe('Changes to how the notification day is counted.'),
    times: z.record(Id, NamedTimeSchema).optional().describe('Named times added, or replacing the base ones of the same id.'),
    parties: z.record(Id, PartySchema).optional().describe('Parties added, or replacing the base ones of the same id.'),
    notes: z.array(Text).optional().describe('Notes added to the base ones.'),
    items: z
      .array(RuleItemFileSchema.partial().required({ id: true }))
      .optional()
      .describe('Items added; an item with a base id changes only the fields it gives.'),
  })
  .describe('A rule set that extends another.');

/** What a rule-set file may hold: a whole rule set, or one that extends another. */
export const RuleSetDocumentSchema = z.union([RuleSetFileSchema, RuleSetOverlaySchema]);

/** A rule set as written in YAML, after the schema check. */
export type RuleSetFile = z.output<typeof RuleSetFileSchema>;
export type RuleItemFile = RuleSetFile['items'][number];

export type Anchor =
  | { type: 'day'; day: number; weekday?: (typeof WEEKDAYS)[number] }
  | { type: 'week'; week: number; weekday: (typeof WEEKDAYS)[number] };

export type At =
  | { type: 'clock'; time: string; name?: string; label?: string; note?: string }
  | { type: 'all-day' };

export interface Party {
  id: string;
  name: string;
  members: string[];
}

export interface RuleItem {
  id: string;
  kind: ItemKind;
  title: string;
  anchor: Anchor;
  at: At;
  by: string[];
  to?: string;
  details: string[];
  source: string;
  note?: string;
  after: string[];
}

/** A checked rule set with every name resolved: plain data, safe to serialise. */
export interface RuleSet {
  id: string;
  name: string;
  description?: string;
  source: RuleSetFile['source'];
  timezone: string;
  holidays: RuleSetFile['holidays'];
  closures: RuleSetFile['closures'];
  notification: RuleSetFile['notification'];
  parties: Record<string, Party>;
  notes: string[];
  items: RuleItem[];
}
