import { JtaiError, NonexistentTimeError } from '../../errors.js';
import type { IsoDate } from './calendar-date.js';

/**
 * A time zone's UTC offsets as data: the offset before the first change, then each change as
 * [UTC milliseconds, offset in minutes from then on]. Made from the IANA rules by luxon
 * (zone-rules-luxon.ts); the built-in Europe/London table is generated into london-zone.ts.
 */
export interface ZoneRules {
  name: string;
  /** The first and last years the table holds every change of; outside them it cannot be trusted. */
  years: readonly [number, number];
  initialOffset: number;
  transitions: ReadonlyArray<readonly [number, number]>;
}

/** The UTC offset in minutes at an instant: offsetAt(london, Date.UTC(2019, 3, 2)) is 60. */
export function offsetAt(zone: ZoneRules, utcMs: number): number {
  // The last change at or before the instant, by halving the table (in time order): a plan
  // asks for hundreds of offsets, and Europe/London's table has fifty changes.
  const changes = zone.transitions;
  let after = 0; // the first change after the instant, found between after and end
  let end = changes.length;
  while (after < end) {
    const middle = (after + end) >>> 1;
    if (changes[middle]![0] > utcMs) end = middle;
    else after = middle + 1;
  }
  return after === 0 ? zone.initialOffset : changes[after - 1]![1];
}

/** Whether the table knows the zone's offset at an instant: coversInstant(london, Date.UTC(2041, 6, 1)) is false. */
export function coversInstant(zone: ZoneRules, utcMs: number): boolean {
  const year = new Date(utcMs).getUTCFullYear();
  return year >= zone.years[0] && year <= zone.years[1];
}

/**
 * Whether a wall-clock time happens twice (the hour repeated when the clocks go back):
 * isRepeatedTime(london, "2019-10-27", "01:30") is true; zonedInstant takes the first of the two.
 */
export function isRepeatedTime(zone: ZoneRules, date: IsoDate, time: string): boolean {
  const wall = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(wall)) return false;
  const offsets = new Set([offsetAt(zone, wall - 86_400_000), offsetAt(zone, wall + 86_400_000)]);
  return [...offsets].filter((o) => offsetAt(zone, wall - o * 60_000) === o).length > 1;
}

/** An offset as ISO 8601 writes it: formatOffset(60) is "+01:00". */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * The instant of a wall-clock time in a zone, as ISO 8601 with its offset, the first of a time
 * that happens twice unless offset (minutes) names the other: zonedInstant(london, "2019-04-02",
 * "17:00") is "2019-04-02T17:00:00+01:00"; zonedInstant(london, "2019-10-27", "01:30", 0) is
 * "2019-10-27T01:30:00+00:00".
 */
export function zonedInstant(zone: ZoneRules, date: IsoDate, time: string, offset?: number): string {
  const wall = Date.parse(`${date}T${time}:00Z`); // the wall-clock reading, as if it were UTC
  if (Number.isNaN(wall)) throw new JtaiError(`cannot read ${date} ${time} as a date and time.`);
  // The offsets in force a day either side are the only candidates. Of those that give back
  // this wall time, take the one given (a moved deadline's own, which says which of a time that
  // happens twice when the clocks go back it is), else the earlier instant; if none does (the
  // hour skipped when they go forward), the time does not exist.
  const candidates = [offsetAt(zone, wall - 86_400_000), offsetAt(zone, wall + 86_400_000)].sort((a, b) => b - a);
  const fits = candidates.filter((o) => offsetAt(zone, wall - o * 60_000) === o);
  const chosen = offset !== undefined && fits.includes(offset) ? offset : fits[0];
  if (chosen === undefined) {
    throw new NonexistentTimeError(
      `${date} ${time} does not exist in ${zone.name}: the clocks go forward then; choose another time.`,
    );
  }
  return `${date}T${time}:00${formatOffset(chosen)}`;
}
