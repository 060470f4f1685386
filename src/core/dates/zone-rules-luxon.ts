import { IANAZone } from 'luxon';
import { JtaiError } from '../../errors.js';
import type { ZoneRules } from './zone-rules.js';

const HOUR = 3_600_000;

/**
 * Reads a zone's offset changes between two years from the IANA data through luxon:
 * computeZoneRules("Europe/London", 2019, 2019).transitions has the March and October changes.
 */
export function computeZoneRules(name: string, firstYear: number, lastYear: number): ZoneRules {
  if (!IANAZone.isValidZone(name)) throw new JtaiError(`unknown time zone "${name}".`);
  const zone = IANAZone.create(name);
  const start = Date.UTC(firstYear - 1, 11, 31);
  const end = Date.UTC(lastYear + 1, 0, 2);
  const transitions: Array<[number, number]> = [];
  let offset = zone.offset(start);
  const initialOffset = offset;
  for (let t = start; t < end; t += HOUR) {
    const next = zone.offset(t + HOUR);
    if (next === offset) continue;
    // Narrow the change to the minute within this hour.
    let lo = t;
    let hi = t + HOUR;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (zone.offset(mid) === offset) lo = mid;
      else hi = mid;
    }
    transitions.push([hi, next]);
    offset = next;
  }
  return { name, years: [firstYear, lastYear], initialOffset, transitions };
}
