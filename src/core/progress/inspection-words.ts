import type { Contact } from './inspection-record.js';

// Words about an inspection that renderers share, kept apart from the file's zod schema so that
// start-up never loads zod.

/** A contact in a line: contactWords({ name: "Jane Smith", phone: "0123" }) is "Jane Smith, 0123". */
export function contactWords(c: Contact): string {
  return [c.name, c.role, c.email, c.phone].filter(Boolean).join(', ');
}

const SLUG_LENGTH = 40;

/**
 * An area name as it goes into an id (a UID, a file name), readable and unique: names that
 * differ only in case, spaces and ASCII punctuation are the same area (slugOf("Barking &
 * Dagenham") is "barking-dagenham"); when anything else is dropped (a letter outside ASCII, an
 * accent) or the name is cut, a short hash of the whole name keeps distinct names apart:
 * slugOf("Ynys Môn") is "ynys-mon-" and 8 hex digits, slugOf("東京") is "area-" and 8.
 */
export function slugOf(area: string): string {
  const name = area.normalize('NFC').trim();
  const words = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const plain = /^[\x20-\x7e]*$/.test(name) && words.length <= SLUG_LENGTH;
  if (plain && words !== '') return words;
  const readable = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, SLUG_LENGTH - 9).replace(/-+$/, '');
  return `${readable || 'area'}-${hashOf(name.toLowerCase())}`;
}

/** FNV-1a, 32 bits, over the UTF-16 code units, as 8 hex digits: a short name for a text, not a secret. */
function hashOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
