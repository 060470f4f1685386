import { z } from 'zod';
import { HOLIDAY_CALENDARS } from '../dates/bank-holidays.js';
import { WEEKDAYS } from '../dates/calendar-date.js';
import { ID_PATTERN } from '../text/text-rules.js';
import { textSchema } from '../text/text-schema.js';

// The rule-set format as people write it (RuleSetFile), and as jtai uses it once checked and
// resolved (RuleSet). The zod schema is the single source of the written form's types and of
// the JSON Schema that editors use.
//
// The written form carries no defaults: a field left out stays out, so that an overlay
// ("extends") changes exactly the fields it gives. Defaults are applied once, when the merged
// rule set is resolved (resolveRuleSet), and the descriptions below say what they are.

const ID_WORDS = 'an id of lower-case letters, digits and hyphens, like "case-lists"';
const Id = z.string({ error: ID_WORDS }).regex(ID_PATTERN, ID_WORDS);
// Control characters (a terminal's escape sequences, a lone carriage return) are refused, by
// the rule every text jtai accepts follows (text-rules.ts): they mean nothing in a timetable,
// RFC 5545 forbids them in calendar text, and they could drive a terminal.
const Text = textSchema('text');
// Bounds far beyond any inspection (a JTAI runs for weeks, and jtai knows bank holidays for 25
// years), so that a mistyped number is refused where it is written, not turned into no date.
const MAX_WORKING_DAYS = 2000;
const MAX_WEEKS = 400;
const MAX_HOURS = 24 * 2000;
const MAX_MINUTES = 60 * 24 * 2000;
function bounded(unit: string, max: number) {
  const words = `a whole number of ${unit} from -${max} to ${max}`;
  return z.int(words).min(-max, words).max(max, words);
}
const WorkingDays = bounded('working days', MAX_WORKING_DAYS);
/** A 24-hour clock time, "HH:MM". */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
const TIME_WORDS = 'a 24-hour time of day like "15:00"';
const TimeOfDay = z.string({ error: TIME_WORDS }).regex(TIME_OF_DAY, TIME_WORDS);
const IsoDateText = z.iso.date('a date like "2019-03-19"');
const Weekday = z.enum(WEEKDAYS);

const ITEM_KINDS = ['submission', 'inspector-action'] as const;
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
      .optional()
      .describe(
        'Parties that belong to this one (default: none); "--agency police" also matches a group police belongs to.',
      ),
    group: z
      .boolean()
      .optional()
      .describe(
        'Whether it is only a name for its members together (default: true when it has members): status and "still owed by" then name each member, each with its own part, and never the group. false: an agency in its own right that its members act for.',
      ),
    aliases: z
      .array(Text)
      .optional()
      .describe(
        'Other names people use for it with --agency, any case ("probation", "nhs"); one alias may name several parties.',
      ),
  })
  .describe('An agency, a person or a group of them.');

const NotificationSchema = z.strictObject({
  day: z
    .int('a whole number')
    .min(0, 'zero or more')
    .max(MAX_WORKING_DAYS, `a whole number from 0 to ${MAX_WORKING_DAYS}`)
    .optional()
    .describe('The day number of the notification day (default 0).'),
  weekday: Weekday.optional().describe('The weekday notifications are expected on; another gives a warning.'),
  source: Text.optional().describe("The source's own words about the notification day."),
});

const ClosureSchema = z.strictObject({ date: IsoDateText, name: Text });

const QuoteSchema = z
  .union([
    Text,
    z.strictObject({
      text: Text.describe("The document's own words."),
      from: Id.describe('The id, under "sources", of the document they are quoted from.'),
    }),
  ])
  .describe(
    'The words of a source document: text quoted from the main "source", or { text, from } for another of "sources".',
  );

const InspectionSchema = z
  .strictObject({
    guidance: Text.describe('The guidance the rule set encodes, for example "JTAI guidance of July 2018".'),
    themes: z
      .array(Text)
      .min(1, 'at least one theme')
      .describe('The deep-dive theme or themes of the inspections it encodes.'),
    themesSource: QuoteSchema.optional().describe('The words that name the themes.'),
    inspectorates: z.array(Text).optional().describe('Who carries out the inspection (default: not said).'),
    inspectoratesSource: QuoteSchema.optional().describe('The words that name the inspectorates.'),
    note: Text.optional().describe('Where the sources are silent or inconsistent about these, what the rule set does.'),
  })
  .describe('What the inspection is: its guidance, its themes and who carries it out.');

const AppliesSchema = z
  .strictObject({
    from: IsoDateText.optional().describe(
      'The first notification date the rule set fits; before it, jtai notes that it may not fit.',
    ),
    until: IsoDateText.optional().describe(
      'The last notification date it is known to fit; after it, jtai notes that it may not fit.',
    ),
    source: QuoteSchema.optional().describe('The words that say when the guidance applies.'),
    before: Text.optional().describe('Why a notification before "from" may not fit, said with the note.'),
    after: Text.optional().describe(
      'Why a notification after "until" may not fit (what changed, with where it is written), said with the note.',
    ),
  })
  .describe('When the rule set fits: outside these dates a plan still comes, with a note that it may not fit.');

const FocusPointSchema = z
  .union([
    Text,
    z.strictObject({
      text: Text.describe("The point, in the source's words."),
      parties: z.array(Id).optional().describe('The parties the point names (default: none).'),
      note: Text.optional().describe('Where the source is unclear about it, what the rule set does.'),
    }),
  ])
  .describe("One point, in the source's words: text, or { text, parties } where it names parties.");

const FocusListSchema = z
  .strictObject({
    id: Id.describe('A short, stable name for the list.'),
    heading: Text.describe("The list's heading, in the source's words."),
    intro: Text.optional().describe('Words of the source that lead into the points, if any.'),
    parties: z.array(Id).optional().describe('The parties the whole list names (default: none).'),
    from: Id.optional().describe('The id, under "sources", of the document it comes from (default: the main source).'),
    note: Text.optional().describe('Where the source is unclear about the list, what the rule set does.'),
    points: z.array(FocusPointSchema).min(1, 'at least one point').describe("The points, each in the source's words."),
  })
  .describe('One list of what the inspection looks at, or what an agency must be ready to show.');

const RuleItemFileSchema = z
  .strictObject({
    id: Id.describe('A short, stable name for the item; used in UIDs and in "after".'),
    kind: z
      .enum(ITEM_KINDS)
      .describe('"submission": the area must provide something. "inspector-action": inspectors select or request.'),
    title: Text.describe('What is due or what happens, in a few words.'),
    day: WorkingDays.optional().describe(
      'Working-day number, counted the way notification.day counts the notification day.',
    ),
    week: z
      .int('a whole week number')
      .min(1, 'a week number from 1')
      .max(MAX_WEEKS, `a week number from 1 to ${MAX_WEEKS}`)
      .optional()
      .describe('Week number (week 1 is the Monday-to-Sunday week of notification); needs weekday.'),
    weekday: Weekday.optional().describe(
      'With week: the day of that week. With day: the weekday the source gives, checked against the date.',
    ),
    from: Id.optional().describe(
      'Instead of day or week: the id of the item this one is counted from (an internal deadline chained to it).',
    ),
    days: WorkingDays.optional().describe('With from: working days after (+) or before (-) that item (default 0).'),
    hours: bounded('hours', MAX_HOURS)
      .optional()
      .describe('With from: hours after (+) or before (-) its time, in wall-clock time (default 0).'),
    minutes: bounded('minutes', MAX_MINUTES)
      .optional()
      .describe('With from: minutes after (+) or before (-) its time (default 0).'),
    at: z
      .string()
      .optional()
      .describe(
        'A 24-hour clock time ("15:00"), the id of a named time ("end-of-day"), or "all-day"; with from, by default the time of that item.',
      ),
    by: z.array(Id).min(1, 'at least one party').describe('The parties that must act.'),
    to: Id.optional().describe('The party that receives it.'),
    details: z.array(Text).optional().describe('What is to be provided or done, one line each (default: none).'),
    source: Text.describe("The source's own words for this item."),
    note: Text.optional().describe('Where the source is silent or inconsistent, what this rule set does about it.'),
    after: z.array(Id).optional().describe('Items this one must not come before (default: none).'),
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
      .array(ClosureSchema)
      .optional()
      .describe('Local closure days that working days skip too (default: none).'),
    notification: NotificationSchema.optional().describe(
      'How the notification day is counted (default: day 0, any weekday).',
    ),
    times: z.record(Id, NamedTimeSchema).optional().describe('Named times of day (default: none).'),
    parties: z.record(Id, PartySchema).describe('Everyone who acts or receives.'),
    notes: z.array(Text).optional().describe('Notes on the whole rule set, shown with every plan (default: none).'),
    sources: z
      .record(Id, SourceSchema)
      .optional()
      .describe('Other documents quoted, by id, beside the main "source" (default: none).'),
    inspection: InspectionSchema.optional(),
    applies: AppliesSchema.optional(),
    focus: z
      .array(FocusListSchema)
      .optional()
      .describe('What the inspection looks at and what agencies must be ready to show (default: none).'),
    items: z
      .array(RuleItemFileSchema)
      .min(1, 'at least one item')
      .describe('Every submission due and inspector action.'),
  })
  .describe('A JTAI timetable: working-day offsets, clock times and deadlines from a notification date.');

/**
 * The form of an overlay's entry: every field optional and nullable (null removes the base's
 * field, as in JSON Merge Patch, RFC 7396), except those named to keep as they are.
 */
function patchOf<T extends z.ZodRawShape>(schema: z.ZodObject<T>, keep: ReadonlyArray<keyof T> = []) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [
      key,
      keep.includes(key) ? field : (field as z.ZodType).nullable().optional(),
    ]),
  );
  return z.strictObject(shape as Record<string, z.ZodType>).describe(schema.description ?? '');
}

/**
 * A rule set that builds on another: "extends" names a built-in rule set or a file (relative
 * to this one). Every field it gives changes that field and nothing else, and null removes a
 * field: an item, a named time or a party with a base id changes only the fields given; a new
 * id adds a whole entry; closures and notes are added; "remove" drops base items.
 */
const RuleSetOverlaySchema = z
  .strictObject({
    extends: Text.describe('The rule set this one builds on: a built-in name ("jtai-2018") or a file path.'),
    remove: z.array(Id).optional().describe('Ids of base items to leave out.'),
    id: RuleSetFileSchema.shape.id,
    name: Text.optional(),
    description: Text.nullable().optional(),
    source: patchOf(SourceSchema).optional().describe('Changes to the source document: only the fields given change.'),
    timezone: Text.optional(),
    holidays: z.enum(HOLIDAY_CALENDARS).optional(),
    closures: z
      .array(ClosureSchema)
      .nullable()
      .optional()
      .describe('Closure days added to the base ones (null: none of the base ones).'),
    notification: patchOf(NotificationSchema)
      .optional()
      .describe('Changes to how the notification day is counted: only the fields given change.'),
    times: z
      .record(Id, patchOf(NamedTimeSchema).nullable())
      .optional()
      .describe(
        'Named times added (time and label needed), changed field by field where the base has the id, or removed with null.',
      ),
    parties: z
      .record(Id, patchOf(PartySchema).nullable())
      .optional()
      .describe('Parties added (name needed), changed field by field where the base has the id, or removed with null.'),
    notes: z.array(Text).nullable().optional().describe('Notes added to the base ones (null: none of the base ones).'),
    sources: z
      .record(Id, patchOf(SourceSchema).nullable())
      .optional()
      .describe('Documents added, changed field by field, or removed with null.'),
    inspection: patchOf(InspectionSchema)
      .optional()
      .describe('Changes to what the inspection is: only the fields given change.'),
    applies: patchOf(AppliesSchema)
      .optional()
      .describe('Changes to when the rule set fits: only the fields given change.'),
    focus: z
      .array(patchOf(FocusListSchema, ['id']))
      .optional()
      .describe(
        'Focus lists added (an area may add its own points as a list of its own), or changed field by field where the base has the id.',
      ),
    items: z
      .array(patchOf(RuleItemFileSchema, ['id']))
      .optional()
      .describe(
        'Items added (every field an item needs), or changed field by field where the base has the id; null removes a field.',
      ),
  })
  .describe('A rule set that extends another.');

/** The fields that make a file an overlay, checked before its base is read. */
export const OverlayHeadSchema = z.object(RuleSetOverlaySchema.pick({ extends: true, remove: true }).shape);

/** What a rule-set file may hold: a whole rule set, or one that extends another. */
export const RuleSetDocumentSchema = z.union([RuleSetFileSchema, RuleSetOverlaySchema]);

/** A rule set as written in YAML, after the schema check: fields left out are still left out. */
export type RuleSetFile = z.output<typeof RuleSetFileSchema>;

export type Anchor =
  | { type: 'day'; day: number; weekday?: (typeof WEEKDAYS)[number] }
  | { type: 'week'; week: number; weekday: (typeof WEEKDAYS)[number] }
  | { type: 'from'; from: string; days: number; hours: number; minutes: number };

export type At = { type: 'clock'; time: string; name?: string; label?: string; note?: string } | { type: 'all-day' };

export interface Party {
  id: string;
  name: string;
  members: string[];
  /** Only a name for its members together (status names each member, never it): true by default when it has members. */
  group: boolean;
  /** Other names for --agency (default: none). */
  aliases?: string[];
}

export interface RuleItem {
  id: string;
  kind: ItemKind;
  title: string;
  anchor: Anchor;
  /** The time; for an item counted from another, undefined when it takes that item's time. */
  at?: At;
  by: string[];
  to?: string;
  details: string[];
  source: string;
  note?: string;
  after: string[];
}

export interface Notification {
  day: number;
  weekday?: (typeof WEEKDAYS)[number];
  source?: string;
}

/** Words quoted from a document: from the main source, or from one of "sources" by id. */
export interface Quote {
  text: string;
  from?: string;
}

export type SourceDocument = RuleSetFile['source'];

export interface Inspection {
  guidance: string;
  themes: string[];
  themesSource?: Quote;
  inspectorates: string[];
  inspectoratesSource?: Quote;
  note?: string;
}

export interface Applies {
  from?: string;
  until?: string;
  source?: Quote;
  before?: string;
  after?: string;
}

export interface FocusPoint {
  text: string;
  parties: string[];
  note?: string;
}

export interface FocusList {
  id: string;
  heading: string;
  intro?: string;
  parties: string[];
  from?: string;
  note?: string;
  points: FocusPoint[];
}

/** A checked rule set with every name resolved and every default applied: plain data, safe to serialise. */
export interface RuleSet {
  id: string;
  name: string;
  description?: string;
  source: RuleSetFile['source'];
  timezone: string;
  holidays: RuleSetFile['holidays'];
  closures: Array<{ date: string; name: string }>;
  notification: Notification;
  parties: Record<string, Party>;
  notes: string[];
  /** Other documents quoted, by id (default: none). */
  sources: Record<string, SourceDocument>;
  inspection?: Inspection;
  applies?: Applies;
  focus: FocusList[];
  items: RuleItem[];
}
