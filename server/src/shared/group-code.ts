/**
 * A group's short code: what the office sees for a group that sends no name, and what the chair
 * sees beside the group on the tablet's Sending screen, so the two can be matched by eye. Made
 * from the group id alone, the same way on both sides (this one function).
 *
 * FNV-1a over the id's UTF-16 code units, then five letters or digits from an alphabet without
 * look-alikes (no 0/O, 1/I/L): 31^5 ≈ 29 million codes, so two groups of one programme sharing a
 * code is very unlikely, and the office still shows the id beside it.
 */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function groupCode(groupId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < groupId.length; i += 1) {
    hash ^= groupId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  let code = '';
  for (let i = 0; i < 5; i += 1) {
    code += ALPHABET[hash % ALPHABET.length];
    hash = Math.floor(hash / ALPHABET.length);
  }
  return `G-${code}`;
}
