import { FIRST_YEAR, LAST_YEAR } from './bank-holidays-data.js';
import { EUROPE_LONDON } from './london-zone.js';
import type { ZoneRules } from './zone-rules.js';

/** A zone's rules: the built-in table for Europe/London, or read through luxon (loaded only then). */
export async function zoneRulesFor(name: string): Promise<ZoneRules> {
  if (name === EUROPE_LONDON.name) return EUROPE_LONDON;
  const { computeZoneRules } = await import('./zone-rules-luxon.js');
  return computeZoneRules(name, FIRST_YEAR, LAST_YEAR);
}
