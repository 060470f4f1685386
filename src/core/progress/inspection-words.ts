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
 * accent) or the name is cut, a hash of the whole name keeps distinct names apart, after a
 * double hyphen that no plain name's slug has: slugOf("Ynys Môn") is "ynys-mon--" and 12 hex
 * digits, slugOf("東京") is "area--" and 12.
 */
export function slugOf(area: string): string {
  const name = area.normalize('NFC').trim();
  const words = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const plain = /^[\x20-\x7e]*$/.test(name) && words.length <= SLUG_LENGTH;
  if (plain && words !== '') return words;
  const readable = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_LENGTH - 14)
    .replace(/-+$/, '');
  return `${readable || 'area'}--${hashOf(name.toLowerCase())}`;
}

// FNV-1a, 64 bits, over the UTF-16 code units, as its top 48 bits in 12 hex digits: a short
// name for a text (no secret), with no collision to expect among any areas' names.
function hashOf(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++)
    hash = ((hash ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n) & 0xffffffffffffffffn;
  return (hash >> 16n).toString(16).padStart(12, '0');
}
