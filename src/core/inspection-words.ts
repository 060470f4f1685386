import type { Contact } from './inspection-record.js';

// Words about an inspection that renderers share, kept apart from the file's zod schema so that
// start-up never loads zod.

/** A contact in a line: contactWords({ name: "Jane Smith", phone: "0123" }) is "Jane Smith, 0123". */
export function contactWords(c: Contact): string {
  return [c.name, c.role, c.email, c.phone].filter(Boolean).join(', ');
}

/** An area name as it goes into an id (a UID, a file name): slugOf("Barking & Dagenham") is "barking-dagenham". */
export function slugOf(area: string): string {
  return area
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'area';
}
