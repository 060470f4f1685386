import { DateTime } from 'luxon';

/** luxon's own reading of a wall-clock time, an oracle to check zonedInstant against (tests only). */
export function luxonInstant(name: string, date: string, time: string): string {
  return DateTime.fromISO(`${date}T${time}`, { zone: name }).toISO({ suppressMilliseconds: true })!;
}
